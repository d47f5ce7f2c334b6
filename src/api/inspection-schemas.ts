// Inspections: plans, draws, tasks with their 行政行为码, merge suggestions, the burden, and the
// public verification of a code. docs/inspections.md. Rows read straight from the store (plans, tasks,
// draws, adjustments) are open objects: their columns are documented in docs/inspections.md and every
// one is passed on; the shapes a client acts on are spelled out.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { COMMENT_MAX } from '../inspections/verify.ts';
import { DATE, ID, Literals, Nullable, PageQuery, REGION } from './schemas.ts';

/** A stored row, its columns as stored (snake_case), with the properties named here at least. */
const Open = <P extends Record<string, TSchema>>(properties: P = {} as P) => Type.Object(properties, { additionalProperties: true });
const ListPage = <T extends TSchema>(row: T) => Type.Object({ total: Type.Integer(), rows: Type.Array(row) });
const Paging = { page: Type.Optional(PageQuery.page), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) };
const REASON = Type.String({ maxLength: 500, description: '原因（记入审计日志）' });
const YEAR = Type.Integer({ minimum: 2000, maximum: 2100 });

export const TASK_STATUSES = ['open', 'merged', 'revoked'] as const;
export const TASK_ORIGINS = ['plan', 'complaint', 'adhoc', 'joint'] as const;
export const SUGGESTION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const CODE_STATUSES = ['malformed', 'invalid', 'not_yet_valid', 'valid', 'expired', 'revoked'] as const;

export const IdParams = Type.Object({ id: ID });

// ── plans ───────────────────────────────────────────────────────────────────────────────────────
export const PlanListQuery = Type.Object({
  year: Type.Optional(YEAR),
  agencyId: Type.Optional(ID),
  regionCode: Type.Optional(REGION),
  ...Paging,
});
export const PlanPage = ListPage(Open({ id: Type.String(), name: Type.String() }));
export const PlanDetail = Type.Object({
  plan: Open({ id: Type.String(), name: Type.String() }),
  draws: Type.Array(Open({ id: Type.String() })),
  adjustments: Type.Array(Open({ id: Type.String(), kind: Literals(['target', 'window', 'replace']), reason: Type.String() })),
  tasks: Type.Object({ open: Type.Integer(), merged: Type.Integer(), revoked: Type.Integer(), executed: Type.Integer() }),
});
export const DrawOut = Type.Object({
  drawId: Type.String(),
  seed: Type.String({ description: '随机种子（留存，可复核）' }),
  poolSize: Type.Integer(),
  drawn: Type.Integer(),
  short: Type.Boolean({ description: '检查对象库少于计划户数：库中全部抽中' }),
  firstTaskId: Nullable(Type.String()),
});
export const DrawCheckOut = Type.Object({
  checks: Type.Array(
    Type.Object({
      drawId: Type.String(),
      planId: Type.String(),
      planName: Type.String(),
      method: Type.String(),
      reproducible: Type.Boolean(),
      poolSize: Type.Integer(),
      poolNow: Type.Integer(),
      poolUnchanged: Type.Boolean(),
      ranks: Type.Integer(),
      mismatches: Type.Array(Type.Object({ rank: Type.Integer(), taskId: Type.String(), expected: Type.String(), found: Type.String() })),
      ok: Type.Boolean(),
      message: Type.String(),
    }),
  ),
});
export const AdjustmentBody = Type.Union([
  Type.Object({ kind: Type.Literal('target'), targetCount: Type.Number(), reason: REASON }),
  Type.Object({ kind: Type.Literal('window'), endsOn: DATE, reason: REASON }),
  Type.Object({ kind: Type.Literal('replace'), taskId: ID, reason: REASON }),
]);
export const AdjustmentOut = Type.Object({
  adjustment: Open({ id: Type.String(), kind: Type.String(), reason: Type.String() }),
  added: Type.Array(Type.Object({ id: Type.String(), entityUscc: Type.String(), code: Type.String(), displayCode: Type.String() })),
  revoked: Type.Array(Type.String()),
});

// ── tasks ───────────────────────────────────────────────────────────────────────────────────────
export const TaskListQuery = Type.Object({
  agencyId: Type.Optional(ID),
  planId: Type.Optional(ID),
  status: Type.Optional(Literals(TASK_STATUSES)),
  origin: Type.Optional(Literals(TASK_ORIGINS)),
  entityUscc: Type.Optional(Type.String({ maxLength: 18 })),
  from: Type.Optional(DATE),
  to: Type.Optional(DATE),
  ...Paging,
});
export const TaskPage = ListPage(Open({ id: Type.String(), code: Type.String(), displayCode: Type.String() }));
const TaskPart = Type.Object({
  agencyId: Type.String(),
  agencyName: Type.String(),
  itemCode: Nullable(Type.String()),
  itemName: Nullable(Type.String()),
  basis: Nullable(Type.String({ description: '执法依据，如《中华人民共和国行政处罚法》第四十二条' })),
});
const TaskOfficer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  agencyName: Type.String(),
  certificateNumber: Nullable(Type.String()),
});
const taskFields = {
  code: Type.String(),
  displayCode: Type.String(),
  origin: Literals(TASK_ORIGINS),
  originLabel: Type.String(),
  status: Literals(TASK_STATUSES),
  entityName: Nullable(Type.String()),
  parts: Type.Array(TaskPart, { description: '牵头部门在前；联合检查列出每个部门及其事项' }),
  validFrom: Type.String(),
  validTo: Type.String(),
  plannedOn: Type.String(),
};
/** A task as the notice prints it: names, not codes. */
export const TaskDescription = Type.Object({
  id: Type.String(),
  entityUscc: Type.String(),
  officers: Type.Array(TaskOfficer),
  ...taskFields,
});
export const TaskDetail = Type.Object({
  task: TaskDescription,
  row: Open({ id: Type.String(), code: Type.String(), displayCode: Type.String() }),
});
export const TaskNotice = Type.Object({
  task: TaskDescription,
  verifyUrl: Type.String(),
  qrSvg: Type.String({ description: '核验地址的二维码（SVG）' }),
  ratingDays: Type.Integer(),
});
export const AdhocTaskBody = Type.Object({
  agencyId: ID,
  entityUscc: Type.String({ maxLength: 18 }),
  inspectionItemCode: ID,
  officerIds: Type.Array(ID, { maxItems: 10 }),
  validFrom: DATE,
  validTo: DATE,
  origin: Literals(['complaint', 'adhoc']),
  reason: REASON,
});
export const IssuedTaskOut = Open({ id: Type.String(), code: Type.String(), displayCode: Type.String() });
export const RevokeBody = Type.Object({ reason: REASON });
export const TaskStatusOut = Open({ id: Type.String(), status: Literals(TASK_STATUSES) });

// ── merge suggestions (综合查一次) and the burden ───────────────────────────────────────────────────
export const SuggestBody = Type.Object({
  regionCode: Type.Optional(REGION),
  windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 180 })),
  from: Type.Optional(DATE),
});
export const SuggestReport = Type.Object({
  runId: Type.String(),
  regionCode: Type.String(),
  windowDays: Type.Integer(),
  tasks: Type.Integer({ description: '辖区内未执行的计划任务数' }),
  candidates: Type.Integer(),
  suggestions: Type.Integer(),
  tasksInSuggestions: Type.Integer(),
  visitsSaved: Type.Integer({ description: '全部采纳后减少的入企次数' }),
  millis: Type.Object({ query: Type.Number(), cluster: Type.Number(), write: Type.Number() }),
});
export const SuggestionListQuery = Type.Object({
  status: Type.Optional(Literals(SUGGESTION_STATUSES)),
  regionCode: Type.Optional(REGION),
  awaitingAgency: Type.Optional(ID),
  ...Paging,
});
const SuggestionMember = Type.Object({
  taskId: Type.String(),
  agencyId: Type.String(),
  agencyName: Nullable(Type.String()),
  itemCode: Nullable(Type.String()),
  itemName: Nullable(Type.String()),
  plannedOn: Type.String(),
  decision: Nullable(Literals(['accept', 'decline'])),
  reason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
});
export const Suggestion = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  entityUscc: Type.String(),
  entityName: Nullable(Type.String()),
  scenario: Type.String(),
  scenarioName: Type.String(),
  leadAgencyId: Type.String(),
  leadAgencyName: Nullable(Type.String()),
  taskCount: Type.Integer(),
  agencyCount: Type.Integer(),
  visitsSaved: Type.Integer(),
  firstOn: Type.String(),
  lastOn: Type.String(),
  status: Literals(SUGGESTION_STATUSES),
  jointTaskId: Nullable(Type.String()),
  jointCode: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  members: Type.Array(SuggestionMember),
});
export const SuggestionPage = ListPage(Suggestion);
export const DecisionBody = Type.Object({ decision: Literals(['accept', 'decline']), reason: REASON });
export const BurdenQuery = Type.Object({
  regionCode: Type.Optional(REGION),
  year: YEAR,
  threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 3 })),
});
const BurdenFigures = Type.Object({
  entities: Type.Integer(),
  visits: Type.Integer(),
  over: Type.Integer({ description: '检查次数超过阈值的企业数' }),
  histogram: Type.Array(Type.Integer(), { description: '按检查次数分组的企业数：1、2、3、4、5、6次及以上' }),
});
export const Burden = Type.Object({
  regionCode: Type.String(),
  year: Type.Integer(),
  threshold: Type.Integer(),
  planned: BurdenFigures,
  merged: BurdenFigures,
  ifAccepted: BurdenFigures,
  suggestions: Type.Object({ pending: Type.Integer(), accepted: Type.Integer(), declined: Type.Integer() }),
});

// ── public: a code's verification and the enterprise's rating ───────────────────────────────────
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
/** What the public page shows of a task: no credit code (the rating asks for it), no internal ids. */
const PublicTask = Type.Object({
  ...taskFields,
  officers: Type.Array(Type.Object({ name: Type.String(), agencyName: Type.String(), certificateNumber: Nullable(Type.String()) })),
});
export const CodeVerification = Type.Object({
  status: Literals(CODE_STATUSES),
  message: Type.String(),
  task: Type.Optional(PublicTask),
  revokedBecause: Type.Optional(Literals(['merged', 'withdrawn'])),
  rating: Type.Optional(
    Type.Object({ open: Type.Boolean(), from: Type.String(), until: Type.String(), rated: Type.Boolean(), message: Type.String() }),
  ),
});
export type CodeVerification = Static<typeof CodeVerification>;
export const RatingBody = Type.Object({
  formToken: Type.String({ minLength: 1, maxLength: 200 }),
  entityUscc: Type.String({ minLength: 1, maxLength: 40 }),
  score: Type.Number({ description: '1–5' }),
  comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX * 2 })),
  website: Type.Optional(Type.String({ maxLength: 500, description: '留空（防机器人字段，页面不显示）' })),
});
export const RatingOut = Type.Object({ id: Type.String(), message: Type.String() });
