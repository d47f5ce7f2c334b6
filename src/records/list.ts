// Reading records back, always through the records policy (src/policy/records.ts): who may list a
// kind at all, the one scope condition a query carries, and personal data masked per role. A page of a
// kind is searched, filtered and sorted (list-query.ts); a page and a record carry the names of the
// codes a record holds (agency, entity, region, item, officers …), so no list or export shows a bare code.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize, can, presentRecord, recordScope } from '../policy/index.ts';
import { unsealRow } from '../privacy/personal-data.ts';
import { KIND_SPECS, type Kind } from './registry.ts';
import { listProblem, recordConditions, recordNames, recordOrder, type RecordQuery } from './list-query.ts';
import type { RecordKindSpec } from './types.ts';

/** Personal data opened (it is sealed at rest, src/privacy) and masked as the caller may see it (src/policy). */
const present = <T extends Record<string, unknown>>(caller: Caller, kind: Kind, row: T): T =>
  presentRecord(caller, kind, unsealRow(KIND_SPECS[kind].table, row));

/** Words, region, agency, date range, coded columns and sort (list-query.ts). */
export type ListFilter = RecordQuery;

export interface RecordPage {
  total: number;
  page: number;
  pageSize: number;
  rows: Record<string, unknown>[];
  /** What the caller may do with the kind (the console's buttons). */
  can: { export: boolean; import: boolean };
}

const tableColumns = new Map<string, Promise<string[]>>();
/** The columns of a kind's table (what a list may be sorted by), read once per kind. */
function columnsOf(store: Store, spec: RecordKindSpec): Promise<string[]> {
  let pending = tableColumns.get(spec.table);
  if (!pending) {
    pending = store.columns(sql`SELECT * FROM ${raw(spec.table)}`).then((cs) => cs.map((c) => c.name));
    pending.catch(() => tableColumns.delete(spec.table));
    tableColumns.set(spec.table, pending);
  }
  return pending;
}

/** Thrown for a list query the kind cannot answer (a sort or filter on a column it does not have): [field, Chinese message]. */
export class ListQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export async function listRecords(
  store: Store,
  caller: Caller,
  kind: Kind,
  page: number,
  pageSize: number,
  filter: ListFilter = {},
): Promise<RecordPage> {
  authorize(caller, 'list', { type: 'records', kind });
  const spec = KIND_SPECS[kind];
  if (spec.listOrder === null) throw new Error(`kind ${kind} is not listed`);
  const problem = listProblem(kind, await columnsOf(store, spec), filter);
  if (problem) throw new ListQueryError(problem[0], problem[1]);
  const where = joinSql([(await recordScope(store, caller, kind))('t'), ...recordConditions(kind, filter)], ' AND ');
  const order = recordOrder(kind, spec.listOrder, filter);
  const names = recordNames(kind, 'page_rows');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(spec.table)} t WHERE ${where}`);
  // The page first, then the names of its codes (recordNames; the officers read for the page's codes
  // only): joins over the whole table would cost what the page does not need. A CTE, which the officer
  // lookups read too; Citus plans it (a distributed table, cut by LIMIT) on its own and joins the
  // replicated reference tables to its result. The page is not cut on its order columns and key first and
  // its rows fetched after: DuckDB does that itself (a TOP_N over them, then the rows by rowid), and
  // spelling it out measured slower (a city's county, inspections: 10 ms; the keys joined back 18 ms, an
  // IN over them 13 ms, the keys and then their rows in two statements 15 ms).
  const rows = await store.query<Record<string, unknown>>(sql`
    WITH page_rows AS (SELECT t.* FROM ${raw(spec.table)} t WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
    SELECT t.*${names.columns} FROM page_rows t${names.joins}
    ORDER BY ${order}`);
  return {
    total: Number(total.n),
    page,
    pageSize,
    rows: rows.map((r) => present(caller, kind, r)),
    can: { export: can(caller, 'export', { type: 'records', kind }), import: can(caller, 'import', { type: 'records', kind }) },
  };
}

export type RecordLookup =
  { found: false } | { found: true; visible: false } | { found: true; visible: true; record: Record<string, unknown> };

/**
 * One record by its id: not found, found outside what the caller may read, or the record (personal
 * data masked). A role that reads no records of the kind at all is refused (403) before the lookup.
 */
export async function getRecord(store: Store, caller: Caller, kind: Kind, id: string): Promise<RecordLookup> {
  authorize(caller, 'read', { type: 'records', kind });
  const spec = KIND_SPECS[kind];
  const scope = await recordScope(store, caller, kind);
  const names = recordNames(kind);
  // The scope as the query's condition, not as a value beside the names' outer joins: a scope that reaches
  // the agency through another record table (a delivery through its case) is a subquery, which Citus
  // runs as a condition only. Only a miss asks again whether the record exists at all.
  const [record] = await store.query<Record<string, unknown>>(
    sql`SELECT t.*${names.columns} FROM ${raw(spec.table)} t${names.joins} WHERE t.${raw(spec.idColumn)} = ${id} AND ${scope('t')}`,
  );
  if (!record) {
    const [exists] = await store.query(sql`SELECT 1 AS x FROM ${raw(spec.table)} t WHERE t.${raw(spec.idColumn)} = ${id}`);
    return exists ? { found: true, visible: false } : { found: false };
  }
  return { found: true, visible: true, record: present(caller, kind, record) };
}
