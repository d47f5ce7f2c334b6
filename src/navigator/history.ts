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

// What an assessment computes from an item's cases, kept per item until the state learns a case of that
// item: at a million cases an item can have a hundred thousand, and an officer asks about the same item
// again. A decision landing for one item leaves every other item's figures as they were (they were all
// dropped with any landing before: on a server taking decisions, most assessments recomputed an item's
// history from scratch, 10–100 ms for a popular one).
//
// A landing drops the item's figures at once — nothing computed before it is ever served after it — and
// the figures that had been asked for are computed again right after, off the request path (a
// setImmediate per item, however many of its cases land in the same turn): otherwise the first
// assessment of a popular item after each of its decisions paid for its whole history (at a million
// cases, the slowest 1% of assessments were almost all such first calls; docs/navigator.md).
const MEMO_LIMIT = 10_000;
interface Memo {
  /** The state's cases by item when the memo was made: a reload of the cases starts it again. */
  cases: RealtimeState['casesByItem'];
  /** Per item, per key: the value and how to compute it again. */
  byItem: Map<string, Map<string, { value: unknown; compute: () => unknown }>>;
  /** Items whose dropped figures are to be computed again, and the computations. */
  redo: Map<string, (() => unknown)[]>;
}
const memos = new WeakMap<RealtimeState, Memo>();

function memoOf(state: RealtimeState): Memo {
  const memo = memos.get(state);
  if (memo && memo.cases === state.casesByItem) return memo;
  // A case learnt changes its item's figures and, if it was sent before under another item, that one's.
  if (!memo)
    state.caseListeners.add((_row, c, previous) => {
      const m = memos.get(state);
      if (!m) return;
      drop(state, m, c.item);
      if (previous) drop(state, m, previous.item);
    });
  const fresh: Memo = { cases: state.casesByItem, byItem: new Map(), redo: new Map() };
  memos.set(state, fresh);
  return fresh;
}

function drop(state: RealtimeState, memo: Memo, item: string): void {
  const values = memo.byItem.get(item);
  if (!values) return;
  memo.byItem.delete(item);
  const computes = [...values.values()].map((v) => v.compute);
  const pending = memo.redo.get(item);
  if (pending) {
    pending.push(...computes);
    return;
  }
  memo.redo.set(item, computes);
  setImmediate(() => {
    const due = memo.redo.get(item) ?? [];
    memo.redo.delete(item);
    // Only while this memo is the state's: after a reload of the cases they would be computed for nothing.
    if (memos.get(state) !== memo || memo.cases !== state.casesByItem) return;
    for (const compute of due) compute();
  });
}

/** `compute()`'s value for `key`, computed from the item's cases once until the state learns a case of the item. */
export function memoized<T>(state: RealtimeState, item: string, key: string, compute: () => T): T {
  const memo = memoOf(state);
  let values = memo.byItem.get(item);
  if (!values || values.size >= MEMO_LIMIT) memo.byItem.set(item, (values = new Map()));
  let kept = values.get(key);
  if (!kept) {
    const again = () => memoized(state, item, key, compute);
    values.set(key, (kept = { value: compute(), compute: again }));
  }
  return kept.value as T;
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
  return memoized(state, item, `digest|${w.asOfDay}|${w.lookbackDays}`, () => {
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
 * (up to the statutory maximum or the largest fine). Memoized per item (`memoized`).
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
  const key = (scope: string) => `history|${scope}|${w.asOfDay}|${w.lookbackDays}|${minDecisions}`;
  const inProvince = decidedCases(state, item, province.code, w);
  const top = memoized(state, item, key('top'), () => inProvince.reduce((m, c) => Math.max(m, c.fine ?? 0), statutoryMax ?? 0));
  return {
    region: memoized(state, item, key(region.code), () =>
      decisionHistory(decidedCases(state, item, region.code, w), region, minDecisions, top),
    ),
    province: memoized(state, item, key(province.code), () => decisionHistory(inProvince, province, minDecisions, top)),
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
