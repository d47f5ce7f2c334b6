// The model library over HTTP: every model with its basis article verbatim and the parameters in force
// for the caller's region; only admins change settings.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { MODELS } from '../src/models/library/index.ts';

const t = await openTestStore();
await loadReference(t.store);
await addUser(t.store, 'admin1', 'admin', '330000');
await addUser(t.store, 'fy_sup', 'supervisor', '330111');
await addUser(t.store, 'nb_sup', 'supervisor', '330200');
const app = await buildApp({ store: t.store, checkResponses: true });
after(async () => {
  await app.close();
  await t.close();
});

const cookies = new Map<string, string>();
async function as(user: string) {
  if (!cookies.has(user)) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user, password: PASSWORD } });
    cookies.set(user, `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`);
  }
  return { cookie: cookies.get(user)! };
}

test('the library lists every model with its basis article verbatim', async () => {
  const rows = (await app.inject({ method: 'GET', url: '/api/v1/models', headers: await as('fy_sup') })).json().rows;
  assert.equal(rows.length, MODELS.length);
  const repeat = rows.find((r: { code: string }) => r.code === 'INS_REPEAT');
  assert.equal(repeat.basis.title, '浙江省民营企业发展促进条例');
  assert.equal(repeat.basis.label, '第四十三条');
  assert.match(repeat.basis.text, /避免多头执法、重复检查和选择性执法/);
  assert.deepEqual(
    repeat.params.map((p: { name: string; value: number }) => [p.name, p.value]),
    [
      ['window_days', 7],
      ['min_agencies', 3],
    ],
  );
});

test('a Hangzhou setting is in force in 富阳区 but not in 宁波; a supervisor may not change it', async () => {
  const denied = await app.inject({
    method: 'PUT',
    url: '/api/v1/models/INS_REPEAT/settings',
    headers: await as('fy_sup'),
    payload: { regionCode: '330111', enabled: true, params: { window_days: 10 } },
  });
  assert.equal(denied.statusCode, 403);
  const bad = await app.inject({
    method: 'PUT',
    url: '/api/v1/models/INS_REPEAT/settings',
    headers: await as('admin1'),
    payload: { regionCode: '330100', enabled: true, params: { window_days: 500 } },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'window_days');
  const ok = await app.inject({
    method: 'PUT',
    url: '/api/v1/models/INS_REPEAT/settings',
    headers: await as('admin1'),
    payload: { regionCode: '330100', enabled: true, params: { window_days: 10 } },
  });
  assert.equal(ok.statusCode, 200);
  const value = async (user: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/models/INS_REPEAT', headers: await as(user) }))
      .json()
      .model.params.find((p: { name: string }) => p.name === 'window_days').value;
  assert.equal(await value('fy_sup'), 10);
  assert.equal(await value('nb_sup'), 7);
});

test('one full model run per region at a time: a second start over it, above it or inside it gets 409 naming the run', async () => {
  await addUser(t.store, 'hz_sup', 'supervisor', '330100');
  await addUser(t.store, 'hz_sup2', 'supervisor', '330100');
  const start = async (user: string) => app.inject({ method: 'POST', url: '/api/v1/models/run', headers: await as(user), payload: {} });
  const headers = [await as('hz_sup'), await as('hz_sup2'), await as('fy_sup'), await as('nb_sup')];
  assert.ok(headers.every((h) => h.cookie));
  const first = start('hz_sup');
  // Wait until the first run holds its region, then start the others beside it.
  for (let i = 0; i < 200 && (await t.store.query('SELECT run_id FROM model_run_locks')).length === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  const [same, inside, elsewhere, oneModel] = await Promise.all([
    start('hz_sup2'),
    start('fy_sup'),
    start('nb_sup'),
    app.inject({ method: 'POST', url: '/api/v1/models/run', headers: await as('fy_sup'), payload: { model: 'INS_REPEAT' } }),
  ]);
  const done = await first;
  assert.equal(done.statusCode, 200, done.body);
  const runId = done.json().runId as string;
  assert.match(runId, /^RUN-/);
  for (const refused of [same, inside]) {
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.details.runningRunId, runId);
    assert.match(refused.json().error.message, new RegExp(`模型正在运行（运行编号 ${runId}`));
  }
  assert.equal(elsewhere.statusCode, 200, 'another city runs at the same time');
  assert.equal(oneModel.statusCode, 200, 'a single model is no full run');
  // Over, the region may run again.
  assert.equal((await start('hz_sup2')).statusCode, 200);
  assert.equal((await t.store.query('SELECT run_id FROM model_run_locks')).length, 0);
});

test('an incremental run over HTTP: the first runs fully and says why, the next looks only at what changed', async () => {
  const run = async (incremental?: boolean) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/models/run',
      headers: await as('fy_sup'),
      payload: { model: 'PEN_ABOVE_STATUTORY', ...(incremental === undefined ? {} : { incremental }) },
    });
  const plain = await run();
  assert.equal(plain.statusCode, 200, plain.body);
  assert.equal(plain.json().reports[0].incremental, undefined, 'a run not asked to be incremental says nothing of it');
  const first = (await run(true)).json().reports[0];
  assert.deepEqual(first.incremental, { full: '首次运行' });
  const next = (await run(true)).json().reports[0];
  assert.equal(next.incremental.subjects, 0, JSON.stringify(next));
  assert.match(next.incremental.since, /^\d{4}-\d\d-\d\d/);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/models/run',
    headers: await as('fy_sup'),
    payload: { model: 'PEN_ABOVE_STATUTORY', incremental: 'yes' },
  });
  assert.equal(bad.statusCode, 400);
});
