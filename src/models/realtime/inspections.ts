// The inspection models judged in code when an inspection arrives. Each mirrors its model's SQL in
// src/models/library/ (the reference): the same conditions, windows, exclusions and hit columns.
import type { HitRow } from '../model.ts';
import { dayOf, isoOf, yearOfDay, yearStart } from './days.ts';
import { TARGETED_KIND, COMPLIANT, JOINT_KIND, RANDOM_KIND } from './inspection-log.ts';
import { CREDIT_A, isPoor } from './directory.ts';
import { workdaysLate } from '../window.ts';
import { workdayDeadline } from '../../domain/workdays.ts';
import { TARGETED_KINDS } from '../library/sql-fragments.ts';
import type { Check, CheckContext, Hit, KindChecks } from './judge.ts';
import { auxiliaryOnlyNames, uncertifiedOfficers } from './officers.ts';
import type { RealtimeState } from './state.ts';

/** An inspection as the inspections table stores it (the columns the checks read). */
export interface InspectionRow {
  id: string;
  region_code: string;
  agency_id: string;
  inspection_item_code: string;
  entity_uscc: string;
  inspected_on: string;
  kind: string;
  joint_id: string | null;
  /** The 行政行为码 the record cites: a joint task's code makes it part of that joint visit. */
  action_code: string | null;
  lead_officer_id: string;
  assist_officer_id: string | null;
  result: string;
  /** The complaint, referral or alert a targeted inspection answers. */
  trigger_ref: string | null;
  source_system: string;
  /** 事先报告日期 and 结果公开日期: sent by some sources only. */
  reported_on: string | null;
  published_on: string | null;
}

const one = (ctx: CheckContext, row: HitRow): Hit[] => [{ row, params: ctx.params }];

/** The columns an inspection's own hit starts with: the inspection as subject and evidence. */
const inspectionHit = (
  r: InspectionRow,
): Pick<HitRow, 'subject_kind' | 'subject_id' | 'region_code' | 'agency_id' | 'window_key' | 'evidence_ids'> => ({
  subject_kind: 'inspection',
  subject_id: r.id,
  region_code: r.region_code,
  agency_id: r.agency_id,
  window_key: '',
  evidence_ids: r.id,
});
const min = (xs: string[]): string => xs.reduce((a, b) => (b < a ? b : a));
const isTargeted = (kind: string) => (TARGETED_KINDS as readonly string[]).includes(kind);

/** Province, city and county codes of a region code (the levels a published list can come from). */
export const levelsOf = (region: string): string[] => [`${region.slice(0, 2)}0000`, `${region.slice(0, 4)}00`, region.slice(0, 6)];

/** The log rows of the record's entity in one calendar year that the record's run group counts; null before the log starts. */
function entityYear(state: RealtimeState, r: InspectionRow, ctx: CheckContext): { rows: number[]; year: number } | null {
  const log = state.inspections;
  const year = yearOfDay(dayOf(r.inspected_on));
  const from = yearStart(year);
  const to = yearStart(year + 1);
  if (from < state.inspectionsFrom) return null;
  const rows = log.of(r.entity_uscc).filter((i) => log.day[i] >= from && log.day[i] < to && ctx.groups.of(log.regionOf(i)) === ctx.group);
  return { rows, year };
}

// 企业年度受检次数偏多 (inspection-burden.ts): visits in the calendar year, a joint inspection counted
// once, targeted inspections left out.
const burden: Check<InspectionRow> = (r, ctx) => {
  const { state, params } = ctx;
  const log = state.inspections;
  if (isTargeted(r.kind)) return [];
  const found = entityYear(state, r, ctx);
  if (!found) return null;
  const year = found.year;
  const rows = found.rows.filter((i) => !(log.flags[i] & TARGETED_KIND));
  let single = 0;
  const joints = new Set<number>();
  for (const i of rows)
    if (log.joint[i] < 0) single++;
    else joints.add(log.joint[i]);
  const visits = single + joints.size;
  if (visits <= params.max_visits) return [];
  return one(ctx, {
    ...entityWindow(state, r, rows, null, String(year), null),
    year: String(year),
    visit_count: visits,
    inspection_count: rows.length,
    agency_count: new Set(rows.map((i) => log.agency[i])).size,
  });
};

// 超频次检查 (over-frequency-inspection.ts): one agency, one item, more often in a calendar year than
// the list allows; targeted inspections left out.
const overFrequency: Check<InspectionRow> = (r, ctx) => {
  const { state } = ctx;
  const log = state.inspections;
  const ii = state.inspectionItems.get(r.inspection_item_code);
  if (!ii || isTargeted(r.kind)) return [];
  const found = entityYear(state, r, ctx);
  if (!found) return null;
  const item = log.strings.id(r.inspection_item_code);
  const agency = log.strings.id(r.agency_id);
  const rows = found.rows.filter((i) => log.item[i] === item && log.agency[i] === agency && !(log.flags[i] & TARGETED_KIND));
  if (rows.length <= ii.maxPerYear) return [];
  return one(ctx, {
    ...entityWindow(state, r, rows, r.agency_id, `${r.inspection_item_code}|${found.year}|${r.agency_id}`, null),
    agency_name: state.agencyName(r.agency_id),
    item_name: ii.name,
    inspection_item_code: r.inspection_item_code,
    year: String(found.year),
    inspection_count: rows.length,
    max_per_year: ii.maxPerYear,
  });
};

// 多头重复检查 (repeat-inspection.ts): min_agencies agencies within window_days (the last at most W days
// after the first), neither joint nor targeted. A window starts at an inspection and is a hit unless a
// qualifying window started at most W days before it. The record changes only windows that contain it
// (starting in [day − W, day]); whether an earlier one qualifies reaches back another W.
const repeat: Check<InspectionRow> = (r, ctx) => {
  const { state, params } = ctx;
  if (r.kind === 'joint' || isTargeted(r.kind) || state.jointTaskOf(r.action_code)) return [];
  const log = state.inspections;
  const W = params.window_days;
  const d = dayOf(r.inspected_on);
  if (d - 2 * W < state.inspectionsFrom) return null;
  const ins = log
    .of(r.entity_uscc)
    .filter(
      (i) =>
        !(log.flags[i] & (JOINT_KIND | TARGETED_KIND)) &&
        log.day[i] >= d - 2 * W &&
        log.day[i] <= d + W &&
        ctx.groups.of(log.regionOf(i)) === ctx.group,
    );
  ins.sort(log.byDateThenId);
  const starts = [...new Set(ins.map((i) => log.day[i]))];
  const inWindow = (s: number) => ins.filter((i) => log.day[i] >= s && log.day[i] <= s + W);
  const qualified = new Map<number, boolean>();
  const qualifies = (s: number) => {
    let q = qualified.get(s);
    if (q === undefined) qualified.set(s, (q = new Set(inWindow(s).map((i) => log.agency[i])).size >= params.min_agencies));
    return q;
  };
  const hitStarts = starts.filter((s) => s >= d - W && s <= d && qualifies(s) && !starts.some((p) => p < s && p >= s - W && qualifies(p)));
  if (hitStarts.length === 0) return [];
  // An entity not in the register is judged in the region its inspections name (the batch query's min).
  const e = state.entity(r.entity_uscc);
  return hitStarts.map((s) => {
    const b = inWindow(s);
    return {
      row: {
        subject_kind: 'entity',
        subject_id: r.entity_uscc,
        region_code: e?.region ?? b.map((i) => log.regionOf(i)).sort()[0],
        agency_id: null,
        window_key: isoOf(s),
        evidence_ids: b.map((i) => log.id(i)).join(','),
        agency_count: new Set(b.map((i) => log.agency[i])).size,
        inspection_count: b.length,
        subject_name: e?.name ?? null,
      },
      params,
    };
  });
};

// 同一部门重复检查 (same-agency-repeat-inspection.ts): an inspection within window_days after the same
// agency's inspections of the entity that all found nothing, targeted ones counting on neither side. The record is judged as the
// later inspection, and as an earlier one of the agency's later inspections within their windows.
const sameAgencyRepeat: Check<InspectionRow> = (r, ctx) => {
  const { state } = ctx;
  const log = state.inspections;
  const d = dayOf(r.inspected_on);
  if (d - ctx.params.window_days < state.inspectionsFrom) return null;
  const agency = log.strings.id(r.agency_id);
  const same = log.of(r.entity_uscc).filter((i) => log.agency[i] === agency && !(log.flags[i] & TARGETED_KIND));
  const hits: Hit[] = [];
  for (const b of same) {
    const group = ctx.groups.of(log.regionOf(b));
    if (!group?.enabled) continue;
    const W = group.params.window_days;
    const db = log.day[b];
    if (!(log.id(b) === r.id || (db > d && db - W <= d))) continue;
    if (db - W < state.inspectionsFrom) return null;
    const previous = same.filter((a) => log.day[a] < db && log.day[a] >= db - W);
    if (previous.length === 0 || previous.some((a) => !(log.flags[a] & COMPLIANT))) continue;
    previous.sort(log.byDateThenId);
    const e = state.entity(r.entity_uscc);
    hits.push({
      row: {
        subject_kind: 'inspection',
        subject_id: log.id(b),
        region_code: log.regionOf(b),
        agency_id: r.agency_id,
        window_key: '',
        evidence_ids: [...previous.map((a) => log.id(a)), log.id(b)].join(','),
        subject_name: e?.name ?? null,
        entity_uscc: r.entity_uscc,
        agency_name: state.agencyName(r.agency_id),
        previous_dates: previous.map((a) => isoOf(log.day[a])).join('、'),
        inspected_on: isoOf(db),
        gap_days: db - log.day[previous[previous.length - 1]],
      },
      params: group.params,
    });
  }
  return hits;
};

// 检查发现违法未立案 (inspection-case-not-filed.ts)
const caseNotFiled: Check<InspectionRow> = (r, ctx) => {
  const { state, params } = ctx;
  const days = ctx.asOfDay - dayOf(r.inspected_on);
  if (r.result !== 'case_filed' || days <= params.after_days || state.inspectionsWithCase.has(r.id)) return [];
  const e = state.entity(r.entity_uscc);
  return one(ctx, {
    ...inspectionHit(r),
    subject_name: e?.name ?? r.entity_uscc,
    agency_name: state.agencyName(r.agency_id),
    inspected_on: r.inspected_on,
    as_of: ctx.asOf,
    days,
  });
};

// 目录外检查 (off-list-inspection.ts): the item on no list of the inspection's province, city or county.
const offList: Check<InspectionRow> = (r, ctx) => {
  const { state } = ctx;
  const ii = state.inspectionItems.get(r.inspection_item_code);
  if (ii && levelsOf(r.region_code).includes(ii.region)) return [];
  const e = state.entity(r.entity_uscc);
  return one(ctx, {
    ...inspectionHit(r),
    subject_name: e?.name ?? null,
    entity_uscc: r.entity_uscc,
    agency_name: state.agencyName(r.agency_id),
    inspection_item_code: r.inspection_item_code,
    inspected_on: r.inspected_on,
  });
};

// 单人执法 (single-officer-inspection.ts)
const singleOfficer: Check<InspectionRow> = (r, ctx) => {
  const { state } = ctx;
  if (r.assist_officer_id !== null && r.assist_officer_id !== r.lead_officer_id) return [];
  const e = state.entity(r.entity_uscc);
  return one(ctx, {
    ...inspectionHit(r),
    subject_name: e?.name ?? null,
    entity_uscc: r.entity_uscc,
    agency_name: state.agencyName(r.agency_id),
    inspected_on: r.inspected_on,
    lead_officer_id: r.lead_officer_id,
    lead_officer_name: state.officerName(r.lead_officer_id) ?? r.lead_officer_id,
  });
};

// 无证执法 (uncertified-inspection.ts)
const uncertified: Check<InspectionRow> = (r, ctx) => {
  const { state } = ctx;
  const bad = uncertifiedOfficers(state, r.lead_officer_id, r.assist_officer_id, dayOf(r.inspected_on));
  if (!bad) return [];
  const e = state.entity(r.entity_uscc);
  return one(ctx, {
    ...inspectionHit(r),
    subject_name: e?.name ?? r.entity_uscc,
    entity_uscc: r.entity_uscc,
    agency_name: state.agencyName(r.agency_id),
    on_day: r.inspected_on,
    ...bad,
  });
};

/**
 * The subject columns of a hit on an entity over a window of its log rows (sorted here by date, then
 * id, as the SQL orders its evidence): its region (the entity's, else the smallest of the rows'), the
 * evidence ids and its name (`unnamed` when the entities table does not hold it).
 */
function entityWindow(
  state: CheckContext['state'],
  r: InspectionRow,
  rows: number[],
  agencyId: string | null,
  windowKey: string,
  unnamed: string | null,
) {
  const log = state.inspections;
  rows.sort(log.byDateThenId);
  const e = state.entity(r.entity_uscc);
  return {
    subject_kind: 'entity',
    subject_id: r.entity_uscc,
    region_code: e?.region ?? min(rows.map((i) => log.regionOf(i))),
    agency_id: agencyId,
    window_key: windowKey,
    evidence_ids: rows.map((i) => log.id(i)).join(','),
    subject_name: e?.name ?? unnamed,
  };
}

const TARGETED_LABELS: Record<string, string> = { complaint: '投诉举报检查', referral: '转办交办检查' };

// 针对性检查无线索来源 (targeted-no-trigger.ts)
const targetedNoTrigger: Check<InspectionRow> = (r, ctx) => {
  if (!isTargeted(r.kind) || (r.trigger_ref !== null && r.trigger_ref !== '')) return [];
  return one(ctx, {
    ...inspectionHit(r),
    subject_name: ctx.state.entity(r.entity_uscc)?.name ?? null,
    entity_uscc: r.entity_uscc,
    agency_name: ctx.state.agencyName(r.agency_id),
    inspected_on: r.inspected_on,
    kind_label: TARGETED_LABELS[r.kind] ?? '数据监测检查',
  });
};

// 辅助人员独立检查 (auxiliary-only.ts)
const auxiliaryOnly: Check<InspectionRow> = (r, ctx) => {
  const names = auxiliaryOnlyNames(ctx.state, r.lead_officer_id, r.assist_officer_id);
  if (names === null) return [];
  return one(ctx, {
    ...inspectionHit(r),
    subject_name: ctx.state.entity(r.entity_uscc)?.name ?? r.entity_uscc,
    item_name: ctx.state.inspectionItems.get(r.inspection_item_code)?.name ?? r.inspection_item_code,
    agency_name: ctx.state.agencyName(r.agency_id),
    on_day: r.inspected_on,
    lead_officer_id: r.lead_officer_id,
    officer_names: names,
  });
};

/** The entity, the agency and the day, as the two date models' SQL names them. */
const dateModelSubject = (r: InspectionRow, ctx: CheckContext) => ({
  subject_name: ctx.state.entity(r.entity_uscc)?.name ?? r.entity_uscc,
  entity_uscc: r.entity_uscc,
  agency_name: ctx.state.agencyName(r.agency_id),
  inspected_on: r.inspected_on,
});

// 现场检查未事先报告 (inspection-not-reported.ts): a 双随机 or joint inspection (the kind as sent) with no
// report day or one after the inspection, from a (source, agency) that has sent the day at least once.
const notReported: Check<InspectionRow> = (r, ctx) => {
  if ((r.kind !== 'random' && r.kind !== 'joint') || r.inspected_on > ctx.asOf) return [];
  const reported = r.reported_on === null ? null : r.reported_on.slice(0, 10);
  if (reported !== null && reported <= r.inspected_on) return [];
  if (!ctx.state.reportingSources.has(r.source_system, r.agency_id)) return [];
  return one(ctx, {
    ...inspectionHit(r),
    ...dateModelSubject(r, ctx),
    reported_on: reported,
    kind_label: r.kind === 'random' ? '双随机抽查' : '联合检查',
    report_text: reported === null ? '记录中没有事先报告负责人的日期' : `事先报告日期为${reported}，晚于检查日期`,
  });
};

// 随机抽查结果未及时公开 (random-inspection-not-published.ts): a 双随机 inspection published after the Nth
// working day from it, or unpublished (a day after asOf is not known yet) with asOf past that day, from a
// (source, agency) that has sent the day at least once.
const notPublished: Check<InspectionRow> = (r, ctx) => {
  if (r.kind !== 'random' || r.inspected_on > ctx.asOf) return [];
  const n = ctx.params.workdays;
  const stated = r.published_on === null ? null : r.published_on.slice(0, 10);
  const published = stated !== null && stated <= ctx.asOf ? stated : null;
  if (!workdaysLate(r.inspected_on, published ?? ctx.asOf, n)) return [];
  if (!ctx.state.publishingSources.has(r.source_system, r.agency_id)) return [];
  return one(ctx, {
    ...inspectionHit(r),
    ...dateModelSubject(r, ctx),
    deadline: workdayDeadline(r.inspected_on, n),
    publish_text: published === null ? `截至${ctx.asOf}记录中没有公开日期` : `于${published}才公开`,
  });
};

/** The year of a pushed 双随机 inspection the credit checks count it in; undefined: it counts in none (not random, after asOf); null: before the log. */
function drawYear(r: InspectionRow, ctx: CheckContext): { year: number; from: number; to: number } | null | undefined {
  if (r.kind !== 'random' || r.inspected_on > ctx.asOf) return undefined;
  const year = yearOfDay(dayOf(r.inspected_on));
  const from = yearStart(year);
  if (from < ctx.state.inspectionsFrom) return null;
  // Up to asOf: the SQL counts no later inspection.
  return { year, from, to: Math.min(yearStart(year + 1) - 1, ctx.asOfDay) };
}

// 信用良好企业被频繁抽查 (good-credit-overchecked.ts): an entity the agency's directory classes A, drawn by
// that agency (kind random) more than max_per_year times in a calendar year; the run group's records.
const goodCreditOverchecked: Check<InspectionRow> = (r, ctx) => {
  const { state, params } = ctx;
  const found = drawYear(r, ctx);
  if (!found) return found === null ? null : [];
  const log = state.inspections;
  const agency = log.strings.id(r.agency_id);
  // The class first: one look-up, where the rows are a walk of the entity's log.
  if (state.directory.classOf(agency, state.entities.rowOf(r.entity_uscc)) !== CREDIT_A) return [];
  const rows = log
    .of(r.entity_uscc)
    .filter(
      (i) =>
        log.flags[i] & RANDOM_KIND &&
        log.agency[i] === agency &&
        log.day[i] >= found.from &&
        log.day[i] <= found.to &&
        ctx.groups.of(log.regionOf(i)) === ctx.group,
    );
  if (rows.length <= params.max_per_year) return [];
  return one(ctx, {
    ...entityWindow(state, r, rows, r.agency_id, `${r.agency_id}|${found.year}`, r.entity_uscc),
    agency_name: state.agencyName(r.agency_id),
    year: String(found.year),
    inspection_count: rows.length,
  });
};

/** A share as CAST(100.0 * part / whole AS DECIMAL(5,1)) gives it: tenths rounded half up, as a number. */
const pct = (part: number, whole: number): number => Math.floor((2000 * part + whole) / (2 * whole)) / 10;

/** A ratio parameter as the fraction its SQL literal states exactly (the SQL compares in decimals, not doubles). */
function fraction(x: number): [bigint, bigint] {
  const [mantissa, exponent = '0'] = String(x).split('e');
  const [whole, decimals = ''] = mantissa.split('.');
  let num = BigInt(whole + decimals);
  let den = 10n ** BigInt(decimals.length);
  const e = Number(exponent);
  if (e > 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return [num, den];
}

// 抽查未向高风险倾斜 (risk-inverted.ts): per agency and calendar year, its draws (kind random) of entities its
// directory classes: at least min_inspections, and the share on C/D below max_ratio of the C/D share of
// the classed directory (which holds at least one C/D). The pushed draw counts only if its entity is
// classed; the agency's draws are found through its classed entries, each entity's log rows.
const riskInverted: Check<InspectionRow> = (r, ctx) => {
  const { state, params } = ctx;
  const found = drawYear(r, ctx);
  if (!found) return found === null ? null : [];
  const log = state.inspections;
  const agency = log.strings.id(r.agency_id);
  const dir = state.directory.of(agency);
  if (!dir || dir.poor === 0 || !state.directory.classOf(agency, state.entities.rowOf(r.entity_uscc))) return [];
  const rows: number[] = [];
  let poor = 0;
  const { flags, day } = log;
  const agencies = log.agency;
  // The regions' groups found once each: a county's draws name a handful of regions.
  const inGroup = new Map<number, boolean>();
  for (let k = 0; k < dir.size; k++) {
    const bad = isPoor(dir.classes[k]);
    for (let i = log.lastOf(dir.entities[k]); i >= 0; i = log.before(i)) {
      if (!(flags[i] & RANDOM_KIND) || agencies[i] !== agency || day[i] < found.from || day[i] > found.to) continue;
      let g = inGroup.get(log.region[i]);
      if (g === undefined) inGroup.set(log.region[i], (g = ctx.groups.of(log.regionOf(i)) === ctx.group));
      if (!g) continue;
      rows.push(i);
      if (bad) poor++;
    }
  }
  const n = rows.length;
  if (n < params.min_inspections) return [];
  // poor · listed < max_ratio · listed_poor · n, in exact arithmetic.
  const [p, q] = fraction(params.max_ratio);
  if (!(BigInt(poor) * BigInt(dir.size) * q < p * BigInt(dir.poor) * BigInt(n))) return [];
  rows.sort(log.byDateThenId);
  const name = state.agencyName(r.agency_id);
  return one(ctx, {
    subject_kind: 'agency',
    subject_id: r.agency_id,
    region_code: state.agencies.get(r.agency_id)?.region ?? min(rows.map((i) => log.regionOf(i))),
    agency_id: r.agency_id,
    window_key: String(found.year),
    evidence_ids: rows.map((i) => log.id(i)).join(','),
    subject_name: name,
    agency_name: name,
    year: String(found.year),
    inspection_count: n,
    poor_count: poor,
    poor_pct: pct(poor, n),
    directory_pct: pct(dir.poor, dir.size),
  });
};

export const inspectionChecks: KindChecks<InspectionRow> = {
  parts: ['certificates', 'inspections'],
  columns: [
    'id',
    'region_code',
    'agency_id',
    'inspection_item_code',
    'entity_uscc',
    'inspected_on',
    'kind',
    'joint_id',
    'action_code',
    'lead_officer_id',
    'assist_officer_id',
    'result',
    'trigger_ref',
    'source_system',
    'reported_on',
    'published_on',
  ],
  observe: (state, r) => state.putInspection(r),
  checks: {
    INS_BURDEN: burden,
    INS_OVER_FREQ: overFrequency,
    INS_REPEAT: repeat,
    INS_SAME_AGENCY_REPEAT: sameAgencyRepeat,
    INS_CASE_NOT_FILED: caseNotFiled,
    INS_OFF_LIST: offList,
    INS_SINGLE_OFFICER: singleOfficer,
    INS_NO_CERT: uncertified,
    INS_TARGETED_NO_TRIGGER: targetedNoTrigger,
    OFF_AUX_INSPECTION: auxiliaryOnly,
    INS_NOT_REPORTED: notReported,
    INS_RANDOM_NOT_PUBLISHED: notPublished,
    INS_GOOD_CREDIT_OVERCHECKED: goodCreditOverchecked,
    INS_RISK_INVERTED: riskInverted,
  },
};
