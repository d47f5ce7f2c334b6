// Reading records back, always scoped to the caller (scope.ts): a page of a kind, or one record.
// Lists carry the names of the agency and entity a record refers to, so a page needs no lookups.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { revealRow } from '../privacy/personal-data.ts';
import { KIND_SPECS, type Kind } from './registry.ts';
import { recordScope } from './scope.ts';
import type { RecordKindSpec } from './types.ts';

const hasField = (spec: RecordKindSpec, name: string) => spec.fields.some((f) => f.name === name);
const withAgency = (spec: RecordKindSpec) => spec.fields.some((f) => f.name === 'agency_id' && f.ref === 'agency');
const withEntity = (spec: RecordKindSpec) => hasField(spec, 'entity_uscc');

const nameColumns = (spec: RecordKindSpec) =>
  (withAgency(spec) ? ', ag.name AS agency_name' : '') + (withEntity(spec) ? ', en.name AS entity_name' : '');
const nameJoins = (spec: RecordKindSpec) =>
  (withAgency(spec) ? ' LEFT JOIN agencies ag ON ag.id = t.agency_id' : '') +
  (withEntity(spec) ? ' LEFT JOIN entities en ON en.uscc = t.entity_uscc' : '');

/** Personal data opened (it is sealed at rest) and masked as the caller may see it (src/privacy). */
const present = (caller: Caller, spec: RecordKindSpec, row: Record<string, unknown>) => revealRow(caller, spec.table, row);

export interface ListFilter {
  /** Searches the kind's name column (agencies, officers, entities). */
  q?: string;
  /** Only this region's subtree (intersected with the caller's). */
  regionCode?: string;
}

export interface RecordPage {
  total: number;
  page: number;
  pageSize: number;
  rows: Record<string, unknown>[];
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
  const conditions = [recordScope(caller, spec, 't')];
  if (filter.regionCode) conditions.push(sql`t.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  if (filter.q && hasField(spec, 'name')) conditions.push(sql`t.name LIKE ${'%' + filter.q.replace(/[%_]/g, '') + '%'}`);
  const where = joinSql(conditions, ' AND ');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(spec.table)} t WHERE ${where}`);
  const rows = await store.query<Record<string, unknown>>(sql`
    SELECT t.*${raw(nameColumns(spec))} FROM ${raw(spec.table)} t${raw(nameJoins(spec))} WHERE ${where}
    ORDER BY t.${raw(spec.listOrder)} DESC, t.${raw(spec.idColumn)}
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { total: Number(total.n), page, pageSize, rows: rows.map((r) => present(caller, spec, r)) };
}

export type RecordLookup =
  { found: false } | { found: true; visible: false } | { found: true; visible: true; record: Record<string, unknown> };

/** One record by its id: not found, found outside the caller's jurisdiction, or the record (personal data masked). */
export async function getRecord(store: Store, caller: Caller, kind: Kind, id: string): Promise<RecordLookup> {
  const spec = KIND_SPECS[kind];
  const key = raw(`t.${spec.idColumn}`);
  const [row] = await store.query<Record<string, unknown>>(sql`SELECT * FROM ${raw(spec.table)} t WHERE ${key} = ${id}`);
  if (!row) return { found: false };
  const [inScope] = await store.query(
    sql`SELECT 1 AS ok FROM ${raw(spec.table)} t WHERE ${key} = ${id} AND ${recordScope(caller, spec, 't')}`,
  );
  if (!inScope) return { found: true, visible: false };
  return { found: true, visible: true, record: present(caller, spec, row) };
}
