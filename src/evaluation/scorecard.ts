// Values, scores and ranks of the indicators for the regions, agencies or officers of a jurisdiction
// over a period, and the records behind any one figure. Each indicator is one query (its rows, grouped
// by the subject's column), run over the region only; scores follow the settings in force for the
// region evaluated, so every subject compared is scored by the same weights and targets.
import type { Store } from '../store/store.ts';
import { raw, sql, type Sql } from '../store/sql.ts';
import { regionLevel, regionPrefix } from '../domain/region.ts';
import { INDICATORS } from './indicators/index.ts';
import { contextFor, rankScores, scoreValue, type IndicatorDefinition, type Level } from './indicators/indicator.ts';
import { listGroups, loadIndicatorSettings, settingsInForce, type InForce } from './settings.ts';
import type { Period } from './period.ts';
import { childRegionExpr } from './home-summary.ts';

export interface EvaluationScope {
  /** The jurisdiction evaluated (its subtree). */
  regionCode: string;
  period: Period;
  /** The evaluation day (deadlines after it have not run out). */
  asOf: string;
  /** Only this agency's rows (agency roles; an agency's officers). */
  agencyId?: string | null;
}

export interface SubjectValue {
  num: number;
  den: number;
  records: number;
}

/** The SQL expression naming a row's subject at a level (its child region, agency or officer). */
function subjectExpr(level: Level, regionCode: string): string {
  if (level === 'agency') return 'u.agency_id';
  if (level === 'officer') return 'u.officer_id';
  // A county's children are its townships; a record filed at the county itself counts for the county.
  return regionLevel(regionCode) === 'county' ? 'u.region_code' : childRegionExpr(regionCode, 'u');
}

function rowsOf(store: Store, def: IndicatorDefinition, scope: EvaluationScope): Sql {
  const ctx = contextFor(store.dialect, scope.period.from, scope.period.to, scope.asOf, regionPrefix(scope.regionCode));
  return def.query(ctx);
}

const agencyFilter = (scope: EvaluationScope): Sql => (scope.agencyId ? sql` AND u.agency_id = ${scope.agencyId}` : raw(''));

/** Σnum, Σden and the number of rows of one indicator per subject of a level. */
export async function indicatorValues(
  store: Store,
  def: IndicatorDefinition,
  level: Level,
  scope: EvaluationScope,
): Promise<Map<string, SubjectValue>> {
  const subject = subjectExpr(level, scope.regionCode);
  const rows = await store.query<{ subject: string; num: number | null; den: number | null; records: number }>(sql`
    SELECT ${raw(subject)} AS subject, sum(u.num) AS num, sum(u.den) AS den, count(*) AS records
    FROM (${rowsOf(store, def, scope)}) u
    WHERE ${raw(subject)} IS NOT NULL${agencyFilter(scope)}
    GROUP BY 1`);
  return new Map(rows.map((r) => [String(r.subject), { num: Number(r.num ?? 0), den: Number(r.den ?? 0), records: Number(r.records) }]));
}

/** The value of a figure: Σnum / Σden × scale, rounded to two places; null without a denominator. */
export function valueOf(def: IndicatorDefinition, v: SubjectValue | undefined): number | null {
  if (!v || v.den === 0) return null;
  return Math.round(((def.scale * v.num) / v.den) * 100) / 100;
}

export interface Subject {
  id: string;
  name: string;
  regionCode: string;
  agencyId: string | null;
}

/** The subjects of a level in a jurisdiction: child regions, its agencies, or its officers (of one agency). */
export async function subjectsOf(store: Store, level: Level, scope: EvaluationScope): Promise<Subject[]> {
  const prefix = regionPrefix(scope.regionCode) + '%';
  if (level === 'region') {
    const rows = await store.query<{ code: string; name: string }>(
      sql`SELECT code, name FROM regions WHERE parent_code = ${scope.regionCode} ORDER BY code`,
    );
    return rows.map((r) => ({ id: r.code, name: r.name, regionCode: r.code, agencyId: null }));
  }
  const agency = scope.agencyId ? sql` AND ${raw(level === 'agency' ? 'id' : 'agency_id')} = ${scope.agencyId}` : raw('');
  if (level === 'agency') {
    const rows = await store.query<{ id: string; name: string; region_code: string }>(
      sql`SELECT id, name, region_code FROM agencies WHERE region_code LIKE ${prefix}${agency} ORDER BY region_code, id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, agencyId: r.id }));
  }
  const rows = await store.query<{ id: string; name: string; region_code: string; agency_id: string }>(
    sql`SELECT id, name, region_code, agency_id FROM officers WHERE region_code LIKE ${prefix}${agency} ORDER BY agency_id, id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, agencyId: r.agency_id }));
}

export interface IndicatorColumn {
  code: string;
  name: string;
  group: string;
  groupName: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  scoring: IndicatorDefinition['scoring'];
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
  subject: Subject;
  /** Weighted mean of the indicator scores that have a value (0–100); null when none has. */
  score: number | null;
  rank: number | null;
  groups: Record<string, number | null>;
  cells: Record<string, Cell>;
}

export interface Scorecard {
  level: Level;
  regionCode: string;
  period: Period;
  asOf: string;
  indicators: IndicatorColumn[];
  groups: { code: string; name: string }[];
  rows: ScoreRow[];
}

/** Weighted mean of the scores that exist; null when none does or the weights are all zero. */
export function weightedScore(parts: { score: number | null; weight: number }[]): number | null {
  const present = parts.filter((p) => p.score !== null && p.weight > 0);
  const w = present.reduce((s, p) => s + p.weight, 0);
  if (w === 0) return null;
  return Math.round((present.reduce((s, p) => s + p.weight * (p.score as number), 0) / w) * 100) / 100;
}

/** Ranks by score, best first; equal scores share a rank (1, 2, 2, 4); no score, no rank. */
export function rankOf<T extends { score: number | null }>(rows: T[]): Map<T, number> {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
  const ranks = new Map<T, number>();
  scored.forEach((r, i) => ranks.set(r, i > 0 && scored[i - 1].score === r.score ? ranks.get(scored[i - 1])! : i + 1));
  return ranks;
}

export interface ScorecardOptions {
  /** Compute only these indicators (default: all enabled at the level). */
  codes?: readonly string[];
}

export async function scorecard(store: Store, level: Level, scope: EvaluationScope, opts: ScorecardOptions = {}): Promise<Scorecard> {
  const settings = await loadIndicatorSettings(store);
  const groupNames = new Map((await listGroups(store)).map((g) => [g.code, g.name]));
  const defs = INDICATORS.filter((d) => d.levels.includes(level) && (!opts.codes || opts.codes.includes(d.code)));
  const inForce = new Map<string, InForce>(defs.map((d) => [d.code, settingsInForce(d, settings, scope.regionCode)]));
  const active = defs.filter((d) => inForce.get(d.code)!.enabled);
  const subjects = await subjectsOf(store, level, scope);
  const ids = new Set(subjects.map((s) => s.id));

  const cells = new Map<string, Record<string, Cell>>(subjects.map((s) => [s.id, {}]));
  for (const def of active) {
    const f = inForce.get(def.code)!;
    const values = await indicatorValues(store, def, level, scope);
    const present = new Map<string, number>();
    for (const id of ids) {
      const v = valueOf(def, values.get(id));
      if (v !== null) present.set(id, v);
    }
    const ranked = def.scoring.kind === 'rank' ? rankScores(present, def.direction) : null;
    for (const id of ids) {
      const raw = values.get(id) ?? { num: 0, den: 0, records: 0 };
      const value = present.get(id) ?? null;
      const score = value === null ? null : ranked ? ranked.get(id)! : scoreValue(def.scoring, def.direction, f.target, value);
      cells.get(id)![def.code] = { value, score, ...raw };
    }
  }

  const groupCodes = [...new Set(active.map((d) => inForce.get(d.code)!.group))];
  const rows: ScoreRow[] = subjects.map((subject) => {
    const c = cells.get(subject.id)!;
    const part = (d: IndicatorDefinition) => ({ score: c[d.code].score, weight: inForce.get(d.code)!.weight });
    return {
      subject,
      score: weightedScore(active.map(part)),
      rank: null,
      groups: Object.fromEntries(
        groupCodes.map((g) => [g, weightedScore(active.filter((d) => inForce.get(d.code)!.group === g).map(part))]),
      ),
      cells: c,
    };
  });
  const ranks = rankOf(rows);
  for (const r of rows) r.rank = ranks.get(r) ?? null;
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.subject.id.localeCompare(b.subject.id));

  return {
    level,
    regionCode: scope.regionCode,
    period: scope.period,
    asOf: scope.asOf,
    indicators: active.map((d) => {
      const f = inForce.get(d.code)!;
      return {
        code: d.code,
        name: d.name,
        group: f.group,
        groupName: groupNames.get(f.group) ?? f.group,
        definition: d.definition,
        unit: d.unit,
        direction: d.direction,
        scoring: d.scoring,
        recordKind: d.recordKind,
        target: f.target,
        weight: f.weight,
      };
    }),
    groups: groupCodes.map((g) => ({ code: g, name: groupNames.get(g) ?? g })),
    rows,
  };
}

export interface RecordRow {
  recordId: string;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  num: number;
  den: number;
}

/** The rows behind one figure of one subject: those counted in the numerator first. */
export async function indicatorRecords(
  store: Store,
  def: IndicatorDefinition,
  level: Level,
  subjectId: string,
  scope: EvaluationScope,
  page: { limit: number; offset: number; numeratorOnly?: boolean },
): Promise<{ total: number; numerator: number; rows: RecordRow[] }> {
  const subject = subjectExpr(level, scope.regionCode);
  const where = sql`${raw(subject)} = ${subjectId}${agencyFilter(scope)}${page.numeratorOnly ? raw(' AND u.num <> 0') : raw('')}`;
  const rowsSql = rowsOf(store, def, scope);
  const [count] = await store.query<{ total: number; numerator: number }>(sql`
    SELECT count(*) AS total, sum(CASE WHEN u.num <> 0 THEN 1 ELSE 0 END) AS numerator FROM (${rowsSql}) u WHERE ${where}`);
  const rows = await store.query<{
    record_id: string;
    region_code: string;
    agency_id: string | null;
    officer_id: string | null;
    num: number;
    den: number;
  }>(sql`
    SELECT u.record_id, u.region_code, u.agency_id, u.officer_id, u.num, u.den FROM (${rowsSql}) u WHERE ${where}
    ORDER BY CASE WHEN u.num <> 0 THEN 0 ELSE 1 END, u.record_id LIMIT ${page.limit} OFFSET ${page.offset}`);
  return {
    total: Number(count?.total ?? 0),
    numerator: Number(count?.numerator ?? 0),
    rows: rows.map((r) => ({
      recordId: String(r.record_id),
      regionCode: r.region_code,
      agencyId: r.agency_id,
      officerId: r.officer_id,
      num: Number(r.num),
      den: Number(r.den),
    })),
  };
}
