// The inspections the windowed inspection models look back over, by entity, in columns: typed arrays for
// dates and interned codes, the ids packed (packed-ids.ts), an entity's rows chained through `next`.
// Row objects cost about 140 bytes an inspection; this layout about 37 (city scale: 1.4 million
// inspections).
import { TARGETED_KINDS } from '../library/sql-fragments.ts';
import { grow, shrinkToFit, IdIndex, PackedIds } from './packed-ids.ts';

/** Strings that repeat (agency ids, region codes, item codes, joint ids) stored once, named by number. */
export class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** The one stored copy of a string. */
  str(s: string): string {
    return this.values[this.id(s)];
  }
}

export const JOINT_KIND = 1; // kind = 'joint'
export const TARGETED_KIND = 2; // kind = 'complaint' | 'referral' | 'monitoring' (targeted inspections)
export const COMPLIANT = 4; // result = 'compliant'
/** kind = 'random' as the record states it (双随机): a joint task's code makes the row JOINT_KIND, not this. */
export const RANDOM_KIND = 8;
const TARGETED = new Set<string>(TARGETED_KINDS);

/** The columns of an inspection the log keeps, as the record tables store them. */
export interface LoggedInspection {
  id: string;
  entity_uscc: string;
  agency_id: string;
  region_code: string;
  inspection_item_code: string;
  day: number;
  kind: string;
  result: string;
  joint_id: string | null;
  /** The record's own kind is 'random' (`kind` above may say joint: a joint task's code). */
  random?: boolean;
}

export class InspectionLog {
  /** Agency ids, region codes and inspection item codes, numbered: a few thousand, two bytes a row each (four past 65,536). */
  readonly strings = new Interner();
  /** Joint inspection ids, numbered apart and packed: one per joint visit, too many for two bytes. */
  readonly joints = new IdIndex();
  readonly ids = new PackedIds();
  /** Day numbers (days since 1970-01-01): two bytes a row until 2149; a day outside that widens the column to four. */
  day: Uint16Array | Int32Array = new Uint16Array(1024);
  agency: Uint16Array | Int32Array = new Uint16Array(1024);
  region: Uint16Array | Int32Array = new Uint16Array(1024);
  item: Uint16Array | Int32Array = new Uint16Array(1024);
  joint = new Int32Array(1024); // -1: not part of a joint inspection
  flags = new Uint8Array(1024);
  /** The entity's previous row (-1: its first): an array an entity cost 50 bytes and 8 a row. */
  private next = new Int32Array(1024);
  /** Each entity's last row, by the entity's row in the state's entity index (shared with the names and the cases). */
  private last = new Int32Array(1024).fill(-1);

  /** `entities`: the USCCs numbered once for the whole state (a Map keyed by USCC cost 45 bytes an entity more). */
  constructor(private readonly entities: IdIndex = new IdIndex()) {}

  get size(): number {
    return this.ids.size;
  }

  id(row: number): string {
    return this.ids.get(row);
  }

  /** Adds an inspection, or overwrites the entity's row of the same id (a re-sent record; `isNew`: known not to be one). Returns its row. */
  put(r: LoggedInspection, isNew = false): number {
    const e = this.entities.add(r.entity_uscc);
    if (e >= this.last.length) {
      const size = this.last.length;
      this.last = grow(this.last, e + 1);
      this.last.fill(-1, size);
    }
    const last = this.last[e];
    let i = -1;
    if (!isNew) for (let x = last; x >= 0 && i < 0; x = this.next[x]) if (this.ids.is(x, r.id)) i = x;
    if (i < 0) {
      i = this.ids.add(r.id);
      const n = i + 1;
      this.day = grow(this.day, n);
      this.agency = grow(this.agency, n);
      this.region = grow(this.region, n);
      this.item = grow(this.item, n);
      this.joint = grow(this.joint, n);
      this.flags = grow(this.flags, n);
      this.next = grow(this.next, n);
      this.next[i] = last;
      this.last[e] = i;
    }
    if ((r.day < 0 || r.day > 0xffff) && this.day instanceof Uint16Array) this.day = Int32Array.from(this.day);
    this.day[i] = r.day;
    const [agency, region, item] = [this.strings.id(r.agency_id), this.strings.id(r.region_code), this.strings.id(r.inspection_item_code)];
    if (this.strings.values.length > 0xffff && this.agency instanceof Uint16Array) {
      this.agency = Int32Array.from(this.agency);
      this.region = Int32Array.from(this.region);
      this.item = Int32Array.from(this.item);
    }
    this.agency[i] = agency;
    this.region[i] = region;
    this.item[i] = item;
    this.joint[i] = r.joint_id === null ? -1 : this.joints.add(r.joint_id);
    this.flags[i] =
      (r.kind === 'joint' ? JOINT_KIND : 0) |
      (TARGETED.has(r.kind) ? TARGETED_KIND : 0) |
      (r.result === 'compliant' ? COMPLIANT : 0) |
      (r.random ? RANDOM_KIND : 0);
    return i;
  }

  /** Cut every column to the rows it holds, once loaded. */
  shrinkToFit(): void {
    const n = this.size;
    this.ids.shrinkToFit();
    this.joints.shrinkToFit();
    this.day = shrinkToFit(this.day, n);
    this.agency = shrinkToFit(this.agency, n);
    this.region = shrinkToFit(this.region, n);
    this.item = shrinkToFit(this.item, n);
    this.joint = shrinkToFit(this.joint, n);
    this.flags = shrinkToFit(this.flags, n);
    this.next = shrinkToFit(this.next, n);
  }

  /** The rows of one entity, in the order they came. */
  of(entity: string): number[] {
    return this.ofRow(this.entities.rowOf(entity)).reverse();
  }

  /** The rows of the entity at row `e` of the entity index, the last first (-1: none). */
  ofRow(e: number): number[] {
    const rows: number[] = [];
    for (let x = this.lastOf(e); x >= 0; x = this.before(x)) rows.push(x);
    return rows;
  }

  /** The last row of the entity at row `e` of the entity index (-1: none): with `before`, its rows without an array. */
  lastOf(e: number): number {
    return e < 0 || e >= this.last.length ? -1 : this.last[e];
  }

  /** The row of the same entity before `row` (-1: none). */
  before(row: number): number {
    return this.next[row];
  }

  str(i: number): string {
    return this.strings.values[i];
  }
  agencyOf(row: number): string {
    return this.strings.values[this.agency[row]];
  }
  regionOf(row: number): string {
    return this.strings.values[this.region[row]];
  }

  /** Orders rows as the models' SQL orders evidence: by date, then id. */
  byDateThenId = (a: number, b: number): number => {
    if (this.day[a] !== this.day[b]) return this.day[a] - this.day[b];
    return this.ids.compare(a, b);
  };
}
