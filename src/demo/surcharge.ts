// The money of a demo fine after the decision (行政处罚法 第六十七条、第七十二条, 行政强制法 第四十五条): how
// much was paid and how much of it was 加处罚款 (the payment's `surcharge`, a part of its `amount`).
// Chosen by the payment id's hash, outside the generator's stream, so the other records stay as they were.
//
// A fine paid late carries 加处罚款 of 3% of the fine per day late, counted from the 缴款期限 (due_on) to the
// day paid, at most the fine itself (第七十二条 第一款第（一）项); one paid in time carries none, stated as 0
// on half the records and not stated (NULL) on the other half; a tenth of the late ones do not state it.
//
// Plants (one violation each, subject the case): surcharge_over_rate — paid 30 days late or less with one
// yuan (or half) more 加处罚款 than 3% a day, or paid in time with 加处罚款 all the same; surcharge_over_fine —
// paid 34 days late or more (3% a day then allows more than the fine) with 加处罚款 of one yuan more than
// the fine, or 110% of it from 40 days late;
// payment_overpaid — a fine paid in time twice (a second record of the same sum, the same day, 加处罚款 0);
// closed_unpaid — a closed case whose one payment is 60% of the fine; surcharge_during_review (reviewedLate) —
// a fine paid 10–30 days late with a reconsideration inside those days, 加处罚款 counting its days. Near misses: 加处罚款 exactly 3% a day,
// or exactly the fine (34 days late and more); the fine plus lawful 加处罚款 with 加处罚款 not stated
// (no more than twice the fine: not judged overpaid); a fine paid in two parts adding up to it.
// Overpaid and part-paid plants and the two-part near misses are paid at the bank or online (never a fine
// collected on the spot, whose amount PAY_ON_SPOT_NOT_ALLOWED reads) and only where the case is too recent
// for PEN_NO_COURT_APPLICATION (nine months from delivery), which reads what was paid.
import { isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import { deriveSeed } from './prng.ts';

/** One payment record of a fine: its id, amount and 加处罚款 (yuan; null: not stated). */
export interface Settled {
  id: string;
  amount: number;
  surcharge: number | null;
}

export interface SettleInput {
  pId: string;
  caseId: string;
  region: string;
  fine: number;
  due: number;
  paidOn: number | null;
  /** The collection method (bank, online, on_spot, or null). */
  method: string | null;
  /** Nine months from delivery not yet over on the as-of day. */
  recent: boolean;
  /** Paid late while the case was under reconsideration (reviewedLate). */
  review?: ReviewPeriod;
}

/**
 * A reconsideration of the case applied for and decided within the days a fine was paid late
 * (行政处罚法 第七十三条 第三款: those days count for no 加处罚款). `planted`: the 加处罚款 counts them all
 * (3% a day of every day late: within PAY_SURCHARGE_OVER_RATE's ceiling), otherwise it leaves them out
 * exactly (near miss). reviews.ts writes the outcome (upheld) and plants surcharge_during_review; where it
 * writes none (the case not reviewable, or its agency and item kept for the review plants) the 加处罚款 is
 * lawful either way.
 */
export interface ReviewPeriod {
  paidOn: number;
  applied: number;
  decided: number;
  planted: boolean;
}

/** The share of fines paid in time chosen to be paid late under reconsideration instead (per mille). */
const REVIEWED_LATE_PER_MILLE = 10;

/**
 * Chosen by the payment id's hash among fines paid in time nine months or more after delivery: paid
 * 10–30 days late instead (by the as-of day), with a reconsideration of 1–5 days inside those days (planted payment_overdue besides).
 */
export function reviewedLate(ctx: Ctx, pId: string, caseId: string, region: string, due: number, recent: boolean): ReviewPeriod | null {
  const h = deriveSeed(ctx.seed, 'surcharge-review', pId) % 1000;
  if (h >= REVIEWED_LATE_PER_MILLE) return null;
  // Not the fines settle() plants or pairs in time (recent ones: overpaid, part-paid; 加处罚款 paid in time).
  if (recent || deriveSeed(ctx.seed, 'payment-surcharge', pId) % 1000 < 4) return null;
  const late = 10 + (deriveSeed(ctx.seed, 'surcharge-review-days', pId) % 21);
  const paidOn = due + late;
  if (paidOn > ctx.period.asOf) return null;
  const applied = due + 1 + (h % 5);
  const decided = applied + 1 + (h % 5);
  // Thinned at the run's plant share: not kept, the fine stays paid in time. The 加处罚款 counting the
  // review's days (surcharge_during_review, which reviews.ts writes) is not thinned again: only a late
  // payment has it, and the late payments are already thinned.
  if (!ctx.keepPlant()) return null;
  ctx.truth.plant('payment_overdue', 'payment', pId, region, { case_id: caseId, due_on: isoOf(due), paid_on: isoOf(paidOn) });
  return { paidOn, applied, decided, planted: h % 3 !== 0 };
}

const yuan = (cents: number) => cents / 100;

/** The payment records of one fine (the first keeps the payment's id and collection). */
export function settle(ctx: Ctx, p: SettleInput): Settled[] {
  const { pId, fine, due, paidOn } = p;
  const one = (amount: number, surcharge: number | null): Settled[] => [{ id: pId, amount, surcharge }];
  if (paidOn === null) return one(fine, null);
  const h = deriveSeed(ctx.seed, 'payment-surcharge', pId) % 1000;
  const fineC = Math.round(fine * 100);
  const days = paidOn - due;
  const truth = (violation: Parameters<Ctx['truth']['plant']>[0], detail: Record<string, unknown>) =>
    ctx.truth.plant(violation, 'case', p.caseId, p.region, { payment_id: pId, fine_amount: fine, ...detail });
  if (days > 0 && p.review) {
    // Under reconsideration for some of the days late: 3% a day of all of them (planted), or of the others.
    const left = days - (p.review.decided - p.review.applied + 1);
    const cents = Math.floor((fineC * 3 * (p.review.planted ? days : left)) / 100);
    return one(yuan(fineC + cents), yuan(cents));
  }
  if (days > 0) {
    // 3% of the fine per day late, in whole cents, at most the fine.
    const rate = Math.floor((fineC * 3 * days) / 100);
    const lawful = Math.min(fineC, rate);
    if (days <= 30 && h < 350) {
      const over = h % 2 === 0 ? rate + 100 : Math.floor(rate * 1.5);
      // Only a late payment has these two (the late payments are thinned at the plant share, not they again).
      if (over <= fineC && over > rate) {
        truth('surcharge_over_rate', { due_on: isoOf(due), paid_on: isoOf(paidOn), surcharge: yuan(over) });
        return one(yuan(fineC + over), yuan(over));
      }
    }
    if (days >= 34 && h < 750) {
      // Above the fine, within 3% a day: 110% of the fine from 40 days late, one yuan more than it before.
      const over = days >= 40 ? Math.round(fineC * 1.1) : Math.min(fineC + 100, rate);
      if (over <= fineC) return one(yuan(fineC + lawful), yuan(lawful));
      truth('surcharge_over_fine', { surcharge: yuan(over) });
      return one(yuan(fineC + over), yuan(over));
    }
    return one(yuan(fineC + lawful), h >= 900 ? null : yuan(lawful));
  }
  const remote = p.method === 'bank' || p.method === 'online';
  const normal = () => one(fine, h % 2 === 0 ? 0 : null);
  if (remote && h < 4) {
    if (!ctx.keepPlant()) return normal(); // not kept at the plant share: paid in time (not the bands below)
    const some = Math.max(100, Math.round(fineC * 0.03));
    truth('surcharge_over_rate', { due_on: isoOf(due), paid_on: isoOf(paidOn), surcharge: yuan(some) });
    return one(yuan(fineC + some), yuan(some));
  }
  const k = deriveSeed(ctx.seed, 'payment-settle', pId) % 1000;
  if (remote && p.recent && fineC >= 200) {
    if (k < 20 && !ctx.keepPlant()) return normal(); // not kept: paid once in full (not the next band)
    if (k < 12) {
      truth('payment_overpaid', { paid: fine * 2 });
      return [
        { id: pId, amount: fine, surcharge: 0 },
        { id: `${pId}D`, amount: fine, surcharge: 0 },
      ];
    }
    if (k < 20) {
      const part = Math.round(fineC * 0.6);
      truth('closed_unpaid', { paid: yuan(part) });
      return one(yuan(part), k % 2 === 0 ? 0 : null);
    }
    if (k < 34) {
      const first = Math.round(fineC * 0.4);
      return [
        { id: pId, amount: yuan(first), surcharge: 0 },
        { id: `${pId}B`, amount: yuan(fineC - first), surcharge: k % 2 === 0 ? 0 : null },
      ];
    }
  }
  return normal();
}
