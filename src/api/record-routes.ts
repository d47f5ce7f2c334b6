// Read access to the records of every listed kind of the registry (src/records), always scoped to the
// caller: a list is empty outside it, and a single record outside it is refused with 403.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { regionProblem } from '../domain/region.ts';
import { LIST_KINDS, type Kind } from '../records/registry.ts';
import { getRecord, listRecords } from '../records/list.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

export async function recordRoutes(app: FastifyInstance, store: Store): Promise<void> {
  const KindParam = Type.Union(LIST_KINDS.map((k) => Type.Literal(k)));
  app.get(
    '/records/:kind',
    {
      schema: {
        tags: ['records'],
        summary: '执法数据列表（本辖区）',
        params: Type.Object({ kind: KindParam }),
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
          q: Type.Optional(Type.String({ maxLength: 50, description: '按名称检索（执法主体、执法人员、经营主体）' })),
          regionCode: Type.Optional(Type.String({ maxLength: 9, description: '只看该区划（含下级），与本人辖区取交集' })),
        }),
      },
    },
    async (req) => {
      const { kind } = req.params as { kind: Kind };
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
