// The rules the demo data keeps (normal records) or breaks on purpose (planted records), in one place,
// so that the generator, its tests and docs/demo-data.md say the same thing. Pure: no I/O.
import type { BaselineTier, TierName } from '../catalog/types.ts';
import type { Rng } from './prng.ts';

/** 行政处罚法 第六十条: a penalty decision within 90 days of filing the case. */
export const CASE_DECISION_DAYS = 90;
/** 行政处罚法 第六十一条: a decision not handed over on the spot is delivered within 7 days. */
export const DELIVERY_DAYS = 7;
/** 行政处罚法 第六十七条: the fine is paid within 15 days of receiving the decision. */
export const PAYMENT_DAYS = 15;
/** Repeated inspection: ≥ 3 different agencies inspect one entity within this many days (not joint). */
export const REPEAT_WINDOW_DAYS = 7;
export const REPEAT_MIN_AGENCIES = 3;
/**
 * Normal inspections of one entity are at least this many days apart, so that no window of
 * REPEAT_WINDOW_DAYS + 1 days holds three of them: a normal entity can never look like a repeated
 * inspection, whichever way "within 7 days" is counted.
 */
export const MIN_INSPECTION_GAP = 4;

export type Harm = 'none' | 'minor' | 'serious';
export interface Facts {
  firstOffence: boolean;
  corrected: boolean;
  harm: Harm;
}

/**
 * 首违不罚 (行政处罚法 第三十三条 and the 轻微违法不予处罚清单): the exemption applies when the offence
 * is a first one, corrected in time, without harm, and the item is on the list for the case's region.
 */
export const exemptionApplies = (f: Facts, listed: boolean): boolean => listed && f.firstOffence && f.corrected && f.harm === 'none';

/**
 * The tier the facts select (the same rule the models and the navigator apply):
 *   1. the exemption applies                      → exempt   (不予处罚)
 *   2. serious harm                               → severe   (从重, 第四十九条 and the baseline's conditions)
 *   3. first offence and corrected in time        → mitigated (减轻, 第三十二条) where the baseline has it, else lenient
 *   4. first offence or corrected in time         → lenient  (从轻)
 *   5. otherwise                                  → general  (一般)
 */
export function selectTier(f: Facts, listed: boolean, hasMitigated: boolean): TierName {
  if (exemptionApplies(f, listed)) return 'exempt';
  if (f.harm === 'serious') return 'severe';
  if (f.firstOffence && f.corrected) return hasMitigated ? 'mitigated' : 'lenient';
  if (f.firstOffence || f.corrected) return 'lenient';
  return 'general';
}

export interface Range {
  min: number;
  max: number;
}

/**
 * The fines every applicable baseline allows for a tier: the intersection of the tier's range in the
 * province baseline and in the city refinement ("1+8"), so that a normal fine is inside the tier
 * whichever baseline a reader applies. Falls back to the most specific one if they do not overlap.
 */
export function allowedRange(tiers: readonly (BaselineTier | undefined)[]): Range | null {
  const present = tiers.filter((t): t is BaselineTier => t !== undefined);
  if (present.length === 0) return null;
  const min = Math.max(...present.map((t) => t.fine_min));
  const max = Math.min(...present.map((t) => t.fine_max));
  if (min <= max) return { min, max };
  const last = present[present.length - 1];
  return { min: last.fine_min, max: last.fine_max };
}

/** The union of a tier's ranges over the applicable baselines: a planted fine lies outside all of it. */
export function unionRange(tiers: readonly (BaselineTier | undefined)[]): Range | null {
  const present = tiers.filter((t): t is BaselineTier => t !== undefined);
  if (present.length === 0) return null;
  return { min: Math.min(...present.map((t) => t.fine_min)), max: Math.max(...present.map((t) => t.fine_max)) };
}

/** The rounding unit of a range: 100 yuan where the range allows it, finer for the 50-yuan fines of 市容 items. */
export function fineStep(r: Range): number {
  for (const step of [100, 50, 10, 5, 1]) {
    const lo = Math.max(step, Math.ceil(r.min / step) * step);
    const hi = Math.floor(r.max / step) * step;
    if (hi >= lo && (hi - lo) / step >= 2) return step;
  }
  return 1;
}

/**
 * A realistic fine inside r: most fines sit in the lower half of the tier (officers rarely go to the
 * top), rounded to the range's step, never 0 (a 0-yuan fine is not a fine).
 */
export function pickFine(rng: Rng, r: Range): number {
  const step = fineStep(r);
  const lo = Math.max(step, Math.ceil(r.min / step) * step);
  const hi = Math.floor(r.max / step) * step;
  if (hi <= lo) return Math.max(lo, Math.min(r.max, lo));
  const u = rng.next();
  const x = lo + (hi - lo) * (0.75 * u * u + 0.25 * u);
  return Math.min(hi, Math.max(lo, Math.round(x / step) * step));
}

/**
 * A planted fine outside the union of the tier's ranges: above it (inside the statutory range where
 * possible: the fine of a higher tier) or, for the top tier, below it.
 */
export function pickFineOutside(rng: Rng, tier: Range, statutory: Range): number {
  const step = fineStep(tier);
  if (tier.max < statutory.max) {
    const lo = Math.floor(tier.max / step) * step + step; // strictly above the tier
    const hi = Math.max(lo, Math.min(statutory.max, tier.max * 2 + step * 5));
    return lo + Math.round(((hi - lo) * rng.next()) / step) * step;
  }
  if (tier.min > step) {
    const hi = Math.ceil(tier.min / step) * step - step; // strictly below the tier
    const lo = Math.max(step, Math.floor((tier.min * 0.3) / step) * step);
    return Math.min(hi, lo + Math.round(((hi - lo) * rng.next()) / step) * step);
  }
  // A tier from 0 to the statutory maximum leaves no room inside the law: exceed it.
  return Math.ceil((tier.max * 1.5) / step) * step + step;
}

export const isOutside = (fine: number, r: Range): boolean => fine < r.min || fine > r.max;

/** A fine at or above this amount has 一定社会影响 in the demo's counties: PEN_NOT_PUBLISHED's default. */
export const PUBLISH_FINE = 10_000;
/** Working days after the decision within which the demo's counties publish it: PEN_NOT_PUBLISHED's default. */
export const PUBLISH_WORKDAYS = 7;
/** Months of the longest period to seek review (六个月 to sue, 行政诉讼法 第四十六条), then months to apply to the court (行政强制法 第五十三条). */
export const SUE_MONTHS = 6;
export const APPLY_MONTHS = 3;
/** Days a demand must have been served before the court application (行政强制法 第五十四条). */
export const DEMAND_DAYS = 10;
/** 较大数额罚款 for 法人或者其他组织 in the demo's province: PEN_DECIDED_IN_HEARING_PERIOD's and PEN_HEARING_NOT_HELD's default. */
export const HEARING_FINE = 10_000;
/** Working days after the notice within which the party may ask for a hearing (行政处罚法 第六十四条（一）、第八十五条). */
export const HEARING_WORKDAYS = 5;
/** The most a fine decided on the spot may be for 法人或者其他组织 (行政处罚法 第五十一条): PEN_SUMMARY_OVER_LIMIT's default. */
export const SUMMARY_MAX_FINE = 3_000;
/** 行政处罚法 第六十四条（二）with 第八十五条: the hearing's notice is served at least seven working days before it. */
export const HEARING_NOTICE_WORKDAYS = 7;
