// The k best of many, best first: a bounded heap whose root is the worst it keeps, so each candidate
// costs O(log k) and the others are passed over without sorting them all. For picking a few from
// many: a draw's first ranks from a directory of hundreds of thousands, a search's best documents.

export class BestOf {
  private readonly heap: number[] = [];

  /** `worse(a, b)`: candidate a ranks below candidate b (a strict order: ties broken by the caller). */
  constructor(
    private readonly k: number,
    private readonly worse: (a: number, b: number) => boolean,
  ) {}

  /** Whether candidate x would be kept if offered now: the heap is not full, or x beats its worst. */
  admits(x: number): boolean {
    return this.heap.length < this.k || (this.k > 0 && this.worse(this.heap[0], x));
  }

  /** Keeps x if it is among the k best so far. */
  offer(x: number): void {
    const { heap, worse } = this;
    if (!this.admits(x)) return;
    if (heap.length < this.k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
      return;
    }
    heap[0] = x;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }

  /** The candidates kept, best first. */
  best(): number[] {
    return [...this.heap].sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }
}
