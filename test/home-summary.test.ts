// The home page's figures agree with the records: for the province, a city, a county and one agency of
// it, every total, month, line and child region equals a count made in JavaScript over the raw rows of
// the demo (two periods: a whole year and one cut mid-month, so that both ends of a period matter).
// The summary reads them in one statement; this keeps its folding honest. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { regionLevel, regionPrefix } from '../src/domain/region.ts';
import { homeSummary, type HomeSummary, type Period } from '../src/evaluation/home-summary.ts';
import { aggregateScope, type RecordKind } from '../src/policy/index.ts';
import { sql, raw } from '../src/store/sql.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { KIND_SPECS, type Kind } from '../src/records/registry.ts';

const t = await openTestStore();
const { store } = t;
type Row = Record<string, unknown>;
let data: Record<'inspections' | 'cases' | 'licences' | 'agencies', Row[]>;
let lineOf: Map<string, string>;

async function readData() {
  data = {
    inspections: await store.query('SELECT region_code, agency_id, inspected_on FROM inspections'),
    cases: await store.query('SELECT region_code, agency_id, filed_on, decided_on, fine_amount FROM cases'),
    licences: await store.query('SELECT region_code, agency_id, applied_on FROM licences'),
    agencies: await store.query('SELECT id, line_code, region_code FROM agencies'),
  };
  lineOf = new Map(data.agencies.map((a) => [String(a.id), String(a.line_code)]));
}

before(async () => {
  await generateDemo(store, { scale: 'demo', seed: 3, asOf: DEMO_AS_OF });
  await readData();
});
after(() => t.close());

const caller = (role: Caller['role'], regionCode: string, agencyId: string | null = null): Caller => ({
  userId: `u-${role}-${regionCode}`,
  username: `u-${role}-${regionCode}`,
  displayName: '测试',
  role,
  regionCode,
  agencyId,
});

/** The region a record falls in, one level below the caller's (as the summary's child regions). */
function childOf(c: Caller, code: string): string {
  const level = regionLevel(c.regionCode);
  return level === 'province' ? code.slice(0, 4) + '00' : level === 'city' ? code.slice(0, 6) : code;
}

/** What the summary should say, counted in JavaScript (the record counts without periods by SQL). */
interface Expected {
  totals: HomeSummary['totals'];
  byMonth: HomeSummary['byMonth'];
  byLine: { lineCode: string; inspections: number; cases: number }[];
  byRegion: { regionCode: string; inspections: number; cases: number; fines: number }[];
}

async function expected(c: Caller, period: Period): Promise<Expected> {
  const mine = (r: Row) => (c.agencyId ? r.agency_id === c.agencyId : String(r.region_code).startsWith(regionPrefix(c.regionCode)));
  const inPeriod = (d: unknown) => typeof d === 'string' && d >= period.from && d <= period.to;
  const count = async (kind: RecordKind, dateCol?: string) => {
    const [r] = await store.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM ${raw(kind)} t WHERE ${aggregateScope(c, kind, 't')}${
        dateCol ? sql` AND t.${raw(dateCol)} BETWEEN ${period.from} AND ${period.to}` : sql``
      }`,
    );
    return Number(r.n);
  };
  const months = new Map<string, { month: string; licences: number; inspections: number; cases: number }>();
  const lines = new Map<string, { inspections: number; cases: number }>();
  const regions = new Map<string, { inspections: number; cases: number; fines: number }>();
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, licences: 0, inspections: 0, cases: 0 }).get(m)!;
  const line = (l: string) => lines.get(l) ?? lines.set(l, { inspections: 0, cases: 0 }).get(l)!;
  const region = (r: string) => regions.get(r) ?? regions.set(r, { inspections: 0, cases: 0, fines: 0 }).get(r)!;
  let fines = 0;
  const tally = (kind: 'licences' | 'inspections' | 'cases', dateCol: string) => {
    let n = 0;
    for (const r of data[kind].filter((r) => mine(r) && inPeriod(r[dateCol]))) {
      n++;
      month(String(r[dateCol]).slice(0, 7))[kind]++;
      if (kind === 'licences') continue;
      line(lineOf.get(String(r.agency_id))!)[kind]++;
      region(childOf(c, String(r.region_code)))[kind]++;
    }
    return n;
  };
  const totals = {
    licences: tally('licences', 'applied_on'),
    inspections: tally('inspections', 'inspected_on'),
    cases: tally('cases', 'filed_on'),
    fines: 0,
    serviceVisits: await count('service_visits', 'visited_on'),
    hotlineTickets: await count('hotline_tickets'),
    entities: await count('entities'),
    agencies: await count('agencies'),
    officers: await count('officers'),
  };
  for (const r of data.cases.filter((r) => mine(r) && inPeriod(r.decided_on))) {
    const f = Number(r.fine_amount ?? 0);
    fines += f;
    region(childOf(c, String(r.region_code))).fines += f;
  }
  totals.fines = Math.round(fines * 100) / 100;
  return {
    totals,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byLine: [...lines.entries()].map(([lineCode, v]) => ({ lineCode, ...v })).sort((a, b) => a.lineCode.localeCompare(b.lineCode)),
    byRegion: [...regions.entries()]
      .map(([regionCode, v]) => ({ regionCode, ...v, fines: Math.round(v.fines * 100) / 100 }))
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
  };
}

const PERIODS: Period[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-15', to: '2025-06-10' },
];

async function assertFiguresEqualRecords(periods = PERIODS) {
  const [agency] = await store.query<{ id: string }>(
    "SELECT agency_id AS id FROM inspections WHERE region_code LIKE '330111%' GROUP BY agency_id ORDER BY count(*) DESC, agency_id LIMIT 1",
  );
  const callers = [
    caller('admin', '330000'),
    caller('supervisor', '330100'),
    caller('supervisor', '330111'),
    caller('agency_staff', '330111', agency.id),
  ];
  for (const c of callers)
    for (const period of periods) {
      const got = await homeSummary(store, c, period);
      const want = await expected(c, period);
      const where = `${c.role} ${c.regionCode} ${period.from}…${period.to}`;
      assert.ok(want.totals.inspections > 0 && want.totals.cases > 0, `${where}: the demo has records there`);
      assert.deepEqual({ ...got.totals, fines: Math.round(got.totals.fines * 100) / 100 }, want.totals, `${where}: totals`);
      assert.deepEqual(got.byMonth, want.byMonth, `${where}: by month`);
      assert.deepEqual(
        got.byLine
          .map(({ lineCode, inspections, cases }) => ({ lineCode, inspections, cases }))
          .sort((a, b) => a.lineCode.localeCompare(b.lineCode)),
        want.byLine,
        `${where}: by line`,
      );
      assert.deepEqual(
        got.byRegion.map(({ regionCode, inspections, cases, fines }) => ({
          regionCode,
          inspections,
          cases,
          fines: Math.round(fines * 100) / 100,
        })),
        want.byRegion,
        `${where}: by child region`,
      );
      assert.ok(
        got.byLine.every((l) => l.lineName !== l.lineCode) && got.byRegion.every((r) => r.regionName !== r.regionCode),
        `${where}: names`,
      );
    }
}

test('the home figures equal a count of the records, for the province, a city, a county and an agency', () => assertFiguresEqualRecords());

/** A stored record of the kind as an import row (its fields as text), changed by `change`. */
async function pushed(kind: Kind, where: string, limit: number, change: (r: Record<string, string>, i: number) => void) {
  const fields = KIND_SPECS[kind].fields.filter((f) => f.stored !== false).map((f) => f.name);
  const rows = await store.query<Row>(`SELECT * FROM ${KIND_SPECS[kind].table} t WHERE ${where} ORDER BY t.id LIMIT ${limit}`);
  return rows.map((row, i) => {
    const r = Object.fromEntries(fields.map((f) => [f, row[f] === null || row[f] === undefined ? '' : String(row[f])]));
    change(r, i);
    return r;
  });
}

// The figures come from the month tallies, which the import keeps in its transaction: records added,
// records moved to another month (out of a period, across a cut month's edge) and fines changed must
// move the figures exactly as they move the records.
test('the figures still equal the records after imports that add records, move them between months and change fines', async () => {
  const shift = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const batches: [Kind, Record<string, string>[]][] = [
    // Moved 40 days back: out of June into April or May, across 03-15 and 06-10.
    [
      'inspections',
      await pushed(
        'inspections',
        "t.inspected_on BETWEEN '2025-06-01' AND '2025-07-20'",
        60,
        (r) => (r.inspected_on = shift(r.inspected_on, -40)),
      ),
    ],
    // New ones, on the days the periods cut.
    [
      'inspections',
      await pushed('inspections', "t.region_code LIKE '330111%'", 12, (r, i) => {
        r.source_id = `TALLY-NEW-${i}`;
        r.inspected_on = ['2025-03-14', '2025-03-15', '2025-06-10', '2025-06-11', '2026-01-05', '2026-01-06'][i % 6];
      }),
    ],
    [
      'cases',
      await pushed(
        'cases',
        't.decided_on IS NOT NULL AND t.fine_amount > 0',
        40,
        (r) => (r.fine_amount = (Number(r.fine_amount) + 100).toFixed(2)),
      ),
    ],
    [
      'licences',
      await pushed('licences', "t.applied_on BETWEEN '2025-03-01' AND '2025-03-31'", 30, (r) => (r.applied_on = shift(r.applied_on, 20))),
    ],
  ];
  let updated = 0;
  let inserted = 0;
  for (const [kind, rows] of batches) {
    const report = await importRows(store, recordsSource(rows), { kind, caller: SYSTEM_CALLER });
    updated += report.updated;
    inserted += report.inserted;
  }
  assert.ok(updated >= 100 && inserted >= 5, `the imports changed records (updated ${updated}, inserted ${inserted})`);
  await readData();
  // The last period ends inside January 2026, after every record of the month: that month is read from
  // its tallies, whose days lie inside the period.
  await assertFiguresEqualRecords([...PERIODS, { from: '2025-06-11', to: '2026-01-06' }]);
});
