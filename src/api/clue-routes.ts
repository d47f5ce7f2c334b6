// The clue loop over HTTP (docs/clues.md lists every call with its shapes): the scoped clue list and
// detail, transitions, bulk assign, merge, deadline extension, evidence upload, 12345 intake, notices
// and their Word documents, webhook receivers. Each handler is thin: the rules live in src/clues and
// src/notices. The background jobs (webhook delivery, overdue escalation) are started by `kedu serve` (src/jobs).
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type, type TSchema } from '@sinclair/typebox';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionProblem } from '../domain/region.ts';
import { systemClock, type Clock } from '../clues/clock.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import {
  ACTOR_LABELS,
  CLUE_ACTIONS,
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
import { clueDetail, clueStats, clueSummary, listClues, presentEvent } from '../clues/queries.ts';
import { CONSOLE_SOURCES, createConsoleClue, intakeImportedTickets, receiveHotlineTicket } from '../clues/intake.ts';
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
import { NOTICE_KINDS } from '../notices/numbering.ts';
import { issueNotice, listNotices, loadNotice, noticeDetail, presentNotice, respondNotice } from '../notices/notices.ts';
import { renderNoticeDocx } from '../notices/docx.ts';
import { WEBHOOK_EVENTS } from '../integration/webhooks.ts';
import { webhookTargetProblem } from '../integration/webhook-target.ts';
import { todayOf } from '../clues/clock.ts';
import { callerOf } from './app.ts';
import { KeduError, badRequest, forbidden, notFound } from './errors.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DATE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const ID = Type.String({ minLength: 1, maxLength: 64 });
const Comment = Type.String({ maxLength: 2000 });
const Severity = Literals(['low', 'medium', 'high']);
const BasisRef = Type.Object({ regulationId: Type.String({ maxLength: 80 }), article: Type.Integer({ minimum: 1, maximum: 2000 }) });
export const ErrorOut = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    id: Type.Optional(Type.String()),
  }),
});
const errors = { 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };

export const ClueSummaryOut = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Literals(CLUE_STATUSES),
  statusLabel: Type.String(),
  source: Type.String(),
  sourceLabel: Type.String(),
  severity: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  modelCode: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  daysLeft: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
  escalationLevel: Nullable(Type.String()),
  escalationLabel: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  isCase: Type.Boolean(),
  memberCount: Type.Integer(),
  reportCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const EventOut = Type.Object({
  id: Type.String(),
  action: Type.String(),
  actionLabel: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  actor: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  comment: Nullable(Type.String()),
  detail: Type.Unknown(),
  occurredAt: Type.String(),
});
const ClueDetailOut = Type.Object({
  clue: Type.Composite([
    ClueSummaryOut,
    Type.Object({
      explanation: Type.String(),
      evidence: Type.Unknown(),
      params: Type.Unknown(),
      entityUscc: Nullable(Type.String()),
      subjectName: Nullable(Type.String()),
      rectification: Nullable(Type.String()),
      basis: Type.Unknown(),
      escalatedAt: Nullable(Type.String()),
      allowedActions: Type.Array(Type.String()),
    }),
  ]),
  timeline: Type.Array(EventOut),
  reports: Type.Array(
    Type.Object({
      id: Type.String(),
      source: Type.String(),
      sourceLabel: Type.String(),
      sourceRef: Nullable(Type.String()),
      content: Type.String(),
      subjectName: Nullable(Type.String()),
      contact: Nullable(Type.String()),
      linked: Type.Boolean(),
      similarity: Nullable(Type.Number()),
      receivedAt: Type.String(),
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
      sm3: Type.String(),
      uploadedBy: Type.String(),
      uploadedAt: Type.String(),
      url: Type.String(),
    }),
  ),
  members: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), status: Type.String(), statusLabel: Type.String(), regionCode: Type.String() }),
  ),
  notices: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), number: Type.String(), status: Type.String(), issuedOn: Type.String() }),
  ),
});
const TransitionOut = Type.Object({ clue: ClueSummaryOut, event: EventOut, members: Type.Array(Type.String()) });
const AttachmentOut = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  sm3: Type.String(),
  url: Type.String(),
});
export const NoticeOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  number: Type.String(),
  title: Type.String(),
  regionCode: Type.String(),
  issuer: Type.String(),
  addressee: Type.String(),
  agencyId: Nullable(Type.String()),
  clueIds: Type.Array(Type.String()),
  issuedOn: Type.String(),
  deadline: Nullable(Type.String()),
  status: Type.String(),
  statusLabel: Type.String(),
  overdue: Type.Boolean(),
  response: Nullable(Type.String()),
  respondedOn: Nullable(Type.String()),
  respondedBy: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  download: Type.String(),
});
const IntakeOut = Type.Object({
  clueId: Type.String(),
  reportId: Type.String(),
  linked: Type.Boolean(),
  similarity: Nullable(Type.Number()),
});

export interface ClueRouteOptions {
  clock?: Clock;
}

export async function clueRoutes(app: FastifyInstance, store: Store, opts: ClueRouteOptions = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;

  // ── the workflow itself, for the console and other systems ──────────────────────────────────
  app.get(
    '/clues/workflow',
    {
      schema: { tags: ['clues'], summary: '线索流转规则（状态、操作、角色、期限）' },
    },
    async () => ({
      statuses: CLUE_STATUSES.map((s) => ({ code: s, label: STATUS_LABELS[s] })),
      sources: CLUE_SOURCES.map((s) => ({ code: s, label: SOURCE_LABELS[s] })),
      transitions: TRANSITIONS.map((t) => ({ ...t, by: t.by, byLabel: ACTOR_LABELS[t.by] })),
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
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 200, description: '一个或多个状态，逗号分隔' })),
          source: Type.Optional(Type.String({ maxLength: 200 })),
          severity: Type.Optional(Type.String({ maxLength: 40 })),
          agencyId: Type.Optional(ID),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' })),
          modelCode: Type.Optional(Type.String({ maxLength: 64 })),
          overdue: Type.Optional(Type.Boolean()),
          escalated: Type.Optional(Type.Boolean({ description: '已逾期升级至本级（或更高级）' })),
          caseId: Type.Optional(ID),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(ClueSummaryOut) }),
          400: ErrorOut,
        },
      },
    },
    async (req) => listClues(store, callerOf(req), req.query as Parameters<typeof listClues>[2], clock),
  );

  app.get(
    '/clues/stats',
    {
      schema: { tags: ['clues'], summary: '线索统计（按状态、逾期、临期、升级至本级）' },
    },
    async (req) => clueStats(store, callerOf(req), clock),
  );

  app.get(
    '/clues/:id',
    {
      schema: {
        tags: ['clues'],
        summary: '线索详情与办理时间线',
        params: Type.Object({ id: ID }),
        response: { 200: ClueDetailOut, ...errors },
      },
    },
    async (req) => clueDetail(store, callerOf(req), (req.params as { id: string }).id, clock),
  );

  // ── intake from the console ─────────────────────────────────────────────────────────────────
  app.post(
    '/clues',
    {
      schema: {
        tags: ['clues'],
        summary: '录入线索（特邀监督员、企业联系点、回访、媒体舆情）',
        body: Type.Object({
          source: Literals(CONSOLE_SOURCES),
          regionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
          title: Type.Optional(Type.String({ maxLength: 200 })),
          content: Type.String({ minLength: 5, maxLength: 5000 }),
          severity: Type.Optional(Severity),
          agencyId: Type.Optional(ID),
          entityUscc: Type.Optional(Type.String({ maxLength: 18 })),
          subjectName: Type.Optional(Type.String({ maxLength: 200 })),
          basis: Type.Optional(Type.Array(BasisRef, { maxItems: 10 })),
        }),
        response: { 201: IntakeOut, ...errors },
      },
    },
    async (req, reply) => {
      const r = await createConsoleClue(store, callerOf(req), req.body as Parameters<typeof createConsoleClue>[2], clock);
      return reply.status(201).send(r);
    },
  );

  // ── transitions ─────────────────────────────────────────────────────────────────────────────
  const TransitionBody = Type.Object({
    action: Literals(CLUE_ACTIONS),
    comment: Type.Optional(Comment),
    agencyId: Type.Optional(ID),
    deadline: Type.Optional(DATE),
    rectification: Type.Optional(Type.String({ maxLength: 10000 })),
    attachmentIds: Type.Optional(Type.Array(ID, { maxItems: 50 })),
  });
  app.post(
    '/clues/:id/transitions',
    {
      schema: {
        tags: ['clues'],
        summary: '办理线索：研判、交办、签收、提交整改、销号、退回、排除、移送',
        params: Type.Object({ id: ID }),
        body: TransitionBody,
        response: { 200: TransitionOut, ...errors },
      },
    },
    async (req) => {
      const r = await applyTransition(
        store,
        callerOf(req),
        (req.params as { id: string }).id,
        req.body as Parameters<typeof applyTransition>[3],
        clock,
      );
      return { clue: await clueSummary(store, r.clue.id, clock), event: presentEvent(r.event), members: r.members };
    },
  );

  app.post(
    '/clues/bulk-assign',
    {
      schema: {
        tags: ['clues'],
        summary: '批量交办（逐条办理，返回每条结果）',
        body: Type.Object({
          clueIds: Type.Array(ID, { minItems: 1, maxItems: 200 }),
          agencyId: ID,
          deadline: Type.Optional(DATE),
          comment: Type.Optional(Comment),
        }),
        response: {
          200: Type.Object({
            assigned: Type.Integer(),
            refused: Type.Integer(),
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                ok: Type.Boolean(),
                status: Type.Optional(Type.String()),
                deadline: Type.Optional(Nullable(Type.String())),
                error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const body = req.body as { clueIds: string[]; agencyId: string; deadline?: string; comment?: string };
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
        body: Type.Object({
          clueIds: Type.Array(ID, { minItems: 2, maxItems: 100 }),
          caseId: Type.Optional(ID),
          comment: Type.Optional(Comment),
        }),
        response: { 200: Type.Object({ caseId: Type.String(), members: Type.Array(Type.String()) }), ...errors },
      },
    },
    async (req) => {
      const b = req.body as { clueIds: string[]; caseId?: string; comment?: string };
      return mergeClues(store, callerOf(req), b.clueIds, b.caseId, b.comment, clock);
    },
  );

  app.post(
    '/clues/:id/deadline',
    {
      schema: {
        tags: ['clues'],
        summary: '延长整改期限（须说明理由）',
        params: Type.Object({ id: ID }),
        body: Type.Object({ deadline: DATE, reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: { 200: TransitionOut, ...errors },
      },
    },
    async (req) => {
      const r = await extendDeadline(
        store,
        callerOf(req),
        (req.params as { id: string }).id,
        req.body as { deadline: string; reason: string },
        clock,
      );
      return { clue: await clueSummary(store, r.clue.id, clock), event: presentEvent(r.event), members: r.members };
    },
  );

  app.post(
    '/clues/escalate',
    {
      schema: { tags: ['clues'], summary: '立即检查逾期线索并升级（管理员；服务每小时自动执行）' },
    },
    async (req) => {
      if (callerOf(req).role !== 'admin') throw forbidden('仅管理员可以手动执行逾期升级');
      return { escalated: await escalateOverdue(store, clock) };
    },
  );

  // ── evidence files ──────────────────────────────────────────────────────────────────────────
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS_PER_UPLOAD, fields: 10 } });
    scope.post(
      '/clues/:id/attachments',
      {
        schema: {
          tags: ['clues'],
          summary: '上传整改证明材料（multipart/form-data，字段 file，可多个；记录 SHA-256 与 SM3）',
          consumes: ['multipart/form-data'],
          params: Type.Object({ id: ID }),
          response: { 201: Type.Object({ attachments: Type.Array(AttachmentOut) }), ...errors, 413: ErrorOut },
        },
      },
      async (req, reply) => {
        const caller = callerOf(req);
        if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件', 'file');
        const clue = await clueForUpload(store, caller, (req.params as { id: string }).id);
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
      schema: { tags: ['clues'], summary: '下载附件', params: Type.Object({ id: ID }) },
    },
    async (req, reply) => {
      const { row, stream, size } = await openAttachment(store, callerOf(req), (req.params as { id: string }).id);
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
        body: Type.Object({
          sourceSystem: Type.Optional(Type.String({ minLength: 1, maxLength: 40, default: '12345' })),
          sourceId: Type.String({ minLength: 1, maxLength: 100 }),
          regionCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
          receivedAt: Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601' }),
          category: Type.String({ minLength: 1, maxLength: 200 }),
          content: Type.String({ minLength: 1, maxLength: 20000 }),
          entityUscc: Type.Optional(Type.String({ maxLength: 18 })),
          agencyId: Type.Optional(ID),
          status: Type.Optional(Literals(['open', 'answered', 'closed'])),
          concernsEnforcement: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object({ ticketId: Type.String(), duplicate: Type.Boolean(), intake: Type.String(), clueId: Nullable(Type.String()) }),
          201: Type.Object({ ticketId: Type.String(), duplicate: Type.Boolean(), intake: Type.String(), clueId: Nullable(Type.String()) }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const r = await receiveHotlineTicket(store, callerOf(req), req.body as Parameters<typeof receiveHotlineTicket>[2], clock);
      return reply.status(r.duplicate ? 200 : 201).send(r);
    },
  );

  app.post(
    '/hotline-tickets/intake',
    {
      schema: {
        tags: ['intake'],
        summary: '处理批量导入但尚未研判的12345工单（本辖区）',
        body: Type.Optional(Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) })),
        response: { 200: Type.Object({ looked: Type.Integer(), clues: Type.Integer(), linked: Type.Integer() }), 403: ErrorOut },
      },
    },
    async (req) => intakeImportedTickets(store, callerOf(req), clock, (req.body as { limit?: number } | undefined)?.limit),
  );

  // ── notices ─────────────────────────────────────────────────────────────────────────────────
  app.post(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '制发监督提示单、执法监督通知书或移送函',
        body: Type.Object({
          kind: Literals(NOTICE_KINDS),
          clueIds: Type.Array(ID, { minItems: 1, maxItems: 50 }),
          agencyId: Type.Optional(ID),
          addressee: Type.Optional(Type.String({ maxLength: 100 })),
          basis: Type.Optional(Type.Array(BasisRef, { maxItems: 10 })),
          requiredAction: Type.Optional(Type.String({ maxLength: 4000 })),
          deadline: Type.Optional(DATE),
        }),
        response: { 201: Type.Object({ notice: NoticeOut }), ...errors },
      },
    },
    async (req, reply) => {
      const row = await issueNotice(store, callerOf(req), req.body as Parameters<typeof issueNotice>[2], clock);
      return reply.status(201).send({ notice: presentNotice(row, todayOf(clock)) });
    },
  );

  app.get(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '文书列表（本人可见范围）',
        querystring: Type.Object({
          kind: Type.Optional(Literals(NOTICE_KINDS)),
          status: Type.Optional(Literals(['issued', 'answered'])),
          agencyId: Type.Optional(ID),
          clueId: Type.Optional(ID),
          overdue: Type.Optional(Type.Boolean()),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(NoticeOut) }),
        },
      },
    },
    async (req) => listNotices(store, callerOf(req), req.query as Parameters<typeof listNotices>[2], clock),
  );

  app.get(
    '/notices/:id',
    {
      schema: { tags: ['notices'], summary: '文书详情（含引用条文原文）', params: Type.Object({ id: ID }) },
    },
    async (req) => noticeDetail(store, callerOf(req), (req.params as { id: string }).id, clock),
  );

  app.get(
    '/notices/:id.docx',
    {
      schema: {
        tags: ['notices'],
        summary: '下载文书 Word 文档（GB/T 9704 公文格式）',
        params: Type.Object({ id: ID }),
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
    },
    async (req, reply) => {
      const n = await loadNotice(store, callerOf(req), (req.params as { id: string }).id);
      const bytes = await renderNoticeDocx(n);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="${n.id}.docx"; filename*=UTF-8''${encodeURIComponent(`${n.title}（${n.number}）.docx`)}`,
        )
        .send(bytes);
    },
  );

  app.post(
    '/notices/:id/response',
    {
      schema: {
        tags: ['notices'],
        summary: '登记文书答复（承办单位、纪检监察联络员或监督员代录）',
        params: Type.Object({ id: ID }),
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 10000 }), respondedOn: Type.Optional(DATE) }),
        response: { 200: Type.Object({ notice: NoticeOut }), ...errors },
      },
    },
    async (req) =>
      respondNotice(store, callerOf(req), (req.params as { id: string }).id, req.body as { text: string; respondedOn?: string }, clock),
  );

  // ── webhook receivers (admin) ───────────────────────────────────────────────────────────────
  const adminOnly = (req: Parameters<typeof callerOf>[0]) => {
    const c = callerOf(req);
    if (c.role !== 'admin') throw forbidden('仅管理员可以管理回调地址');
    return c;
  };
  app.get('/webhooks', { schema: { tags: ['webhooks'], summary: '回调接收方列表（不含密钥）' } }, async (req) => {
    adminOnly(req);
    const rows = await store.query(
      'SELECT id, region_code, url, events, active, created_by, created_at FROM webhook_endpoints ORDER BY created_at, id',
    );
    return { endpoints: rows, env: (process.env.KEDU_WEBHOOK_URL ?? '').split(',').filter(Boolean).length };
  });
  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: '新增回调接收方（返回一次密钥）',
        body: Type.Object({
          url: Type.String({ minLength: 8, maxLength: 500 }),
          events: Type.Optional(Type.Array(Literals(WEBHOOK_EVENTS), { minItems: 1 })),
          regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
          secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
        }),
      },
    },
    async (req, reply) => {
      const caller = adminOnly(req);
      const b = req.body as { url: string; events?: string[]; regionCode?: string; secret?: string };
      const p = await webhookTargetProblem(b.url);
      if (p) throw badRequest(p, 'url');
      const region = b.regionCode ?? '330000';
      const rp = regionProblem(region);
      if (rp) throw badRequest(rp, 'regionCode');
      const id = `WE-${randomBytes(6).toString('hex')}`;
      const secret = b.secret ?? randomBytes(24).toString('base64url');
      const events = (b.events ?? [...WEBHOOK_EVENTS]).join(',');
      await withAudit(store, async (tx) => {
        await tx.exec(sql`INSERT INTO webhook_endpoints (id, region_code, url, secret, events, active, created_by, created_at)
        VALUES (${id}, ${region}, ${b.url}, ${secret}, ${events}, TRUE, ${caller.userId}, ${clock().toISOString()})`);
        return {
          result: null,
          audit: [
            { actor: caller.userId, action: 'webhook.endpoint_create', target: id, regionCode: region, detail: { url: b.url, events } },
          ],
        };
      });
      return reply.status(201).send({ id, url: b.url, events: events.split(','), regionCode: region, secret });
    },
  );
  app.delete(
    '/webhooks/:id',
    { schema: { tags: ['webhooks'], summary: '停用回调接收方', params: Type.Object({ id: ID }) } },
    async (req) => {
      const caller = adminOnly(req);
      const { id } = req.params as { id: string };
      const [row] = await store.query<{ region_code: string }>(sql`SELECT region_code FROM webhook_endpoints WHERE id = ${id}`);
      if (!row) throw notFound(`未找到回调接收方 ${id}`);
      await withAudit(store, async (tx) => {
        await tx.exec(sql`UPDATE webhook_endpoints SET active = FALSE WHERE id = ${id}`);
        return {
          result: null,
          audit: [{ actor: caller.userId, action: 'webhook.endpoint_disable', target: id, regionCode: row.region_code }],
        };
      });
      return { ok: true };
    },
  );
  app.get(
    '/webhooks/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: '回调投递记录',
        querystring: Type.Object({
          status: Type.Optional(Literals(['pending', 'delivered', 'failed'])),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        }),
      },
    },
    async (req) => {
      adminOnly(req);
      const q = req.query as { status?: string; limit: number };
      return {
        rows: await store.query(sql`SELECT id, region_code, endpoint, url, event, status, attempts, next_at, last_status, last_error, created_at, delivered_at
        FROM webhook_deliveries ${q.status ? sql`WHERE status = ${q.status}` : sql``} ORDER BY created_at DESC, id LIMIT ${q.limit}`),
      };
    },
  );
}
