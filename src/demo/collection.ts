// How a demo fine was paid (行政处罚法 第六十七条至第七十一条): most at the bank or online; small fines
// (一百元以下, 第六十八条) mostly collected on the spot by the case's lead officer, with a 专用票据 (第七十条),
// handed to the agency and banked within 2 working days each (第七十一条, 第八十五条). Chosen by the
// payment id's hash, outside the generator's stream, so the other records stay as they were.
//
// Plants: a fine above 100 yuan collected on the spot (payment_on_spot_not_allowed, 1% of fines above
// 100); of the small fines collected on the spot, 20% handed over or banked after the 2nd working day
// or never (payment_handover_late) and 15% without a receipt number (payment_no_receipt). Near misses:
// 100 yuan itself collected on the spot, and a tenth of the small ones handed over on the 2nd working
// day and banked on the 2nd working day after that (more than 2 calendar days when a weekend falls
// between).
import { workdayDeadline } from '../domain/workdays.ts';
import { dayOf, isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import { deriveSeed } from './prng.ts';

/** The most a fine collected on the spot may be (第六十八条 第一项: 一百元以下, 100 included). */
export const ON_SPOT_MAX = 100;
/** Working days to hand the money to the agency, and to bank it (第七十一条). */
const HANDOVER_DAYS = 2;

/** method, collected_by, receipt_no, handed_over_on, banked_on: the columns after paid_on. */
export type Collection = [string | null, string | null, string | null, string | null, string | null];

const NONE: Collection = [null, null, null, null, null];

/** The nth working day after `day` (a day number), or null outside the calendar. */
const workday = (day: number, n: number): number | null => {
  const d = workdayDeadline(isoOf(day), n);
  return d === null ? null : dayOf(d);
};

/**
 * The collection of a fine paid on `paidOn` (a day number; null: unpaid, nothing known of the method).
 * `planted` payments (paid late) are paid at the bank or online: one plant per payment.
 */
export function collect(
  ctx: Ctx,
  pId: string,
  caseId: string,
  region: string,
  fine: number,
  paidOn: number | null,
  officer: string,
  planted: boolean,
): Collection {
  if (paidOn === null) return NONE;
  const h = deriveSeed(ctx.seed, 'payment-collection', pId) % 1000;
  const remote: Collection = [h < 550 ? 'bank' : 'online', null, null, null, null];
  if (planted) return remote;
  const asOf = ctx.period.asOf;
  const receipt = `ZJPJ${pId.replace(/\D/g, '')}`;
  const inTime = (k: number): Collection => {
    // Handed over the same day, or on the 1st or 2nd working day; banked likewise after that.
    const handed = k % 3 === 0 ? paidOn : workday(paidOn, k % 3);
    const banked = handed === null ? null : k % 2 === 0 ? handed : workday(handed, 1 + (k % 2));
    return [
      'on_spot',
      officer,
      receipt,
      handed === null || handed > asOf ? null : isoOf(handed),
      banked === null || handed === null || handed > asOf || banked > asOf ? null : isoOf(banked),
    ];
  };
  // A plant not kept at the run's plant share (ctx.keepPlant) leaves the payment normal: paid remotely, or
  // collected on the spot in time (not the near miss).
  if (fine > ON_SPOT_MAX) {
    if (h >= 10 || !ctx.keepPlant()) return remote;
    const c = inTime(h);
    ctx.truth.plant('payment_on_spot_not_allowed', 'payment', pId, region, { case_id: caseId, amount: fine, paid_on: isoOf(paidOn) });
    return c;
  }
  if (h >= 800) return remote; // a fifth of the small fines paid at the bank or online all the same
  const k = deriveSeed(ctx.seed, 'payment-collection-plant', pId) % 100;
  const limit = workday(paidOn, HANDOVER_DAYS + 10);
  if (k < 20 && limit !== null && limit <= asOf) {
    if (!ctx.keepPlant()) return inTime(k);
    const late = workday(paidOn, HANDOVER_DAYS + 1 + (k % 3))!; // the 3rd to 5th working day
    let c: Collection;
    if (k < 9) c = ['on_spot', officer, receipt, isoOf(late), isoOf(workday(late, 1)!)];
    else if (k < 15) {
      const handed = workday(paidOn, 1)!;
      c = ['on_spot', officer, receipt, isoOf(handed), isoOf(workday(handed, HANDOVER_DAYS + 1 + (k % 2))!)];
    } else c = ['on_spot', officer, receipt, null, null]; // never handed over
    ctx.truth.plant('payment_handover_late', 'payment', pId, region, {
      case_id: caseId,
      paid_on: isoOf(paidOn),
      handed_over_on: c[3],
      banked_on: c[4],
    });
    return c;
  }
  if (k >= 20 && k < 35) {
    if (!ctx.keepPlant()) return inTime(k);
    const c = inTime(k);
    ctx.truth.plant('payment_no_receipt', 'payment', pId, region, { case_id: caseId, paid_on: isoOf(paidOn) });
    return [c[0], c[1], null, c[3], c[4]];
  }
  if (k < 45) {
    // Near miss: on the 2nd working day both times.
    const handed = workday(paidOn, HANDOVER_DAYS);
    const banked = handed === null ? null : workday(handed, HANDOVER_DAYS);
    if (banked !== null && banked <= asOf) return ['on_spot', officer, receipt, isoOf(handed!), isoOf(banked)];
  }
  return inTime(k);
}
