// Reading records back, always scoped to the caller (scope.ts): a page of a kind — searched, filtered
// and sorted (list-query.ts) — or one record. Both carry the names of the codes a record holds
// (agency, entity, region, item, officers …), so neither the console nor an export shows a bare code.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { revealRow } from '../privacy/personal-data.ts';
import { KIND_SPECS, type Kind } from './registry.ts';
import { recordScope } from './scope.ts';
import { listProblem, recordConditions, recordNames, recordOrder, type RecordQuery } from './list-query.ts';
import type { RecordKindSpec } from './types.ts';

/** Personal data opened (it is sealed at rest) and masked as the caller may see it (src/privacy). */
const present = (caller: Caller, spec: RecordKindSpec, row: Record<string, unknown>) => revealRow(caller, spec.table, row);

/** Words, region, agency, date range, coded columns and sort (list-query.ts). */
export type ListFilter = RecordQuery;

export interface RecordPage {
  total: number;
  page: number;
  pageSize: number;
  rows: Record<string, unknown>[];
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
  const spec = KIND_SPECS[kind];
  if (spec.listOrder === null) throw new Error(`kind ${kind} is not listed`);
  const problem = listProblem(kind, await columnsOf(store, spec), filter);
  if (problem) throw new ListQueryError(problem[0], problem[1]);
  const where = joinSql([recordScope(caller, spec, 't'), ...recordConditions(kind, filter)], ' AND ');
  const order = recordOrder(kind, spec.listOrder, filter);
  const names = recordNames(kind);
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(spec.table)} t WHERE ${where}`);
  // The page first, then the names of its codes: joins over the whole table would cost what the page does not need.
  const rows = await store.query<Record<string, unknown>>(sql`
    SELECT t.*${names.columns} FROM (SELECT t.* FROM ${raw(spec.table)} t WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) t${names.joins}
    ORDER BY ${order}`);
  return { total: Number(total.n), page, pageSize, rows: rows.map((r) => present(caller, spec, r)) };
}

export type RecordLookup =
  { found: false } | { found: true; visible: false } | { found: true; visible: true; record: Record<string, unknown> };

/** One record by its id: not found, found outside the caller's jurisdiction, or the record (personal data masked). */
export async function getRecord(store: Store, caller: Caller, kind: Kind, id: string): Promise<RecordLookup> {
  const spec = KIND_SPECS[kind];
  const key = raw(`t.${spec.idColumn}`);
  const names = recordNames(kind);
  const [row] = await store.query<Record<string, unknown>>(
    sql`SELECT t.*${names.columns} FROM ${raw(spec.table)} t${names.joins} WHERE ${key} = ${id}`,
  );
  if (!row) return { found: false };
  const [inScope] = await store.query(
    sql`SELECT 1 AS ok FROM ${raw(spec.table)} t WHERE ${key} = ${id} AND ${recordScope(caller, spec, 't')}`,
  );
  if (!inScope) return { found: true, visible: false };
  return { found: true, visible: true, record: present(caller, spec, row) };
}
