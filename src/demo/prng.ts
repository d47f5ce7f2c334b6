// Seeded pseudo-random numbers for the demo generator. Never Math.random: the same --seed must give
// the same data on every machine. mulberry32 (Tommy Ettinger, public domain) is a 32-bit generator
// with period 2^32 per stream; each entity, agency and region draws from its own stream, derived from
// the run seed and a key by a SplitMix32-style hash, so a stream's output does not depend on how many
// numbers other streams consumed before it.

/** SplitMix32 finaliser: a well-mixed 32-bit hash of a 32-bit integer. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The seed of the sub-stream `key` (any mix of integers and strings) of the run seed. */
export function deriveSeed(seed: number, ...key: (number | string)[]): number {
  let h = mix32(seed >>> 0);
  for (const k of key) {
    if (typeof k === 'number') h = mix32(h ^ mix32(k >>> 0));
    else for (let i = 0; i < k.length; i++) h = mix32(h ^ k.charCodeAt(i));
  }
  return h;
}

export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** A new stream for `key`, independent of this one's position. */
  static of(seed: number, ...key: (number | string)[]): Rng {
    return new Rng(deriveSeed(seed, ...key));
  }

  /** Uniform in [0, 1). mulberry32. */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return (this.next() * n) | 0;
  }

  /** Integer in [lo, hi] (both inclusive). */
  range(lo: number, hi: number): number {
    return lo + ((this.next() * (hi - lo + 1)) | 0);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[(this.next() * xs.length) | 0];
  }

  /** Approximately normal (mean 0, sd 1): the sum of four uniforms, cheap and bounded (±3.46). */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508;
  }

  /** Geometric-like count with the given mean (0, 1, 2, …): the number of failures before a success. */
  count(mean: number): number {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    let n = 0;
    while (this.next() >= p && n < 10_000) n++;
    return n;
  }

  /** Shuffles `xs` in place (Fisher–Yates) and returns it. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }

  /** k distinct indices of [0, n) (k ≤ n), in random order. */
  sample(n: number, k: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    while (out.length < k) {
      const i = this.int(n);
      if (!seen.has(i)) {
        seen.add(i);
        out.push(i);
      }
    }
    return out;
  }
}

/** Weighted choice in O(log n): built once, drawn many times. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly values: readonly T[],
    weights: readonly number[],
  ) {
    if (values.length === 0 || values.length !== weights.length)
      throw new Error('Weighted: values and weights must be non-empty and of equal length');
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    weights.forEach((w, i) => {
      acc += Math.max(0, w);
      this.cumulative[i] = acc;
    });
    if (acc <= 0) throw new Error('Weighted: all weights are zero');
    this.total = acc;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}
