// What every answer carries and what the server writes about it: security headers, Secure cookies and
// HSTS only behind TLS (and only when the proxy that says so is trusted), and a request log of JSON
// lines in which a 500's id can be found and nothing personal can.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';

const t = await openTestStore();
const { store } = t;
const apps: FastifyInstance[] = [];
const logLines: Record<string, unknown>[] = [];
let plain: FastifyInstance;
let proxied: FastifyInstance;
let logged: FastifyInstance;

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  plain = await buildApp({ store, trustProxy: false });
  proxied = await buildApp({ store, trustProxy: ['127.0.0.1'] });
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  logged = await buildApp({ store, log: { stream } });
  // A handler that fails the way a bug would: its 500 must be traceable by the id the user sees.
  logged.get('/api/v1/test-failure', { config: { public: true } }, async () => {
    throw new Error('the database went away');
  });
  apps.push(plain, proxied, logged);
});
after(async () => {
  for (const a of apps) await a.close();
  await t.close();
});

const login = (app: FastifyInstance, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'fy_sup', password: PASSWORD },
    headers,
    remoteAddress: '127.0.0.1',
  });

test('answers carry the security headers: CSP, no framing, no referrer, no sniffing; API answers are not cached', async () => {
  const res = await plain.inject({ method: 'GET', url: '/api/v1/portal/regions' });
  const h = res.headers;
  assert.match(String(h['content-security-policy']), /default-src 'self'/);
  assert.match(String(h['content-security-policy']), /script-src 'self'(;|$)/);
  assert.match(String(h['content-security-policy']), /frame-ancestors 'none'/);
  assert.match(String(h['content-security-policy']), /object-src 'none'/);
  assert.equal(h['x-frame-options'], 'DENY');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['cache-control'], 'no-store');
  assert.equal(h['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
});

test('behind a trusted TLS proxy the session cookie is Secure and HSTS is sent', async () => {
  const res = await login(proxied, { 'x-forwarded-proto': 'https' });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'kedu_session')!;
  assert.equal(cookie.secure, true);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
});

test('a client claiming TLS to a server that trusts no proxy gets neither (the header is not believed)', async () => {
  const res = await login(plain, { 'x-forwarded-proto': 'https' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.cookies.find((c) => c.name === 'kedu_session')!.secure, undefined);
  assert.equal(res.headers['strict-transport-security'], undefined);
});

test('a 500 is logged with the id its answer shows, and the request log holds nothing personal', async () => {
  const ok = await login(logged);
  assert.equal(ok.statusCode, 200);
  const cookie = `kedu_session=${ok.cookies.find((c) => c.name === 'kedu_session')!.value}`;
  await logged.inject({ method: 'GET', url: '/api/v1/records/officers?q=张伟&page=1', headers: { cookie } });
  const res = await logged.inject({ method: 'GET', url: '/api/v1/test-failure', headers: { cookie } });
  assert.equal(res.statusCode, 500);
  const body = res.json() as { error: { code: string; message: string; id: string } };
  assert.deepEqual([body.error.code, body.error.message], ['internal', '服务器内部错误']);
  assert.doesNotMatch(res.body, /database went away/, 'the cause stays in the log');
  const failure = logLines.find((l) => l.level === 50 && l.reqId === body.error.id);
  assert.ok(failure, 'the 500 is in the log under the id the user sees');
  assert.match(JSON.stringify(failure), /the database went away/);
  const text = logLines.map((l) => JSON.stringify(l)).join('\n');
  for (const secret of [PASSWORD, 'fy_sup', '张伟', '%E5%BC%A0', 'kedu_session', cookie.slice(14, 40), '127.0.0.1'])
    assert.ok(!text.includes(secret), `the log holds ${secret}`);
  const completed = logLines.find((l) => (l.req as { path?: string } | undefined)?.path === '/api/v1/records/officers');
  assert.ok(completed, 'requests are logged by path');
});
