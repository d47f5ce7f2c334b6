// Read access to the records of every listed kind of the registry (src/records), always scoped to the
// caller: a list is empty outside it, and a single record outside it is refused with 403. Lists are
// searched, filtered, sorted and exported to Excel (src/records/list-query.ts).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { regionProblem } from '../domain/region.ts';
import { KIND_SPECS, LIST_KINDS, type Kind } from '../records/registry.ts';
import { ListQueryError, getRecord, listRecords } from '../records/list.ts';
import { RECORD_LISTS, type RecordQuery } from '../records/list-query.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';
import { recordXlsxColumns } from '../lists/record-export.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import { businessDate } from '../domain/dates.ts';
import { recordAudit } from '../audit/audit-log.ts';

/** The coded columns lists filter on (each kind takes those of its own). */
const CODE_FILTERS = [...new Set(Object.values(RECORD_LISTS).flatMap((l) => l.codes))];
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
type ListQueryIn = RecordQuery & Partial<Record<string, string>>;

function toFilter(q: ListQueryIn): RecordQuery {
  if (q.regionCode) {
    const rp = regionProblem(q.regionCode);
    if (rp) throw badRequest(rp, 'regionCode');
  }
  const codes = Object.fromEntries(CODE_FILTERS.filter((c) => q[c] !== undefined).map((c) => [c, q[c]!]));
  return { q: q.q, regionCode: q.regionCode, agencyId: q.agencyId, from: q.from, to: q.to, sort: q.sort, order: q.order, codes };
}

/** A list query the kind cannot answer is the caller's mistake: 400 naming the field. */
async function listed<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ListQueryError) throw badRequest(e.message, e.field);
    throw e;
  }
}

export async function recordRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const KindParam = Type.Union(LIST_KINDS.map((k) => Type.Literal(k)));
  app.get(
    '/records/:kind',
    {
      schema: {
        tags: ['records'],
        summary: '执法数据列表（本辖区；检索、筛选、日期范围、排序）',
        params: Type.Object({ kind: KindParam }),
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
      const { kind } = req.params as { kind: Kind };
      const q = req.query as ListQueryIn & { page: number; pageSize: number };
      return listed(() => listRecords(store, callerOf(req), kind, q.page, q.pageSize, toFilter(q)));
    },
  );
  app.get(
    '/records/:kind.xlsx',
    {
      schema: {
        tags: ['records'],
        summary: '导出执法数据（Excel，本辖区，最多5万条）',
        params: Type.Object({ kind: KindParam }),
        querystring: ListQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const { kind } = req.params as { kind: Kind };
      const caller = callerOf(req);
      const { rows } = await listed(() => listRecords(store, caller, kind, 1, MAX_EXPORT_ROWS, toFilter(req.query as ListQueryIn)));
      const columns = rows.length ? Object.keys(rows[0]) : [];
      const label = KIND_SPECS[kind].label;
      const bytes = await toXlsx(label, recordXlsxColumns(kind, columns), rows);
      await recordAudit(store, {
        actor: caller.userId,
        action: 'export.records',
        target: kind,
        regionCode: caller.regionCode,
        detail: { format: 'xlsx', rows: rows.length, filter: req.query },
      });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition(label, businessDate(new Date())))
        .send(bytes);
    },
  );
  app.get(
    '/records/:kind/:id',
    {
      schema: { tags: ['records'], summary: '单条执法数据', params: Type.Object({ kind: KindParam, id: Type.String({ maxLength: 128 }) }) },
    },
    async (req) => {
      const { kind, id } = req.params as { kind: Kind; id: string };
      const found = await getRecord(store, callerOf(req), kind, id);
      if (!found.found) throw notFound();
      if (!found.visible) throw forbidden();
      return { record: found.record };
    },
  );
}
