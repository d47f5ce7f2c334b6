// 案卷评查 on the demo data: the sample is a function of the stored seed (the same seed, the same files),
// per agency and from closed cases only; reviewers score against the checklist with Chinese errors
// naming the item; a serious defect raises a clue on the loop; the mean per agency feeds the 案卷评查得分
// indicator; the checklist is data an admin edits, and a past score keeps the items it was given on.
// Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDemoStore } from './helpers/demo-store.ts';
import { addUser } from './helpers/fixtures.ts';
import { login, quietEnvironment } from './helpers/clues.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { buildApp } from '../src/api/app.ts';
import { sampleCases } from '../src/evaluation/reviews.ts';
import { indicatorValues } from '../src/evaluation/scorecard.ts';
import { findIndicator } from '../src/evaluation/indicators/index.ts';
import { periodContaining } from '../src/evaluation/period.ts';
import { businessDate } from '../src/domain/dates.ts';

quietEnvironment();
const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

before(async () => {
  for (const [u, role, region, agency] of [
    ['fy_sup', 'supervisor', '330111', null],
    ['fy_teyao', 'invited_supervisor', '330111', null],
    ['xh_sup', 'supervisor', '330106', null],
    ['fy_staff', 'agency_staff', '330111', 'AG-330111-MKT'],
    ['admin', 'admin', '330000', null],
  ] as const)
    ids[u] = (await addUser(store, u, role, region, agency)).userId;
  app = await buildApp({ store, asOf: DEMO_AS_OF });
  for (const u of Object.keys(ids)) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
});

const call = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[user] }, payload });
const SAMPLE = { regionCode: '330111', decidedFrom: '2025-01-01', decidedTo: '2025-12-31', perAgency: 2 };

test('the sample: at most n closed cases per agency decided in the range, the same for the same seed, another for another', async () => {
  const a = await sampleCases(store, { ...SAMPLE, seed: 'seed-a' });
  const again = await sampleCases(store, { ...SAMPLE, seed: 'seed-a' });
  const b = await sampleCases(store, { ...SAMPLE, seed: 'seed-b' });
  assert.ok(a.length > 4);
  assert.deepEqual(again, a);
  assert.notDeepEqual(
    b.map((r) => r.case_id),
    a.map((r) => r.case_id),
  );
  const perAgency = new Map<string, number>();
  for (const r of a) perAgency.set(r.agency_id, (perAgency.get(r.agency_id) ?? 0) + 1);
  assert.ok([...perAgency.values()].every((n) => n <= 2));
  const cases = await store.query<{ id: string; status: string; decided_on: string; region_code: string }>(
    `SELECT id, status, decided_on, region_code FROM cases WHERE id IN (${a.map((r) => `'${r.case_id}'`).join(',')})`,
  );
  assert.ok(cases.every((c) => c.status === 'closed' && c.decided_on >= '2025-01-01' && c.region_code.startsWith('330111')));
  // Every agency of the county with a closed case in the range is sampled.
  const [{ n }] = await store.query<{ n: number }>(
    "SELECT count(DISTINCT agency_id) AS n FROM cases WHERE region_code LIKE '330111%' AND status = 'closed' AND decided_on BETWEEN '2025-01-01' AND '2025-12-31'",
  );
  assert.equal(perAgency.size, Number(n));
});

test('a round drawn, scored by its reviewers; a serious defect raises a clue; the agency means feed the indicator', async () => {
  const draw = await call('fy_sup', 'POST', '/reviews/rounds', {
    ...SAMPLE,
    name: '2025年度案卷评查',
    reviewers: [ids.fy_sup, ids.fy_teyao],
    seed: 'fixed-seed',
  });
  assert.equal(draw.statusCode, 201, draw.body);
  const round = draw.json();
  assert.equal(round.seed, 'fixed-seed');
  const expected = await sampleCases(store, { ...SAMPLE, seed: 'fixed-seed' });
  const detail = (await call('fy_sup', 'GET', `/reviews/rounds/${round.id}`)).json();
  assert.deepEqual(detail.files.map((f: { case_id: string }) => f.case_id).sort(), expected.map((r) => r.case_id).sort());
  const [audit] = await store.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'review.draw'");
  assert.equal(JSON.parse(audit.detail).seed, 'fixed-seed');
  assert.equal((await call('xh_sup', 'GET', `/reviews/rounds/${round.id}`)).statusCode, 403);
  assert.equal((await call('fy_staff', 'GET', '/reviews/rounds')).statusCode, 403);

  const mine = detail.files.filter((f: { reviewer_id: string }) => f.reviewer_id === ids.fy_sup);
  const theirs = detail.files.filter((f: { reviewer_id: string }) => f.reviewer_id === ids.fy_teyao);
  assert.ok(mine.length >= 2 && theirs.length >= 1);
  const file = (await call('fy_sup', 'GET', `/reviews/files/${mine[0].id}`)).json();
  assert.equal(file.case.id, mine[0].case_id);
  const items = file.checklist as { code: string; points: number; serious: boolean; name: string }[];
  assert.equal(
    items.reduce((s, i) => s + i.points, 0),
    100,
  );
  const full = items.map((i) => ({ code: i.code, points: i.points }));

  const tooMany = await call('fy_sup', 'POST', `/reviews/files/${mine[0].id}/score`, {
    items: full.map((i, k) => (k === 3 ? { ...i, points: i.points + 1 } : i)),
  });
  assert.equal(tooMany.statusCode, 400);
  assert.equal(tooMany.json().error.field, 'items[3].points');
  assert.match(tooMany.json().error.message, /得分应在0至/);
  const missing = await call('fy_sup', 'POST', `/reviews/files/${mine[0].id}/score`, { items: full.slice(1) });
  assert.equal(missing.json().error.field, 'items');
  assert.equal((await call('fy_teyao', 'POST', `/reviews/files/${mine[0].id}/score`, { items: full })).statusCode, 403);

  const ok = await call('fy_sup', 'POST', `/reviews/files/${mine[0].id}/score`, { items: full });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { id: mine[0].id, score: 100, seriousDefect: false, clueId: null });
  assert.equal((await call('fy_sup', 'POST', `/reviews/files/${mine[0].id}/score`, { items: full })).statusCode, 409);

  // A serious item (事实不清) scored 0, another item half: 100 − 10 − 2 = 88, and a clue for the agency.
  const facts = items.find((i) => i.serious && i.points === 10)!;
  const half = items.find((i) => !i.serious && i.points === 4)!;
  const defect = full.map((i) =>
    i.code === facts.code ? { code: i.code, points: 0, note: '违法事实认定缺少现场笔录' } : i.code === half.code ? { ...i, points: 2 } : i,
  );
  const bad = await call('fy_sup', 'POST', `/reviews/files/${mine[1].id}/score`, { items: defect, summary: '事实认定证据不足' });
  assert.equal(bad.statusCode, 200, bad.body);
  const result = bad.json();
  assert.equal(result.score, 88);
  assert.equal(result.seriousDefect, true);
  const [clue] = await store.query<{ source: string; agency_id: string; severity: string; explanation: string; status: string }>(
    `SELECT source, agency_id, severity, explanation, status FROM clues WHERE id = '${result.clueId}'`,
  );
  assert.equal(clue.source, 'case_review');
  assert.equal(clue.agency_id, mine[1].agency_id);
  assert.equal(clue.severity, 'high');
  assert.equal(clue.status, 'new');
  assert.match(clue.explanation, /违法事实认定缺少现场笔录/);
  const listed = (await call('fy_sup', 'GET', '/clues?source=case_review')).json();
  assert.ok(listed.rows.some((r: { id: string; sourceLabel: string }) => r.id === result.clueId && r.sourceLabel === '案卷评查'));

  const after = (await call('fy_sup', 'GET', `/reviews/rounds/${round.id}`)).json();
  const agency = after.agencies.find((a: { agencyId: string }) => a.agencyId === mine[1].agency_id);
  assert.equal(agency.serious, 1);
  const period = periodContaining('quarter', businessDate(new Date()));
  const values = await indicatorValues(store, findIndicator('CASE_REVIEW_SCORE')!, 'agency', {
    regionCode: '330111',
    period,
    asOf: period.to,
  });
  const scored = [mine[0], mine[1]];
  const byAgency = new Map<string, number[]>();
  for (const [i, f] of scored.entries()) byAgency.set(f.agency_id, [...(byAgency.get(f.agency_id) ?? []), i === 0 ? 100 : 88]);
  for (const [agencyId, scores] of byAgency) {
    const v = values.get(agencyId)!;
    assert.equal(v.num / v.den, scores.reduce((s, x) => s + x, 0) / scores.length);
  }
});

test('the checklist is data an admin edits (audited, validated); a file scored before keeps the items it was scored on', async () => {
  const before = (await call('fy_sup', 'GET', '/reviews/checklist')).json().rows.length;
  const res = await call('admin', 'PUT', '/reviews/checklist/D3', {
    section: 'documents',
    name: '案卷装订规范、目录完整',
    points: 2,
    serious: false,
    sort: 155,
    active: true,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().rows.length, before + 1);
  assert.equal(
    (
      await call('fy_sup', 'PUT', '/reviews/checklist/D4', {
        section: 'documents',
        name: '案卷装订规范',
        points: 2,
        serious: false,
        sort: 1,
        active: true,
      })
    ).statusCode,
    403,
  );
  const bad = await call('admin', 'PUT', '/reviews/checklist/D4', {
    section: 'nope',
    name: '案卷装订规范',
    points: 2,
    serious: false,
    sort: 1,
    active: true,
  });
  assert.equal(bad.json().error.field, 'section');
  const [scored] = await store.query<{ file_id: string; n: number }>(
    'SELECT file_id, count(*) AS n FROM review_scores GROUP BY file_id ORDER BY file_id LIMIT 1',
  );
  assert.equal(Number(scored.n), before);
  const [audit] = await store.query<{ target: string }>("SELECT target FROM audit_log WHERE action = 'review.checklist'");
  assert.equal(audit.target, 'D3');
});
