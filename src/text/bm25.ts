// Okapi BM25 over segmented documents: the ranking the similar-case search and the assistant's law
// lookup use. k1 = 1.2 and b = 0.75 are the values of Robertson and Zaragoza, "The Probabilistic
// Relevance Framework: BM25 and Beyond" (2009), used as defaults by Lucene and Elasticsearch.

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

export class Bm25Index<K> {
  private readonly k1: number;
  private readonly b: number;
  private readonly keys: K[] = [];
  private readonly lengths: number[] = [];
  /** term → postings: document number and the term's count in it. */
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private totalLength = 0;

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
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push({ doc, tf });
    }
  }

  /** Inverse document frequency, BM25's form with +1 inside the log so that it is never negative. */
  idf(term: string): number {
    const n = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.keys.length - n + 0.5) / (n + 0.5));
  }

  /** The `limit` best documents for the query terms, best first; `accept` filters documents by key. */
  search(queryTerms: readonly string[], limit: number, accept?: (key: K) => boolean): Bm25Hit<K>[] {
    const avg = this.totalLength / Math.max(1, this.keys.length);
    const scores = new Map<number, { score: number; matched: string[] }>();
    for (const term of new Set(queryTerms)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]) / avg);
        const s = idf * ((tf * (this.k1 + 1)) / norm);
        const entry = scores.get(doc);
        if (entry) {
          entry.score += s;
          entry.matched.push(term);
        } else scores.set(doc, { score: s, matched: [term] });
      }
    }
    const hits: Bm25Hit<K>[] = [];
    for (const [doc, { score, matched }] of scores) {
      const key = this.keys[doc];
      if (!accept || accept(key)) hits.push({ key, score, matched });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}
