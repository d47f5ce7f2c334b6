// The demo's inspections planned, coded and merged (docs/demo-data.md "Plans, codes and ratings, year by year"),
// written after the records, from them:
//   - each county agency's directory of inspection objects: the entities of its county its line's items
//     concern, with risk and credit classes;
//   - every year from 2025 (the year codes became the rule; or the period's first year, if later) to the
//     as-of year: a plan item per agency, year and inspection item its routine inspections were for
//     (drawn in the agency's own system: external draws), a task per inspection (plan, complaint, or a
//     joint task for a joint visit, its members merged by an accepted suggestion), the task's code on the
//     record, and the enterprises' ratings of a third of them;
//   - the year after the as-of year: plan items drawn by Kedu's sampler (seeded, reproducible with
//     `kedu plans resample --verify`), their tasks in the year ahead, and the merge suggestions they
//     give, some accepted.
// Planted, with their ground truth: inspections citing no code (uncoded_inspection) or a code not their
// own (code_mismatch: another entity's, expired, other officers, forged); routine inspections of an
// agency and item the year's plans do not cover (unplanned_inspection); plans of a year ended by the
// as-of day whose target is a third or three times what was done (plan_off_target); draws of the year
// ahead repeating the as-of year's entities (sampling_bias); planned visits of two agencies to one
// entity, related items, within 30 days, never considered for merging (unmerged_overlap; the other such
// visits carry a declined suggestion with its reason); officers and agencies rated low in a year
// (low_rating_officer, low_rating_agency).
import { createHash } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';
import { SYSTEM_CALLER, type Caller } from '../auth/caller.ts';
import { recordId } from '../records/record-id.ts';
import { countyColumn } from '../records/county.ts';
import { mergeGroupOf } from '../catalog/joint-scenarios.ts';
import { issueCode, MAX_SERIAL } from '../inspections/action-code.ts';
import { codeKey } from '../inspections/code-key.ts';
import { drawOrder, poolDigest, SAMPLING_METHOD, SeedStream, weightOf, type Candidate } from '../inspections/sampling.ts';
import { drawParams, tasksOfRanks, type PlanRow } from '../inspections/draw.ts';
import { PLAN_COLUMNS } from '../inspections/plans.ts';
import { TASK_COLUMNS, issueTasks, taskIdOf, type NewTask } from '../inspections/tasks.ts';
import { decideSuggestion, listSuggestions, SUGGESTION_COLUMNS, suggestionId, suggestMerges } from '../inspections/merge.ts';
import { dayOf, isoOf, yearOf, type Period } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { RecordKind, Violation } from './ground-truth.ts';
import { INDUSTRIES } from './industries.ts';
import { deriveSeed, Rng, Weighted } from './prng.ts';
import { SOURCE } from './tables.ts';
import type { Agency } from './world.ts';

/** The tables this part fills, children first (emptied by `kedu demo --reset`). */
export const PLAN_TABLES = [
  'inspection_ratings',
  'merge_members',
  'merge_suggestions',
  'plan_adjustments',
  'plan_draws',
  'inspection_tasks',
  'inspection_plans',
  'inspection_objects',
] as const;

export const PLAN_PLANT = {
  uncoded: 0.015, // of the inspections of the plan years
  mismatch: 0.01, // of the inspections of the plan years
  unplanned: 0.04, // of the (agency, year, item) groups of routine inspections
  offTarget: 0.05, // of the plans of ended years with at least 15 inspections
  biased: 0.15, // of the plans of the year ahead whose as-of-year group had at least 10 inspections
  unmerged: 0.2, // of the overlaps of planned visits (the rest carry a declined suggestion)
  rated: 0.35, // of the coded tasks
  lowAgency: 0.05, // of county agencies with 20 ratings or more in a year
  lowOfficer: 0.06, // of officers of other agencies with 8 rated tasks or more in a year
} as const;

/** The year codes and plans became the rule (INS_CODE_MISSING's and INS_UNPLANNED's default from_year). */
export const CODED_FROM = 2025;

/**
 * The plan years of a demo period: every calendar year from the later of CODED_FROM and the period's
 * first year to the as-of year, planned and coded from the records; and the year after, drawn ahead.
 */
export function planYears(period: Period): { years: number[]; next: number } {
  const last = yearOf(period.asOf);
  const years: number[] = [];
  for (let y = Math.max(CODED_FROM, yearOf(period.start)); y <= last; y++) years.push(y);
  return { years, next: last + 1 };
}
const WINDOW_DAYS = 30;
const RISK = new Weighted(['low', 'medium', 'high', 'severe'], [40, 35, 20, 5]);
const CREDIT = new Weighted(['A', 'B', 'C', 'D'], [30, 50, 15, 5]);
const SCORE = new Weighted([5, 4, 3, 2, 1], [55, 30, 10, 3, 2]);
const DECLINE_REASONS = ['检查时间无法协调', '检查所需专业力量不同，分别实施', '已另行安排专项检查', '企业停业整顿期间，改期检查'];
const COMMENTS = [
  '检查人员出示证件，流程规范',
  '指出问题具体，帮助整改',
  '',
  '',
  '检查时间较长',
  '态度生硬，要求不明确',
  '多次重复检查，增加负担',
];

interface Rec {
  id: string;
  region_code: string;
  agency_id: string;
  inspection_item_code: string;
  entity_uscc: string;
  inspected_on: string;
  kind: string;
  joint_id: string | null;
  lead_officer_id: string;
  assist_officer_id: string | null;
}

interface PlanFacts {
  id: string;
  agencyId: string;
  item: string;
  region: string;
  routine: number;
  drawId: string;
  rank: number;
  /** The entities its routine inspections visited (the sampling-bias test compares years). */
  entities: Set<string>;
}

interface Pending {
  task: NewTask;
  /** The record citing the task's code: its own, or (planted) not. */
  record: Rec | null;
  /** Filled by the serials pass. */
  id?: string;
  code?: string;
  /** A member of a joint visit: the visit's joint_id. */
  merged?: string;
  /** A joint task: its joint_id and its members. */
  jointKey?: string;
  members?: Pending[];
  planted?: 'expired' | 'officers';
}

/** The chance a rating of a planted low-rated agency's task is low (1–2), … */
const LOW_AGENCY_SHARE = 0.6;
/** … and INS_LOW_RATING_AGENCY's default share of low ratings, which the plant must reach. */
const LOW_AGENCY_MIN_SHARE = 0.3;

/** INS_GOOD_CREDIT_OVERCHECKED's default: an A-class entity randomly inspected more often in a year is planted. */
const GOOD_CREDIT_MAX = 2;
/** Percent of the entities inspected more often than that classed A (the plants); the others are never A. */
const GOOD_CREDIT_PLANT = 10;

/** INS_RISK_INVERTED's defaults: an agency-year with this many 双随机 inspections of classed entities, … */
const RISK_MIN_INSPECTIONS = 20;
/** … whose share on C/D entities is below this part of the C/D share of its directory. */
const RISK_RATIO = 0.5;
/** Percent of the agencies with such a year planted: every entity they drew classed B where it was C or D. */
const RISK_PLANT = 8;

/**
 * Credit classes against the agency's 双随机 draws (浙江省综合行政执法条例 第二十一条 第二款): planted agencies
 * (risk_inverted, subject the agency) get B for every entity they drew that was C or D; in the others, a
 * year whose draws fall below RISK_RATIO of the directory's C/D share by chance gets drawn B entities
 * classed C until it does not (an agency still below is planted too, the rule holding it). A is never
 * touched (good_credit_overchecked reads it).
 */
/** An entity in an agency's directory of inspection objects, with its risk and credit classes. */
interface DirectoryEntry {
  agencyId: string;
  uscc: string;
  region: string;
  /** Index into INDUSTRIES. */
  industry: number;
  risk: string;
  credit: string;
}

async function invertRisk(
  store: Store,
  ctx: Ctx,
  directory: Map<string, DirectoryEntry[]>,
  agencies: Map<string, Agency>,
  plant: Plant,
): Promise<void> {
  const drawn = new Map<string, Map<number, Map<string, number>>>();
  for (const r of await store.query<{ agency_id: string; entity_uscc: string; year: number; n: number }>(`
    SELECT agency_id, entity_uscc, CAST(EXTRACT(YEAR FROM inspected_on) AS INTEGER) AS year, count(*) AS n FROM inspections
    WHERE kind = 'random' AND inspected_on <= CAST('${ctx.period.asOfIso}' AS DATE)
    GROUP BY agency_id, entity_uscc, CAST(EXTRACT(YEAR FROM inspected_on) AS INTEGER) ORDER BY agency_id, year, entity_uscc`)) {
    let years = drawn.get(r.agency_id);
    if (!years) drawn.set(r.agency_id, (years = new Map()));
    let counts = years.get(Number(r.year));
    if (!counts) years.set(Number(r.year), (counts = new Map()));
    counts.set(r.entity_uscc, Number(r.n));
  }
  const poor = (c: string) => c === 'C' || c === 'D';
  for (const [agencyId, list] of directory) {
    const years = drawn.get(agencyId);
    if (!years) continue;
    const entry = new Map(list.map((x) => [x.uscc, x]));
    const setClass = (uscc: string, credit: string) => {
      entry.get(uscc)!.credit = credit;
    };
    /** The years the rule raises: n, k and the directory's C/D count, as the model reads them. */
    const below = () => {
      const cd = list.filter((x) => poor(x.credit)).length;
      const out: { year: number; n: number; k: number }[] = [];
      for (const [year, counts] of years) {
        let n = 0,
          k = 0;
        for (const [uscc, c] of counts) {
          const x = entry.get(uscc);
          if (!x) continue;
          n += c;
          if (poor(x.credit)) k += c;
        }
        if (n >= RISK_MIN_INSPECTIONS && cd > 0 && k * list.length < RISK_RATIO * cd * n) out.push({ year, n, k });
      }
      return out;
    };
    const eligible = [...years.values()].some(
      (counts) => [...counts].reduce((t, [u, c]) => t + (entry.has(u) ? c : 0), 0) >= RISK_MIN_INSPECTIONS,
    );
    if (!eligible) continue;
    if (deriveSeed(ctx.seed, 'risk-inverted', agencyId) % 100 < RISK_PLANT && ctx.keepPlant()) {
      for (const counts of years.values()) for (const u of counts.keys()) if (entry.has(u) && poor(entry.get(u)!.credit)) setClass(u, 'B');
    } else {
      for (let hit = below(); hit.length > 0; hit = below()) {
        const year = years.get(hit[0].year)!;
        const flip = [...year.keys()].find((u) => entry.get(u)?.credit === 'B');
        if (!flip) break;
        setClass(flip, 'C');
      }
    }
    const hit = below();
    if (hit.length > 0) plant('risk_inverted', 'agency', agencyId, agencies.get(agencyId)!.region, { years: hit, directory: list.length });
  }
}

/** Writes the plans, tasks, codes, suggestions and ratings; returns the ground-truth rows it planted. */
export async function makeInspectionPlans(store: Store, ctx: Ctx): Promise<number> {
  // The data set's "today" (the living demo's ends on the day it is made; tests pin 2025-12-31).
  const asOfIso = ctx.period.asOfIso;
  const { seed, world, cat } = ctx;
  const truthRows: Value[][] = [];
  const plant: Plant = (violation, kind, id, region, detail) => {
    truthRows.push([violation, kind, id, region, JSON.stringify(detail)]);
    ctx.truth.counts.set(violation, (ctx.truth.counts.get(violation) ?? 0) + 1);
  };
  const agencies = new Map<string, Agency>(world.agencies.map((a) => [a.id, a]));
  const items = new Map(cat.catalog.inspectionItems.map((i) => [i.code, i]));
  const key = codeKey();

  ctx.stage('检查对象名录');
  // ── the directory ───────────────────────────────────────────────────────────────────────────
  const countyOf = new Map(world.counties.map((c) => [c.code, c]));
  const entityRegion = new Map<string, string>();
  const directory = new Map<string, DirectoryEntry[]>();
  // The directory's rows in the order they are drawn up (entity by entity), written once the credit
  // classes are settled: one small object a row (at hangzhou scale millions of them; a row of values
  // and a map by key each besides ran the generator out of its 4 GB heap).
  const objects: DirectoryEntry[] = [];
  // Entities an agency inspected by 双随机 more than GOOD_CREDIT_MAX times in a calendar year: classed A
  // only where planted (good_credit_overchecked), else B if the draw gave them A.
  const overchecked = new Map<string, { year: number; count: number }>();
  for (const r of await store.query<{ agency_id: string; entity_uscc: string; year: number; n: number }>(`
    SELECT agency_id, entity_uscc, CAST(EXTRACT(YEAR FROM inspected_on) AS INTEGER) AS year, count(*) AS n FROM inspections
    WHERE kind = 'random' AND inspected_on <= CAST('${asOfIso}' AS DATE)
    GROUP BY agency_id, entity_uscc, CAST(EXTRACT(YEAR FROM inspected_on) AS INTEGER) HAVING count(*) > ${GOOD_CREDIT_MAX}
    ORDER BY agency_id, entity_uscc, year`))
    overchecked.set(`${r.agency_id}|${r.entity_uscc}`, { year: Number(r.year), count: Number(r.n) });
  for (const e of await store.query<{ uscc: string; region_code: string; industry: string }>(
    'SELECT uscc, region_code, industry FROM entities ORDER BY uscc',
  )) {
    entityRegion.set(e.uscc, e.region_code);
    const county = countyOf.get(e.region_code.slice(0, 6));
    const ind = INDUSTRIES.findIndex((i) => i.name === e.industry);
    if (!county || ind < 0) continue;
    const rng = Rng.of(seed, 'directory', e.uscc);
    for (const line of cat.inspectionLinesFor[ind].keys()) {
      const agency = county.agencies.get(line);
      if (!agency) continue;
      const risk = RISK.pick(rng);
      let credit = CREDIT.pick(rng);
      const over = overchecked.get(`${agency.id}|${e.uscc}`);
      if (over) {
        if (deriveSeed(seed, 'good-credit-overchecked', agency.id, e.uscc) % 100 < GOOD_CREDIT_PLANT && ctx.keepPlant()) {
          credit = 'A';
          plant('good_credit_overchecked', 'entity', e.uscc, e.region_code, { agency_id: agency.id, ...over });
        } else if (credit === 'A') credit = 'B';
      }
      const entry: DirectoryEntry = { agencyId: agency.id, uscc: e.uscc, region: e.region_code, industry: ind, risk, credit };
      objects.push(entry);
      let list = directory.get(agency.id);
      if (!list) directory.set(agency.id, (list = []));
      list.push(entry);
    }
  }
  await invertRisk(store, ctx, directory, agencies, plant);
  const objectColumns = countyColumn('inspection_objects', [
    'id',
    'source_system',
    'region_code',
    'agency_id',
    'entity_uscc',
    'object_type',
    'risk_class',
    'credit_class',
  ])!;
  await store.copyIn(
    'inspection_objects',
    objectColumns.columns,
    (function* () {
      for (const x of objects) {
        yield objectColumns.add([
          recordId('inspection_objects', x.agencyId, x.uscc),
          SOURCE,
          x.region,
          x.agencyId,
          x.uscc,
          INDUSTRIES[x.industry].code,
          x.risk,
          x.credit,
        ]);
      }
    })(),
  );
  objects.length = 0;

  ctx.stage('各年度检查计划');
  // ── plans of each year: one per agency and item of routine inspections (external draws) ───────
  const { years, next } = planYears(ctx.period);
  const plansOf = new Map<number, Map<string, PlanFacts>>(years.map((y) => [y, new Map()]));
  const planRows: Value[][] = [];
  const drawRows: Value[][] = [];
  const planKey = (agency: string, item: string) => `${agency}|${item}`;
  for (const year of years) {
    const yearFrom = `${year}-01-01`;
    const yearTo = `${year}-12-31`;
    // A plan's window closes at the end of its year: only a year ended by the as-of day is judged
    // against its target (INS_PLAN_DEVIATION), so only such a year gets targets planted off.
    const ended = dayOf(yearTo) <= ctx.period.asOf;
    const plans = plansOf.get(year)!;
    const groups = await store.query<{ agency_id: string; inspection_item_code: string; routine: number; executed: number }>(`
    SELECT agency_id, inspection_item_code, count(*) FILTER (WHERE kind IN ('random', 'planned')) AS routine,
           count(*) FILTER (WHERE kind IN ('random', 'planned', 'joint')) AS executed
    FROM inspections WHERE inspected_on >= CAST('${yearFrom}' AS DATE) AND inspected_on <= CAST('${yearTo}' AS DATE)
    GROUP BY agency_id, inspection_item_code HAVING count(*) FILTER (WHERE kind IN ('random', 'planned')) > 0
    ORDER BY agency_id, inspection_item_code`);
    for (const g of groups) {
      const agency = agencies.get(g.agency_id);
      const item = items.get(g.inspection_item_code);
      if (!agency || !item) continue;
      const rng = Rng.of(seed, 'plan', year, g.agency_id, g.inspection_item_code);
      const subject = `${g.agency_id}/${year}/${g.inspection_item_code}`;
      if (rng.chance(PLAN_PLANT.unplanned) && ctx.keepPlant()) {
        plant('unplanned_inspection', 'plan_item', subject, agency.region, { routine: Number(g.routine) });
        continue;
      }
      const executed = Number(g.executed);
      let target = Math.max(1, Math.round(executed * (0.9 + 0.2 * rng.next())));
      if (ended && executed >= 15 && rng.chance(PLAN_PLANT.offTarget) && ctx.keepPlant()) {
        target = rng.chance(0.5) ? executed * 3 : Math.ceil(executed / 3);
        plant('plan_off_target', 'plan_item', subject, agency.region, { target, executed });
      }
      const sourceId = `JH${year}-${g.agency_id}-${g.inspection_item_code}`;
      const id = recordId('inspection_plans', SOURCE, sourceId);
      const drawId = `DR-${year}-${createHash('md5').update(id).digest('hex').slice(0, 16)}`;
      plans.set(planKey(g.agency_id, g.inspection_item_code), {
        id,
        agencyId: g.agency_id,
        item: g.inspection_item_code,
        region: agency.region,
        routine: Number(g.routine),
        drawId,
        rank: 0,
        entities: new Set(),
      });
      planRows.push(
        planRowValues(
          id,
          sourceId,
          agency.region,
          g.agency_id,
          year,
          `${year}年${item.name}`,
          g.inspection_item_code,
          target,
          'none',
          yearFrom,
          yearTo,
        ),
      );
      drawRows.push([
        drawId,
        id,
        agency.region,
        g.agency_id,
        'external',
        null,
        directory.get(g.agency_id)?.length ?? 0,
        null,
        '',
        '{}',
        Number(g.routine),
        'demo',
        `${yearFrom} 09:00:00+08:00`,
      ]);
    }
  }

  ctx.stage('各年度检查任务、赋码与评价');
  // ── tasks of every plan year, county by county, from the records ─────────────────────────────
  const yearsFrom = `${years[0] ?? next}-01-01`;
  const yearsTo = `${years[years.length - 1] ?? next - 1}-12-31`;
  // Ratings are read per calendar year (INS_LOW_RATING_*): an agency or officer rated low in two years is one plant.
  const plantedOnce = new Set<string>();
  const plantOnce: Plant = (violation, kind, id, region, detail) => {
    if (plantedOnce.has(`${violation}|${id}`)) return;
    plantedOnce.add(`${violation}|${id}`);
    plant(violation, kind, id, region, detail);
  };
  // Whether an agency or officer chosen to be rated low is kept at the plant share: asked once, the same every year.
  const keptLow = new Map<string, boolean>();
  const keepLow = (id: string) => {
    let k = keptLow.get(id);
    if (k === undefined) keptLow.set(id, (k = ctx.keepPlant()));
    return k;
  };
  let serial = Number(
    (await store.query<{ next_serial: number }>(`SELECT next_serial FROM inspection_code_counter WHERE name = 'task'`))[0].next_serial,
  );
  for (const county of [...new Set(world.agencies.filter((a) => a.level === 'county').map((a) => a.region))].sort()) {
    const records = await store.query<Rec>(`
      SELECT id, region_code, agency_id, inspection_item_code, entity_uscc, inspected_on, kind, joint_id, lead_officer_id, assist_officer_id
      FROM inspections WHERE region_code LIKE '${county}%' AND inspected_on >= CAST('${yearsFrom}' AS DATE) AND inspected_on <= CAST('${yearsTo}' AS DATE)
      ORDER BY entity_uscc, inspected_on, id`);
    if (!records.length) continue;
    const pending: Pending[] = [];
    const ownTask = new Map<string, Pending>(); // record id → its task
    const joints = new Map<string, Rec[]>();
    for (const r of records) {
      const day = dayOf(r.inspected_on);
      const agency = agencies.get(r.agency_id);
      const officers = pairOf(r, agency);
      if (r.kind === 'joint' && r.joint_id) {
        joints.set(r.joint_id, [...(joints.get(r.joint_id) ?? []), r]);
        continue;
      }
      const rng = Rng.of(seed, 'task', r.id);
      const jan1 = dayOf(`${r.inspected_on.slice(0, 4)}-01-01`);
      const plan = r.kind === 'complaint' ? undefined : plansOf.get(yearOf(day))?.get(planKey(r.agency_id, r.inspection_item_code));
      let from = day - (r.kind === 'complaint' ? 1 : rng.int(11));
      if (from < jan1 && plan) from = jan1;
      const to = r.kind === 'complaint' ? day + 2 : from + 14;
      if (plan) plan.entities.add(r.entity_uscc);
      const p: Pending = {
        record: r,
        task: {
          region_code: r.region_code,
          agency_id: r.agency_id,
          origin: r.kind === 'complaint' ? 'complaint' : plan ? 'plan' : 'adhoc',
          plan_id: plan?.id ?? null,
          draw_id: plan?.drawId ?? null,
          draw_rank: plan ? plan.rank++ : null,
          merge_id: null,
          inspection_item_code: r.inspection_item_code,
          entity_uscc: r.entity_uscc,
          planned_on: isoOf(from),
          valid_from: isoOf(from),
          valid_to: isoOf(to),
          officer_ids: officers.join(','),
          reason: r.kind === 'complaint' ? '投诉举报核查' : plan ? null : '临时安排的日常检查',
        },
      };
      pending.push(p);
      ownTask.set(r.id, p);
    }
    // A joint visit: a member task per record, merged into one joint task the records cite.
    const suggestions: Value[][] = [];
    const members: Value[][] = [];
    for (const [jointId, recs] of [...joints].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const day = dayOf(recs[0].inspected_on);
      const memberPending = recs.map((r) => {
        const p: Pending = {
          record: null,
          task: {
            region_code: r.region_code,
            agency_id: r.agency_id,
            origin: 'adhoc',
            plan_id: null,
            draw_id: null,
            draw_rank: null,
            merge_id: null,
            inspection_item_code: r.inspection_item_code,
            entity_uscc: r.entity_uscc,
            planned_on: isoOf(day - 7),
            valid_from: isoOf(day - 7),
            valid_to: isoOf(day + 7),
            officer_ids: pairOf(r, agencies.get(r.agency_id)).join(','),
            reason: '纳入联合检查',
          },
        };
        pending.push(p);
        return p;
      });
      const joint: Pending = {
        record: recs[0],
        task: {
          ...memberPending[0].task,
          origin: 'joint',
          inspection_item_code: null,
          planned_on: isoOf(day),
          valid_from: isoOf(day - 3),
          valid_to: isoOf(day + 7),
          officer_ids: [...new Set(recs.flatMap((r) => pairOf(r, agencies.get(r.agency_id))))].join(','),
          reason: `综合查一次（${jointId}）`,
        },
      };
      joint.jointKey = jointId;
      joint.members = memberPending;
      pending.push(joint);
      for (const r of recs) ownTask.set(r.id, joint);
      for (const m of memberPending) m.merged = jointId;
    }

    // Serials and codes (after the plants that change a task's facts).
    const codes: Value[][] = [];
    const recRng = (r: Rec) => Rng.of(seed, 'code-plant', r.id);
    const plantOf = new Map<string, 'uncoded' | 'mismatch'>();
    for (const r of records) {
      if (r.kind === 'joint') continue;
      const u = recRng(r).next();
      // A plant not kept at the plant share: the record cites its own code.
      if (u < PLAN_PLANT.uncoded + PLAN_PLANT.mismatch && ctx.keepPlant())
        plantOf.set(r.id, u < PLAN_PLANT.uncoded ? 'uncoded' : 'mismatch');
    }
    const mismatchKind = new Map<string, 'other_entity' | 'expired' | 'officers' | 'forged'>();
    for (const r of records) {
      if (plantOf.get(r.id) !== 'mismatch') continue;
      const rng = recRng(r);
      rng.next();
      const pick = rng.int(4);
      const agency = agencies.get(r.agency_id);
      const variant =
        pick === 0 ? 'other_entity' : pick === 1 ? 'expired' : pick === 2 && agency && agency.valid.length >= 4 ? 'officers' : 'forged';
      mismatchKind.set(r.id, variant);
      const p = ownTask.get(r.id)!;
      if (variant === 'expired') {
        const day = dayOf(r.inspected_on);
        const to = day - 1 - rng.int(20);
        p.task = { ...p.task, valid_to: isoOf(to), valid_from: isoOf(to - 14), planned_on: isoOf(to - 14) };
        p.planted = 'expired';
      } else if (variant === 'officers') {
        const others = agency!.valid.filter((o) => o.id !== r.lead_officer_id && o.id !== r.assist_officer_id).map((o) => o.id);
        p.task = { ...p.task, officer_ids: [others[0], others[1]].join(',') };
        p.planted = 'officers';
      }
    }
    for (const p of pending) {
      if (serial > MAX_SERIAL) throw new Error('demo: serials exhausted');
      p.id = taskIdOf(serial);
      p.code = issueCode(key, { ...p.task, serial, id: p.id });
      serial++;
    }
    const jointIdOf = new Map<string, string>(); // joint_id → joint task id
    for (const p of pending) if (p.jointKey) jointIdOf.set(p.jointKey, p.id!);

    // What each record cites.
    const byAgencyDay = records.filter((r) => r.kind !== 'joint');
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const own = ownTask.get(r.id)!;
      const planted = plantOf.get(r.id);
      let code: string | null = own.code!;
      if (planted === 'uncoded') {
        code = null;
        plant('uncoded_inspection', 'inspection', r.id, r.region_code, { inspected_on: r.inspected_on });
      } else if (planted === 'mismatch') {
        const variant = mismatchKind.get(r.id)!;
        if (variant === 'other_entity') {
          const other = byAgencyDay.find(
            (x) => x.agency_id === r.agency_id && x.entity_uscc !== r.entity_uscc && plantOf.get(x.id) === undefined,
          );
          code = other ? ownTask.get(other.id)!.code! : forgedCode(seed, r.id);
        } else if (variant === 'forged') code = forgedCode(seed, r.id);
        plant('code_mismatch', 'inspection', r.id, r.region_code, { variant });
      }
      codes.push([r.id, code]);
    }

    // Overlaps of planned visits: connected by two agencies, related items, within 30 days.
    // (A record whose own task was planted expired or with other officers still cites its own code.)
    const citesOwn = (r: Rec) => !plantOf.has(r.id) || mismatchKind.get(r.id) === 'expired' || mismatchKind.get(r.id) === 'officers';
    const planned = records.filter(
      (r) => (r.kind === 'random' || r.kind === 'planned') && citesOwn(r) && ownTask.get(r.id)!.task.origin === 'plan',
    );
    for (const comp of overlaps(planned, (r) =>
      mergeGroupOf(r.inspection_item_code, items.get(r.inspection_item_code)?.item_code ?? null),
    )) {
      const first = comp[0];
      if (Rng.of(seed, 'unmerged', first.id).chance(PLAN_PLANT.unmerged) && ctx.keepPlant()) {
        plant('unmerged_overlap', 'entity', first.entity_uscc, entityRegion.get(first.entity_uscc) ?? first.region_code, {
          inspections: comp.map((r) => r.id),
        });
        continue;
      }
      const tasks = comp.map((r) => ownTask.get(r.id)!);
      const sid = suggestionId(tasks.map((t) => t.id!));
      const agenciesIn = [...new Set(comp.map((r) => r.agency_id))];
      const decidedAt = `${isoOf(dayOf(first.inspected_on) - 12)} 10:00:00+08:00`;
      const rng = Rng.of(seed, 'declined', sid);
      const decliner = agenciesIn[rng.int(agenciesIn.length)];
      suggestions.push([
        sid,
        `MR-demo-${first.inspected_on.slice(0, 4)}`,
        first.region_code,
        first.entity_uscc,
        mergeGroupOf(first.inspection_item_code, items.get(first.inspection_item_code)?.item_code ?? null),
        agenciesIn[0],
        comp.length,
        agenciesIn.length,
        comp.length - 1,
        tasks.map((t) => t.task.planned_on).sort()[0],
        tasks.map((t) => t.task.planned_on).sort()[tasks.length - 1],
        'declined',
        null,
        `${isoOf(dayOf(first.inspected_on) - 20)} 09:00:00+08:00`,
        decidedAt,
      ]);
      for (let i = 0; i < comp.length; i++) {
        const a = comp[i].agency_id;
        members.push([
          sid,
          tasks[i].id!,
          a,
          comp[i].region_code,
          a === decliner ? 'decline' : 'accept',
          a === decliner ? rng.pick(DECLINE_REASONS) : '同意合并',
          'demo',
          decidedAt,
        ]);
      }
    }

    // Task rows; accepted suggestions for the joint visits.
    const taskRows: Value[][] = pending.map((p) => {
      const jointTask = p.merged ? jointIdOf.get(p.merged)! : null;
      return [
        p.id!,
        Number(p.id!.slice(1)),
        p.code!,
        p.task.region_code,
        p.task.agency_id,
        p.task.origin,
        p.task.plan_id,
        p.task.draw_id,
        p.task.draw_rank,
        p.task.origin === 'joint' ? `MS-demo-${p.id}` : null,
        jointTask,
        p.task.inspection_item_code,
        p.task.entity_uscc,
        p.task.planned_on,
        p.task.valid_from,
        p.task.valid_to,
        p.task.officer_ids,
        jointTask ? 'merged' : 'open',
        jointTask ? `已并入联合检查 ${jointTask}` : p.task.reason,
        jointTask ? `${isoOf(dayOf(p.task.valid_from) + 1)} 09:00:00+08:00` : null,
        'demo',
        `${p.task.planned_on} 08:30:00+08:00`,
      ];
    });
    for (const p of pending) {
      const ms = p.members;
      if (!ms) continue;
      const sid = `MS-demo-${p.id}`;
      const agenciesIn = [...new Set(ms.map((m) => m.task.agency_id))];
      const group = mergeGroupOf(ms[0].task.inspection_item_code!, items.get(ms[0].task.inspection_item_code!)?.item_code ?? null);
      suggestions.push([
        sid,
        `MR-demo-${p.task.planned_on.slice(0, 4)}`,
        p.task.region_code,
        p.task.entity_uscc,
        group,
        p.task.agency_id,
        ms.length,
        agenciesIn.length,
        ms.length - 1,
        p.task.planned_on,
        p.task.planned_on,
        'accepted',
        p.id!,
        `${isoOf(dayOf(p.task.planned_on) - 10)} 09:00:00+08:00`,
        `${isoOf(dayOf(p.task.planned_on) - 8)} 09:00:00+08:00`,
      ]);
      for (const m of ms)
        members.push([
          sid,
          m.id!,
          m.task.agency_id,
          m.task.region_code,
          'accept',
          '同意合并',
          'demo',
          `${isoOf(dayOf(p.task.planned_on) - 8)} 09:00:00+08:00`,
        ]);
    }
    await store.copyIn('inspection_tasks', TASK_COLUMNS, taskRows);
    await store.copyIn('merge_suggestions', SUGGESTION_COLUMNS, suggestions);
    await store.copyIn(
      'merge_members',
      ['suggestion_id', 'task_id', 'agency_id', 'region_code', 'decision', 'reason', 'decided_by', 'decided_at'],
      members,
    );
    await store.session(async (s) => {
      await s.exec('CREATE TEMP TABLE demo_action_codes (id VARCHAR, code VARCHAR)');
      try {
        await s.copyIn('demo_action_codes', ['id', 'code'], codes);
        await s.exec('UPDATE inspections SET action_code = c.code FROM demo_action_codes c WHERE inspections.id = c.id');
      } finally {
        await s.exec('DROP TABLE IF EXISTS demo_action_codes');
      }
    });

    // Ratings of a third of the coded tasks the records cite as their own, year by year.
    const ratedTasks: Value[][] = [];
    for (const year of years) {
      const ofYear = records.filter((r) => yearOf(dayOf(r.inspected_on)) === year);
      if (ofYear.length) for (const row of rateCounty(ctx, ofYear, ownTask, plantOf, agencies, plantOnce, keepLow)) ratedTasks.push(row);
    }
    await store.copyIn(
      'inspection_ratings',
      ['id', 'task_id', 'entity_uscc', 'region_code', 'agency_id', 'officer_ids', 'score', 'comment', 'rated_at'],
      ratedTasks,
    );
  }

  ctx.stage('下一年度计划抽取');
  // ── the year ahead: plans drawn by Kedu's sampler (some, planted, drawn elsewhere and biased) ──
  const nextTasks: NewTask[] = [];
  // An agency's plans draw from one directory, weighted one of three ways: one digest for each.
  const digests = new Map<string, string>();
  const digestOf = (agencyId: string, weighting: string, candidates: Candidate[]) => {
    const key = `${agencyId}|${weighting}`;
    let d = digests.get(key);
    if (d === undefined) digests.set(key, (d = poolDigest(candidates)));
    return d;
  };
  const drawnAt = `${asOfIso}T01:00:00.000Z`;
  for (const plan of [...(plansOf.get(next - 1)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const agency = agencies.get(plan.agencyId)!;
    const pool = directory.get(plan.agencyId);
    if (agency.level !== 'county' || plan.routine < 5 || !pool || pool.length < plan.routine) continue;
    const rng = Rng.of(seed, 'plan', next, plan.agencyId, plan.item);
    const weighting = (['none', 'risk', 'credit'] as const)[rng.int(3)];
    const sourceId = `JH${next}-${plan.agencyId}-${plan.item}`;
    const id = recordId('inspection_plans', SOURCE, sourceId);
    const row: PlanRow = {
      id,
      source_system: SOURCE,
      source_id: sourceId,
      region_code: agency.region,
      agency_id: agency.id,
      plan_year: next,
      name: `${next}年${items.get(plan.item)!.name}`,
      inspection_item_code: plan.item,
      method: 'random',
      target_count: plan.routine,
      weighting,
      object_type: null,
      entity_usccs: null,
      officer_ids: null,
      officers_per_task: 2,
      task_days: 15,
      starts_on: `${next}-01-01`,
      ends_on: `${next}-12-31`,
    };
    const params = drawParams(row, asOfIso);
    const officers = agency.officers
      .filter((o) => o.expires >= dayOf(params.to))
      .map((o) => o.id)
      .sort();
    if (officers.length < 2) continue;
    planRows.push(
      planRowValues(
        id,
        sourceId,
        agency.region,
        agency.id,
        next,
        row.name,
        plan.item,
        row.target_count,
        weighting,
        row.starts_on,
        row.ends_on,
      ),
    );
    const candidates: Candidate[] = pool.map((p) => ({ id: p.uscc, weight: weightOf(weighting, p.risk, p.credit) }));
    const seedText = Array.from({ length: 4 }, () => (rng.next() * 2 ** 32).toString(16).padStart(8, '0').slice(0, 8)).join('');
    const stream = new SeedStream(seedText);
    const drawId = `DR-${next}-${createHash('md5').update(id).digest('hex').slice(0, 16)}`;
    const biased = plan.routine >= 10 && rng.chance(PLAN_PLANT.biased) && ctx.keepPlant();
    let order: string[];
    if (!biased) order = drawOrder(stream, candidates, plan.routine);
    else {
      // Drawn in the agency's own system: most of last year's entities again.
      const last = [...plan.entities].sort();
      const again = Math.ceil(0.8 * Math.min(plan.routine, last.length));
      const keep = rng.sample(last.length, again).map((i) => last[i]);
      const kept = new Set(keep);
      order = [...keep, ...drawOrder(stream, candidates, plan.routine + again).filter((u) => !kept.has(u))];
      plant('sampling_bias', 'plan_item', `${agency.id}/${next}/${plan.item}`, agency.region, { repeated: again, drawn: plan.routine });
    }
    const tasks = tasksOfRanks(row, drawId, stream, order, officers, params, (u) => entityRegion.get(u)!, 0, plan.routine);
    for (const t of tasks) nextTasks.push(t);
    drawRows.push([
      drawId,
      id,
      agency.region,
      agency.id,
      biased ? 'external' : SAMPLING_METHOD,
      biased ? null : seedText,
      pool.length,
      biased ? null : digestOf(agency.id, weighting, candidates),
      officers.join(','),
      JSON.stringify(params),
      tasks.length,
      'demo',
      drawnAt,
    ]);
  }
  const planColumns = countyColumn('inspection_plans', PLAN_COLUMNS)!;
  await store.copyIn('inspection_plans', planColumns.columns, planRows.map(planColumns.add));
  await store.copyIn(
    'plan_draws',
    [
      'id',
      'plan_id',
      'region_code',
      'agency_id',
      'method',
      'seed',
      'pool_size',
      'pool_digest',
      'officer_pool',
      'params',
      'drawn',
      'drawn_by',
      'drawn_at',
    ],
    drawRows,
  );
  // The tasks of the plan years took their serials above; the year ahead's draws are issued as the API issues them.
  await store.exec(`UPDATE inspection_code_counter SET next_serial = $1 WHERE name = 'task'`, [serial]);
  ctx.stage('下一年度检查任务');
  await issueTasks(store, nextTasks, 'demo', new Date(drawnAt));
  await store.copyIn('ground_truth', ['violation', 'record_kind', 'record_id', 'region_code', 'detail'], truthRows);

  ctx.stage('下一年度合并建议');
  // ── the year ahead's merge suggestions, as a supervisor would run them; some accepted by every agency
  const now = new Date(`${asOfIso}T02:00:00Z`);
  await suggestMerges(store, SYSTEM_CALLER, { regionCode: '330000', from: `${next}-01-01`, now });
  const { rows: pendingSuggestions } = await listSuggestions(store, SYSTEM_CALLER, { status: 'pending' }, 1, 200);
  for (const s of pendingSuggestions) {
    if (!Rng.of(seed, 'accept', s.id).chance(0.3)) continue;
    for (const agencyId of [...new Set(s.members.map((m) => m.agencyId))]) {
      const a = agencies.get(agencyId)!;
      const staff: Caller = { userId: 'demo', username: 'demo', displayName: '演示', role: 'agency_staff', regionCode: a.region, agencyId };
      await decideSuggestion(store, staff, s.id, { decision: 'accept', reason: '同意合并，由牵头部门统一安排' }, now);
    }
  }
  return truthRows.length;
}

type Plant = (violation: Violation, kind: RecordKind, id: string, region: string, detail: Record<string, unknown>) => void;

function planRowValues(
  id: string,
  sourceId: string,
  region: string,
  agency: string,
  year: number,
  name: string,
  item: string,
  target: number,
  weighting: string,
  from: string,
  to: string,
): Value[] {
  return [id, SOURCE, sourceId, region, agency, year, name, item, 'random', target, weighting, null, null, null, 2, 15, from, to];
}

/** The record's two officers; a single-officer record's task still names two (the second its agency's first valid officer). */
function pairOf(r: Rec, agency: Agency | undefined): string[] {
  if (r.assist_officer_id) return [r.lead_officer_id, r.assist_officer_id];
  const other = agency?.valid.find((o) => o.id !== r.lead_officer_id)?.id;
  return other ? [r.lead_officer_id, other] : [r.lead_officer_id];
}

/** A code of the right form that no task has: serial far beyond any the demo issues. */
function forgedCode(seed: number, id: string): string {
  const rng = Rng.of(seed, 'forged', id);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return '1Z' + Array.from({ length: 14 }, () => alphabet[rng.int(32)]).join('');
}

/**
 * Planned visits of one entity that two agencies could have merged: linked when they are of different
 * agencies, the same merge group and less than 30 days apart; each connected set of two agencies or
 * more. Records come sorted by entity, day and id.
 */
function overlaps(records: readonly Rec[], groupOf: (r: Rec) => string): Rec[][] {
  const out: Rec[][] = [];
  let i = 0;
  while (i < records.length) {
    let j = i;
    while (j < records.length && records[j].entity_uscc === records[i].entity_uscc) j++;
    const mine = records.slice(i, j);
    const parent = mine.map((_, k) => k);
    const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
    for (let a = 0; a < mine.length; a++)
      for (let b = a + 1; b < mine.length; b++) {
        const x = mine[a],
          y = mine[b];
        if (x.agency_id !== y.agency_id && dayOf(y.inspected_on) - dayOf(x.inspected_on) < WINDOW_DAYS && groupOf(x) === groupOf(y))
          parent[find(b)] = find(a);
      }
    const comps = new Map<number, Rec[]>();
    mine.forEach((r, k) => comps.set(find(k), [...(comps.get(find(k)) ?? []), r]));
    for (const c of comps.values()) if (c.length >= 2 && new Set(c.map((r) => r.agency_id)).size >= 2) out.push(c);
    i = j;
  }
  return out;
}

/**
 * The ratings of one county's coded visits of one year: a third of the tasks the records cite as their own,
 * rated a few days after the visit. Planted: a few county agencies rated low across their officers, and
 * in other agencies a few officers (8 rated tasks or more) rated low whoever they went with.
 */
function rateCounty(
  ctx: Ctx,
  records: readonly Rec[],
  ownTask: Map<string, Pending>,
  plantOf: Map<string, 'uncoded' | 'mismatch'>,
  agencies: Map<string, Agency>,
  plant: Plant,
  keepLow: (id: string) => boolean,
): Value[][] {
  const { seed } = ctx;
  const rated = new Map<string, { task: Pending; record: Rec }>();
  for (const r of records) {
    if (plantOf.has(r.id)) continue;
    const p = ownTask.get(r.id)!;
    if (p.planted || rated.has(p.id!) || !Rng.of(seed, 'rated', p.id!).chance(PLAN_PLANT.rated)) continue;
    rated.set(p.id!, { task: p, record: r });
  }
  const byAgency = new Map<string, number>();
  const byOfficer = new Map<string, number>();
  const officersOf = new Map<string, Set<string>>(); // agency → the officers on its rated tasks
  const together = new Map<string, number>(); // "o|x" → rated tasks with both officers
  for (const { task } of rated.values()) {
    const a = task.task.agency_id;
    const officers = task.task.officer_ids.split(',');
    byAgency.set(a, (byAgency.get(a) ?? 0) + 1);
    if (!officersOf.has(a)) officersOf.set(a, new Set());
    for (const o of officers) {
      byOfficer.set(o, (byOfficer.get(o) ?? 0) + 1);
      officersOf.get(a)!.add(o);
      for (const x of officers) if (x !== o) together.set(`${o}|${x}`, (together.get(`${o}|${x}`) ?? 0) + 1);
    }
  }
  // An agency rated low across the board: five officers or more share its tasks, so no one of them
  // carries most of its low ratings — checked on the draws its ratings will take (each rating's own
  // stream: low with chance LOW_AGENCY_SHARE), as INS_LOW_RATING_AGENCY reads them: at least
  // LOW_AGENCY_MIN_SHARE of them low, no officer on half the low ones. (A small agency whose tasks one
  // officer went on most of would be that officer's low ratings, not the agency's.)
  const spreadLow = (a: string) => {
    let n = 0,
      low = 0;
    const perOfficer = new Map<string, number>();
    for (const [id, { task }] of rated) {
      if (task.task.agency_id !== a) continue;
      n++;
      if (!Rng.of(seed, 'rating', id).chance(LOW_AGENCY_SHARE)) continue;
      low++;
      for (const o of task.task.officer_ids.split(',')) perOfficer.set(o, (perOfficer.get(o) ?? 0) + 1);
    }
    return low >= LOW_AGENCY_MIN_SHARE * n && Math.max(0, ...perOfficer.values()) < 0.5 * low;
  };
  const lowAgencies = new Set(
    [...byAgency]
      .filter(
        ([a, n]) =>
          agencies.get(a)?.level === 'county' &&
          n >= 20 &&
          (officersOf.get(a)?.size ?? 0) >= 5 &&
          Rng.of(seed, 'low-agency', a).chance(PLAN_PLANT.lowAgency) &&
          spreadLow(a) &&
          keepLow(a),
      )
      .map(([a]) => a),
  );
  // At most one low-rated officer per agency, and none whose partner went on every rated visit with
  // them (the partner would be rated low every time too, for no fault of their own).
  const lowOfficers = new Set<string>();
  for (const a of [...byAgency.keys()].sort()) {
    const agency = agencies.get(a);
    if (!agency || agency.level !== 'county' || lowAgencies.has(a)) continue;
    const pick = agency.officers.find((o) => {
      if ((byOfficer.get(o.id) ?? 0) < 8 || !Rng.of(seed, 'low-officer', o.id).chance(PLAN_PLANT.lowOfficer)) return false;
      return (
        ![...(officersOf.get(a) ?? [])].some(
          (x) => x !== o.id && (byOfficer.get(x) ?? 0) >= 8 && together.get(`${o.id}|${x}`) === byOfficer.get(x),
        ) && keepLow(o.id)
      );
    });
    if (pick) lowOfficers.add(pick.id);
  }
  for (const a of lowAgencies) plant('low_rating_agency', 'agency', a, agencies.get(a)!.region, { ratings: byAgency.get(a) });
  for (const o of lowOfficers) plant('low_rating_officer', 'officer', o, records[0].region_code.slice(0, 6), { ratings: byOfficer.get(o) });
  const out: Value[][] = [];
  for (const [id, { task, record }] of [...rated].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const rng = Rng.of(seed, 'rating', id);
    const officers = task.task.officer_ids.split(',');
    const lowChance = officers.some((o) => lowOfficers.has(o)) ? 1 : lowAgencies.has(task.task.agency_id) ? LOW_AGENCY_SHARE : -1;
    const score = lowChance >= 0 ? (rng.chance(lowChance) ? rng.range(1, 2) : rng.range(3, 5)) : SCORE.pick(rng);
    const comment = score <= 2 ? COMMENTS[5 + rng.int(2)] : COMMENTS[rng.int(5)];
    out.push([
      `RT-${id}`,
      id,
      record.entity_uscc,
      record.region_code,
      task.task.agency_id,
      task.task.officer_ids,
      score,
      comment || null,
      `${isoOf(dayOf(record.inspected_on) + rng.int(6))} ${String(9 + rng.int(9)).padStart(2, '0')}:30:00+08:00`,
    ]);
  }
  return out;
}
