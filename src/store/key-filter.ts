// Which keys a record table holds, kept in memory for records pushed one by one through the API on
// DuckDB: the merge must know whether a pushed record's key is stored already, and DuckDB keeps no
// index on the record tables (dialect.ts), so asking costs a scan of the key columns (inspections at
// city scale, 1.43 million rows: ~10 ms at load 5, the costliest statement of a push).
//
// The filter holds a 32-bit hash (md5's first 8 hex digits) of every stored key. It may say "maybe"
// for a key that is not stored (a hash shared with another key, a record deleted or rolled back since):
// the merge then asks the table, as it always did. It must never say "no" for a stored key, or a key
// would be stored twice. So:
//  - it is loaded only in a transaction that holds every audit chain (audit-log.ts withAudit with
//    EVERY_CHAIN, which every import's lock excludes): no other import is inside a transaction while it
//    is read, so the table then holds every key stored. A push of one city, which holds its city's
//    chain only, uses a filter already loaded and never loads one (imports of other cities run beside it);
//  - a push adds its keys when its rows are inserted (before its commit: a rollback leaves a "maybe");
//  - any other insert into the table through the merge (a file, a writer's own key) drops the table's
//    filter inside its transaction, before the lock is let go;
//  - whoever writes a record table outside the import drops the real-time state
//    (invalidateRealtimeState), which drops the store's filters too.
// DuckDB only: one process writes a DuckDB file. On PostgreSQL other app servers insert too, and the
// unique index on the key answers the question by itself.
import type { Store } from './store.ts';
import { hash } from 'node:crypto';

/** Key fields joined by a character no key holds in practice; a key that does collides at worst ("maybe"). */
const SEPARATOR = '\x1f';

/** The 32-bit hash of a key (its values in key order), as `keyHexSql` computes it in SQL; null when a value is null (no stored key equals it). */
export function keyHash(values: readonly (string | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  return parseInt(hash('md5', values.join(SEPARATOR)).slice(0, 8), 16);
}

/** The same hash over the key columns in SQL, as its 8 lower-case hex digits (NULL when a column is). */
const keyHexSql = (columns: readonly string[]): string => `substr(md5(${columns.join(` || chr(31) || `)}), 1, 8)`;

/** An open-addressing set of 32-bit hashes (0 marks an empty slot: the hash 0 is kept as 1). */
export class KeyFilter {
  private slots: Uint32Array;
  private count = 0;
  constructor(
    readonly columns: readonly string[],
    expected = 0,
  ) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Uint32Array(size);
  }

  get size(): number {
    return this.count;
  }

  add(h: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.put(h || 1);
  }

  /** False: no stored key has this hash. True: maybe one has. */
  has(h: number): boolean {
    const v = h || 1;
    const mask = this.slots.length - 1;
    for (let i = v & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (s === v) return true;
      if (s === 0) return false;
    }
  }

  private put(v: number): void {
    const mask = this.slots.length - 1;
    for (let i = v & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (s === v) return;
      if (s === 0) {
        this.slots[i] = v;
        this.count++;
        return;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (const v of old) if (v) this.put(v);
  }
}

/** Per store location, per table: its filter. */
const filters = new Map<string, Map<string, KeyFilter>>();

/**
 * The filter of `table`'s key `columns`; null when the store is not DuckDB. When missing, it is loaded
 * (one scan of the key columns) if `mayLoad` — `tx` holds every audit chain (see above) — and null
 * otherwise (the merge then asks the table).
 */
export async function storedKeys(tx: Store, table: string, columns: readonly string[], mayLoad: boolean): Promise<KeyFilter | null> {
  if (tx.dialect.name !== 'duckdb') return null;
  const byTable = filters.get(tx.location) ?? filters.set(tx.location, new Map()).get(tx.location)!;
  const known = byTable.get(table);
  if (known && known.columns.join() === columns.join()) return known;
  if (!mayLoad) return null;
  // One text of 8 hex digits a key (NULL keys are skipped by string_agg): a row a key, as objects, took
  // 8.7 s for inspections at city scale (1.43 million, load 7); this ~1.1 s, the SQL 0.7 of it.
  const [row] = await tx.query<{ hex: string | null }>(`SELECT string_agg(${keyHexSql(columns)}, '') AS hex FROM ${table}`);
  const hex = row?.hex ?? '';
  const filter = new KeyFilter(columns, hex.length / 8);
  for (let i = 0; i < hex.length; i += 8) {
    let h = 0;
    for (let j = i; j < i + 8; j++) {
      const c = hex.charCodeAt(j);
      h = h * 16 + (c <= 57 ? c - 48 : c - 87);
    }
    filter.add(h);
  }
  byTable.set(table, filter);
  return filter;
}

/** Drops the filter of `table` (rows were inserted that it does not hold), or every filter of the store. */
export function forgetStoredKeys(location: string, table?: string): void {
  if (table === undefined) filters.delete(location);
  else filters.get(location)?.delete(table);
}

/** Whether a filter of the table is held (tests). */
export function holdsStoredKeys(location: string, table: string): boolean {
  return filters.get(location)?.has(table) ?? false;
}
