// Order statistics and robust dispersion for fines: the median and quartiles by linear interpolation
// between order statistics (Hyndman & Fan type 7, what DuckDB's quantile_cont / median and
// PostgreSQL's percentile_cont compute, so a figure shown in the console equals the SQL over the same
// rows), the median absolute deviation, and the robust z-score of Iglewicz and Hoaglin (1993):
// |x − median| / (1.4826 · MAD), 1.4826 making the MAD estimate a normal spread.

/** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, type 7; NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The median absolute deviation of values sorted ascending around their median. */
export function madSorted(sorted: ArrayLike<number>, median: number): number {
  const dev = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) dev[i] = Math.abs(sorted[i] - median);
  dev.sort();
  return quantileSorted(dev, 0.5);
}

export interface Spread {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Interquartile range q3 − q1. */
  iqr: number;
  /** Median absolute deviation from the median. */
  mad: number;
}

/** Count, quartiles, IQR and MAD of the values (their order does not matter); null when there are none. */
export function spreadOf(values: ArrayLike<number>): Spread | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const median = quantileSorted(sorted, 0.5);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return { count: n, min: sorted[0], q1, median, q3, max: sorted[n - 1], iqr: q3 - q1, mad: madSorted(sorted, median) };
}

/**
 * How far x lies from the median in robust units: |x − median| / (1.4826 · MAD). Where more than half
 * of the values are equal (MAD = 0) the spread is taken as `floorShare` of the median instead, so that
 * one different value is not infinitely far (the rule of the 裁量偏离 model, PEN_DEVIATION).
 */
export function robustZ(x: number, median: number, mad: number, floorShare: number): number {
  const spread = Math.max(1.4826 * mad, floorShare * median);
  if (spread === 0) return x === median ? 0 : Infinity;
  return Math.abs(x - median) / spread;
}
