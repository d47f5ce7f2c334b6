// The clue loop over HTTP (docs/clues.md lists every call with its shapes): the scoped clue list and
// detail, transitions, bulk assign, merge, deadline extension, evidence files, 12345 intake. Each
// handler is thin: who may is src/policy's, the rules are src/clues'. The background jobs (webhook
// delivery, overdue escalation) are started by `kedu serve` (src/jobs).
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Store } from '../store/store.ts';
import { systemClock, todayOf, type Clock } from '../clues/clock.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import {
  ACTOR_LABELS,
  CLUE_SOURCES,
  CLUE_STATUSES,
  EVENT_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  TRANSITIONS,
  applyTransition,
  extendDeadline,
  mergeClues,
} from '../clues/workflow.ts';
import { clueDetail, clueStats, clueSummary, listClues, presentEvent, supervisionFigures } from '../clues/queries.ts';
import { MODELS } from '../models/library/index.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import { createConsoleClue, intakeImportedTickets, receiveHotlineTicket } from '../clues/intake.ts';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_UPLOAD,
  clueForUpload,
  commitAttachments,
  discardReceived,
  openAttachment,
  receiveAttachment,
  type ReceivedFile,
} from '../clues/attachments.ts';
import { escalateOverdue } from '../clues/escalation.ts';
import { KeduError, badRequest } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';
import { callerOf, type Api } from './app.ts';
import { checkedRange, errors } from './schemas.ts';
import {
  Attachments,
  BulkAssignBody,
  BulkAssignResult,
  ClueDetail,
  ClueExportQuery,
  ClueListQuery,
  CluePage,
  ClueParams,
  ClueStats,
  ClueSupervision,
  ClueWorkflow,
  ConsoleClueBody,
  DeadlineBody,
  Escalations,
  HotlineIntakeBody,
  HotlineIntakeResult,
  HotlineResult,
  HotlineTicketBody,
  IntakeResult,
  MergeBody,
  MergeResult,
  TransitionBody,
  TransitionResult,
} from './clue-schemas.ts';

const SEVERITY_LABELS = { high: '高', medium: '中', low: '低' } as const;

export interface ClueRouteOptions {
  clock?: Clock;
}

export async function clueRoutes(app: Api, store: Store, opts: ClueRouteOptions = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;

  // ── the workflow itself, for the console and other systems ──────────────────────────────────
  app.get(
    '/clues/workflow',
    { schema: { tags: ['clues'], summary: '线索流转规则（状态、操作、角色、期限）', response: { 200: ClueWorkflow, ...errors(401) } } },
    async () => ({
      statuses: CLUE_STATUSES.map((s) => ({ code: s, label: STATUS_LABELS[s] })),
      sources: CLUE_SOURCES.map((s) => ({ code: s, label: SOURCE_LABELS[s] })),
      transitions: TRANSITIONS.map((t) => ({ ...t, from: [...t.from], requires: [...t.requires], byLabel: ACTOR_LABELS[t.by] })),
      eventLabels: EVENT_LABELS,
      deadlineDays: CLUE_SETTINGS.deadlineDays,
      escalation: CLUE_SETTINGS.escalation,
    }),
  );

  // ── reading ─────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/clues',
    {
      schema: {
        tags: ['clues'],
        summary: '线索列表（本人可见范围，可筛选）',
        querystring: ClueListQuery,
        response: { 200: CluePage, ...errors(400, 401) },
      },
    },
    async (req) => listClues(store, callerOf(req), checkedRange(req.query), clock),
  );

  app.get(
    '/clues.xlsx',
    {
      schema: {
        tags: ['clues'],
        summary: '导出线索列表（Excel，本人可见范围，最多5万条）',
        querystring: ClueExportQuery,
        produces: [XLSX_TYPE],
        response: { 200: Type.Unknown({ description: 'Excel 工作簿（.xlsx）' }), ...errors(400, 401) },
      },
    },
    async (req, reply) => {
      const { rows } = await listClues(store, callerOf(req), { ...checkedRange(req.query), page: 1, pageSize: MAX_EXPORT_ROWS }, clock);
      const models = new Map(MODELS.map((m) => [m.code, m.name]));
      const bytes = await toXlsx(
        '问题线索',
        [
          { header: '线索编号', value: (c) => c.number ?? c.id, width: 20 },
          { header: '标题', value: (c) => c.title, width: 48 },
          { header: '状态', value: (c) => c.statusLabel },
          { header: '严重程度', value: (c) => SEVERITY_LABELS[c.severity as 'low'] ?? c.severity },
          { header: '来源', value: (c) => c.sourceLabel },
          { header: '监督模型', value: (c) => (c.modelCode ? (models.get(c.modelCode) ?? c.modelCode) : null), width: 24 },
          { header: '区划', value: (c) => c.regionName },
          { header: '承办单位', value: (c) => c.agencyName, width: 32 },
          { header: '整改期限', value: (c) => c.deadline },
          { header: '逾期', value: (c) => (c.overdue ? `逾期${-(c.daysLeft ?? 0)}天` : null) },
          { header: '督办', value: (c) => c.escalationLabel },
          { header: '发现时间', value: (c) => c.createdAt, width: 26 },
          { header: '更新时间', value: (c) => c.updatedAt, width: 26 },
        ],
        rows,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('问题线索', todayOf(clock)))
        .send(bytes);
    },
  );

  app.get(
    '/clues/stats',
    { schema: { tags: ['clues'], summary: '线索统计（按状态、逾期、临期、升级至本级）', response: { 200: ClueStats, ...errors(401) } } },
    async (req) => clueStats(store, callerOf(req), clock),
  );

  app.get(
    '/clues/supervision',
    {
      schema: {
        tags: ['clues'],
        summary: '监督概况：按执法主体、按模型的未办结与逾期线索（前10）',
        response: { 200: ClueSupervision, ...errors(401) },
      },
    },
    async (req) => {
      const f = await supervisionFigures(store, callerOf(req), clock);
      const names = new Map(MODELS.map((m) => [m.code, m.name]));
      return { ...f, byModel: f.byModel.map((m) => ({ ...m, modelName: names.get(m.modelCode) ?? m.modelCode })) };
    },
  );

  app.get(
    '/clues/:id',
    {
      schema: {
        tags: ['clues'],
        summary: '线索详情与办理时间线',
        params: ClueParams,
        response: { 200: ClueDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => clueDetail(store, callerOf(req), req.params.id, clock),
  );

  // ── intake from the console ─────────────────────────────────────────────────────────────────
  app.post(
    '/clues',
    {
      schema: {
        tags: ['clues'],
        summary: '录入线索（特邀监督员、企业联系点、回访、媒体舆情）',
        body: ConsoleClueBody,
        response: { 201: IntakeResult, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { clueId, reportId, linked, similarity } = await createConsoleClue(store, callerOf(req), req.body, clock);
      return reply.status(201).send({ clueId, reportId, linked, similarity });
    },
  );

  // ── transitions ─────────────────────────────────────────────────────────────────────────────
  app.post(
    '/clues/:id/transitions',
    {
      schema: {
        tags: ['clues'],
        summary: '办理线索：研判、交办、签收、提交整改、销号、退回、排除、移送；简易线索自查办结、转一般程序',
        params: ClueParams,
        body: TransitionBody,
        response: { 200: TransitionResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const r = await applyTransition(store, caller, req.params.id, req.body, clock);
      return { clue: await clueSummary(store, caller, r.clue.id, clock), event: presentEvent(r.event), members: r.members };
    },
  );

  app.post(
    '/clues/bulk-assign',
    {
      schema: {
        tags: ['clues'],
        summary: '批量交办（逐条办理，返回每条结果）',
        body: BulkAssignBody,
        response: { 200: BulkAssignResult, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'manage', { type: 'clues' });
      const body = req.body;
      const results = [];
      for (const id of [...new Set(body.clueIds)]) {
        try {
          const r = await applyTransition(
            store,
            caller,
            id,
            { action: 'assign', agencyId: body.agencyId, deadline: body.deadline, comment: body.comment },
            clock,
          );
          results.push({ id, ok: true, status: r.clue.status, deadline: r.clue.deadline });
        } catch (e) {
          if (!(e instanceof KeduError)) throw e;
          results.push({ id, ok: false, error: { code: e.code, message: e.message } });
        }
      }
      return { assigned: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
    },
  );

  app.post(
    '/clues/merge',
    {
      schema: {
        tags: ['clues'],
        summary: '并案：多条线索并入一个监督案件（以主线索为案件）',
        body: MergeBody,
        response: { 200: MergeResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => mergeClues(store, callerOf(req), req.body.clueIds, req.body.caseId, req.body.comment, clock),
  );

  app.post(
    '/clues/:id/deadline',
    {
      schema: {
        tags: ['clues'],
        summary: '延长整改期限（须说明理由）',
        params: ClueParams,
        body: DeadlineBody,
        response: { 200: TransitionResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const r = await extendDeadline(store, caller, req.params.id, req.body, clock);
      return { clue: await clueSummary(store, caller, r.clue.id, clock), event: presentEvent(r.event), members: r.members };
    },
  );

  app.post(
    '/clues/escalate',
    {
      schema: {
        tags: ['clues'],
        summary: '立即检查逾期线索并升级（管理员；服务每小时自动执行）',
        response: { 200: Escalations, ...errors(401, 403) },
      },
    },
    async (req) => {
      authorize(callerOf(req), 'escalate', { type: 'clues' });
      return { escalated: await escalateOverdue(store, clock) };
    },
  );

  // ── evidence files ──────────────────────────────────────────────────────────────────────────
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS_PER_UPLOAD, fields: 10 } });
    scope.post(
      '/clues/:id/attachments',
      {
        schema: {
          tags: ['clues'],
          summary: '上传整改证明材料（multipart/form-data，字段 file，可多个；记录 SHA-256 与 SM3）',
          consumes: ['multipart/form-data'],
          params: ClueParams,
          response: { 201: Attachments, ...errors(400, 401, 403, 404, 413) },
        },
      },
      async (req, reply) => {
        const caller = callerOf(req);
        if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件', 'file');
        const clue = await clueForUpload(store, caller, req.params.id);
        // Every file is received before any is saved: a refused one (the 11th, one too large) saves none.
        const received: ReceivedFile[] = [];
        try {
          for await (const part of req.files())
            received.push(
              await receiveAttachment({
                fileName: part.filename,
                contentType: part.mimetype,
                stream: part.file,
                truncated: () => part.file.truncated,
              }),
            );
        } catch (e) {
          await discardReceived(received);
          if ((e as { code?: string }).code === 'FST_FILES_LIMIT')
            throw new KeduError('too_large', `一次至多上传 ${MAX_ATTACHMENTS_PER_UPLOAD} 个附件，本次未保存任何文件`);
          throw e;
        }
        const saved = [];
        for (const row of await commitAttachments(store, caller, clue, received, clock)) {
          saved.push({
            id: row.id,
            fileName: row.file_name,
            contentType: row.content_type,
            size: row.size_bytes,
            sha256: row.sha256,
            sm3: row.sm3,
            url: `/api/v1/attachments/${row.id}`,
          });
        }
        if (saved.length === 0) throw badRequest('没有收到文件', 'file');
        return reply.status(201).send({ attachments: saved });
      },
    );
  });

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags: ['clues'],
        summary: '下载附件',
        params: ClueParams,
        produces: ['application/octet-stream'],
        response: { 200: Type.Unknown({ description: '附件内容（原样）' }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { row, stream, size } = await openAttachment(store, callerOf(req), req.params.id);
      return reply
        .header('content-type', row.content_type)
        .header('content-length', size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('x-kedu-sha256', row.sha256)
        .header('x-kedu-sm3', row.sm3)
        .send(stream);
    },
  );

  // ── 12345 hotline ───────────────────────────────────────────────────────────────────────────
  app.post(
    '/hotline-tickets',
    {
      schema: {
        tags: ['intake'],
        summary: '接收12345工单（幂等；涉及执法问题的生成或并入线索）',
        body: HotlineTicketBody,
        response: { 200: HotlineResult, 201: HotlineResult, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const r = await receiveHotlineTicket(store, callerOf(req), req.body, clock);
      return reply.status(r.duplicate ? 200 : 201).send(r);
    },
  );

  app.post(
    '/hotline-tickets/intake',
    {
      schema: {
        tags: ['intake'],
        summary: '处理批量导入但尚未研判的12345工单（本辖区）',
        body: HotlineIntakeBody,
        response: { 200: HotlineIntakeResult, ...errors(401, 403) },
      },
    },
    async (req) => intakeImportedTickets(store, callerOf(req), clock, req.body?.limit),
  );
}
