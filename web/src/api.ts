// The console's only door to the server: a typed fetch wrapper over `/api/v1`.
// Every response error has one shape, {error: {code, message}} (see docs/console.md); a 401 on any
// call but the login itself means the session is gone, so the user is sent to the login page.

export const API_BASE = '/api/v1';

/** Role codes as stored in `users.role` (src/store/migrations/001_schema.sql); the server's type. */
export type { Role } from '../../src/auth/caller.ts';
import type { Role } from '../../src/auth/caller.ts';
/** The assistant's answers, typed by the server's own schema (src/assistant/answer.ts). */
export type {
  Answer as AssistantAnswer,
  AnswerTable as AssistantTable,
  Citation as AssistantCitation,
} from '../../src/assistant/answer.ts';
import type { AskResponse } from '../../src/api/assistant-routes.ts';
export type { AskResponse };

export interface AssistantConversation {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  asks: number;
}

export interface AssistantAsk extends Omit<AskResponse, 'conversationId' | 'askId'> {
  id: string;
  question: string;
  askedAt: string;
}
import type { ImportKind, ListedKind } from './records/kinds.generated.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The server's Chinese label of the role; the console falls back to its own table. */
  roleLabel?: string;
  regionCode: string;
  regionName: string;
  agencyId: string | null;
  agencyName: string | null;
}

export interface DashboardTotals {
  licences: number;
  inspections: number;
  cases: number;
  /** 罚没金额, yuan. */
  fines: number;
  serviceVisits: number;
  hotlineTickets: number;
  entities: number;
  agencies: number;
  officers: number;
}

export interface MonthRow {
  /** `YYYY-MM`. */
  month: string;
  licences: number;
  inspections: number;
  cases: number;
}

export interface LineRow {
  lineCode: string;
  lineName: string;
  inspections: number;
  cases: number;
}

export interface RegionRow {
  regionCode: string;
  regionName: string;
  inspections: number;
  cases: number;
  /** yuan */
  fines: number;
}

export interface DashboardSummary {
  scope: { regionCode: string; regionName: string };
  /** The period the server applied (its default when from/to are absent). */
  period?: { from: string; to: string };
  totals: DashboardTotals;
  byMonth: MonthRow[];
  byLine: LineRow[];
  /** The children of the caller's region (cities for the province, counties for a city). */
  byRegion: RegionRow[];
}

// ── catalog (rules as data): GET /catalog/* (src/api/catalog-routes.ts). Column names as stored. ──

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface RegionEntry {
  code: string;
  name: string;
  parent_code: string | null;
  level: RegionLevel;
}

export interface LineEntry {
  code: string;
  name: string;
}

export type RegulationKind = 'law' | 'administrative_regulation' | 'local_regulation' | 'rule' | 'normative';
/** verbatim: full text; partial: some articles; unavailable: cited by name only. */
export type RegulationStatus = 'verbatim' | 'partial' | 'unavailable';

export interface RegulationEntry {
  id: string;
  title: string;
  kind: RegulationKind;
  version_date: string | null;
  source: string | null;
  status: RegulationStatus;
  article_count: number;
}

export interface ArticleEntry {
  number: number;
  /** 第三十三条 */
  label: string;
  /** Verbatim, paragraphs joined by \n; null when the corpus lacks the text. */
  text: string | null;
}

export interface RegulationDetail {
  regulation: Omit<RegulationEntry, 'article_count'>;
  articles: ArticleEntry[];
}

export type ItemKind = 'licence' | 'inspection' | 'penalty' | 'coercion';

export interface ItemEntry {
  code: string;
  name: string;
  kind: ItemKind;
  line_code: string;
  basis_regulation_id: string | null;
  basis_article: number | null;
  penalty_regulation_id: string | null;
  penalty_article: number | null;
  /** yuan */
  fine_min: number | null;
  fine_max: number | null;
  fine_note: string | null;
  time_limit_days: number | null;
}

export interface InspectionItemEntry {
  code: string;
  item_code: string;
  name: string;
  line_code: string;
  /** The publishing level: 330000 or a city. */
  region_code: string;
  max_per_year: number;
}

export type TierName = 'exempt' | 'mitigated' | 'lenient' | 'general' | 'severe';

export interface TierEntry {
  baseline_id: string;
  tier: TierName;
  fine_min: number;
  fine_max: number;
  conditions: string;
}

export interface BaselineEntry {
  id: string;
  item_code: string;
  /** 330000 province-wide, or a city refinement. */
  region_code: string;
  title: string;
  effective_from: string;
  item_name: string;
  tiers: TierEntry[];
}

export interface ExemptionEntry {
  id: string;
  item_code: string;
  region_code: string;
  domain: string;
  conditions: string;
  basis_regulation_id: string;
  basis_article: number;
  list_regulation_id: string | null;
  item_name: string;
  /** The cited article's text (行政处罚法 第三十三条), null when the corpus lacks it. */
  basis_text: string | null;
}

export interface WhitelistEntry {
  code: string;
  name: string;
  region_code: string;
  line_code: string | null;
}

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

// ── records: GET /records/:kind (src/api/record-routes.ts), scoped to the caller by the server ──

/** The kinds the console has a page for: a subset of what the server lists (src/records). */
export const RECORD_KINDS = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
  'agencies',
  'officers',
  'entities',
] as const satisfies readonly ListedKind[];
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A record as stored: column → value (dates 'YYYY-MM-DD', instants ISO text, money as numbers). */
export type RecordRow = Record<string, unknown>;

export interface RecordPage {
  total: number;
  page: number;
  pageSize: number;
  rows: RecordRow[];
}

// ── imports: POST/GET /imports (src/api/ingest-routes.ts) ─────────────────────────────────────

/** Kinds a file can hold: generated from the server's registry (src/records). */
export { IMPORT_KINDS, type ImportKind } from './records/kinds.generated.ts';

export interface ImportError {
  /** 行号: the row of the file (the header is row 1), or the record's position in a JSON file. */
  row: number;
  /** The field's name (entity_uscc); empty when the error concerns the whole row. */
  field: string;
  /** The field's header as the importer names it (统一社会信用代码), when the server gives it. */
  label?: string;
  message: string;
}

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

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** "第12行 entity_uscc（统一社会信用代码）：…", the importer's report line, into row, field, label and message. */
function parseErrorLine(line: string): ImportError {
  const m = /^第(\d+)[行条]\s*([^：]*)：(.*)$/s.exec(line);
  if (!m) return { row: 0, field: '', message: line };
  const where = m[2]!.trim();
  const named = /^([A-Za-z0-9_]+)（(.+)）$/.exec(where);
  return named
    ? { row: Number(m[1]), field: named[1]!, label: named[2]!, message: m[3]!.trim() }
    : { row: Number(m[1]), field: where, message: m[3]!.trim() };
}

/**
 * A batch as the console shows it. Reads the upload answer (batchId, rowsRead, errors as the
 * importer's report lines), a listed batch (id, rowsTotal) and a stored row (snake_case) alike, so
 * the result and the history share one shape.
 */
export function toImportBatch(raw: Record<string, unknown>): ImportBatch {
  let errors: unknown = raw.errors;
  if (typeof errors === 'string') {
    try {
      errors = JSON.parse(errors);
    } catch {
      errors = [];
    }
  }
  const list = Array.isArray(errors) ? errors : [];
  return {
    id: String(raw.id ?? raw.batchId ?? ''),
    kind: String(raw.kind ?? ''),
    sourceSystem: str(raw.sourceSystem ?? raw.source_system),
    fileName: str(raw.fileName ?? raw.file_name),
    rowsTotal: num(raw.rowsTotal ?? raw.rows_total ?? raw.rowsRead),
    rowsOk: num(raw.rowsOk ?? raw.rows_ok),
    rowsBad: num(raw.rowsBad ?? raw.rows_bad),
    errors: list.map((e: unknown) =>
      typeof e === 'string'
        ? parseErrorLine(e)
        : {
            row: num((e as ImportError).row),
            field: String((e as ImportError).field ?? ''),
            message: String((e as ImportError).message ?? ''),
          },
    ),
    startedAt: str(raw.startedAt ?? raw.started_at ?? raw.finishedAt ?? raw.finished_at),
    errorsUrl: str(raw.errorsUrl),
  };
}

export function importErrorFileUrl(batchId: string): string {
  return `${API_BASE}/imports/${encodeURIComponent(batchId)}/errors.csv`;
}

// ── models: GET/PUT /models (src/api/model-routes.ts) ──────────────────────────────────────────

export type Severity = 'low' | 'medium' | 'high';
export type ModelCategory = 'inspection' | 'penalty' | 'licensing' | 'delegation' | 'officer' | 'closure' | 'followup';

export interface ModelParamEntry {
  name: string;
  /** Chinese, with the unit: 时间窗口（天）. */
  label: string;
  type: 'integer' | 'number';
  default: number;
  min: number;
  max: number;
  /** The value in force for the caller's region. */
  value: number;
}

/** One stored setting: it applies to its region's subtree; the most specific region wins. */
export interface ModelSettingEntry {
  regionCode: string;
  enabled: boolean;
  params: Record<string, number>;
}

export interface ModelBasisEntry {
  regulationId: string;
  article?: number;
  /** A policy named but not in the corpus. */
  note?: string;
  title: string;
  /** 第五十四条; null when the basis is a whole regulation or the article is not stored. */
  label: string | null;
  text: string | null;
}

export interface ModelEntry {
  code: string;
  name: string;
  description: string;
  category: ModelCategory;
  categoryLabel: string;
  severity: Severity;
  /** Template with {fact} and {param} placeholders. */
  explanation: string;
  /** The record kind of the evidence (inspections, cases, …, or clues for the closure models). */
  evidenceKind: string;
  realtime: boolean;
  basis: ModelBasisEntry;
  params: ModelParamEntry[];
  /** In force for the caller's region. */
  enabled: boolean;
  /** Settings on the caller's path and in their subtree. */
  settings: ModelSettingEntry[];
  /** Clues of the caller's scope (the list only). */
  clues?: number;
  openClues?: number;
}

export interface ModelRunRow {
  id: string;
  regionCode: string;
  /** batch | schedule | realtime */
  trigger: string;
  startedAt: string;
  millis: number;
  hits: number;
  newClues: number;
}

export interface ModelDetail {
  model: ModelEntry;
  cluesByMonth: { month: string; clues: number }[];
  runs: ModelRunRow[];
}

export interface ModelRunReport {
  code: string;
  name: string;
  millis: number;
  hits: number;
  newClues: number;
}

// ── clues: /clues, /notices (src/api/clue-routes.ts; docs/clues.md, docs/notices.md) ─────────────

export const CLUE_STATUSES = [
  'new',
  'triaged',
  'assigned',
  'rectifying',
  'submitted',
  'returned',
  'closed',
  'dismissed',
  'transferred',
] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];
export const CLUE_ACTIONS = ['triage', 'assign', 'accept', 'submit', 'close', 'return', 'dismiss', 'transfer'] as const;
export type ClueAction = (typeof CLUE_ACTIONS)[number];
export const CLUE_SOURCES = ['model', 'hotline', 'followup', 'invited', 'contact_point', 'media', 'public', 'case_review'] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];

export interface ClueSummary {
  id: string;
  title: string;
  status: ClueStatus;
  statusLabel: string;
  source: string;
  sourceLabel: string;
  severity: Severity;
  regionCode: string;
  regionName: string;
  agencyId: string | null;
  agencyName: string | null;
  modelCode: string | null;
  /** YYYY-MM-DD */
  deadline: string | null;
  /** While the deadline runs; negative when overdue. */
  daysLeft: number | null;
  overdue: boolean;
  escalationLevel: 'city' | 'province' | null;
  /** 市级督办 */
  escalationLabel: string | null;
  caseId: string | null;
  isCase: boolean;
  memberCount: number;
  reportCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ClueEvidence {
  kind: string;
  ids: string[];
  subject?: { kind: string; id: string };
  facts?: Record<string, unknown>;
}

export interface TimelineEvent {
  id: string;
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: { id: string | null; name: string | null };
  comment: string | null;
  detail: unknown;
  occurredAt: string;
}

export interface ClueAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  sm3: string;
  uploadedBy?: string;
  uploadedAt?: string;
  /** /api/v1/attachments/<id> */
  url: string;
}

export interface ClueReport {
  id: string;
  source: string;
  sourceLabel: string;
  sourceRef: string | null;
  content: string;
  subjectName: string | null;
  /** Masked for most roles. */
  contact: string | null;
  linked: boolean;
  similarity: number | null;
  receivedAt: string;
}

export interface ClueDetail {
  clue: ClueSummary & {
    explanation: string;
    /** A model's evidence ({kind, ids, subject, facts}); null for reports. */
    evidence: ClueEvidence | null;
    params: Record<string, number> | null;
    entityUscc: string | null;
    subjectName: string | null;
    rectification: string | null;
    basis: { regulationId: string; article: number }[] | null;
    escalatedAt: string | null;
    allowedActions: ClueAction[];
  };
  timeline: TimelineEvent[];
  reports: ClueReport[];
  attachments: ClueAttachment[];
  members: { id: string; title: string; status: string; statusLabel: string; regionCode: string }[];
  notices: { id: string; kind: string; number: string; status: string; issuedOn: string }[];
}

export interface ClueFilters {
  status?: string;
  source?: string;
  severity?: string;
  agencyId?: string;
  regionCode?: string;
  modelCode?: string;
  overdue?: 'true' | 'false';
  escalated?: 'true';
  caseId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CluePage {
  total: number;
  page: number;
  pageSize: number;
  rows: ClueSummary[];
}

export interface ClueStats {
  today: string;
  total: number;
  open: number;
  byStatus: Record<ClueStatus, number>;
  statusLabels: Record<ClueStatus, string>;
  bySeverity: Partial<Record<Severity, number>>;
  bySource: Record<string, number>;
  overdue: number;
  dueSoon: number;
  escalatedToMe: number;
}

export interface WorkflowTransition {
  action: ClueAction;
  label: string;
  from: ClueStatus[];
  to: ClueStatus;
  by: 'region_supervisor' | 'assigned_agency';
  byLabel: string;
  requires: ('comment' | 'agency' | 'rectification' | 'evidence')[];
  deadline?: 'set' | 'optional';
}

export interface ClueWorkflow {
  statuses: { code: ClueStatus; label: string }[];
  sources: { code: string; label: string }[];
  transitions: WorkflowTransition[];
  eventLabels: Record<string, string>;
  deadlineDays: Record<Severity, number>;
  escalation: { graceDays: number; stepDays: number };
}

export interface TransitionInput {
  action: ClueAction;
  comment?: string;
  agencyId?: string;
  deadline?: string;
  rectification?: string;
  attachmentIds?: string[];
}

export interface TransitionResult {
  clue: ClueSummary;
  event: TimelineEvent;
  members: string[];
}

export interface BulkAssignResult {
  assigned: number;
  refused: number;
  results: { id: string; ok: boolean; status?: string; deadline?: string | null; error?: { code: string; message: string } }[];
}

/** Sources a console user may enter (src/clues/intake.ts CONSOLE_SOURCES): invited supervisors only `invited`. */
export type ConsoleSource = 'invited' | 'contact_point' | 'media' | 'followup';

export interface ConsoleClueInput {
  source: ConsoleSource;
  regionCode: string;
  content: string;
  title?: string;
  severity?: Severity;
  agencyId?: string;
  entityUscc?: string;
  subjectName?: string;
}

/** A new report either makes a clue or, being the same matter as an open one, is linked to it. */
export interface IntakeResult {
  clueId: string;
  reportId: string;
  linked: boolean;
  similarity: number | null;
}

export type NoticeKind = 'advisory' | 'supervision' | 'transfer';

export interface Notice {
  id: string;
  kind: NoticeKind;
  kindLabel: string;
  number: string;
  title: string;
  regionCode: string;
  issuer: string;
  addressee: string;
  agencyId: string | null;
  clueIds: string[];
  issuedOn: string;
  deadline: string | null;
  status: 'issued' | 'answered';
  statusLabel: string;
  overdue: boolean;
  response: string | null;
  respondedOn: string | null;
  respondedBy: string | null;
  createdBy: string;
  createdAt: string;
  /** /api/v1/notices/<id>.docx */
  download: string;
}

/** What the notice says, kept as issued (the .docx is rebuilt from it). */
export interface NoticeContent {
  opening: string;
  facts: { clueId: string; title: string; explanation: string; regionName: string; agencyName: string | null; foundOn: string }[];
  /** Each cited article with its text as stored. */
  basis: { regulationId: string; regulationTitle: string; article: number; label: string; text: string }[];
  requirement: string;
}

export interface NoticeInput {
  kind: NoticeKind;
  clueIds: string[];
  agencyId?: string;
  addressee?: string;
  requiredAction?: string;
  deadline?: string;
}

export interface NoticeFilters {
  kind?: NoticeKind;
  status?: 'issued' | 'answered';
  overdue?: 'true';
  clueId?: string;
  page?: number;
  pageSize?: number;
}

// ── public portal: /portal/* (src/api/portal-routes.ts), no session ────────────────────────────

export interface PortalFormToken {
  token: string;
  minFillSeconds: number;
  expiresInSeconds: number;
}

export interface PortalReportInput {
  formToken: string;
  regionCode: string;
  content: string;
  agencyId?: string;
  subjectName?: string;
  contact?: string;
  /** The honeypot: always sent, always empty. */
  website: string;
}

export interface PortalStatus {
  code: string;
  receivedAt: string;
  stage: string;
  updatedOn: string;
  steps: { on: string; stage: string }[];
}

// ── follow-up (回访): src/api/followup-routes.ts, docs/followup.md ─────────────────────────────
export interface FollowupCode {
  code: string;
  label: string;
}
export interface FollowupQuestion {
  id: string;
  text: string;
  type: 'yesno' | 'choice' | 'rating' | 'number' | 'text';
  options?: string[];
  showIf?: { question: string; equals: string[] };
  maps?: string;
  required?: boolean;
}
export interface FollowupQuestionnaire {
  title: string;
  intro: string;
  questions: FollowupQuestion[];
}
export interface FollowupSettings {
  sampleSize: number;
  quotaPerAgency: number;
  noRepeatDays: number;
  rules: string[];
  secondCallShare: number;
  secondCallDays: number;
  invitationDays: number;
}
export interface FollowupMeta {
  subjectKinds: FollowupCode[];
  methods: FollowupCode[];
  levels: FollowupCode[];
  statuses: FollowupCode[];
  rules: FollowupCode[];
  categories: (FollowupCode & { serious: boolean })[];
  satisfaction: FollowupCode[];
  defaultSettings: FollowupSettings;
}
export interface CampaignSummary {
  id: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  levelLabel: string;
  subjectKind: string;
  subjectLabel: string;
  method: string;
  methodLabel: string;
  status: string;
  statusLabel: string;
  periodFrom: string | null;
  periodTo: string | null;
  createdAt: string;
  tasks: number;
  answered: number;
  reached: number;
  calls: number;
}
export interface CampaignDetail extends CampaignSummary {
  seed: string | null;
  drawnAt: string | null;
  drawDigest: string | null;
  questionnaire: FollowupQuestionnaire;
  settings: FollowupSettings;
}
export interface CampaignInput {
  name: string;
  regionCode: string;
  subjectKind: string;
  method: string;
  periodFrom: string;
  periodTo: string;
  settings?: Partial<FollowupSettings>;
}
export interface DrawResult {
  seed: string;
  selected: number;
  candidates: number;
  excludedRecent: number;
  byRule: Record<string, number>;
}
export interface DrawVerification {
  seed: string;
  same: boolean;
  sameCandidates: boolean;
  stored: number;
  redrawn: number;
  missing: string[];
  extra: string[];
}
export interface FollowupTask {
  id: string;
  subjectKind: string;
  subjectId: string;
  entityName: string | null;
  agencyName: string | null;
  officerName: string | null;
  askerName: string | null;
  rule: string | null;
  reason: string | null;
  channel: string;
  status: string;
  secondCallStatus: string | null;
  secondCallDue: string | null;
}
export interface CallListRow {
  taskId: string;
  entityName: string;
  phone: string | null;
  agencyName: string;
  date: string;
  what: string;
  reason: string | null;
  askerName: string | null;
  secondCallDue: string | null;
  script: { opening: string; steps: { questionId: string; no: number; say: string; branch: string | null }[]; closing: string };
}
export interface FollowupFinding {
  kind: 'complaint' | 'claim';
  code: string;
  serious: boolean;
  value: number | null;
  sentence: string;
}
export interface FollowupAnswer {
  id: string;
  taskId: string;
  entityName: string | null;
  agencyName: string | null;
  answeredAt: string;
  outcome: string;
  channel: string;
  score: number | null;
  transcript: string | null;
  satisfaction: string | null;
  categories: string[];
  praise: boolean | null;
  findings: FollowupFinding[];
}
export interface CampaignReport {
  campaign: CampaignSummary;
  totals: {
    tasks: number;
    contacted: number;
    reached: number;
    unreachable: number;
    refused: number;
    pending: number;
    reachedRate: number;
    secondCalls: { drawn: number; done: number; overdue: number };
  };
  satisfaction: { satisfied: number; neutral: number; dissatisfied: number; unknown: number; satisfiedRate: number };
  byAgency: {
    agencyId: string;
    agencyName: string;
    answers: number;
    satisfied: number;
    dissatisfied: number;
    satisfiedRate: number;
    averageScore: number | null;
    complaints: number;
    praise: number;
  }[];
  byQuestion: { questionId: string; text: string; type: string; answers: { value: string; count: number }[] }[];
  categories: { code: string; label: string; count: number }[];
  problems: {
    found: number;
    solved: number;
    open: number;
    rows: { clueId: string; title: string; status: string; modelCode: string | null; agencyName: string | null }[];
  };
}
export interface DutyList {
  today: string;
  problems: {
    clueId: string;
    title: string;
    status: string;
    agencyName: string | null;
    deadline: string | null;
    overdue: boolean;
    foundOn: string;
    explanation: string;
  }[];
  secondCalls: { taskId: string; campaignId: string; entityName: string | null; due: string; overdue: boolean }[];
}
export interface SurveyPage {
  campaignId: string;
  title: string;
  intro: string;
  subjectLabel: string;
  agencyName: string;
  date: string;
  expiresAt: string;
  questions: FollowupQuestion[];
}

export interface ApiErrorBody {
  /** `field` names the bad input of a 400; `id` is the log id of a 500. */
  error: { code: string; message: string; field?: string; id?: string };
}

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
  record: (kind: RecordKind, id: string, signal?: AbortSignal) =>
    request<{ record: RecordRow }>(`/records/${kind}/${encodeURIComponent(id)}`, { signal }),

  importFile: async (file: File, kind: ImportKind, sourceSystem?: string) => {
    const form = new FormData();
    // Fields before the file: a streaming multipart parser sees kind before the bytes it governs.
    form.append('kind', kind);
    if (sourceSystem) form.append('sourceSystem', sourceSystem);
    form.append('file', file, file.name);
    return toImportBatch(await request<Record<string, unknown>>('/imports', { method: 'POST', form }));
  },
  /** The caller's batches, newest first (the server answers {total, items}). */
  imports: async (signal?: AbortSignal) => {
    const body = await request<{ items?: Record<string, unknown>[]; rows?: Record<string, unknown>[] }>('/imports', {
      query: { limit: 50 },
      signal,
    });
    return (body.items ?? body.rows ?? []).map(toImportBatch);
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
  clue: (id: string, signal?: AbortSignal) => request<ClueDetail>(`/clues/${encodeURIComponent(id)}`, { signal }),
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
      request<{ total: number; rows: CampaignSummary[] }>('/followup/campaigns', { query, signal }),
    campaign: (id: string, signal?: AbortSignal) =>
      request<{ campaign: CampaignDetail }>(`/followup/campaigns/${encodeURIComponent(id)}`, { signal }),
    create: (body: CampaignInput) => request<{ campaign: CampaignSummary }>('/followup/campaigns', { method: 'POST', body }),
    draw: (id: string, seed?: string) =>
      request<DrawResult>(`/followup/campaigns/${encodeURIComponent(id)}/draw`, { method: 'POST', body: seed ? { seed } : {} }),
    verify: (id: string) => request<DrawVerification>(`/followup/campaigns/${encodeURIComponent(id)}/verify`),
    tasks: (id: string, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
      request<{ total: number; rows: FollowupTask[] }>(`/followup/campaigns/${encodeURIComponent(id)}/tasks`, { query, signal }),
    callList: (id: string, which: 'first' | 'second', signal?: AbortSignal) =>
      request<{ total: number; rows: CallListRow[] }>(`/followup/campaigns/${encodeURIComponent(id)}/call-list`, {
        query: { which, pageSize: 200 },
        signal,
      }),
    callListCsvUrl: (id: string, which: 'first' | 'second') =>
      `${API_BASE}/followup/campaigns/${encodeURIComponent(id)}/call-list.csv?which=${which}`,
    invitations: (id: string, signal?: AbortSignal) =>
      request<{
        rows: { taskId: string; entityName: string | null; agencyName: string | null; expiresAt: string; used: boolean; link: string }[];
      }>(`/followup/campaigns/${encodeURIComponent(id)}/invitations`, { signal }),
    qrUrl: (id: string, taskId: string) =>
      `${API_BASE}/followup/campaigns/${encodeURIComponent(id)}/invitations/${encodeURIComponent(taskId)}/qr.svg`,
    answers: (id: string, query: { page: number; pageSize: number; category?: string }, signal?: AbortSignal) =>
      request<{ total: number; rows: FollowupAnswer[] }>(`/followup/campaigns/${encodeURIComponent(id)}/answers`, { query, signal }),
    report: (id: string, signal?: AbortSignal) =>
      request<CampaignReport>(`/followup/campaigns/${encodeURIComponent(id)}/report`, { signal }),
    reportDocxUrl: (id: string) => `${API_BASE}/followup/campaigns/${encodeURIComponent(id)}/report.docx`,
    dutyList: (signal?: AbortSignal) => request<DutyList>('/followup/duty-list', { signal }),
    survey: (campaignId: string, token: string, signal?: AbortSignal) =>
      request<SurveyPage>(`/survey/${encodeURIComponent(campaignId)}`, { query: { t: token }, signal, allowUnauthorized: true }),
    submitSurvey: (campaignId: string, token: string, answers: Record<string, string>) =>
      request<{ answerId: string; message: string }>(`/survey/${encodeURIComponent(campaignId)}`, {
        method: 'POST',
        body: { token, answers },
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
