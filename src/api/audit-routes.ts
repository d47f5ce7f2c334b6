// 审计日志 over HTTP (docs/audit.md): the entries of the caller's jurisdiction, searched by actor,
// action, target and date range, as a page or an Excel file; and the chain check (administrator).
// Who may read and who may verify is src/policy/system.ts's (auditPolicy).
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import type { Caller } from '../auth/caller.ts';
import { verifyAuditLog } from '../audit/audit-log.ts';
import { AUDIT_ACTION_LABELS } from '../audit/action-labels.ts';
import { allAudit, listAudit, type AuditFilters, type AuditRow } from '../audit/audit-query.ts';
import { MODELS } from '../models/library/index.ts';
import { KIND_SPECS, isKind } from '../records/registry.ts';
import { SYSTEM_SETTINGS } from '../settings/system-settings.ts';
import { businessDate, isIsoDate } from '../domain/dates.ts';
import type { Clock } from '../clues/clock.ts';
import { MAX_EXPORT_ROWS, XLSX_TYPE, toXlsx, xlsxDisposition } from '../lists/xlsx.ts';
import { callerOf, type Api } from './app.ts';
import { badRequest } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';
import { ErrorBody as ErrorOut } from './schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DATE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64, description: '操作人：用户名、姓名或用户编号' })),
  action: Type.Optional(Type.String({ maxLength: 64, description: '操作，如 clue.assign；以 . 结尾为一类，如 clue.' })),
  target: Type.Optional(Type.String({ maxLength: 128, description: '对象：编号，或线索编号' })),
  from: Type.Optional(DATE),
  to: Type.Optional(DATE),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
const AuditOut = Type.Object({
  chain: Type.String({ description: '所在的链：province（省级）或设区市代码；seq 在链内编号' }),
  seq: Type.Integer(),
  occurredAt: Type.String(),
  actor: Type.Object({ id: Type.String(), name: Type.String(), username: Nullable(Type.String()) }),
  action: Type.String(),
  actionLabel: Type.String(),
  target: Nullable(Type.String()),
  targetLabel: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  detail: Type.Unknown(),
  hash: Type.String(),
});

const MODEL_NAMES = new Map(MODELS.map((m) => [m.code, m.name]));

/** Targets that are codes of things with names the audit log does not know: models, record kinds, settings. */
function named(r: AuditRow): AuditRow {
  if (!r.target || r.targetLabel !== r.target) return r;
  if (r.action === 'models.run')
    return {
      ...r,
      targetLabel: r.target
        .split(',')
        .map((c) => MODEL_NAMES.get(c) ?? c)
        .join('、'),
    };
  if (r.action === 'model.configure') return { ...r, targetLabel: MODEL_NAMES.get(r.target) ?? r.target };
  if (r.action === 'export.records') return { ...r, targetLabel: isKind(r.target) ? KIND_SPECS[r.target].label : r.target };
  if (r.action === 'settings.update')
    return { ...r, targetLabel: (SYSTEM_SETTINGS as Record<string, { label: string }>)[r.target]?.label ?? r.target };
  return r;
}

function checkRange(q: AuditFilters): void {
  for (const f of ['from', 'to'] as const) if (q[f] && !isIsoDate(q[f]!)) throw badRequest(`日期无效：${q[f]}`, f);
  if (q.from && q.to && q.from > q.to) throw badRequest('开始日期不能晚于结束日期', 'from');
}

export async function auditRoutes(app: Api, store: Store, clock: Clock): Promise<void> {
  const reader = (req: FastifyRequest, action: 'read' | 'verify' = 'read'): Caller => {
    const caller = callerOf(req);
    authorize(caller, action, { type: 'audit' });
    return caller;
  };

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（本辖区；按操作人、操作、对象、日期检索）',
        querystring: AuditQuery,
        response: {
          200: Type.Object({
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            rows: Type.Array(AuditOut),
            actions: Type.Record(Type.String(), Type.String()),
          }),
          400: ErrorOut,
          401: ErrorOut,
          403: ErrorOut,
        },
      },
    },
    async (req) => {
      const caller = reader(req);
      const q: AuditFilters = req.query;
      checkRange(q);
      const page = await listAudit(store, caller, q);
      return { ...page, rows: page.rows.map(named), actions: AUDIT_ACTION_LABELS };
    },
  );

  app.get(
    '/audit.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（Excel，最多5万条）',
        querystring: Type.Omit(AuditQuery, ['page', 'pageSize']),
        produces: [XLSX_TYPE],
        response: { 200: Type.Unknown({ description: 'Excel 工作簿（.xlsx）' }), 400: ErrorOut, 401: ErrorOut, 403: ErrorOut },
      },
    },
    async (req, reply) => {
      const caller = reader(req);
      const q: AuditFilters = req.query;
      checkRange(q);
      const rows = (await allAudit(store, caller, q, MAX_EXPORT_ROWS)).map(named);
      const bytes = await toXlsx(
        '审计日志',
        [
          { header: '序号', value: (r) => r.seq, width: 10 },
          { header: '时间', value: (r) => r.occurredAt, width: 26 },
          { header: '操作人', value: (r) => r.actor.name, width: 28 },
          { header: '操作', value: (r) => r.actionLabel, width: 16 },
          { header: '对象', value: (r) => r.targetLabel, width: 28 },
          { header: '区划', value: (r) => r.regionName ?? r.regionCode },
          { header: '详情', value: (r) => (r.detail === null ? null : JSON.stringify(r.detail)), width: 60 },
          { header: '哈希（HMAC-SM3）', value: (r) => r.hash, width: 66 },
          // The chain last: the 序号 counts within it (province, or a city's code).
          { header: '链', value: (r) => (r.chain === 'province' ? '省级' : r.chain), width: 10 },
        ],
        rows,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', xlsxDisposition('审计日志', businessDate(clock())))
        .send(bytes);
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '逐链校验审计日志哈希链（管理员）',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            chains: Type.Array(
              Type.Object({
                chain: Type.String(),
                entries: Type.Integer(),
                headSeq: Nullable(Type.Integer()),
                anchoredSeq: Nullable(Type.Integer()),
                ok: Type.Boolean(),
              }),
            ),
            problems: Type.Array(
              Type.Object({ chain: Type.String(), seq: Type.Integer(), problem: Type.String(), message: Type.String() }),
            ),
          }),
          401: ErrorOut,
          403: ErrorOut,
        },
      },
    },
    async (req) => {
      reader(req, 'verify');
      const v = await verifyAuditLog(store);
      return {
        ok: v.ok,
        entries: v.entries,
        chains: v.chains.map((c) => ({
          chain: c.chain,
          entries: c.entries,
          headSeq: c.head?.seq ?? null,
          anchoredSeq: c.anchored?.seq ?? null,
          ok: c.ok,
        })),
        problems: v.problems.slice(0, 100).map((p) => ({ ...p, seq: Number(p.seq) })),
      };
    },
  );
}
