// Read access to the records of every listed kind of the registry (src/records), always scoped by the
// records policy (src/policy/records.ts): a list holds only what the caller may read, and a single
// record outside it is refused with 403, without the row.
import type { Store } from '../store/store.ts';
import { regionProblem } from '../domain/region.ts';
import { badRequest, forbidden, notFound } from '../domain/errors.ts';
import { getRecord, listRecords } from '../records/list.ts';
import { callerOf, type Api } from './app.ts';
import { RecordAnswer, RecordKindParams, RecordListQuery, RecordPage, RecordParams } from './record-schemas.ts';
import { errors } from './schemas.ts';

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
    async (req) => {
      const found = await getRecord(store, callerOf(req), req.params.kind, req.params.id);
      if (!found.found) throw notFound();
      if (!found.visible) throw forbidden();
      return { record: found.record };
    },
  );
}
