// The history of decisions for an item: how many, how many without a penalty or with a warning, and the
// spread of the fines (median, quartiles, IQR, MAD), in a region and province-wide, over the look-back
// window of the 裁量偏离 model. Read from the real-time state's cases (src/models/realtime/state.ts):
// loaded from the store once, kept as decisions land, dropped with it — the same cases the models'
// real-time checks judge against. Quartiles are type 7, what DuckDB and PostgreSQL compute in SQL.
import { spreadOf } from '../domain/robust-stats.ts';
import { regionPrefix } from '../domain/region.ts';
import { isFined, type CaseFacts, type RealtimeState } from '../models/realtime/state.ts';
import type { DecisionHistory } from './schema.ts';

export interface HistoryWindow {
  /** Day number (days since 1970-01-01) the history ends on, inclusive. */
  asOfDay: number;
  lookbackDays: number;
}

// What an assessment computes from an item's cases, kept until the state learns another case: at a
// million cases an item can have a hundred thousand, and an officer asks about the same item again.
const MEMO_LIMIT = 10_000;
const memos = new WeakMap<RealtimeState, { version: number; values: Map<string, unknown> }>();

/** `compute()`'s value for `key`, computed once per version of the state's cases. */
export function memoized<T>(state: RealtimeState, key: string, compute: () => T): T {
  let memo = memos.get(state);
  if (!memo || memo.version !== state.casesVersion || memo.values.size >= MEMO_LIMIT) {
    memo = { version: state.casesVersion, values: new Map() };
    memos.set(state, memo);
  }
  if (!memo.values.has(key)) memo.values.set(key, compute());
  return memo.values.get(key) as T;
}

/** Decided cases of an item in a region's subtree, decided within the window. */
export function decidedCases(state: RealtimeState, item: string, regionCode: string, w: HistoryWindow): CaseFacts[] {
  const prefix = regionPrefix(regionCode);
  const from = w.asOfDay - w.lookbackDays;
  return (state.casesByItem.get(item) ?? []).filter(
    (c) => c.decided !== null && c.decision !== null && c.decided <= w.asOfDay && c.decided > from && c.region.startsWith(prefix),
  );
}

/** A round bin width near span/bins: 1, 2 or 5 times a power of ten. */
function niceWidth(span: number, bins: number): number {
  const raw = Math.max(span / bins, 1);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((w) => w >= raw)!;
}

/** Counts of fines per bin from 0 to `top` (bins of a round width; the last holds everything above). */
export function histogram(fines: readonly number[], top: number, bins = 12): DecisionHistory['histogram'] {
  if (top <= 0) return [];
  const width = niceWidth(top, bins);
  const n = Math.ceil(top / width);
  const counts = new Array<number>(n).fill(0);
  for (const f of fines) counts[Math.min(n - 1, Math.floor(f / width))]++;
  return counts.map((count, i) => ({ from: i * width, to: (i + 1) * width, count }));
}

/**
 * The history of an item in a region and province-wide, over the window; the histograms share their bins
 * (up to the statutory maximum or the largest fine). Memoized per version of the state's cases.
 */
export function itemHistory(
  state: RealtimeState,
  item: string,
  region: { code: string; name: string },
  province: { code: string; name: string },
  w: HistoryWindow,
  minDecisions: number,
  statutoryMax: number | null,
): { region: DecisionHistory; province: DecisionHistory } {
  const key = `history|${item}|${region.code}|${w.asOfDay}|${w.lookbackDays}|${minDecisions}`;
  return memoized(state, key, () => {
    const inProvince = decidedCases(state, item, province.code, w);
    const inRegion = decidedCases(state, item, region.code, w);
    const top = inProvince.reduce((m, c) => Math.max(m, c.fine ?? 0), statutoryMax ?? 0);
    return {
      region: decisionHistory(inRegion, region, minDecisions, top),
      province: decisionHistory(inProvince, province, minDecisions, top),
    };
  });
}

/**
 * The history of an item in a scope. `minDecisions`: with fewer fines, no spread is given (tooFew), so
 * that nobody reads a median of three. `top`: the histogram's upper end (shared by the scopes compared).
 */
export function decisionHistory(
  cases: readonly CaseFacts[],
  scope: { code: string; name: string },
  minDecisions: number,
  top: number,
): DecisionHistory {
  const fines = cases.filter(isFined).map((c) => c.fine!);
  const noPenalty = cases.filter((c) => c.decision === 'no_penalty').length;
  const tooFew = fines.length < minDecisions;
  return {
    scope,
    decisions: cases.length,
    noPenalty,
    warnings: cases.filter((c) => c.decision === 'warning').length,
    fined: fines.length,
    noPenaltyShare: cases.length ? noPenalty / cases.length : null,
    fines: tooFew ? null : spreadOf(fines),
    tooFew,
    histogram: histogram(fines, top),
  };
}
