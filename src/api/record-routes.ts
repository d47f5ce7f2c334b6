// Read access to the records of the four business modules and the reference tables that hold
// jurisdiction-bound data, always scoped by the records policy (src/policy/records.ts): a list holds
// only what the caller may read, and a single record outside it is refused with 403, without the row.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import { regionPrefix, regionProblem } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { RECORD_ACCESS, authorize, can, presentRecord, recordScope, visibleRecord, type RecordKind } from '../policy/index.ts';
import { callerOf, type Api } from './app.ts';
import { RecordAnswer, RecordKindParams, RecordListQuery, RecordPage, RecordParams } from './record-schemas.ts';
import { errors } from './schemas.ts';
import { badRequest } from '../domain/errors.ts';

/** The column a list is ordered by (newest first), per kind. */
const ORDER_BY: Record<RecordKind, string> = {
  licences: 'applied_on',
  inspections: 'inspected_on',
  cases: 'filed_on',
  deliveries: 'sent_on',
  payments: 'due_on',
  service_visits: 'visited_on',
  hotline_tickets: 'received_at',
  delegations: 'signed_on',
  agencies: 'id',
  officers: 'id',
  entities: 'uscc',
  followup_answers: 'answered_at',
};

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

export interface ListFilter {
  q?: string;
  regionCode?: string;
}

/** Kinds with a name column that `q` searches (pickers for agencies, officers and entities). */
const NAMED = new Set<RecordKind>(['agencies', 'officers', 'entities']);

export async function listRecords(store: Store, caller: Caller, kind: RecordKind, page: number, pageSize: number, filter: ListFilter = {}) {
  authorize(caller, 'list', { type: 'records', kind });
  const { table, key } = RECORD_ACCESS[kind];
  const conditions = [(await recordScope(store, caller, kind))('t')];
  if (filter.regionCode) conditions.push(sql`t.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  if (filter.q && NAMED.has(kind)) conditions.push(sql`t.name LIKE ${'%' + filter.q.replace(/[%_]/g, '') + '%'}`);
  const where = joinSql(conditions, ' AND ');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)} t WHERE ${where}`);
  const rows = await store.query<Record<string, unknown>>(sql`
    SELECT t.*${raw(nameColumns(kind))} FROM ${raw(table)} t${raw(nameJoins(kind))} WHERE ${where}
    ORDER BY t.${raw(ORDER_BY[kind])} DESC, t.${raw(key)}
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return {
    total: Number(total.n),
    page,
    pageSize,
    rows: rows.map((r) => presentRecord(caller, kind, r)),
    can: { export: can(caller, 'export', { type: 'records', kind }), import: can(caller, 'import', { type: 'records', kind }) },
  };
}

export async function recordRoutes(app: Api, store: Store): Promise<void> {
  app.get(
    '/records/:kind',
    {
      schema: {
        tags: ['records'],
        summary: '执法数据列表（本人可查看的范围）',
        params: RecordKindParams,
        querystring: RecordListQuery,
        response: { 200: RecordPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const { kind } = req.params;
      const { page, pageSize, q, regionCode } = req.query;
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
      schema: {
        tags: ['records'],
        summary: '单条执法数据',
        params: RecordParams,
        response: { 200: RecordAnswer, ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ record: await visibleRecord(store, callerOf(req), req.params.kind, req.params.id) }),
  );
}
