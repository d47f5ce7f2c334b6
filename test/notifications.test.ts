// In-app notifications: each desk is told what concerns it — the agency of its assignments, returns and
// deadlines; the county's office of submissions and overdue clues; the level a clue rose to of the
// escalation; the issuing office of answers; the liaisons of transfers — nobody else, once per event,
// with the same event by webhook; reads are per user.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { insertAttachment, insertClue, login, quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { escalateOverdue } from '../src/clues/escalation.ts';
import { checkDeadlines } from '../src/clues/deadlines.ts';
import { addDays } from '../src/domain/dates.ts';
import { loadReference } from '../src/catalog/load-reference.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
const USERS = ['fy_sup', 'xh_sup', 'hz_sup', 'zj_sup', 'fy_staff', 'fy_officer', 'xh_staff', 'hz_liaison', 'admin'] as const;
type User = (typeof USERS)[number];

// The server's day, moved by the tests: from 10:00 in Hangzhou, a second further at each reading.
let today = '2025-06-01';
let tick = 0;
const clock = () => new Date(Date.parse(`${today}T10:00:00+08:00`) + ++tick * 1000);

before(async () => {
  await seedTwoCounties(store);
  await loadReference(store); // the articles a notice cites
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'xh_sup', 'supervisor', '330106');
  await addUser(store, 'hz_sup', 'supervisor', '330100');
  await addUser(store, 'zj_sup', 'supervisor', '330000');
  await addUser(store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  await addUser(store, 'fy_officer', 'officer', '330111', 'AG-FY-ZHZF');
  await addUser(store, 'xh_staff', 'agency_staff', '330106', 'AG-XH-SCJG');
  await addUser(store, 'hz_liaison', 'discipline_liaison', '330100');
  await addUser(store, 'admin', 'admin', '330000');
  await store.exec(`INSERT INTO webhook_endpoints (id, region_code, url, secret, events, active, created_by, created_at)
    VALUES ('WE-1', '330000', 'http://127.0.0.1:9/hook', 'secret-secret-secret', 'clue.assigned,clue.returned,clue.submitted,clue.due_soon,clue.overdue,clue.escalated,clue.transferred,notice.answered', TRUE, 'test', '2025-01-01T00:00:00Z')`);
  app = await buildApp({ store, clock });
  for (const u of USERS) cookies[u] = await login(app, u);
  await insertClue(store, { id: 'CL-N-1', status: 'new', deadline: null, severity: 'high' });
  await insertClue(store, { id: 'CL-N-2', status: 'triaged', deadline: null });
});
after(async () => {
  await app.close();
  await t.close();
});

const call = (user: User, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[user] }, ...(payload === undefined ? {} : { payload }) });
const unread = async (user: User) => (await call(user, 'GET', '/notifications/count')).json().unread as number;
const kinds = async (user: User) =>
  ((await call(user, 'GET', '/notifications?pageSize=100')).json().rows as { kind: string; clueId: string | null }[]).map(
    (r) => `${r.kind}:${r.clueId ?? ''}`,
  );
const counts = async () => Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await unread(u)] as const)));
const deliveries = async (event: string) =>
  Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE event = '${event}'`))[0].n);
const act = async (user: User, id: string, body: Record<string, unknown>) => {
  const res = await call(user, 'POST', `/clues/${id}/transitions`, body);
  assert.equal(res.statusCode, 200, res.body);
};

test('an assignment tells the agency, its officers too, and nobody else; the same event goes out by webhook', async () => {
  await act('fy_sup', 'CL-N-1', { action: 'assign', agencyId: 'AG-FY-ZHZF' });
  assert.deepEqual(await counts(), {
    fy_sup: 0,
    xh_sup: 0,
    hz_sup: 0,
    zj_sup: 0,
    fy_staff: 1,
    fy_officer: 1,
    xh_staff: 0,
    hz_liaison: 0,
    admin: 0,
  });
  const [n] = (await call('fy_staff', 'GET', '/notifications')).json().rows;
  assert.equal(n.kind, 'assigned');
  assert.equal(n.kindLabel, '线索交办');
  assert.equal(n.link, '/clues/CL-N-1');
  assert.match(n.title, /已交办你单位/);
  assert.equal(await deliveries('clue.assigned'), 1);
});

test('a submission tells the county office; a return tells the agency; both by webhook', async () => {
  await act('fy_staff', 'CL-N-1', { action: 'accept' });
  const att = await insertAttachment(store, 'CL-N-1');
  await act('fy_staff', 'CL-N-1', { action: 'submit', rectification: '已完成整改并对执法人员进行了培训。', attachmentIds: [att] });
  assert.deepEqual(await kinds('fy_sup'), ['submitted:CL-N-1']);
  assert.equal(await unread('hz_sup'), 0, 'the city is not told of a county step');
  await act('fy_sup', 'CL-N-1', { action: 'return', comment: '整改材料不完整', deadline: '2025-06-05' });
  assert.deepEqual(await kinds('fy_staff'), ['returned:CL-N-1', 'assigned:CL-N-1']);
  assert.equal(await deliveries('clue.submitted'), 1);
  assert.equal(await deliveries('clue.returned'), 1);
});

test('a deadline near, then past: the agency is told each once, the office when it passed', async () => {
  today = '2025-06-03'; // two days before 2025-06-05
  assert.deepEqual(await checkDeadlines(store, clock), { dueSoon: 1, overdue: 0 });
  assert.deepEqual(await checkDeadlines(store, clock), { dueSoon: 0, overdue: 0 }, 'told once');
  assert.ok((await kinds('fy_staff')).includes('due_soon:CL-N-1'));
  today = '2025-06-06';
  assert.deepEqual(await checkDeadlines(store, clock), { dueSoon: 0, overdue: 1 });
  assert.deepEqual(await checkDeadlines(store, clock), { dueSoon: 0, overdue: 0 });
  assert.ok((await kinds('fy_staff')).includes('overdue:CL-N-1'));
  assert.ok((await kinds('fy_sup')).includes('overdue_review:CL-N-1'));
  assert.equal(await deliveries('clue.due_soon'), 1);
  assert.equal(await deliveries('clue.overdue'), 1);
});

test('an escalation tells the level it rose to: the city, then the province', async () => {
  await escalateOverdue(store, clock);
  assert.deepEqual(await kinds('hz_sup'), ['escalated:CL-N-1']);
  assert.equal(await unread('zj_sup'), 0);
  today = addDays('2025-06-06', 10);
  await escalateOverdue(store, clock);
  assert.deepEqual(await kinds('zj_sup'), ['escalated:CL-N-1']);
  assert.ok(!(await kinds('fy_sup')).some((k) => k.startsWith('escalated')));
  assert.equal(await deliveries('clue.escalated'), 2);
});

test('an answered notice tells the issuing office; a transfer tells the liaisons of the region', async () => {
  const issued = await call('fy_sup', 'POST', '/notices', { kind: 'supervision', clueIds: ['CL-N-1'] });
  assert.equal(issued.statusCode, 201, issued.body);
  const id = issued.json().notice.id as string;
  const answer = await call('fy_staff', 'POST', `/notices/${id}/response`, { text: '已按通知要求整改完毕，报告如下。' });
  assert.equal(answer.statusCode, 200, answer.body);
  const rows = (await call('fy_sup', 'GET', '/notifications')).json().rows as { kind: string; link: string }[];
  assert.equal(rows[0].kind, 'answered');
  assert.equal(rows[0].link, `/notices?id=${id}`);
  assert.equal(await deliveries('notice.answered'), 1);
  await act('fy_sup', 'CL-N-2', { action: 'transfer', comment: '涉嫌违纪，移送处理' });
  assert.deepEqual(await kinds('hz_liaison'), ['transferred:CL-N-2']);
  assert.equal(await deliveries('clue.transferred'), 1);
});

test('reads are per user: one read, another desk cannot mark it, all read, a new one is unread again', async () => {
  const before = await unread('fy_staff');
  const fyOfficer = await unread('fy_officer');
  const [first] = (await call('fy_staff', 'GET', '/notifications?unread=true')).json().rows as { id: string }[];
  // Another desk's attempt changes nothing.
  assert.equal((await call('xh_staff', 'POST', '/notifications/read', { ids: [first.id] })).json().unread, 0);
  assert.equal(await unread('fy_staff'), before);
  assert.equal((await call('fy_staff', 'POST', '/notifications/read', { ids: [first.id] })).json().unread, before - 1);
  assert.equal(await unread('fy_officer'), fyOfficer, 'a colleague still has it unread');
  const read = (await call('fy_staff', 'GET', '/notifications')).json().rows.find((r: { id: string }) => r.id === first.id);
  assert.equal(read.read, true);
  assert.equal((await call('fy_staff', 'POST', '/notifications/read', { all: true })).json().unread, 0);
  const empty = await call('fy_staff', 'POST', '/notifications/read', {});
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().error.field, 'ids');
  today = addDays(today, 1);
  await insertClue(store, { id: 'CL-N-3', status: 'triaged', deadline: null });
  await act('fy_sup', 'CL-N-3', { action: 'assign', agencyId: 'AG-FY-ZHZF' });
  assert.equal(await unread('fy_staff'), 1);
});
