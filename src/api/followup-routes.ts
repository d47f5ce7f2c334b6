// Follow-up (回访): campaigns and their draw, the call list for the call centre (JSON and CSV), call
// outcomes back through the import, survey invitations (links, QR codes) and the public survey, the
// analysis, reports (JSON, Word), the duty team's daily list and the results the evaluation reads.
// See docs/followup.md.
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import QRCode from 'qrcode';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { businessDate, isIsoDate } from '../domain/dates.ts';
import { importRows, ImportForbidden, FileProblem } from '../ingest/import-batch.ts';
import { recordsSource } from '../ingest/sources.ts';
import { realtimeIngest } from '../models/ingest-hook.ts';
import { CATEGORIES, CLAIMS, SATISFACTION } from '../followup/categories.ts';
import { DEFAULT_QUESTIONNAIRES, MAPS, QUESTION_TYPES } from '../followup/questionnaire.ts';
import { SUBJECT_KINDS } from '../followup/records.ts';
import { RULES } from '../followup/rules.ts';
import {
  CAMPAIGN_STATUS,
  DEFAULT_SETTINGS,
  LEVELS,
  METHODS,
  campaignStats,
  createCampaign,
  getCampaign,
  listCampaigns,
  summaryOf,
} from '../followup/campaigns.ts';
import { drawCampaign, verifyDraw } from '../followup/selection.ts';
import { callList, callListCsv } from '../followup/calls.ts';
import { openSurvey, signToken, submitSurvey, surveyKey } from '../followup/survey.ts';
import { campaignReport, dutyList, followupResults } from '../followup/results.ts';
import { renderReportDocx } from '../followup/report-docx.ts';
import { registerFollowupHooks } from '../followup/hooks.ts';
import { authorize, maskFor, regionScope } from '../policy/index.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import * as S from './followup-schemas.ts';
import { ImportReport } from './ingest-schemas.ts';
import { withUrl } from './ingest-routes.ts';
import { badRequest, forbidden } from '../domain/errors.ts';

const Id = S.CampaignParams;
const tags = ['followup'];

/** The public address survey links point at: KEDU_PUBLIC_URL, else the address the request came to. */
function publicBase(req: Pick<FastifyRequest, 'protocol' | 'headers'>): string {
  return (process.env.KEDU_PUBLIC_URL ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`).replace(/\/$/, '');
}

export async function followupRoutes(app: Api, store: Store, asOf?: string): Promise<void> {
  registerFollowupHooks();
  const today = () => asOf ?? businessDate(new Date());

  app.get(
    '/followup/meta',
    {
      schema: {
        tags,
        summary: '回访的代码表：类别、方式、层级、差异访规则、问题类别、默认问卷',
        response: { 200: S.Meta, ...errors(401) },
      },
    },
    async () => ({
      subjectKinds: Object.entries(SUBJECT_KINDS).map(([code, v]) => ({ code, label: v.label })),
      methods: Object.entries(METHODS).map(([code, label]) => ({ code, label })),
      levels: Object.entries(LEVELS).map(([code, label]) => ({ code, label })),
      statuses: Object.entries(CAMPAIGN_STATUS).map(([code, label]) => ({ code, label })),
      rules: Object.entries(RULES).map(([code, label]) => ({ code, label })),
      categories: Object.entries(CATEGORIES).map(([code, v]) => ({ code, label: v.label, serious: v.serious })),
      claims: Object.entries(CLAIMS).map(([code, label]) => ({ code, label })),
      satisfaction: Object.entries(SATISFACTION).map(([code, label]) => ({ code, label })),
      questionTypes: [...QUESTION_TYPES],
      maps: [...MAPS],
      defaultSettings: DEFAULT_SETTINGS,
      defaultQuestionnaires: DEFAULT_QUESTIONNAIRES,
    }),
  );

  app.get(
    '/followup/campaigns',
    {
      schema: {
        tags,
        summary: '回访活动列表（本辖区）',
        querystring: S.CampaignQuery,
        response: { 200: S.CampaignPage, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const q = req.query;
      return listCampaigns(store, callerOf(req), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.post(
    '/followup/campaigns',
    {
      schema: {
        tags,
        summary: '新建回访活动（监督员、管理员）',
        body: S.CampaignBody,
        response: { 201: S.CampaignCreated, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const c = await createCampaign(store, callerOf(req), req.body);
      return reply.status(201).send({ campaign: { ...summaryOf(c, null), questionnaire: c.questionnaire, settings: c.settings } });
    },
  );

  app.get(
    '/followup/campaigns/:id',
    { schema: { tags, summary: '回访活动详情', params: Id, response: { 200: S.CampaignAnswer, ...errors(401, 403, 404) } } },
    async (req) => {
      const c = await getCampaign(store, callerOf(req), req.params.id);
      const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${c.region_code}`);
      const stats = (await campaignStats(store, [c.id])).get(c.id) ?? { tasks: 0, answered: 0, reached: 0, calls: 0 };
      return {
        campaign: {
          ...summaryOf(c, region?.name ?? null),
          ...stats,
          seed: c.seed,
          drawnAt: c.drawn_at,
          drawDigest: c.draw_digest,
          questionnaire: c.questionnaire,
          settings: c.settings,
        },
      };
    },
  );

  app.post(
    '/followup/campaigns/:id/draw',
    {
      schema: {
        tags,
        summary: '抽取回访对象（双随机：随机种子留存、可复核；差异访：按规则；云调研：全部并生成问卷链接）',
        params: Id,
        body: S.DrawBody,
        response: { 200: S.DrawResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const d = await drawCampaign(store, callerOf(req), req.params.id, { seed: req.body?.seed });
      const byRule: Record<string, number> = {};
      for (const p of d.picks) byRule[p.rule] = (byRule[p.rule] ?? 0) + 1;
      return {
        seed: d.seed,
        drawnAt: d.drawnAt,
        digest: d.digest,
        candidates: d.candidates,
        excludedRecent: d.excludedRecent,
        selected: d.picks.length,
        byRule,
      };
    },
  );

  app.get(
    '/followup/campaigns/:id/verify',
    {
      schema: {
        tags,
        summary: '复核抽取：以留存的种子重新抽取并比对',
        params: Id,
        response: { 200: S.Verification, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => verifyDraw(store, callerOf(req), req.params.id),
  );

  app.get(
    '/followup/campaigns/:id/tasks',
    {
      schema: {
        tags,
        summary: '回访对象（抽取结果，含选取规则和原因）',
        params: Id,
        querystring: S.TaskQuery,
        response: { 200: S.TaskPage, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const c = await getCampaign(store, caller, req.params.id);
      const q = req.query;
      const page = q.page ?? 1;
      const size = q.pageSize ?? 20;
      const where = [sql`t.campaign_id = ${c.id}`];
      if (q.status) where.push(sql`t.status = ${q.status}`);
      if (q.rule) where.push(sql`t.rule = ${q.rule}`);
      const w = where.reduce((a, b) => sql`${a} AND ${b}`);
      const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM followup_tasks t WHERE ${w}`);
      const rows = await store.query<S.Task>(sql`
        SELECT t.id, t.subject_kind AS "subjectKind", t.subject_id AS "subjectId", t.entity_uscc AS "entityUscc", e.name AS "entityName",
          t.agency_id AS "agencyId", ag.name AS "agencyName", t.officer_id AS "officerId", o.name AS "officerName", t.asker_id AS "askerId",
          u.display_name AS "askerName", t.rule, t.rule_detail AS reason, t.channel, t.status, t.second_call_status AS "secondCallStatus",
          CAST(t.second_call_due AS VARCHAR) AS "secondCallDue"
        FROM followup_tasks t LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies ag ON ag.id = t.agency_id
          LEFT JOIN officers o ON o.id = t.officer_id LEFT JOIN users u ON u.id = t.asker_id
        WHERE ${w} ORDER BY t.id LIMIT ${size} OFFSET ${(page - 1) * size}`);
      return { total: Number(total.n), page, pageSize: size, rows };
    },
  );

  app.get(
    '/followup/campaigns/:id/call-list',
    {
      schema: {
        tags,
        summary: '外呼名单及话术（供呼叫中心）',
        params: Id,
        querystring: S.CallListQuery,
        response: { 200: S.CallList, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await callList(store, callerOf(req), req.params.id, {
        which: q.which ?? 'first',
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 500,
      });
      return { total: r.total, rows: r.rows };
    },
  );

  app.get(
    '/followup/campaigns/:id/call-list.csv',
    {
      schema: {
        tags,
        summary: '外呼名单 CSV（UTF-8 带 BOM）',
        params: Id,
        querystring: S.CallListCsvQuery,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: '外呼名单 CSV' }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const id = req.params.id;
      const r = await callList(store, callerOf(req), id, { which: req.query.which ?? 'first' });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="call-list-${id}.csv"`)
        .send(callListCsv(r.rows));
    },
  );

  const invitations = async (req: Pick<FastifyRequest, 'caller' | 'protocol' | 'headers'> & { params: { id: string } }) => {
    const c = await getCampaign(store, callerOf(req), req.params.id);
    if (c.mode !== 'cloud') throw badRequest('只有云调研活动有问卷链接', 'id');
    const key = await surveyKey(store);
    const rows = await store.query<{
      id: string;
      task_id: string;
      expires_at: string;
      used_at: string | null;
      entity_name: string | null;
      agency_name: string | null;
    }>(sql`
      SELECT i.id, i.task_id, CAST(i.expires_at AS VARCHAR) AS expires_at, CAST(i.used_at AS VARCHAR) AS used_at, e.name AS entity_name, ag.name AS agency_name
      FROM followup_invitations i JOIN followup_tasks t ON t.id = i.task_id LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies ag ON ag.id = t.agency_id
      WHERE i.campaign_id = ${c.id} ORDER BY i.task_id`);
    const base = publicBase(req);
    return rows.map((r) => ({
      taskId: r.task_id,
      entityName: r.entity_name,
      agencyName: r.agency_name,
      expiresAt: r.expires_at,
      used: !!r.used_at,
      link: `${base}/survey/${c.id}?t=${signToken(key, { id: r.id, campaignId: c.id, expiresAt: r.expires_at })}`,
    }));
  };
  app.get(
    '/followup/campaigns/:id/invitations',
    {
      schema: {
        tags,
        summary: '云调研问卷链接（每个回访对象一个，一次有效）',
        params: Id,
        response: { 200: S.InvitationList, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => ({
      rows: await invitations(req),
    }),
  );
  app.get(
    '/followup/campaigns/:id/invitations.csv',
    {
      schema: {
        tags,
        summary: '云调研问卷链接 CSV',
        params: Id,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: '问卷链接 CSV' }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const rows = await invitations(req);
      const cell = (s: string | null) => (/[",\n]/.test(s ?? '') ? `"${(s ?? '').replace(/"/g, '""')}"` : (s ?? ''));
      const csv = [
        '回访任务编号,企业名称,执法部门,有效期至,是否已答,问卷链接',
        ...rows.map((r) => [r.taskId, r.entityName, r.agencyName, r.expiresAt, r.used ? '是' : '否', r.link].map(cell).join(',')),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="invitations.csv"')
        .send('\uFEFF' + csv.join('\r\n') + '\r\n');
    },
  );
  app.get(
    '/followup/campaigns/:id/invitations/:taskId/qr.svg',
    {
      schema: {
        tags,
        summary: '问卷链接二维码（SVG）',
        params: S.QrParams,
        produces: ['image/svg+xml'],
        response: { 200: Type.String({ description: 'SVG 二维码' }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { taskId } = req.params;
      const inv = (await invitations(req)).find((r) => r.taskId === taskId);
      if (!inv) throw badRequest('该回访对象没有问卷链接', 'taskId');
      return reply
        .header('content-type', 'image/svg+xml')
        .send(await QRCode.toString(inv.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    },
  );

  app.get(
    '/followup/campaigns/:id/answers',
    {
      schema: {
        tags,
        summary: '回访结果：外呼结果、答复与分析',
        params: Id,
        querystring: S.AnswerQuery,
        response: { 200: S.AnswerPage, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const c = await getCampaign(store, caller, req.params.id);
      const q = req.query;
      const page = q.page ?? 1;
      const size = q.pageSize ?? 20;
      const cat = q.category ? sql`AND x.categories LIKE ${'%' + q.category.replace(/[%_]/g, '') + '%'}` : sql``;
      const [total] = await store.query<{ n: number }>(sql`
        SELECT count(*) AS n FROM followup_answers a JOIN followup_tasks t ON t.id = a.task_id LEFT JOIN followup_analyses x ON x.answer_id = a.id
        WHERE t.campaign_id = ${c.id} ${cat}`);
      const rows = await store.query<Omit<S.Answer, 'categories' | 'findings'> & { categories: string | null }>(sql`
        SELECT a.id, a.task_id AS "taskId", e.name AS "entityName", ag.name AS "agencyName", CAST(a.answered_at AS VARCHAR) AS "answeredAt",
          COALESCE(a.outcome, 'reached') AS outcome, COALESCE(a.channel, t.channel) AS channel, a.satisfaction AS score, a.transcript, a.answers,
          x.satisfaction, x.categories, x.praise
        FROM followup_answers a JOIN followup_tasks t ON t.id = a.task_id LEFT JOIN followup_analyses x ON x.answer_id = a.id
          LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies ag ON ag.id = t.agency_id
        WHERE t.campaign_id = ${c.id} ${cat} ORDER BY a.answered_at DESC, a.id LIMIT ${size} OFFSET ${(page - 1) * size}`);
      const ids = rows.map((r) => r.id);
      const findings = ids.length
        ? await store.query<S.Finding & { answer_id: string }>(
            sql`SELECT answer_id, kind, code, serious, value, sentence FROM followup_findings WHERE answer_id IN (${ids.map((i) => sql`${i}`).reduce((a, b) => sql`${a}, ${b}`)})`,
          )
        : [];
      return {
        total: Number(total.n),
        page,
        pageSize: size,
        rows: rows.map((r) => ({
          ...r,
          // A phone or ID number said in a call is personal data: masked in the text as in every list.
          transcript: r.transcript === null ? null : maskFor(caller, 'free_text', r.transcript),
          categories: r.categories ? r.categories.split(',').filter(Boolean) : [],
          findings: findings.filter((f) => f.answer_id === r.id).map(({ answer_id: _, ...f }) => f),
        })),
      };
    },
  );

  app.get(
    '/followup/campaigns/:id/report',
    {
      schema: {
        tags,
        summary: '回访活动报告（接通率、满意度、发现和解决的问题）',
        params: Id,
        response: { 200: S.CampaignReport, ...errors(401, 403, 404) },
      },
    },
    async (req) => campaignReport(store, callerOf(req), req.params.id, today()),
  );
  app.get(
    '/followup/campaigns/:id/report.docx',
    {
      schema: {
        tags,
        summary: '回访活动报告（Word）',
        params: Id,
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: { 200: Type.Unknown({ description: 'Word 文档（.docx）' }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const r = await campaignReport(store, caller, req.params.id, today());
      const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${r.campaign.regionCode}`);
      const issuer = `${region?.name ?? ''}司法局`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="followup-report-${r.campaign.id}.docx"`)
        .send(await renderReportDocx(r, issuer, today()));
    },
  );

  app.post(
    '/followup/outcomes',
    {
      schema: {
        tags,
        summary: '呼叫中心回传外呼结果（经导入通道入库：幂等、逐条校验；入库即分析并判断碰撞）',
        body: S.OutcomesBody,
        response: { 200: ImportReport, ...errors(400, 401, 403, 413) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const body = req.body;
      // Outcomes land as follow-up answers through the import: its policy first, then only the caller's tasks are known.
      authorize(caller, 'import', { type: 'records', kind: 'followup_answers' });
      const ids = [...new Set(body.outcomes.map((o) => o.taskId))];
      const regions = new Map(
        (
          await store.query<{ id: string; region_code: string }>(
            sql`SELECT t.id, t.region_code FROM followup_tasks t WHERE t.id IN (${ids.map((i) => sql`${i}`).reduce((a, b) => sql`${a}, ${b}`)}) AND ${regionScope(caller, 't')}`,
          )
        ).map((r) => [r.id, r.region_code]),
      );
      const unknown = body.outcomes.findIndex((o) => !regions.has(o.taskId));
      if (unknown >= 0) throw badRequest(`回访任务不存在：${body.outcomes[unknown].taskId}`, `outcomes[${unknown}].taskId`);
      const records = body.outcomes.map((o) => ({
        source_id: o.callId,
        task_id: o.taskId,
        region_code: regions.get(o.taskId),
        answered_at: o.calledAt,
        outcome: o.outcome,
        channel: o.channel ?? 'phone',
        satisfaction: o.satisfaction === undefined ? null : String(o.satisfaction),
        answers: o.answers ? JSON.stringify(o.answers) : null,
        transcript: o.transcript ?? null,
      }));
      const realtime = realtimeIngest(store, caller, 'followup_answers', asOf);
      await realtime.prepare();
      try {
        const report = await importRows(store, recordsSource(records), {
          kind: 'followup_answers',
          caller,
          sourceSystem: body.sourceSystem,
          onLanded: realtime.onLanded,
        });
        return { ...withUrl(report), realtime: realtime.summary() };
      } catch (e) {
        realtime.failed();
        if (e instanceof ImportForbidden) throw forbidden(e.message);
        if (e instanceof FileProblem) throw badRequest(e.message);
        throw e;
      }
    },
  );

  app.get(
    '/followup/duty-list',
    {
      schema: {
        tags,
        summary: '驻队日查：未办结的回访问题（执法部门：本部门）与待人工复核',
        querystring: S.DutyQuery,
        response: { 200: S.DutyList, ...errors(401, 403) },
      },
    },
    async (req) => dutyList(store, callerOf(req), { today: today(), agencyId: req.query.agencyId }),
  );

  app.get(
    '/followup/results',
    {
      schema: {
        tags,
        summary: '回访评价结果（按执法部门或执法人员；双向激励评价：表扬与投诉）',
        querystring: S.ResultsQuery,
        response: { 200: S.Results, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const q = req.query;
      if (!isIsoDate(q.from)) throw badRequest('起始日期须为 YYYY-MM-DD', 'from');
      if (!isIsoDate(q.to)) throw badRequest('截止日期须为 YYYY-MM-DD', 'to');
      const rows = await followupResults(store, callerOf(req), { by: q.by ?? 'agency', from: q.from, to: q.to, regionCode: q.regionCode });
      return { rows };
    },
  );

  // ── the public survey: no account ────────────────────────────────────────────────────────────
  app.get(
    '/survey/:campaignId',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '打开回访问卷（公开，凭链接中的令牌）',
        security: [],
        params: S.SurveyParams,
        querystring: S.SurveyQuery,
        response: { 200: S.SurveyPage, ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return openSurvey(store, req.params.campaignId, req.query.t);
    },
  );
  app.post(
    '/survey/:campaignId',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: '提交回访问卷（公开；令牌一次有效）',
        security: [],
        params: S.SurveyParams,
        body: S.SurveyBody,
        response: { 201: S.SurveySubmitted, ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const r = await submitSurvey(store, req.params.campaignId, body.token, body.answers, { asOf });
      return reply.status(201).send({ ...r, message: '提交成功，感谢您对行政执法监督工作的支持！' });
    },
  );
}
