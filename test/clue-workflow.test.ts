import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { insertAttachment, insertClue, inDays, login, quietEnvironment, today } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import { CLUE_STATUSES, TRANSITIONS, type ActorKind, type ClueStatus, type Transition } from '../src/clues/workflow.ts';
import { CLUE_SETTINGS } from '../src/clues/settings.ts';
import { addDays } from '../src/domain/dates.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};

/**
 * The people of the matrix, each with what the specification says about them for a clue of 富阳区
 * (330111) assigned to AG-FY-ZHZF and reported by fy_invited: in which statuses they may read it,
 * and which actor of the transition table they are.
 */
// A 简易 clue (self_check) is the agency's from the start: it checks and closes it itself.
const AGENCY_STATUSES: ClueStatus[] = ['self_check', 'assigned', 'rectifying', 'submitted', 'returned', 'closed'];
const PEOPLE: {
  username: string;
  role: Parameters<typeof addUser>[2];
  region: string;
  agency?: string;
  sees: (s: ClueStatus) => boolean;
  is: ActorKind[];
}[] = [
  { username: 'fy_sup', role: 'supervisor', region: '330111', sees: () => true, is: ['region_supervisor'] },
  { username: 'hz_sup', role: 'supervisor', region: '330100', sees: () => true, is: ['region_supervisor'] },
  { username: 'xh_sup', role: 'supervisor', region: '330106', sees: () => false, is: [] },
  {
    username: 'fy_staff',
    role: 'agency_staff',
    region: '330111',
    agency: 'AG-FY-ZHZF',
    sees: (s) => AGENCY_STATUSES.includes(s),
    is: ['assigned_agency'],
  },
  { username: 'xh_staff', role: 'agency_staff', region: '330106', agency: 'AG-XH-SCJG', sees: () => false, is: [] },
  { username: 'fy_officer', role: 'officer', region: '330111', agency: 'AG-FY-ZHZF', sees: (s) => AGENCY_STATUSES.includes(s), is: [] },
  { username: 'fy_invited', role: 'invited_supervisor', region: '330111', sees: () => true, is: [] },
  { username: 'fy_liaison', role: 'discipline_liaison', region: '330111', sees: (s) => s === 'transferred', is: [] },
  { username: 'admin', role: 'admin', region: '330000', sees: () => true, is: ['region_supervisor', 'assigned_agency'] },
];

before(async () => {
  await seedTwoCounties(store);
  for (const p of PEOPLE) userIds[p.username] = (await addUser(store, p.username, p.role, p.region, p.agency ?? null)).userId;
  app = await buildApp({ store, checkResponses: true });
  for (const p of PEOPLE) cookies[p.username] = await login(app, p.username);
});
after(async () => {
  await app.close();
  await t.close();
});

/** A request body that satisfies what the transition requires (built from the table, so new rows need nothing here). */
function payloadFor(tr: Transition, clueId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { action: tr.action };
  if (tr.requires.includes('comment')) body.comment = `${tr.label}的理由`;
  if (tr.requires.includes('agency')) body.agencyId = 'AG-FY-ZHZF';
  if (tr.requires.includes('rectification')) body.rectification = '已对相关执法人员开展培训，并完善了案件审核制度。';
  if (tr.requires.includes('evidence')) body.attachmentIds = [`AT-${clueId}`];
  return body;
}

let seq = 0;

test('every transition, from every status, by every role: allowed ones move the clue, the rest get 403 or 409', async () => {
  let checked = 0;
  let moved = 0;
  for (const tr of TRANSITIONS as readonly Transition[]) {
    for (const status of CLUE_STATUSES) {
      for (const p of PEOPLE) {
        const id = `CL-M-${++seq}`;
        await insertClue(store, { id, status, createdBy: userIds.fy_invited });
        await insertAttachment(store, id);
        const res = await app.inject({
          method: 'POST',
          url: `/api/v1/clues/${id}/transitions`,
          headers: { cookie: cookies[p.username] },
          payload: payloadFor(tr, id),
        });
        const what = `${p.username} ${tr.action} from ${status}: ${res.body}`;
        if (!p.sees(status) || !p.is.includes(tr.by)) {
          assert.equal(res.statusCode, 403, what);
          assert.equal(res.json().error.code, 'forbidden', what);
        } else if (!(tr.from as readonly string[]).includes(status)) {
          assert.equal(res.statusCode, 409, what);
          assert.equal(res.json().error.code, 'illegal_transition', what);
          assert.match(res.json().error.message, new RegExp(`不能${tr.label}`), what);
        } else {
          assert.equal(res.statusCode, 200, what);
          const body = res.json();
          assert.equal(body.clue.status, tr.to, what);
          assert.equal(body.event.action, tr.action);
          assert.equal(body.event.fromStatus, status);
          assert.equal(body.event.actor.id, userIds[p.username]);
          const [ev] = await store.query<{ actor_user_id: string; comment: string | null }>(
            `SELECT actor_user_id, comment FROM clue_events WHERE clue_id = $1 AND action = $2`,
            [id, tr.action],
          );
          assert.equal(ev.actor_user_id, userIds[p.username], what);
          if (tr.requires.includes('comment')) assert.equal(ev.comment, `${tr.label}的理由`);
          const [audit] = await store.query(`SELECT seq FROM audit_log WHERE action = $1 AND target = $2`, [`clue.${tr.action}`, id]);
          assert.ok(audit, `audit entry for ${what}`);
          moved++;
        }
        checked++;
      }
    }
  }
  assert.equal(checked, TRANSITIONS.length * CLUE_STATUSES.length * PEOPLE.length);
  // A refused request leaves nothing behind: no event, no audit entry, status unchanged.
  const [{ n }] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM clue_events WHERE clue_id LIKE 'CL-M-%'`);
  assert.equal(Number(n), moved);
  const [{ a }] = await store.query<{ a: number }>(`SELECT count(*) AS a FROM audit_log WHERE target LIKE 'CL-M-%'`);
  assert.equal(Number(a), moved);
  assert.equal((await verifyAuditLog(store)).ok, true);
});

test('a transition that lacks what it requires is refused with 400 naming the field', async () => {
  for (const tr of (TRANSITIONS as readonly Transition[]).filter((x) => x.requires.length > 0)) {
    const id = `CL-R-${++seq}`;
    await insertClue(store, { id, status: tr.from[0] });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/clues/${id}/transitions`,
      headers: { cookie: cookies.admin },
      payload: { action: tr.action },
    });
    assert.equal(res.statusCode, 400, `${tr.action}: ${res.body}`);
    const field = { comment: 'comment', agency: 'agencyId', rectification: 'rectification', evidence: 'attachmentIds' }[tr.requires[0]];
    assert.equal(res.json().error.field, field, tr.action);
    const [c] = await store.query<{ status: string }>('SELECT status FROM clues WHERE id = $1', [id]);
    assert.equal(c.status, tr.from[0]);
  }
});

test('an unknown action is a 400; an unknown clue a 404', async () => {
  await insertClue(store, { id: 'CL-U-1' });
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-U-1/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'approve' },
  });
  assert.equal(bad.statusCode, 400);
  const none = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-NONE/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'triage' },
  });
  assert.equal(none.statusCode, 404);
});

test('the whole loop through the API: assign with the severity deadline, accept, upload evidence, submit, return, resubmit, close; the timeline shows it', async () => {
  await insertClue(store, { id: 'CL-LOOP', status: 'new', severity: 'medium', agencyId: null });
  const sup = { cookie: cookies.fy_sup };
  const staff = { cookie: cookies.fy_staff };
  const go = async (headers: { cookie: string }, payload: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/clues/CL-LOOP/transitions', headers, payload });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  await go(sup, { action: 'triage', comment: '属实，需交办' });
  const assigned = await go(sup, { action: 'assign', agencyId: 'AG-FY-ZHZF', comment: '请核查整改' });
  assert.equal(assigned.clue.deadline, inDays(CLUE_SETTINGS.deadlineDays.medium));
  assert.equal(assigned.clue.agencyName, '杭州市富阳区综合行政执法局');
  // An agency of another county may not assign-target here, and the other county's staff never see it.
  const otherAgency = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-LOOP/transitions',
    headers: sup,
    payload: { action: 'assign', agencyId: 'AG-XH-SCJG' },
  });
  assert.equal(otherAgency.statusCode, 400);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/clues/CL-LOOP', headers: { cookie: cookies.xh_staff } })).statusCode, 403);

  await go(staff, { action: 'accept' });
  // Submitting without evidence is refused; uploading a file records its SHA-256 and SM3.
  const noEvidence = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-LOOP/transitions',
    headers: staff,
    payload: { action: 'submit', rectification: '已完成整改并建立长效机制。' },
  });
  assert.equal(noEvidence.statusCode, 400);
  const boundary = '----kedu';
  const file = Buffer.from('%PDF-1.4 整改报告');
  const upload = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-LOOP/attachments',
    headers: { ...staff, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="整改报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(upload.statusCode, 201, upload.body);
  const att = upload.json().attachments[0];
  const { createHash } = await import('node:crypto');
  assert.equal(att.sha256, createHash('sha256').update(file).digest('hex'));
  assert.equal(att.sm3, createHash('sm3').update(file).digest('hex'));
  assert.equal(att.fileName, '整改报告.pdf');
  const download = await app.inject({ method: 'GET', url: att.url, headers: sup });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, file);
  // A supervisor of another county cannot read the file.
  assert.equal((await app.inject({ method: 'GET', url: att.url, headers: { cookie: cookies.xh_sup } })).statusCode, 403);

  await go(staff, { action: 'submit', rectification: '已对执法人员开展培训，完善审核制度。', attachmentIds: [att.id] });
  await go(sup, { action: 'return', comment: '整改材料不完整，请补充培训记录', deadline: inDays(7) });
  await go(staff, { action: 'submit', rectification: '已补充培训签到表和考试记录。', attachmentIds: [att.id] });
  const closed = await go(sup, { action: 'close', comment: '整改到位，予以销号' });
  assert.equal(closed.clue.status, 'closed');

  const detail = (await app.inject({ method: 'GET', url: '/api/v1/clues/CL-LOOP', headers: staff })).json();
  assert.deepEqual(
    detail.timeline.map((e: { action: string }) => e.action),
    ['triage', 'assign', 'accept', 'attach', 'submit', 'return', 'submit', 'close'],
  );
  assert.deepEqual(
    detail.timeline.map((e: { toStatus: string }) => e.toStatus),
    ['triaged', 'assigned', 'rectifying', 'rectifying', 'submitted', 'returned', 'submitted', 'closed'],
  );
  assert.equal(detail.timeline[5].comment, '整改材料不完整，请补充培训记录');
  assert.equal(detail.timeline[0].actor.name, 'fy_sup');
  assert.equal(detail.clue.rectification, '已补充培训签到表和考试记录。');
  assert.deepEqual(detail.clue.allowedActions, []);
  assert.equal(detail.attachments.length, 1);
});

test('allowedActions tells each role what it may do now', async () => {
  await insertClue(store, { id: 'CL-AA', status: 'submitted' });
  const of = async (u: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/clues/CL-AA', headers: { cookie: cookies[u] } })).json().clue.allowedActions;
  assert.deepEqual(await of('fy_sup'), ['close', 'return', 'transfer']);
  assert.deepEqual(await of('fy_staff'), []);
  assert.deepEqual(await of('fy_officer'), []);
});

test('each role lists only its own clues', async () => {
  await insertClue(store, { id: 'CL-V-XH', status: 'assigned', regionCode: '330106', agencyId: 'AG-XH-SCJG' });
  await insertClue(store, { id: 'CL-V-NEW', status: 'new' });
  await insertClue(store, { id: 'CL-V-TR', status: 'transferred' });
  const ids = async (u: string, q = '') =>
    new Set(
      (await app.inject({ method: 'GET', url: `/api/v1/clues?pageSize=500${q}`, headers: { cookie: cookies[u] } }))
        .json()
        .rows.map((r: { id: string }) => r.id),
    );
  const fy = await ids('fy_sup');
  assert.ok(fy.has('CL-V-NEW') && fy.has('CL-V-TR') && !fy.has('CL-V-XH'));
  assert.ok((await ids('hz_sup')).has('CL-V-XH'));
  const xhStaff = await ids('xh_staff');
  assert.ok(xhStaff.has('CL-V-XH') && !xhStaff.has('CL-V-NEW'));
  const fyStaff = await ids('fy_staff');
  assert.ok(!fyStaff.has('CL-V-NEW') && !fyStaff.has('CL-V-TR') && !fyStaff.has('CL-V-XH'));
  const liaison = await ids('fy_liaison');
  assert.ok(liaison.has('CL-V-TR') && !liaison.has('CL-V-NEW'));
  assert.ok([...liaison].every((id) => typeof id === 'string'));
  const transferredOnly = (
    await app.inject({ method: 'GET', url: '/api/v1/clues?pageSize=500', headers: { cookie: cookies.fy_liaison } })
  ).json().rows;
  assert.ok(transferredOnly.every((r: { status: string }) => r.status === 'transferred'));
  // Filters: status (several), and a bad status names the field.
  const filtered = (
    await app.inject({ method: 'GET', url: '/api/v1/clues?status=new,transferred&pageSize=500', headers: { cookie: cookies.fy_sup } })
  ).json().rows;
  assert.ok(filtered.length > 0 && filtered.every((r: { status: string }) => ['new', 'transferred'].includes(r.status)));
  const bad = await app.inject({ method: 'GET', url: '/api/v1/clues?status=open', headers: { cookie: cookies.fy_sup } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'status');
});

test('bulk assign reports each clue: the assignable ones move, the others say why', async () => {
  await insertClue(store, { id: 'CL-B-1', status: 'new', severity: 'high', agencyId: null });
  await insertClue(store, { id: 'CL-B-2', status: 'triaged', severity: 'low', agencyId: null });
  await insertClue(store, { id: 'CL-B-3', status: 'closed' });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/bulk-assign',
    headers: { cookie: cookies.fy_sup },
    payload: { clueIds: ['CL-B-1', 'CL-B-2', 'CL-B-3', 'CL-V-XH'], agencyId: 'AG-FY-ZHZF' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.assigned, 2);
  assert.equal(body.refused, 2);
  assert.equal(body.results[0].deadline, inDays(CLUE_SETTINGS.deadlineDays.high));
  assert.equal(body.results[1].deadline, inDays(CLUE_SETTINGS.deadlineDays.low));
  assert.equal(body.results[2].error.code, 'illegal_transition');
  assert.equal(body.results[3].error.code, 'forbidden');
});

test('a deadline is extended with a reason, within the limit, and the extension is audited', async () => {
  await insertClue(store, { id: 'CL-EXT', status: 'rectifying', deadline: inDays(3) });
  const url = '/api/v1/clues/CL-EXT/deadline';
  const sup = { cookie: cookies.fy_sup };
  assert.equal(
    (await app.inject({ method: 'POST', url, headers: sup, payload: { deadline: inDays(2), reason: '需要更多时间' } })).statusCode,
    400,
  );
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url,
        headers: sup,
        payload: { deadline: addDays(inDays(3), CLUE_SETTINGS.maxExtensionDays + 1), reason: '需要更多时间' },
      })
    ).statusCode,
    400,
  );
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.fy_staff },
        payload: { deadline: inDays(10), reason: '需要更多时间' },
      })
    ).statusCode,
    403,
  );
  const ok = await app.inject({ method: 'POST', url, headers: sup, payload: { deadline: inDays(10), reason: '涉及多个部门，需联合核查' } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().clue.deadline, inDays(10));
  assert.deepEqual(ok.json().event.detail, { from: inDays(3), to: inDays(10) });
  const [a] = await store.query<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'clue.extend' AND target = 'CL-EXT'`);
  assert.equal(JSON.parse(a.detail).reason, '涉及多个部门，需联合核查');
  await insertClue(store, { id: 'CL-EXT-2', status: 'submitted' });
  const notRunning = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-EXT-2/deadline',
    headers: sup,
    payload: { deadline: inDays(30), reason: '延期' },
  });
  assert.equal(notRunning.statusCode, 409);
});

test('merged clues follow their case: acting on the case moves them all; a member alone is refused', async () => {
  await insertClue(store, { id: 'CL-CASE', status: 'triaged', agencyId: null });
  await insertClue(store, { id: 'CL-CASE-A', status: 'new', agencyId: null });
  await insertClue(store, { id: 'CL-CASE-B', status: 'new', agencyId: null });
  const sup = { cookie: cookies.fy_sup };
  const merged = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/merge',
    headers: sup,
    payload: { clueIds: ['CL-CASE', 'CL-CASE-A', 'CL-CASE-B'], comment: '同一执法行为' },
  });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.deepEqual(merged.json(), { caseId: 'CL-CASE', members: ['CL-CASE-A', 'CL-CASE-B'] });
  const alone = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-CASE-A/transitions',
    headers: sup,
    payload: { action: 'dismiss', comment: 'x' },
  });
  assert.equal(alone.statusCode, 409);
  assert.match(alone.json().error.message, /已并入案件 CL-CASE/);
  const assign = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-CASE/transitions',
    headers: sup,
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF' },
  });
  assert.equal(assign.statusCode, 200, assign.body);
  assert.deepEqual(assign.json().members, ['CL-CASE-A', 'CL-CASE-B']);
  const rows = await store.query<{ id: string; status: string; agency_id: string; deadline: string }>(
    `SELECT id, status, agency_id, deadline FROM clues WHERE id LIKE 'CL-CASE%' ORDER BY id`,
  );
  assert.deepEqual(
    rows.map((r) => [r.id, r.status, r.agency_id, r.deadline]),
    [
      ['CL-CASE', 'assigned', 'AG-FY-ZHZF', inDays(CLUE_SETTINGS.deadlineDays.high)],
      ['CL-CASE-A', 'assigned', 'AG-FY-ZHZF', inDays(CLUE_SETTINGS.deadlineDays.high)],
      ['CL-CASE-B', 'assigned', 'AG-FY-ZHZF', inDays(CLUE_SETTINGS.deadlineDays.high)],
    ],
  );
  const member = (await app.inject({ method: 'GET', url: '/api/v1/clues/CL-CASE-A', headers: sup })).json();
  assert.deepEqual(
    member.timeline.map((e: { action: string }) => e.action),
    ['merge', 'assign'],
  );
  assert.equal(member.timeline[1].detail.viaCase, 'CL-CASE');
  const lead = (await app.inject({ method: 'GET', url: '/api/v1/clues?caseId=CL-CASE', headers: sup })).json();
  assert.equal(lead.total, 3);
  // A closed clue cannot join a case.
  await insertClue(store, { id: 'CL-CASE-X', status: 'closed' });
  const late = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/merge',
    headers: sup,
    payload: { clueIds: ['CL-CASE', 'CL-CASE-X'] },
  });
  assert.equal(late.statusCode, 409);
});

test('clue stats count the caller scope by status, with overdue and due-soon', async () => {
  await insertClue(store, { id: 'CL-S-OVER', status: 'rectifying', deadline: inDays(-2) });
  await insertClue(store, { id: 'CL-S-SOON', status: 'assigned', deadline: inDays(1) });
  const fy = (await app.inject({ method: 'GET', url: '/api/v1/clues/stats', headers: { cookie: cookies.fy_sup } })).json();
  assert.equal(fy.today, today());
  assert.ok(fy.overdue >= 1);
  assert.ok(fy.dueSoon >= 1);
  assert.equal(
    fy.total,
    Object.values(fy.byStatus as Record<string, number>).reduce((a, b) => a + b, 0),
  );
  const xh = (await app.inject({ method: 'GET', url: '/api/v1/clues/stats', headers: { cookie: cookies.xh_staff } })).json();
  assert.equal(xh.total, 1); // CL-V-XH only
  const overdue = (
    await app.inject({ method: 'GET', url: '/api/v1/clues?overdue=true&pageSize=500', headers: { cookie: cookies.fy_sup } })
  ).json().rows;
  assert.ok(
    overdue.some((r: { id: string; overdue: boolean; daysLeft: number }) => r.id === 'CL-S-OVER' && r.overdue && r.daysLeft === -2),
  );
  assert.ok(overdue.every((r: { overdue: boolean }) => r.overdue));
});

test('the workflow table and the clue routes are in the OpenAPI document', async () => {
  const wf = (await app.inject({ method: 'GET', url: '/api/v1/clues/workflow', headers: { cookie: cookies.fy_staff } })).json();
  assert.deepEqual(
    wf.transitions.map((x: { action: string }) => x.action),
    TRANSITIONS.map((x) => x.action),
  );
  const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths);
  for (const p of [
    '/api/v1/clues',
    '/api/v1/clues/{id}',
    '/api/v1/clues/{id}/transitions',
    '/api/v1/clues/bulk-assign',
    '/api/v1/clues/merge',
    '/api/v1/clues/{id}/deadline',
    '/api/v1/clues/{id}/attachments',
    '/api/v1/hotline-tickets',
    '/api/v1/notices',
    '/api/v1/notices/{id}.docx',
    '/api/v1/portal/reports',
    '/api/v1/portal/form-token',
    '/api/v1/portal/reports/{code}',
  ])
    assert.ok(paths.includes(p), p);
});

test('an upload of eleven files is refused whole with 413: none of the ten before the eleventh is saved', async () => {
  await insertClue(store, { id: 'CL-ATT11', status: 'rectifying' });
  const boundary = '----kedu-eleven';
  const part = (i: number) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="证明${i}.txt"\r\nContent-Type: text/plain\r\n\r\n整改证明材料 ${i}\r\n`;
  const upload = (n: number) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/clues/CL-ATT11/attachments',
      headers: { cookie: cookies.fy_staff, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Array.from({ length: n }, (_, i) => part(i + 1)).join('') + `--${boundary}--\r\n`,
    });
  const files = () => readdirSync(process.env.KEDU_ATTACHMENTS_DIR!, { recursive: true }).filter((f) => String(f).includes('CL-ATT11'));
  const eleven = await upload(11);
  assert.equal(eleven.statusCode, 413, eleven.body);
  assert.match(eleven.json().error.message, /一次至多上传 10 个附件，本次未保存任何文件/);
  const rows = await store.query(`SELECT id FROM clue_attachments WHERE clue_id = 'CL-ATT11'`);
  assert.equal(rows.length, 0);
  assert.deepEqual(files(), []);
  assert.deepEqual(
    readdirSync(join(process.env.KEDU_ATTACHMENTS_DIR!, 'incoming')).filter((f) => f.endsWith('.part')),
    [],
    'no partial file left',
  );
  const ten = await upload(10);
  assert.equal(ten.statusCode, 201, ten.body);
  assert.equal(ten.json().attachments.length, 10);
  assert.equal((await store.query(`SELECT id FROM clue_attachments WHERE clue_id = 'CL-ATT11'`)).length, 10);
});
