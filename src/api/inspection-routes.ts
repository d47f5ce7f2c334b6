// Inspections planned, coded and merged over HTTP (docs/inspections.md lists every call): plans with
// their draws and adjustments, tasks with their codes and printable notices, merge suggestions and the
// burden they relieve; and, without an account, a code's verification and the enterprise's rating.
// Plans themselves are made through the import (POST /ingest/inspection_plans, the console's form).
// Each handler is thin: the rules live in src/inspections.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { listPlans, planDetail, adjustPlan, type AdjustmentInput } from '../inspections/plans.ts';
import { checkDraw, drawPlan, drawsOf } from '../inspections/draw.ts';
import {
  createAdhocTask,
  describeTask,
  getTaskRow,
  listTasks,
  revokeTask,
  type AdhocTaskInput,
  type TaskFilter,
} from '../inspections/tasks.ts';
import { taskNotice } from '../inspections/notice.ts';
import {
  burden,
  decideSuggestion,
  getSuggestion,
  listSuggestions,
  suggestMerges,
  type DecisionInput,
  type SuggestionFilter,
} from '../inspections/merge.ts';
import { COMMENT_MAX, rateTask, verifyCode, type RatingInput } from '../inspections/verify.ts';
import { displayCode } from '../inspections/action-code.ts';
import { callerOf } from './app.ts';
import { ErrorOut } from './clue-routes.ts';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DATE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const ID = Type.String({ minLength: 1, maxLength: 64 });
const REGION = Type.String({ pattern: '^\\d{6}(\\d{3})?$' });
const Page = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};
/** Rows as the capability returns them (documented in docs/inspections.md); every field is passed on. */
const Open = (properties: Record<string, TSchema> = {}) => Type.Object(properties, { additionalProperties: true });
const errors = { 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };
const origin = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;

export async function inspectionRoutes(app: FastifyInstance, store: Store): Promise<void> {
  // ── plans ─────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/plans',
    {
      schema: {
        tags: ['inspections'],
        summary: '年度检查计划（本人辖区；执法部门为本部门）',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          agencyId: Type.Optional(ID),
          regionCode: Type.Optional(REGION),
          ...Page,
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), rows: Type.Array(Open({ id: Type.String(), name: Type.String() })) }),
          403: ErrorOut,
        },
      },
    },
    async (req) => {
      const q = req.query as { year?: number; agencyId?: string; regionCode?: string; page?: number; pageSize?: number };
      return listPlans(store, callerOf(req), q, q.page ?? 1, q.pageSize ?? 20);
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['inspections'],
        summary: '检查计划详情：抽取批次（种子）、调整记录、任务执行情况',
        params: Type.Object({ id: ID }),
        response: { 200: Open({ plan: Open(), draws: Type.Array(Open()), adjustments: Type.Array(Open()), tasks: Open() }), ...errors },
      },
    },
    async (req) => planDetail(store, callerOf(req), (req.params as { id: string }).id),
  );

  app.post(
    '/plans/:id/draw',
    {
      schema: {
        tags: ['inspections'],
        summary: '双随机抽取：随机抽取检查对象和执法人员，每户生成检查任务和行政行为码（种子留存并记入审计日志）',
        params: Type.Object({ id: ID }),
        response: {
          201: Type.Object({
            drawId: Type.String(),
            seed: Type.String(),
            poolSize: Type.Integer(),
            drawn: Type.Integer(),
            short: Type.Boolean(),
            firstTaskId: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const r = await drawPlan(store, callerOf(req), (req.params as { id: string }).id);
      return reply.status(201).send({
        drawId: r.draw.id,
        seed: r.draw.seed!,
        poolSize: r.draw.pool_size,
        drawn: r.draw.drawn,
        short: r.short,
        firstTaskId: r.tasks[0]?.id ?? null,
      });
    },
  );

  app.get(
    '/plans/:id/draw-check',
    {
      schema: {
        tags: ['inspections'],
        summary: '复核抽取：以留存的种子重新计算，与已生成的任务逐一比对',
        params: Type.Object({ id: ID }),
        response: { 200: Type.Object({ checks: Type.Array(Open({ ok: Type.Boolean(), message: Type.String() })) }), ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const { id } = req.params as { id: string };
      await planDetail(store, caller, id); // 404 outside the caller's scope
      const draws = await drawsOf(store, caller, { planId: id });
      return { checks: await Promise.all(draws.map((d) => checkDraw(store, d))) };
    },
  );

  app.post(
    '/plans/:id/adjustments',
    {
      schema: {
        tags: ['inspections'],
        summary: '计划动态调整（须写明原因，记入审计日志）：调整户数、结束日期，或替换一个检查对象',
        params: Type.Object({ id: ID }),
        body: Type.Union([
          Type.Object({ kind: Type.Literal('target'), targetCount: Type.Number(), reason: Type.String({ maxLength: 500 }) }),
          Type.Object({ kind: Type.Literal('window'), endsOn: DATE, reason: Type.String({ maxLength: 500 }) }),
          Type.Object({ kind: Type.Literal('replace'), taskId: ID, reason: Type.String({ maxLength: 500 }) }),
        ]),
        response: { 201: Open({ adjustment: Open(), added: Type.Array(Open()), revoked: Type.Array(Type.String()) }), ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await adjustPlan(store, callerOf(req), (req.params as { id: string }).id, req.body as AdjustmentInput)),
  );

  // ── tasks ─────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/inspection-tasks',
    {
      schema: {
        tags: ['inspections'],
        summary: '检查任务及其行政行为码（本人辖区；执法部门为本部门及其参加的联合检查）',
        querystring: Type.Object({
          agencyId: Type.Optional(ID),
          planId: Type.Optional(ID),
          status: Type.Optional(Literals(['open', 'merged', 'revoked'])),
          origin: Type.Optional(Literals(['plan', 'complaint', 'adhoc', 'joint'])),
          entityUscc: Type.Optional(Type.String({ maxLength: 18 })),
          from: Type.Optional(DATE),
          to: Type.Optional(DATE),
          ...Page,
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), rows: Type.Array(Open({ id: Type.String(), code: Type.String() })) }),
          403: ErrorOut,
        },
      },
    },
    async (req) => {
      const q = req.query as TaskFilter & { page?: number; pageSize?: number };
      return listTasks(store, callerOf(req), q, q.page ?? 1, q.pageSize ?? 20);
    },
  );

  app.get(
    '/inspection-tasks/:id',
    {
      schema: {
        tags: ['inspections'],
        summary: '检查任务详情：行政行为码代表的执法主体、事项、依据、人员及证号、有效期',
        params: Type.Object({ id: ID }),
        response: { 200: Open({ task: Open(), row: Open() }), ...errors },
      },
    },
    async (req) => {
      const row = await getTaskRow(store, callerOf(req), (req.params as { id: string }).id);
      return { task: await describeTask(store, row), row: { ...row, displayCode: displayCode(row.code) } };
    },
  );

  app.get(
    '/inspection-tasks/:id/notice',
    {
      schema: {
        tags: ['inspections'],
        summary: '检查告知单（A6）：任务内容、行政行为码及其二维码（SVG）',
        params: Type.Object({ id: ID }),
        response: { 200: Open({ task: Open(), verifyUrl: Type.String(), qrSvg: Type.String(), ratingDays: Type.Integer() }), ...errors },
      },
    },
    async (req) => taskNotice(store, callerOf(req), (req.params as { id: string }).id, origin(req)),
  );

  app.post(
    '/inspection-tasks',
    {
      schema: {
        tags: ['inspections'],
        summary: '临时检查任务（投诉举报、转办等计划外检查），入企前赋码',
        body: Type.Object({
          agencyId: ID,
          entityUscc: Type.String({ maxLength: 18 }),
          inspectionItemCode: ID,
          officerIds: Type.Array(ID, { maxItems: 10 }),
          validFrom: DATE,
          validTo: DATE,
          origin: Literals(['complaint', 'adhoc']),
          reason: Type.String({ maxLength: 500 }),
        }),
        response: { 201: Open({ id: Type.String(), code: Type.String(), displayCode: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const t = await createAdhocTask(store, callerOf(req), req.body as AdhocTaskInput);
      return reply.status(201).send({ ...t, displayCode: displayCode(t.code) });
    },
  );

  app.post(
    '/inspection-tasks/:id/revoke',
    {
      schema: {
        tags: ['inspections'],
        summary: '撤销检查任务的行政行为码（须写明原因）',
        params: Type.Object({ id: ID }),
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        response: { 200: Open({ id: Type.String(), status: Type.String() }), ...errors },
      },
    },
    async (req) => revokeTask(store, callerOf(req), (req.params as { id: string }).id, (req.body as { reason: string }).reason),
  );

  // ── merge suggestions (综合查一次) ─────────────────────────────────────────────────────────────
  app.post(
    '/merge-suggestions/run',
    {
      schema: {
        tags: ['inspections'],
        summary: '生成“综合查一次”合并建议（监督员，本人辖区）',
        body: Type.Object({
          regionCode: Type.Optional(REGION),
          windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 180 })),
          from: Type.Optional(DATE),
        }),
        response: { 201: Open({ runId: Type.String(), suggestions: Type.Integer(), visitsSaved: Type.Integer() }), ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const b = req.body as { regionCode?: string; windowDays?: number; from?: string };
      return reply
        .status(201)
        .send(
          await suggestMerges(store, caller, { regionCode: b.regionCode ?? caller.regionCode, windowDays: b.windowDays, from: b.from }),
        );
    },
  );

  app.get(
    '/merge-suggestions',
    {
      schema: {
        tags: ['inspections'],
        summary: '合并建议（监督员：辖区内；执法部门：涉及本部门的）',
        querystring: Type.Object({
          status: Type.Optional(Literals(['pending', 'accepted', 'declined'])),
          regionCode: Type.Optional(REGION),
          awaitingAgency: Type.Optional(ID),
          ...Page,
        }),
        response: { 200: Type.Object({ total: Type.Integer(), rows: Type.Array(Open({ id: Type.String() })) }), 403: ErrorOut },
      },
    },
    async (req) => {
      const q = req.query as SuggestionFilter & { page?: number; pageSize?: number };
      return listSuggestions(store, callerOf(req), q, q.page ?? 1, q.pageSize ?? 20);
    },
  );

  app.get(
    '/merge-suggestions/:id',
    {
      schema: {
        tags: ['inspections'],
        summary: '一条合并建议',
        params: Type.Object({ id: ID }),
        response: { 200: Open({ id: Type.String() }), ...errors },
      },
    },
    async (req) => getSuggestion(store, callerOf(req), (req.params as { id: string }).id),
  );

  app.post(
    '/merge-suggestions/:id/decision',
    {
      schema: {
        tags: ['inspections'],
        summary: '执法部门确认或拒绝合并（须写明理由）；各部门均确认后生成一个联合检查任务和一个行政行为码',
        params: Type.Object({ id: ID }),
        body: Type.Object({ decision: Literals(['accept', 'decline']), reason: Type.String({ maxLength: 500 }) }),
        response: { 200: Open({ id: Type.String(), status: Type.String() }), ...errors },
      },
    },
    async (req) => decideSuggestion(store, callerOf(req), (req.params as { id: string }).id, req.body as DecisionInput),
  );

  app.get(
    '/inspection-burden',
    {
      schema: {
        tags: ['inspections'],
        summary: '检查负担：每户计划检查次数分布、超过N次的企业数（计划、已合并、全部采纳建议后）',
        querystring: Type.Object({
          regionCode: Type.Optional(REGION),
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 3 })),
        }),
        response: { 200: Open({ planned: Open(), merged: Open(), ifAccepted: Open() }), ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const q = req.query as { regionCode?: string; year: number; threshold?: number };
      return burden(store, caller, q.regionCode ?? caller.regionCode, q.year, q.threshold ?? 3);
    },
  );

  // ── public: a code's verification and the enterprise's rating ─────────────────────────────────
  const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
  app.get(
    '/action-codes/:code',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '核验行政行为码（公开，无需账号）：有效、未生效、已过期、已撤销、无效或格式错误，及其代表的检查',
        security: [],
        params: CodeParam,
        response: { 200: Open({ status: Type.String(), message: Type.String() }), 429: ErrorOut },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCode(store, (req.params as { code: string }).code);
    },
  );

  app.post(
    '/action-codes/:code/ratings',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags: ['public'],
        summary: '扫码评价（公开）：被检查企业填写本企业统一社会信用代码，每个码评价一次；表单令牌取自 GET /portal/form-token',
        security: [],
        params: CodeParam,
        body: Type.Object({
          formToken: Type.String({ minLength: 1, maxLength: 200 }),
          entityUscc: Type.String({ minLength: 1, maxLength: 40 }),
          score: Type.Number({ description: '1–5' }),
          comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX * 2 })),
          website: Type.Optional(Type.String({ maxLength: 500, description: '留空（防机器人字段，页面不显示）' })),
        }),
        response: { 201: Type.Object({ id: Type.String(), message: Type.String() }), ...errors, 429: ErrorOut },
      },
    },
    async (req, reply) => reply.status(201).send(await rateTask(store, (req.params as { code: string }).code, req.body as RatingInput)),
  );
}
