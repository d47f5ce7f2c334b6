// The evaluation calls (/evaluation/*, /reports, /cockpit, /reviews: docs/evaluation.md, docs/reports.md)
// through the console's one fetch wrapper (api.ts `request`). The shapes are the server's own schemas
// (src/api/evaluation-schemas.ts), imported as types only.
import type { Static } from '@sinclair/typebox';
import type * as S from '../../../src/api/evaluation-schemas.ts';
import { request } from '../api.ts';

export type Level = Static<typeof S.Level>;
export const LEVEL_LABELS: Record<Level, string> = { region: '区划', agency: '执法主体', officer: '执法人员' };

export type ScoringRule = Static<typeof S.ScoringRule>;
export type IndicatorColumn = Static<typeof S.IndicatorColumn>;
export type Cell = Static<typeof S.Cell>;
export type ScoreRow = Static<typeof S.ScoreRow>;
export type PeriodInfo = Static<typeof S.PeriodInfo>;
export type Scorecard = Static<typeof S.Scorecard>;
export type RecordsPage = Static<typeof S.RecordsPage>;
export type IndicatorEntry = Static<typeof S.IndicatorEntry>;
export type Figure = Static<typeof S.Figure>;
export type AgencyProfile = Static<typeof S.AgencyProfile>;
export type CockpitMetric = Static<typeof S.CockpitMetric>;
export type CockpitSnapshot = Static<typeof S.CockpitSnapshot>;
export type OfficerProfile = Static<typeof S.OfficerProfile>;
export type EntityProfile = Static<typeof S.EntityProfile>;

type Query = Record<string, string | number | undefined>;

export const evaluationApi = {
  scorecard: (q: Static<typeof S.ScorecardQuery>, signal?: AbortSignal) =>
    request<Scorecard>('/evaluation/scorecard', { query: q as Query, signal }),
  records: (
    q: { indicator: string; level: Level; subject: string; regionCode?: string; period?: string; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => request<RecordsPage>('/evaluation/records', { query: q as Query, signal }),
  indicators: (signal?: AbortSignal) => request<Static<typeof S.IndicatorList>>('/evaluation/indicators', { signal }),
  saveSetting: (code: string, body: Static<typeof S.SettingBody>) =>
    request<Static<typeof S.SettingAnswer>>(`/evaluation/indicators/${encodeURIComponent(code)}/settings`, { method: 'PUT', body }),
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

export type ReportEntry = Static<typeof S.ReportEntry>;

export const reportsApi = {
  list: (signal?: AbortSignal) => request<Static<typeof S.ReportList>>('/reports', { signal }),
  generate: (body: Static<typeof S.ReportBody>) => request<Static<typeof S.ReportCreated>>('/reports', { method: 'POST', body }),
};

export type ChecklistItem = Static<typeof S.ChecklistItem>;
export type ReviewRound = Static<typeof S.ReviewRound>;
export type ReviewFileRow = Static<typeof S.ReviewFileRow>;

export const reviewsApi = {
  rounds: (signal?: AbortSignal) => request<Static<typeof S.RoundList>>('/reviews/rounds', { signal }),
  draw: (body: Static<typeof S.RoundBody>) => request<Static<typeof S.RoundCreated>>('/reviews/rounds', { method: 'POST', body }),
  round: (id: string, signal?: AbortSignal) =>
    request<Static<typeof S.RoundDetail>>(`/reviews/rounds/${encodeURIComponent(id)}`, { signal }),
  file: (id: string, signal?: AbortSignal) => request<Static<typeof S.FileDetail>>(`/reviews/files/${encodeURIComponent(id)}`, { signal }),
  score: (id: string, body: Static<typeof S.ScoreBody>) =>
    request<Static<typeof S.ScoreAnswer>>(`/reviews/files/${encodeURIComponent(id)}/score`, { method: 'POST', body }),
};
