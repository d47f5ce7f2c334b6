// Inspections planned, coded and merged over HTTP (docs/inspections.md lists every call): plans with
// their draws and adjustments, tasks with their codes and printable notices, merge suggestions and the
// burden they relieve; and, without an account, a code's verification and the enterprise's rating.
// Plans themselves are made through the import (POST /ingest/inspection_plans, the console's form).
// Each handler is thin: who may is src/policy/inspections.ts's, the rules are src/inspections'.
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/store.ts';
import { listPlans, planDetail, adjustPlan } from '../inspections/plans.ts';
import { checkDraw, drawPlan, drawsOf } from '../inspections/draw.ts';
import { createAdhocTask, describeTask, getTaskRow, listTasks, revokeTask } from '../inspections/tasks.ts';
import { taskNotice } from '../inspections/notice.ts';
import { burden, decideSuggestion, getSuggestion, listSuggestions, suggestMerges } from '../inspections/merge.ts';
import { rateTask, verifyCode } from '../inspections/verify.ts';
import { displayCode } from '../inspections/action-code.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import {
  AdhocTaskBody,
  AdjustmentBody,
  AdjustmentOut,
  Burden,
  BurdenQuery,
  CodeParams,
  CodeVerification,
  DecisionBody,
  DrawCheckOut,
  DrawOut,
  IdParams,
  IssuedTaskOut,
  PlanDetail,
  PlanListQuery,
  PlanPage,
  RatingBody,
  RatingOut,
  RevokeBody,
  SuggestBody,
  SuggestReport,
  Suggestion,
  SuggestionListQuery,
  SuggestionPage,
  TaskDetail,
  TaskListQuery,
  TaskNotice,
  TaskPage,
  TaskStatusOut,
} from './inspection-schemas.ts';

const origin = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;
const tags = ['inspections'];

export async function inspectionRoutes(app: Api, store: Store): Promise<void> {
  // ── plans ─────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: '年度检查计划（本人辖区；执法部门为本部门）',
        querystring: PlanListQuery,
        response: { 200: PlanPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => listPlans(store, callerOf(req), req.query, req.query.page ?? 1, req.query.pageSize ?? 20),
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: '检查计划详情：抽取批次（种子）、调整记录、任务执行情况',
        params: IdParams,
        response: { 200: PlanDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => planDetail(store, callerOf(req), req.params.id),
  );

  app.post(
    '/plans/:id/draw',
    {
      schema: {
        tags,
        summary: '双随机抽取：随机抽取检查对象和执法人员，每户生成检查任务和行政行为码（种子留存并记入审计日志）',
        params: IdParams,
        response: { 201: DrawOut, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const r = await drawPlan(store, callerOf(req), req.params.id);
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
        tags,
        summary: '复核抽取：以留存的种子重新计算，与已生成的任务逐一比对',
        params: IdParams,
        response: { 200: DrawCheckOut, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      await planDetail(store, caller, req.params.id); // 404 outside the caller's scope
      const draws = await drawsOf(store, caller, { planId: req.params.id });
      return { checks: await Promise.all(draws.map((d) => checkDraw(store, d))) };
    },
  );

  app.post(
    '/plans/:id/adjustments',
    {
      schema: {
        tags,
        summary: '计划动态调整（须写明原因，记入审计日志）：调整户数、结束日期，或替换一个检查对象',
        params: IdParams,
        body: AdjustmentBody,
        response: { 201: AdjustmentOut, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await adjustPlan(store, callerOf(req), req.params.id, req.body)),
  );

  // ── tasks ─────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/inspection-tasks',
    {
      schema: {
        tags,
        summary: '检查任务及其行政行为码（本人辖区；执法部门为本部门及其参加的联合检查）',
        querystring: TaskListQuery,
        response: { 200: TaskPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => listTasks(store, callerOf(req), req.query, req.query.page ?? 1, req.query.pageSize ?? 20),
  );

  app.get(
    '/inspection-tasks/:id',
    {
      schema: {
        tags,
        summary: '检查任务详情：行政行为码代表的执法主体、事项、依据、人员及证号、有效期',
        params: IdParams,
        response: { 200: TaskDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const row = await getTaskRow(store, callerOf(req), req.params.id);
      return { task: await describeTask(store, row), row: { ...row, displayCode: displayCode(row.code) } };
    },
  );

  app.get(
    '/inspection-tasks/:id/notice',
    {
      schema: {
        tags,
        summary: '检查告知单（A6）：任务内容、行政行为码及其二维码（SVG）',
        params: IdParams,
        response: { 200: TaskNotice, ...errors(401, 403, 404) },
      },
    },
    async (req) => taskNotice(store, callerOf(req), req.params.id, origin(req)),
  );

  app.post(
    '/inspection-tasks',
    {
      schema: {
        tags,
        summary: '临时检查任务（投诉举报、转办等计划外检查），入企前赋码',
        body: AdhocTaskBody,
        response: { 201: IssuedTaskOut, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const t = await createAdhocTask(store, callerOf(req), req.body);
      return reply.status(201).send({ ...t, displayCode: displayCode(t.code) });
    },
  );

  app.post(
    '/inspection-tasks/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销检查任务的行政行为码（须写明原因）',
        params: IdParams,
        body: RevokeBody,
        response: { 200: TaskStatusOut, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => revokeTask(store, callerOf(req), req.params.id, req.body.reason),
  );

  // ── merge suggestions (综合查一次) ─────────────────────────────────────────────────────────────
  app.post(
    '/merge-suggestions/run',
    {
      schema: {
        tags,
        summary: '生成“综合查一次”合并建议（监督员，本人辖区）',
        body: SuggestBody,
        response: { 201: SuggestReport, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const b = req.body;
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
        tags,
        summary: '合并建议（监督员：辖区内；执法部门：涉及本部门的）',
        querystring: SuggestionListQuery,
        response: { 200: SuggestionPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => listSuggestions(store, callerOf(req), req.query, req.query.page ?? 1, req.query.pageSize ?? 20),
  );

  app.get(
    '/merge-suggestions/:id',
    {
      schema: { tags, summary: '一条合并建议', params: IdParams, response: { 200: Suggestion, ...errors(401, 403, 404) } },
    },
    async (req) => getSuggestion(store, callerOf(req), req.params.id),
  );

  app.post(
    '/merge-suggestions/:id/decision',
    {
      schema: {
        tags,
        summary: '执法部门确认或拒绝合并（须写明理由）；各部门均确认后生成一个联合检查任务和一个行政行为码',
        params: IdParams,
        body: DecisionBody,
        response: { 200: Suggestion, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => decideSuggestion(store, callerOf(req), req.params.id, req.body),
  );

  app.get(
    '/inspection-burden',
    {
      schema: {
        tags,
        summary: '检查负担：每户计划检查次数分布、超过N次的企业数（计划、已合并、全部采纳建议后）',
        querystring: BurdenQuery,
        response: { 200: Burden, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      return burden(store, caller, req.query.regionCode ?? caller.regionCode, req.query.year, req.query.threshold ?? 3);
    },
  );

  // ── public: a code's verification and the enterprise's rating (no account; validated all the same) ──
  app.get(
    '/action-codes/:code',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '核验行政行为码（公开，无需账号）：有效、未生效、已过期、已撤销、无效或格式错误，及其代表的检查',
        security: [],
        params: CodeParams,
        response: { 200: CodeVerification, ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCode(store, req.params.code);
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
        params: CodeParams,
        body: RatingBody,
        response: { 201: RatingOut, ...errors(400, 403, 404, 409, 429) },
      },
    },
    async (req, reply) => reply.status(201).send(await rateTask(store, req.params.code, req.body)),
  );
}
