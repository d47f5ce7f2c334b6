// Scorecards, settings and profiles over HTTP on the demo data: scoring as defined (linear, thresholds,
// rank; weights and targets change the scores and nothing else), settings per region audited and
// validated with Chinese errors naming the field, and every read scoped — a county sees its county, an
// agency its own row and its own officers, an invited supervisor aggregates only. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDemoStore } from './helpers/demo-store.ts';
import { addUser } from './helpers/fixtures.ts';
import { login, quietEnvironment } from './helpers/clues.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { buildApp } from '../src/api/app.ts';
import { rankScores, scoreValue } from '../src/evaluation/indicators/indicator.ts';
import { weightedScore, rankOf } from '../src/evaluation/scorecard.ts';
import { parsePeriod, previousPeriod, samePeriodLastYear, periodOf } from '../src/evaluation/period.ts';
import { findIndicator } from '../src/evaluation/indicators/index.ts';

quietEnvironment();
const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
let fyAgency = '';
let xhAgency = '';

before(async () => {
  [{ id: fyAgency }] = await store.query<{ id: string }>("SELECT id FROM agencies WHERE region_code = '330111' ORDER BY id LIMIT 1");
  [{ id: xhAgency }] = await store.query<{ id: string }>("SELECT id FROM agencies WHERE region_code = '330106' ORDER BY id LIMIT 1");
  const users: [string, Parameters<typeof addUser>[2], string, string | null][] = [
    ['fy_sup', 'supervisor', '330111', null],
    ['hz_sup', 'supervisor', '330100', null],
    ['admin', 'admin', '330000', null],
    ['fy_staff', 'agency_staff', '330111', fyAgency],
    ['hz_teyao', 'invited_supervisor', '330100', null],
  ];
  for (const [u, role, region, agency] of users) await addUser(store, u, role, region, agency);
  app = await buildApp({ store, asOf: '2025-12-31' });
  for (const [u] of users) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
});

const get = (user: string, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[user] } });
const put = (user: string, url: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: { cookie: cookies[user] }, payload });

test('scoring rules: linear from the zero point to the target, thresholds best first, ranks with ties sharing the better place', () => {
  const higher = { kind: 'linear', zeroAt: 80 } as const;
  assert.equal(scoreValue(higher, 'higher', 100, 90), 50);
  assert.equal(scoreValue(higher, 'higher', 100, 100), 100);
  assert.equal(scoreValue(higher, 'higher', 100, 120), 100);
  assert.equal(scoreValue(higher, 'higher', 100, 70), 0);
  assert.equal(scoreValue(higher, 'higher', 90, 85), 50, 'a lower target raises the same value’s score');
  assert.equal(scoreValue({ kind: 'linear', zeroAt: 5 }, 'lower', 0, 1), 80);
  assert.equal(scoreValue({ kind: 'linear', zeroAt: 5 }, 'lower', 0, 6), 0);
  const steps = {
    kind: 'thresholds',
    steps: [
      { reach: 95, score: 100 },
      { reach: 90, score: 80 },
      { reach: 80, score: 60 },
    ],
  } satisfies Parameters<typeof scoreValue>[0];
  assert.equal(scoreValue(steps, 'higher', 95, 96), 100);
  assert.equal(scoreValue(steps, 'higher', 95, 90), 80);
  assert.equal(scoreValue(steps, 'higher', 95, 79.9), 0);
  assert.equal(
    scoreValue(
      {
        kind: 'thresholds',
        steps: [
          { reach: 1, score: 100 },
          { reach: 3, score: 50 },
        ],
      },
      'lower',
      1,
      2,
    ),
    50,
  );
  assert.deepEqual(
    [
      ...rankScores(
        new Map([
          ['a', 10],
          ['b', 30],
          ['c', 30],
          ['d', 20],
        ]),
        'higher',
      ),
    ],
    [
      ['a', 0],
      ['b', 100],
      ['c', 100],
      ['d', 33.33],
    ],
  );
  assert.deepEqual(
    [
      ...rankScores(
        new Map([
          ['a', 10],
          ['b', 30],
        ]),
        'lower',
      ),
    ],
    [
      ['a', 100],
      ['b', 0],
    ],
  );
  assert.equal(
    weightedScore([
      { score: 100, weight: 3 },
      { score: 50, weight: 1 },
      { score: null, weight: 5 },
    ]),
    87.5,
  );
  assert.equal(weightedScore([{ score: 40, weight: 0 }]), null);
  const rows = [{ score: 90 }, { score: 95 }, { score: 90 }, { score: null }];
  const ranks = rankOf(rows);
  assert.deepEqual(
    rows.map((r) => ranks.get(r) ?? null),
    [2, 1, 2, null],
  );
});

test('periods: codes, Chinese names, 环比 and 同比', () => {
  assert.deepEqual(periodOf('2025Q4'), { code: '2025Q4', kind: 'quarter', from: '2025-10-01', to: '2025-12-31', label: '2025年第四季度' });
  assert.equal(previousPeriod(periodOf('2025Q1')).code, '2024Q4');
  assert.equal(samePeriodLastYear(periodOf('2025-03')).code, '2024-03');
  assert.equal(periodOf('2024-02').to, '2024-02-29');
  assert.equal(previousPeriod(periodOf('2025H1')).label, '2024年下半年');
  assert.match(String(parsePeriod('2025Q5')), /统计期间格式/);
});

test('a county supervisor ranks the agencies of the county, and is refused another county', async () => {
  const res = await get('fy_sup', '/evaluation/scorecard?level=agency&period=2025Q4');
  assert.equal(res.statusCode, 200, res.body);
  const card = res.json();
  assert.ok(card.rows.length > 3);
  assert.ok(card.rows.every((r: { subject: { regionCode: string } }) => r.subject.regionCode.startsWith('330111')));
  assert.ok(card.indicators.length >= 20);
  const ranks = card.rows.filter((r: { rank: number | null }) => r.rank !== null).map((r: { rank: number }) => r.rank);
  assert.deepEqual(
    ranks,
    [...ranks].sort((a, b) => a - b),
  );
  assert.equal((await get('fy_sup', '/evaluation/scorecard?level=agency&regionCode=330106')).statusCode, 403);
  const bad = await get('fy_sup', '/evaluation/scorecard?level=agency&period=2025Q5');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'period');
  assert.match(bad.json().error.message, /统计期间/);
});

test('an agency sees its own row (with its place among its peers) and its own officers only; no region level, no other agency’s records', async () => {
  const card = (await get('fy_staff', '/evaluation/scorecard?level=agency&period=2025Q4')).json();
  assert.deepEqual(
    card.rows.map((r: { subject: { id: string } }) => r.subject.id),
    [fyAgency],
  );
  assert.ok(card.of > 1);
  const officers = (await get('fy_staff', '/evaluation/scorecard?level=officer&period=2025Q4')).json();
  assert.ok(officers.rows.length > 0);
  assert.ok(officers.rows.every((r: { subject: { agencyId: string } }) => r.subject.agencyId === fyAgency));
  assert.equal((await get('fy_staff', '/evaluation/scorecard?level=region')).statusCode, 403);
  assert.equal((await get('fy_staff', `/evaluation/records?indicator=INS_CODE_RATE&level=agency&subject=${xhAgency}`)).statusCode, 403);
  assert.equal((await get('fy_staff', `/evaluation/profiles/agencies/${xhAgency}`)).statusCode, 403);
  assert.equal((await get('hz_teyao', '/evaluation/scorecard?level=agency')).statusCode, 403);
  assert.equal((await get('hz_teyao', '/evaluation/scorecard?level=region')).statusCode, 200);
});

test('the drill-down of a city supervisor: a county’s figure → the records behind it, all in that county', async () => {
  const card = (await get('hz_sup', '/evaluation/scorecard?level=region&period=2025Q4')).json();
  // The county with the most planted single-officer inspections in the quarter (which one depends on the seed).
  type Row = { subject: { id: string }; cells: Record<string, { num: number }> };
  const county = (card.rows as Row[]).reduce((a, b) => (b.cells.INS_SINGLE_OFFICER_RATE.num > a.cells.INS_SINGLE_OFFICER_RATE.num ? b : a));
  const cell = county.cells.INS_SINGLE_OFFICER_RATE;
  const code = county.subject.id;
  assert.ok(cell.num > 0, 'the demo plants single-officer inspections');
  const res = await get(
    'hz_sup',
    `/evaluation/records?indicator=INS_SINGLE_OFFICER_RATE&level=region&subject=${code}&period=2025Q4&numeratorOnly=true&pageSize=500`,
  );
  assert.equal(res.statusCode, 200, res.body);
  const page = res.json();
  assert.equal(page.total, cell.num);
  const ids = page.rows.map((r: { recordId: string }) => r.recordId);
  const [{ n }] = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM inspections WHERE id IN (${ids.map((i: string) => `'${i}'`).join(',')}) AND region_code LIKE '${code}%' AND assist_officer_id IS NULL`,
  );
  assert.equal(Number(n), ids.length);
});

test('weights and targets change the scores as defined, per region, audited; bad input is refused naming the field', async () => {
  const before = (await get('hz_sup', '/evaluation/scorecard?level=agency&period=2025Q4')).json();
  const target = await put('admin', '/evaluation/indicators/INS_CODE_RATE/settings', { regionCode: '330100', target: 99 });
  assert.equal(target.statusCode, 200, target.body);
  const weight = await put('admin', '/evaluation/indicators/FOLLOWUP_SATISFACTION/settings', { regionCode: '330100', weight: 0 });
  assert.equal(weight.statusCode, 200, weight.body);
  const after = (await get('hz_sup', '/evaluation/scorecard?level=agency&period=2025Q4')).json();
  const code = findIndicator('INS_CODE_RATE')!;
  assert.equal(after.indicators.find((i: { code: string }) => i.code === 'INS_CODE_RATE').target, 99);
  let changed = 0;
  for (const row of after.rows) {
    const old = before.rows.find((r: { subject: { id: string } }) => r.subject.id === row.subject.id);
    const cell = row.cells.INS_CODE_RATE;
    if (cell.value !== null) {
      assert.equal(cell.score, scoreValue(code.scoring, code.direction, 99, cell.value));
      if (cell.score !== old.cells.INS_CODE_RATE.score) changed++;
    }
    // The total is the weighted mean of the scores in force: satisfaction no longer counts.
    const parts = after.indicators.map((i: { code: string; weight: number }) => ({ score: row.cells[i.code].score, weight: i.weight }));
    assert.equal(row.score, weightedScore(parts));
    assert.equal(after.indicators.find((i: { code: string }) => i.code === 'FOLLOWUP_SATISFACTION').weight, 0);
  }
  assert.ok(changed > 0, 'a higher target lowers some scores');
  // Another city keeps the province's defaults.
  const nb = (await get('admin', '/evaluation/scorecard?level=agency&regionCode=330200&period=2025Q4')).json();
  assert.equal(nb.indicators.find((i: { code: string }) => i.code === 'INS_CODE_RATE').target, code.target);
  const audit = await store.query<{ action: string; target: string; region_code: string; detail: string }>(
    "SELECT action, target, region_code, detail FROM audit_log WHERE action = 'indicator.settings' ORDER BY seq",
  );
  assert.deepEqual(
    audit.map((a) => [a.target, a.region_code]),
    [
      ['INS_CODE_RATE', '330100'],
      ['FOLLOWUP_SATISFACTION', '330100'],
    ],
  );
  assert.equal(JSON.parse(audit[0].detail).after.target, 99);

  const wrongSide = await put('admin', '/evaluation/indicators/INS_CODE_RATE/settings', { regionCode: '330100', target: 50 });
  assert.equal(wrongSide.statusCode, 400);
  assert.equal(wrongSide.json().error.field, 'target');
  assert.match(wrongSide.json().error.message, /目标值/);
  const negative = await put('admin', '/evaluation/indicators/INS_CODE_RATE/settings', { regionCode: '330100', weight: -1 });
  assert.equal(negative.json().error.field, 'weight');
  assert.equal((await put('hz_sup', '/evaluation/indicators/INS_CODE_RATE/settings', { regionCode: '330100', weight: 1 })).statusCode, 403);
  const group = await put('admin', '/evaluation/indicators/INS_CODE_RATE/settings', { regionCode: '330100', groupCode: 'nope' });
  assert.equal(group.json().error.field, 'groupCode');
});

test('an admin adds a group and moves an indicator into it for one city', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/evaluation/groups',
    headers: { cookie: cookies.admin },
    payload: { code: 'business', name: '营商环境' },
  });
  assert.equal(res.statusCode, 201, res.body);
  await put('admin', '/evaluation/indicators/INS_REPEAT_RATE/settings', { regionCode: '330100', groupCode: 'business' });
  const card = (await get('hz_sup', '/evaluation/scorecard?level=region&period=2025Q4')).json();
  assert.deepEqual(
    card.groups.find((g: { code: string }) => g.code === 'business'),
    { code: 'business', name: '营商环境' },
  );
  assert.equal(card.indicators.find((i: { code: string }) => i.code === 'INS_REPEAT_RATE').groupName, '营商环境');
  const dup = await app.inject({
    method: 'POST',
    url: '/api/v1/evaluation/groups',
    headers: { cookie: cookies.admin },
    payload: { code: 'other', name: '营商环境' },
  });
  assert.equal(dup.json().error.field, 'name');
});

test('profiles: an agency (figures with 同比, trend, score history), an officer (masked, certificates, peers) and an enterprise, each scoped', async () => {
  const agency = await get('fy_sup', `/evaluation/profiles/agencies/${fyAgency}?period=2025Q4`);
  assert.equal(agency.statusCode, 200, agency.body);
  const a = agency.json();
  assert.equal(a.byMonth.length, 12);
  assert.equal(a.scoreHistory.length, 4);
  const ins = a.figures.find((f: { key: string }) => f.key === 'inspections');
  const [{ n }] = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM inspections WHERE agency_id = '${fyAgency}' AND inspected_on BETWEEN '2025-10-01' AND '2025-12-31'`,
  );
  assert.equal(ins.value, Number(n));
  assert.equal((await get('fy_sup', `/evaluation/profiles/agencies/${xhAgency}`)).statusCode, 403);

  const [officer] = await store.query<{ id: string; id_number: string }>(
    `SELECT o.id, o.id_number FROM officers o WHERE o.agency_id = '${fyAgency}' AND o.id_number IS NOT NULL ORDER BY o.id LIMIT 1`,
  );
  const o = (await get('fy_sup', `/evaluation/profiles/officers/${officer.id}?period=2025Q4`)).json();
  assert.notEqual(o.officer.idNumber, officer.id_number);
  assert.match(o.officer.idNumber, /\*{4}/);
  assert.ok(o.certificates.length >= 1);
  assert.ok(Array.isArray(o.outliers));

  const [entity] = await store.query<{ uscc: string }>(
    "SELECT entity_uscc AS uscc FROM inspections WHERE region_code LIKE '330111%' GROUP BY entity_uscc ORDER BY count(*) DESC, entity_uscc LIMIT 1",
  );
  const e = (await get('fy_sup', `/evaluation/profiles/entities/${entity.uscc}?period=2025`)).json();
  assert.ok(e.burden.inspections > 0);
  assert.equal(
    e.burden.byAgency.reduce((s: number, r: { inspections: number }) => s + r.inspections, 0),
    e.burden.inspections,
  );
  const [other] = await store.query<{ uscc: string }>("SELECT uscc FROM entities WHERE region_code LIKE '330106%' ORDER BY uscc LIMIT 1");
  assert.equal((await get('fy_sup', `/evaluation/profiles/entities/${other.uscc}`)).statusCode, 403);
});

test('驾驶舱: a scoped snapshot, 304 while unchanged, a county’s map shows only its own county’s figure', async () => {
  const first = await get('fy_sup', '/cockpit?metric=inspections');
  assert.equal(first.statusCode, 200, first.body);
  const snap = first.json();
  assert.equal(snap.region.code, '330111');
  assert.equal(snap.map.code, '330100');
  assert.equal(snap.map.highlight, '330111');
  const own = snap.map.areas.find((a: { code: string }) => a.code === '330111');
  assert.ok(own.value > 0);
  assert.ok(snap.map.areas.filter((a: { code: string }) => a.code !== '330111').every((a: { value: number | null }) => a.value === null));
  const [{ n }] = await store.query<{ n: number }>(
    "SELECT count(*) AS n FROM inspections WHERE region_code LIKE '330111%' AND inspected_on BETWEEN '2025-01-01' AND '2025-12-31'",
  );
  assert.equal(snap.counters.inspectionsYear, Number(n));
  const again = await app.inject({
    method: 'GET',
    url: '/api/v1/cockpit?metric=inspections',
    headers: { cookie: cookies.fy_sup, 'if-none-match': String(first.headers.etag) },
  });
  assert.equal(again.statusCode, 304);
  assert.equal((await get('fy_sup', '/cockpit?regionCode=330106')).statusCode, 403);
  assert.equal((await get('fy_sup', '/cockpit?metric=nope')).statusCode, 400);
});
