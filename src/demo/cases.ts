// Penalty cases with their decision, delivery (送达) and payment (缴纳). A normal case keeps every rule:
// an assisting officer, a decision within 90 days, a fine inside the tier its facts select (inside
// both the province and the city baseline), no fine when the exemption applies, delivery within 7
// days, payment by the due date. A planted case breaks exactly one of its rules; its delivery and
// payment may carry their own plant.
import type { TierName } from '../catalog/types.ts';
import { AS_OF, dayOf, isoOf } from './calendar.ts';
import type { PenaltyItem } from './catalog-index.ts';
import { PLANT, type Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { followUp } from './followup.ts';
import type { Rng } from './prng.ts';
import {
  CASE_DECISION_DAYS,
  DELIVERY_DAYS,
  PAYMENT_DAYS,
  exemptionApplies,
  pickFine,
  pickFineOutside,
  selectTier,
  type Facts,
  type Harm,
} from './rules.ts';
import { SOURCE } from './tables.ts';
import type { Agency } from './world.ts';

/** The baselines in data/catalog take effect on this day; planted tier violations are decided after it. */
export const BASELINES_FROM = dayOf('2025-04-01');

const HARM_TEXT: Record<Harm, string> = { none: '未造成危害后果', minor: '危害后果轻微', serious: '造成较大危害后果' };
const DECISION_TEXT: Record<TierName, string> = {
  exempt: '',
  mitigated: '依法减轻处罚',
  lenient: '依法从轻处罚',
  general: '',
  severe: '依法从重处罚',
};

function factsText(e: Entity, p: PenaltyItem, f: Facts, tier: TierName): string {
  return (
    `经查，${e.name}存在“${p.item.name}”的违法行为。` +
    `当事人${f.firstOffence ? '系初次违法' : '一年内曾因同类违法行为受到处理'}，${f.corrected ? '已及时改正' : '未及时改正'}，${HARM_TEXT[f.harm]}。` +
    (DECISION_TEXT[tier] ? `${DECISION_TEXT[tier]}。` : '')
  );
}

type CasePlant = 'single_officer' | 'fine_outside_tier' | 'fined_despite_exemption' | 'case_overdue' | null;

function drawPlant(rng: Rng): CasePlant {
  let u = rng.next();
  if ((u -= PLANT.caseSingleOfficer) < 0) return 'single_officer';
  if ((u -= PLANT.fineOutsideTier) < 0) return 'fine_outside_tier';
  if ((u -= PLANT.finedDespiteExemption) < 0) return 'fined_despite_exemption';
  if (u - PLANT.caseOverdue < 0) return 'case_overdue';
  return null;
}

export interface CaseInput {
  agency: Agency;
  penalty: PenaltyItem;
  filed: number;
  inspectionId: string | null;
}

/** Writes a case (and its delivery, payment, follow-up) for entity e. */
export function makeCase(ctx: Ctx, e: Entity, rng: Rng, input: CaseInput): void {
  const { cat, out, truth, world } = ctx;
  const { agency, penalty: p, filed } = input;
  const city = e.county.city.code;
  const region = e.township.code;
  const listed = cat.listed(p, city, e.county.code);
  const r = rng.next();
  const facts: Facts = {
    firstOffence: rng.chance(0.7),
    corrected: rng.chance(0.6),
    harm: r < 0.45 ? 'none' : r < 0.9 ? 'minor' : 'serious',
  };
  let plant = drawPlant(rng);

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
  if (plant !== 'fined_despite_exemption' && !listed && facts.firstOffence && facts.corrected && facts.harm === 'none')
    facts.harm = 'minor';
  // A planted tier violation needs a tier with a fine: not the exempt one.
  if (plant === 'fine_outside_tier' && exemptionApplies(facts, listed)) facts.harm = 'minor';

  const tier = selectTier(facts, listed, cat.hasMitigated(p, city));

  // Timeline: decided within 90 days, or still open if the 90 days have not run out by AS_OF.
  let duration = 5 + Math.floor(80 * rng.next() ** 1.4);
  let open = false;
  let overdueOpen = false;
  if (plant === 'case_overdue') {
    const late = CASE_DECISION_DAYS + rng.range(5, 120);
    if (filed + late <= AS_OF && rng.chance(0.75)) duration = late;
    else if (AS_OF - filed > CASE_DECISION_DAYS + 5) overdueOpen = true;
    else plant = null;
  }
  if (plant === 'fine_outside_tier' || plant === 'fined_despite_exemption') duration = Math.min(duration, 60);
  if (!overdueOpen && filed + duration > AS_OF) {
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
    if (plant === 'fined_despite_exemption') {
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
  const [lead, assist] = world.pair(agency, decided ?? AS_OF, rng);
  const id = ctx.ids.next('CS');

  // Delivery and payment (decided cases).
  let deliveredOn: number | null = null;
  let paid = false;
  if (decided !== null) {
    const dId = ctx.ids.next('DL');
    let delivered: number | null;
    let sent = decided + (rng.chance(0.7) ? 0 : rng.range(1, 2));
    let method = rng.next() < 0.6 ? 'electronic' : rng.chance(0.75) ? 'direct' : 'post';
    const lateBy = rng.range(DELIVERY_DAYS + 3, DELIVERY_DAYS + 40);
    if (rng.chance(PLANT.deliveryOverdue) && decided + lateBy <= AS_OF) {
      method = rng.chance(0.5) ? 'post' : 'notice';
      sent = decided + rng.range(1, 3);
      delivered = decided + lateBy;
      truth.plant('delivery_overdue', 'delivery', dId, region, {
        case_id: id,
        decided_on: isoOf(decided),
        delivered_on: isoOf(delivered),
        days: lateBy,
      });
    } else {
      delivered = sent + (method === 'post' ? rng.range(1, 4) : 0);
      if (delivered > decided + DELIVERY_DAYS) delivered = decided + DELIVERY_DAYS;
      if (delivered > AS_OF) delivered = null; // still on its way at AS_OF (within the 7 days)
    }
    out.deliveries.push([dId, SOURCE, dId, region, id, method, isoOf(Math.min(sent, AS_OF)), delivered === null ? null : isoOf(delivered)]);
    deliveredOn = delivered;

    if (fine !== null && delivered !== null) {
      const pId = ctx.ids.next('PM');
      const due = delivered + PAYMENT_DAYS;
      let paidOn: number | null;
      if (rng.chance(PLANT.paymentOverdue) && due + 3 <= AS_OF) {
        paidOn = rng.chance(0.7) && due + 60 <= AS_OF ? due + rng.range(3, 60) : null;
        truth.plant('payment_overdue', 'payment', pId, region, {
          case_id: id,
          due_on: isoOf(due),
          paid_on: paidOn === null ? null : isoOf(paidOn),
        });
      } else {
        // Most pay early: the first days after delivery.
        paidOn = delivered + Math.floor(PAYMENT_DAYS * rng.next() ** 2);
        if (paidOn > AS_OF) paidOn = null; // not yet paid, not yet due
      }
      out.payments.push([pId, SOURCE, pId, region, id, fine, isoOf(due), paidOn === null ? null : isoOf(paidOn)]);
      paid = paidOn !== null;
    }
  }
  const status = open ? 'open' : (fine !== null ? paid : deliveredOn !== null) ? 'closed' : 'decided';
  const single = plant === 'single_officer';
  out.cases.push([
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
    factsText(e, p, facts, tier),
    lead.id,
    single ? null : assist.id,
    decided === null ? null : isoOf(decided),
    decision,
    statedTier,
    fine,
    status,
  ]);

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
          ? { filed_on: isoOf(filed), status: 'open', days_open: AS_OF - filed, as_of: isoOf(AS_OF) }
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

  if (decided !== null) followUp(ctx, rng, 'case', id, e, decided, 0.35, { agencyId: agency.id, officerId: lead.id, decision, fine });
}
