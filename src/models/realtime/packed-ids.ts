// Record ids as the real-time state keeps them: every id end to end in one buffer, an id named by its
// row number. A JS string an id costs 32 bytes and a slot of 8 for an 11-character id (IN000051913);
// packed it costs its stored form (below: 7 bytes for that one, 12 for a Kedu id of 25 characters) and
// the 4 of its end offset. Any id the import accepts round-trips (a pushed record's insp-… id, a source
// id of any length, Chinese).

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
  if (scratch.bytes.length < s.length * 3 + 1) scratch.bytes = new Uint8Array(s.length * 3 + 1);
  return encoder.encodeInto(s, scratch.bytes).written;
}

const decoder = new TextDecoder();

// An id whose end is a run of hex digits is stored as a number of its prefix (the text before the
// run) and the run's digits two to a byte: Kedu's ids (insp-, case- and 20 hex digits) take 12 bytes
// instead of 25, the demo's (IN000051913) 7 instead of 11. Anything else is stored as its UTF-8.
//   [EVEN | ODD] [prefix number: 1 byte below 128, else 2] [digits, two a byte; an odd run's last low half 0]
//   raw: the UTF-8 bytes, behind an ESCAPE byte when the first of them is below 0x03 (a control character)
const ESCAPE = 0x00;
const EVEN = 0x01;
const ODD = 0x02;
/** The shortest run stored as digits: a shorter one would name a prefix for every few ids (a USCC's check digit). */
const MIN_RUN = 6;
/** Prefixes a PackedIds numbers; an id of another prefix past them is stored raw. */
const MAX_PREFIXES = 1 << 14;
const HEX = '0123456789abcdef';
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) NIBBLE[HEX.charCodeAt(i)] = i;
const HEX_CODES = Uint8Array.from(HEX, (c) => c.charCodeAt(0));

/** Where the run of lower-case hex digits that ends `s` starts. */
function runStart(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c >= 128 || NIBBLE[c] < 0) break;
    i--;
  }
  return i;
}

const digits = { codes: new Uint8Array(64) };

export class PackedIds {
  private bytes = new Uint8Array(1 << 14);
  /**
   * While every id's stored form has one length (`width`), row r is at r × width and no ends are kept:
   * a table's Kedu ids all take 12 bytes, the demo's 7. The first id of another length writes `ends`.
   */
  private width = -1;
  /** Where each id ends in `bytes` (it starts where the previous one ends); empty while the width is one. */
  private ends = new Int32Array(0);
  private count = 0;
  private readonly prefixNumbers = new Map<string, number>();
  private readonly prefixes: string[] = [];

  get size(): number {
    return this.count;
  }

  /**
   * Writes the form `id` is stored in into the scratch buffer: its length in bytes; -1 when no id held
   * can be `id` (its prefix is not numbered, and `learn` is false).
   */
  private form(id: string, learn: boolean): number {
    const t = runStart(id);
    if (id.length - t >= MIN_RUN) {
      const prefix = id.slice(0, t);
      let p = this.prefixNumbers.get(prefix);
      if (p === undefined && this.prefixes.length < MAX_PREFIXES) {
        if (!learn) return -1;
        p = this.prefixes.length;
        this.prefixes.push(prefix);
        this.prefixNumbers.set(prefix, p);
      }
      if (p !== undefined) {
        const run = id.length - t;
        if (scratch.bytes.length < run + 3) scratch.bytes = new Uint8Array(run + 3);
        const b = scratch.bytes;
        let k = 0;
        b[k++] = run & 1 ? ODD : EVEN;
        if (p < 0x80) b[k++] = p;
        else {
          b[k++] = 0x80 | (p >> 8);
          b[k++] = p & 0xff;
        }
        for (let i = t; i < id.length; i += 2)
          b[k++] = (NIBBLE[id.charCodeAt(i)] << 4) | (i + 1 < id.length ? NIBBLE[id.charCodeAt(i + 1)] : 0);
        return k;
      }
    }
    const n = encode(id);
    if (n > 0 && scratch.bytes[0] <= ODD) {
      scratch.bytes.copyWithin(1, 0, n);
      scratch.bytes[0] = ESCAPE;
      return n + 1;
    }
    return n;
  }

  private start(row: number): number {
    if (this.width >= 0) return row * this.width;
    return row ? this.ends[row - 1] : 0;
  }

  private end(row: number): number {
    return this.width >= 0 ? (row + 1) * this.width : this.ends[row];
  }

  /** Whether the row is stored as a prefix and digits. */
  private isRun(row: number): boolean {
    const s = this.start(row);
    return this.end(row) > s && (this.bytes[s] === EVEN || this.bytes[s] === ODD);
  }

  /** Appends an id: its row. */
  add(id: string): number {
    const n = this.form(id, true);
    const start = this.start(this.count);
    this.bytes = grow(this.bytes, start + n);
    this.bytes.set(scratch.bytes.subarray(0, n), start);
    if (this.count === 0) this.width = n;
    else if (this.width >= 0 && n !== this.width) {
      this.ends = new Int32Array(Math.max(1024, Math.ceil((this.count + 1) * 1.25)));
      for (let r = 0; r < this.count; r++) this.ends[r] = (r + 1) * this.width;
      this.width = -1;
    }
    if (this.width < 0) {
      this.ends = grow(this.ends, this.count + 1);
      this.ends[this.count] = start + n;
    }
    return this.count++;
  }

  /** Cut to what it holds (`shrinkToFit`), once loaded. */
  shrinkToFit(): void {
    this.bytes = shrinkToFit(this.bytes, this.start(this.count));
    if (this.width < 0) this.ends = shrinkToFit(this.ends, this.count);
  }

  get(row: number): string {
    let k = this.start(row);
    const end = this.end(row);
    const first = this.bytes[k];
    if (end === k || first > ODD) return decoder.decode(this.bytes.subarray(k, end));
    if (first === ESCAPE) return decoder.decode(this.bytes.subarray(k + 1, end));
    k++;
    let p = this.bytes[k++];
    if (p & 0x80) p = ((p & 0x7f) << 8) | this.bytes[k++];
    const run = 2 * (end - k) - (first === ODD ? 1 : 0);
    if (digits.codes.length < run) digits.codes = new Uint8Array(run);
    const c = digits.codes;
    for (let i = 0; i < run; i++) {
      const v = this.bytes[k + (i >> 1)];
      c[i] = HEX_CODES[i & 1 ? v & 15 : v >> 4];
    }
    return this.prefixes[p] + decoder.decode(c.subarray(0, run));
  }

  /**
   * Rows `a` and `b`'s ids in the order JS compares strings (UTF-16 code units), negative if `a`'s is
   * first. Two ids of one prefix and one length compare in their digit bytes (hex digits' codes are in
   * the order of their values); two raw ids in their bytes up to where they first differ in an ASCII
   * byte (an id of the import's formats always); where both bytes there are past ASCII, UTF-8's order
   * (code points) and UTF-16's can differ (𝒳 U+1D4B3 against ｘ U+FF58), and the two are compared
   * decoded, as ids stored in two forms are.
   */
  compare(a: number, b: number): number {
    const aEnd = this.end(a);
    const bEnd = this.end(b);
    let i = this.start(a);
    let j = this.start(b);
    const aRun = this.isRun(a);
    const bRun = this.isRun(b);
    const aRaw = !aRun && (aEnd === i || this.bytes[i] > ODD);
    const bRaw = !bRun && (bEnd === j || this.bytes[j] > ODD);
    const sameShape = aRun && bRun && aEnd - i === bEnd - j && this.bytes[i] === this.bytes[j];
    if (sameShape || (aRaw && bRaw)) {
      for (; i < aEnd && j < bEnd; i++, j++) {
        const x = this.bytes[i];
        const y = this.bytes[j];
        if (x === y) continue;
        // Of one shape: the prefix numbers differ (decode), or the digits (their order).
        if (sameShape) return this.prefixEnd(a) > i ? this.decoded(a, b) : x - y;
        // An ASCII byte starts a character: the bytes before it are whole characters, the same in both.
        if (x < 0x80 || y < 0x80) return x - y;
        return this.decoded(a, b);
      }
      // One is the start of the other: the shorter first.
      return aEnd - i - (bEnd - j);
    }
    return this.decoded(a, b);
  }

  /** Where a run row's digits start in `bytes`. */
  private prefixEnd(row: number): number {
    const s = this.start(row);
    return s + (this.bytes[s + 1] & 0x80 ? 3 : 2);
  }

  private decoded(a: number, b: number): number {
    const s = this.get(a);
    const t = this.get(b);
    return s < t ? -1 : s > t ? 1 : 0;
  }

  /** Whether row `row` holds `id`, compared in its stored form. */
  is(row: number, id: string): boolean {
    const n = this.form(id, false);
    return n >= 0 && this.equalsForm(row, n);
  }

  /** Whether row `row` holds the `n` bytes last written into the scratch buffer. */
  private equalsForm(row: number, n: number): boolean {
    const start = this.start(row);
    if (this.end(row) - start !== n) return false;
    const { bytes } = scratch;
    for (let k = 0; k < n; k++) if (this.bytes[start + k] !== bytes[k]) return false;
    return true;
  }

  /** The hash (FNV-1a over its UTF-16 units) of `id`, and the row holding it if `table` (an open-addressed index of rows + 1) has it. */
  find(table: Int32Array, id: string): { slot: number; row: number } {
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
    const n = this.form(id, false);
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = table[slot] - 1;
      if (r < 0 || (n >= 0 && this.equalsForm(r, n))) return { slot, row: r };
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
