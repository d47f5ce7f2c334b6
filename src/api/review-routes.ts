// 案卷评查 over HTTP (docs/evaluation.md): the checklist (admins edit it), review rounds drawn from a
// seed (supervisors and admins), the files of a round with the mean score per agency, and the scoring of
// a file by its reviewer. Reads are scoped to the caller's jurisdiction; agency roles take no part.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import {
  ReviewError,
  checklist,
  drawRound,
  fileDetail,
  listRounds,
  roundDetail,
  saveChecklistItem,
  scoreFile,
  SECTIONS,
  type RoundInput,
  type ScoreInput,
} from '../evaluation/reviews.ts';
import { callerOf } from './app.ts';
import { regionParam } from './evaluation-routes.ts';
import { KeduError, forbidden } from './errors.ts';

const CODES = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' } as const;

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReviewError) throw new KeduError(CODES[e.status], e.message, e.field);
    throw e;
  }
}

function noAgency(caller: Caller): void {
  if (isAgencyRole(caller.role)) throw forbidden('案卷评查由监督机构组织，执法部门不参与评分');
}

export async function reviewRoutes(app: FastifyInstance, store: Store, clock: Clock = systemClock): Promise<void> {
  app.get('/reviews/checklist', { schema: { tags: ['reviews'], summary: '案卷评查标准' } }, async (req) => {
    noAgency(callerOf(req));
    return { sections: SECTIONS, rows: await checklist(store, false) };
  });

  app.put(
    '/reviews/checklist/:code',
    {
      schema: {
        tags: ['reviews'],
        summary: '新增或修改评查项（管理员，留痕）',
        params: Type.Object({ code: Type.String({ maxLength: 10 }) }),
        body: Type.Object({
          section: Type.String({ maxLength: 20 }),
          name: Type.String({ maxLength: 200 }),
          points: Type.Integer(),
          serious: Type.Boolean(),
          sort: Type.Integer({ minimum: 0, maximum: 10_000 }),
          active: Type.Boolean(),
        }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      if (caller.role !== 'admin') throw forbidden('仅管理员可以修改评查标准');
      const body = req.body as { section: string; name: string; points: number; serious: boolean; sort: number; active: boolean };
      return { rows: await guarded(() => saveChecklistItem(store, caller, { code: (req.params as { code: string }).code, ...body })) };
    },
  );

  app.get('/reviews/rounds', { schema: { tags: ['reviews'], summary: '案卷评查批次（本辖区）' } }, async (req) => {
    const caller = callerOf(req);
    noAgency(caller);
    return { rows: await listRounds(store, caller.regionCode) };
  });

  app.post(
    '/reviews/rounds',
    {
      schema: {
        tags: ['reviews'],
        summary: '按执法主体随机抽取已结案案卷并分配评查人员（随机种子留存、可复现）',
        body: Type.Object({
          regionCode: Type.Optional(Type.String({ maxLength: 9 })),
          name: Type.String({ maxLength: 200 }),
          decidedFrom: Type.String({ maxLength: 10 }),
          decidedTo: Type.String({ maxLength: 10 }),
          perAgency: Type.Integer(),
          reviewers: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
          seed: Type.Optional(Type.String({ maxLength: 64 })),
        }),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      if (caller.role !== 'supervisor' && caller.role !== 'admin') throw forbidden('仅监督员和管理员可以组织案卷评查');
      const body = req.body as RoundInput;
      const regionCode = regionParam(caller, body.regionCode);
      return reply.status(201).send(await guarded(() => drawRound(store, caller, { ...body, regionCode })));
    },
  );

  app.get(
    '/reviews/rounds/:id',
    {
      schema: {
        tags: ['reviews'],
        summary: '评查批次：案卷、评分和各执法主体平均得分',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      noAgency(caller);
      return guarded(() => roundDetail(store, caller, (req.params as { id: string }).id));
    },
  );

  app.get(
    '/reviews/files/:id',
    {
      schema: {
        tags: ['reviews'],
        summary: '评查案卷：案件、送达、缴款、评查标准和已评分',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      noAgency(caller);
      return guarded(() => fileDetail(store, caller, (req.params as { id: string }).id));
    },
  );

  app.post(
    '/reviews/files/:id/score',
    {
      schema: {
        tags: ['reviews'],
        summary: '评分（分配的评查人员）：每个评查项的得分和说明；严重缺陷生成问题线索',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({
          items: Type.Array(
            Type.Object({
              code: Type.String({ maxLength: 10 }),
              points: Type.Number(),
              note: Type.Optional(Type.String({ maxLength: 1000 })),
            }),
            {
              maxItems: 100,
            },
          ),
          summary: Type.Optional(Type.String({ maxLength: 2000 })),
          seriousDefect: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      noAgency(caller);
      return guarded(() => scoreFile(store, caller, (req.params as { id: string }).id, req.body as ScoreInput, clock));
    },
  );
}
