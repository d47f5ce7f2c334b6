// The home page's live figures of the caller's jurisdiction: totals, records by month, by line and by
// the caller's child regions. Every query is scoped in SQL by the policy's aggregateScope (figures, not
// rows: the region's for supervisors, invited supervisors and liaisons, the own agency's for agency roles).
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { aggregateScope, type RecordKind } from '../policy/index.ts';
import { regionLevel, regionPrefix } from '../domain/region.ts';

export interface Period {
  from: string;
  to: string;
}

export interface HomeSummary {
  scope: { regionCode: string; regionName: string };
  period: Period;
  totals: {
    licences: number;
    inspections: number;
    cases: number;
    fines: number;
    serviceVisits: number;
    hotlineTickets: number;
    entities: number;
    agencies: number;
    officers: number;
  };
  byMonth: { month: string; licences: number; inspections: number; cases: number }[];
  byLine: { lineCode: string; lineName: string; inspections: number; cases: number }[];
  byRegion: { regionCode: string; regionName: string; inspections: number; cases: number; fines: number }[];
}

/** The SQL expression that maps a record's region_code to the caller's child region. */
export function childRegionExpr(callerRegion: string, alias: string): string {
  const col = `${alias}.region_code`;
  switch (regionLevel(callerRegion)) {
    case 'province':
      return `substr(${col}, 1, 4) || '00'`;
    case 'city':
      return `substr(${col}, 1, 6)`;
    default:
      return col;
  }
}

/** One row of the summary's single statement: what it counts, and the month, line and child region it counts in. */
interface Cell {
  part: 'licences' | 'inspections' | 'cases' | 'fines' | 'serviceVisits' | 'hotlineTickets' | 'entities' | 'agencies' | 'officers';
  month: string | null;
  line_code: string | null;
  child: string | null;
  n: number;
  v: number | null;
}

/**
 * The figures in one statement: a branch per record kind, each grouped by month, line and child region
 * as far as the page shows them, so the totals are sums of the groups. One statement instead of twenty
 * keeps a dashboard to one turn on the store's connections when many people ask at once (docs/console.md).
 */
export async function homeSummary(store: Store, caller: Caller, period: Period): Promise<HomeSummary> {
  const d = store.dialect;
  const between = (col: string) => sql`${raw(col)} BETWEEN ${period.from} AND ${period.to}`;
  const scope = (kind: RecordKind) => aggregateScope(caller, kind, 't');
  const child = childRegionExpr(caller.regionCode, 't');
  const none = 'CAST(NULL AS VARCHAR)';
  const noSum = 'CAST(NULL AS DECIMAL(18,2))';
  // A record kind by month, line and child region in its period (inspections and cases), or by month (licences).
  const grouped = (part: Cell['part'], table: RecordKind, dateCol: string, byLine: boolean): Sql => sql`
    SELECT ${raw(`'${part}'`)} AS part, ${raw(d.monthKey(`t.${dateCol}`))} AS month, ${raw(byLine ? 'a.line_code' : none)} AS line_code,
      ${raw(byLine ? child : none)} AS child, count(*) AS n, ${raw(noSum)} AS v
    FROM ${raw(table)} t ${raw(byLine ? 'LEFT JOIN agencies a ON a.id = t.agency_id' : '')}
    WHERE ${scope(table)} AND ${between(`t.${dateCol}`)} GROUP BY 2, 3, 4`;
  const counted = (part: Cell['part'], table: RecordKind, dateCol: string | null): Sql => sql`
    SELECT ${raw(`'${part}'`)} AS part, ${raw(none)} AS month, ${raw(none)} AS line_code, ${raw(none)} AS child, count(*) AS n, ${raw(noSum)} AS v
    FROM ${raw(table)} t WHERE ${dateCol ? sql`${scope(table)} AND ${between(`t.${dateCol}`)}` : scope(table)}`;
  const cells = await store.query<Cell>(
    joinSql(
      [
        grouped('licences', 'licences', 'applied_on', false),
        grouped('inspections', 'inspections', 'inspected_on', true),
        grouped('cases', 'cases', 'filed_on', true),
        sql`SELECT 'fines' AS part, ${raw(none)} AS month, ${raw(none)} AS line_code, ${raw(child)} AS child, count(*) AS n,
          CAST(sum(t.fine_amount) AS DECIMAL(18,2)) AS v
          FROM cases t WHERE ${scope('cases')} AND ${between('t.decided_on')} GROUP BY 4`,
        counted('serviceVisits', 'service_visits', 'visited_on'),
        counted('hotlineTickets', 'hotline_tickets', null),
        counted('entities', 'entities', null),
        counted('agencies', 'agencies', null),
        counted('officers', 'officers', null),
      ],
      ' UNION ALL ',
    ),
  );
  const names = await store.query<{ kind: 'region' | 'line'; code: string; name: string }>(sql`
    SELECT 'region' AS kind, code, name FROM regions WHERE code LIKE ${regionPrefix(caller.regionCode) + '%'}
    UNION ALL SELECT 'line' AS kind, code, name FROM lines`);
  const regionNames = new Map(names.filter((r) => r.kind === 'region').map((r) => [r.code, r.name]));
  const lineNames = new Map(names.filter((r) => r.kind === 'line').map((r) => [r.code, r.name]));

  const totals: HomeSummary['totals'] = {
    licences: 0,
    inspections: 0,
    cases: 0,
    fines: 0,
    serviceVisits: 0,
    hotlineTickets: 0,
    entities: 0,
    agencies: 0,
    officers: 0,
  };
  const months = new Map<string, HomeSummary['byMonth'][number]>();
  const lines = new Map<string, HomeSummary['byLine'][number]>();
  const regions = new Map<string, HomeSummary['byRegion'][number]>();
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, licences: 0, inspections: 0, cases: 0 }).get(m)!;
  const line = (code: string) =>
    lines.get(code) ?? lines.set(code, { lineCode: code, lineName: lineNames.get(code) ?? code, inspections: 0, cases: 0 }).get(code)!;
  const reg = (code: string) =>
    regions.get(code) ??
    regions.set(code, { regionCode: code, regionName: regionNames.get(code) ?? code, inspections: 0, cases: 0, fines: 0 }).get(code)!;
  for (const c of cells) {
    const n = Number(c.n);
    if (c.part === 'fines') {
      const v = Number(c.v ?? 0);
      totals.fines += v;
      if (c.child !== null) reg(c.child).fines += v;
      continue;
    }
    totals[c.part] += n;
    if (c.part !== 'licences' && c.part !== 'inspections' && c.part !== 'cases') continue;
    if (c.month !== null) month(c.month)[c.part] += n;
    if (c.part === 'licences') continue;
    if (c.line_code !== null) line(c.line_code)[c.part] += n;
    if (c.child !== null) reg(c.child)[c.part] += n;
  }

  return {
    scope: { regionCode: caller.regionCode, regionName: regionNames.get(caller.regionCode) ?? caller.regionCode },
    period,
    totals,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byLine: [...lines.values()].sort((a, b) => b.inspections + b.cases - (a.inspections + a.cases)),
    byRegion: [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
  };
}
