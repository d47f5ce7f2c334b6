// The inspections the windowed inspection models look back over, by entity, in columns: typed arrays for
// dates and interned codes, one string per id. Row objects cost about 140 bytes an inspection; this
// layout about half that (city scale: 1.4 million inspections).
import { TARGETED_KINDS } from '../library/sql-fragments.ts';

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
}

// A quarter more at a time: doubling left up to half of 1.4 million rows' columns empty.
function grow<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, Math.ceil(a.length * 1.25)));
  b.set(a);
  return b;
}

export class InspectionLog {
  readonly strings = new Interner();
  readonly ids: string[] = [];
  day = new Int32Array(1024);
  agency = new Int32Array(1024);
  region = new Int32Array(1024);
  item = new Int32Array(1024);
  joint = new Int32Array(1024); // -1: not part of a joint inspection
  flags = new Uint8Array(1024);
  private readonly byEntity = new Map<string, number[]>();

  get size(): number {
    return this.ids.length;
  }

  /** Adds an inspection, or overwrites the entity's row of the same id (a re-sent record; `isNew`: known not to be one). Returns its row. */
  put(r: LoggedInspection, isNew = false): number {
    let rows = this.byEntity.get(r.entity_uscc);
    if (!rows) this.byEntity.set(r.entity_uscc, (rows = []));
    let i = isNew ? undefined : rows.find((x) => this.ids[x] === r.id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(r.id);
      const n = i + 1;
      this.day = grow(this.day, n);
      this.agency = grow(this.agency, n);
      this.region = grow(this.region, n);
      this.item = grow(this.item, n);
      this.joint = grow(this.joint, n);
      this.flags = grow(this.flags, n);
      rows.push(i);
    }
    this.day[i] = r.day;
    this.agency[i] = this.strings.id(r.agency_id);
    this.region[i] = this.strings.id(r.region_code);
    this.item[i] = this.strings.id(r.inspection_item_code);
    this.joint[i] = r.joint_id === null ? -1 : this.strings.id(r.joint_id);
    this.flags[i] =
      (r.kind === 'joint' ? JOINT_KIND : 0) | (TARGETED.has(r.kind) ? TARGETED_KIND : 0) | (r.result === 'compliant' ? COMPLIANT : 0);
    return i;
  }

  /** The rows of one entity, in no particular order. */
  of(entity: string): readonly number[] {
    return this.byEntity.get(entity) ?? [];
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
  byDateThenId = (a: number, b: number): number =>
    this.day[a] - this.day[b] || (this.ids[a] < this.ids[b] ? -1 : this.ids[a] > this.ids[b] ? 1 : 0);
}
