// Okapi BM25 over segmented documents: the ranking the similar-case search and the assistant's law
// lookup use. k1 = 1.2 and b = 0.75 are the values of Robertson and Zaragoza, "The Probabilistic
// Relevance Framework: BM25 and Beyond" (2009), used as defaults by Lucene and Elasticsearch.
//
// Postings are typed arrays (a document number and a term count: 6 bytes a posting), so an index of a
// million case facts of about forty distinct terms each fits in a few hundred megabytes; an object per
// posting took 40–50 bytes. A search adds scores into one array per index and keeps the best in a heap.
import { BestOf } from '../domain/best-of.ts';

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Hit<K> {
  key: K;
  score: number;
  /** The query terms the document holds. */
  matched: string[];
}

/** The documents holding one term, in the order they were added (document numbers ascending). */
class Postings {
  docs = new Int32Array(2);
  tfs = new Uint16Array(2);
  n = 0;

  push(doc: number, tf: number): void {
    if (this.n === this.docs.length) {
      const docs = new Int32Array(this.n * 2);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Uint16Array(this.n * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n] = Math.min(tf, 65_535);
    this.n++;
  }

  /**
   * The position of the first posting at or after `from` whose document is `doc` or later (n if none):
   * galloping from `from`, so that documents looked up in ascending order cost a few steps each.
   */
  seek(doc: number, from: number): number {
    let step = 1;
    let lo = from;
    while (lo + step < this.n && this.docs[lo + step] < doc) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(this.n, lo + step + 1);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.docs[mid] < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class Bm25Index<K> {
  private readonly k1: number;
  private readonly b: number;
  private readonly keys: K[] = [];
  private lengths = new Uint16Array(16);
  private readonly postings = new Map<string, Postings>();
  private totalLength = 0;
  /** Scores of one search, by document number; zero again when the search returns. */
  private scratch = new Float64Array(0);
  /** The documents one search scored, in the order first scored: reused, so that a search allocates no list of its own. */
  private touched = new Int32Array(0);
  /** Each document's length term k1·(1 − b + b·length/average), for the index's size when it was computed. */
  private norms = new Float64Array(0);
  private normsFor = -1;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: K, terms: readonly string[]): void {
    const doc = this.keys.length;
    this.keys.push(key);
    if (doc === this.lengths.length) {
      const lengths = new Uint16Array(doc * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.lengths[doc] = Math.min(terms.length, 65_535);
    this.totalLength += terms.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Postings()));
      list.push(doc, tf);
    }
  }

  /** Inverse document frequency, BM25's form with +1 inside the log so that it is never negative. */
  idf(term: string): number {
    const n = this.postings.get(term)?.n ?? 0;
    return Math.log(1 + (this.keys.length - n + 0.5) / (n + 0.5));
  }

  /**
   * The `limit` best documents for the query terms, best first; `accept` filters documents by key.
   * `maxDocShare` < 1 skips the terms found in more than that share of the documents: their postings are
   * the longest and their idf the lowest (in the spirit of Lucene's common-terms query), so a large
   * index answers in time; they are not reported as matched either.
   */
  search(queryTerms: readonly string[], limit: number, accept?: (key: K) => boolean, maxDocShare = 1): Bm25Hit<K>[] {
    const n = this.keys.length;
    if (limit <= 0) return [];
    if (this.scratch.length < n) {
      this.scratch = new Float64Array(Math.max(n, this.scratch.length * 2));
      this.touched = new Int32Array(this.scratch.length);
    }
    const scores = this.scratch;
    const touched = this.touched;
    let scored = 0;
    if (this.normsFor !== n) {
      const avg = this.totalLength / Math.max(1, n);
      if (this.norms.length < n) this.norms = new Float64Array(this.scratch.length);
      for (let d = 0; d < n; d++) this.norms[d] = this.k1 * (1 - this.b + (this.b * this.lengths[d]) / avg);
      this.normsFor = n;
    }
    const norms = this.norms;
    const k1p1 = this.k1 + 1;
    const lists: Postings[] = [];
    const terms: string[] = [];
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list || list.n > maxDocShare * n) continue;
      lists.push(list);
      terms.push(term);
      const idf = this.idf(term);
      const { docs, tfs } = list;
      for (let i = 0; i < list.n; i++) {
        const doc = docs[i];
        const tf = tfs[i];
        if (scores[doc] === 0) touched[scored++] = doc;
        scores[doc] += (idf * tf * k1p1) / (tf + norms[doc]);
      }
    }
    // The best `limit` accepted documents (ties: the earlier document first).
    const top = new BestOf(limit, (a, b) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b));
    for (let t = 0; t < scored; t++) {
      const doc = touched[t];
      if (!top.admits(doc)) continue;
      if (accept && !accept(this.keys[doc])) continue;
      top.offer(doc);
    }
    const best = top.best();
    // The query terms each hit holds, in query order: each term's postings walked once for all the
    // hits in document order (a lookup per hit and term took a fifth of a search in a profile).
    const matched = best.map(() => [] as string[]);
    const ascending = best.map((doc, i) => [doc, i] as const).sort((a, b) => a[0] - b[0]);
    lists.forEach((list, t) => {
      let at = 0;
      for (const [doc, i] of ascending) {
        at = list.seek(doc, at);
        if (at === list.n) break;
        if (list.docs[at] === doc) matched[i].push(terms[t]);
      }
    });
    const hits = best.map((doc, i) => ({ key: this.keys[doc], score: scores[doc], matched: matched[i] }));
    for (let t = 0; t < scored; t++) scores[touched[t]] = 0;
    return hits;
  }
}
