// The discretion navigator over HTTP (docs/navigator.md): assess a case being decided, find an item by
// its name or everyday words, 执法精灵 on one case, and the 待复核 list of flagged decisions. Thin
// handlers: the rules live in src/navigator; request and response shapes are its schemas.
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import {
  AssessRequest,
  AssessResult,
  CaseGuide,
  ItemMatch,
  NavigatorError,
  ReviewRow,
  assess,
  caseGuide,
  navReference,
  reviewList,
  searchItems,
} from '../navigator/index.ts';
import { businessDate } from '../domain/dates.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import { KeduError } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';

/** The navigator's errors in the API's shape: the code's status, the Chinese message, the field. */
async function translated<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NavigatorError) throw new KeduError(e.code, e.message, e.field);
    throw e;
  }
}

export async function navigatorRoutes(app: Api, store: Store, asOf?: string): Promise<void> {
  const today = () => asOf ?? businessDate(new Date());

  app.post(
    '/navigator/assess',
    {
      // The body's schema documents the request; assess() checks it field by field, so that a bad value
      // gets a Chinese message naming the field. The schema validator is off for this route: besides its
      // English messages, its type coercion turns a null into 0 inside a nullable number (a "no loss"
      // would become a loss of 0 yuan, an absent earlier penalty one 0 months ago).
      validatorCompiler: () => () => true,
      schema: {
        tags: ['navigator'],
        summary: '裁量导航：法律依据、裁量档次、免罚、历史分布、拟作决定评价、类案',
        body: AssessRequest,
        response: { 200: AssessResult, ...errors(400, 401, 403, 404) },
      },
    },
    async (req: FastifyRequest) => {
      const caller = callerOf(req);
      authorize(caller, 'assess', { type: 'navigator' });
      return translated(() => assess(store, caller, req.body, { today: today() }));
    },
  );

  app.get(
    '/navigator/items',
    {
      schema: {
        tags: ['navigator'],
        summary: '按编码、名称或日常说法查找处罚事项',
        querystring: Type.Object({ q: Type.String({ maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }),
        response: { 200: Type.Object({ rows: Type.Array(ItemMatch) }), ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      authorize(callerOf(req), 'assess', { type: 'navigator' });
      const { q, limit } = req.query;
      const ref = await navReference(store);
      return { rows: searchItems(ref.penaltyItems, ref.synonyms, ref.lineNames, q, limit ?? 10) };
    },
  );

  app.get(
    '/navigator/cases/:id',
    {
      schema: {
        tags: ['navigator'],
        summary: '执法精灵：案件的裁量评估、类案、法条与待办程序期限',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: CaseGuide, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'guide', { type: 'navigator' });
      return translated(() => caseGuide(store, caller, req.params.id, today()));
    },
  );

  app.get(
    '/navigator/review',
    {
      schema: {
        tags: ['navigator'],
        summary: '待复核：裁量偏离、超出档次、应免未免的处罚决定（监督员）',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
        response: { 200: Type.Object({ total: Type.Integer(), rows: Type.Array(ReviewRow) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'review', { type: 'navigator' });
      return reviewList(store, caller, req.query.limit ?? 200);
    },
  );
}
