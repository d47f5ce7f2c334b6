import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';
import { loadReference } from '../src/catalog/load-reference.ts';

const t = await openTestStore();
let app: FastifyInstance;
const cookies: Record<string, string> = {};

before(async () => {
  await loadReference(t.store);
  await addUser(t.store, 'fy_sup', 'supervisor', '330111');
  await addUser(t.store, 'nb_sup', 'supervisor', '330200');
  app = await buildApp({ store: t.store, checkResponses: true });
  for (const u of ['fy_sup', 'nb_sup']) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: PASSWORD } });
    cookies[u] = `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`;
  }
});
after(async () => {
  await app.close();
  await t.close();
});

const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user] } });

test('a regulation is served article by article, verbatim', async () => {
  const res = await get('fy_sup', '/api/v1/catalog/regulations/xingzheng-chufa-fa');
  assert.equal(res.statusCode, 200);
  const a33 = res.json().articles.find((a: { number: number }) => a.number === 33);
  assert.equal(a33.label, '第三十三条');
  assert.ok(a33.text.startsWith('违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。'));
  assert.equal((await get('fy_sup', '/api/v1/catalog/regulations/no-such-law')).statusCode, 404);
});

test("a Hangzhou county sees the province's baselines and Hangzhou's refinements; Ningbo sees no Hangzhou ones", async () => {
  const fy = (await get('fy_sup', '/api/v1/catalog/baselines?item=CLE-P022')).json().rows;
  assert.deepEqual(fy.map((b: { region_code: string }) => b.region_code).sort(), ['330000', '330100']);
  assert.ok(fy.every((b: { tiers: unknown[] }) => b.tiers.length >= 3));
  const nb = (await get('nb_sup', '/api/v1/catalog/baselines?item=CLE-P022')).json().rows;
  assert.deepEqual(
    nb.map((b: { region_code: string }) => b.region_code),
    ['330000'],
  );
});

test('the exemption list cites 行政处罚法 第三十三条 with its text', async () => {
  const rows = (await get('fy_sup', '/api/v1/catalog/exemptions')).json().rows;
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.equal(r.basis_regulation_id, 'xingzheng-chufa-fa');
    assert.match(r.basis_text, /^违法行为轻微并及时改正/);
  }
});

test('the region list holds the real GB/T 2260 tree and an unknown table is refused', async () => {
  const regions = (await get('fy_sup', '/api/v1/catalog/regions')).json().rows;
  assert.equal(regions.length, 102);
  assert.ok(regions.some((r: { code: string; name: string }) => r.code === '330111' && r.name === '富阳区'));
  // One route per table, each with its own row schema: a table that is not one is simply not there.
  assert.equal((await get('fy_sup', '/api/v1/catalog/secrets')).statusCode, 404);
});
