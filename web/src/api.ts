// The console's only door to the server: a typed fetch wrapper over `/api/v1`.
// Every response error has one shape, {error: {code, message, field?, id?, details?}} (see
// docs/console.md); a 401 on any call but the login itself means the session is gone, so the user is
// sent to the login page.
//
// The types of every request and answer are the server's own: static types of the TypeBox schemas
// each route declares (src/api/*-schemas.ts), imported as types only (no server code reaches the
// bundle; ESLint refuses a value import). A field the server adds, renames or drops changes these
// types, and `npm run typecheck` fails wherever the console reads it: the contract cannot drift.
import type { Static } from '@sinclair/typebox';
import type { Role } from '../../src/auth/caller.ts';
import type { UserOut } from '../../src/api/auth-schemas.ts';
import type { DashboardSummary } from '../../src/api/dashboard-schemas.ts';
import type * as Catalog from '../../src/api/catalog-schemas.ts';
import type { RecordPage } from '../../src/api/record-schemas.ts';
import type { BatchOut, ImportReport, RowError } from '../../src/api/ingest-schemas.ts';
import type * as Models from '../../src/api/model-schemas.ts';
import type * as Clues from '../../src/api/clue-schemas.ts';
import type * as Triage from '../../src/api/triage-schemas.ts';
import type * as LocalModels from '../../src/api/local-model-schemas.ts';
import type * as Notices from '../../src/api/notice-schemas.ts';
import type * as Portal from '../../src/api/portal-schemas.ts';
import type * as Followup from '../../src/api/followup-schemas.ts';
import type * as Inspections from '../../src/api/inspection-schemas.ts';
import type { ErrorBody } from '../../src/api/schemas.ts';

export const API_BASE = '/api/v1';

/** Role codes as stored in `users.role` (src/auth/caller.ts ROLES). */
export type { Role };
/** The assistant's answers, typed by the server's own schema (src/assistant/answer.ts). */
export type {
  Answer as AssistantAnswer,
  AnswerTable as AssistantTable,
  Citation as AssistantCitation,
} from '../../src/assistant/answer.ts';
import type { AskResponse, Ask as AssistantAsk, Conversation as AssistantConversation } from '../../src/api/assistant-schemas.ts';
export type { AskResponse, AssistantAsk, AssistantConversation };
import type { ImportKind, ListedKind } from './records/kinds.generated.ts';

/** The signed-in user: jurisdiction, and `can` — what they may do at all (the navigation and pages read it, never the role). */
export type User = UserOut;

export type { DashboardSummary };
export type DashboardTotals = DashboardSummary['totals'];
export type MonthRow = DashboardSummary['byMonth'][number];
export type LineRow = DashboardSummary['byLine'][number];
export type RegionRow = DashboardSummary['byRegion'][number];

// ── catalog (rules as data): GET /catalog/* (src/api/catalog-routes.ts). Column names as stored. ──
export type RegionEntry = Catalog.RegionEntry;
export type RegionLevel = RegionEntry['level'];
export type LineEntry = Catalog.LineEntry;
export type RegulationEntry = Catalog.RegulationEntry;
export type RegulationKind = RegulationEntry['kind'];
export type RegulationStatus = RegulationEntry['status'];
export type ArticleEntry = Catalog.ArticleEntry;
export type RegulationDetail = Catalog.RegulationDetail;
export type ItemEntry = Catalog.ItemEntry;
export type ItemKind = ItemEntry['kind'];
export type InspectionItemEntry = Catalog.InspectionItemEntry;
export type TierEntry = Catalog.TierEntry;
export type TierName = TierEntry['tier'];
export type BaselineEntry = Catalog.BaselineEntry;
export type ExemptionEntry = Catalog.ExemptionEntry;
export type WhitelistEntry = Catalog.WhitelistEntry;

export interface CatalogTables {
  regions: RegionEntry;
  lines: LineEntry;
  regulations: RegulationEntry;
  items: ItemEntry;
  'inspection-items': InspectionItemEntry;
  whitelist: WhitelistEntry;
  exemptions: ExemptionEntry;
}
export type CatalogTable = keyof CatalogTables;

/** Holds when A and B are the same union: a list below that forgets a server code fails the typecheck. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// ── records: GET /records/:kind (src/api/record-routes.ts), scoped to the caller by the server ──

/** The kinds the console has a page for: a subset of what the server lists (src/records). */
export const RECORD_KINDS = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'coercive_measures',
  'confiscated_goods',
  'enterprise_charges',
  'review_outcomes',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'agencies',
  'officers',
  'entities',
] as const satisfies readonly ListedKind[];
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A record as stored: column → value (dates 'YYYY-MM-DD', instants ISO text, money as numbers). */
export type RecordRow = RecordPage['rows'][number];
export type { RecordPage };

/** GET /records/:kind's query (src/api/record-schemas.ts RecordListQuery): sent as text. */
export interface RecordListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  regionCode?: string;
  agencyId?: string;
  from?: string;
  to?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  /** A coded column's value: result, kind, status … */
  [code: string]: string | number | undefined;
}

// ── imports: POST/GET /imports (src/api/ingest-routes.ts) ─────────────────────────────────────

/** Kinds a file can hold: generated from the server's registry (src/records). */
export { IMPORT_KINDS, type ImportKind } from './records/kinds.generated.ts';

/** A refused row: {row, field, code, message}, the field's label and the line a person reads. */
export type ImportError = RowError;

/** A batch as the console shows it: the answer of an upload and a listed batch share this shape. */
export interface ImportBatch {
  id: string;
  kind: string;
  sourceSystem: string | null;
  fileName: string | null;
  rowsTotal: number;
  rowsOk: number;
  rowsBad: number;
  /** The first errors (the error file holds them all). */
  errors: ImportError[];
  startedAt: string | null;
  /** Where the error file is downloaded (null: no bad rows). */
  errorsUrl: string | null;
}

export function batchFromReport(r: ImportReport): ImportBatch {
  return {
    id: r.batchId,
    kind: r.kind,
    sourceSystem: r.sourceSystem || null,
    fileName: r.fileName,
    rowsTotal: r.rowsRead,
    rowsOk: r.rowsOk,
    rowsBad: r.rowsBad,
    errors: r.errors,
    startedAt: null,
    errorsUrl: r.errorsUrl,
  };
}

export function batchFromList(b: BatchOut): ImportBatch {
  return {
    id: b.id,
    kind: b.kind,
    sourceSystem: b.sourceSystem || null,
    fileName: b.fileName,
    rowsTotal: b.rowsTotal,
    rowsOk: b.rowsOk,
    rowsBad: b.rowsBad,
    errors: [],
    startedAt: b.startedAt,
    errorsUrl: b.errorsUrl,
  };
}

export function importErrorFileUrl(batchId: string): string {
  return `${API_BASE}/imports/${encodeURIComponent(batchId)}/errors.csv`;
}

// ── models: GET/PUT /models (src/api/model-routes.ts) ──────────────────────────────────────────
export type Severity = Static<typeof Models.Severity>;
export type ModelEntry = Models.ModelEntry;
export type ModelCategory = ModelEntry['category'];
export type ModelParamEntry = Models.ModelParamEntry;
export type ModelSettingEntry = Models.ModelSettingEntry;
export type ModelBasisEntry = ModelEntry['basis'];
export type ModelRunRow = Models.ModelRunRow;
export type ModelDetail = Models.ModelDetail;
export type ModelRunReport = Models.ModelRunReport;

// ── clues: /clues, /notices (src/api/clue-routes.ts, notice-routes.ts; docs/clues.md, docs/notices.md) ──

export const CLUE_STATUSES = [
  'new',
  'self_check',
  'triaged',
  'assigned',
  'rectifying',
  'submitted',
  'returned',
  'closed',
  'dismissed',
  'transferred',
] as const satisfies readonly Clues.ClueSummary['status'][];
export type ClueStatus = (typeof CLUE_STATUSES)[number];
export const CLUE_STATUSES_COMPLETE: Same<ClueStatus, Clues.ClueSummary['status']> = true;
export const CLUE_ACTIONS = [
  'triage',
  'self_close',
  'upgrade',
  'assign',
  'accept',
  'submit',
  'close',
  'return',
  'dismiss',
  'transfer',
] as const satisfies readonly Clues.TransitionInput['action'][];
export type ClueAction = (typeof CLUE_ACTIONS)[number];
export const CLUE_ACTIONS_COMPLETE: Same<ClueAction, Clues.TransitionInput['action']> = true;
export const CLUE_SOURCES = ['model', 'hotline', 'followup', 'invited', 'contact_point', 'media', 'public', 'case_review'] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];

export type ClueSummary = Clues.ClueSummary;
export type ClueEvidence = Clues.ClueEvidence;
export type TimelineEvent = Clues.TimelineEvent;
export type ClueAttachment = Clues.ClueAttachment;
export type ClueReport = Clues.ClueReport;
export type ClueDetail = Clues.ClueDetail;
/** Query filters of GET /clues (sent as text). */
export type ClueFilters = Clues.ClueFilters;
export type CluePage = Clues.CluePage;
export type ClueStats = Clues.ClueStats;
export type WorkflowTransition = Clues.WorkflowTransition;
export type ClueWorkflow = Clues.ClueWorkflow;
export type TransitionInput = Clues.TransitionInput;
export type TransitionResult = Clues.TransitionResult;
export type BulkAssignResult = Clues.BulkAssignResult;
export type ConsoleClueInput = Clues.ConsoleClueInput;
export type ConsoleSource = ConsoleClueInput['source'];
export type IntakeResult = Clues.IntakeResult;

export type NoticeKind = Notices.NoticeKind;
export type Notice = Notices.Notice;
export type NoticeContent = Notices.NoticeContent;
export type NoticeInput = Notices.NoticeInput;
export type NoticeFilters = Notices.NoticeFilters;
export type ClueHit = ClueDetail['hits'][number];

// ── triage and local models: /triage/*, /local-models/* (src/api/triage-routes.ts, local-model-routes.ts) ──
export type Procedure = Triage.Procedure;
export type TriageThresholds = Triage.TriageThresholds;
export type TriageSettings = Triage.TriageSettings;
export type TriageWarning = Triage.TriageWarning;
export type LocalTemplate = LocalModels.LocalTemplate;
export type LocalModelSchema = LocalModels.LocalModelSchema;
export type LocalModel = LocalModels.LocalModel;
export type LocalModelDetail = LocalModels.LocalModelDetail;
export type LocalPreview = LocalModels.LocalPreview;

// ── public portal: /portal/* (src/api/portal-routes.ts), no session ────────────────────────────
export type PortalFormToken = Portal.PortalFormToken;
/** The honeypot `website` is always sent, always empty. */
export type PortalReportInput = Portal.PortalReportInput & { website: string };
export type PortalStatus = Portal.PortalStatus;

/** What a 行政行为码 stands for, as the public verify page shows it (GET /action-codes/:code). */
export type CodeVerification = Inspections.CodeVerification;
export type CodeStatus = CodeVerification['status'];

// ── inspections for staff: plans, draws, tasks, merge suggestions, burden (src/api/inspection-routes.ts,
// docs/inspections.md); shapes from src/api/inspection-schemas.ts. Plan and task rows are stored rows (snake_case). ──
/** A stored row the server passes on whole (an open object): the named properties, and its other columns. */
type Stored<T> = T & Record<string, unknown>;
type StoredPage<P extends { rows: unknown[] }> = Omit<P, 'rows'> & { rows: Stored<P['rows'][number]>[] };
export type PlanPage = StoredPage<Static<typeof Inspections.PlanPage>>;
export type PlanRow = PlanPage['rows'][number];
type PlanDetailOut = Static<typeof Inspections.PlanDetail>;
export type PlanDetail = Omit<PlanDetailOut, 'plan' | 'draws' | 'adjustments'> & {
  plan: Stored<PlanDetailOut['plan']>;
  draws: Stored<PlanDetailOut['draws'][number]>[];
  adjustments: Stored<PlanDetailOut['adjustments'][number]>[];
};
export type PlanDrawOut = Static<typeof Inspections.DrawOut>;
export type DrawCheck = Static<typeof Inspections.DrawCheckOut>['checks'][number];
export type PlanAdjustment = Static<typeof Inspections.AdjustmentBody>;
export type AdjustmentOut = Static<typeof Inspections.AdjustmentOut>;
export type TaskPage = StoredPage<Static<typeof Inspections.TaskPage>>;
export type InspectionTaskRow = TaskPage['rows'][number];
type TaskDetailOut = Static<typeof Inspections.TaskDetail>;
export type TaskDetail = Omit<TaskDetailOut, 'row'> & { row: Stored<TaskDetailOut['row']> };
export type TaskNotice = Static<typeof Inspections.TaskNotice>;
export type TaskStatus = (typeof Inspections.TASK_STATUSES)[number];
export type MergeSuggestion = Static<typeof Inspections.Suggestion>;
export type SuggestionPage = Static<typeof Inspections.SuggestionPage>;
export type SuggestReport = Static<typeof Inspections.SuggestReport>;
export type InspectionBurden = Static<typeof Inspections.Burden>;
export type ApiErrorBody = ErrorBody;

// ── follow-up (回访): src/api/followup-routes.ts, docs/followup.md; shapes from src/api/followup-schemas.ts ──
export type FollowupQuestion = Followup.Question;
export type FollowupQuestionnaire = Followup.Questionnaire;
export type FollowupSettings = Followup.Settings;
export type FollowupMeta = Followup.Meta;
export type CampaignSummary = Followup.CampaignSummary;
export type CampaignDetail = Followup.CampaignDetail;
export type CampaignInput = Followup.CampaignBody;
export type DrawResult = Followup.DrawResult;
export type DrawVerification = Followup.Verification;
export type FollowupTask = Followup.Task;
export type CallListRow = Followup.CallListRow;
export type FollowupFinding = Followup.Finding;
export type FollowupAnswer = Followup.Answer;
export type CampaignReport = Followup.CampaignReport;
export type DutyList = Followup.DutyList;
export type SurveyPage = Followup.SurveyPage;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly id: string | undefined;
  constructor(status: number, code: string, message: string, extra: { field?: string; id?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = extra.field;
    this.id = extra.id;
  }
}

type UnauthorizedHandler = () => void;

/** Default: a full navigation, so that no stale state of the previous session survives. */
let onUnauthorized: UnauthorizedHandler = () => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login') {
    window.location.assign(loginPath(here));
  }
};

/** The router installs a handler that navigates without reloading. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export function loginPath(next: string): string {
  return next === '/' || next === '' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Only same-origin absolute paths are followed after login (no `//evil.example`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart body (file upload); the browser sets its Content-Type with the boundary. */
  form?: FormData;
  /** Do not redirect on 401 (the login call itself answers 401 for a wrong password). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${qs ? `?${qs}` : ''}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }

  if (response.ok) return body as T;

  if (response.status === 401 && !options.allowUnauthorized) onUnauthorized();
  if (isErrorBody(body)) {
    const { code, message, field, id } = body.error;
    throw new ApiError(response.status, code ?? 'error', message, { field, id });
  }
  throw new ApiError(response.status, `HTTP_${response.status}`, defaultMessage(response.status));
}

function defaultMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '无权访问该数据';
  if (status === 404) return '请求的资源不存在';
  if (status >= 500) return `服务器错误（${status}），请稍后重试`;
  return `请求失败（${status}）`;
}

// ── endpoints ─────────────────────────────────────────────────────────────────────────────────

// ── the discretion navigator: /navigator/* (src/api/navigator-routes.ts). The shapes are the server's
// schemas (src/navigator/schema.ts), imported as types only. ──
export type {
  ArticleRef,
  AssessRequest,
  AssessResult,
  CaseGuide,
  DecisionHistory,
  ItemMatch,
  ProcedureStep,
  ReviewRow,
  SimilarCase,
} from '../../src/navigator/schema.ts';
import type { AssessRequest, AssessResult, CaseGuide, ItemMatch, ReviewRow } from '../../src/navigator/schema.ts';

export const api = {
  login: (username: string, password: string) =>
    request<{ user: User }>('/auth/login', {
      method: 'POST',
      body: { username, password },
      allowUnauthorized: true,
    }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST', allowUnauthorized: true }),
  me: (signal?: AbortSignal) => request<{ user: User }>('/auth/me', { signal }),
  dashboardSummary: (range: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<DashboardSummary>('/dashboard/summary', { query: range, signal }),

  catalog: <T extends CatalogTable>(table: T, signal?: AbortSignal) =>
    request<{ rows: CatalogTables[T][] }>(`/catalog/${table}`, { signal }),
  regulation: (id: string, signal?: AbortSignal) => request<RegulationDetail>(`/catalog/regulations/${encodeURIComponent(id)}`, { signal }),
  baselines: (item: string, signal?: AbortSignal) => request<{ rows: BaselineEntry[] }>('/catalog/baselines', { query: { item }, signal }),

  records: (kind: RecordKind, page: number, pageSize: number, signal?: AbortSignal) =>
    request<RecordPage>(`/records/${kind}`, { query: { page, pageSize }, signal }),
  /** A list with its search, filters (coded columns by name), date range and sort (src/records/list-query.ts). */
  recordList: (kind: RecordKind, query: RecordListQuery, signal?: AbortSignal) =>
    request<RecordPage>(`/records/${kind}`, { query: query as Record<string, string | number | undefined>, signal }),
  record: (kind: RecordKind, id: string, signal?: AbortSignal) =>
    request<{ record: RecordRow }>(`/records/${kind}/${encodeURIComponent(id)}`, { signal }),

  importFile: async (file: File, kind: ImportKind, sourceSystem?: string) => {
    const form = new FormData();
    // Fields before the file: a streaming multipart parser sees kind before the bytes it governs.
    form.append('kind', kind);
    if (sourceSystem) form.append('sourceSystem', sourceSystem);
    form.append('file', file, file.name);
    return batchFromReport(await request<ImportReport>('/imports', { method: 'POST', form }));
  },
  /** The caller's batches, newest first (the server answers {total, items}). */
  imports: async (signal?: AbortSignal) => {
    const body = await request<{ total: number; items: BatchOut[] }>('/imports', { query: { limit: 50 }, signal });
    return body.items.map(batchFromList);
  },

  models: (signal?: AbortSignal) => request<{ rows: ModelEntry[] }>('/models', { signal }),
  model: (code: string, signal?: AbortSignal) => request<ModelDetail>(`/models/${encodeURIComponent(code)}`, { signal }),
  saveModelSettings: (code: string, body: ModelSettingEntry) =>
    request<{ model: ModelEntry }>(`/models/${encodeURIComponent(code)}/settings`, { method: 'PUT', body }),
  /** Runs one model (or all) over the caller's jurisdiction; supervisors and admins. */
  runModels: (model?: string) => request<{ reports: ModelRunReport[] }>('/models/run', { method: 'POST', body: model ? { model } : {} }),

  clueWorkflow: (signal?: AbortSignal) => request<ClueWorkflow>('/clues/workflow', { signal }),
  clues: (filters: ClueFilters, signal?: AbortSignal) =>
    request<CluePage>('/clues', { query: filters as Record<string, string | number | undefined>, signal }),
  clueStats: (signal?: AbortSignal) => request<ClueStats>('/clues/stats', { signal }),
  /** Open and overdue clues by agency and by model (the home page's 监督概况). */
  clueSupervision: (signal?: AbortSignal) =>
    request<{
      today: string;
      byAgency: { agencyId: string; agencyName: string; open: number; overdue: number }[];
      byModel: { modelCode: string; modelName: string; open: number; overdue: number }[];
    }>('/clues/supervision', { signal }),
  clue: (id: string, signal?: AbortSignal) => request<ClueDetail>(`/clues/${encodeURIComponent(id)}`, { signal }),
  localModelSchema: (signal?: AbortSignal) => request<LocalModelSchema>('/local-models/schema', { signal }),
  localModels: (signal?: AbortSignal) => request<{ rows: LocalModel[] }>('/local-models', { signal }),
  localModel: (code: string, signal?: AbortSignal) => request<LocalModelDetail>(`/local-models/${encodeURIComponent(code)}`, { signal }),
  previewLocalModel: (regionCode: string, template: LocalTemplate) =>
    request<LocalPreview>('/local-models/preview', { method: 'POST', body: { regionCode, template } }),
  createLocalModel: (regionCode: string, template: LocalTemplate) =>
    request<LocalModelDetail>('/local-models', { method: 'POST', body: { regionCode, template } }),
  saveLocalModel: (code: string, regionCode: string, template: LocalTemplate) =>
    request<LocalModelDetail>(`/local-models/${encodeURIComponent(code)}`, { method: 'PUT', body: { regionCode, template } }),
  enableLocalModel: (code: string, enabled: boolean) =>
    request<LocalModelDetail>(`/local-models/${encodeURIComponent(code)}/enabled`, { method: 'PUT', body: { enabled } }),
  triageSettings: (signal?: AbortSignal) => request<TriageSettings>('/triage/settings', { signal }),
  saveTriageSettings: (regionCode: string, body: TriageThresholds) =>
    request<TriageSettings>(`/triage/settings/${encodeURIComponent(regionCode)}`, { method: 'PUT', body }),
  clearTriageSettings: (regionCode: string) =>
    request<TriageSettings>(`/triage/settings/${encodeURIComponent(regionCode)}`, { method: 'DELETE' }),
  triageSummary: (signal?: AbortSignal) =>
    request<{ rows: { procedure: Procedure; label: string; files: number; hits: number }[] }>('/triage/summary', { signal }),
  triageWarnings: (page: number, pageSize: number, q?: string, signal?: AbortSignal) =>
    request<{ total: number; page: number; pageSize: number; rows: TriageWarning[] }>('/triage/warnings', {
      signal,
      query: { page, pageSize, q },
    }),
  transition: (id: string, body: TransitionInput) =>
    request<TransitionResult>(`/clues/${encodeURIComponent(id)}/transitions`, { method: 'POST', body }),
  extendDeadline: (id: string, deadline: string, reason: string) =>
    request<TransitionResult>(`/clues/${encodeURIComponent(id)}/deadline`, { method: 'POST', body: { deadline, reason } }),
  bulkAssign: (clueIds: string[], agencyId: string, deadline?: string, comment?: string) =>
    request<BulkAssignResult>('/clues/bulk-assign', { method: 'POST', body: { clueIds, agencyId, deadline, comment } }),
  mergeClues: (clueIds: string[], caseId?: string, comment?: string) =>
    request<{ caseId: string; members: string[] }>('/clues/merge', { method: 'POST', body: { clueIds, caseId, comment } }),
  uploadAttachments: (id: string, files: File[]) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return request<{ attachments: ClueAttachment[] }>(`/clues/${encodeURIComponent(id)}/attachments`, { method: 'POST', form });
  },

  createClue: (body: ConsoleClueInput) => request<IntakeResult>('/clues', { method: 'POST', body }),
  /** Looks at the imported 12345 tickets not yet taken in (supervisors): those about enforcement become clues. */
  hotlineIntake: () => request<{ looked: number; clues: number; linked: number }>('/hotline-tickets/intake', { method: 'POST', body: {} }),

  notices: (filters: NoticeFilters, signal?: AbortSignal) =>
    request<{ total: number; page: number; pageSize: number; rows: Notice[] }>('/notices', {
      query: filters as Record<string, string | number | undefined>,
      signal,
    }),
  notice: (id: string, signal?: AbortSignal) =>
    request<{ notice: Notice & { content: NoticeContent } }>(`/notices/${encodeURIComponent(id)}`, { signal }),
  issueNotice: (body: NoticeInput) => request<{ notice: Notice }>('/notices', { method: 'POST', body }),
  respondNotice: (id: string, text: string, respondedOn?: string) =>
    request<{ notice: Notice }>(`/notices/${encodeURIComponent(id)}/response`, { method: 'POST', body: { text, respondedOn } }),

  ask: (question: string, conversationId?: string) =>
    request<AskResponse>('/assistant/ask', { method: 'POST', body: { question, conversationId } }),
  conversations: (signal?: AbortSignal) => request<{ rows: AssistantConversation[] }>('/assistant/conversations', { signal }),
  conversation: (id: string, signal?: AbortSignal) =>
    request<{ asks: AssistantAsk[] }>(`/assistant/conversations/${encodeURIComponent(id)}`, { signal }),
  /** The Excel file of one answer's table (a download link, not a fetch). */
  answerTableUrl: (askId: string, index: number) => `${API_BASE}/assistant/asks/${encodeURIComponent(askId)}/answers/${index}/table.xlsx`,
  followup: {
    meta: (signal?: AbortSignal) => request<FollowupMeta>('/followup/meta', { signal }),
    campaigns: (query: { page: number; pageSize: number; subjectKind?: string; method?: string }, signal?: AbortSignal) =>
      request<Static<typeof Followup.CampaignPage>>('/followup/campaigns', { query, signal }),
    campaign: (id: string, signal?: AbortSignal) =>
      request<{ campaign: CampaignDetail }>(`/followup/campaigns/${encodeURIComponent(id)}`, { signal }),
    create: (body: CampaignInput) => request<Static<typeof Followup.CampaignCreated>>('/followup/campaigns', { method: 'POST', body }),
    draw: (id: string, seed?: string) =>
      request<DrawResult>(`/followup/campaigns/${encodeURIComponent(id)}/draw`, { method: 'POST', body: seed ? { seed } : {} }),
    verify: (id: string) => request<DrawVerification>(`/followup/campaigns/${encodeURIComponent(id)}/verify`),
    tasks: (id: string, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
      request<Static<typeof Followup.TaskPage>>(`/followup/campaigns/${encodeURIComponent(id)}/tasks`, { query, signal }),
    callList: (id: string, which: 'first' | 'second', signal?: AbortSignal) =>
      request<Static<typeof Followup.CallList>>(`/followup/campaigns/${encodeURIComponent(id)}/call-list`, {
        query: { which, pageSize: 200 },
        signal,
      }),
    callListCsvUrl: (id: string, which: 'first' | 'second') =>
      `${API_BASE}/followup/campaigns/${encodeURIComponent(id)}/call-list.csv?which=${which}`,
    invitations: (id: string, signal?: AbortSignal) =>
      request<Static<typeof Followup.InvitationList>>(`/followup/campaigns/${encodeURIComponent(id)}/invitations`, { signal }),
    qrUrl: (id: string, taskId: string) =>
      `${API_BASE}/followup/campaigns/${encodeURIComponent(id)}/invitations/${encodeURIComponent(taskId)}/qr.svg`,
    answers: (id: string, query: { page: number; pageSize: number; category?: string }, signal?: AbortSignal) =>
      request<Static<typeof Followup.AnswerPage>>(`/followup/campaigns/${encodeURIComponent(id)}/answers`, { query, signal }),
    report: (id: string, signal?: AbortSignal) =>
      request<CampaignReport>(`/followup/campaigns/${encodeURIComponent(id)}/report`, { signal }),
    reportDocxUrl: (id: string) => `${API_BASE}/followup/campaigns/${encodeURIComponent(id)}/report.docx`,
    dutyList: (signal?: AbortSignal) => request<DutyList>('/followup/duty-list', { signal }),
    survey: (campaignId: string, token: string, signal?: AbortSignal) =>
      request<SurveyPage>(`/survey/${encodeURIComponent(campaignId)}`, { query: { t: token }, signal, allowUnauthorized: true }),
    submitSurvey: (campaignId: string, token: string, answers: Record<string, string>) =>
      request<Static<typeof Followup.SurveySubmitted>>(`/survey/${encodeURIComponent(campaignId)}`, {
        method: 'POST',
        body: { token, answers },
        allowUnauthorized: true,
      }),
  },
  navigatorItems: (q: string, signal?: AbortSignal) => request<{ rows: ItemMatch[] }>('/navigator/items', { query: { q }, signal }),
  assess: (body: AssessRequest) => request<AssessResult>('/navigator/assess', { method: 'POST', body }),
  caseGuide: (id: string, signal?: AbortSignal) => request<CaseGuide>(`/navigator/cases/${encodeURIComponent(id)}`, { signal }),
  reviewList: (signal?: AbortSignal) => request<{ total: number; rows: ReviewRow[] }>('/navigator/review', { signal }),

  inspections: {
    /** A plan made in the console lands as one record through the import path (POST /ingest/inspection_plans). */
    createPlan: (record: Record<string, string | number>) =>
      request<ImportReport>('/ingest/inspection_plans', { method: 'POST', body: { sourceSystem: 'console', records: [record] } }),
    plans: (query: { year?: number; agencyId?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
      request<PlanPage>('/plans', { query, signal }),
    plan: (id: string, signal?: AbortSignal) => request<PlanDetail>(`/plans/${encodeURIComponent(id)}`, { signal }),
    draw: (id: string) => request<PlanDrawOut>(`/plans/${encodeURIComponent(id)}/draw`, { method: 'POST', body: {} }),
    drawCheck: (id: string) => request<{ checks: DrawCheck[] }>(`/plans/${encodeURIComponent(id)}/draw-check`),
    adjust: (id: string, body: PlanAdjustment) =>
      request<AdjustmentOut>(`/plans/${encodeURIComponent(id)}/adjustments`, { method: 'POST', body }),
    tasks: (
      query: { agencyId?: string; planId?: string; status?: string; from?: string; to?: string; page: number; pageSize: number },
      signal?: AbortSignal,
    ) => request<TaskPage>('/inspection-tasks', { query, signal }),
    task: (id: string, signal?: AbortSignal) => request<TaskDetail>(`/inspection-tasks/${encodeURIComponent(id)}`, { signal }),
    notice: (id: string, signal?: AbortSignal) => request<TaskNotice>(`/inspection-tasks/${encodeURIComponent(id)}/notice`, { signal }),
    /** An ad-hoc task (a complaint, a referral), coded before the visit. */
    createTask: (body: Static<typeof Inspections.AdhocTaskBody>) =>
      request<Static<typeof Inspections.IssuedTaskOut>>('/inspection-tasks', { method: 'POST', body }),
    revoke: (id: string, reason: string) =>
      request<unknown>(`/inspection-tasks/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: { reason } }),
    runSuggestions: (body: { windowDays?: number; from?: string }) =>
      request<SuggestReport>('/merge-suggestions/run', { method: 'POST', body }),
    suggestions: (query: { status?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
      request<SuggestionPage>('/merge-suggestions', { query, signal }),
    decide: (id: string, decision: 'accept' | 'decline', reason: string) =>
      request<MergeSuggestion>(`/merge-suggestions/${encodeURIComponent(id)}/decision`, { method: 'POST', body: { decision, reason } }),
    burden: (query: { year: number; threshold?: number }, signal?: AbortSignal) =>
      request<InspectionBurden>('/inspection-burden', { query, signal }),
  },

  actionCodes: {
    verify: (code: string, signal?: AbortSignal) =>
      request<CodeVerification>(`/action-codes/${encodeURIComponent(code)}`, { signal, allowUnauthorized: true }),
    rate: (code: string, body: { formToken: string; entityUscc: string; score: number; comment?: string; website?: string }) =>
      request<{ id: string; message: string }>(`/action-codes/${encodeURIComponent(code)}/ratings`, {
        method: 'POST',
        body,
        allowUnauthorized: true,
      }),
  },

  portal: {
    formToken: (signal?: AbortSignal) => request<PortalFormToken>('/portal/form-token', { signal, allowUnauthorized: true }),
    regions: (signal?: AbortSignal) =>
      request<{ rows: { code: string; name: string; cityName: string }[] }>('/portal/regions', { signal, allowUnauthorized: true }),
    agencies: (regionCode: string, signal?: AbortSignal) =>
      request<{ rows: { id: string; name: string }[] }>('/portal/agencies', { query: { regionCode }, signal, allowUnauthorized: true }),
    report: (body: PortalReportInput) =>
      request<{ followCode: string; message: string }>('/portal/reports', { method: 'POST', body, allowUnauthorized: true }),
    status: (code: string, signal?: AbortSignal) =>
      request<PortalStatus>(`/portal/reports/${encodeURIComponent(code)}`, { signal, allowUnauthorized: true }),
  },
};

// ── in-app notifications: /notifications (src/api/notification-routes.ts, docs/notifications.md) ──

export interface AppNotification {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  /** The console page it opens: /clues/<id> or /notices?id=<id>. */
  link: string;
  clueId: string | null;
  noticeId: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  total: number;
  unread: number;
  page: number;
  pageSize: number;
  rows: AppNotification[];
}

export const notificationsApi = {
  list: (filters: { unread?: boolean; kind?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    request<NotificationPage>('/notifications', {
      query: { unread: filters.unread ? 'true' : undefined, kind: filters.kind, page: filters.page, pageSize: filters.pageSize },
      signal,
    }),
  count: (signal?: AbortSignal) => request<{ unread: number }>('/notifications/count', { signal }),
  read: (body: { ids?: string[]; all?: boolean }) => request<{ unread: number }>('/notifications/read', { method: 'POST', body }),
};

// ── 系统管理: /admin/* (src/api/admin-routes.ts, docs/admin.md) ────────────────────────────────

export interface UserEntry {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  regionName: string;
  agencyId: string | null;
  agencyName: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface UserFilters {
  q?: string;
  role?: string;
  regionCode?: string;
  disabled?: 'true' | 'false';
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  agencyId?: string | null;
}

export interface RoleEntry {
  role: Role;
  label: string;
  scope: string;
  duties: string;
  users: number;
  disabled: number;
}

export interface AdminRegion {
  code: string;
  name: string;
  level: string;
  levelLabel: string;
  parentCode: string | null;
  parentName: string | null;
  isDemo: boolean;
  agencies: number;
  users: number;
}

export interface ScheduleInfo {
  minutes: number;
  source: 'setting' | 'option';
  lastRun: string | null;
  nextRun: string | null;
  models: number;
  regionSettings: {
    modelCode: string;
    modelName: string;
    regionCode: string;
    regionName: string;
    enabled: boolean;
    params: Record<string, number>;
    updatedAt: string;
  }[];
}

/** A list's query string as a URL of the server (exports are plain links: the session cookie goes along). */
export function exportUrl(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export const adminApi = {
  users: (filters: UserFilters, signal?: AbortSignal) =>
    request<{ total: number; page: number; pageSize: number; rows: UserEntry[] }>('/admin/users', {
      query: filters as Record<string, string | number | undefined>,
      signal,
    }),
  createUser: (body: NewUserInput) => request<{ user: { id: string; username: string } }>('/admin/users', { method: 'POST', body }),
  setDisabled: (id: string, disabled: boolean) =>
    request<{ ok: boolean }>(`/admin/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' }),
  resetPassword: (id: string, password: string) =>
    request<{ ok: boolean }>(`/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } }),
  roles: (signal?: AbortSignal) => request<{ rows: RoleEntry[] }>('/admin/roles', { signal }),
  regions: (query: { q?: string; level?: string }, signal?: AbortSignal) =>
    request<{ rows: AdminRegion[] }>('/admin/regions', { query, signal }),
  schedule: (signal?: AbortSignal) => request<ScheduleInfo>('/admin/schedule', { signal }),
  setSchedule: (minutes: number) => request<ScheduleInfo>('/admin/schedule', { method: 'PUT', body: { minutes } }),
};

// ── 审计日志: /audit (src/api/audit-routes.ts) ──────────────────────────────────────────────────

export interface AuditEntry {
  /** The chain it is in: 'province', or a city's code; seq counts within it. */
  chain: string;
  seq: number;
  occurredAt: string;
  actor: { id: string; name: string; username: string | null };
  action: string;
  actionLabel: string;
  target: string | null;
  targetLabel: string | null;
  regionCode: string | null;
  regionName: string | null;
  detail: unknown;
  hash: string;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (filters: AuditFilters, signal?: AbortSignal) =>
    request<{ total: number; page: number; pageSize: number; rows: AuditEntry[]; actions: Record<string, string> }>('/audit', {
      query: filters as Record<string, string | number | undefined>,
      signal,
    }),
  verify: () =>
    request<{
      ok: boolean;
      entries: number;
      chains: { chain: string; entries: number; headSeq: number | null; anchoredSeq: number | null; ok: boolean }[];
      problems: { chain: string; seq: number; problem: string; message: string }[];
    }>('/audit/verify', { method: 'POST' }),
};

const CJK = /[\u4e00-\u9fff]/;

/**
 * The text to show the user for a failed call: the server's message when it speaks Chinese (it
 * names the field or the reason), otherwise a Chinese sentence chosen by status.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    // The log id lets an administrator find the failure in the server log.
    const suffix = error.id ? `（错误编号：${error.id}）` : '';
    if (CJK.test(error.message)) return error.message + suffix;
    if (error.status === 401) return error.code === 'unauthenticated' ? '登录已失效，请重新登录' : '用户名或密码错误';
    if (error.status === 429) return '操作过于频繁，请稍后再试';
    if (error.status === 400) return '请求参数有误';
    return defaultMessage(error.status) + suffix;
  }
  return '发生未知错误，请稍后重试';
}
