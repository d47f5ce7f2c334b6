// The 检查对象名录 (inspection_objects) as the credit checks read it: per agency, the entities it classes
// and their credit class (INS_GOOD_CREDIT_OVERCHECKED asks whether an agency classes an entity A;
// INS_RISK_INVERTED counts an agency's classed entries and those classed C or D, and walks them to find
// its draws of classed entities). Only classed entries are kept: an entry without a class counts for
// neither model, as one the directory does not list. Per agency the entities' rows (in the state's
// entity index) sorted, and a byte of class beside each: 5 bytes an entry (a Map keyed by agency and
// USCC would cost about 80).
import type { Interner } from './inspection-log.ts';
import { grow, shrinkToFit, type IdIndex } from './packed-ids.ts';

export const CREDIT_A = 1;
export const CREDIT_B = 2;
export const CREDIT_C = 3;
export const CREDIT_D = 4;
const CODES: Record<string, number> = { A: CREDIT_A, B: CREDIT_B, C: CREDIT_C, D: CREDIT_D };

/** A credit class as stored ('A' … 'D'; anything else, as NULL, is not a class): its code, 0 for none. */
export const creditCode = (c: string | null | undefined): number => (c ? (CODES[c] ?? 0) : 0);
export const isPoor = (code: number): boolean => code === CREDIT_C || code === CREDIT_D;

/** One agency's classed entries. */
export interface AgencyDirectory {
  /** Entity rows, ascending; `size` of them used. */
  entities: Int32Array;
  classes: Uint8Array;
  size: number;
  /** Entries classed C or D. */
  poor: number;
}

export class InspectionDirectory {
  /** By agency, numbered in `strings` (the inspection log's, so that a log row's agency compares as a number). */
  private readonly byAgency = new Map<number, AgencyDirectory>();

  constructor(
    private readonly entities: IdIndex,
    private readonly strings: Interner,
  ) {}

  /** Entries held (classed ones). */
  get size(): number {
    let n = 0;
    for (const d of this.byAgency.values()) n += d.size;
    return n;
  }

  /** Entries being loaded, per agency: entity row and class in one number (rows stay below 2^31: 2^34 < 2^53). */
  private loading: Map<number, number[]> | null = null;

  /** Adds an entry while loading (any order, each (agency, entity) once); `loaded` then sorts them. */
  load(agency: string, entity: string, credit: string | null): void {
    const code = creditCode(credit);
    if (!code) return;
    const a = this.strings.id(agency);
    this.loading ??= new Map();
    let list = this.loading.get(a);
    if (!list) this.loading.set(a, (list = []));
    list.push(this.entities.add(entity) * 8 + code);
  }

  /** The entries loaded, sorted: from here on `set` keeps them so. */
  loaded(): void {
    for (const [a, list] of this.loading ?? []) {
      const keys = Float64Array.from(list).sort();
      list.length = 0;
      const d: AgencyDirectory = { entities: new Int32Array(keys.length), classes: new Uint8Array(keys.length), size: 0, poor: 0 };
      for (const k of keys) {
        const e = Math.floor(k / 8);
        const code = k % 8;
        // The same entry twice (the key is unique in the table): the last one counts.
        if (d.size > 0 && d.entities[d.size - 1] === e) {
          if (isPoor(d.classes[d.size - 1])) d.poor--;
          d.classes[d.size - 1] = code;
        } else {
          d.entities[d.size] = e;
          d.classes[d.size++] = code;
        }
        if (isPoor(code)) d.poor++;
      }
      d.entities = shrinkToFit(d.entities, d.size);
      d.classes = shrinkToFit(d.classes, d.size);
      this.byAgency.set(a, d);
    }
    this.loading = null;
  }

  /** An entry as it now stands (pushed through the API): its class, or none (NULL) to leave the classed entries. */
  set(agency: string, entity: string, credit: string | null): void {
    const code = creditCode(credit);
    const a = this.strings.id(agency);
    let d = this.byAgency.get(a);
    if (!d) {
      if (!code) return;
      this.byAgency.set(a, (d = { entities: new Int32Array(16), classes: new Uint8Array(16), size: 0, poor: 0 }));
    }
    const e = this.entities.add(entity);
    const i = find(d, e);
    if (i >= 0) {
      if (isPoor(d.classes[i])) d.poor--;
      if (code) {
        d.classes[i] = code;
        if (isPoor(code)) d.poor++;
      } else {
        d.entities.copyWithin(i, i + 1, d.size);
        d.classes.copyWithin(i, i + 1, d.size);
        d.size--;
      }
      return;
    }
    if (!code) return;
    const at = -i - 1;
    d.entities = grow(d.entities, d.size + 1);
    d.classes = grow(d.classes, d.size + 1);
    d.entities.copyWithin(at + 1, at, d.size);
    d.classes.copyWithin(at + 1, at, d.size);
    d.entities[at] = e;
    d.classes[at] = code;
    d.size++;
    if (isPoor(code)) d.poor++;
  }

  /** The agency's classed entries (by its number in the log's strings), if it has any. */
  of(agency: number): AgencyDirectory | undefined {
    const d = this.byAgency.get(agency);
    return d && d.size > 0 ? d : undefined;
  }

  /** The class the agency gives the entity at row `entity` of the entity index: 0 if none. */
  classOf(agency: number, entity: number): number {
    const d = this.byAgency.get(agency);
    if (!d || entity < 0) return 0;
    const i = find(d, entity);
    return i >= 0 ? d.classes[i] : 0;
  }
}

/** The index of entity row `e` in the agency's entries, or −(where it would go) − 1. */
function find(d: AgencyDirectory, e: number): number {
  let lo = 0;
  let hi = d.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = d.entities[mid];
    if (x < e) lo = mid + 1;
    else if (x > e) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}
