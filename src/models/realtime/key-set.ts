// The dedupe keys of the hits the real-time models have stored, kept as 64-bit hashes: a pushed
// record's hit on one of them writes nothing. A Set of the key strings held 215 MB at Hangzhou scale
// after a library run (millions of keys of about forty characters); here 8 bytes a key in an
// open-addressed table at most three quarters full.
//
// Two keys hashing alike would make a new hit look stored and skip it. Among n keys the chance that a
// look-up of a new key meets one is about n / 2^64 (3 million keys: 2 in 10^13), against the 180 MB an
// exact set costs. The converse cannot happen: a stored key always hashes to itself. A key missing from
// the set only costs the write its own look-up of the table (the triage skips hits already stored).

/** Two 32-bit lanes over the key's UTF-16 code units, each mixed with the other at the end (cyrb53's scheme, kept to 64 bits). */
function hash64(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h1 >>>= 0;
  h2 >>>= 0;
  // (0, 0) marks an empty slot.
  return h1 === 0 && h2 === 0 ? [0, 1] : [h1, h2];
}

export class KeySet {
  private lo = new Uint32Array(1024);
  private hi = new Uint32Array(1024);
  private count = 0;

  constructor(keys: Iterable<string> = []) {
    for (const k of keys) this.add(k);
  }

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const [a, b] = hash64(key);
    return this.slotOf(a, b) >= 0;
  }

  add(key: string): void {
    const [a, b] = hash64(key);
    if (this.slotOf(a, b) >= 0) return;
    if ((this.count + 1) * 4 > this.lo.length * 3) this.resize(this.lo.length * 2);
    this.put(a, b);
    this.count++;
  }

  /** The slot holding (a, b), or -1. */
  private slotOf(a: number, b: number): number {
    const mask = this.lo.length - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = this.lo[i];
      const y = this.hi[i];
      if (x === 0 && y === 0) return -1;
      if (x === a && y === b) return i;
    }
  }

  private put(a: number, b: number): void {
    const mask = this.lo.length - 1;
    let i = a & mask;
    while (this.lo[i] !== 0 || this.hi[i] !== 0) i = (i + 1) & mask;
    this.lo[i] = a;
    this.hi[i] = b;
  }

  private resize(capacity: number): void {
    const { lo, hi } = this;
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    for (let i = 0; i < lo.length; i++) if (lo[i] !== 0 || hi[i] !== 0) this.put(lo[i], hi[i]);
  }
}
