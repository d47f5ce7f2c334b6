// 行政强制措施: the sealings (查封) and seizures (扣押) the market-regulation, ecology-environment and
// emergency-management agencies apply in some of their cases (行政强制法 第三章). A normal measure keeps
// every rule the coercion models read: a decision document, released or decided within 30 days of its
// start (the start day not counted), or 60 when the agency head approved an extension, plus the days of
// testing the record names; goods returned within 3 days of a release. A planted measure breaks one of
// them; near misses sit on the boundaries (exactly 30, exactly 60, exactly 30 + the testing days, goods
// returned on the third day, an urgent measure with its document, goods confiscated and not returned).
// None freezes deposits: 第二十九条 gives that power only to agencies a law names (tax, not these lines).
// Its own random stream per case: the rest of the data is the same with or without it.
//
// Times (第十八条、第十九条): a measure starts in office hours, a few at night (a near miss of the night
// model: a 强制措施 is not 强制执行); the agency head approves it before the start, or, for an urgent one,
// within 24 hours after (planted: later; near miss: exactly 24 hours). Acts of 强制执行 (第十二条) follow
// some measures: an auction of seized goods, a removal or a 代履行, on a working day in office hours;
// planted: at night or on a legal holiday, not urgent (第四十三条); near misses: at 21:59 or 06:00, at night
// but urgent, on an ordinary weekend day. Storage fees (第二十六条 第三款): planted, the agency, its unit or
// a keeper it commissioned or named charges the enterprise for a sealing or seizure; near miss, the
// enterprise pays a warehouse of its own choosing.
import { isHoliday, isWorkday } from '../domain/workdays.ts';
import { addMonths } from '../domain/dates.ts';
import { dayOf, isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { deriveSeed, Rng } from './prng.ts';
import { noteEnforced, noteReversal, RESTORE_DAYS, reversalOf, type Reversal } from './reviews.ts';
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
/** Days after a warning or 不予处罚 decision by which a sealing or seizure of the case is released (第二十八条 及时: COE_NOT_RELEASED's default). */
export const COERCION_RELEASE_DAYS = 7;

/** Per mille of cases decided 不予处罚 given a sealing or seizure all the same (planted): the others get none. */
const MINOR = 300;

/** Per mille of measures on cases decided with a warning or 不予处罚: released after the days above (planted), and on the last day (near miss). */
const RELEASE = { planted: 250, near: 100 } as const;

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
  /** fine, warning or no_penalty; null while the case is open. */
  decision: string | null;
  lead: Officer;
  assist: Officer;
  /** The day the case's 催告书 was served ('YYYY-MM-DD'), when the case shows one. */
  caseDemand?: string | null;
  /** The fine's due day and the day it was paid (null: unpaid), when the case has a payment. */
  payment?: { due: number; paidOn: number | null } | null;
  /** The case's item when reviews.ts may review it (its only review may then be a reversal: restoration). */
  reviewItem?: string | null;
}

/** Writes the coercive measure of a case, if its line uses them and the draw gives one. */
export function makeMeasure(ctx: Ctx, e: Entity, input: MeasureInput): void {
  const line = LINES[input.agency.line];
  if (!line) return;
  const rng = Rng.of(ctx.seed, 'coercion', input.caseId);
  if (!rng.chance(line.share)) return;
  // A case the agency excused (不予处罚) was not one to seal or seize for (第五条): planted, a few are.
  const minor = input.decision === 'no_penalty';
  if (minor && (deriveSeed(ctx.seed, 'coercion-minor', input.caseId) % 1000 >= MINOR || !ctx.keepPlant())) return;
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
  const kept = u >= PLANT.overLong + PLANT.noDecision + PLANT.goodsNotReturned || ctx.keepPlant();
  if (!kept)
    plant = null; // a plant not kept: an ordinary measure
  else if (u < PLANT.overLong) {
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

  // A case decided with a warning or 不予处罚 takes nothing from the party: the measure is released within
  // COERCION_RELEASE_DAYS of the decision (第二十八条), planted later (within the term, so that it is not over
  // long as well), the near miss on the last day. Its own stream: the measure's draws stay the same.
  const lenient = (input.decision === 'warning' || input.decision === 'no_penalty') && input.decided !== null;
  let release: 'late' | 'edge' | null = null;
  if (lenient && plant !== 'over_long') {
    const decided = input.decided!;
    const rr = Rng.of(ctx.seed, 'coercion-release', input.caseId);
    const v = deriveSeed(ctx.seed, 'coercion-release', input.caseId) % 1000;
    const due = decided + COERCION_RELEASE_DAYS;
    const last = Math.min(asOf, started + allowed());
    const late = plant === null && v < RELEASE.planted && due + 1 <= last;
    if (late && ctx.keepPlant()) {
      release = 'late';
      duration = due + rr.range(1, last - due) - started;
    } else if (!late && plant === null && v < RELEASE.planted + RELEASE.near && due <= last) {
      release = 'edge';
      duration = due - started;
    } else duration = Math.min(duration, decided + rr.range(0, COERCION_RELEASE_DAYS) - started);
  }
  const end = started + duration;
  const ended = end <= asOf ? end : null;
  let status = 'in_force';
  if (ended !== null) {
    const r = rng.next();
    status = r < 0.03 ? 'transferred' : input.decided !== null && input.decided <= ended + 5 && r < 0.35 ? 'disposed' : 'released';
    if (release !== null) status = 'released';
  }
  if (plant === 'goods' && (status !== 'released' || asOf - ended! <= COERCION_RETURN_DAYS)) plant = null;
  let returned: number | null = null;
  if (status === 'released') {
    returned = ended! + (rng.chance(0.06) ? COERCION_RETURN_DAYS : rng.range(0, 2));
    if (plant === 'goods') returned = rng.chance(0.5) ? null : ended! + rng.range(COERCION_RETURN_DAYS + 1, 20);
    if (returned !== null && returned > asOf) returned = null; // not yet returned, within the days a return may take
  }
  const times = measureTimes(ctx, id, started, urgent, measure);
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
    times.startedAt,
    times.approvedAt,
    null,
    null,
    null,
    null,
  ]);
  const detail = { measure, started_on: isoOf(started), ended_on: ended === null ? null : isoOf(ended) };
  if (times.late)
    truth.plant('coercion_urgent_late_approval', 'coercive_measure', id, region, {
      ...detail,
      started_at: times.startedAt,
      approved_at: times.approvedAt,
    });
  if (plant === 'over_long')
    truth.plant('coercion_over_long', 'coercive_measure', id, region, {
      ...detail,
      extended,
      approved,
      testing_days: testing,
      allowed: allowed(),
    });
  if (plant === 'no_decision') truth.plant('coercion_no_decision', 'coercive_measure', id, region, { ...detail, urgent });
  if (minor) truth.plant('coercion_on_minor_case', 'coercive_measure', id, region, { ...detail, case_decided_on: isoOf(input.decided!) });
  // Planted above, or an over-long measure of such a case still held after the decision.
  if (lenient && (status === 'in_force' || status === 'released') && (ended ?? asOf) - input.decided! > COERCION_RELEASE_DAYS)
    truth.plant('coercion_not_released', 'coercive_measure', id, region, {
      ...detail,
      case_decided_on: isoOf(input.decided!),
      decision: input.decision,
    });
  if (plant === 'goods')
    truth.plant('coercion_goods_not_returned', 'coercive_measure', id, region, {
      ...detail,
      goods_returned_on: returned === null ? null : isoOf(returned),
    });
  if (measure === 'seal') sealAgain(ctx, e, input, { id, started, ended });
  enforce(ctx, e, input, { id, measure, started, ended });
  storageFee(ctx, e, input, { id, started });
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
/** 'YYYY-MM-DD HH:MM' of a minute counted from the start of a day (past 1440: the days after). */
const stamp = (day: number, minute: number) => `${isoOf(day + Math.floor(minute / 1440))} ${hhmm(((minute % 1440) + 1440) % 1440)}`;

/** Per cent of urgent measures approved late (planted) and exactly 24 hours after the start (near miss). */
const LATE_APPROVAL = { planted: 25, near: 15 } as const;

/** The time a measure starts and the time its approval is recorded, from a stream of its own. */
function measureTimes(ctx: Ctx, id: string, started: number, urgent: boolean, measure: string) {
  const rng = Rng.of(ctx.seed, 'coercion-times', id);
  // Office hours; a few sealings or seizures at night (not 强制执行: a near miss of the night model).
  const start = !urgent && rng.chance(0.03) ? 22 * 60 + rng.range(0, 90) : rng.range(8 * 60 + 30, 17 * 60);
  let late = false;
  let approved: number;
  if (!urgent) approved = start - rng.range(20, 180);
  else {
    const u = deriveSeed(ctx.seed, 'coercion-approval', id) % 100;
    const planted = u < LATE_APPROVAL.planted && started + 4 <= ctx.period.asOf;
    if (planted && ctx.keepPlant()) {
      late = true;
      approved = start + 24 * 60 + rng.range(1, 48 * 60);
    } else if (!planted && u < LATE_APPROVAL.planted + LATE_APPROVAL.near) approved = start + 24 * 60;
    else approved = start + rng.range(30, 20 * 60);
  }
  const approvedAt = started + Math.floor(approved / 1440) > ctx.period.asOf ? null : stamp(started, approved);
  return { startedAt: measure === 'freeze' ? null : hhmm(start % 1440), approvedAt, late: late && approvedAt !== null };
}

/** Per mille of measures followed by an act of 强制执行, planted at night or on a holiday, and each near miss. */
const ENFORCE = { share: 300, night: 15, holiday: 15, edge: 30, urgentNight: 15, weekend: 25 } as const;

/** The legal holidays (days off of the State Council's arrangement) in the period, by its as-of day. */
const holidayCache = new Map<number, number[]>();
function holidays(ctx: Ctx): number[] {
  let days = holidayCache.get(ctx.period.asOf);
  if (!days) {
    days = [];
    for (let d = ctx.period.start; d <= ctx.period.asOf; d++) if (isHoliday(isoOf(d))) days.push(d);
    holidayCache.set(ctx.period.asOf, days);
  }
  return days;
}

/**
 * An act of 强制执行 after a measure (行政强制法 第十二条), from a stream of its own: an auction of what the
 * market regulator sealed or seized, a removal or a 代履行 of the other lines, 5–40 days after the measure
 * ended (or began, while in force), completed the same day. Normal: a working day, office hours.
 */
function enforce(
  ctx: Ctx,
  e: Entity,
  input: MeasureInput,
  first: { id: string; measure: string; started: number; ended: number | null },
): void {
  const u = deriveSeed(ctx.seed, 'coercion-enforce', first.id) % 1000;
  if (u >= ENFORCE.share) return;
  const rng = Rng.of(ctx.seed, 'coercion-enforce', first.id);
  const asOf = ctx.period.asOf;
  const measure = input.agency.line === 'MKT' ? 'auction' : rng.chance(0.6) ? 'remove' : 'substitute';
  let day = (first.ended ?? first.started) + rng.range(5, 40);
  let minute = rng.range(9 * 60, 16 * 60 + 30);
  let urgent = false;
  let plant: 'night' | 'holiday' | null = null;
  const [night, holiday, edge, urgentNight] = [ENFORCE.night, ENFORCE.holiday, ENFORCE.edge, ENFORCE.urgentNight].map((_, i, xs) =>
    xs.slice(0, i + 1).reduce((a, b) => a + b, 0),
  );
  const nightMinute = () => (rng.chance(0.5) ? 22 * 60 + rng.range(0, 119) : rng.range(0, 6 * 60 - 1));
  const working = (d: number) => {
    while (d <= asOf && !isWorkday(isoOf(d))) d++;
    return d;
  };
  if (u < holiday && !ctx.keepPlant())
    day = working(day); // a plant not kept: an ordinary act
  else if (u < night) {
    plant = 'night';
    day = working(day);
    minute = nightMinute();
  } else if (u < holiday) {
    const h = holidays(ctx).find((d) => d >= day);
    if (h !== undefined) {
      plant = 'holiday';
      day = h;
    } else day = working(day);
  } else if (u < edge) {
    day = working(day);
    minute = rng.chance(0.5) ? 21 * 60 + 59 : 6 * 60; // the minute before the night, the minute after it
  } else if (u < urgentNight) {
    day = working(day);
    minute = nightMinute();
    urgent = true;
  } else if (u < urgentNight + ENFORCE.weekend) {
    while (day <= asOf && (isWorkday(isoOf(day)) || isHoliday(isoOf(day)))) day++; // an ordinary Saturday or Sunday
  } else day = working(day);
  if (day > asOf) return;
  const id = ctx.ids.next('QZ');
  const region = e.township.code;
  const returned = measure === 'auction' ? restoration(ctx, input, { id, region, day }) : null;
  const approvedAt = urgent ? stamp(day, minute + rng.range(30, 600)) : stamp(day - 1, 16 * 60 + rng.range(0, 90));
  ctx.out.coercive_measures.push([
    id,
    SOURCE,
    id,
    region,
    input.agency.id,
    e.uscc,
    input.caseId,
    measure,
    `${input.agency.name}强制执行〔${isoOf(day).slice(0, 4)}〕${Number(id.slice(2))}号`,
    isoOf(day),
    urgent,
    false,
    false,
    null,
    isoOf(day),
    returned === null ? null : isoOf(returned),
    input.lead.id,
    input.assist.id,
    'disposed',
    hhmm(minute),
    approvedAt !== null && approvedAt.slice(0, 10) <= isoOf(asOf) ? approvedAt : null,
    ...ownEnforcement(ctx, {
      id,
      region,
      day,
      measure,
      urgent,
      demolition: false,
      caseId: input.caseId,
      caseDemand: input.caseDemand ?? null,
    }),
  ]);
  if (plant)
    ctx.truth.plant('coercion_night_holiday', 'coercive_measure', id, region, {
      measure,
      started_on: isoOf(day),
      started_at: hhmm(minute),
      reason: plant,
      after_measure_id: first.id,
    });
  // An auction that happens to fall within the first 30 days of 加处罚款 of the case's unpaid fine (a late
  // payment, thinned at the plant share where it is planted).
  if (measure === 'auction' && input.payment && early(input.payment, day)) plantEarly(ctx, id, region, input.payment, day);
}

/** Per mille of sealings and seizures with a storage fee charged to the enterprise (planted), and of the near miss. */
const STORAGE = { planted: 25, near: 20 } as const;
const WAREHOUSES = ['之江', '钱塘', '西溪', '良渚', '临平'];

/**
 * A storage fee around a sealing or seizure, from a stream of its own. Planted: charged by the agency, its
 * unit, or a keeper it commissioned or named (the measure named in most); near miss: a warehouse the
 * enterprise chose itself, naming no measure.
 */
function storageFee(ctx: Ctx, e: Entity, input: MeasureInput, first: { id: string; started: number }): void {
  const u = deriveSeed(ctx.seed, 'coercion-storage', first.id) % 1000;
  if (u >= STORAGE.planted + STORAGE.near) return;
  const planted = u < STORAGE.planted;
  if (planted && !ctx.keepPlant()) return; // a plant not kept: no fee, as for most measures
  const rng = Rng.of(ctx.seed, 'coercion-storage', first.id);
  const day = first.started + rng.range(1, 20);
  if (day > ctx.period.asOf) return;
  const { agency } = input;
  const warehouse = `杭州${rng.pick(WAREHOUSES)}仓储有限公司`;
  const how = planted ? rng.int(4) : -1;
  const [chargedBy, chargerKind] =
    how === 0
      ? [agency.name, 'authority']
      : how === 1
        ? [`${agency.name.replace(/局$/, '')}涉案财物保管中心`, 'affiliated']
        : [warehouse, 'intermediary'];
  const linked = planted && rng.chance(0.8);
  const id = ctx.ids.next('SF');
  const region = e.township.code;
  ctx.out.enterprise_charges.push([
    id,
    SOURCE,
    id,
    region,
    agency.id,
    e.uscc,
    chargedBy,
    chargerKind,
    'storage',
    null,
    rng.range(5, 100) * 20,
    isoOf(day),
    null,
    null,
    how === 2,
    how === 3,
    linked ? first.id : null,
  ]);
  if (planted)
    ctx.truth.plant('coercion_storage_fee', 'enterprise_charge', id, region, {
      charged_by: chargedBy,
      charger_kind: chargerKind,
      commissioned: how === 2,
      designated: how === 3,
      coercive_measure_id: first.id,
    });
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
  if (planted && !ctx.keepPlant()) return; // a plant not kept: no second sealing, as for most
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
    '10:00',
    `${isoOf(started)} 09:00`,
    null,
    null,
    null,
    null,
  ]);
  if (planted)
    ctx.truth.plant('coercion_repeat_seal', 'coercive_measure', id, region, {
      started_on: isoOf(started),
      other_measure_id: first.id,
      other_agency_id: input.agency.id,
    });
}

/** Per mille of acts of 强制执行 with no 催告 before them (planted), and with one served on the day itself (near miss). */
const DEMAND = { planted: 40, near: 40 } as const;
/** Per mille of 强制拆除 begun with no announcement or within the deadline it set (planted), and the day after it (near miss). */
const ANNOUNCE = { planted: 120, near: 80 } as const;

/**
 * The columns of the agency's own enforcement of an act (行政强制法 第三十五条、第四十四条), from streams of
 * their own: demand_served_on, demolition, announced_on, deadline_on. Normal: a 催告 served 5–30 days
 * before the act; a 强制拆除 announced 20–60 days before, with a deadline of 10–15 days that has run out
 * before the act. Planted (COE_ENFORCEMENT_NO_DEMAND): no 催告 on the act, or one served after it, and none
 * on the case by then (an urgent 代履行, 第五十二条, is never planted); near miss: served on the day of the
 * act. Planted (COE_DEMOLITION_NOT_ANNOUNCED): no announcement, or begun on or before the deadline; near
 * miss: begun the day after the deadline. A removal after a sealing (enforce) is an 排除妨碍、恢复原状; the
 * 强制拆除 are demolish's.
 */
function ownEnforcement(
  ctx: Ctx,
  act: {
    id: string;
    region: string;
    day: number;
    measure: string;
    urgent: boolean;
    demolition: boolean;
    caseId: string;
    caseDemand: string | null;
  },
): [string | null, boolean | null, string | null, string | null] {
  const { id, region, day, measure } = act;
  const asOf = ctx.period.asOf;
  const rng = Rng.of(ctx.seed, 'coercion-own', id);
  const u = deriveSeed(ctx.seed, 'coercion-demand', id) % 1000;
  const exempt = measure === 'substitute' && act.urgent;
  const caseDemanded = act.caseDemand !== null && act.caseDemand <= isoOf(day);
  let demand: number | null = day - rng.range(5, 30);
  const undemanded = u < DEMAND.planted && !exempt && !caseDemanded;
  if (undemanded && ctx.keepPlant()) {
    demand = rng.chance(0.6) ? null : day + rng.range(1, 10);
    if (demand !== null && demand > asOf) demand = null;
    ctx.truth.plant('coercion_enforcement_no_demand', 'coercive_measure', id, region, {
      measure,
      started_on: isoOf(day),
      demand_served_on: demand === null ? null : isoOf(demand),
      case_id: act.caseId,
    });
  } else if (!undemanded && u < DEMAND.planted + DEMAND.near) demand = day;
  const iso = (d: number | null) => (d === null ? null : isoOf(d));
  if (measure !== 'remove') return [iso(demand), null, null, null];
  if (!act.demolition) return [iso(demand), false, null, null];
  let announced: number | null = day - rng.range(20, 60);
  let deadline: number | null = Math.min(announced + rng.range(10, 15), day - 1);
  const v = deriveSeed(ctx.seed, 'coercion-announce', id) % 1000;
  if (v < ANNOUNCE.planted && ctx.keepPlant()) {
    const how = rng.int(3);
    if (how === 0) announced = deadline = null;
    else if (how === 1) deadline = Math.min(asOf, day + rng.range(0, 10));
    else announced = deadline = day;
    ctx.truth.plant('coercion_demolition_not_announced', 'coercive_measure', id, region, {
      started_on: isoOf(day),
      announced_on: announced === null ? null : isoOf(announced),
      deadline_on: deadline === null ? null : isoOf(deadline),
    });
  } else if (v >= ANNOUNCE.planted && v < ANNOUNCE.planted + ANNOUNCE.near) deadline = day - 1;
  return [iso(demand), true, iso(announced), iso(deadline)];
}

/** Per mille of decided cases of comprehensive enforcement (违法建筑) followed by a 强制拆除. */
const DEMOLISH_SHARE = 40;
/** Per cent of them begun within the six months to sue (planted), and on the day after they ran out (near miss). */
const APPEAL = { planted: 15, near: 10 } as const;
/** 行政诉讼法 第四十六条: six months to sue, longer than the sixty days to apply for review (行政复议法 第二十条). */
export const APPEAL_MONTHS = 6;

export interface DemolitionInput {
  agency: Agency;
  caseId: string;
  decided: number;
  /** The day the decision was delivered, when it was. */
  delivered: number | null;
  lead: Officer;
  assist: Officer;
  caseDemand: string | null;
}

/**
 * Writes an act of 强制执行 the agency carried out itself (an auction, a 强制拆除): begun and completed on
 * `day` at `minute`, approved the afternoon before, with its 催告 and announcement (ownEnforcement).
 */
function pushOwnAct(
  ctx: Ctx,
  rng: Rng,
  e: Entity,
  input: { agency: Agency; caseId: string; lead: Officer; assist: Officer },
  act: {
    id: string;
    region: string;
    day: number;
    minute: number;
    measure: string;
    docWord: string;
    demolition: boolean;
    caseDemand: string | null;
    /** The day what an auction took went back (restoration), if it did. */
    returned?: number | null;
  },
): void {
  const { id, region, day } = act;
  ctx.out.coercive_measures.push([
    id,
    SOURCE,
    id,
    region,
    input.agency.id,
    e.uscc,
    input.caseId,
    act.measure,
    `${input.agency.name}${act.docWord}〔${isoOf(day).slice(0, 4)}〕${Number(id.slice(2))}号`,
    isoOf(day),
    false,
    false,
    false,
    null,
    isoOf(day),
    act.returned == null ? null : isoOf(act.returned),
    input.lead.id,
    input.assist.id,
    'disposed',
    hhmm(act.minute),
    stamp(day - 1, 16 * 60 + rng.range(0, 90)),
    ...ownEnforcement(ctx, {
      id,
      region,
      day,
      measure: act.measure,
      urgent: false,
      demolition: act.demolition,
      caseId: input.caseId,
      caseDemand: act.caseDemand,
    }),
  ]);
}

/**
 * A 强制拆除 of an illegal building by the comprehensive enforcement agency after its decision (行政强制法
 * 第四十四条), from a stream of its own, on a working day in office hours with a 催告 and an announcement
 * (ownEnforcement). Normal: begun after the six months to sue from the decision's delivery (the decision day
 * when undelivered) have run, up to four months later. Planted (COE_DEMOLITION_BEFORE_APPEAL_PERIOD): begun
 * within them (returned: the case then gets no review, which the model leaves out); near miss: the first
 * working day after the last day of them.
 */
export function demolish(ctx: Ctx, e: Entity, input: DemolitionInput): boolean {
  if (deriveSeed(ctx.seed, 'coercion-demolish', input.caseId) % 1000 >= DEMOLISH_SHARE) return false;
  const rng = Rng.of(ctx.seed, 'coercion-demolish', input.caseId);
  const asOf = ctx.period.asOf;
  const from = input.delivered ?? input.decided;
  const expired = dayOf(addMonths(isoOf(from), APPEAL_MONTHS));
  let v = deriveSeed(ctx.seed, 'coercion-demolish-appeal', input.caseId) % 100;
  if (v < APPEAL.planted && !ctx.keepPlant()) v = 100; // a plant not kept: an ordinary demolition
  let day =
    v < APPEAL.planted
      ? from + rng.range(20, expired - from)
      : v < APPEAL.planted + APPEAL.near
        ? expired + 1
        : expired + rng.range(2, 120);
  while (day <= asOf && !isWorkday(isoOf(day))) day++;
  if (day > asOf) return false;
  const planted = day <= expired;
  const minute = rng.range(9 * 60, 16 * 60 + 30);
  const id = ctx.ids.next('QZ');
  const region = e.township.code;
  pushOwnAct(ctx, rng, e, input, {
    id,
    region,
    day,
    minute,
    measure: 'remove',
    docWord: '强拆',
    demolition: true,
    caseDemand: input.caseDemand,
  });
  if (planted)
    ctx.truth.plant('coercion_demolition_before_appeal_period', 'coercive_measure', id, region, {
      started_on: isoOf(day),
      period_from: isoOf(from),
      period_ends_on: isoOf(expired),
      case_id: input.caseId,
    });
  return planted;
}

/** 加处罚款 runs from the day after the due day (行政处罚法 第七十二条); 第四十六条 allows enforcement after 30 days of it. */
export const SURCHARGE_DAYS_BEFORE_ENFORCEMENT = 30;
/** Per cent of cases with a fine unpaid on its due day followed by an auction, and of those planted early or on day 31 (near miss). */
const FINE_ENFORCE = { share: 25, planted: 25, near: 20 } as const;

/** The act on `day` is within the first 30 days of 加处罚款 of a fine still unpaid that day. */
const early = (p: { due: number; paidOn: number | null }, day: number) =>
  day > p.due && day <= p.due + SURCHARGE_DAYS_BEFORE_ENFORCEMENT && (p.paidOn === null || p.paidOn > day);

function plantEarly(ctx: Ctx, id: string, region: string, p: { due: number; paidOn: number | null }, day: number) {
  ctx.truth.plant('coercion_fine_enforced_early', 'coercive_measure', id, region, {
    started_on: isoOf(day),
    due_on: isoOf(p.due),
    paid_on: p.paidOn === null ? null : isoOf(p.paidOn),
    surcharge_days: day - p.due,
  });
}

/**
 * An auction of seized goods for a fine not paid by its due day (行政强制法 第四十六条), from a stream of its
 * own, on a working day in office hours with a 催告 before it (ownEnforcement). Normal: 32–90 days after the
 * due day; planted (COE_FINE_ENFORCED_EARLY): 1–30 days after it; near miss: the 31st day. None once the
 * fine was paid.
 */
export function enforceFine(
  ctx: Ctx,
  e: Entity,
  input: {
    agency: Agency;
    caseId: string;
    lead: Officer;
    assist: Officer;
    payment: { due: number; paidOn: number | null };
    decided: number | null;
    reviewItem: string | null;
  },
): void {
  const { due, paidOn } = input.payment;
  if (paidOn !== null && paidOn <= due + 1) return;
  const u = deriveSeed(ctx.seed, 'coercion-fine-enforce', input.caseId) % 100;
  if (u >= FINE_ENFORCE.share) return;
  const rng = Rng.of(ctx.seed, 'coercion-fine-enforce', input.caseId);
  // Not thinned at the plant share: only a fine paid late has it, and the late payments are thinned.
  const v = rng.int(100);
  let day =
    v < FINE_ENFORCE.planted
      ? due + rng.range(1, SURCHARGE_DAYS_BEFORE_ENFORCEMENT - 4)
      : v < FINE_ENFORCE.planted + FINE_ENFORCE.near
        ? due + SURCHARGE_DAYS_BEFORE_ENFORCEMENT + 1
        : due + rng.range(32, 90);
  while (day <= ctx.period.asOf && !isWorkday(isoOf(day))) day++;
  if (day > ctx.period.asOf || (paidOn !== null && paidOn <= day)) return;
  const minute = rng.range(9 * 60, 16 * 60 + 30);
  const id = ctx.ids.next('QZ');
  const region = e.township.code;
  const returned = restoration(ctx, input, { id, region, day });
  pushOwnAct(ctx, rng, e, input, {
    id,
    region,
    day,
    minute,
    measure: 'auction',
    docWord: '强制执行',
    demolition: false,
    caseDemand: null,
    returned,
  });
  if (early(input.payment, day)) plantEarly(ctx, id, region, input.payment, day);
}

/** Per cent of cases open to review with an auction whose decision a review revokes or changes, and of those not returned in time (planted) and returned on the last day (near miss). */
const REVERSAL = { share: 14, planted: 45, near: 30 } as const;

/**
 * The day what an auction took goes back (行政强制法 第四十一条), from streams of their own; null: not
 * returned. On a case reviews.ts may review (reviewItem), a share of auctions is followed by a review
 * that revokes or changes the decision (planned here, written by reviews.ts as the case's only review;
 * one per agency and item), decided 3–40 days after the auction at the earliest: normal, the money or
 * goods go back within RESTORE_DAYS of the review (of the auction, if later); planted, nothing by the
 * as-of day or later than that; near miss, on the last day. A second auction of the case follows the same
 * plan. Every auction is noted: reviews.ts plants each one a correction of its case leaves unreturned,
 * planned here or not.
 */
function restoration(
  ctx: Ctx,
  input: { agency: Agency; caseId: string; decided?: number | null; reviewItem?: string | null },
  act: { id: string; region: string; day: number },
): number | null {
  const asOf = ctx.period.asOf;
  let r: Reversal | undefined = reversalOf(ctx, input.caseId);
  if (!r && input.reviewItem && input.decided != null && deriveSeed(ctx.seed, 'coercion-reversal', input.caseId) % 100 < REVERSAL.share) {
    const rng = Rng.of(ctx.seed, 'coercion-reversal', input.caseId);
    const litigation = rng.chance(0.3);
    const applied = input.decided + (litigation ? rng.range(15, 170) : rng.range(5, 55));
    const decided = Math.max(applied + (litigation ? rng.range(60, 200) : rng.range(20, 60)), act.day + rng.range(3, 40));
    let v = rng.int(100);
    if (v < REVERSAL.planted && !ctx.keepPlant()) v = 100; // a plant not kept: returned in time
    const plan = v < REVERSAL.planted ? 'planted' : v < REVERSAL.planted + REVERSAL.near ? 'near' : 'normal';
    const planned: Reversal = {
      route: litigation ? 'litigation' : 'reconsideration',
      applied,
      decided,
      outcome: rng.chance(0.7) ? 'revoked' : 'changed',
      plan,
    };
    // The return must be due by the as-of day; one correction per agency and item.
    if (decided + RESTORE_DAYS + 1 <= asOf && noteReversal(ctx, input.caseId, `${input.agency.id}/${input.reviewItem}`, planned))
      r = planned;
  }
  let returned: number | null = null;
  if (r) {
    const rng = Rng.of(ctx.seed, 'coercion-restore', act.id);
    const from = Math.max(act.day, r.decided);
    const day =
      r.plan === 'planted'
        ? rng.chance(0.5)
          ? null
          : from + RESTORE_DAYS + rng.range(1, 40)
        : r.plan === 'near'
          ? from + RESTORE_DAYS
          : from + rng.range(2, RESTORE_DAYS - 1);
    returned = day !== null && day <= asOf ? day : null;
  }
  noteEnforced(ctx, input.caseId, { ...act, returned });
  return returned;
}
