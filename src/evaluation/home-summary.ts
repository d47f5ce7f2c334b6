// The home page's live figures of the caller's jurisdiction: totals, records by month, by line and by
// the caller's child regions. Every query is scoped in SQL by the policy's aggregateScope (figures, not
// rows: the region's for supervisors, invited supervisors and liaisons, the own agency's for agency roles).
import type { Store } from '../store/store.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
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

export async function homeSummary(store: Store, caller: Caller, period: Period): Promise<HomeSummary> {
  const d = store.dialect;
  const between = (col: string) => sql`${raw(col)} BETWEEN ${period.from} AND ${period.to}`;
  const scope = (kind: RecordKind) => aggregateScope(caller, kind, 't');
  const count = async (table: RecordKind, dateCol: string | null): Promise<number> => {
    const where: Sql = dateCol ? sql`${scope(table)} AND ${between(`t.${dateCol}`)}` : scope(table);
    const [r] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(table)} t WHERE ${where}`);
    return Number(r?.n ?? 0);
  };

  const [region] = await store.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [caller.regionCode]);
  const [fines] = await store.query<{ total: number | null }>(
    sql`SELECT sum(t.fine_amount) AS total FROM cases t WHERE ${scope('cases')} AND ${between('t.decided_on')}`,
  );

  const totals = {
    licences: await count('licences', 'applied_on'),
    inspections: await count('inspections', 'inspected_on'),
    cases: await count('cases', 'filed_on'),
    fines: Number(fines?.total ?? 0),
    serviceVisits: await count('service_visits', 'visited_on'),
    hotlineTickets: await count('hotline_tickets', null),
    entities: await count('entities', null),
    agencies: await count('agencies', null),
    officers: await count('officers', null),
  };

  const monthly = async (table: RecordKind, dateCol: string) =>
    store.query<{ month: string; n: number }>(sql`
    SELECT ${raw(d.monthKey(`t.${dateCol}`))} AS month, count(*) AS n FROM ${raw(table)} t
    WHERE ${scope(table)} AND ${between(`t.${dateCol}`)} GROUP BY 1`);
  const months = new Map<string, HomeSummary['byMonth'][number]>();
  const put = (rows: { month: string; n: number }[], key: 'licences' | 'inspections' | 'cases') => {
    for (const r of rows) {
      const m = months.get(r.month) ?? { month: r.month, licences: 0, inspections: 0, cases: 0 };
      m[key] = Number(r.n);
      months.set(r.month, m);
    }
  };
  put(await monthly('licences', 'applied_on'), 'licences');
  put(await monthly('inspections', 'inspected_on'), 'inspections');
  put(await monthly('cases', 'filed_on'), 'cases');

  const perLine = async (table: RecordKind, dateCol: string) =>
    store.query<{ line_code: string; n: number }>(sql`
    SELECT a.line_code, count(*) AS n FROM ${raw(table)} t JOIN agencies a ON a.id = t.agency_id
    WHERE ${scope(table)} AND ${between(`t.${dateCol}`)} GROUP BY a.line_code`);
  const lineNames = new Map(
    (await store.query<{ code: string; name: string }>('SELECT code, name FROM lines')).map((l) => [l.code, l.name]),
  );
  const lines = new Map<string, HomeSummary['byLine'][number]>();
  const line = (code: string) =>
    lines.get(code) ?? lines.set(code, { lineCode: code, lineName: lineNames.get(code) ?? code, inspections: 0, cases: 0 }).get(code)!;
  for (const r of await perLine('inspections', 'inspected_on')) line(r.line_code).inspections = Number(r.n);
  for (const r of await perLine('cases', 'filed_on')) line(r.line_code).cases = Number(r.n);

  const child = childRegionExpr(caller.regionCode, 't');
  const perRegion = async (table: RecordKind, dateCol: string, measure: string) =>
    store.query<{ code: string; v: number }>(sql`
    SELECT ${raw(child)} AS code, ${raw(measure)} AS v FROM ${raw(table)} t
    WHERE ${scope(table)} AND ${between(`t.${dateCol}`)} GROUP BY 1`);
  const regionNames = new Map(
    (
      await store.query<{ code: string; name: string }>(
        sql`SELECT code, name FROM regions WHERE code LIKE ${regionPrefix(caller.regionCode) + '%'}`,
      )
    ).map((r) => [r.code, r.name]),
  );
  const regions = new Map<string, HomeSummary['byRegion'][number]>();
  const reg = (code: string) =>
    regions.get(code) ??
    regions.set(code, { regionCode: code, regionName: regionNames.get(code) ?? code, inspections: 0, cases: 0, fines: 0 }).get(code)!;
  for (const r of await perRegion('inspections', 'inspected_on', 'count(*)')) reg(r.code).inspections = Number(r.v);
  for (const r of await perRegion('cases', 'filed_on', 'count(*)')) reg(r.code).cases = Number(r.v);
  for (const r of await perRegion('cases', 'decided_on', 'sum(t.fine_amount)')) reg(r.code).fines = Number(r.v ?? 0);

  return {
    scope: { regionCode: caller.regionCode, regionName: region?.name ?? caller.regionCode },
    period,
    totals,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byLine: [...lines.values()].sort((a, b) => b.inspections + b.cases - (a.inspections + a.cases)),
    byRegion: [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
  };
}
