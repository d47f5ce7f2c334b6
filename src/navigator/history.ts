// The history of decisions for an item: how many, how many without a penalty or with a warning, and the
// spread of the fines (median, quartiles, IQR, MAD), in a region and province-wide, over the look-back
// window of the 裁量偏离 model. Read from the real-time state's cases (src/models/realtime/state.ts):
// loaded from the store once, kept as decisions land, dropped with it — the same cases the models'
// real-time checks judge against. Quartiles are type 7, what DuckDB and PostgreSQL compute in SQL.
import { spreadOf } from '../domain/robust-stats.ts';
import { regionPrefix } from '../domain/region.ts';
import { isFined, type CaseFacts, type ModelGroups, type RealtimeState } from '../models/realtime/state.ts';
import { deviationPeers, peerGroupOf } from '../models/realtime/cases.ts';
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

/**
 * An item's decided cases in the window, in one pass: by county, and the fines by PEN_DEVIATION peer
 * group (city|tier). A region's history or a tier's peers are then a lookup, not a pass over the item's
 * hundred thousand cases.
 */
interface ItemDigest {
  counties: Map<string, CaseFacts[]>;
  all: CaseFacts[];
  peers: Map<string, number[]>;
}

function digest(state: RealtimeState, item: string, w: HistoryWindow): ItemDigest {
  return memoized(state, `digest|${item}|${w.asOfDay}|${w.lookbackDays}`, () => {
    const d: ItemDigest = { counties: new Map(), all: [], peers: new Map() };
    const from = w.asOfDay - w.lookbackDays;
    for (const c of state.casesByItem.get(item) ?? []) {
      if (c.decided === null || c.decision === null || c.decided > w.asOfDay || c.decided <= from) continue;
      d.all.push(c);
      const county = c.region.slice(0, 6);
      (d.counties.get(county) ?? d.counties.set(county, []).get(county)!).push(c);
      const group = peerGroupOf(c, w.asOfDay, w.lookbackDays);
      if (group) (d.peers.get(group) ?? d.peers.set(group, []).get(group)!).push(c.fine!);
    }
    return d;
  });
}

/** Decided cases of an item in a region's subtree (province, city, county or township), decided within the window. */
export function decidedCases(state: RealtimeState, item: string, regionCode: string, w: HistoryWindow): CaseFacts[] {
  const d = digest(state, item, w);
  const prefix = regionPrefix(regionCode);
  if (prefix.length === 2) return d.all;
  if (prefix.length === 6) return d.counties.get(prefix) ?? [];
  if (prefix.length > 6) return (d.counties.get(prefix.slice(0, 6)) ?? []).filter((c) => c.region.startsWith(prefix));
  return [...d.counties].filter(([county]) => county.startsWith(prefix)).flatMap(([, cases]) => cases);
}

/**
 * The fines a decision in `region` at `tier` is measured against (PEN_DEVIATION's peers, src/models/realtime/cases.ts).
 * With more than one run group in force the model's own function sorts them out; with one, the digest holds them.
 */
export function peerFines(
  state: RealtimeState,
  groups: ModelGroups,
  region: string,
  item: string,
  tier: string,
  w: HistoryWindow,
): number[] {
  if (groups.groups.length > 1) return deviationPeers(state, groups, region, item, tier, w.asOfDay, w.lookbackDays);
  return digest(state, item, w).peers.get(`${region.slice(0, 4)}|${tier}`) ?? [];
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
  const key = (scope: string) => `history|${item}|${scope}|${w.asOfDay}|${w.lookbackDays}|${minDecisions}`;
  const inProvince = decidedCases(state, item, province.code, w);
  const top = memoized(state, key('top'), () => inProvince.reduce((m, c) => Math.max(m, c.fine ?? 0), statutoryMax ?? 0));
  return {
    region: memoized(state, key(region.code), () => decisionHistory(decidedCases(state, item, region.code, w), region, minDecisions, top)),
    province: memoized(state, key(province.code), () => decisionHistory(inProvince, province, minDecisions, top)),
  };
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
