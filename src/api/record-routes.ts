// Read access to the records of the four business modules and the reference tables that hold
// jurisdiction-bound data, always scoped to the caller: a list is empty outside it, and a single
// record outside it is refused with 403.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import { regionProblem } from '../domain/region.ts';
import { maskPersonal, scopeFilter, type Caller } from '../auth/caller.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';
import { listProblem, recordConditions, recordNames, recordOrder, type RecordQuery } from '../lists/record-list.ts';
import { recordXlsxColumns } from '../lists/record-export.ts';
import { RECORD_KIND_LABELS } from '../lists/record-labels.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import { businessDate } from '../domain/dates.ts';
import { recordAudit } from '../audit/audit-log.ts';

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

const PERSONAL = ['id_number', 'phone'];

function present(caller: Caller, row: Record<string, unknown>) {
  for (const col of PERSONAL) if (typeof row[col] === 'string') row[col] = maskPersonal(caller, row[col] as string);
  return row;
}

export type ListFilter = RecordQuery;

const tableColumns = new Map<string, Promise<string[]>>();
/** The columns of a kind's table (what a list may be sorted by), read once per store and kind. */
function columnsOf(store: Store, kind: RecordKind): Promise<string[]> {
  const key = `${kind}`;
  let pending = tableColumns.get(key);
  if (!pending) {
    pending = store.columns(sql`SELECT * FROM ${raw(RECORD_KINDS[kind][0])}`).then((cs) => cs.map((c) => c.name));
    pending.catch(() => tableColumns.delete(key));
    tableColumns.set(key, pending);
  }
  return pending;
}

export async function listRecords(store: Store, caller: Caller, kind: RecordKind, page: number, pageSize: number, filter: ListFilter = {}) {
  const [table, key, agencyCol, orderCol] = RECORD_KINDS[kind];
  const problem = listProblem(kind, await columnsOf(store, kind), filter);
  if (problem) throw badRequest(problem[1], problem[0]);
  const where = joinSql([scopeFilter(caller, 't', agencyCol), ...recordConditions(kind, filter)], ' AND ');
  const order = recordOrder(kind, orderCol === key ? key : orderCol, filter);
  const names = recordNames(kind);
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)} t WHERE ${where}`);
  // The page first, then the names of its codes: joins over the whole table would cost what the page does not need.
  const rows = await store.query<Record<string, unknown>>(sql`
    SELECT t.*${names.columns} FROM (SELECT t.* FROM ${raw(table)} t WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) t${names.joins}
    ORDER BY ${order}`);
  return { total: Number(total.n), page, pageSize, rows: rows.map((r) => present(caller, r)) };
}

export async function getRecord(store: Store, caller: Caller, kind: RecordKind, id: string) {
  const [table, key, agencyCol] = RECORD_KINDS[kind];
  const names = recordNames(kind);
  const [row] = await store.query<Record<string, unknown>>(
    sql`SELECT t.*${names.columns} FROM ${raw(table)} t${names.joins} WHERE t.${raw(key)} = ${id}`,
  );
  if (!row) throw notFound();
  const [inScope] = await store.query(
    sql`SELECT 1 AS ok FROM ${raw(table)} t WHERE t.${raw(key)} = ${id} AND ${scopeFilter(caller, 't', agencyCol)}`,
  );
  if (!inScope) throw forbidden();
  return present(caller, row);
}

/** The coded columns a list filters on (each kind takes those of its own, src/lists/record-list.ts). */
const CODE_FILTERS = [
  'result',
  'kind',
  'via_code',
  'decision',
  'tier',
  'status',
  'harm',
  'method',
  'category',
  'approved',
  'line_code',
  'level',
  'industry',
  'says_inspection',
] as const;
const DATE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50, description: '检索：编号、名称、内容' })),
  regionCode: Type.Optional(Type.String({ maxLength: 9, description: '只看该区划（含下级），与本人辖区取交集' })),
  agencyId: Type.Optional(Type.String({ maxLength: 64, description: '只看该执法主体' })),
  from: Type.Optional(DATE),
  to: Type.Optional(DATE),
  sort: Type.Optional(Type.String({ maxLength: 40, description: '排序列（表中的列名）' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  ...Object.fromEntries(CODE_FILTERS.map((c) => [c, Type.Optional(Type.String({ maxLength: 64 }))])),
});
type ListQueryIn = RecordQuery & Partial<Record<(typeof CODE_FILTERS)[number], string>>;

function toFilter(q: ListQueryIn): RecordQuery {
  if (q.regionCode) {
    const rp = regionProblem(q.regionCode);
    if (rp) throw badRequest(rp, 'regionCode');
  }
  const codes = Object.fromEntries(CODE_FILTERS.filter((c) => q[c] !== undefined).map((c) => [c, q[c]!]));
  return { q: q.q, regionCode: q.regionCode, agencyId: q.agencyId, from: q.from, to: q.to, sort: q.sort, order: q.order, codes };
}

export async function recordRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const Kind = Type.Union(Object.keys(RECORD_KINDS).map((k) => Type.Literal(k)));
  app.get(
    '/records/:kind',
    {
      schema: {
        tags: ['records'],
        summary: '执法数据列表（本辖区；检索、筛选、日期范围、排序）',
        params: Type.Object({ kind: Kind }),
        querystring: Type.Composite([
          ListQuery,
          Type.Object({
            page: Type.Integer({ minimum: 1, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
          }),
        ]),
      },
    },
    async (req) => {
      const { kind } = req.params as { kind: RecordKind };
      const q = req.query as ListQueryIn & { page: number; pageSize: number };
      return listRecords(store, callerOf(req), kind, q.page, q.pageSize, toFilter(q));
    },
  );
  app.get(
    '/records/:kind.xlsx',
    {
      schema: {
        tags: ['records'],
        summary: '导出执法数据（Excel，本辖区，最多5万条）',
        params: Type.Object({ kind: Kind }),
        querystring: ListQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const { kind } = req.params as { kind: RecordKind };
      const caller = callerOf(req);
      const { rows } = await listRecords(store, caller, kind, 1, MAX_EXPORT_ROWS, toFilter(req.query as ListQueryIn));
      const columns = rows.length ? Object.keys(rows[0]) : [];
      const bytes = await toXlsx(RECORD_KIND_LABELS[kind], recordXlsxColumns(kind, columns), rows);
      await recordAudit(store, {
        actor: caller.userId,
        action: 'export.records',
        target: kind,
        regionCode: caller.regionCode,
        detail: { format: 'xlsx', rows: rows.length, filter: req.query },
      });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition(RECORD_KIND_LABELS[kind], businessDate(new Date())))
        .send(bytes);
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
