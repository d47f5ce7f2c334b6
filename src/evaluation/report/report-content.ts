// What a situation report (态势分析通报) says about a jurisdiction and a period, gathered from the store
// once and kept as JSON: the headline figures beside the same period a year earlier (同比) and the
// period before (环比), the figures of each child region, the trend by month, the models that raised
// most clues, typical clues, the jurisdiction's indicators, the agencies to watch and the
// recommendations. The Word document is rendered from this alone, so it reads the same at every download.
import type { Store } from '../../store/store.ts';
import { raw, sql } from '../../store/sql.ts';
import { regionLevel, regionPrefix } from '../../domain/region.ts';
import { findModel } from '../../models/library/index.ts';
import { INDICATORS } from '../indicators/index.ts';
import { indicatorValues, scorecard, valueOf } from '../scorecard.ts';
import { loadIndicatorSettings, settingsInForce } from '../settings.ts';
import { childRegionExpr } from '../home-summary.ts';
import { periodContaining, previousPeriod, samePeriodLastYear, shiftPeriod, type Period } from '../period.ts';
import { changePercent } from './change-text.ts';
import { recommend } from './recommendations.ts';

export interface Headline {
  key: string;
  label: string;
  unit: string;
  value: number;
  lastYear: number;
  previous: number;
  yoy: number | null;
  mom: number | null;
}

export interface ReportContent {
  regionCode: string;
  regionName: string;
  /** 市 / 省 / 区 …: how the report names its own jurisdiction (全市, 全省, 全区). */
  scopeWord: string;
  /** What the child regions are called in the report (县（市、区）, 设区市, 乡镇（街道）). */
  childWord: string;
  period: Period;
  previous: Period;
  lastYear: Period;
  asOf: string;
  headline: Headline[];
  byRegion: { code: string; name: string; inspections: number; inspectionsLastYear: number; cases: number; fines: number; clues: number }[];
  byMonth: { month: string; inspections: number; cases: number }[];
  topModels: { code: string; name: string; clues: number }[];
  typicalClues: { id: string; title: string; explanation: string; regionName: string; agencyName: string | null; status: string }[];
  indicators: { code: string; name: string; unit: string; direction: 'higher' | 'lower'; value: number | null; target: number }[];
  agenciesToWatch: {
    id: string;
    name: string;
    score: number;
    rank: number;
    of: number;
    weakest: { name: string; value: number | null; unit: string; score: number }[];
  }[];
  recommendations: string[];
}

const HEADLINES: { key: string; label: string; unit: string; table: string; date: string; measure: string; extra?: string }[] = [
  { key: 'inspections', label: '涉企行政检查', unit: '次', table: 'inspections', date: 't.inspected_on', measure: 'count(*)' },
  { key: 'cases', label: '行政处罚案件', unit: '件', table: 'cases', date: 't.filed_on', measure: 'count(*)' },
  {
    key: 'fines',
    label: '罚没金额',
    unit: '万元',
    table: 'cases',
    date: 't.decided_on',
    measure: 'COALESCE(sum(t.fine_amount), 0) / 10000.0',
  },
  { key: 'serviceVisits', label: '涉企服务走访', unit: '次', table: 'service_visits', date: 't.visited_on', measure: 'count(*)' },
  { key: 'clues', label: '新增问题线索', unit: '条', table: 'clues', date: 'CAST(t.created_at AS DATE)', measure: 'count(*)' },
  { key: 'notices', label: '制发监督文书', unit: '份', table: 'notices', date: 't.issued_on', measure: 'count(*)' },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scopeWords(regionCode: string, regionName: string): { scopeWord: string; childWord: string } {
  switch (regionLevel(regionCode)) {
    case 'province':
      return { scopeWord: '全省', childWord: '设区市' };
    case 'city':
      return { scopeWord: '全市', childWord: '县（市、区）' };
    default:
      return { scopeWord: `全${regionName.slice(-1)}`, childWord: '乡镇（街道）' };
  }
}

export async function gatherReport(
  store: Store,
  regionCode: string,
  period: Period,
  asOf: string,
): Promise<Omit<ReportContent, 'recommendations'> & { recommendations: string[] }> {
  const prefix = regionPrefix(regionCode) + '%';
  const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${regionCode}`);
  const regionName = region?.name ?? regionCode;
  const previous = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const within = (p: Period, date: string) => sql`${raw(date)} BETWEEN CAST(${p.from} AS DATE) AND CAST(${p.to} AS DATE)`;
  const measure = async (h: (typeof HEADLINES)[number], p: Period) => {
    const [r] = await store.query<{ v: number | null }>(sql`
      SELECT ${raw(h.measure)} AS v FROM ${raw(h.table)} t WHERE t.region_code LIKE ${prefix} AND ${within(p, h.date)}`);
    return round2(Number(r?.v ?? 0));
  };
  const headline: Headline[] = [];
  for (const h of HEADLINES) {
    const [value, ly, prev] = [await measure(h, period), await measure(h, lastYear), await measure(h, previous)];
    headline.push({
      key: h.key,
      label: h.label,
      unit: h.unit,
      value,
      lastYear: ly,
      previous: prev,
      yoy: changePercent(value, ly),
      mom: changePercent(value, prev),
    });
  }

  // Each child region: inspections (and a year before), cases, fines, clues of the period.
  const child = regionLevel(regionCode) === 'county' ? 't.region_code' : childRegionExpr(regionCode, 't');
  const children = await store.query<{ code: string; name: string }>(
    sql`SELECT code, name FROM regions WHERE parent_code = ${regionCode} ORDER BY code`,
  );
  const perChild = async (table: string, date: string, m: string, p: Period) =>
    new Map(
      (
        await store.query<{ code: string; v: number }>(sql`
        SELECT ${raw(child)} AS code, ${raw(m)} AS v FROM ${raw(table)} t WHERE t.region_code LIKE ${prefix} AND ${within(p, date)} GROUP BY 1`)
      ).map((r) => [r.code, Number(r.v ?? 0)]),
    );
  const ins = await perChild('inspections', 't.inspected_on', 'count(*)', period);
  const insLy = await perChild('inspections', 't.inspected_on', 'count(*)', lastYear);
  const cases = await perChild('cases', 't.filed_on', 'count(*)', period);
  const fines = await perChild('cases', 't.decided_on', 'COALESCE(sum(t.fine_amount), 0)', period);
  const clues = await perChild('clues', 'CAST(t.created_at AS DATE)', 'count(*)', period);
  const byRegion = children.map((c) => ({
    code: c.code,
    name: c.name,
    inspections: ins.get(c.code) ?? 0,
    inspectionsLastYear: insLy.get(c.code) ?? 0,
    cases: cases.get(c.code) ?? 0,
    fines: round2(fines.get(c.code) ?? 0),
    clues: clues.get(c.code) ?? 0,
  }));

  // The twelve months that end with the period.
  const lastMonth = periodContaining('month', period.to);
  const first = shiftPeriod(lastMonth, -11);
  const months = Array.from({ length: 12 }, (_, i) => shiftPeriod(first, i).code);
  const monthly = async (table: string, date: string) =>
    new Map(
      (
        await store.query<{ month: string; n: number }>(sql`
        SELECT ${raw(store.dialect.monthKey(date))} AS month, count(*) AS n FROM ${raw(table)} t
        WHERE t.region_code LIKE ${prefix} AND ${raw(date)} BETWEEN CAST(${first.from} AS DATE) AND CAST(${period.to} AS DATE) GROUP BY 1`)
      ).map((r) => [r.month, Number(r.n)]),
    );
  const insByMonth = await monthly('inspections', 't.inspected_on');
  const casesByMonth = await monthly('cases', 't.filed_on');
  const byMonth = months.map((m) => ({ month: m, inspections: insByMonth.get(m) ?? 0, cases: casesByMonth.get(m) ?? 0 }));

  const topModels = (
    await store.query<{ model_code: string; n: number }>(sql`
    SELECT c.model_code, count(*) AS n FROM clues c WHERE c.region_code LIKE ${prefix} AND c.model_code IS NOT NULL
      AND ${within(period, 'CAST(c.created_at AS DATE)')} GROUP BY c.model_code ORDER BY count(*) DESC, c.model_code LIMIT 10`)
  ).map((r) => ({ code: r.model_code, name: findModel(r.model_code)?.name ?? r.model_code, clues: Number(r.n) }));

  // Typical clues: high severity first, the most reported, then the newest; one per model, so five kinds of problem.
  const candidates = await store.query<{
    id: string;
    title: string;
    explanation: string;
    region_name: string | null;
    agency_name: string | null;
    status: string;
    model_code: string | null;
  }>(sql`
    SELECT c.id, c.title, c.explanation, g.name AS region_name, a.name AS agency_name, c.status, c.model_code
    FROM clues c LEFT JOIN regions g ON g.code = substr(c.region_code, 1, 6) LEFT JOIN agencies a ON a.id = c.agency_id
    WHERE c.region_code LIKE ${prefix} AND ${within(period, 'CAST(c.created_at AS DATE)')} AND c.status <> 'dismissed'
    ORDER BY CASE c.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, c.created_at DESC, c.id LIMIT 200`);
  const seenModels = new Set<string>();
  const typicalClues = [];
  for (const c of candidates) {
    const key = c.model_code ?? c.id;
    if (seenModels.has(key)) continue;
    seenModels.add(key);
    typicalClues.push({
      id: c.id,
      title: c.title,
      explanation: c.explanation,
      regionName: c.region_name ?? '',
      agencyName: c.agency_name,
      status: c.status,
    });
    if (typicalClues.length === 5) break;
  }

  // The jurisdiction's own indicators (all its rows together), against the targets in force there.
  const settings = await loadIndicatorSettings(store);
  const scope = { regionCode, period, asOf };
  const indicators = [];
  for (const def of INDICATORS.filter((d) => d.levels.includes('region'))) {
    const f = settingsInForce(def, settings, regionCode);
    if (!f.enabled) continue;
    const values = await indicatorValues(store, def, 'region', scope);
    const total = [...values.values()].reduce((s, v) => ({ num: s.num + v.num, den: s.den + v.den, records: s.records + v.records }), {
      num: 0,
      den: 0,
      records: 0,
    });
    indicators.push({
      code: def.code,
      name: def.name,
      unit: def.unit,
      direction: def.direction,
      value: valueOf(def, total),
      target: f.target,
    });
  }

  // Agencies to watch: the five lowest scores among the agencies of the jurisdiction, with their three weakest indicators.
  const card = await scorecard(store, 'agency', scope);
  const ranked = card.rows.filter((r) => r.score !== null && r.rank !== null);
  const agenciesToWatch = ranked
    .slice(-5)
    .filter((r) => (r.score as number) < 80)
    .reverse()
    .map((r) => ({
      id: r.subject.id,
      name: r.subject.name,
      score: r.score as number,
      rank: r.rank as number,
      of: ranked.length,
      weakest: card.indicators
        .map((i) => ({ name: i.name, value: r.cells[i.code].value, unit: i.unit, score: r.cells[i.code].score }))
        .filter((c): c is { name: string; value: number | null; unit: string; score: number } => c.score !== null)
        .sort((a, b) => a.score - b.score)
        .slice(0, 3),
    }));

  const words = scopeWords(regionCode, regionName);
  const content = {
    regionCode,
    regionName,
    ...words,
    period,
    previous,
    lastYear,
    asOf,
    headline,
    byRegion,
    byMonth,
    topModels,
    typicalClues,
    indicators,
    agenciesToWatch,
    recommendations: [] as string[],
  };
  content.recommendations = recommend(content);
  return content;
}
