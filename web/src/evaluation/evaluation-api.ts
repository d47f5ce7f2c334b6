// The evaluation calls (/evaluation/*, /reports, /cockpit, /reviews: docs/evaluation.md, docs/reports.md)
// and the shapes they answer, through the console's one fetch wrapper (api.ts `request`).
import { request } from '../api.ts';

export type Level = 'region' | 'agency' | 'officer';
export const LEVEL_LABELS: Record<Level, string> = { region: '区划', agency: '执法主体', officer: '执法人员' };

export type ScoringRule =
  { kind: 'linear'; zeroAt: number } | { kind: 'thresholds'; steps: { reach: number; score: number }[] } | { kind: 'rank' };

export interface IndicatorColumn {
  code: string;
  name: string;
  group: string;
  groupName: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  scoring: ScoringRule;
  recordKind: string;
  target: number;
  weight: number;
}

export interface Cell {
  value: number | null;
  score: number | null;
  num: number;
  den: number;
  records: number;
}

export interface ScoreRow {
  subject: { id: string; name: string; regionCode: string; agencyId: string | null };
  score: number | null;
  rank: number | null;
  groups: Record<string, number | null>;
  cells: Record<string, Cell>;
}

export interface PeriodInfo {
  code: string;
  kind: string;
  from: string;
  to: string;
  label: string;
}

export interface Scorecard {
  level: Level;
  regionCode: string;
  period: PeriodInfo;
  asOf: string;
  indicators: IndicatorColumn[];
  groups: { code: string; name: string }[];
  rows: ScoreRow[];
  /** Subjects ranked (an agency sees its own row among this many). */
  of: number;
}

export interface RecordsPage {
  indicator: { code: string; name: string; unit: string; recordKind: string };
  total: number;
  numerator: number;
  page: number;
  pageSize: number;
  rows: { recordId: string; regionCode: string; agencyId: string | null; officerId: string | null; num: number; den: number }[];
}

export interface IndicatorEntry {
  code: string;
  name: string;
  group: string;
  groupName: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  scoring: ScoringRule;
  levels: Level[];
  recordKind: string;
  defaults: { weight: number; target: number; group: string };
  inForce: { enabled: boolean; weight: number; target: number; group: string };
  settings: { regionCode: string; enabled: boolean | null; weight: number | null; target: number | null; groupCode: string | null }[];
}

export interface Figure {
  key: string;
  label: string;
  value: number;
  lastYear: number;
  yoy: number | null;
}

export interface AgencyProfile {
  agency: { id: string; name: string; lineName: string; regionName: string; regionCode: string };
  period: PeriodInfo;
  figures: Figure[];
  byMonth: { month: string; inspections: number; cases: number }[];
  cluesByModel: { modelCode: string | null; name: string; source: string; clues: number; open: number }[];
  notices: { id: string; kind: string; number: string; title: string | null; issuedOn: string; deadline: string | null; status: string }[];
  satisfaction: { answers: number; meanScore: number | null; satisfiedShare: number | null; saysInspection: number };
  scoreHistory: { period: string; label: string; score: number | null; rank: number | null; of: number }[];
}

export interface OfficerProfile {
  officer: { id: string; name: string; agencyId: string; agencyName: string; idNumber: string | null; phone: string | null };
  period: PeriodInfo;
  certificates: { number: string; issuedOn: string; expiresOn: string; status: string; validAtPeriodEnd: boolean }[];
  figures: Figure[];
  inspections: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  cluesByModel: AgencyProfile['cluesByModel'];
  outliers: { code: string; name: string; unit: string; value: number; peerMean: number; peers: number; z: number; outlier: boolean }[];
}

export interface EntityProfile {
  entity: { uscc: string; name: string; regionCode: string; industry: string | null; legalRep: string | null; phone: string | null };
  period: PeriodInfo;
  burden: {
    inspections: number;
    agencies: number;
    countyMeanPerEntity: number | null;
    byAgency: { agencyId: string; agencyName: string; inspections: number }[];
  };
  byMonth: { month: string; inspections: number; cases: number }[];
  cases: Record<string, unknown>[];
  complaints: { id: string; receivedAt: string; category: string; content: string; status: string }[];
  followupAnswers: {
    id: string;
    answeredAt: string;
    satisfaction: number | null;
    saysInspection: boolean | null;
    subjectKind: string;
    subjectId: string;
  }[];
}

type Query = Record<string, string | number | undefined>;

export const evaluationApi = {
  scorecard: (q: { level: Level; regionCode?: string; period?: string }, signal?: AbortSignal) =>
    request<Scorecard>('/evaluation/scorecard', { query: q as Query, signal }),
  records: (
    q: { indicator: string; level: Level; subject: string; regionCode?: string; period?: string; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => request<RecordsPage>('/evaluation/records', { query: q as Query, signal }),
  indicators: (signal?: AbortSignal) =>
    request<{ groups: { code: string; name: string; builtIn: boolean }[]; rows: IndicatorEntry[] }>('/evaluation/indicators', { signal }),
  saveSetting: (code: string, body: { regionCode: string; enabled?: boolean | null; weight?: number | null; target?: number | null }) =>
    request<unknown>(`/evaluation/indicators/${encodeURIComponent(code)}/settings`, { method: 'PUT', body }),
  agency: (id: string, period: string | undefined, signal?: AbortSignal) =>
    request<AgencyProfile>(`/evaluation/profiles/agencies/${encodeURIComponent(id)}`, { query: { period }, signal }),
  officer: (id: string, period: string | undefined, signal?: AbortSignal) =>
    request<OfficerProfile>(`/evaluation/profiles/officers/${encodeURIComponent(id)}`, { query: { period }, signal }),
  entity: (uscc: string, period: string | undefined, signal?: AbortSignal) =>
    request<EntityProfile>(`/evaluation/profiles/entities/${encodeURIComponent(uscc)}`, { query: { period }, signal }),
};

/** Where a record behind a figure opens in the console (null: no page of its own). */
export function recordLink(kind: string, id: string): string | null {
  const pages: Record<string, string> = {
    inspections: 'inspections',
    cases: 'cases',
    deliveries: 'deliveries',
    payments: 'payments',
    licences: 'licences',
    service_visits: 'service-visits',
    hotline_tickets: 'hotline-tickets',
    delegations: 'delegations',
    officers: 'officers',
    entities: 'entities',
  };
  if (pages[kind]) return `/records/${pages[kind]}?id=${encodeURIComponent(id)}`;
  if (kind === 'clues') return `/clues/${encodeURIComponent(id)}`;
  if (kind === 'notices') return `/notices?id=${encodeURIComponent(id)}`;
  return null;
}

/** 93.5% · 38.6天 · 1.2次/百户 */
export function valueText(value: number | null, unit: string): string {
  if (value === null) return '—';
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}${unit}`;
}

/** Recent periods to choose from, newest first: quarters, halves and years up to the given day. */
export function recentPeriods(today: string): { value: string; label: string }[] {
  const y = Number(today.slice(0, 4));
  const out: { value: string; label: string }[] = [];
  const cn = ['一', '二', '三', '四'];
  for (let year = y; year >= y - 2; year--) {
    for (let q = 4; q >= 1; q--) {
      const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
      if (start <= today) out.push({ value: `${year}Q${q}`, label: `${year}年第${cn[q - 1]}季度` });
    }
    if (`${year}-07-01` <= today) out.push({ value: `${year}H2`, label: `${year}年下半年` });
    out.push({ value: `${year}H1`, label: `${year}年上半年` }, { value: String(year), label: `${year}年` });
  }
  return out;
}

export interface ReportEntry {
  id: string;
  regionCode: string;
  period: string;
  number: string;
  title: string;
  issuer: string;
  trigger: 'schedule' | 'request' | 'cli';
  createdAt: string;
  download: string;
  pdf: string;
}

export const reportsApi = {
  list: (signal?: AbortSignal) => request<{ rows: ReportEntry[]; pdf: boolean }>('/reports', { signal }),
  generate: (body: { regionCode?: string; period: string }) => request<{ report: ReportEntry }>('/reports', { method: 'POST', body }),
};

export interface ChecklistItem {
  code: string;
  section: string;
  sectionLabel: string;
  name: string;
  points: number;
  serious: boolean;
  active: boolean;
}

export interface ReviewRound {
  id: string;
  regionCode: string;
  name: string;
  decidedFrom: string;
  decidedTo: string;
  perAgency: number;
  seed: string;
  files: number;
  scored: number;
  meanScore: number | null;
}

export interface ReviewFileRow {
  id: string;
  case_id: string;
  agency_id: string;
  agency_name: string;
  reviewer_name: string | null;
  status: 'pending' | 'scored';
  score: number | null;
  serious_defect: boolean | null;
  clue_id: string | null;
  mine: boolean;
}

export const reviewsApi = {
  rounds: (signal?: AbortSignal) => request<{ rows: ReviewRound[] }>('/reviews/rounds', { signal }),
  draw: (body: { name: string; decidedFrom: string; decidedTo: string; perAgency: number; reviewers: string[]; seed?: string }) =>
    request<{ id: string; seed: string; files: number }>('/reviews/rounds', { method: 'POST', body }),
  round: (id: string, signal?: AbortSignal) =>
    request<{
      round: ReviewRound;
      files: ReviewFileRow[];
      agencies: { agencyId: string; agencyName: string; files: number; scored: number; serious: number; meanScore: number | null }[];
    }>(`/reviews/rounds/${encodeURIComponent(id)}`, { signal }),
  file: (id: string, signal?: AbortSignal) =>
    request<{
      file: ReviewFileRow;
      case: Record<string, unknown> | null;
      checklist: ChecklistItem[];
      scores: { item_code: string; points: number; note: string | null }[];
    }>(`/reviews/files/${encodeURIComponent(id)}`, { signal }),
  score: (id: string, body: { items: { code: string; points: number; note?: string }[]; summary?: string; seriousDefect?: boolean }) =>
    request<{ id: string; score: number; seriousDefect: boolean; clueId: string | null }>(
      `/reviews/files/${encodeURIComponent(id)}/score`,
      { method: 'POST', body },
    ),
};
