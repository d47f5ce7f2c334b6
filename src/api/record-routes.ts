// Read access to the records of the four business modules and the reference tables that hold
// jurisdiction-bound data, always scoped to the caller: a list is empty outside it, and a single
// record outside it is refused with 403.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import { regionPrefix, regionProblem } from '../domain/region.ts';
import { scopeFilter, type Caller } from '../auth/caller.ts';
import { revealRow } from '../privacy/personal-data.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

/** kind → [table, key column, agency column (null: region scope only), date column for ordering]. */
export const RECORD_KINDS = {
  licences: ['licences', 'id', 'agency_id', 'applied_on'],
  inspections: ['inspections', 'id', 'agency_id', 'inspected_on'],
  cases: ['cases', 'id', 'agency_id', 'filed_on'],
  deliveries: ['deliveries', 'id', null, 'sent_on'],
  payments: ['payments', 'id', null, 'due_on'],
  service_visits: ['service_visits', 'id', 'agency_id', 'visited_on'],
  hotline_tickets: ['hotline_tickets', 'id', 'agency_id', 'received_at'],
  delegations: ['delegations', 'id', 'agency_id', 'signed_on'],
  agencies: ['agencies', 'id', 'id', 'id'],
  officers: ['officers', 'id', 'agency_id', 'id'],
  entities: ['entities', 'uscc', null, 'uscc'],
  followup_answers: ['followup_answers', 'id', null, 'answered_at'],
} as const satisfies Record<string, readonly [string, string, string | null, string]>;
export type RecordKind = keyof typeof RECORD_KINDS;

// Lists carry the names of the agency and entity a record refers to, so a page needs no lookups.
const WITH_AGENCY = new Set<RecordKind>([
  'licences',
  'inspections',
  'cases',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'officers',
]);
const WITH_ENTITY = new Set<RecordKind>(['licences', 'inspections', 'cases', 'service_visits', 'hotline_tickets']);
const nameColumns = (k: RecordKind) =>
  (WITH_AGENCY.has(k) ? ', ag.name AS agency_name' : '') + (WITH_ENTITY.has(k) ? ', en.name AS entity_name' : '');
const nameJoins = (k: RecordKind) =>
  (WITH_AGENCY.has(k) ? ' LEFT JOIN agencies ag ON ag.id = t.agency_id' : '') +
  (WITH_ENTITY.has(k) ? ' LEFT JOIN entities en ON en.uscc = t.entity_uscc' : '');

/** A row as the caller may see it: personal data opened and masked (src/privacy). */
const present = (caller: Caller, table: string, row: Record<string, unknown>) => revealRow(caller, table, row);

export interface ListFilter {
  q?: string;
  regionCode?: string;
}

/** Kinds with a name column that `q` searches (pickers for agencies, officers and entities). */
const NAMED = new Set<RecordKind>(['agencies', 'officers', 'entities']);

export async function listRecords(store: Store, caller: Caller, kind: RecordKind, page: number, pageSize: number, filter: ListFilter = {}) {
  const [table, , agencyCol, orderCol] = RECORD_KINDS[kind];
  const conditions = [scopeFilter(caller, 't', agencyCol)];
  if (filter.regionCode) conditions.push(sql`t.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  if (filter.q && NAMED.has(kind)) conditions.push(sql`t.name LIKE ${'%' + filter.q.replace(/[%_]/g, '') + '%'}`);
  const where = joinSql(conditions, ' AND ');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)} t WHERE ${where}`);
  const rows = await store.query<Record<string, unknown>>(sql`
    SELECT t.*${raw(nameColumns(kind))} FROM ${raw(table)} t${raw(nameJoins(kind))} WHERE ${where}
    ORDER BY t.${raw(orderCol)} DESC, t.${raw(RECORD_KINDS[kind][1])}
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { total: Number(total.n), page, pageSize, rows: rows.map((r) => present(caller, table, r)) };
}

export async function getRecord(store: Store, caller: Caller, kind: RecordKind, id: string) {
  const [table, key, agencyCol] = RECORD_KINDS[kind];
  const [row] = await store.query<Record<string, unknown>>(sql`SELECT * FROM ${raw(table)} t WHERE t.${raw(key)} = ${id}`);
  if (!row) throw notFound();
  const [inScope] = await store.query(
    sql`SELECT 1 AS ok FROM ${raw(table)} t WHERE t.${raw(key)} = ${id} AND ${scopeFilter(caller, 't', agencyCol)}`,
  );
  if (!inScope) throw forbidden();
  return present(caller, table, row);
}

export async function recordRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const Kind = Type.Union(Object.keys(RECORD_KINDS).map((k) => Type.Literal(k)));
  app.get(
    '/records/:kind',
    {
      schema: {
        tags: ['records'],
        summary: '执法数据列表（本辖区）',
        params: Type.Object({ kind: Kind }),
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
          q: Type.Optional(Type.String({ maxLength: 50, description: '按名称检索（执法主体、执法人员、经营主体）' })),
          regionCode: Type.Optional(Type.String({ maxLength: 9, description: '只看该区划（含下级），与本人辖区取交集' })),
        }),
      },
    },
    async (req) => {
      const { kind } = req.params as { kind: RecordKind };
      const { page, pageSize, q, regionCode } = req.query as { page: number; pageSize: number; q?: string; regionCode?: string };
      if (regionCode) {
        const rp = regionProblem(regionCode);
        if (rp) throw badRequest(rp, 'regionCode');
      }
      return listRecords(store, callerOf(req), kind, page, pageSize, { q, regionCode });
    },
  );
  app.get(
    '/records/:kind/:id',
    {
      schema: { tags: ['records'], summary: '单条执法数据', params: Type.Object({ kind: Kind, id: Type.String({ maxLength: 128 }) }) },
    },
    async (req) => {
      const { kind, id } = req.params as { kind: RecordKind; id: string };
      return { record: await getRecord(store, callerOf(req), kind, id) };
    },
  );
}
