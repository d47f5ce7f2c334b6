// Inspections of one entity, scheduled so that the inspection rules hold for normal entities:
//   - inspection days ("slots"; a joint inspection is one slot) are at least MIN_INSPECTION_GAP days
//     apart, so no three agencies ever meet one entity within 7 days;
//   - each (entity, inspection item) pair is inspected at most max_per_year times over the whole
//     period, so no calendar year and no rolling 365 days exceeds the limit;
//   - two officers with certificates valid on the day.
// Planted entities get one episode of 3–4 agencies within 7 days (repeat_inspection) or max_per_year + 1
// inspections of one item within one calendar year (over_frequency), kept apart from their other slots.
import { dayOf, isoOf, yearOf } from './calendar.ts';
import type { InspectionItemInfo } from './catalog-index.ts';
import { makeCase } from './cases.ts';
import { PLANT, type Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { followUp } from './followup.ts';
import { complainAboutRepeat } from './hotline.ts';
import { INDUSTRIES } from './industries.ts';
import { deriveSeed, type Rng } from './prng.ts';
import { MIN_INSPECTION_GAP, REPEAT_MIN_AGENCIES, REPEAT_WINDOW_DAYS } from './rules.ts';
import { SOURCE } from './tables.ts';
import { makeCharge } from './fees.ts';
import { inspectionRules } from './inspection-rules.ts';
import type { Agency } from './world.ts';

/** Mean inspection days per entity over the period, before the industry's intensity. */
export const MEAN_SLOTS = 6;
/** Share of inspections that find an irregularity leading to a case (lines with penalty items). */
const CASE_RATE = 0.16;

type Kind = 'random' | 'complaint' | 'joint' | 'planned';
type Tag = 'repeat' | 'over' | null;

interface Slot {
  day: number;
  kind: Kind;
  /** One item per agency; joint slots have 2–3. */
  items: InspectionItemInfo[];
  agencies: Agency[];
  tag: Tag;
  /** Set in advance for planted episodes, whose ground truth lists the ids. */
  id?: string;
}

function drawKind(rng: Rng): Kind {
  const r = rng.next();
  return r < 0.52 ? 'random' : r < 0.79 ? 'planned' : r < 0.92 ? 'complaint' : 'joint';
}

/** Per-entity count of inspections per inspection item (index), to keep each under max_per_year. */
class Capacity {
  private readonly used = new Map<number, number>();
  has(x: InspectionItemInfo): boolean {
    return (this.used.get(x.index) ?? 0) < x.ii.max_per_year;
  }
  take(x: InspectionItemInfo): void {
    this.used.set(x.index, (this.used.get(x.index) ?? 0) + 1);
  }
  fill(x: InspectionItemInfo): void {
    this.used.set(x.index, Number.MAX_SAFE_INTEGER);
  }
}

/** Generates the entity's inspections (with the cases and follow-ups they lead to). */
export function makeInspections(ctx: Ctx, e: Entity, rng: Rng): void {
  const { cat, world, days } = ctx;
  const picker = cat.inspectionsFor[e.industry];
  const lineMap = cat.inspectionLinesFor[e.industry];
  const cap = new Capacity();
  const first = Math.max(ctx.period.start, e.registered + 1);
  const fixed: Slot[] = [];

  // Entity-level plants (at most one per entity, and only where there is room for them).
  const u = rng.next();
  if (u < PLANT.repeatInspection && ctx.period.end - first > 30) {
    const slots = repeatEpisode(ctx, e, rng, first, cap);
    if (slots) fixed.push(...slots);
  } else if (u < PLANT.repeatInspection + PLANT.overFrequency && ctx.period.end - first > 200) {
    const slots = overFrequencyEpisode(ctx, e, rng, first, cap);
    if (slots) fixed.push(...slots);
  }

  // Normal slots: drawn, then kept only when MIN_INSPECTION_GAP days from every slot already kept
  // (REPEAT_WINDOW_DAYS + 1 from a repeat episode, so that the episode stays exactly what it is).
  const n = rng.count(MEAN_SLOTS * INDUSTRIES[e.industry].intensity);
  const wanted: number[] = [];
  for (let i = 0; i < n; i++) wanted.push(days.inspection.pickFrom(rng, first));
  wanted.sort((a, b) => a - b);
  const slots: Slot[] = [...fixed];
  for (const day of wanted) {
    let ok = true;
    for (const s of slots) {
      const gap = s.tag === 'repeat' ? REPEAT_WINDOW_DAYS + 1 : MIN_INSPECTION_GAP;
      if (Math.abs(s.day - day) < gap) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const kind = drawKind(rng);
    if (kind === 'joint') {
      const lines = [...lineMap.keys()];
      const k = Math.min(lines.length, rng.chance(0.7) ? 2 : 3);
      if (k < 2) continue;
      const items: InspectionItemInfo[] = [];
      const agencies: Agency[] = [];
      for (const li of rng.sample(lines.length, k)) {
        const x = pickWithCapacity(rng, lineMap.get(lines[li])!, cap);
        const a = x && e.county.agencies.get(x.line);
        if (x && a) {
          cap.take(x);
          items.push(x);
          agencies.push(a);
        }
      }
      if (items.length >= 2) slots.push({ day, kind, items, agencies, tag: null });
      else for (const x of items) slots.push({ day, kind: 'planned', items: [x], agencies, tag: null });
    } else {
      let x: InspectionItemInfo | undefined;
      for (let t = 0; t < 6 && !x; t++) {
        const c = picker.pick(rng);
        if (cap.has(c)) x = c;
      }
      const a = x && world.agencyFor(e.county, x.line, rng);
      if (x && a) {
        cap.take(x);
        slots.push({ day, kind, items: [x], agencies: [a], tag: null });
      }
    }
  }

  for (const s of slots) writeSlot(ctx, e, rng, s);
}

/**
 * The complaint a targeted inspection answers: a 12345 ticket number. About one in thirty carries none,
 * which INS_TARGETED_NO_TRIGGER looks for (a routine inspection labelled a complaint one escapes the
 * frequency limits). Decided by the id's hash, not the generator's stream.
 */
function triggerRef(ctx: Ctx, id: string, region: string): string | null {
  if (deriveSeed(ctx.seed, 'trigger', id) % 30 !== 0 || !ctx.keepPlant()) return `GD${id.slice(2)}`;
  ctx.truth.plant('targeted_no_trigger', 'inspection', id, region, { kind: 'complaint' });
  return null;
}

function pickWithCapacity(rng: Rng, xs: readonly InspectionItemInfo[], cap: Capacity): InspectionItemInfo | undefined {
  for (let t = 0; t < 4; t++) {
    const x = xs[rng.int(xs.length)];
    if (cap.has(x)) return x;
  }
  return xs.find((x) => cap.has(x));
}

/** 3 (sometimes 4) different agencies, each of its own line, within 7 days; never joint. */
function repeatEpisode(ctx: Ctx, e: Entity, rng: Rng, first: number, cap: Capacity): Slot[] | null {
  const lineMap = ctx.cat.inspectionLinesFor[e.industry];
  const lines = [...lineMap.keys()].filter((l) => e.county.agencies.has(l));
  const k = rng.chance(0.8) ? REPEAT_MIN_AGENCIES : REPEAT_MIN_AGENCIES + 1;
  if (lines.length < k) return null;
  // A plant not kept at the plant share: no episode, the entity's slots as normal.
  if (!ctx.keepPlant()) return null;
  const start = first + rng.int(ctx.period.end - REPEAT_WINDOW_DAYS - first);
  // Days inside [start, start + 6]: a span of at most 6 days, "within 7 days" however one counts.
  const offsets = [0, ...rng.sample(REPEAT_WINDOW_DAYS - 1, k - 1).map((o) => o + 1)].sort((a, b) => a - b);
  const slots: Slot[] = [];
  rng.sample(lines.length, k).forEach((li, i) => {
    const x = pickWithCapacity(rng, lineMap.get(lines[li])!, cap)!;
    cap.take(x);
    // Never a targeted kind: those do not count toward the repeat model (优化营商环境条例 第五十四条 第二款).
    // The draws stay as they were, so that the stream of the rest of the data is what it always was.
    const kind = rng.chance(0.5) ? 'planned' : rng.chance(0.5) ? 'planned' : 'random';
    slots.push({ day: start + offsets[i], kind, items: [x], agencies: [e.county.agencies.get(x.line)!], tag: 'repeat' });
  });
  const ids = slots.map((s) => (s.id = ctx.ids.next('IN')));
  ctx.truth.plant('repeat_inspection', 'entity', e.uscc, e.township.code, {
    inspection_ids: ids,
    agency_ids: slots.map((s) => s.agencies[0].id),
    from: isoOf(slots[0].day),
    to: isoOf(slots[slots.length - 1].day),
  });
  if (rng.chance(0.5)) complainAboutRepeat(ctx, e, rng, slots[slots.length - 1].day);
  return slots;
}

/** max_per_year + 1 inspections of one item within one calendar year, at least MIN_INSPECTION_GAP days apart. */
function overFrequencyEpisode(ctx: Ctx, e: Entity, rng: Rng, first: number, cap: Capacity): Slot[] | null {
  const candidates = ctx.cat.inspectionsFor[e.industry].values.filter((x) => x.ii.max_per_year <= 2 && e.county.agencies.has(x.line));
  if (candidates.length === 0) return null;
  const x = candidates[rng.int(candidates.length)];
  const count = x.ii.max_per_year + 1;
  // The latest calendar year with 200 days in the period; a quarter of the entities known early enough
  // get the year before instead (2025-12-31: 2025, or 2024 for an entity inspected from September 2024).
  const { start, end } = ctx.period;
  const main = end - dayOf(`${yearOf(end)}-01-01`) >= 200 ? yearOf(end) : yearOf(end) - 1;
  const year = main - 1 >= yearOf(start) && first <= dayOf(`${main - 1}-09-01`) && rng.chance(0.25) ? main - 1 : main;
  const from = Math.max(first, dayOf(`${year}-01-01`), start);
  const to = Math.min(dayOf(`${year}-12-31`), end);
  if (to - from < count * MIN_INSPECTION_GAP * 4) return null;
  if (!ctx.keepPlant()) return null; // not kept at the plant share: no episode
  // Evenly spread with jitter: consecutive days stay at least MIN_INSPECTION_GAP apart.
  const stride = Math.floor((to - from) / count);
  const agency = rng.chance(0.7)
    ? e.county.agencies.get(x.line)!
    : (ctx.world.agencyFor(e.county, x.line, rng) ?? e.county.agencies.get(x.line)!);
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const day = from + i * stride + rng.int(stride - MIN_INSPECTION_GAP);
    slots.push({ day, kind: rng.chance(0.5) ? 'random' : 'planned', items: [x], agencies: [agency], tag: 'over' });
  }
  cap.fill(x);
  const ids = slots.map((s) => (s.id = ctx.ids.next('IN')));
  ctx.truth.plant('over_frequency', 'entity', e.uscc, e.township.code, {
    inspection_item_code: x.ii.code,
    year,
    count,
    max_per_year: x.ii.max_per_year,
    inspection_ids: ids,
  });
  return slots;
}

function writeSlot(ctx: Ctx, e: Entity, rng: Rng, s: Slot): void {
  const { out, world, truth } = ctx;
  const region = e.township.code;
  const day = s.day;
  const jointId = s.kind === 'joint' ? ctx.ids.next('JT') : null;
  for (let i = 0; i < s.items.length; i++) {
    const x = s.items[i];
    const agency = s.agencies[i];
    const id = s.id ?? ctx.ids.next('IN');
    let [lead, assist] = world.pair(agency, day, rng);
    let single = false;
    // Record-level plants, only on inspections outside entity-level episodes.
    if (s.tag === null) {
      // A plant not kept at the plant share leaves the record as drawn (never the other band's plant).
      const u = rng.next();
      if (u < PLANT.inspectionSingleOfficer) {
        if (ctx.keepPlant()) {
          single = true;
          truth.plant('single_officer', 'inspection', id, region, { lead_officer_id: lead.id });
        }
      } else if (u < PLANT.inspectionSingleOfficer + PLANT.expiredCertificate) {
        const expired = world.expiredBefore(agency, day, rng);
        if (expired && ctx.keepPlant()) {
          lead = expired;
          if (assist === lead) assist = agency.valid[0];
          truth.plant('expired_certificate', 'inspection', id, region, {
            officer_id: expired.id,
            expired_on: isoOf(expired.expires),
            inspected_on: isoOf(day),
          });
        }
      }
    }
    const caseFiled = x.penalties.length > 0 && rng.chance(CASE_RATE);
    const result = caseFiled ? 'case_filed' : rng.chance(0.17) ? 'issues' : 'compliant';
    out.inspections.push([
      id,
      SOURCE,
      id,
      region,
      agency.id,
      x.ii.code,
      e.uscc,
      isoOf(day),
      s.kind,
      jointId,
      lead.id,
      single ? null : assist.id,
      rng.chance(0.93),
      result,
      s.kind === 'complaint' ? triggerRef(ctx, id, region) : null,
      ...inspectionRules(ctx, { id, agencyId: agency.id, kind: s.kind, day, region }),
    ]);
    makeCharge(ctx, e, { agency, kind: 'inspection', recordId: id, day });
    if (caseFiled) {
      const filed = Math.min(ctx.period.asOf, day + rng.range(0, 7));
      makeCase(ctx, e, rng, { agency, penalty: x.penalties[rng.int(x.penalties.length)], filed, inspectionId: id });
    }
    followUp(ctx, rng, 'inspection', id, e, day, 0.12, { agencyId: agency.id, officerId: lead.id });
  }
}
