// 案卷评查 over HTTP (docs/evaluation.md): the checklist (admins edit it), review rounds drawn from a
// seed (supervisors and admins), the files of a round with the mean score per agency, and the scoring of
// a file by its reviewer. Reads are scoped to the caller's jurisdiction; agency roles take no part.
import type { Store } from '../store/store.ts';
import { authorize } from '../policy/index.ts';
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
} from '../evaluation/reviews.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import * as S from './evaluation-schemas.ts';
import { regionParam } from './evaluation-routes.ts';
import { KeduError } from '../domain/errors.ts';

const CODES = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' } as const;

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReviewError) throw new KeduError(CODES[e.status], e.message, e.field);
    throw e;
  }
}

export async function reviewRoutes(app: Api, store: Store, clock: Clock = systemClock): Promise<void> {
  app.get(
    '/reviews/checklist',
    { schema: { tags: ['reviews'], summary: '案卷评查标准', response: { 200: S.Checklist, ...errors(401, 403) } } },
    async (req) => {
      authorize(callerOf(req), 'read', { type: 'case_review' });
      return { sections: SECTIONS, rows: await checklist(store, false) };
    },
  );

  app.put(
    '/reviews/checklist/:code',
    {
      schema: {
        tags: ['reviews'],
        summary: '新增或修改评查项（管理员，留痕）',
        params: S.ChecklistParams,
        body: S.ChecklistBody,
        response: { 200: S.ChecklistRows, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'configure', { type: 'case_review' });
      return { rows: await guarded(() => saveChecklistItem(store, caller, { code: req.params.code, ...req.body })) };
    },
  );

  app.get(
    '/reviews/rounds',
    { schema: { tags: ['reviews'], summary: '案卷评查批次（本辖区）', response: { 200: S.RoundList, ...errors(401, 403) } } },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'case_review' });
      return { rows: await listRounds(store, caller.regionCode) };
    },
  );

  app.post(
    '/reviews/rounds',
    {
      schema: {
        tags: ['reviews'],
        summary: '按执法主体随机抽取已结案案卷并分配评查人员（随机种子留存、可复现）',
        body: S.RoundBody,
        response: { 201: S.RoundCreated, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      authorize(caller, 'organize', { type: 'case_review' });
      const body = req.body;
      const regionCode = regionParam(caller, body.regionCode);
      authorize(caller, 'organize', { type: 'case_review', regionCode });
      return reply.status(201).send(await guarded(() => drawRound(store, caller, { ...body, regionCode })));
    },
  );

  app.get(
    '/reviews/rounds/:id',
    {
      schema: {
        tags: ['reviews'],
        summary: '评查批次：案卷、评分和各执法主体平均得分',
        params: S.ReviewParams,
        response: { 200: S.RoundDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'case_review' });
      return guarded(() => roundDetail(store, caller, req.params.id));
    },
  );

  app.get(
    '/reviews/files/:id',
    {
      schema: {
        tags: ['reviews'],
        summary: '评查案卷：案件、送达、缴款、评查标准和已评分',
        params: S.ReviewParams,
        response: { 200: S.FileDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'case_review' });
      return guarded(() => fileDetail(store, caller, req.params.id));
    },
  );

  app.post(
    '/reviews/files/:id/score',
    {
      schema: {
        tags: ['reviews'],
        summary: '评分（分配的评查人员）：每个评查项的得分和说明；严重缺陷生成问题线索',
        params: S.ReviewParams,
        body: S.ScoreBody,
        response: { 200: S.ScoreAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'read', { type: 'case_review' });
      return guarded(() => scoreFile(store, caller, req.params.id, req.body, clock));
    },
  );
}
