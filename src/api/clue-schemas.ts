// The clue loop (问题线索, 协同指挥): clues, their timeline, reports and evidence files, the workflow
// table, intake from the console and the 12345 hotline. docs/clues.md describes every call.
import { Type, type Static } from '@sinclair/typebox';
import { CLUE_SOURCES, CLUE_STATUSES } from '../domain/clues.ts';
import { CLUE_ACTIONS } from '../clues/workflow.ts';
import { CLUE_SORTS } from '../clues/queries.ts';
import { CONSOLE_SOURCES } from '../policy/index.ts';
import { Can, DATE, ID, Keyed, Literals, Nullable, PageQuery, REGION } from './schemas.ts';
import { Severity } from './model-schemas.ts';

const Comment = Type.String({ maxLength: 2000 });
export const BasisRef = Type.Object({ regulationId: Type.String({ maxLength: 80 }), article: Type.Integer({ minimum: 1, maximum: 2000 }) });
export const ClueStatus = Literals(CLUE_STATUSES);
export const ClueAction = Literals(CLUE_ACTIONS);
const CLUE_SORT_KEYS = Object.keys(CLUE_SORTS) as (keyof typeof CLUE_SORTS)[];

/** What the caller may do with a clue now: each transition, and extending, uploading, merging, issuing a notice. */
export const ClueCan = Can([...CLUE_ACTIONS, 'extend', 'upload', 'merge', 'notice']);

export const ClueSummary = Type.Object({
  id: Type.String(),
  /** 富阳-2026-000123; null only for a clue not yet numbered. */
  number: Nullable(Type.String({ description: '线索编号，如 富阳-2026-000123' })),
  title: Type.String(),
  status: ClueStatus,
  statusLabel: Type.String(),
  source: Type.String(),
  sourceLabel: Type.String(),
  severity: Severity,
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  modelCode: Nullable(Type.String()),
  /** 简易程序 (one hit, handled by the agency itself) or 一般程序 (a file of hits, the full loop). */
  procedure: Literals(['simple', 'general']),
  procedureLabel: Type.String(),
  /** The file's risk score (0–100) from its hits; null for clues from reports. */
  riskScore: Nullable(Type.Integer()),
  hitCount: Nullable(Type.Integer()),
  /** YYYY-MM-DD */
  deadline: Nullable(Type.String()),
  /** While the deadline runs; negative when overdue. */
  daysLeft: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
  escalationLevel: Nullable(Literals(['county', 'city', 'province'])),
  /** 市级督办 */
  escalationLabel: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  isCase: Type.Boolean(),
  memberCount: Type.Integer(),
  reportCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  can: ClueCan,
});

export const TimelineEvent = Type.Object({
  id: Type.String(),
  action: Type.String(),
  actionLabel: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  actor: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) }),
  comment: Nullable(Type.String()),
  /** The step's facts: {agencyId, deadline}, {attachmentIds}, {from, to}, {viaCase} … */
  detail: Type.Unknown(),
  occurredAt: Type.String(),
});

/** A model's evidence: the record kind and ids it cites, the subject and the facts of the hit; a report's: its ids. */
export const ClueEvidence = Type.Object(
  {
    kind: Type.String(),
    ids: Type.Array(Type.String()),
    subject: Type.Optional(Type.Object({ kind: Type.String(), id: Type.String() })),
    facts: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    source: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export const ClueAttachment = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  sm3: Type.String(),
  uploadedBy: Type.Optional(Type.String()),
  uploadedAt: Type.Optional(Type.String()),
  /** /api/v1/attachments/<id> */
  url: Type.String(),
});

export const ClueReport = Type.Object({
  id: Type.String(),
  source: Type.String(),
  sourceLabel: Type.String(),
  sourceRef: Nullable(Type.String()),
  content: Type.String(),
  subjectName: Nullable(Type.String()),
  /** Masked for most roles. */
  contact: Nullable(Type.String()),
  linked: Type.Boolean(),
  similarity: Nullable(Type.Number()),
  receivedAt: Type.String(),
});

export const ClueDetail = Type.Object({
  clue: Type.Composite([
    ClueSummary,
    Type.Object({
      explanation: Type.String(),
      /** Null for roles that read no evidence (the invited supervisor). */
      evidence: Nullable(ClueEvidence),
      params: Nullable(Type.Record(Type.String(), Type.Number())),
      entityUscc: Nullable(Type.String()),
      subjectName: Nullable(Type.String()),
      rectification: Nullable(Type.String()),
      basis: Nullable(Type.Array(BasisRef)),
      escalatedAt: Nullable(Type.String()),
      allowedActions: Type.Array(ClueAction),
      /** The file (案卷) the clue's hits are filed under: the subject record and how many hits it holds. */
      file: Nullable(Type.Object({ kind: Type.String(), label: Type.String(), id: Type.String(), hitCount: Type.Integer() })),
    }),
  ]),
  /** The model hits filed into this clue, each with its risk score and the parts of it. */
  hits: Type.Array(
    Type.Object({
      id: Type.String(),
      modelCode: Type.String(),
      modelName: Type.String(),
      subjectKind: Type.String(),
      subjectId: Type.String(),
      window: Type.String(),
      severity: Type.String(),
      title: Type.String(),
      explanation: Type.String(),
      evidence: ClueEvidence,
      foundOn: Type.String(),
      amount: Nullable(Type.Number()),
      score: Type.Integer(),
      scoreParts: Type.Array(Type.Object({ factor: Type.String(), label: Type.String(), points: Type.Integer() })),
      scoreText: Type.String(),
    }),
  ),
  timeline: Type.Array(TimelineEvent),
  reports: Type.Array(ClueReport),
  attachments: Type.Array(ClueAttachment),
  members: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Nullable(Type.String()),
      title: Type.String(),
      status: ClueStatus,
      statusLabel: Type.String(),
      regionCode: Type.String(),
    }),
  ),
  notices: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), number: Type.String(), status: Type.String(), issuedOn: Type.String() }),
  ),
});

export const ClueListQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 200, description: '一个或多个状态，逗号分隔' })),
  source: Type.Optional(Type.String({ maxLength: 200 })),
  severity: Type.Optional(Type.String({ maxLength: 40 })),
  agencyId: Type.Optional(ID),
  regionCode: Type.Optional(REGION),
  modelCode: Type.Optional(Type.String({ maxLength: 64 })),
  procedure: Type.Optional(Literals(['simple', 'general'])),
  overdue: Type.Optional(Type.Boolean()),
  escalated: Type.Optional(Type.Boolean({ description: '已逾期升级至本级（或更高级）' })),
  caseId: Type.Optional(ID),
  q: Type.Optional(Type.String({ maxLength: 100, description: '标题、说明中的字词，或线索编号' })),
  from: Type.Optional(DATE),
  to: Type.Optional(DATE),
  sort: Type.Optional(Literals(CLUE_SORT_KEYS)),
  order: Type.Optional(Literals(['asc', 'desc'])),
  ...PageQuery,
});
/** The list's filters without paging: what GET /clues.xlsx takes. */
export const ClueExportQuery = Type.Omit(ClueListQuery, ['page', 'pageSize']);
export const CluePage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  rows: Type.Array(ClueSummary),
});

export const ClueStats = Type.Object({
  today: Type.String(),
  total: Type.Integer(),
  open: Type.Integer(),
  byStatus: Keyed(CLUE_STATUSES, Type.Integer()),
  statusLabels: Keyed(CLUE_STATUSES, Type.String()),
  bySeverity: Type.Record(Type.String(), Type.Integer()),
  bySource: Type.Record(Type.String(), Type.Integer()),
  overdue: Type.Integer(),
  dueSoon: Type.Integer(),
  escalatedToMe: Type.Integer(),
});

/** The supervision panel: open and overdue clues by agency and by model (the top ten of each). */
export const ClueSupervision = Type.Object({
  today: Type.String(),
  byAgency: Type.Array(Type.Object({ agencyId: Type.String(), agencyName: Type.String(), open: Type.Integer(), overdue: Type.Integer() })),
  byModel: Type.Array(Type.Object({ modelCode: Type.String(), modelName: Type.String(), open: Type.Integer(), overdue: Type.Integer() })),
});

export const WorkflowTransition = Type.Object({
  action: ClueAction,
  label: Type.String(),
  from: Type.Array(ClueStatus),
  to: ClueStatus,
  by: Literals(['region_supervisor', 'assigned_agency']),
  byLabel: Type.String(),
  requires: Type.Array(Literals(['comment', 'agency', 'rectification', 'evidence'])),
  deadline: Type.Optional(Literals(['set', 'optional'])),
  webhook: Type.Optional(Type.String()),
});
export const ClueWorkflow = Type.Object({
  statuses: Type.Array(Type.Object({ code: ClueStatus, label: Type.String() })),
  sources: Type.Array(Type.Object({ code: Literals(CLUE_SOURCES), label: Type.String() })),
  transitions: Type.Array(WorkflowTransition),
  eventLabels: Type.Record(Type.String(), Type.String()),
  deadlineDays: Keyed(['low', 'medium', 'high'], Type.Integer()),
  escalation: Type.Object({ graceDays: Type.Integer(), stepDays: Type.Integer() }),
});

export const ClueParams = Type.Object({ id: ID });
export const TransitionBody = Type.Object({
  action: ClueAction,
  comment: Type.Optional(Comment),
  agencyId: Type.Optional(ID),
  deadline: Type.Optional(DATE),
  rectification: Type.Optional(Type.String({ maxLength: 10000 })),
  attachmentIds: Type.Optional(Type.Array(ID, { maxItems: 50 })),
});
export const TransitionResult = Type.Object({ clue: ClueSummary, event: TimelineEvent, members: Type.Array(Type.String()) });
export const BulkAssignBody = Type.Object({
  clueIds: Type.Array(ID, { minItems: 1, maxItems: 200 }),
  agencyId: ID,
  deadline: Type.Optional(DATE),
  comment: Type.Optional(Comment),
});
export const BulkAssignResult = Type.Object({
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
});
export const MergeBody = Type.Object({
  clueIds: Type.Array(ID, { minItems: 2, maxItems: 100 }),
  caseId: Type.Optional(ID),
  comment: Type.Optional(Comment),
});
export const MergeResult = Type.Object({ caseId: Type.String(), members: Type.Array(Type.String()) });
export const DeadlineBody = Type.Object({ deadline: DATE, reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export const Escalations = Type.Object({
  escalated: Type.Array(
    Type.Object({
      clueId: Type.String(),
      from: Nullable(Type.String()),
      to: Type.String(),
      deadline: Type.String(),
      members: Type.Array(Type.String()),
    }),
  ),
});

export const ConsoleClueBody = Type.Object({
  source: Literals(CONSOLE_SOURCES),
  regionCode: REGION,
  title: Type.Optional(Type.String({ maxLength: 200 })),
  content: Type.String({ minLength: 5, maxLength: 5000 }),
  severity: Type.Optional(Severity),
  agencyId: Type.Optional(ID),
  entityUscc: Type.Optional(Type.String({ maxLength: 18 })),
  subjectName: Type.Optional(Type.String({ maxLength: 200 })),
  basis: Type.Optional(Type.Array(BasisRef, { maxItems: 10 })),
});
/** A new report either makes a clue or, being the same matter as an open one, is linked to it. */
export const IntakeResult = Type.Object({
  clueId: Type.String(),
  reportId: Type.String(),
  linked: Type.Boolean(),
  similarity: Nullable(Type.Number()),
});
export const Attachments = Type.Object({ attachments: Type.Array(ClueAttachment) });

export const HotlineTicketBody = Type.Object({
  sourceSystem: Type.Optional(Type.String({ minLength: 1, maxLength: 40, default: '12345' })),
  sourceId: Type.String({ minLength: 1, maxLength: 100 }),
  regionCode: REGION,
  receivedAt: Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601' }),
  category: Type.String({ minLength: 1, maxLength: 200 }),
  content: Type.String({ minLength: 1, maxLength: 20000 }),
  entityUscc: Type.Optional(Type.String({ maxLength: 18 })),
  agencyId: Type.Optional(ID),
  status: Type.Optional(Literals(['open', 'answered', 'closed'])),
  concernsEnforcement: Type.Optional(Type.Boolean()),
});
export const HotlineResult = Type.Object({
  ticketId: Type.String(),
  duplicate: Type.Boolean(),
  intake: Literals(['clue', 'linked', 'not_enforcement']),
  clueId: Nullable(Type.String()),
});
export const HotlineIntakeBody = Type.Optional(Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }));
export const HotlineIntakeResult = Type.Object({ looked: Type.Integer(), clues: Type.Integer(), linked: Type.Integer() });

export type ClueSummary = Static<typeof ClueSummary>;
export type ClueDetail = Static<typeof ClueDetail>;
export type ClueEvidence = Static<typeof ClueEvidence>;
export type TimelineEvent = Static<typeof TimelineEvent>;
export type ClueAttachment = Static<typeof ClueAttachment>;
export type ClueReport = Static<typeof ClueReport>;
export type CluePage = Static<typeof CluePage>;
export type ClueStats = Static<typeof ClueStats>;
export type ClueWorkflow = Static<typeof ClueWorkflow>;
export type WorkflowTransition = Static<typeof WorkflowTransition>;
export type TransitionInput = Static<typeof TransitionBody>;
export type TransitionResult = Static<typeof TransitionResult>;
export type BulkAssignResult = Static<typeof BulkAssignResult>;
export type ConsoleClueInput = Static<typeof ConsoleClueBody>;
export type IntakeResult = Static<typeof IntakeResult>;
/** GET /clues's query as the console sends it: every filter as text, the page as numbers. */
export type ClueFilters = { [K in Exclude<keyof Static<typeof ClueListQuery>, 'page' | 'pageSize'>]?: string } & {
  page?: number;
  pageSize?: number;
};
