// The inspection routes over HTTP: who may list, draw, run suggestions and read the burden (another
// county sees nothing, a supervisor cannot draw, agency staff cannot run suggestions), bad input answered
// in Chinese naming the field (never a 500), the printed notice with its QR code, and the public
// verify route with no session. Both engines.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { PASSWORD } from './helpers/fixtures.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { FY, NEXT_YEAR, planRow, seedInspectionWorld } from './helpers/inspection-world.ts';
import { buildApp } from '../src/api/app.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { callerForUsername } from '../src/auth/users.ts';
import { recordId } from '../src/records/record-id.ts';

quietEnvironment();
process.env.KEDU_CODE_KEY = 'e'.repeat(64);
const t = await openTestStore();
let app: FastifyInstance;
const cookies: Record<string, string> = {};
const plan = recordId('inspection_plans', 'fy-plan', 'JH-1');

before(async () => {
  await seedInspectionWorld(t.store);
  const r = await importRows(t.store, recordsSource([planRow(1, { target_count: '4' })]), {
    kind: 'inspection_plans',
    caller: (await callerForUsername(t.store, 'fy_scjg'))!,
  });
  assert.equal(r.rowsOk, 1, r.errors.map((e) => e.text).join('\n'));
  app = await buildApp({ store: t.store });
  for (const u of ['fy_scjg', 'fy_jiandu', 'xh_jiandu', 'xh_scjg']) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: PASSWORD } });
    cookies[u] = `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`;
  }
});
after(async () => {
  await app.close();
  await t.close();
});

const call = (user: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: user ? { cookie: cookies[user] } : {}, ...(payload ? { payload } : {}) });

test('plans and draws: the agency draws its plan once; a supervisor may not, another county sees no plan', async () => {
  assert.equal((await call(null, 'GET', '/plans')).statusCode, 401);
  assert.equal((await call('xh_jiandu', 'GET', '/plans')).json().total, 0);
  assert.equal((await call('xh_scjg', 'POST', `/plans/${plan}/draw`)).statusCode, 404);
  const sup = await call('fy_jiandu', 'POST', `/plans/${plan}/draw`);
  assert.equal(sup.statusCode, 403);
  assert.match(sup.json().error.message, /不能代执法部门抽取/);
  const drawn = await call('fy_scjg', 'POST', `/plans/${plan}/draw`);
  assert.equal(drawn.statusCode, 201, drawn.body);
  assert.equal((await call('fy_scjg', 'POST', `/plans/${plan}/draw`)).statusCode, 409);
  const check = await call('fy_jiandu', 'GET', `/plans/${plan}/draw-check`);
  assert.equal(check.statusCode, 200);
  assert.equal(check.json().checks[0].ok, true);
  const bad = await call('fy_scjg', 'POST', `/plans/${plan}/adjustments`, { kind: 'target', targetCount: 5, reason: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /原因/);
});

test('tasks, the notice and the public verify route: a QR code of the verify address, and no session needed to verify', async () => {
  const tasks = (await call('fy_scjg', 'GET', '/inspection-tasks')).json().rows as { id: string; code: string }[];
  assert.equal(tasks.length, 4);
  assert.equal((await call('xh_scjg', 'GET', `/inspection-tasks/${tasks[0].id}/notice`)).statusCode, 404);
  const notice = (await call('fy_scjg', 'GET', `/inspection-tasks/${tasks[0].id}/notice`)).json();
  assert.match(notice.verifyUrl, new RegExp(`/verify/${tasks[0].code}$`));
  assert.match(notice.qrSvg, /^<svg[^>]*>/);
  const v = await call(null, 'GET', `/action-codes/${tasks[0].code}`);
  assert.equal(v.statusCode, 200);
  assert.equal(v.json().status, 'not_yet_valid');
  assert.equal(v.json().task.officers.length, 2);
  const forged = (await call(null, 'GET', `/action-codes/${tasks[0].code.slice(0, 15)}${tasks[0].code[15] === '7' ? '8' : '7'}`)).json();
  assert.deepEqual(Object.keys(forged).sort(), ['message', 'status']);
  assert.equal(forged.status, 'invalid');
  const rating = await call(null, 'POST', `/action-codes/${tasks[0].code}/ratings`, { formToken: 'x', entityUscc: 'y', score: 9 });
  assert.equal(rating.statusCode, 400);
  assert.equal(rating.json().error.field, 'score');
});

test('merge suggestions and the burden are the supervisors’: agency staff may not run them, another county’s supervisor may not read ours', async () => {
  assert.equal((await call('fy_scjg', 'POST', '/merge-suggestions/run', { regionCode: FY })).statusCode, 403);
  assert.equal((await call('xh_jiandu', 'POST', '/merge-suggestions/run', { regionCode: FY })).statusCode, 403);
  const run = await call('fy_jiandu', 'POST', '/merge-suggestions/run', { from: `${NEXT_YEAR}-01-01` });
  assert.equal(run.statusCode, 201, run.body);
  assert.equal(run.json().suggestions, 0, 'one agency alone merges nothing');
  assert.equal((await call('xh_jiandu', 'GET', `/inspection-burden?regionCode=${FY}&year=${NEXT_YEAR}`)).statusCode, 403);
  const b = await call('fy_jiandu', 'GET', `/inspection-burden?year=${NEXT_YEAR}&threshold=1`);
  assert.equal(b.statusCode, 200);
  assert.equal(b.json().planned.visits, 4);
  const bad = await call('fy_jiandu', 'GET', `/inspection-burden?year=${NEXT_YEAR}&threshold=0`);
  assert.equal(bad.statusCode, 400);
});
