import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { insertClue, login, quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { escalateOverdue, homeLevel, targetLevel } from '../src/clues/escalation.ts';
import { fixedClock } from '../src/clues/clock.ts';
import { CLUE_SETTINGS } from '../src/clues/settings.ts';
import { addDays } from '../src/domain/dates.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

const DEADLINE = '2025-06-10';
/** 10:00 in Hangzhou on a business date. */
const on = (date: string) => fixedClock(`${date}T10:00:00+08:00`);
const STEP = CLUE_SETTINGS.escalation.stepDays;

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'hz_sup', 'supervisor', '330100');
  await addUser(store, 'zj_sup', 'supervisor', '330000');
  app = await buildApp({ store, checkResponses: true });
  for (const u of ['fy_sup', 'hz_sup', 'zj_sup']) cookies[u] = await login(app, u);
  await insertClue(store, { id: 'CL-E-COUNTY', status: 'rectifying', deadline: DEADLINE });
  await insertClue(store, { id: 'CL-E-MEMBER', status: 'rectifying', deadline: DEADLINE, caseId: 'CL-E-COUNTY' });
  await store.exec(`UPDATE clues SET case_id = 'CL-E-COUNTY' WHERE id = 'CL-E-COUNTY'`);
  await insertClue(store, { id: 'CL-E-CITY', status: 'assigned', deadline: DEADLINE, regionCode: '330100', agencyId: null });
  await insertClue(store, { id: 'CL-E-PROV', status: 'assigned', deadline: DEADLINE, regionCode: '330000', agencyId: null });
  await insertClue(store, { id: 'CL-E-SUBMITTED', status: 'submitted', deadline: DEADLINE });
  await insertClue(store, { id: 'CL-E-TOWNSHIP', status: 'returned', deadline: DEADLINE, regionCode: '330111001' });
});
after(async () => {
  await app.close();
  await t.close();
});

test('the level a clue starts at and the level it should reach on a day', () => {
  assert.equal(homeLevel('330111001'), 'county');
  assert.equal(homeLevel('330100'), 'city');
  assert.equal(targetLevel('330111', DEADLINE, DEADLINE), null);
  assert.equal(targetLevel('330111', DEADLINE, '2025-06-11'), 'city');
  assert.equal(targetLevel('330111', DEADLINE, addDays('2025-06-11', STEP - 1)), 'city');
  assert.equal(targetLevel('330111', DEADLINE, addDays('2025-06-11', STEP)), 'province');
  assert.equal(targetLevel('330100', DEADLINE, '2025-06-11'), 'province');
  assert.equal(targetLevel('330000', DEADLINE, '2026-01-01'), null);
});

const levels = async () =>
  Object.fromEntries(
    (
      await store.query<{ id: string; escalation_level: string | null }>(
        `SELECT id, escalation_level FROM clues WHERE id LIKE 'CL-E-%' ORDER BY id`,
      )
    ).map((r) => [r.id, r.escalation_level]),
  );

const escalated = async (user: string) =>
  (await app.inject({ method: 'GET', url: '/api/v1/clues?escalated=true&pageSize=100', headers: { cookie: cookies[user] } }))
    .json()
    .rows.map((r: { id: string }) => r.id)
    .sort();

test('on the deadline nothing escalates', async () => {
  assert.deepEqual(await escalateOverdue(store, on(DEADLINE)), []);
  assert.deepEqual(Object.values(await levels()).filter(Boolean), []);
});

test('the day after, county clues rise to the city and city clues to the province; a case carries its members; submitted and province clues stay', async () => {
  const done = await escalateOverdue(store, on('2025-06-11'));
  assert.deepEqual(
    done.map((e) => [e.clueId, e.to]),
    [
      ['CL-E-CITY', 'province'],
      ['CL-E-COUNTY', 'city'],
      ['CL-E-TOWNSHIP', 'city'],
    ],
  );
  assert.deepEqual(done.find((e) => e.clueId === 'CL-E-COUNTY')!.members, ['CL-E-MEMBER']);
  assert.deepEqual(await levels(), {
    'CL-E-CITY': 'province',
    'CL-E-COUNTY': 'city',
    'CL-E-MEMBER': 'city',
    'CL-E-PROV': null,
    'CL-E-SUBMITTED': null,
    'CL-E-TOWNSHIP': 'city',
  });
  const [ev] = await store.query<{ actor_user_id: string; comment: string; detail: string }>(
    `SELECT actor_user_id, comment, detail FROM clue_events WHERE clue_id = 'CL-E-COUNTY' AND action = 'escalate'`,
  );
  assert.equal(ev.actor_user_id, 'system');
  assert.equal(ev.comment, `整改期限 ${DEADLINE} 已过，逾期升级至市级监督`);
  assert.deepEqual(JSON.parse(ev.detail), { from: null, to: 'city', deadline: DEADLINE });
  const audit = await store.query<{ target: string }>(`SELECT target FROM audit_log WHERE action = 'clue.escalate' ORDER BY target`);
  assert.deepEqual(
    audit.map((a) => a.target),
    ['CL-E-CITY', 'CL-E-COUNTY', 'CL-E-MEMBER', 'CL-E-TOWNSHIP'],
  );
});

test('the city supervisors see the escalated clues in their list; the province sees only what reached it', async () => {
  assert.deepEqual(await escalated('hz_sup'), ['CL-E-CITY', 'CL-E-COUNTY', 'CL-E-MEMBER', 'CL-E-TOWNSHIP']);
  assert.deepEqual(await escalated('zj_sup'), ['CL-E-CITY']);
  const stats = (await app.inject({ method: 'GET', url: '/api/v1/clues/stats', headers: { cookie: cookies.zj_sup } })).json();
  assert.equal(stats.escalatedToMe, 1);
  const row = (await app.inject({ method: 'GET', url: '/api/v1/clues?escalated=true', headers: { cookie: cookies.hz_sup } }))
    .json()
    .rows.find((r: { id: string }) => r.id === 'CL-E-COUNTY');
  assert.equal(row.escalationLabel, '市级督办');
  assert.equal(row.overdue, true);
});

test('running again the same day raises nothing twice', async () => {
  assert.deepEqual(await escalateOverdue(store, on('2025-06-11')), []);
  assert.deepEqual(await escalateOverdue(store, on(addDays('2025-06-11', STEP - 1))), []);
  const [{ n }] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM clue_events WHERE action = 'escalate'`);
  assert.equal(Number(n), 4);
});

test(`still overdue ${STEP} days later, county clues rise to the province`, async () => {
  const done = await escalateOverdue(store, on(addDays('2025-06-11', STEP)));
  assert.deepEqual(
    done.map((e) => [e.clueId, e.from, e.to]),
    [
      ['CL-E-COUNTY', 'city', 'province'],
      ['CL-E-TOWNSHIP', 'city', 'province'],
    ],
  );
  assert.deepEqual(await escalated('zj_sup'), ['CL-E-CITY', 'CL-E-COUNTY', 'CL-E-MEMBER', 'CL-E-TOWNSHIP']);
  const detail = (await app.inject({ method: 'GET', url: '/api/v1/clues/CL-E-COUNTY', headers: { cookie: cookies.fy_sup } })).json();
  assert.deepEqual(
    detail.timeline.filter((e: { action: string }) => e.action === 'escalate').map((e: { detail: { to: string } }) => e.detail.to),
    ['city', 'province'],
  );
  assert.equal((await verifyAuditLog(store)).ok, true);
});

test('a clue reassigned with a new deadline starts a new count', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-E-CITY/transitions',
    headers: { cookie: cookies.hz_sup },
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF', comment: '改由富阳区综合执法局办理' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().clue.escalationLevel, null);
  assert.deepEqual(await escalated('zj_sup'), ['CL-E-COUNTY', 'CL-E-MEMBER', 'CL-E-TOWNSHIP']);
});
