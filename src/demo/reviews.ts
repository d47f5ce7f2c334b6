// Outcomes of 行政复议 and 行政诉讼 against decided penalty cases (review_outcomes), from a stream of
// their own after every case is written (the rest of the data stays as it was). A normal outcome keeps
// every rule: about 3.5% of fines and warnings are reviewed, 80% by reconsideration; most are upheld,
// dismissed or settled; a correcting outcome (revoked, changed, confirmed illegal) is withdrawn from
// publication within three working days, an outcome the agency must carry out (revoked, changed,
// ordered to act) is carried out within 30 days; and no agency and item is corrected more than once.
// Planted: a reconsideration not carried out (or carried out late), a correction not withdrawn (or
// withdrawn late), an agency and item with five outcomes of which two correct the decision (40%), and
// one corrected three times, all within the 365 days before the as-of day. Near misses: carried out on
// day 30, withdrawn on the third working day when a weekend makes that more than three days, four
// outcomes of which two correct, three corrections of which the first 366 days before the as-of day.
// The respondent's answer (行政复议法 第四十八条, 行政诉讼法 第六十七条): the copy arrives 3–7 days after the
// application (15% not recorded), the answer within ten working days (a reconsideration) or fifteen days
// (a lawsuit); planted, 4% answered later or, while pending, not at all; near misses, 4% on the last day.
// The head in court (行政诉讼法 第三条 第三款): absent from at most half of an agency's heard lawsuits of a
// year; planted, agencies sued three more times in a year and absent from all of that year's; near
// misses, an agency sued twice that year and absent from both (below the minimum count), one absent from
// two of four (exactly half).
// Reversals of an auction (行政强制法 第四十一条): coercion.ts plans, for a share of auctioned cases open to
// review, the case's only review — revoked or changed, decided after the auction — and writes the
// auction's return day into its row; they are written here, carried out and withdrawn in time, on agency
// and item groups kept out of the agency plants. Planted (COE_NOT_RESTORED_AFTER_REVERSAL): every auction
// of a case a correction leaves unreturned 30 days after it (notRestored).
import { workdayDeadline } from '../domain/workdays.ts';
import { dayOf, isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import { Rng } from './prng.ts';
import { SOURCE } from './tables.ts';
import type { Agency } from './world.ts';
import type { ReviewPeriod } from './surcharge.ts';

/** A decided case a review may be brought against. */
interface Reviewable {
  id: string;
  region: string;
  agency: Agency;
  item: string;
  decided: number;
  /** A reconsideration within the days its fine was paid late (surcharge.ts, reviewedLate). */
  period?: ReviewPeriod;
  /** Its fine was paid late: a review of the case would fall on days its 加处罚款 counts. */
  lateSurcharge?: boolean;
}

/** The window of the agency models (REV_CORRECTION_RATE, REV_REPEAT_CORRECTED) and their thresholds. */
export const REVIEW_WINDOW_DAYS = 365;
const CARRY_DAYS = 30;
const WITHDRAW_WORKDAYS = 3;

/** How many of each plant and near miss (the outcomes are few: counts, not rates). */
const PLANTS = {
  notCarriedOut: 12,
  notWithdrawn: 12,
  rateGroups: 6,
  repeatGroups: 6,
  nearRecords: 6,
  nearGroups: 3,
  lateAnswerShare: 0.04,
  headAbsentAgencies: 4,
} as const;

const REVIEW_SHARE = 0.035;
/** 行政复议法 第四十八条 (ten working days, 第八十八条) and 行政诉讼法 第六十七条 (fifteen days). */
const ANSWER_WORKDAYS = 10;
const DEFENCE_DAYS = 15;
/** REV_HEAD_ABSENT's defaults: at least HEAD_MIN lawsuits of an agency in a year, the head absent from more than HEAD_MAX_SHARE. */
const HEAD_MIN = 3;
const HEAD_MAX_SHARE = 0.5;

type Route = 'reconsideration' | 'litigation';
type Row = (string | boolean | null)[];
const COL_HEAD = 14;

/** The tenth working day after `day` (the last day of the answer), or ten days later outside the calendar. */
function answerDeadline(day: number): number {
  const d = workdayDeadline(isoOf(day), ANSWER_WORKDAYS);
  return d === null ? day + ANSWER_WORKDAYS : dayOf(d);
}

const reviewable = new WeakMap<Ctx, Reviewable[]>();

/**
 * Days an agency takes to return what an act of 强制执行 took once the decision behind it was revoked or
 * changed (行政强制法 第四十一条 names none: COE_NOT_RESTORED_AFTER_REVERSAL's default, the act's or the
 * review's day not counted).
 */
export const RESTORE_DAYS = 30;

/** An auction of a case (coercion.ts), and the day what it took went back (null: not returned). */
export interface EnforcedAct {
  id: string;
  region: string;
  day: number;
  returned: number | null;
}

/**
 * A review coercion.ts chose for an auctioned case when it wrote the auction (the return day goes into the
 * auction's row): written here as given, the case's only review. `plan`: no return in time (planted), a
 * return on the last day (near miss), or in time.
 */
export interface Reversal {
  route: Route;
  applied: number;
  decided: number;
  outcome: 'revoked' | 'changed';
  plan: 'planted' | 'near' | 'normal';
}

interface Enforcement {
  acts: Map<string, EnforcedAct[]>;
  reversals: Map<string, Reversal>;
  /** agency/item groups with a reversal: one correction each, as every other group. */
  groups: Set<string>;
}
const enforcement = new WeakMap<Ctx, Enforcement>();
function enforcementOf(ctx: Ctx): Enforcement {
  let e = enforcement.get(ctx);
  if (!e) enforcement.set(ctx, (e = { acts: new Map(), reversals: new Map(), groups: new Set() }));
  return e;
}

/** Notes an auction of a case, with its return day. */
export function noteEnforced(ctx: Ctx, caseId: string, act: EnforcedAct): void {
  const { acts } = enforcementOf(ctx);
  acts.set(caseId, [...(acts.get(caseId) ?? []), act]);
}

/** The reversal planned for the case, if any. */
export function reversalOf(ctx: Ctx, caseId: string): Reversal | undefined {
  return enforcement.get(ctx)?.reversals.get(caseId);
}

/** Plans the review that revokes or changes the case's decision; false when its agency and item already have one. */
export function noteReversal(ctx: Ctx, caseId: string, group: string, r: Reversal): boolean {
  const e = enforcementOf(ctx);
  if (e.groups.has(group)) return false;
  e.groups.add(group);
  e.reversals.set(caseId, r);
  return true;
}

/** Notes a decided case (a fine or a warning) that a review may be brought against. */
export function noteReviewable(ctx: Ctx, c: Reviewable): void {
  let list = reviewable.get(ctx);
  if (!list) reviewable.set(ctx, (list = []));
  list.push(c);
}

type Outcome = 'upheld' | 'revoked' | 'changed' | 'confirmed_illegal' | 'ordered_to_act' | 'dismissed' | 'settled';
const CORRECTING: readonly Outcome[] = ['revoked', 'changed', 'confirmed_illegal'];
const ACTING: readonly Outcome[] = ['revoked', 'changed', 'ordered_to_act'];

const groupOf = (c: Reviewable) => `${c.agency.id}/${c.item}`;

/** The third working day after `day` (the last day of the withdrawal), or the day after outside the calendar. */
function withdrawDeadline(day: number): number {
  const d = workdayDeadline(isoOf(day), WITHDRAW_WORKDAYS);
  return d === null ? day + 1 : dayOf(d);
}

export function makeReviewOutcomes(ctx: Ctx): void {
  const noted = reviewable.get(ctx) ?? [];
  // Reviews planned with an auction (coercion.ts) are their cases' only ones; their agency and item groups
  // get no other correction and are none of the agency plants' or near misses'.
  const { acts, reversals } = enforcementOf(ctx);
  enforcement.delete(ctx);
  const planned = noted.filter((c) => reversals.has(c.id));
  const plannedGroups = new Set(planned.map(groupOf));
  // A fine paid late is reviewed only where surcharge.ts chose it (written below); no other review falls
  // on its days late.
  const cases = noted.filter((c) => !c.lateSurcharge && !reversals.has(c.id));
  reviewable.delete(ctx);
  const rng = Rng.of(ctx.seed, 'review-outcomes');
  const asOf = ctx.period.asOf;
  const windowFrom = asOf - REVIEW_WINDOW_DAYS;
  const used = new Set<string>();
  const corrected = new Set<string>(plannedGroups); // agency/item groups with a correction (outside the planted groups)
  const rows: Row[] = []; // pushed once the appearances in court are set
  const answerRng = Rng.of(ctx.seed, 'review-answers');
  /** The days the copy was received and the answer given (REV_LATE_ANSWER): in time, on the last day, or planted late. */
  const answer = (id: string, region: string, route: Route, applied: number, decided: number | null): [string | null, string | null] => {
    const copy = applied + answerRng.range(3, 7);
    if (copy > asOf || answerRng.chance(0.15)) return [null, null]; // not recorded
    const deadline = route === 'litigation' ? copy + DEFENCE_DAYS : answerDeadline(copy);
    const u = answerRng.next();
    const pending = decided === null;
    let answered: number | null;
    const late = u < PLANTS.lateAnswerShare && deadline < asOf;
    if (late && ctx.keepPlant()) {
      const late = Math.min(deadline + answerRng.range(1, 15), asOf);
      // Late, or (while the review is pending) not answered at all by the as-of day; a decided review
      // with no answer day is not judged, so it has one.
      answered = pending && answerRng.chance(0.5) ? null : late;
      ctx.truth.plant('review_late_answer', 'review_outcome', id, region, {
        copy_received_on: isoOf(copy),
        deadline: isoOf(deadline),
        answered_on: answered === null ? null : isoOf(answered),
      });
      return [isoOf(copy), answered === null ? null : isoOf(answered)];
    } else answered = !late && u < 2 * PLANTS.lateAnswerShare ? deadline : Math.min(deadline, copy + answerRng.range(1, 12));
    // An answer after the as-of day is still to come; a decided review with none recorded is not judged.
    if (answered !== null && answered > asOf) answered = null;
    return [isoOf(copy), answered === null ? null : isoOf(answered)];
  };

  const write = (
    c: Reviewable,
    route: Route,
    applied: number,
    decided: number | null,
    outcome: Outcome | null,
    carried: number | null,
    withdrawn: number | null,
  ): string => {
    const id = ctx.ids.next('FY');
    used.add(c.id);
    const iso = (d: number | null) => (d === null ? null : isoOf(d));
    rows.push([
      id,
      SOURCE,
      id,
      c.region,
      c.agency.id,
      c.id,
      route,
      isoOf(applied),
      iso(decided),
      outcome,
      iso(carried),
      iso(withdrawn),
      ...answer(id, c.region, route, applied, decided),
      null, // head_appeared: set by appearances() once every lawsuit is written
    ]);
    return id;
  };
  /** The days an outcome is carried out and withdrawn on when the agency keeps both rules. */
  const inTime = (outcome: Outcome, decided: number): [number | null, number | null] => {
    const carried = ACTING.includes(outcome) ? decided + rng.range(2, CARRY_DAYS - 2) : null;
    const deadline = withdrawDeadline(decided);
    const withdrawn = CORRECTING.includes(outcome) ? Math.min(decided + rng.range(0, 2), deadline) : null;
    return [carried !== null && carried <= asOf ? carried : null, withdrawn !== null && withdrawn <= asOf ? withdrawn : null];
  };
  /** A reconsideration decided within the window, well before the as-of day: [applied, decided]. */
  const recent = (c: Reviewable): [number, number] => {
    const applied = c.decided + rng.range(5, 30);
    return [applied, applied + rng.range(20, 45)];
  };
  const fits = (c: Reviewable) => c.decided >= windowFrom - 20 && c.decided + 75 + 60 <= asOf;

  // Groups for the agency plants and near misses: enough cases that a review of each fits the window.
  const byGroup = new Map<string, Reviewable[]>();
  for (const c of cases) if (fits(c) && !plannedGroups.has(groupOf(c))) byGroup.set(groupOf(c), [...(byGroup.get(groupOf(c)) ?? []), c]);
  const early = new Map<string, Reviewable>(); // a case decided long enough before the window for an outcome the day before it
  for (const c of cases) if (c.decided <= windowFrom - 60 && !early.has(groupOf(c))) early.set(groupOf(c), c);
  const groups = rng.shuffle([...byGroup.entries()].filter(([, cs]) => cs.length >= 6));
  const reserved = new Set<string>();
  const take = (n: number, ok: (g: string) => boolean = () => true) => {
    const out: [string, Reviewable[]][] = [];
    for (const g of groups) if (out.length < n && !reserved.has(g[0]) && ok(g[0])) out.push(g);
    for (const [g] of out) reserved.add(g);
    return out;
  };
  // Outcomes of a planted group: `fix` corrections among `n` outcomes (the rest upheld or dismissed).
  const groupOutcomes = (cs: Reviewable[], n: number, fix: number): string[] =>
    cs.slice(0, n).map((c, i) => {
      const [applied, decided] = recent(c);
      const outcome: Outcome = i < fix ? rng.pick(CORRECTING) : rng.chance(0.7) ? 'upheld' : 'dismissed';
      const [carried, withdrawn] = inTime(outcome, decided);
      return write(c, rng.chance(0.8) ? 'reconsideration' : 'litigation', applied, decided, outcome, carried, withdrawn);
    });
  for (const [g, cs] of take(ctx.plantCount(PLANTS.rateGroups))) {
    const ids = groupOutcomes(cs, 5, 2);
    ctx.truth.plant('review_correction_rate', 'agency_item', g, cs[0].agency.region, { outcomes: 5, corrected: 2, ids });
  }
  for (const [g, cs] of take(ctx.plantCount(PLANTS.repeatGroups))) {
    const ids = groupOutcomes(cs, 3, 3);
    ctx.truth.plant('review_repeat_corrected', 'agency_item', g, cs[0].agency.region, { corrected: 3, ids });
  }
  // Near misses: four outcomes, two correcting (below the minimum count); three corrections, the first
  // decided the day before the window opens.
  for (const [, cs] of take(PLANTS.nearGroups)) groupOutcomes(cs, 4, 2);
  for (const [g, cs] of take(PLANTS.nearGroups, (g) => early.has(g))) {
    groupOutcomes(cs, 2, 2);
    const c = early.get(g)!;
    const decided = windowFrom - 1;
    const outcome = rng.pick(CORRECTING);
    const [carried, withdrawn] = inTime(outcome, decided);
    write(c, 'reconsideration', Math.max(c.decided + 1, decided - 40), decided, outcome, carried, withdrawn);
  }

  // Record plants and near misses: reconsiderations (and corrections) of cases in other groups, one
  // correction per group.
  const free = rng.shuffle(cases.filter((c) => fits(c) && !reserved.has(groupOf(c))));
  let next = 0;
  const pickFree = (): Reviewable | null => {
    while (next < free.length) {
      const c = free[next++];
      if (!used.has(c.id) && !corrected.has(groupOf(c))) {
        corrected.add(groupOf(c));
        return c;
      }
    }
    return null;
  };
  const notCarriedOut = ctx.plantCount(PLANTS.notCarriedOut);
  for (let i = 0; i < notCarriedOut + PLANTS.nearRecords; i++) {
    const c = pickFree();
    if (!c) break;
    const [applied, decided] = recent(c);
    const outcome: Outcome = i % 4 === 3 ? 'ordered_to_act' : rng.pick(['revoked', 'changed'] as const);
    const [, withdrawn] = inTime(outcome, decided);
    if (i >= notCarriedOut) {
      write(c, 'reconsideration', applied, decided, outcome, decided + CARRY_DAYS, withdrawn); // day 30: in time
      continue;
    }
    const late = decided + rng.range(CARRY_DAYS + 1, CARRY_DAYS + 60);
    const carried = rng.chance(0.5) && late <= asOf ? late : null;
    const id = write(c, 'reconsideration', applied, decided, outcome, carried, withdrawn);
    ctx.truth.plant('review_not_carried_out', 'review_outcome', id, c.region, {
      decided_on: isoOf(decided),
      carried_out_on: carried === null ? null : isoOf(carried),
    });
  }
  let near = 0;
  const notWithdrawn = ctx.plantCount(PLANTS.notWithdrawn);
  for (let i = 0; i < notWithdrawn;) {
    const c = pickFree();
    if (!c) break;
    const [applied, decided] = recent(c);
    const outcome = rng.pick(CORRECTING);
    const route = rng.chance(0.7) ? 'reconsideration' : 'litigation';
    const [carried] = inTime(outcome, decided);
    const deadline = withdrawDeadline(decided);
    if (near < PLANTS.nearRecords && deadline > decided + WITHDRAW_WORKDAYS) {
      write(c, route, applied, decided, outcome, carried, deadline); // the third working day, after a weekend: in time
      near++;
      continue;
    }
    const late = deadline + rng.range(1, 20);
    const withdrawn = rng.chance(0.5) && late <= asOf ? late : null;
    const id = write(c, route, applied, decided, outcome, carried, withdrawn);
    ctx.truth.plant('review_not_withdrawn', 'review_outcome', id, c.region, {
      decided_on: isoOf(decided),
      deadline: isoOf(deadline),
      case_withdrawn_on: withdrawn === null ? null : isoOf(withdrawn),
    });
    i++;
  }

  // Normal outcomes: a few percent of the other decided cases, every rule kept.
  for (const c of cases) {
    if (used.has(c.id) || reserved.has(groupOf(c)) || !rng.chance(REVIEW_SHARE)) continue;
    const litigation = rng.chance(0.2);
    const applied = c.decided + (litigation ? rng.range(15, 170) : rng.range(5, 55));
    if (applied > asOf) continue;
    const decidedOn = applied + (litigation ? rng.range(60, 200) : rng.range(20, 60));
    const route = litigation ? 'litigation' : 'reconsideration';
    if (decidedOn > asOf) {
      write(c, route, applied, null, null, null, null); // pending on the as-of day
      continue;
    }
    const u = rng.next();
    let outcome: Outcome =
      u < 0.6
        ? 'upheld'
        : u < 0.72
          ? 'dismissed'
          : u < 0.84
            ? 'settled'
            : u < 0.91
              ? 'revoked'
              : u < 0.95
                ? 'changed'
                : u < 0.98
                  ? 'confirmed_illegal'
                  : 'ordered_to_act';
    // A reversal of an auctioned case is planted (notRestored: nothing went back); one not kept is upheld.
    if ((outcome === 'revoked' || outcome === 'changed') && acts.has(c.id) && !ctx.keepPlant()) outcome = 'upheld';
    if (CORRECTING.includes(outcome)) {
      if (corrected.has(groupOf(c))) outcome = 'upheld';
      else corrected.add(groupOf(c));
    }
    const [carried, withdrawn] = inTime(outcome, decidedOn);
    write(c, route, applied, decidedOn, outcome, carried, withdrawn);
  }

  // Reconsiderations within the days a fine was paid late (surcharge.ts): upheld, never on the agency and
  // item groups kept for the plants and near misses of the agency models (an upheld outcome only lowers
  // any other group's correction rate). Planted where the 加处罚款 counted their days
  // (PAY_SURCHARGE_DURING_REVIEW).
  for (const c of noted) {
    if (!c.period || reserved.has(groupOf(c))) continue;
    const id = write(c, 'reconsideration', c.period.applied, c.period.decided, 'upheld', null, null);
    if (c.period.planted)
      ctx.truth.plant('surcharge_during_review', 'case', c.id, c.region, {
        review_outcome_id: id,
        applied_on: isoOf(c.period.applied),
        decided_on: isoOf(c.period.decided),
        paid_on: isoOf(c.period.paidOn),
      });
  }

  // Planted (REV_HEAD_ABSENT): agencies sued three more times in one year on cases not yet reviewed,
  // their head absent from every lawsuit of that year.
  const suits = new Map<string, Reviewable[]>(); // agency/year of the day sued → cases
  for (const c of free) {
    if (used.has(c.id)) continue;
    const applied = c.decided + 20;
    if (applied + 120 > asOf) continue;
    const key = `${c.agency.id}/${isoOf(applied).slice(0, 4)}`;
    suits.set(key, [...(suits.get(key) ?? []), c]);
  }
  const absentYears = new Set<string>();
  const plantedAgencies = new Set<string>();
  const headAbsentAgencies = ctx.plantCount(PLANTS.headAbsentAgencies);
  for (const [key, cs] of rng.shuffle([...suits.entries()])) {
    if (plantedAgencies.size >= headAbsentAgencies) break;
    const agency = cs[0].agency;
    if (cs.length < HEAD_MIN || plantedAgencies.has(agency.id)) continue;
    plantedAgencies.add(agency.id);
    absentYears.add(key);
    const ids = cs.slice(0, HEAD_MIN).map((c) => {
      const applied = c.decided + 20;
      return write(c, 'litigation', applied, applied + rng.range(60, 100), 'upheld', null, null);
    });
    ctx.truth.plant('review_head_absent', 'agency', agency.id, agency.region, { year: key.slice(-4), ids });
  }
  // The reviews planned with an auction: carried out and withdrawn in time (the review models' rules kept);
  // written before the near misses below, which take only years with no lawsuit heard.
  const plannedRng = Rng.of(ctx.seed, 'review-reversals');
  for (const c of planned) {
    const r = reversals.get(c.id)!;
    const carried = r.decided + plannedRng.range(2, CARRY_DAYS - 2);
    const withdrawn = Math.min(r.decided + plannedRng.range(0, 2), withdrawDeadline(r.decided));
    write(c, r.route, r.applied, r.decided, r.outcome, carried <= asOf ? carried : null, withdrawn <= asOf ? withdrawn : null);
  }
  // Near misses: agencies sued twice in a year, the head absent from both (below the minimum count), and
  // four times, absent from two (exactly half); in years with no other lawsuit decided.
  const heard = (key: string) =>
    rows.filter((r) => r[6] === 'litigation' && r[8] !== null && `${r[4] as string}/${(r[7] as string).slice(0, 4)}` === key).length;
  const nearYears = new Map<string, 'few' | 'half'>();
  const nearAgencies = new Set<string>();
  for (const [key, cs] of rng.shuffle([...suits.entries()])) {
    const agency = cs[0].agency;
    if (plantedAgencies.has(agency.id) || nearAgencies.has(agency.id) || heard(key) > 0) continue;
    const few = [...nearYears.values()].filter((v) => v === 'few').length;
    const kind = few < PLANTS.nearGroups ? 'few' : nearYears.size < 2 * PLANTS.nearGroups && cs.length >= 4 ? 'half' : null;
    if (kind === null || cs.length < 2) continue;
    nearAgencies.add(agency.id);
    nearYears.set(key, kind);
    for (const c of cs.slice(0, kind === 'few' ? 2 : 4)) {
      if (used.has(c.id)) continue;
      const applied = c.decided + 20;
      write(c, 'litigation', applied, applied + rng.range(60, 100), 'upheld', null, null);
    }
  }
  // The head's appearance in every heard lawsuit: in a planted agency's year, absent from all; elsewhere
  // absent from at most half (some exactly half: the near miss at the threshold), pending ones not stated.
  const byYear = new Map<string, Row[]>();
  for (const r of rows) {
    if (r[6] !== 'litigation' || r[8] === null) continue;
    const key = `${r[4] as string}/${(r[7] as string).slice(0, 4)}`;
    byYear.set(key, [...(byYear.get(key) ?? []), r]);
  }
  for (const [key, rs] of byYear) {
    if (absentYears.has(key)) {
      for (const r of rs) r[COL_HEAD] = false;
      continue;
    }
    const near = nearYears.get(key);
    const cap = near === 'few' ? rs.length : Math.floor(rs.length * HEAD_MAX_SHARE);
    const atCap = near !== undefined || (rs.length >= HEAD_MIN && rng.chance(0.3));
    let absent = 0;
    for (const r of rs) {
      const away = absent < cap && (atCap || rng.chance(0.25));
      if (away) absent++;
      r[COL_HEAD] = !away;
    }
  }
  for (const r of rows) ctx.out.review_outcomes.push(r);
  notRestored(ctx, rows, acts);
}

/**
 * Planted (COE_NOT_RESTORED_AFTER_REVERSAL): every auction of a case whose first review to revoke or change
 * the decision was decided by the as-of day, with nothing returned within RESTORE_DAYS of that day (of the
 * auction, if later) — the reversals coercion.ts planned, and any other correction an auctioned case drew.
 */
function notRestored(ctx: Ctx, rows: Row[], acts: Map<string, EnforcedAct[]>): void {
  const asOf = ctx.period.asOf;
  const first = new Map<string, Row>();
  for (const r of rows) {
    if ((r[9] !== 'revoked' && r[9] !== 'changed') || r[8] === null || dayOf(r[8] as string) > asOf) continue;
    const was = first.get(r[5] as string);
    if (!was || [r[8], r[0]].join() < [was[8], was[0]].join()) first.set(r[5] as string, r);
  }
  for (const [caseId, r] of first) {
    for (const act of acts.get(caseId) ?? []) {
      const from = Math.max(act.day, dayOf(r[8] as string));
      const end = act.returned === null || act.returned > asOf ? asOf : act.returned;
      if (end - from <= RESTORE_DAYS) continue;
      ctx.truth.plant('coercion_not_restored', 'coercive_measure', act.id, act.region, {
        started_on: isoOf(act.day),
        review_outcome_id: r[0],
        review_decided_on: r[8],
        outcome: r[9],
        goods_returned_on: act.returned === null ? null : isoOf(act.returned),
      });
    }
  }
}
