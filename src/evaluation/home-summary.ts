// The home page's live figures of the caller's jurisdiction: totals, records by month, by line and by
// the caller's child regions. Every query is scoped in SQL by the policy's aggregateScope (figures, not
// rows: the region's for supervisors, invited supervisors and liaisons, the own agency's for agency roles).
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { aggregateScope, type RecordKind } from '../policy/index.ts';
import { regionLevel, regionPrefix } from '../domain/region.ts';
import { TALLY_PARTS, type TallyPart } from '../records/month-tallies.ts';

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

/** A stretch of one month inside a period that cuts the month: its first and last day in the period. */
interface Edge {
  month: string;
  from: string;
  to: string;
}

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const shiftMonth = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
};

/** The period as whole months (a range of 'YYYY-MM', or null) and the months it cuts (at most two). */
export function periodMonths(period: Period): { whole: [string, string] | null; edges: Edge[] } {
  const first = period.from.slice(0, 7);
  const last = period.to.slice(0, 7);
  const headCut = period.from > `${first}-01`;
  const tailCut = period.to < lastDayOf(last);
  if (first === last)
    return headCut || tailCut ? { whole: null, edges: [{ month: first, ...period }] } : { whole: [first, last], edges: [] };
  const edges: Edge[] = [];
  if (headCut) edges.push({ month: first, from: period.from, to: lastDayOf(first) });
  if (tailCut) edges.push({ month: last, from: `${last}-01`, to: period.to });
  const lo = headCut ? shiftMonth(first, 1) : first;
  const hi = tailCut ? shiftMonth(last, -1) : last;
  return { whole: lo <= hi ? [lo, hi] : null, edges };
}

/**
 * The figures in one statement (and, for a period that cuts a month, one before it): a branch per
 * figure, each grouped by month, line and child region as far as the page shows them, so the totals are
 * sums of the groups. The months come from the month tallies (src/records/month-tallies.ts); a month the
 * period cuts comes from them too when every tally row of the caller's scope lies inside the period,
 * and from the records otherwise. One statement instead of twenty keeps a dashboard to one turn on the
 * store's connections when many people ask at once (docs/console.md).
 */
export async function homeSummary(store: Store, caller: Caller, period: Period): Promise<HomeSummary> {
  const d = store.dialect;
  const child = childRegionExpr(caller.regionCode, 't');
  const none = 'CAST(NULL AS VARCHAR)';
  const noSum = 'CAST(NULL AS DECIMAL(18,2))';
  const { whole, edges } = periodMonths(period);
  const parts = new Map(TALLY_PARTS.map((p) => [p.part, p]));
  const tallyScope = (p: TallyPart) => sql`t.part = ${p.part} AND ${aggregateScope(caller, p.kind, 't')}`;

  // The cut months the tallies answer: every row of the scope with records lies inside the period.
  const answered = new Set<string>();
  if (edges.length) {
    const bounds = await store.query<{ part: string; month: string; lo: string | null; hi: string | null; unknown: number }>(
      joinSql(
        TALLY_PARTS.flatMap((p) =>
          edges.map(
            (e) => sql`SELECT t.part, t.month, CAST(min(t.first_day) AS VARCHAR) AS lo, CAST(max(t.last_day) AS VARCHAR) AS hi,
              sum(CASE WHEN t.first_day IS NULL OR t.last_day IS NULL THEN 1 ELSE 0 END) AS unknown
              FROM month_tallies t WHERE ${tallyScope(p)} AND t.month = ${e.month} AND t.n <> 0 GROUP BY t.part, t.month`,
          ),
        ),
        ' UNION ALL ',
      ),
    );
    const found = new Map(bounds.map((b) => [`${b.part}|${b.month}`, b]));
    for (const p of TALLY_PARTS)
      for (const e of edges) {
        const b = found.get(`${p.part}|${e.month}`);
        if (!b || (Number(b.unknown) === 0 && b.lo! >= e.from && b.hi! <= e.to)) answered.add(`${p.part}|${e.month}`);
      }
  }

  /** A figure grouped by the given columns: its tally rows of the answered months, its records of the others. */
  const figure = (name: TallyPart['part'], by: { month: boolean; line: boolean; child: boolean }): Sql[] => {
    const p = parts.get(name)!;
    const months = [
      ...(whole ? [sql`t.month BETWEEN ${whole[0]} AND ${whole[1]}`] : []),
      ...edges.filter((e) => answered.has(`${name}|${e.month}`)).map((e) => sql`t.month = ${e.month}`),
    ];
    const cols = (month: string) =>
      `${by.month ? month : none} AS month, ${by.line ? 'a.line_code' : none} AS line_code, ${by.child ? child : none} AS child`;
    const join = by.line ? 'LEFT JOIN agencies a ON a.id = t.agency_id' : '';
    const group = by.month || by.line || by.child ? 'GROUP BY 2, 3, 4' : '';
    const branches: Sql[] = [];
    if (months.length)
      branches.push(sql`SELECT ${raw(`'${name}'`)} AS part, ${raw(cols('t.month'))}, sum(t.n) AS n, CAST(sum(t.amount) AS DECIMAL(18,2)) AS v
        FROM month_tallies t ${raw(join)} WHERE ${tallyScope(p)} AND t.n <> 0 AND (${joinSql(months, ' OR ')}) ${raw(group)}`);
    for (const e of edges.filter((e) => !answered.has(`${name}|${e.month}`)))
      branches.push(sql`SELECT ${raw(`'${name}'`)} AS part, ${raw(cols(d.monthKey(`t.${p.date}`)))}, count(*) AS n,
        CAST(sum(${raw(p.amount ? `t.${p.amount}` : '0')}) AS DECIMAL(18,2)) AS v
        FROM ${raw(p.table)} t ${raw(join)} WHERE ${aggregateScope(caller, p.kind, 't')} AND t.${raw(p.date)} BETWEEN ${e.from} AND ${e.to} ${raw(group)}`);
    return branches;
  };
  const counted = (part: Cell['part'], table: RecordKind): Sql => sql`
    SELECT ${raw(`'${part}'`)} AS part, ${raw(none)} AS month, ${raw(none)} AS line_code, ${raw(none)} AS child, count(*) AS n, ${raw(noSum)} AS v
    FROM ${raw(table)} t WHERE ${aggregateScope(caller, table, 't')}`;
  const cells = await store.query<Cell>(
    joinSql(
      [
        ...figure('licences', { month: true, line: false, child: false }),
        ...figure('inspections', { month: true, line: true, child: true }),
        ...figure('cases', { month: true, line: true, child: true }),
        ...figure('fines', { month: false, line: false, child: true }),
        ...figure('serviceVisits', { month: false, line: false, child: false }),
        counted('hotlineTickets', 'hotline_tickets'),
        counted('entities', 'entities'),
        counted('agencies', 'agencies'),
        counted('officers', 'officers'),
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
