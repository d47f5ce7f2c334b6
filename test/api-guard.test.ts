// The login guard as an attacker tries it: every spelling of a path that reaches an API route gets
// the route's own guard, and an anonymous body or upload is refused before it is read or parsed.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';

// The methods light-my-request injects (the version Node 20 installs names them apart from fastify's).
type Method = NonNullable<InjectOptions['method']>;

const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'hz_invited', 'invited_supervisor', '330100');
  app = await buildApp({ store });
  await app.ready();
});
after(async () => {
  await app.close();
  await t.close();
});

interface Operation {
  method: Method;
  path: string;
}

/** Every operation of the OpenAPI document that does not declare itself public (security: []). */
function protectedOperations(): Operation[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (Array.isArray(op.security) && op.security.length === 0) continue;
      ops.push({ method: method.toUpperCase() as Method, path: path.replace(/\{[^}]+\}/g, 'x1') });
    }
  }
  return ops;
}

/** Spellings of one API path that a router may take for the same route. */
function spellings(path: string): string[] {
  const rest = path.slice('/api/v1'.length);
  return [
    path,
    `/%61pi/v1${rest}`,
    `/api/%76%31${rest}`,
    `/%61%70%69/v1${rest}`,
    `/api/v1${rest.replace(/^\/(.)/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`)}`,
    `//api/v1${rest}`,
    `/api//v1${rest}`,
    `/api/v1/../v1${rest}`,
    `/api/./v1${rest}`,
    `/API/v1${rest}`,
    `/Api/V1${rest}`,
    `/api/v1${rest}.`,
    `/api/v1${rest}/`,
    `/api/v1${rest}?a=1`,
    `/api/v1${rest};x`,
  ];
}

test('every protected route answers 401 to an anonymous caller, whatever the spelling of its path', async () => {
  const ops = protectedOperations();
  assert.ok(ops.length > 40, `only ${ops.length} protected operations found`);
  const leaks: string[] = [];
  for (const op of ops) {
    for (const url of spellings(op.path)) {
      const res = await app.inject({ method: op.method, url, payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      // 401 from the guard, or 404 where the spelling reaches no route; nothing else.
      if (res.statusCode !== 401 && res.statusCode !== 404) leaks.push(`${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
    }
  }
  assert.deepEqual(leaks, []);
});

test('the encoded path of a known hole answers 401, not the data', async () => {
  for (const url of ['/%61pi/v1/catalog/regions', '/%61pi/v1/clues', '/%61pi/v1/records/inspections', '/%61pi/v1/auth/me']) {
    const res = await app.inject({ method: 'GET', url });
    assert.ok(res.statusCode === 401 || res.statusCode === 404, `${url} → ${res.statusCode}`);
    assert.doesNotMatch(res.body, /INS-FY-1|富阳区综合行政执法局/);
  }
});

test('an anonymous JSON body is refused before it is parsed (41 MB of broken JSON gets 401, not 400)', async () => {
  const body = '{"sourceSystem":"x","records":[' + '{"a":1},'.repeat(5_500_000) + 'BROKEN';
  assert.ok(body.length > 41 * 1024 * 1024);
  for (const url of ['/api/v1/ingest/inspections', '/%61pi/v1/ingest/inspections']) {
    const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: body });
    assert.equal(res.statusCode, 401, `${url}: ${res.body.slice(0, 200)}`);
  }
});

const boundary = '----kedu-guard-test';
const upload =
  `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ninspections\r\n` +
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n` +
  'x'.repeat(8 * 1024 * 1024) +
  `\r\n--${boundary}--\r\n`;
const uploadDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`kedu-upload-${process.pid}-`));

test('an anonymous upload is refused before any byte lands in a temporary folder', async () => {
  const before = uploadDirs();
  const payload = upload;
  for (const url of ['/api/v1/imports', '/%61pi/v1/imports', '/api/v1/clues/x1/attachments', '/%61pi/v1/clues/x1/attachments']) {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    assert.equal(res.statusCode, 401, `${url}: ${res.body.slice(0, 200)}`);
  }
  assert.deepEqual(uploadDirs(), before, 'an anonymous upload made a temporary folder');
});

test('a role that may not import is refused before its upload is read', async () => {
  const before = uploadDirs();
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hz_invited', password: PASSWORD } });
  const cookie = `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`;
  const up = await app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: upload,
  });
  assert.equal(up.statusCode, 403, up.body.slice(0, 200));
  assert.match(up.json().error.message, /特邀监督员账号不能导入数据/);
  assert.deepEqual(uploadDirs(), before);
});

test('public routes keep small body limits: a 1 MB login or portal report gets 413', async () => {
  const big = 'x'.repeat(1024 * 1024);
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fy_sup', password: big } });
  assert.equal(login.statusCode, 413, login.body.slice(0, 200));
  const report = await app.inject({
    method: 'POST',
    url: '/api/v1/portal/reports',
    payload: { formToken: 'x', regionCode: '330111', content: big },
  });
  assert.equal(report.statusCode, 413, report.body.slice(0, 200));
});
