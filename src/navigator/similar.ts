// 类案推送: the past decisions most like a case. The facts text is segmented (src/text's Segmenter, with
// the catalog's item names and everyday words kept whole) and ranked by BM25 within the same item's
// decisions; the ranking is then blended with the structured facts — the same first offence, correction
// and harm, a close fine, the same county — and each result says why it is similar.
//
// The index lives beside the real-time state's cases (one per state, per process): built from the
// store's facts texts on first use, told each case the state learns as it lands (caseListeners), and
// dropped with the state. Documents are the CaseFacts objects themselves; a case sent again gets a new
// object, and the old document stops matching (it is no longer the state's case of that id). The texts
// themselves are kept out of the heap, in the index's text spill (text-spill.ts), for the results shown.
import type { Store } from '../store/store.ts';
import { raw } from '../store/sql.ts';
import { Bm25Index } from '../text/bm25.ts';
import type { Segmenter } from '../text/segment.ts';
import { byId, isFined, scan, type CaseFacts, type RealtimeState } from '../models/realtime/state.ts';
import type { Harm } from '../catalog/discretion.ts';
import { TextSpill } from './text-spill.ts';

/** Terms of a facts text for the index and for queries: the segmenter's, less numbers and single characters (dates, counts, 的). */
export function factTerms(seg: Segmenter, text: string | null | undefined): string[] {
  if (!text) return [];
  return seg.terms(text).filter((t) => t.length > 1 && !/^[\d.]+$/.test(t));
}

/**
 * Query terms found in more than this share of an item's cases are left out of the search (当事人, 经查,
 * the item's own words): on the demo's families recall@5 and MRR stayed within a hundredth, and at a million cases
 * they were most of the work (docs/navigator.md).
 */
export const COMMON_SHARE = 0.5;
/** A query keeps its rarest terms only: the work of a search is bounded whatever the text's length. */
export const QUERY_TERMS = 32;

export class SimilarIndex {
  private readonly byItem = new Map<string, Bm25Index<CaseFacts>>();
  /**
   * The case object last indexed per id, by the id's row in the state's case table (the state loads its
   * cases once; no id string is kept here): a case learnt twice (while the index builds) is indexed once.
   */
  private readonly indexed = new Map<number, CaseFacts>();
  /** The facts texts of the indexed cases, out of the heap: each case's record number in `spill`, by row. */
  private readonly spill = new TextSpill();
  private readonly records = new Map<number, number>();
  /** Documents whose case the state has since learnt again (a new object): they no longer match. */
  private readonly superseded = new WeakSet<CaseFacts>();
  /** The state's map of cases when the index was made: were it ever loaded anew, every document is checked against it. */
  private readonly casesAtStart: RealtimeState['cases'];

  constructor(
    readonly state: RealtimeState,
    readonly seg: Segmenter,
  ) {
    this.casesAtStart = state.cases;
  }

  get size(): number {
    return this.indexed.size;
  }

  /** Indexes a decided case (an open one has no decision to learn from; it is indexed when it is decided). */
  add(c: CaseFacts, text: string | null): void {
    if (c.decided === null || this.indexed.get(c.row) === c) return;
    this.indexed.set(c.row, c);
    this.records.set(c.row, this.spill.add(text ?? ''));
    let index = this.byItem.get(c.item);
    if (!index) this.byItem.set(c.item, (index = new Bm25Index<CaseFacts>()));
    index.add(c, factTerms(this.seg, text));
  }

  /** The state learnt `previous` again as another object: its document stops matching. */
  supersede(previous: CaseFacts): void {
    this.superseded.add(previous);
  }

  /**
   * The case is the state's current version of its id, decided (a re-sent case's older document is not).
   * Asked of every candidate of a search: a mark on the few superseded documents rather than a lookup
   * of the id among a million (a fifth of a search's time in a profile).
   */
  alive(c: CaseFacts): boolean {
    if (c.decided === null) return false;
    if (this.state.cases !== this.casesAtStart) return this.state.cases.get(c.id) === c;
    return !this.superseded.has(c);
  }

  /** The facts texts of the state's cases, as they were indexed ('' for a case without one), by case. */
  texts(cases: readonly CaseFacts[]): Map<CaseFacts, string> {
    const known = cases.filter((c) => this.records.has(c.row));
    const texts = this.spill.read(known.map((c) => this.records.get(c.row)!));
    return new Map(known.map((c, i) => [c, texts[i]]));
  }

  idf(item: string, term: string): number {
    return this.byItem.get(item)?.idf(term) ?? 0;
  }

  /**
   * BM25 hits among the item's decided cases that `accept` lets through, for the QUERY_TERMS rarest
   * query terms; terms in over COMMON_SHARE of the cases are skipped.
   */
  textHits(item: string, terms: readonly string[], limit: number, accept: (c: CaseFacts) => boolean) {
    const index = this.byItem.get(item);
    if (!index || terms.length === 0) return [];
    const rarest = [...new Set(terms)].sort((a, b) => index.idf(b) - index.idf(a)).slice(0, QUERY_TERMS);
    return index.search(rarest, limit, (c) => this.alive(c) && accept(c), COMMON_SHARE);
  }
}

const indexes = new WeakMap<RealtimeState, Promise<SimilarIndex>>();

/**
 * The similar-case index of the store's real-time state (whose 'cases' part must be loaded): built on
 * first use by one scan of the decided cases' facts texts, then kept by the state's case listener.
 */
export function similarIndex(store: Store, state: RealtimeState, seg: Segmenter): Promise<SimilarIndex> {
  let built = indexes.get(state);
  if (!built) {
    built = (async () => {
      const index = new SimilarIndex(state, seg);
      // Listen first: a case landing during the scan is indexed by the listener, and the scan then skips it.
      state.caseListeners.add((row, c, previous) => {
        if (previous) index.supersede(previous);
        index.add(c, typeof row.facts === 'string' ? row.facts : null);
      });
      // The facts text travels packed; control characters that pack it are blanked out of the text.
      await scan(
        store,
        ['id', `replace(replace(COALESCE(facts, ''), chr(30), ' '), chr(31), ' ')`],
        raw('cases WHERE decided_on IS NOT NULL'),
        'id',
        ([id, text]) => {
          const c = state.cases.get(id!);
          if (c) index.add(c, text);
        },
      );
      return index;
    })();
    indexes.set(state, built);
    built.catch(() => indexes.delete(state));
  }
  return built;
}

export interface SimilarQuery {
  item: string;
  regionCode: string;
  firstOffence: boolean;
  corrected: boolean;
  harm: Harm;
  /** The fine proposed, if any (a close fine counts). */
  fine: number | null;
  text: string | null;
  /** The cases the caller may see (jurisdiction, agency). */
  accept: (c: CaseFacts) => boolean;
  /** The case being decided, left out of its own results. */
  exclude?: string;
  /** Weights of text, facts, fine and place (default: BLEND; the evaluation compares others). */
  weights?: readonly [number, number, number, number];
}

/** The blend of the ranking: text, facts, fine, place. */
export const BLEND = [0.8, 0.1, 0.05, 0.05] as const;

export interface RankedCase {
  c: CaseFacts;
  score: number;
  why: string[];
  sharedTerms: string[];
}

const HARM_TEXT: Record<string, string> = { none: '未造成危害后果', minor: '危害后果轻微', serious: '造成较大危害后果' };
const yuan = (n: number) => `${new Intl.NumberFormat('zh-CN').format(n)}元`;

/** Candidates BM25 hands to the blend, and structured candidates added when the text finds too few. */
const TEXT_CANDIDATES = 200;
const MIN_CANDIDATES = 50;

/**
 * The `limit` most similar decided cases of the same item. Score (BLEND): text (BM25 relative to the best
 * hit) 0.8, facts (first offence, correction, harm alike: thirds) 0.1, fine closeness 0.05 (1 at the same
 * amount, 0 at ten times apart; two decisions without a fine are alike), place 0.05 (county 1, city ½);
 * without a facts text the last three share the whole. The text leads: on the demo's planted families
 * a heavier share for the facts lowered recall@5 (docs/navigator.md gives the figures), while as
 * tie-breakers they put the cases decided under the same circumstances first among equally close texts.
 */
export function rankSimilar(index: SimilarIndex, q: SimilarQuery, limit: number): RankedCase[] {
  const terms = factTerms(index.seg, q.text);
  // The candidates are the state's cases (alive): the one excluded is the state's case of that id.
  const excluded = q.exclude === undefined ? undefined : index.state.cases.get(q.exclude);
  const accept = (c: CaseFacts) => c !== excluded && q.accept(c);
  const hits = index.textHits(q.item, terms, TEXT_CANDIDATES, accept);
  const best = hits[0]?.score ?? 0;
  const candidates = new Map<CaseFacts, { text: number; matched: string[] }>(
    hits.map((h) => [h.key, { text: h.score / best, matched: h.matched }]),
  );
  const structured = (c: CaseFacts) => {
    const facts = (Number(c.firstOffence === q.firstOffence) + Number(c.corrected === q.corrected) + Number(c.harm === q.harm)) / 3;
    const fined = isFined(c);
    const amount =
      q.fine !== null && q.fine > 0 && fined
        ? Math.max(0, 1 - Math.abs(Math.log10(c.fine! / q.fine)))
        : (q.fine === null || q.fine === 0) && !fined
          ? 1
          : 0;
    const place = c.region.startsWith(q.regionCode.slice(0, 6)) ? 1 : c.region.startsWith(q.regionCode.slice(0, 4)) ? 0.5 : 0;
    return { facts, amount, place };
  };
  if (candidates.size < MIN_CANDIDATES) {
    // Too few share a word: the item's decisions closest in facts fill the list. A popular item has a
    // hundred thousand: the best few are kept as they pass, not all of them sorted.
    const best = new TopK<{ c: CaseFacts; s: number }>(
      MIN_CANDIDATES - candidates.size,
      (a, b) => b.s - a.s || (byId(a.c, b.c) < 0 ? -1 : 1),
    );
    for (const c of index.state.casesByItem.get(q.item) ?? []) {
      if (candidates.has(c) || !index.alive(c) || !accept(c)) continue;
      const s = structured(c);
      best.offer({ c, s: s.facts * 0.6 + s.amount * 0.2 + s.place * 0.2 });
    }
    for (const { c } of best.sorted()) candidates.set(c, { text: 0, matched: [] });
  }
  const weights = terms.length ? (q.weights ?? BLEND) : [0, 0.6, 0.2, 0.2];
  const ranked = [...candidates].map(([c, t]) => {
    const s = structured(c);
    return { c, t, score: weights[0] * t.text + weights[1] * s.facts + weights[2] * s.amount + weights[3] * s.place };
  });
  ranked.sort((a, b) => b.score - a.score || (byId(a.c, b.c) < 0 ? -1 : 1));
  return ranked.slice(0, limit).map(({ c, t, score }) => {
    // Rarest first; a term inside a longer shared one (生活 in 生活垃圾) says nothing more.
    const sharedTerms = t.matched
      .filter((x) => !t.matched.some((y) => y !== x && y.includes(x)))
      .sort((a, b) => index.idf(q.item, b) - index.idf(q.item, a))
      .slice(0, 8);
    const why = ['同一执法事项'];
    const same = [
      c.firstOffence === q.firstOffence && (q.firstOffence ? '均为初次违法' : '均非初次违法'),
      c.corrected === q.corrected && (q.corrected ? '均已及时改正' : '均未及时改正'),
      c.harm === q.harm && `均${HARM_TEXT[q.harm]}`,
    ].filter((x): x is string => typeof x === 'string');
    if (same.length === 3) why.push(`案情相同（${same.join('、')}）`);
    else if (same.length) why.push(`案情相近（${same.join('、')}）`);
    if (sharedTerms.length) why.push(`违法事实共有关键词：${sharedTerms.join('、')}`);
    if (q.fine !== null && q.fine > 0 && isFined(c) && Math.abs(Math.log10(c.fine! / q.fine)) <= Math.log10(1.5))
      why.push(`罚款数额相近（${yuan(c.fine!)}，拟${yuan(q.fine)}）`);
    if (c.region.startsWith(q.regionCode.slice(0, 6))) why.push('同一县（市、区）');
    return { c, score: Math.round(score * 1000) / 1000, why, sharedTerms };
  });
}

/**
 * The `k` first values in the order of `compare` among those offered, kept sorted: what sorting them all
 * and taking the first `k` gives, in O(n log k) comparisons and k values of memory.
 */
export class TopK<T> {
  private readonly kept: T[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(x: T): void {
    const kept = this.kept;
    if (this.k <= 0 || (kept.length === this.k && this.compare(x, kept[kept.length - 1]) >= 0)) return;
    // After the last value that is not after x: equal values stay in the order they came, as a stable sort keeps them.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(kept[mid], x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, x);
    if (kept.length > this.k) kept.pop();
  }

  sorted(): readonly T[] {
    return this.kept;
  }
}

/** The facts text cut into words, runs of words holding a shared term marked, for highlighting. */
export function highlight(seg: Segmenter, text: string, shared: readonly string[]): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  for (const word of seg.cut(text)) {
    const hit = shared.some((t) => word.includes(t) || (word.length > 1 && t.includes(word)));
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += word;
    else out.push({ text: word, hit });
  }
  return out;
}
