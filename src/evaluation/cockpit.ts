// 驾驶舱: one snapshot of a jurisdiction for the command-centre screen — live counters of the month and
// the year, the clues at each step of the loop, the overdue and escalated clues, the child regions
// coloured by a chosen figure (the map) and ranked, and the agencies with the most open clues. Every
// figure is scoped by the caller's region (and agency for agency roles) in SQL. The screen polls it;
// the route answers 304 while the snapshot is unchanged (docs/evaluation.md says why polling).
import type { Store } from '../store/store.ts';
import { raw, sql, type Sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { aggregateScope, clueScope } from '../policy/index.ts';
import { cityOf, regionLevel } from '../domain/region.ts';
import { OPEN_STATUSES, type ClueStatus } from '../clues/workflow.ts';
import { dialectSql } from '../models/library/sql-fragments.ts';
import { periodContaining } from './period.ts';
import { childRegionExpr } from './home-summary.ts';

export const COCKPIT_METRICS = {
  inspections: '行政检查（本年）',
  cases: '处罚案件（本年）',
  fines: '罚没金额（本年，万元）',
  openClues: '未办结线索',
  overdueClues: '逾期线索',
} as const;
export type CockpitMetric = keyof typeof COCKPIT_METRICS;

/** The loop's steps as the screen shows them, each the statuses it holds. */
const FLOW: { stage: string; statuses: ClueStatus[] }[] = [
  { stage: '发现', statuses: ['new', 'triaged'] },
  { stage: '交办', statuses: ['assigned'] },
  { stage: '整改', statuses: ['rectifying', 'returned'] },
  { stage: '审核', statuses: ['submitted'] },
  { stage: '销号', statuses: ['closed'] },
];

export interface CockpitSnapshot {
  region: { code: string; name: string; level: string };
  asOf: string;
  metric: CockpitMetric;
  metricLabel: string;
  counters: Record<string, number>;
  flow: { stage: string; count: number }[];
  map: {
    kind: 'province' | 'city';
    name: string;
    code: string;
    highlight: string | null;
    areas: { code: string; name: string; value: number | null }[];
  };
  overdue: {
    id: string;
    title: string;
    regionName: string;
    agencyName: string | null;
    deadline: string;
    daysOver: number;
    escalation: string | null;
  }[];
  rankings: {
    regions: { code: string; name: string; value: number }[];
    agencies: { id: string; name: string; open: number; overdue: number }[];
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function cockpitSnapshot(
  store: Store,
  caller: Caller,
  regionCode: string,
  metric: CockpitMetric,
  asOf: string,
): Promise<CockpitSnapshot> {
  const view: Caller = { ...caller, regionCode };
  const level = regionLevel(regionCode);
  const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${regionCode}`);
  const month = periodContaining('month', asOf);
  const year = periodContaining('year', asOf);
  const during = (expr: string, from: string) => sql`${raw(expr)} BETWEEN CAST(${from} AS DATE) AND CAST(${asOf} AS DATE)`;
  const one = async (q: Sql) => Number((await store.query<{ v: number | null }>(q))[0]?.v ?? 0);
  const clues = sql`${clueScope(view, 'c')}`;
  const open = raw(`c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  const overdue = sql`c.status IN ('assigned', 'rectifying', 'returned') AND c.deadline < CAST(${asOf} AS DATE)`;

  const counters = {
    inspectionsMonth: await one(
      sql`SELECT count(*) AS v FROM inspections t WHERE ${aggregateScope(view, 'inspections', 't')} AND ${during('t.inspected_on', month.from)}`,
    ),
    inspectionsYear: await one(
      sql`SELECT count(*) AS v FROM inspections t WHERE ${aggregateScope(view, 'inspections', 't')} AND ${during('t.inspected_on', year.from)}`,
    ),
    casesMonth: await one(
      sql`SELECT count(*) AS v FROM cases t WHERE ${aggregateScope(view, 'cases', 't')} AND ${during('t.filed_on', month.from)}`,
    ),
    casesYear: await one(
      sql`SELECT count(*) AS v FROM cases t WHERE ${aggregateScope(view, 'cases', 't')} AND ${during('t.filed_on', year.from)}`,
    ),
    finesYear: round2(
      (await one(
        sql`SELECT COALESCE(sum(t.fine_amount), 0) AS v FROM cases t WHERE ${aggregateScope(view, 'cases', 't')} AND ${during('t.decided_on', year.from)}`,
      )) / 10_000,
    ),
    cluesOpen: await one(sql`SELECT count(*) AS v FROM clues c WHERE ${clues} AND ${open}`),
    cluesOverdue: await one(sql`SELECT count(*) AS v FROM clues c WHERE ${clues} AND ${overdue}`),
    cluesEscalated: await one(sql`SELECT count(*) AS v FROM clues c WHERE ${clues} AND ${open} AND c.escalation_level IS NOT NULL`),
    cluesClosedMonth: await one(sql`
      SELECT count(*) AS v FROM clues c WHERE ${clues} AND c.status = 'closed' AND ${during('CAST(c.updated_at AS DATE)', month.from)}`),
  };

  const byStatus = new Map(
    (
      await store.query<{ status: string; n: number }>(sql`SELECT c.status, count(*) AS n FROM clues c WHERE ${clues} GROUP BY c.status`)
    ).map((r) => [r.status, Number(r.n)]),
  );
  const flow = FLOW.map((f) => ({ stage: f.stage, count: f.statuses.reduce((s, st) => s + (byStatus.get(st) ?? 0), 0) }));

  // The map: a province shows its cities; a city or a county shows the city's counties (a county's
  // own highlighted, the others without figures: they are not in its jurisdiction).
  const mapCode = level === 'province' ? regionCode : cityOf(regionCode);
  const [mapRegion] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${mapCode}`);
  const areaRows = await store.query<{ code: string; name: string }>(
    sql`SELECT code, name FROM regions WHERE parent_code = ${mapCode} ORDER BY code`,
  );
  const child = childRegionExpr(mapCode, 't');
  const measure: Record<CockpitMetric, Sql> = {
    inspections: sql`SELECT ${raw(child)} AS code, count(*) AS v FROM inspections t WHERE ${aggregateScope(view, 'inspections', 't')} AND ${during('t.inspected_on', year.from)} GROUP BY 1`,
    cases: sql`SELECT ${raw(child)} AS code, count(*) AS v FROM cases t WHERE ${aggregateScope(view, 'cases', 't')} AND ${during('t.filed_on', year.from)} GROUP BY 1`,
    fines: sql`SELECT ${raw(child)} AS code, sum(t.fine_amount) / 10000.0 AS v FROM cases t WHERE ${aggregateScope(view, 'cases', 't')} AND ${during('t.decided_on', year.from)} GROUP BY 1`,
    openClues: sql`SELECT ${raw(childRegionExpr(mapCode, 'c'))} AS code, count(*) AS v FROM clues c WHERE ${clues} AND ${open} GROUP BY 1`,
    overdueClues: sql`SELECT ${raw(childRegionExpr(mapCode, 'c'))} AS code, count(*) AS v FROM clues c WHERE ${clues} AND ${overdue} GROUP BY 1`,
  };
  const values = new Map(
    (await store.query<{ code: string; v: number | null }>(measure[metric])).map((r) => [r.code, round2(Number(r.v ?? 0))]),
  );
  const visible = (code: string) => code.startsWith(regionCode.slice(0, level === 'province' ? 2 : level === 'city' ? 4 : 6));
  const areas = areaRows.map((a) => ({ code: a.code, name: a.name, value: visible(a.code) ? (values.get(a.code) ?? 0) : null }));

  const overdueRows = await store.query<{
    id: string;
    title: string;
    region_name: string | null;
    agency_name: string | null;
    deadline: string;
    days: number;
    escalation_level: string | null;
  }>(sql`
    SELECT c.id, c.title, g.name AS region_name, a.name AS agency_name, c.deadline, ${dialectSql(store.dialect.daysBetween, sql`c.deadline`, sql`CAST(${asOf} AS DATE)`)} AS days, c.escalation_level
    FROM clues c LEFT JOIN regions g ON g.code = substr(c.region_code, 1, 6) LEFT JOIN agencies a ON a.id = c.agency_id
    WHERE ${clues} AND ${overdue} ORDER BY c.deadline, c.id LIMIT 8`);
  const agencies = await store.query<{ id: string; name: string; open: number; overdue: number }>(sql`
    SELECT c.agency_id AS id, a.name, count(*) AS open, sum(CASE WHEN ${overdue} THEN 1 ELSE 0 END) AS overdue
    FROM clues c JOIN agencies a ON a.id = c.agency_id WHERE ${clues} AND ${open} GROUP BY c.agency_id, a.name ORDER BY count(*) DESC, c.agency_id LIMIT 8`);

  return {
    region: { code: regionCode, name: region?.name ?? regionCode, level },
    asOf,
    metric,
    metricLabel: COCKPIT_METRICS[metric],
    counters,
    flow,
    map: {
      kind: level === 'province' ? 'province' : 'city',
      name: mapRegion?.name ?? mapCode,
      code: mapCode,
      highlight: level === 'county' ? regionCode : null,
      areas,
    },
    overdue: overdueRows.map((r) => ({
      id: r.id,
      title: r.title,
      regionName: r.region_name ?? '',
      agencyName: r.agency_name,
      deadline: r.deadline,
      daysOver: Number(r.days),
      escalation: r.escalation_level,
    })),
    rankings: {
      regions: areas
        .filter((a): a is { code: string; name: string; value: number } => a.value !== null)
        .sort((a, b) => b.value - a.value)
        .slice(0, 10),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, open: Number(a.open), overdue: Number(a.overdue) })),
    },
  };
}
