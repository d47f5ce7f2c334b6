// Penalty cases with their decision, delivery (送达) and payment (缴纳), and the facts as the officer wrote
// them (case-facts.ts). A normal case keeps every rule:
// an assisting officer, a decision within 90 days, a fine inside the tier its facts select (inside
// both the province and the city baseline), no fine when the exemption applies, delivery within 7
// days, payment by the due date. A planted case breaks exactly one of its rules; its delivery and
// payment may carry their own plant.
import type { TierName } from '../catalog/types.ts';
import { workdayDeadline, workdaysLate } from '../domain/workdays.ts';
import { addMonths, addYears } from '../domain/dates.ts';
import { dayOf, isoOf } from './calendar.ts';
import type { PenaltyItem } from './catalog-index.ts';
import { PLANT, type Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { followUp } from './followup.ts';
import { noteReviewable } from './reviews.ts';
import { deriveSeed, Rng } from './prng.ts';
import {
  CASE_DECISION_DAYS,
  DELIVERY_DAYS,
  PAYMENT_DAYS,
  PUBLISH_FINE,
  PUBLISH_WORKDAYS,
  SUE_MONTHS,
  APPLY_MONTHS,
  DEMAND_DAYS,
  HEARING_FINE,
  HEARING_WORKDAYS,
  SUMMARY_MAX_FINE,
  HEARING_NOTICE_WORKDAYS,
  exemptionApplies,
  pickFine,
  pickFineOutside,
  selectTier,
  type Facts,
} from './rules.ts';
import { SOURCE } from './tables.ts';
import { FAMILY_LABEL, FactsWriter, writeFacts } from './case-facts.ts';
import { CERT_YEARS_DAYS, scopeCovers, type Agency, type Officer } from './world.ts';
import { demolish, enforceFine, makeMeasure } from './coercion.ts';
import { confiscate } from './confiscated.ts';
import { collect } from './collection.ts';
import { reviewedLate, settle, type ReviewPeriod } from './surcharge.ts';
import { caseDevice, repeatCase } from './devices.ts';

/** The baselines in data/catalog take effect on this day; planted tier violations are decided after it. */
export const BASELINES_FROM = dayOf('2025-04-01');

type CasePlant = 'single_officer' | 'fine_outside_tier' | 'fined_despite_exemption' | 'case_overdue' | null;

function drawPlant(rng: Rng): CasePlant {
  let u = rng.next();
  if ((u -= PLANT.caseSingleOfficer) < 0) return 'single_officer';
  if ((u -= PLANT.fineOutsideTier) < 0) return 'fine_outside_tier';
  if ((u -= PLANT.finedDespiteExemption) < 0) return 'fined_despite_exemption';
  if (u - PLANT.caseOverdue < 0) return 'case_overdue';
  return null;
}

/** The facts writer of each generation run (its families fill up across the run). */
const writers = new WeakMap<Ctx, FactsWriter>();
function writerOf(ctx: Ctx): FactsWriter {
  let w = writers.get(ctx);
  if (!w) writers.set(ctx, (w = new FactsWriter(ctx.seed)));
  return w;
}

export interface CaseInput {
  agency: Agency;
  penalty: PenaltyItem;
  filed: number;
  inspectionId: string | null;
  /** A case written as given (src/demo/patterns.ts): its facts, decision, fine, days to decision and officers; no plant drawn. */
  force?: ForcedCase;
}

export interface ForcedCase {
  facts: Facts;
  decision: 'fine' | 'warning' | 'no_penalty';
  tier: TierName;
  fine: number | null;
  duration: number;
  officers?: [Officer, Officer | null];
}

/** Writes a case (and its delivery, payment, follow-up) for entity e. */
export function makeCase(ctx: Ctx, e: Entity, rng: Rng, input: CaseInput): void {
  const { cat, out, truth, world } = ctx;
  const { penalty: p, filed } = input;
  let { agency } = input;
  const city = e.county.city.code;
  const region = e.township.code;
  const listed = cat.listed(p, city, e.county.code);
  const { force } = input;
  const truthRows = out.ground_truth.rows;
  const r = rng.next();
  const facts: Facts = force
    ? { ...force.facts }
    : {
        firstOffence: rng.chance(0.7),
        corrected: rng.chance(0.6),
        harm: r < 0.45 ? 'none' : r < 0.9 ? 'minor' : 'serious',
      };
  let plant = force ? null : drawPlant(rng);
  // Thinned at the run's plant share: a plant not kept leaves the case normal (its draws made all the same).
  if (plant !== null && !ctx.keepPlant()) plant = null;

  // Preconditions of the plants; a plant whose precondition fails is dropped (the case stays normal).
  if (plant === 'fined_despite_exemption') {
    if (listed) {
      facts.firstOffence = true;
      facts.corrected = true;
      facts.harm = 'none';
    } else plant = null;
  }
  if (plant === 'fine_outside_tier' && filed < BASELINES_FROM) plant = null;
  // First offence, corrected, no harm, but not on the list: some readers would still call it 不予处罚
  // (第三十三条 第一款); keep normal records clear of that reading.
  if (!force && plant !== 'fined_despite_exemption' && !listed && facts.firstOffence && facts.corrected && facts.harm === 'none')
    facts.harm = 'minor';
  // A planted tier violation needs a tier with a fine: not the exempt one.
  if (plant === 'fine_outside_tier' && exemptionApplies(facts, listed)) facts.harm = 'minor';

  const tier = selectTier(facts, listed, cat.hasMitigated(p, city));

  // Timeline: decided within 90 days, or still open if the 90 days have not run out by the as-of day.
  const asOf = ctx.period.asOf;
  let duration = force ? force.duration : 5 + Math.floor(80 * rng.next() ** 1.4);
  let open = false;
  let overdueOpen = false;
  if (plant === 'case_overdue') {
    const late = CASE_DECISION_DAYS + rng.range(5, 120);
    if (filed + late <= asOf && rng.chance(0.75)) duration = late;
    else if (asOf - filed > CASE_DECISION_DAYS + 5) overdueOpen = true;
    else plant = null;
  }
  if (plant === 'fine_outside_tier' || plant === 'fined_despite_exemption') duration = Math.min(duration, 60);
  if (!overdueOpen && filed + duration > asOf) {
    if (plant !== 'case_overdue' && plant !== null && plant !== 'single_officer') plant = null;
    open = true;
  }
  if (overdueOpen) open = true;
  const decided = open ? null : filed + duration;

  // Decision and fine.
  let decision: string | null = null;
  let statedTier: TierName | null = null;
  let fine: number | null = null;
  if (!open) {
    if (force) {
      statedTier = force.tier;
      decision = force.decision;
      fine = force.fine;
    } else if (plant === 'fined_despite_exemption') {
      // The officer fined at the low end of the lenient tier instead of applying the list.
      statedTier = 'lenient';
      decision = 'fine';
      fine = pickFine(rng, cat.allowed(p, city, 'lenient') ?? p.statutory);
    } else if (plant === 'fine_outside_tier') {
      statedTier = tier;
      decision = 'fine';
      fine = pickFineOutside(rng, cat.union(p, city, tier)!, p.statutory);
    } else if (tier === 'exempt') {
      statedTier = 'exempt';
      decision = 'no_penalty';
    } else {
      statedTier = tier;
      const range = cat.allowed(p, city, tier)!;
      decision = range.min === 0 && rng.chance(tier === 'mitigated' ? 0.3 : 0.2) ? 'warning' : 'fine';
      fine = decision === 'fine' ? pickFine(rng, range) : null;
    }
  }

  // Officers valid on every day of the case.
  let [lead, assist] = force?.officers ?? world.pair(agency, decided ?? asOf, rng);
  // 处罚主体 (a stream of its own, so the rest of the data stays as it was): a few penalties decided by an
  // agency of another line, and their officers.
  const other = force ? null : otherAgency(ctx, e, p, filed, decided, decision);
  if (other) {
    agency = other.agency;
    [lead, assist] = world.pair(agency, decided ?? asOf, other.rng);
  }
  const single = plant === 'single_officer';
  // 执法证范围 (OFF_CERT_SCOPE, planted below): an officer whose certificate, valid on the filing day, states
  // a scope that covers neither the item nor its line (world.ts). Not kept at the plant share (unless the
  // case went to an agency of another line, whose plant it follows), the officer is replaced by one of the
  // agency's first two, whose scope is always their line's.
  const outside = (o: Officer | null): o is Officer =>
    !!o &&
    typeof o.scope === 'string' &&
    o.expires >= filed &&
    o.expires - CERT_YEARS_DAYS <= filed &&
    !scopeCovers(o.scope, p.item.code, p.item.line_code, agency.line);
  if (!other?.planted && (outside(lead) || (!single && outside(assist))) && !ctx.keepPlant()) {
    const firstTwo = (not: Officer | null) => agency.valid[agency.valid[0] === not ? 1 : 0];
    if (outside(lead)) lead = firstTwo(assist);
    if (!single && outside(assist)) assist = firstTwo(lead);
  }
  const id = ctx.ids.next('CS');
  const pair = `${agency.id}|${p.item.code}`;
  ctx.caseTally.set(pair, (ctx.caseTally.get(pair) ?? 0) + 1);

  // Delivery and payment (decided cases).
  let deliveredOn: number | null = null;
  let paid = false;
  // Paid in part and closed all the same (closed_unpaid, surcharge.ts): no review may have changed it.
  let partPaid = false;
  // The fine's due day and the day it was paid (null: unpaid), for the acts of 强制执行 that follow (coercion.ts).
  let payment: { due: number; paidOn: number | null } | null = null;
  let lateSurcharge = false; // paid late: 加处罚款 counted on every day late (no review may fall on them)
  let reviewPeriod: ReviewPeriod | undefined;
  if (decided !== null) {
    const dId = ctx.ids.next('DL');
    let delivered: number | null;
    let sent = decided + (rng.chance(0.7) ? 0 : rng.range(1, 2));
    let method = rng.next() < 0.6 ? 'electronic' : rng.chance(0.75) ? 'direct' : 'post';
    const lateBy = rng.range(DELIVERY_DAYS + 3, DELIVERY_DAYS + 40);
    // 七日 are working days (行政处罚法 第八十五条): the last day in time is the 7th working day after the decision.
    const deadline = dayOf(workdayDeadline(isoOf(decided), DELIVERY_DAYS)!);
    // Planted when delivered after the deadline (thinned at the plant share); delivered late by the post
    // within it, a near miss.
    if (rng.chance(PLANT.deliveryOverdue) && decided + lateBy <= asOf && (deadline >= decided + lateBy || ctx.keepPlant())) {
      method = rng.chance(0.5) ? 'post' : 'notice';
      const transit = rng.range(1, 3);
      delivered = decided + lateBy;
      if (deadline < delivered) {
        // Post and public notice are judged on the day sent: the planted one is sent after the deadline.
        sent = Math.min(delivered, deadline + transit);
        truth.plant('delivery_overdue', 'delivery', dId, region, {
          case_id: id,
          decided_on: isoOf(decided),
          sent_on: isoOf(sent),
          deadline: isoOf(deadline),
        });
      } else {
        sent = decided + transit; // sent in time, delivered late by the post: in time
      }
    } else {
      delivered = sent + (method === 'post' ? rng.range(1, 4) : 0);
      if (delivered > decided + DELIVERY_DAYS) delivered = decided + DELIVERY_DAYS;
      // Near misses (warnings only, whose delivery no payment follows): a delivery on the 7th working
      // day when weekends or holidays make that more than 7 calendar days, and a letter posted in time
      // that the post delivered late. Chosen by the id's hash, outside the generator's stream.
      const near = fine === null ? deriveSeed(ctx.seed, 'delivery-near', dId) % 12 : -1;
      if (near === 0 && method !== 'post' && deadline > decided + DELIVERY_DAYS && deadline <= asOf) delivered = deadline;
      if (near === 1 && method === 'post' && deadline + 5 <= asOf) delivered = deadline + 5;
      if (delivered > asOf) delivered = null; // still on its way on the as-of day (within the 7 days)
    }
    out.deliveries.push([dId, SOURCE, dId, region, id, method, isoOf(Math.min(sent, asOf)), delivered === null ? null : isoOf(delivered)]);
    deliveredOn = delivered;

    if (fine !== null && delivered !== null) {
      const pId = ctx.ids.next('PM');
      const due = delivered + PAYMENT_DAYS;
      let paidOn: number | null;
      if (rng.chance(PLANT.paymentOverdue) && due + 3 <= asOf && ctx.keepPlant()) {
        paidOn = rng.chance(0.7) && due + 60 <= asOf ? due + rng.range(3, 60) : null;
        truth.plant('payment_overdue', 'payment', pId, region, {
          case_id: id,
          due_on: isoOf(due),
          paid_on: paidOn === null ? null : isoOf(paidOn),
        });
      } else {
        // Most pay early: the first days after delivery.
        paidOn = delivered + Math.floor(PAYMENT_DAYS * rng.next() ** 2);
        if (paidOn > asOf) paidOn = null; // not yet paid, not yet due
      }
      // A few fines never paid, from a stream of their own: the unpaid fines the court applications
      // (enforcement below) are about. Overdue payments all the same.
      const never = dayOf(addMonths(isoOf(delivered), SUE_MONTHS + APPLY_MONTHS)) < asOf;
      if (
        never &&
        paidOn !== null &&
        paidOn <= due &&
        Rng.of(ctx.seed, 'fine-unpaid', pId).chance(PLANT.fineNeverPaid) &&
        ctx.keepPlant()
      ) {
        truth.plant('payment_overdue', 'payment', pId, region, { case_id: id, due_on: isoOf(due), paid_on: null });
        paidOn = null;
      }
      // A fine paid late while its case was under reconsideration (surcharge.ts, reviewedLate).
      const underReview = paidOn !== null && paidOn <= due ? reviewedLate(ctx, pId, id, region, due, !never) : null;
      if (underReview) paidOn = underReview.paidOn;
      if (paidOn !== null && paidOn > due) lateSurcharge = true;
      const planted = paidOn === null || paidOn > due;
      const collection = collect(ctx, pId, id, region, fine, paidOn, lead.id, planted);
      const records = settle(ctx, {
        pId,
        caseId: id,
        region,
        fine,
        due,
        paidOn,
        method: collection[0],
        recent: !never,
        review: underReview ?? undefined,
      });
      if (underReview) reviewPeriod = underReview;
      partPaid = paidOn !== null && records.reduce((sum, r) => sum + r.amount - (r.surcharge ?? 0), 0) < fine;
      for (const [n, r] of records.entries()) {
        const how = n === 0 ? collection : [collection[0], null, null, null, null];
        out.payments.push([
          r.id,
          SOURCE,
          r.id,
          region,
          id,
          r.amount,
          isoOf(due),
          paidOn === null ? null : isoOf(paidOn),
          ...how,
          r.surcharge,
        ]);
      }
      paid = paidOn !== null;
      payment = { due, paidOn };
    }
  }
  const written = writeFacts(writerOf(ctx), id, e, p.item, facts, tier, filed);
  // A family of similar cases is no violation: its rows bypass the violation counts (case-facts.ts).
  if (written.family)
    out.ground_truth.push([FAMILY_LABEL, 'case', id, region, JSON.stringify({ family: written.family, item_code: p.item.code })]);
  const status = open ? 'open' : (fine !== null ? paid : deliveredOn !== null) ? 'closed' : 'decided';
  const proc = procedure(ctx, id, region, filed, decided, decision, fine);
  // Before `clean`: a case planted as not transferred gets no device plant besides.
  const moved = transfer(ctx, id, region, filed, decided, decision);
  const police = policeDecision(ctx, id, region, moved[1], decided);
  const heard = hearing(ctx, id, region, filed, proc[1], decided, decision, fine);
  proc[1] = heard.notified;
  proc[2] = heardReview(ctx, id, region, filed, decided, fine, proc[2], heard.columns[3]);
  const sanctioned = sanctionsAndHearing(
    ctx,
    { id, region, e, agency, lead, assist: single ? null : assist },
    decided,
    decision,
    fine,
    heard.columns,
    heard.sanction,
  );
  const clean = !force && plant === null && out.ground_truth.rows === truthRows;
  const device = caseDevice(ctx, e, { agency, caseId: id, occurred: proc[0], decided, decision, clean });
  const ended = enforcement(ctx, id, region, decided, decision, fine, deliveredOn, paid);
  const row = [
    id,
    SOURCE,
    id,
    region,
    agency.id,
    p.item.code,
    e.uscc,
    input.inspectionId,
    isoOf(filed),
    facts.firstOffence,
    facts.corrected,
    facts.harm,
    written.text,
    lead.id,
    single || !assist ? null : assist.id,
    decided === null ? null : isoOf(decided),
    decision,
    statedTier,
    fine,
    status,
    ...proc,
    ...moved,
    device.deviceId,
    ...ended.columns,
    ...heard.columns,
    ...sanctioned,
    ...police,
  ];
  out.cases.push(row);
  // 执法证范围 (OFF_CERT_SCOPE, see above). The case written again on a device has the same officers.
  const outOfScope = [lead, single ? null : assist].filter(outside);
  const scopePlant = (caseId: string) => {
    if (outOfScope.length)
      truth.plant('cert_out_of_scope', 'case', caseId, region, { officer_ids: outOfScope.map((o) => o.id), item_code: p.item.code });
  };
  scopePlant(id);
  if (device.repeatGap !== null) scopePlant(repeatCase(ctx, row, device.repeatGap));

  if (other?.planted)
    truth.plant('agency_not_competent', 'case', id, region, {
      agency_id: agency.id,
      agency_line: agency.line,
      item_line: p.item.line_code,
    });

  switch (plant) {
    case 'single_officer':
      truth.plant('single_officer', 'case', id, region, { lead_officer_id: lead.id });
      break;
    case 'case_overdue':
      truth.plant(
        'case_overdue',
        'case',
        id,
        region,
        decided === null
          ? { filed_on: isoOf(filed), status: 'open', days_open: asOf - filed, as_of: isoOf(asOf) }
          : { filed_on: isoOf(filed), decided_on: isoOf(decided), days: decided - filed },
      );
      break;
    case 'fine_outside_tier': {
      const range = cat.union(p, city, tier)!;
      truth.plant('fine_outside_tier', 'case', id, region, {
        item_code: p.item.code,
        tier,
        fine_amount: fine,
        tier_min: range.min,
        tier_max: range.max,
      });
      break;
    }
    case 'fined_despite_exemption':
      truth.plant('fined_despite_exemption', 'case', id, region, { item_code: p.item.code, fine_amount: fine });
      // The facts select the exempt tier (0 yuan), so the fine is also outside the tier the facts select.
      truth.plant('fine_outside_tier', 'case', id, region, {
        item_code: p.item.code,
        tier: 'exempt',
        fine_amount: fine,
        tier_min: 0,
        tier_max: 0,
        also: 'fined_despite_exemption',
      });
      break;
  }

  // Noted for a review below (a 强制拆除 within the periods to seek review aside). An auction of a case
  // reviews.ts may review, whose fine was not paid late and which no 强制拆除 may follow, may be reversed.
  const reviewable = decided !== null && (decision === 'fine' || decision === 'warning') && !ended.unenforced && !partPaid;
  const reviewItem = reviewable && !lateSurcharge && !reviewPeriod && agency.line !== 'CLE' ? p.item.code : null;
  // A case written as given (patterns.ts) has no measure: its plants stay the ones it was made for.
  if (!force && assist)
    makeMeasure(ctx, e, { agency, caseId: id, filed, decided, decision, lead, assist, caseDemand: ended.columns[0], payment, reviewItem });
  // An auction for a fine left unpaid: its own stream, after every plant of the case.
  if (!force && assist && payment) enforceFine(ctx, e, { agency, caseId: id, lead, assist, payment, decided, reviewItem });
  // A 强制拆除 after a decision of comprehensive enforcement: its own stream, after every plant of the case.
  const demolishedEarly =
    !force && assist && decided !== null && agency.line === 'CLE'
      ? demolish(ctx, e, { agency, caseId: id, decided, delivered: deliveredOn, lead, assist, caseDemand: ended.columns[0] })
      : false;
  // A fine may confiscate illegal goods too (行政处罚法 第七十四条): their own stream, after every plant of the case.
  if (!force && decided !== null && decision === 'fine') confiscate(ctx, e, { agency, caseId: id, region, decided });

  // A fine planted as never taken to court was never taken to review either (第五十三条's condition), nor
  // one closed part-paid (PEN_CLOSED_UNPAID leaves out the cases a review changed), nor one whose building
  // was demolished within the periods to seek review (COE_DEMOLITION_BEFORE_APPEAL_PERIOD judges no reviewed case).
  if (reviewable && !demolishedEarly)
    noteReviewable(ctx, { id, region, agency, item: p.item.code, decided, period: reviewPeriod, lateSurcharge });
  if (decided !== null) followUp(ctx, rng, 'case', id, e, decided, 0.35, { agencyId: agency.id, officerId: lead.id, decision, fine });
}

/** The amount the demo treats as a major decision (重大执法决定): PEN_NO_LEGAL_REVIEW's default. */
export const MAJOR_FINE = 50_000;

/**
 * The procedure of a case, from a stream of its own (the rest of the data stays as it was): the day of
 * the violation (within four months before filing), the notice of the intended penalty and of the right
 * to a defence and a hearing (on or before the decision day: 行政处罚法 第四十四条), and for fines of
 * MAJOR_FINE or more the legal review completed by the decision (第五十八条). Planted: a case filed more
 * than two years after the violation (第三十六条), a penalty without a notice before it, a major fine
 * without a review by the decision. Near misses: exactly two years, a notice or a review on the
 * decision day. Returns the columns occurred_on, notified_on, legal_review_on.
 */
function procedure(
  ctx: Ctx,
  id: string,
  region: string,
  filed: number,
  decided: number | null,
  decision: string | null,
  fine: number | null,
): [string, string | null, string | null] {
  const rng = Rng.of(ctx.seed, 'case-procedure', id);
  const limit = dayOf(addYears(isoOf(filed), -2));
  let occurred = filed - rng.range(0, 120);
  if (rng.chance(PLANT.penaltyPastLimitation)) {
    // Not kept at the plant share: normal (not the near miss).
    if (ctx.keepPlant()) {
      occurred = limit - rng.range(1, 300);
      ctx.truth.plant('penalty_past_limitation', 'case', id, region, { occurred_on: isoOf(occurred), filed_on: isoOf(filed) });
    }
  } else if (rng.chance(0.01)) occurred = limit;
  if (decided === null || (decision !== 'fine' && decision !== 'warning')) return [isoOf(occurred), null, null];
  let notified: number | null = Math.max(filed, decided - rng.range(0, 15));
  if (rng.chance(PLANT.penaltyNoNotice) && ctx.keepPlant()) {
    notified = rng.chance(0.6) || decided >= ctx.period.asOf ? null : Math.min(decided + rng.range(1, 5), ctx.period.asOf);
    ctx.truth.plant('penalty_no_notice', 'case', id, region, {
      decided_on: isoOf(decided),
      notified_on: notified === null ? null : isoOf(notified),
    });
  }
  let reviewed: number | null = null;
  if (fine !== null && fine >= MAJOR_FINE) {
    reviewed = rng.chance(0.2) ? decided : Math.max(filed, decided - rng.range(1, 5));
    if (rng.chance(PLANT.penaltyNoLegalReview) && ctx.keepPlant()) {
      reviewed = rng.chance(0.5) || decided >= ctx.period.asOf ? null : Math.min(decided + rng.range(1, 10), ctx.period.asOf);
      ctx.truth.plant('penalty_no_legal_review', 'case', id, region, {
        fine_amount: fine,
        legal_review_on: reviewed === null ? null : isoOf(reviewed),
      });
    }
  } else if (fine !== null && rng.chance(0.1)) reviewed = Math.max(filed, decided - 1); // reviewed though not required
  const iso = (d: number | null) => (d === null ? null : isoOf(d));
  return [isoOf(occurred), iso(notified), iso(reviewed)];
}

/**
 * The legal review of a heard case (行政处罚法 第五十八条 第一款（二）), from a stream of its own: a case with a
 * hearing held is reviewed by its decision day whatever the amount (some on the decision day: near miss).
 * Planted: a few heard cases below MAJOR_FINE with no review, or one after the decision; a heard fine of
 * MAJOR_FINE or more keeps what procedure() gave it, planted here too where that was no review by the
 * decision. Returns the legal_review_on column.
 */
function heardReview(
  ctx: Ctx,
  id: string,
  region: string,
  filed: number,
  decided: number | null,
  fine: number | null,
  reviewedIso: string | null,
  heldIso: string | null,
): string | null {
  if (decided === null || heldIso === null) return reviewedIso;
  const rng = Rng.of(ctx.seed, 'case-heard-review', id);
  let reviewed = reviewedIso === null ? null : dayOf(reviewedIso);
  if (fine === null || fine < MAJOR_FINE) {
    reviewed = rng.chance(0.2) ? decided : Math.max(filed, decided - rng.range(1, 5));
    if (rng.chance(PLANT.heardNoLegalReview) && ctx.keepPlant())
      reviewed = rng.chance(0.5) || decided >= ctx.period.asOf ? null : Math.min(decided + rng.range(1, 10), ctx.period.asOf);
  }
  if (reviewed === null || reviewed > decided)
    ctx.truth.plant('heard_no_legal_review', 'case', id, region, {
      hearing_held_on: heldIso,
      decided_on: isoOf(decided),
      legal_review_on: reviewed === null ? null : isoOf(reviewed),
    });
  return reviewed === null ? null : isoOf(reviewed);
}

/** The amount the demo's counties set for a transfer to the police: CASE_NOT_TRANSFERRED's default. */
export const TRANSFER_THRESHOLD = 50_000;

/**
 * What a case records of a possible crime (行政执法机关移送涉嫌犯罪案件的规定 第三条), from a stream of its
 * own: most cases name no amount involved, many a small one; one in a hundred of those decided with a
 * fine or a warning is transferred to the police with an amount of TRANSFER_THRESHOLD or more. Planted: an
 * amount at or above the threshold, decided with a fine or a warning, never transferred (第十一条). Near
 * misses: an amount one yuan below the threshold, an amount above it transferred before the decision, a
 * large amount on a case let off or still open. Returns the columns amount_involved, transferred_on,
 * transfer_no.
 */
function transfer(
  ctx: Ctx,
  id: string,
  region: string,
  filed: number,
  decided: number | null,
  decision: string | null,
): [number | null, string | null, string | null] {
  const rng = Rng.of(ctx.seed, 'case-transfer', id);
  const penalised = decided !== null && (decision === 'fine' || decision === 'warning');
  const large = () => TRANSFER_THRESHOLD + 1000 * rng.range(0, 200);
  const small = (): [number | null, null, null] => (rng.chance(0.4) ? [100 * rng.range(5, 300), null, null] : [null, null, null]);
  if (penalised && rng.chance(PLANT.caseNotTransferred)) {
    if (!ctx.keepPlant()) return small(); // not kept at the plant share: normal (not a near miss)
    const amount = rng.chance(0.1) ? TRANSFER_THRESHOLD : large();
    ctx.truth.plant('case_not_transferred', 'case', id, region, { amount_involved: amount, decided_on: isoOf(decided) });
    return [amount, null, null];
  }
  if (penalised && rng.chance(0.01)) {
    const on = Math.min(decided, filed + rng.range(1, 20));
    return [large(), isoOf(on), `移送〔${isoOf(on).slice(0, 4)}〕${rng.range(1, 999)}号`];
  }
  if (rng.chance(0.005)) return [TRANSFER_THRESHOLD - 1, null, null];
  if (!penalised && rng.chance(0.02)) return [large(), null, null];
  return small();
}

/** The days the demo's agencies have to hand materials over (第十二条) and to handle a declined case (the model's setting). */
export const HANDOVER_DAYS = 3;
export const DECLINED_HANDLING_DAYS = 30;

/**
 * What the police decided on a transferred case and what the agency did after it (行政执法机关移送涉嫌犯罪
 * 案件的规定 第八条、第十条、第十二条), from a stream of its own: the notice arrives 1 to 3 days after the
 * transfer; half the cases are filed (立案), the materials handed over within HANDOVER_DAYS of the notice;
 * a third declined (不予立案), the case decided within DECLINED_HANDLING_DAYS of the notice (or before it);
 * the rest carry no police decision. Planted: materials handed over later or never; a declined case
 * decided more than DECLINED_HANDLING_DAYS after the notice. Near misses: a handover on the third day, a
 * decision on the thirtieth. Returns the columns police_decision, police_decided_on, materials_handed_over_on.
 */
function policeDecision(
  ctx: Ctx,
  id: string,
  region: string,
  transferredOn: string | null,
  decided: number | null,
): [string | null, string | null, string | null] {
  if (transferredOn === null) return [null, null, null];
  const rng = Rng.of(ctx.seed, 'case-police', id);
  const asOf = ctx.period.asOf;
  const transferred = dayOf(transferredOn);
  const notice = transferred + rng.range(1, 3);
  const u = rng.next();
  if (u < 0.5 && notice <= asOf) {
    const how = rng.next();
    // Not kept at the plant share: handed over in time (not on the third day, the near miss).
    const handoverLate = how < 0.2 && notice + HANDOVER_DAYS < asOf;
    if (handoverLate && ctx.keepPlant()) {
      const late = notice + HANDOVER_DAYS + rng.range(1, 20);
      const handed = rng.chance(0.5) && late <= asOf ? late : null;
      ctx.truth.plant('case_materials_handover_late', 'case', id, region, {
        police_decided_on: isoOf(notice),
        materials_handed_over_on: handed === null ? null : isoOf(handed),
      });
      return ['filed', isoOf(notice), handed === null ? null : isoOf(handed)];
    }
    const handed = how < 0.4 && !handoverLate ? notice + HANDOVER_DAYS : notice + rng.range(0, HANDOVER_DAYS - 1);
    return ['filed', isoOf(notice), handed <= asOf ? isoOf(handed) : null];
  }
  if (u < 0.85 && decided !== null) {
    // Declined: the notice placed before the decision (the case decided after it) or after it.
    const how = rng.next();
    const planted = decided - DECLINED_HANDLING_DAYS - rng.range(1, 10);
    // Not kept at the plant share: handled in time (not on the thirtieth day, the near miss).
    const unhandled = how < 0.6 && planted >= notice;
    if (unhandled && ctx.keepPlant()) {
      ctx.truth.plant('case_declined_not_handled', 'case', id, region, { police_decided_on: isoOf(planted), decided_on: isoOf(decided) });
      return ['declined', isoOf(planted), null];
    }
    const near = decided - DECLINED_HANDLING_DAYS;
    const day = how < 0.8 && !unhandled && near >= notice ? near : Math.max(notice, decided - rng.range(0, DECLINED_HANDLING_DAYS - 1));
    return day <= asOf ? ['declined', isoOf(day), null] : [null, null, null];
  }
  return [null, null, null];
}

/**
 * The agency that decides a penalty instead of the one of the item's line, from a stream of its own:
 * planted, one in a hundred decided fines and warnings goes to the county's agency of another line that is
 * not comprehensive enforcement (行政处罚法 第十七条); the near miss, one in a hundred decided penalties of an
 * item of another line goes to the county's comprehensive enforcement bureau (综合行政执法, 第十八条).
 */
function otherAgency(
  ctx: Ctx,
  e: Entity,
  p: PenaltyItem,
  filed: number,
  decided: number | null,
  decision: string | null,
): { agency: Agency; rng: Rng; planted: boolean } | null {
  if (decided === null || (decision !== 'fine' && decision !== 'warning')) return null;
  const rng = Rng.of(ctx.seed, 'case-competence', e.uscc, p.item.code, filed);
  const line = p.item.line_code;
  if (rng.chance(PLANT.agencyNotCompetent)) {
    const others = [...e.county.agencies.values()].filter((a) => a.line !== line && a.line !== 'CLE' && a.valid.length >= 2);
    // Not kept at the plant share: the item's own agency (not the near miss).
    return others.length && ctx.keepPlant() ? { agency: others[rng.int(others.length)], rng, planted: true } : null;
  }
  const cle = e.county.agencies.get('CLE');
  return line !== 'CLE' && cle && cle.valid.length >= 2 && rng.chance(0.01) ? { agency: cle, rng, planted: false } : null;
}

/**
 * The end of a case, from a stream of its own (so the rest of the data stays as it was): returns the
 * columns demand_served_on, court_applied_on, published_on, and whether the fine was planted as never taken to court.
 * - Publication (行政处罚法 第四十八条): a fine of PUBLISH_FINE or more is published within PUBLISH_WORKDAYS
 *   working days of the decision, some on the last of them (near miss); planted, a few never or later.
 *   A smaller fine is published now and then, late or not at all: no 一定社会影响, no hit (near miss).
 * - An unpaid fine (行政强制法 第五十三条): once the six months to sue from its delivery (the decision day
 *   when undelivered) have run, the agency serves a demand and applies to the court within three months,
 *   some on the last day (near miss); planted, a few never apply.
 * - Every court application follows a demand served DEMAND_DAYS days or more before, some exactly then
 *   (near miss); planted, a few with no demand or one served fewer days before (第五十四条).
 */
function enforcement(
  ctx: Ctx,
  id: string,
  region: string,
  decided: number | null,
  decision: string | null,
  fine: number | null,
  delivered: number | null,
  paid: boolean,
): { columns: [string | null, string | null, string | null]; unenforced: boolean } {
  if (decided === null || decision !== 'fine' || fine === null) return { columns: [null, null, null], unenforced: false };
  const rng = Rng.of(ctx.seed, 'case-enforcement', id);
  const asOf = ctx.period.asOf;
  const iso = (d: number | null) => (d === null || d > asOf ? null : isoOf(d));
  // Publication.
  let published: number | null = null;
  const deadline = workdayDeadline(isoOf(decided), PUBLISH_WORKDAYS);
  if (deadline !== null) {
    const last = dayOf(deadline);
    if (fine >= PUBLISH_FINE) {
      if (rng.chance(PLANT.penaltyNotPublished) && last + 1 <= asOf && ctx.keepPlant()) {
        published = rng.chance(0.5) ? null : Math.min(asOf, last + rng.range(1, 30));
        ctx.truth.plant('penalty_not_published', 'case', id, region, {
          decided_on: isoOf(decided),
          deadline,
          published_on: iso(published),
        });
      } else published = rng.chance(0.1) ? last : decided + rng.range(0, Math.max(0, last - decided));
    } else if (rng.chance(0.05)) published = rng.chance(0.5) ? null : last + rng.range(1, 20);
  }
  // Enforcement of an unpaid fine.
  let demand: number | null = null;
  let court: number | null = null;
  let unenforced = false;
  if (!paid) {
    const start = isoOf(delivered ?? decided);
    const expired = dayOf(addMonths(start, SUE_MONTHS));
    const lastDay = dayOf(addMonths(start, SUE_MONTHS + APPLY_MONTHS));
    if (lastDay < asOf && rng.chance(PLANT.noCourtApplication)) {
      demand = rng.chance(0.5) ? expired + rng.range(1, 30) : null;
      ctx.truth.plant('no_court_application', 'case', id, region, { start_on: start, last_day: isoOf(lastDay) });
      unenforced = true;
    } else if (expired < asOf) {
      court = rng.chance(0.1) ? lastDay : expired + rng.range(DEMAND_DAYS + 1, Math.max(DEMAND_DAYS + 1, lastDay - expired));
      if (court > asOf) court = null;
    }
    if (court !== null) {
      if (rng.chance(PLANT.courtNoDemand)) {
        demand = rng.chance(0.5) ? null : court - rng.range(1, DEMAND_DAYS - 1);
        ctx.truth.plant('court_no_demand', 'case', id, region, { court_applied_on: isoOf(court), demand_served_on: iso(demand) });
      } else demand = court - (rng.chance(0.15) ? DEMAND_DAYS : rng.range(DEMAND_DAYS + 1, DEMAND_DAYS + 30));
      demand = demand === null ? null : Math.max(demand, decided);
    }
  }
  return { columns: [iso(demand), iso(court), iso(published)], unenforced };
}

/**
 * The right to a defence and a hearing, from a stream of its own (so the rest of the data stays as it
 * was): returns the notice day (moved earlier for some fines, see below) and the columns procedure,
 * proposed_fine, hearing_requested_on, hearing_held_on. For fines and warnings:
 * - Procedure (行政处罚法 第五十一条): a third of warnings and of fines up to SUMMARY_MAX_FINE (exactly it
 *   included: near miss) are decided on the spot, the rest under the ordinary procedure; planted, a few
 *   larger fines on the spot. A tenth of cases send no procedure (not judged).
 * - The amount the notice named (第四十五条 第二款): most fines as decided (near miss: equal), some
 *   lowered after the defence, a few sent without it; planted, a few fines above it.
 * - A fine with a right to a hearing (第六十三条、第六十四条) — HEARING_FINE or more decided or named in the
 *   notice, or, for 1.5% of ordinary fines, a licence revoked or a halt ordered with it (written by
 *   sanctionsAndHearing), whatever the amount: a quarter of parties ask for a hearing by the
 *   HEARING_WORKDAYS-th working day after the notice, held by the decision day (some on it: near miss);
 *   planted, a few never held or held after the decision. Without a request, a decision by the last
 *   working day of the period is planted now and then; otherwise the notice is moved back so that the
 *   decision falls after the period (some on the first working day after it: near miss), or, where the
 *   filing day does not allow that, the party asked on the notice day and was heard on the decision day.
 *   Smaller fines: a few parties ask and no hearing follows (no 较大数额: near miss).
 */
function hearing(
  ctx: Ctx,
  id: string,
  region: string,
  filed: number,
  notifiedIso: string | null,
  decided: number | null,
  decision: string | null,
  fine: number | null,
): { notified: string | null; columns: [string | null, number | null, string | null, string | null]; sanction: string | null } {
  const none = { notified: notifiedIso, columns: [null, null, null, null] as [null, null, null, null], sanction: null };
  if (decided === null || (decision !== 'fine' && decision !== 'warning')) return none;
  const rng = Rng.of(ctx.seed, 'case-hearing', id);
  const asOf = ctx.period.asOf;
  // Procedure.
  let procedure: string | null = rng.chance(0.1) ? null : 'ordinary';
  if (procedure !== null) {
    if (fine === null || fine <= SUMMARY_MAX_FINE) procedure = rng.chance(0.33) ? 'summary' : 'ordinary';
    else if (rng.chance(PLANT.summaryOverLimit) && ctx.keepPlant()) {
      procedure = 'summary';
      ctx.truth.plant('summary_over_limit', 'case', id, region, { fine_amount: fine });
    }
  }
  if (fine === null || notifiedIso === null || dayOf(notifiedIso) > decided)
    return { notified: notifiedIso, columns: [procedure, null, null, null], sanction: null };
  let notified = dayOf(notifiedIso);
  // The amount of the notice.
  let proposed: number | null = fine;
  if (fine >= 100 && rng.chance(PLANT.heavierAfterDefence) && ctx.keepPlant()) {
    proposed = Math.floor((fine * (0.5 + 0.4 * rng.next())) / 100) * 100;
    ctx.truth.plant('heavier_after_defence', 'case', id, region, { proposed_fine: proposed, fine_amount: fine });
  } else if (rng.chance(0.15)) proposed = Math.ceil((fine * (1.1 + 0.4 * rng.next())) / 100) * 100;
  else if (rng.chance(0.05)) proposed = null;
  // A kind of 第六十三条 decided with the fine under the ordinary procedure (written by sanctionsAndHearing):
  // a hearing is due whatever the amount, as it is for a 较大数额 the notice named or the one decided.
  const sanction =
    procedure === 'ordinary' && deriveSeed(ctx.seed, 'case-hearing-sanction', id) % 1000 < HEARING_SANCTION_PER_MILLE
      ? HEARING_SANCTIONS[deriveSeed(ctx.seed, 'case-hearing-sanction-kind', id) % HEARING_SANCTIONS.length]
      : null;
  const hearingDue = fine >= HEARING_FINE || (proposed ?? 0) >= HEARING_FINE || sanction !== null;
  // The hearing.
  let requested: number | null = null;
  let held: number | null = null;
  const iso = (d: number | null) => (d === null ? null : isoOf(d));
  const inPeriod = (n: number) => workdaysLate(isoOf(n), isoOf(decided), HEARING_WORKDAYS) === false;
  if (hearingDue) {
    if (rng.chance(0.25)) {
      requested =
        notified +
        rng.range(
          0,
          Math.max(0, Math.min(decided, dayOf(workdayDeadline(isoOf(notified), HEARING_WORKDAYS) ?? isoOf(decided))) - notified),
        );
      if (rng.chance(PLANT.hearingNotHeld) && ctx.keepPlant()) {
        held = rng.chance(0.5) || decided + 1 > asOf ? null : Math.min(asOf, decided + rng.range(1, 20));
        ctx.truth.plant('hearing_not_held', 'case', id, region, {
          hearing_requested_on: isoOf(requested),
          decided_on: isoOf(decided),
          hearing_held_on: iso(held),
        });
      } else held = rng.chance(0.3) ? decided : requested + rng.range(0, decided - requested);
    } else if (inPeriod(notified)) {
      if (rng.chance(PLANT.decidedInHearingPeriod) && ctx.keepPlant()) {
        ctx.truth.plant('decided_in_hearing_period', 'case', id, region, { notified_on: isoOf(notified), decided_on: isoOf(decided) });
      } else {
        let n = notified;
        while (inPeriod(n)) n--;
        if (rng.chance(0.8)) n -= rng.range(0, 10);
        if (n >= filed) notified = n;
        else {
          requested = notified;
          held = decided;
        }
      }
    }
  } else if (rng.chance(0.02)) requested = notified + rng.range(0, Math.min(2, decided - notified));
  return { notified: isoOf(notified), columns: [procedure, proposed, iso(requested), iso(held)], sanction };
}

/** Per mille of fines under the ordinary procedure with a notice that also revoke a licence or order a halt (行政处罚法 第六十三条 第一款（三）（四）). */
const HEARING_SANCTION_PER_MILLE = 15;
const HEARING_SANCTIONS = ['revoke_licence', 'suspend_business'] as const;

/** Kinds of 第九条 besides 警告 and 罚款 an ordinary decision imposes now and then, and one on the spot (planted). */
const ORDINARY_SANCTIONS = ['confiscate_proceeds', 'confiscate_goods', 'confiscate_proceeds;confiscate_goods', 'suspend_licence'];
const SPOT_SANCTIONS = ['confiscate_proceeds', 'confiscate_goods', 'suspend_licence'];

/**
 * The other kinds of penalty a decision imposed and the hearing's own rules, from a stream of its own (so
 * the rest of the data stays as it was): the columns sanctions, hearing_notified_on, hearing_host_id, and
 * a hearing fee charged on the party.
 * - Sanctions (行政处罚法 第九条、第五十一条): 5% of ordinary or unrecorded decisions also confiscate or
 *   suspend a licence (near miss); planted, a few decisions on the spot with one. The kind of 第六十三条
 *   hearing() chose (吊销许可证件, 责令停产停业) is added.
 * - The hearing's notice (第六十四条（二）, 七日 as working days): served between the request and the 7th
 *   working day before the hearing, three in ten exactly on the last day allowed (near miss); planted, a
 *   few fewer than seven working days before; where the request left no room, none recorded; a tenth of
 *   hearings send none.
 * - The host (第六十四条（四）): another officer of the agency; planted, a few hosted by the case's lead or
 *   assisting officer; a tenth send none.
 * - A hearing fee (第六十四条（七）): planted, a few parties that asked for a hearing are charged one by the
 *   agency; near miss, as many pay a catalogued administrative fee to the agency on the hearing day.
 */
function sanctionsAndHearing(
  ctx: Ctx,
  c: { id: string; region: string; e: Entity; agency: Agency; lead: Officer; assist: Officer | null },
  decided: number | null,
  decision: string | null,
  fine: number | null,
  heard: [string | null, number | null, string | null, string | null],
  /** A kind of 第六十三条 hearing() chose for the decision, added to what this draws. */
  heavy: string | null,
): [string | null, string | null, string | null] {
  if (decided === null || (decision !== 'fine' && decision !== 'warning')) return [null, null, null];
  const rng = Rng.of(ctx.seed, 'case-sanctions', c.id);
  const asOf = ctx.period.asOf;
  const [procedure, , requestedIso, heldIso] = heard;
  // Sanctions.
  let sanctions: string | null = null;
  if (procedure === 'summary') {
    if (rng.chance(PLANT.summarySanction) && ctx.keepPlant()) {
      sanctions = rng.pick(SPOT_SANCTIONS);
      ctx.truth.plant('summary_sanction', 'case', c.id, c.region, { sanctions, fine_amount: fine });
    }
  } else if (rng.chance(0.05)) sanctions = rng.pick(ORDINARY_SANCTIONS);
  if (heavy !== null) sanctions = sanctions === null ? heavy : `${sanctions};${heavy}`;
  if (requestedIso === null) return [sanctions, null, null];
  const requested = dayOf(requestedIso);
  // A hearing fee charged on the party, or a catalogued fee paid on the hearing day (near miss).
  const feeDraw = rng.next();
  const planted = feeDraw < PLANT.hearingFee;
  // Not kept at the plant share: no charge (not the near miss).
  if (feeDraw < 2 * PLANT.hearingFee && (!planted || ctx.keepPlant())) {
    const day = Math.min(asOf, heldIso === null ? requested + rng.range(1, 10) : dayOf(heldIso));
    const fee = ctx.ids.next('SF');
    ctx.out.enterprise_charges.push([
      fee,
      SOURCE,
      fee,
      c.region,
      c.agency.id,
      c.e.uscc,
      c.agency.name,
      'authority',
      planted ? 'hearing' : 'admin_fee',
      planted ? null : `ZJ-XZSY-2025-${String(1 + rng.int(120)).padStart(3, '0')}`,
      rng.range(2, 20) * 50,
      isoOf(day),
      null,
      null,
      false,
      false,
      null,
    ]);
    if (planted) ctx.truth.plant('hearing_fee', 'enterprise_charge', fee, c.region, { case_id: c.id, hearing_requested_on: requestedIso });
  }
  if (heldIso === null) return [sanctions, null, null];
  const held = dayOf(heldIso);
  // The notice: in time when the hearing is on or after the 7th working day after it.
  let notified: number | null = null;
  if (rng.chance(0.9)) {
    const inTime = (n: number) => {
      const last = workdayDeadline(isoOf(n), HEARING_NOTICE_WORKDAYS);
      return last !== null && dayOf(last) <= held;
    };
    const days = Array.from({ length: held - requested + 1 }, (_, k) => requested + k);
    const late = days.filter((n) => !inTime(n));
    const good = days.filter(inTime);
    if (rng.chance(PLANT.hearingNoticeLate) && ctx.keepPlant()) {
      notified = rng.pick(late);
      ctx.truth.plant('hearing_notice_late', 'case', c.id, c.region, { hearing_notified_on: isoOf(notified), hearing_held_on: heldIso });
    } else if (good.length) notified = rng.chance(0.3) ? good[good.length - 1] : rng.pick(good);
  }
  // The host.
  let host: string | null = null;
  if (rng.chance(0.9)) {
    if (rng.chance(PLANT.hearingHostInvestigator) && ctx.keepPlant()) {
      host = (c.assist && rng.chance(0.3) ? c.assist : c.lead).id;
      ctx.truth.plant('hearing_host_investigator', 'case', c.id, c.region, { hearing_host_id: host, hearing_held_on: heldIso });
    } else {
      for (let i = 0; i < 8 && host === null; i++) {
        const o = ctx.world.officer(c.agency, held, rng);
        if (o !== c.lead && o !== c.assist) host = o.id;
      }
    }
  }
  return [sanctions, notified === null ? null : isoOf(notified), host];
}
