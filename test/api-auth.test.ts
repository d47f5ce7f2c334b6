import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';

const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'hz_sup', 'supervisor', '330100');
  await addUser(store, 'xh_staff', 'agency_staff', '330106', 'AG-XH-SCJG');
  app = await buildApp({ store, checkResponses: true });
});
after(async () => {
  await app.close();
  await t.close();
});

// Logins are rate-limited (10 a minute per address), so each user logs in once and keeps the cookie.
const sessions = new Map<string, string>();
async function loginAs(username: string): Promise<string> {
  const known = sessions.get(username);
  if (known) return known;
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'kedu_session');
  assert.ok(cookie?.httpOnly);
  sessions.set(username, `kedu_session=${cookie!.value}`);
  return sessions.get(username)!;
}

test('a wrong password gets 401 with a Chinese message, and the attempt is audited', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fy_sup', password: 'nope12345' } });
  assert.equal(res.statusCode, 401);
  assert.deepEqual(res.json(), { error: { code: 'bad_credentials', message: '用户名或密码错误' } });
  const [row] = await store.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'auth.login_failed'`);
  assert.ok(row);
});

test('without a session the API answers 401; bad input answers 400 naming the problem', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode, 401);
  const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fy_sup' } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /password/);
});

test('me describes the user with role label and jurisdiction name', async () => {
  const cookie = await loginAs('xh_staff');
  const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.deepEqual(
    { ...res.json().user, id: undefined },
    {
      id: undefined,
      username: 'xh_staff',
      displayName: 'xh_staff',
      role: 'agency_staff',
      roleLabel: '执法部门',
      regionCode: '330106',
      regionName: '西湖区',
      agencyId: 'AG-XH-SCJG',
      agencyName: '杭州市西湖区市场监督管理局',
      agencyBound: true,
      scopeLabel: '本部门',
      clueScopeLabel: '本部门承办的线索',
      // What the console may offer agency staff: its records, imports, signing and rectifying its clues.
      can: {
        readRecords: true,
        importRecords: true,
        exportRecords: true,
        readImports: true,
        runModels: false,
        configureModels: false,
        createClues: false,
        manageClues: false,
        rectifyClues: true,
        takeInHotline: false,
        escalateClues: false,
        issueNotices: false,
        manageUsers: false,
        readAudit: false,
        manageWebhooks: false,
        // Follow-up results and the evaluation of their own agency; not the supervising office's instruments.
        manageFollowup: false,
        readFollowupResults: true,
        scoreRegions: false,
        rankAgencies: true,
        drillEvaluation: true,
        configureEvaluation: false,
        readReports: false,
        generateReports: false,
        readReviews: false,
        organizeReviews: false,
        configureReviews: false,
        // The navigator for their own cases; the 待复核 list is the supervisors'.
        assessCases: true,
        reviewDecisions: false,
        // Their agency's plans and tasks, drawn and coded by them; the merges their tasks are in, not the run.
        readInspections: true,
        workInspections: true,
        suggestMerges: false,
        decideMerges: true,
      },
      clueSources: [],
    },
  );
});

test("a county user gets 403 for another county's record and an empty list outside it", async () => {
  const cookie = await loginAs('fy_sup');
  const own = await app.inject({ method: 'GET', url: '/api/v1/records/inspections/INS-FY-1', headers: { cookie } });
  assert.equal(own.statusCode, 200);
  const other = await app.inject({ method: 'GET', url: '/api/v1/records/inspections/INS-XH-1', headers: { cookie } });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().error.code, 'forbidden');
  const list = await app.inject({ method: 'GET', url: '/api/v1/records/cases', headers: { cookie } });
  assert.deepEqual(
    list.json().rows.map((r: { id: string }) => r.id),
    ['CASE-FY-1'],
  );
});

test('a city supervisor sees both counties; an agency user sees only its own agency', async () => {
  const city = await loginAs('hz_sup');
  const all = await app.inject({ method: 'GET', url: '/api/v1/records/inspections', headers: { cookie: city } });
  assert.equal(all.json().total, 2);
  const staff = await loginAs('xh_staff');
  const mine = await app.inject({ method: 'GET', url: '/api/v1/records/agencies', headers: { cookie: staff } });
  assert.deepEqual(
    mine.json().rows.map((r: { id: string }) => r.id),
    ['AG-XH-SCJG'],
  );
});

test('personal data is masked for supervisors', async () => {
  const cookie = await loginAs('fy_sup');
  const res = await app.inject({ method: 'GET', url: '/api/v1/records/officers/OF-1', headers: { cookie } });
  assert.equal(res.json().record.id_number, '330***********1234');
  assert.equal(res.json().record.phone, '138****1111');
});

test('the home summary counts only the caller jurisdiction', async () => {
  const fy = await loginAs('fy_sup');
  const res = await app.inject({ method: 'GET', url: '/api/v1/dashboard/summary?from=2025-01-01&to=2025-12-31', headers: { cookie: fy } });
  const body = res.json();
  assert.equal(body.scope.regionName, '富阳区');
  assert.equal(body.totals.inspections, 1);
  assert.equal(body.totals.cases, 1);
  assert.deepEqual(body.byMonth, [{ month: '2025-03', licences: 0, inspections: 1, cases: 1 }]);
  const hz = await loginAs('hz_sup');
  const city = (
    await app.inject({ method: 'GET', url: '/api/v1/dashboard/summary?from=2025-01-01&to=2025-12-31', headers: { cookie: hz } })
  ).json();
  assert.equal(city.totals.fines, 5000);
  assert.deepEqual(
    city.byRegion.map((r: { regionName: string; inspections: number }) => [r.regionName, r.inspections]),
    [
      ['西湖区', 1],
      ['富阳区', 1],
    ],
  );
  const bad = await app.inject({ method: 'GET', url: '/api/v1/dashboard/summary?from=2025-13-01', headers: { cookie: hz } });
  assert.equal(bad.statusCode, 400);
});

test('logout ends the session, and every login and logout is in a verifying audit chain', async () => {
  const cookie = await loginAs('fy_sup');
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode, 200);
  sessions.delete('fy_sup');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, true);
});

test('the OpenAPI document lists the routes', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(res.statusCode, 200);
  const paths = Object.keys(res.json().paths);
  for (const p of ['/api/v1/auth/login', '/api/v1/dashboard/summary', '/api/v1/records/{kind}/{id}']) assert.ok(paths.includes(p), p);
});

test('pickers search agencies by name within the jurisdiction, and a region filter narrows a list', async () => {
  const city = await loginAs('hz_sup');
  const found = await app.inject({
    method: 'GET',
    url: `/api/v1/records/agencies?q=${encodeURIComponent('西湖')}`,
    headers: { cookie: city },
  });
  assert.deepEqual(
    found.json().rows.map((r: { id: string }) => r.id),
    ['AG-XH-SCJG'],
  );
  const fy = await app.inject({ method: 'GET', url: '/api/v1/records/inspections?regionCode=330111', headers: { cookie: city } });
  assert.deepEqual(
    fy.json().rows.map((r: { id: string }) => r.id),
    ['INS-FY-1'],
  );
  const county = await loginAs('fy_sup');
  const outside = await app.inject({ method: 'GET', url: '/api/v1/records/inspections?regionCode=330106', headers: { cookie: county } });
  assert.equal(outside.json().total, 0);
});

test('the eleventh login attempt within a minute from one address is refused with 429', async () => {
  let last = 0;
  for (let i = 0; i < 11; i++) {
    last = (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hz_sup', password: 'wrong-pass1' } }))
      .statusCode;
  }
  assert.equal(last, 429);
});

test('without a period the home summary covers the last 12 months of the jurisdiction data', async () => {
  const fy = await loginAs('fy_sup');
  const body = (await app.inject({ method: 'GET', url: '/api/v1/dashboard/summary', headers: { cookie: fy } })).json();
  assert.deepEqual(body.period, { from: '2024-04-01', to: '2025-03-11' }); // the latest record: a case filed on 2025-03-11
  assert.equal(body.totals.inspections, 1);
});
