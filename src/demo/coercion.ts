// 行政强制措施: the sealings (查封) and seizures (扣押) the market-regulation, ecology-environment and
// emergency-management agencies apply in some of their cases (行政强制法 第三章). A normal measure keeps
// every rule the coercion models read: a decision document, released or decided within 30 days of its
// start (the start day not counted), or 60 when the agency head approved an extension, plus the days of
// testing the record names; goods returned within 3 days of a release. A planted measure breaks one of
// them; near misses sit on the boundaries (exactly 30, exactly 60, exactly 30 + the testing days, goods
// returned on the third day, an urgent measure with its document, goods confiscated and not returned).
// None freezes deposits: 第二十九条 gives that power only to agencies a law names (tax, not these lines).
// Its own random stream per case: the rest of the data is the same with or without it.
import { isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { deriveSeed, Rng } from './prng.ts';
import { SOURCE } from './tables.ts';
import type { Agency, Officer } from './world.ts';

/** Share of a line's cases with a measure, and the share of those that are sealings (the rest seizures). */
const LINES: Readonly<Record<string, { share: number; seal: number }>> = {
  MKT: { share: 0.12, seal: 0.35 },
  ENV: { share: 0.25, seal: 0.6 },
  EMG: { share: 0.2, seal: 0.7 },
};

/** The statutory term and extension (第二十五条), the days a release may take to return goods (第二十八条 立即). */
export const COERCION_TERM = 30;
export const COERCION_EXTENSION = 30;
export const COERCION_RETURN_DAYS = 3;

/** Per mille of measures planted with each violation (a release without return only where the measure was released). */
const PLANT = {
  overLong: 20,
  noDecision: 30,
  goodsNotReturned: 40,
} as const;

export interface MeasureInput {
  agency: Agency;
  caseId: string;
  filed: number;
  /** The case's decision: a fine decided may confiscate what was seized. */
  decided: number | null;
  lead: Officer;
  assist: Officer;
}

/** Writes the coercive measure of a case, if its line uses them and the draw gives one. */
export function makeMeasure(ctx: Ctx, e: Entity, input: MeasureInput): void {
  const line = LINES[input.agency.line];
  if (!line) return;
  const rng = Rng.of(ctx.seed, 'coercion', input.caseId);
  if (!rng.chance(line.share)) return;
  const { out, truth } = ctx;
  const asOf = ctx.period.asOf;
  const region = e.township.code;
  const id = ctx.ids.next('QZ');
  const measure = rng.chance(line.seal) ? 'seal' : 'seize';
  const started = Math.min(asOf, Math.max(ctx.period.start, input.filed - rng.range(0, 3)));
  const urgent = rng.chance(0.1);
  let extended = rng.chance(0.15);
  let approved = extended;
  const testing = rng.chance(0.1) ? rng.range(5, 20) : 0;
  const allowed = () => COERCION_TERM + (extended && approved ? COERCION_EXTENSION : 0) + testing;
  // Days from the start to the end; boundary near misses end on the last day in time.
  let duration = rng.chance(0.08) ? allowed() : rng.range(3, allowed());
  let plant: 'over_long' | 'no_decision' | 'goods' | null = null;
  // Chosen by the case id's hash, outside the measure's stream.
  const u = deriveSeed(ctx.seed, 'coercion-plant', input.caseId) % 1000;
  if (u < PLANT.overLong) {
    plant = 'over_long';
    // Beyond the term without an extension, beyond 60 with an approved one, or an extension never approved.
    const how = rng.int(3);
    extended = how > 0;
    approved = how === 1;
    duration = allowed() + rng.range(1, 15);
    // Still in force on the as-of day: it must have run past its term by then, else the plant is dropped.
    if (started + duration > asOf && asOf - started <= allowed()) {
      plant = null;
      extended = approved = false;
      duration = rng.range(3, allowed());
    }
  } else if (u < PLANT.overLong + PLANT.noDecision) plant = 'no_decision';
  else if (u < PLANT.overLong + PLANT.noDecision + PLANT.goodsNotReturned) plant = 'goods';

  const end = started + duration;
  const ended = end <= asOf ? end : null;
  let status = 'in_force';
  if (ended !== null) {
    const r = rng.next();
    status = r < 0.03 ? 'transferred' : input.decided !== null && input.decided <= ended + 5 && r < 0.35 ? 'disposed' : 'released';
  }
  if (plant === 'goods' && (status !== 'released' || asOf - ended! <= COERCION_RETURN_DAYS)) plant = null;
  let returned: number | null = null;
  if (status === 'released') {
    returned = ended! + (rng.chance(0.06) ? COERCION_RETURN_DAYS : rng.range(0, 2));
    if (plant === 'goods') returned = rng.chance(0.5) ? null : ended! + rng.range(COERCION_RETURN_DAYS + 1, 20);
    if (returned !== null && returned > asOf) returned = null; // not yet returned, within the days a return may take
  }
  const year = isoOf(started).slice(0, 4);
  const decisionNo = plant === 'no_decision' ? null : `${input.agency.name}强制〔${year}〕${Number(id.slice(2))}号`;
  out.coercive_measures.push([
    id,
    SOURCE,
    id,
    region,
    input.agency.id,
    e.uscc,
    input.caseId,
    measure,
    decisionNo,
    isoOf(started),
    urgent,
    extended,
    approved,
    testing || null,
    ended === null ? null : isoOf(ended),
    returned === null ? null : isoOf(returned),
    input.lead.id,
    input.assist.id,
    status,
  ]);
  const detail = { measure, started_on: isoOf(started), ended_on: ended === null ? null : isoOf(ended) };
  if (plant === 'over_long')
    truth.plant('coercion_over_long', 'coercive_measure', id, region, {
      ...detail,
      extended,
      approved,
      testing_days: testing,
      allowed: allowed(),
    });
  if (plant === 'no_decision') truth.plant('coercion_no_decision', 'coercive_measure', id, region, { ...detail, urgent });
  if (plant === 'goods')
    truth.plant('coercion_goods_not_returned', 'coercive_measure', id, region, {
      ...detail,
      goods_returned_on: returned === null ? null : isoOf(returned),
    });
  if (measure === 'seal') sealAgain(ctx, e, input, { id, started, ended });
}

/** Per mille of sealings sealed again by another agency while in force (planted), and just after their end (near miss). */
const SEAL_AGAIN = { planted: 60, near: 30 } as const;

/**
 * A sealing of the same entity by the county's agency of another line that seals (行政强制法 第二十三条 第二款),
 * from a stream of its own: planted, it starts while the first is in force (1–10 days after its start);
 * the near miss starts on the day the first ended. Its own record keeps every other rule: a decision
 * document, released within 20 days with the goods returned the same day, no case in the data.
 */
function sealAgain(ctx: Ctx, e: Entity, input: MeasureInput, first: { id: string; started: number; ended: number | null }): void {
  const u = deriveSeed(ctx.seed, 'coercion-seal-again', first.id) % 1000;
  if (u >= SEAL_AGAIN.planted + SEAL_AGAIN.near) return;
  const planted = u < SEAL_AGAIN.planted;
  const rng = Rng.of(ctx.seed, 'coercion-seal-again', first.id);
  const asOf = ctx.period.asOf;
  const others = Object.keys(LINES)
    .filter((l) => l !== input.agency.line)
    .map((l) => e.county.agencies.get(l))
    .filter((a): a is Agency => a !== undefined && a.valid.length >= 2);
  if (others.length === 0) return;
  const agency = others[rng.int(others.length)];
  let started: number;
  if (planted) {
    const last = first.ended === null ? asOf : first.ended - 1;
    started = first.started + rng.range(1, 10);
    if (started > last) return;
  } else {
    if (first.ended === null) return;
    started = first.ended;
  }
  if (started > asOf) return;
  const end = started + rng.range(3, 20);
  const ended = end <= asOf ? end : null;
  const [lead, assist] = ctx.world.pair(agency, started, rng);
  const id = ctx.ids.next('QZ');
  const region = e.township.code;
  ctx.out.coercive_measures.push([
    id,
    SOURCE,
    id,
    region,
    agency.id,
    e.uscc,
    null,
    'seal',
    `${agency.name}强制〔${isoOf(started).slice(0, 4)}〕${Number(id.slice(2))}号`,
    isoOf(started),
    false,
    false,
    false,
    null,
    ended === null ? null : isoOf(ended),
    ended === null ? null : isoOf(ended),
    lead.id,
    assist.id,
    ended === null ? 'in_force' : 'released',
  ]);
  if (planted)
    ctx.truth.plant('coercion_repeat_seal', 'coercive_measure', id, region, {
      started_on: isoOf(started),
      other_measure_id: first.id,
      other_agency_id: input.agency.id,
    });
}
