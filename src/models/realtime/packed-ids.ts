// Record ids as the real-time state keeps them: the UTF-8 bytes of every id end to end in one buffer,
// an id named by its row number. A JS string an id costs 32 bytes and a slot of 8 for an 11-character
// id (IN000051913); packed it costs its bytes and the 4 of its end offset. Any id the import accepts
// round-trips (a pushed record's insp-… id, a source id of any length, Chinese).

type Column = Int32Array | Uint16Array | Uint8Array;

// A quarter more at a time: doubling left up to half of a city's 1.4 million rows empty.
export function grow<T extends Column>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, Math.ceil(a.length * 1.25)));
  b.set(a);
  return b;
}

/**
 * A column cut down to its `size` used rows and a sixty-fourth more, once a load has filled it: growing
 * by a quarter had left a tenth of a column empty on average. The records that arrive next fill the
 * margin before the column grows again.
 */
export function shrinkToFit<T extends Column>(a: T, size: number): T {
  const keep = size + (size >> 6) + 16;
  if (keep >= a.length) return a;
  return a.slice(0, keep) as T;
}

const scratch = { bytes: new Uint8Array(256) };
const encoder = new TextEncoder();

/** `s` as UTF-8 in a reused buffer: its length in bytes. */
function encode(s: string): number {
  // Up to 3 bytes a UTF-16 unit.
  if (scratch.bytes.length < s.length * 3) scratch.bytes = new Uint8Array(s.length * 3);
  return encoder.encodeInto(s, scratch.bytes).written;
}

const decoder = new TextDecoder();

export class PackedIds {
  private bytes = new Uint8Array(1 << 14);
  /** Where each id ends in `bytes` (it starts where the previous one ends). */
  private ends = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends an id: its row. */
  add(id: string): number {
    const n = encode(id);
    const start = this.count ? this.ends[this.count - 1] : 0;
    this.bytes = grow(this.bytes, start + n);
    this.bytes.set(scratch.bytes.subarray(0, n), start);
    this.ends = grow(this.ends, this.count + 1);
    this.ends[this.count] = start + n;
    return this.count++;
  }

  /** Cut to what it holds (`shrinkToFit`), once loaded. */
  shrinkToFit(): void {
    this.bytes = shrinkToFit(this.bytes, this.count ? this.ends[this.count - 1] : 0);
    this.ends = shrinkToFit(this.ends, this.count);
  }

  get(row: number): string {
    return decoder.decode(this.bytes.subarray(row ? this.ends[row - 1] : 0, this.ends[row]));
  }

  /**
   * Rows `a` and `b`'s ids in the order JS compares strings (UTF-16 code units), negative if `a`'s is
   * first, without decoding them where they first differ in an ASCII byte (an id of the import's
   * formats always); where both bytes there are past ASCII, UTF-8's order (code points) and UTF-16's
   * can differ (𝒳 U+1D4B3 against ｘ U+FF58), and the two are compared decoded.
   */
  compare(a: number, b: number): number {
    const aEnd = this.ends[a];
    const bEnd = this.ends[b];
    let i = a ? this.ends[a - 1] : 0;
    let j = b ? this.ends[b - 1] : 0;
    for (; i < aEnd && j < bEnd; i++, j++) {
      const x = this.bytes[i];
      const y = this.bytes[j];
      if (x === y) continue;
      // An ASCII byte starts a character: the bytes before it are whole characters, the same in both.
      if (x < 0x80 || y < 0x80) return x - y;
      const s = this.get(a);
      const t = this.get(b);
      return s < t ? -1 : s > t ? 1 : 0;
    }
    // One is the start of the other: the shorter first.
    return aEnd - i - (bEnd - j);
  }

  /** Whether row `row` holds `id`, compared byte by byte without decoding it. */
  is(row: number, id: string): boolean {
    return this.equalsEncoded(row, encode(id));
  }

  /** Whether row `row` holds the `n` bytes last encoded into the scratch buffer. */
  private equalsEncoded(row: number, n: number): boolean {
    const start = row ? this.ends[row - 1] : 0;
    if (this.ends[row] - start !== n) return false;
    const { bytes } = scratch;
    for (let k = 0; k < n; k++) if (this.bytes[start + k] !== bytes[k]) return false;
    return true;
  }

  /** The bytes' hash (FNV-1a) of `id`, and the row holding it if `table` (an open-addressed index of rows + 1) has it. */
  find(table: Int32Array, id: string): { slot: number; row: number } {
    const n = encode(id);
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ scratch.bytes[k], 0x01000193);
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = table[slot] - 1;
      if (r < 0 || this.equalsEncoded(r, n)) return { slot, row: r };
    }
  }
}

/**
 * Ids named by row, in the order they were added, found by id: the ids packed and an open-addressed
 * table of their rows. A Map keyed by 18-character USCCs costs about 75 bytes a key; this about 30.
 */
export class IdIndex {
  private readonly ids = new PackedIds();
  private table = new Int32Array(1024);

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.rowOf(id) >= 0;
  }

  /** The row of `id`; -1 if it is not in the index. */
  rowOf(id: string): number {
    return this.ids.find(this.table, id).row;
  }

  id(row: number): string {
    return this.ids.get(row);
  }

  /** Rows `a` and `b`'s ids in the order of JS strings (`PackedIds.compare`). */
  compare(a: number, b: number): number {
    return this.ids.compare(a, b);
  }

  /** Cut to what it holds, once loaded (the table stays as it is: a power of two, at most three quarters full). */
  shrinkToFit(): void {
    this.ids.shrinkToFit();
  }

  /** Adds `id` if it is new: its row. */
  add(id: string): number {
    const { slot, row } = this.ids.find(this.table, id);
    if (row >= 0) return row;
    const added = this.ids.add(id);
    this.table[slot] = added + 1;
    // Kept at most three quarters full: a free slot ends every probe (a miss looks at 8.5 slots on
    // average at that load, a hit 2.5). Half full had cost 16 MB more for hangzhou's 2.1 million entities.
    if (this.ids.size * 4 > this.table.length * 3) {
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      for (const r of old) if (r) this.table[this.ids.find(this.table, this.ids.get(r - 1)).slot] = r;
    }
    return added;
  }
}

/**
 * A string per row (an entity's or an officer's name, by its row in an IdIndex), packed as ids are:
 * a JS string for a name of ten Chinese characters costs 56 bytes and its slot 8, packed 30 and 8. A
 * row set again (an entity renamed) points at the new string; the old one stays in the buffer.
 */
export class PackedStrings {
  private readonly packed = new PackedIds();
  /** Per row: the string's row in `packed` (-1: none). */
  private at = new Int32Array(1024).fill(-1);
  /** One more than the highest row set. */
  private rows = 0;

  set(row: number, s: string): void {
    this.rows = Math.max(this.rows, row + 1);
    if (row >= this.at.length) {
      const size = this.at.length;
      this.at = grow(this.at, row + 1);
      this.at.fill(-1, size);
    }
    this.at[row] = this.packed.add(s);
  }

  /** Cut to what it holds, once loaded. */
  shrinkToFit(): void {
    this.packed.shrinkToFit();
    this.at = shrinkToFit(this.at, this.rows);
  }

  /** The row's string; undefined if none was set. */
  get(row: number): string | undefined {
    const p = row >= 0 && row < this.at.length ? this.at[row] : -1;
    return p < 0 ? undefined : this.packed.get(p);
  }
}
