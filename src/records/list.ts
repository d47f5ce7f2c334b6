// Reading records back, always through the records policy (src/policy/records.ts): who may list a
// kind at all, the one scope condition a query carries, and personal data masked per role.
// Lists carry the names of the agency and entity a record refers to, so a page needs no lookups.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize, can, presentRecord, recordScope } from '../policy/index.ts';
import { unsealRow } from '../privacy/personal-data.ts';
import { KIND_SPECS, type Kind } from './registry.ts';
import type { RecordKindSpec } from './types.ts';

const hasField = (spec: RecordKindSpec, name: string) => spec.fields.some((f) => f.name === name);
const withAgency = (spec: RecordKindSpec) => spec.fields.some((f) => f.name === 'agency_id' && f.ref === 'agency');
const withEntity = (spec: RecordKindSpec) => hasField(spec, 'entity_uscc');

const nameColumns = (spec: RecordKindSpec) =>
  (withAgency(spec) ? ', ag.name AS agency_name' : '') + (withEntity(spec) ? ', en.name AS entity_name' : '');
const nameJoins = (spec: RecordKindSpec) =>
  (withAgency(spec) ? ' LEFT JOIN agencies ag ON ag.id = t.agency_id' : '') +
  (withEntity(spec) ? ' LEFT JOIN entities en ON en.uscc = t.entity_uscc' : '');

/** Personal data opened (it is sealed at rest, src/privacy) and masked as the caller may see it (src/policy). */
const present = <T extends Record<string, unknown>>(caller: Caller, kind: Kind, row: T): T =>
  presentRecord(caller, kind, unsealRow(KIND_SPECS[kind].table, row));

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
  /** What the caller may do with the kind (the console's buttons). */
  can: { export: boolean; import: boolean };
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
  const conditions = [(await recordScope(store, caller, kind))('t')];
  if (filter.regionCode) conditions.push(sql`t.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  if (filter.q && hasField(spec, 'name')) conditions.push(sql`t.name LIKE ${'%' + filter.q.replace(/[%_]/g, '') + '%'}`);
  const where = joinSql(conditions, ' AND ');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(spec.table)} t WHERE ${where}`);
  const rows = await store.query<Record<string, unknown>>(sql`
    SELECT t.*${raw(nameColumns(spec))} FROM ${raw(spec.table)} t${raw(nameJoins(spec))} WHERE ${where}
    ORDER BY t.${raw(spec.listOrder)} DESC, t.${raw(spec.idColumn)}
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
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
  const [row] = await store.query<Record<string, unknown> & { in_scope: number | boolean }>(
    sql`SELECT t.*, CASE WHEN ${scope('t')} THEN 1 ELSE 0 END AS in_scope FROM ${raw(spec.table)} t WHERE t.${raw(spec.idColumn)} = ${id}`,
  );
  if (!row) return { found: false };
  if (Number(row.in_scope) !== 1) return { found: true, visible: false };
  const { in_scope: _, ...record } = row;
  return { found: true, visible: true, record: present(caller, kind, record) };
}
