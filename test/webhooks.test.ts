import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { insertAttachment, insertClue, login, quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import {
  WEBHOOK_EVENTS,
  backoffSeconds,
  deliverDue,
  envEndpoints,
  startWebhookWorker,
  verifySignature,
} from '../src/integration/webhooks.ts';
import { CLUE_SETTINGS } from '../src/clues/settings.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

/** A receiver on 127.0.0.1 that answers 500 to the first `failFirst` requests, then 200. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}
let received: Received[] = [];
let failFirst = 2;
let server: Server;
let url = '';
const SECRET = 'receiver-shared-secret-0123456789';

// The test receiver listens on loopback, which webhooks may not reach unless the deployment says so.
const ALLOW_TEST_RECEIVER = '127.0.0.1/32';
process.env.KEDU_WEBHOOK_ALLOW = ALLOW_TEST_RECEIVER;

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      const answered = received.length < failFirst ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'temporarily unavailable');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kedu-hook`;
  await seedTwoCounties(store);
  await addUser(store, 'admin', 'admin', '330000');
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  app = await buildApp({ store, checkResponses: true });
  for (const u of ['admin', 'fy_sup', 'fy_staff']) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
  await new Promise((r) => server.close(r));
});

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

test('the retry schedule doubles from 30 seconds and is capped', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffSeconds), [30, 60, 120, 240]);
  assert.equal(backoffSeconds(30), CLUE_SETTINGS.webhook.maxDelaySeconds);
});

test('KEDU_WEBHOOK_URL needs KEDU_WEBHOOK_SECRET; several URLs are comma-separated', () => {
  assert.deepEqual(envEndpoints({}), []);
  assert.throws(() => envEndpoints({ KEDU_WEBHOOK_URL: 'http://a.example/x' }), /KEDU_WEBHOOK_SECRET/);
  assert.deepEqual(
    envEndpoints({ KEDU_WEBHOOK_URL: 'http://a.example/x, http://b.example/y', KEDU_WEBHOOK_SECRET: 's' }).map((e) => [e.id, e.url]),
    [
      ['env:0', 'http://a.example/x'],
      ['env:1', 'http://b.example/y'],
    ],
  );
});

test('an assignment is delivered signed; two failures are retried with backoff and the third attempt succeeds', async () => {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: { cookie: cookies.admin },
    payload: { url, secret: SECRET },
  });
  assert.equal(created.statusCode, 201, created.body);
  // Without a choice, a receiver hears every event (the in-app notifications' among them).
  assert.deepEqual(created.json().events, [...WEBHOOK_EVENTS]);
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { cookie: cookies.fy_sup }, payload: { url } })).statusCode,
    403,
  );

  await insertClue(store, { id: 'CL-W-1', status: 'triaged', agencyId: null });
  const assign = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-W-1/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF' },
  });
  assert.equal(assign.statusCode, 200, assign.body);
  const [row] = await store.query<{ id: string; next_at: string; status: string }>(`SELECT id, next_at, status FROM webhook_deliveries`);
  assert.equal(row.status, 'pending');
  const t0 = new Date(row.next_at);

  const first = await deliverDue(store, { now: t0 });
  assert.deepEqual(
    first.map((o) => [o.ok, o.status, o.attempts, o.final]),
    [[false, 500, 1, false]],
  );
  assert.deepEqual(await deliverDue(store, { now: at(t0, 29) }), [], 'not due before 30 s');
  const second = await deliverDue(store, { now: at(t0, 30) });
  assert.deepEqual(
    second.map((o) => [o.ok, o.status, o.attempts]),
    [[false, 500, 2]],
  );
  assert.deepEqual(await deliverDue(store, { now: at(t0, 30 + 59) }), [], 'not due before a further 60 s');
  const third = await deliverDue(store, { now: at(t0, 90) });
  assert.deepEqual(
    third.map((o) => [o.ok, o.status, o.attempts, o.final]),
    [[true, 200, 3, true]],
  );
  assert.deepEqual(await deliverDue(store, { now: at(t0, 10_000) }), [], 'delivered once');

  assert.equal(received.length, 3);
  for (const r of received) {
    assert.equal(r.headers['content-type'], 'application/json');
    assert.equal(r.headers['x-kedu-event'], 'clue.assigned');
    assert.equal(r.headers['x-kedu-delivery'], row.id);
    assert.ok(verifySignature(SECRET, String(r.headers['x-kedu-timestamp']), r.body, String(r.headers['x-kedu-signature'])));
    assert.ok(!verifySignature('wrong-secret', String(r.headers['x-kedu-timestamp']), r.body, String(r.headers['x-kedu-signature'])));
  }
  assert.equal(new Set(received.map((r) => r.body)).size, 1, 'the same body on every attempt');
  const body = JSON.parse(received[0].body);
  assert.equal(body.event, 'clue.assigned');
  assert.equal(body.data.clue.id, 'CL-W-1');
  assert.equal(body.data.clue.agencyId, 'AG-FY-ZHZF');
  assert.equal(body.data.clue.status, 'assigned');
  const [done] = await store.query<{ status: string; attempts: number; last_status: number }>(
    `SELECT status, attempts, last_status FROM webhook_deliveries WHERE id = $1`,
    [row.id],
  );
  assert.deepEqual(
    { ...done, attempts: Number(done.attempts), last_status: Number(done.last_status) },
    { status: 'delivered', attempts: 3, last_status: 200 },
  );
  const [audit] = await store.query(`SELECT target FROM audit_log WHERE action = 'webhook.delivered' AND target = $1`, [row.id]);
  assert.ok(audit);
});

test('a closure is announced too; the environment receiver gets its own delivery', async () => {
  received = [];
  failFirst = 0;
  process.env.KEDU_WEBHOOK_URL = url;
  process.env.KEDU_WEBHOOK_SECRET = 'env-secret-abcdefghijklmnop';
  try {
    await insertClue(store, { id: 'CL-W-2', status: 'submitted' });
    await insertAttachment(store, 'CL-W-2');
    const close = await app.inject({
      method: 'POST',
      url: '/api/v1/clues/CL-W-2/transitions',
      headers: { cookie: cookies.fy_sup },
      payload: { action: 'close' },
    });
    assert.equal(close.statusCode, 200, close.body);
    const out = await deliverDue(store, { now: new Date(Date.now() + 1000) });
    assert.equal(out.length, 2);
    assert.ok(out.every((o) => o.ok));
    const secrets = received.map((r) =>
      [SECRET, process.env.KEDU_WEBHOOK_SECRET!].find((s) =>
        verifySignature(s, String(r.headers['x-kedu-timestamp']), r.body, String(r.headers['x-kedu-signature'])),
      ),
    );
    assert.deepEqual(secrets.sort(), [process.env.KEDU_WEBHOOK_SECRET, SECRET].sort());
    assert.ok(received.every((r) => JSON.parse(r.body).event === 'clue.closed'));
  } finally {
    delete process.env.KEDU_WEBHOOK_URL;
    delete process.env.KEDU_WEBHOOK_SECRET;
  }
});

test('a change that rolls back sends nothing; transitions without a webhook send nothing', async () => {
  const before = (await store.query<{ n: number }>('SELECT count(*) AS n FROM webhook_deliveries'))[0].n;
  await insertClue(store, { id: 'CL-W-3', status: 'new', agencyId: null });
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-W-3/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'assign', agencyId: 'AG-NONE' },
  });
  assert.equal(bad.statusCode, 400);
  await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-W-3/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'triage' },
  });
  const after = (await store.query<{ n: number }>('SELECT count(*) AS n FROM webhook_deliveries'))[0].n;
  assert.equal(Number(after), Number(before));
});

test('a delivery whose worker died mid-flight is picked up again after the lease', async () => {
  received = [];
  failFirst = 0;
  await insertClue(store, { id: 'CL-W-4', status: 'new', agencyId: null });
  await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-W-4/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF' },
  });
  const [row] = await store.query<{ id: string; next_at: string }>(`SELECT id, next_at FROM webhook_deliveries WHERE status = 'pending'`);
  const t0 = new Date(row.next_at);
  // What a claim does, with the worker then crashing before it records anything:
  const lease = at(t0, CLUE_SETTINGS.webhook.leaseSeconds).toISOString();
  await store.exec(`UPDATE webhook_deliveries SET next_at = $1 WHERE id = $2`, [lease, row.id]);
  assert.deepEqual(await deliverDue(store, { now: at(t0, 60) }), []);
  const out = await deliverDue(store, { now: at(t0, CLUE_SETTINGS.webhook.leaseSeconds) });
  assert.deepEqual(
    out.map((o) => [o.id, o.ok]),
    [[row.id, true]],
  );
});

test('after the last attempt a delivery is marked failed and audited; a disabled receiver fails at once', async () => {
  received = [];
  failFirst = 1_000;
  await insertClue(store, { id: 'CL-W-5', status: 'new', agencyId: null });
  await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-W-5/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF' },
  });
  const [row] = await store.query<{ id: string; next_at: string }>(`SELECT id, next_at FROM webhook_deliveries WHERE status = 'pending'`);
  await store.exec(`UPDATE webhook_deliveries SET attempts = $1 WHERE id = $2`, [CLUE_SETTINGS.webhook.maxAttempts - 1, row.id]);
  const out = await deliverDue(store, { now: new Date(row.next_at) });
  assert.deepEqual(
    out.map((o) => [o.ok, o.final, o.attempts]),
    [[false, true, CLUE_SETTINGS.webhook.maxAttempts]],
  );
  const [failed] = await store.query<{ status: string }>('SELECT status FROM webhook_deliveries WHERE id = $1', [row.id]);
  assert.equal(failed.status, 'failed');
  assert.ok((await store.query(`SELECT 1 AS x FROM audit_log WHERE action = 'webhook.failed' AND target = $1`, [row.id])).length);

  const list = (await app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: { cookie: cookies.admin } })).json();
  const id = list.endpoints[0].id;
  assert.equal('secret' in list.endpoints[0], false);
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${id}`, headers: { cookie: cookies.admin } })).statusCode, 200);
  await insertClue(store, { id: 'CL-W-6', status: 'new', agencyId: null });
  await store.exec(
    `INSERT INTO webhook_deliveries (id, region_code, endpoint, url, event, payload, status, attempts, next_at, created_at)
    VALUES ('WH-orphan', '330111', $1, $2, 'clue.assigned', '{}', 'pending', 0, $3, $3)`,
    [id, url, new Date().toISOString()],
  );
  const orphan = await deliverDue(store, { now: new Date(Date.now() + 1000) });
  assert.deepEqual(
    orphan.map((o) => [o.id, o.ok, o.final]),
    [['WH-orphan', false, true]],
  );
  const deliveries = (
    await app.inject({ method: 'GET', url: '/api/v1/webhooks/deliveries?status=failed', headers: { cookie: cookies.admin } })
  ).json().rows;
  assert.deepEqual(deliveries.map((d: { id: string }) => d.id).sort(), [row.id, 'WH-orphan'].sort());
});

test('the worker loop the server starts delivers on its own', async () => {
  received = [];
  failFirst = 0;
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: { cookie: cookies.admin },
    payload: { url, secret: SECRET, events: ['clue.assigned'] },
  });
  assert.equal(created.statusCode, 201);
  await insertClue(store, { id: 'CL-W-7', status: 'new', agencyId: null });
  await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-W-7/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF' },
  });
  const worker = startWebhookWorker(store, { intervalMs: 20 });
  try {
    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await worker.stop();
  }
  assert.equal(received.length, 1);
  assert.equal(JSON.parse(received[0].body).data.clue.id, 'CL-W-7');
});

test('a receiver on loopback, link-local, private, shared or metadata addresses is refused when configured', async () => {
  delete process.env.KEDU_WEBHOOK_ALLOW;
  try {
    for (const target of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0.0.0.0/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.100.100.200/latest/meta-data/',
      'http://10.1.2.3/hook',
      'http://172.16.0.5/hook',
      'http://192.168.1.10/hook',
      'http://[fd00:ec2::254]/hook',
      'http://2130706433/hook',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { cookie: cookies.admin },
        payload: { url: target },
      });
      assert.equal(res.statusCode, 400, `${target}: ${res.body}`);
      assert.match(res.json().error.message, /受限网段/, target);
    }
    const ftp = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { cookie: cookies.admin },
      payload: { url: 'ftp://x.example/' },
    });
    assert.equal(ftp.statusCode, 400);
    // A public address may be configured (nothing is sent when configuring).
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { cookie: cookies.admin },
      payload: { url: 'https://1.2.4.8/hook' },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    await store.exec(`UPDATE webhook_endpoints SET active = FALSE WHERE url = 'https://1.2.4.8/hook'`);
    // Documentation ranges are not routed either.
    const doc = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { cookie: cookies.admin },
      payload: { url: 'https://203.0.113.7/hook' },
    });
    assert.equal(doc.statusCode, 400);
  } finally {
    process.env.KEDU_WEBHOOK_ALLOW = ALLOW_TEST_RECEIVER;
  }
});

test('a delivery to a restricted address is refused at delivery time, also when a name resolves to it then', async () => {
  received = [];
  failFirst = 0;
  const port = (server.address() as AddressInfo).port;
  // Receivers that got into the table without the configuration check (or whose name now resolves elsewhere).
  const now = new Date();
  for (const [id, target] of [
    ['WE-literal', `http://127.0.0.1:${port}/kedu-hook`],
    ['WE-name', `http://localhost:${port}/kedu-hook`],
  ]) {
    await store.exec(
      `INSERT INTO webhook_endpoints (id, region_code, url, secret, events, active, created_by, created_at) VALUES ($1, '330000', $2, 's3cret-s3cret-s3cret', 'clue.assigned', TRUE, 'test', $3)`,
      [id, target, now.toISOString()],
    );
    await store.exec(
      `INSERT INTO webhook_deliveries (id, region_code, endpoint, url, event, payload, status, attempts, next_at, created_at)
       VALUES ($1, '330111', $2, $3, 'clue.assigned', '{}', 'pending', 0, $4, $4)`,
      [`WH-${id}`, id, target, now.toISOString()],
    );
  }
  delete process.env.KEDU_WEBHOOK_ALLOW;
  try {
    const out = await deliverDue(store, { now: new Date(now.getTime() + 1000) });
    const mine = out.filter((o) => o.id.startsWith('WH-WE-'));
    assert.equal(mine.length, 2);
    for (const o of mine) {
      assert.equal(o.ok, false);
      assert.match(o.error ?? '', /受限网段/);
    }
    assert.equal(received.length, 0, 'the receiver got nothing');
  } finally {
    process.env.KEDU_WEBHOOK_ALLOW = ALLOW_TEST_RECEIVER;
    await store.exec(`UPDATE webhook_endpoints SET active = FALSE WHERE id IN ('WE-literal', 'WE-name')`);
  }
});
