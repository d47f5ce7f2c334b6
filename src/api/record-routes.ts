// Read access to the records of every listed kind of the registry (src/records), always scoped by the
// records policy (src/policy/records.ts): a list holds only what the caller may read, and a single
// record outside it is refused with 403, without the row. Lists are searched, filtered, sorted and
// exported to Excel (src/records/list-query.ts).
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { regionProblem } from '../domain/region.ts';
import { badRequest, forbidden, notFound } from '../domain/errors.ts';
import { KIND_SPECS } from '../records/registry.ts';
import { ListQueryError, getRecord, listRecords } from '../records/list.ts';
import type { RecordQuery } from '../records/list-query.ts';
import { recordXlsxColumns } from '../lists/record-export.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import { businessDate } from '../domain/dates.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { authorize } from '../policy/index.ts';
import { callerOf, type Api } from './app.ts';
import {
  CODE_FILTERS,
  RecordAnswer,
  RecordExportQuery,
  RecordKindParams,
  RecordListQuery,
  RecordPage,
  RecordParams,
} from './record-schemas.ts';
import { errors } from './schemas.ts';

type ListQueryIn = Omit<RecordQuery, 'codes'> & { [code: string]: unknown };

function toFilter(q: ListQueryIn): RecordQuery {
  if (q.regionCode) {
    const rp = regionProblem(q.regionCode);
    if (rp) throw badRequest(rp, 'regionCode');
  }
  const codes = Object.fromEntries(CODE_FILTERS.filter((c) => typeof q[c] === 'string').map((c) => [c, q[c] as string]));
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

export async function recordRoutes(app: Api, store: Store): Promise<void> {
  app.get(
    '/records/:kind',
    {
      schema: {
        tags: ['records'],
        summary: '执法数据列表（本人可查看的范围；检索、筛选、日期范围、排序）',
        params: RecordKindParams,
        querystring: RecordListQuery,
        response: { 200: RecordPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const { kind } = req.params;
      const { page, pageSize } = req.query;
      return listed(() => listRecords(store, callerOf(req), kind, page, pageSize, toFilter(req.query)));
    },
  );
  app.get(
    '/records/:kind.xlsx',
    {
      schema: {
        tags: ['records'],
        summary: '导出执法数据（Excel，本人可查看的范围，最多5万条）',
        params: RecordKindParams,
        querystring: RecordExportQuery,
        produces: [XLSX_TYPE],
        response: { 200: Type.Unknown({ description: 'Excel 工作簿（.xlsx）' }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { kind } = req.params;
      const caller = callerOf(req);
      authorize(caller, 'export', { type: 'records', kind });
      const { rows } = await listed(() => listRecords(store, caller, kind, 1, MAX_EXPORT_ROWS, toFilter(req.query)));
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
      schema: {
        tags: ['records'],
        summary: '单条执法数据',
        params: RecordParams,
        response: { 200: RecordAnswer, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const found = await getRecord(store, callerOf(req), req.params.kind, req.params.id);
      if (!found.found) throw notFound();
      if (!found.visible) throw forbidden();
      return { record: found.record };
    },
  );
}
