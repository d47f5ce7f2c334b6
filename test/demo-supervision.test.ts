// The demo's supervision history (src/demo/supervision.ts): the loop in motion on first start, every
// step one the workflow would have taken — by the right person, from the right status, with the
// deadline of its severity and the escalation of its days — with an audit entry each, the same for
// the same seed and day. Both engines.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDemoStore } from './helpers/demo-store.ts';
import type { TestStore } from './helpers/store.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { ensureDemoAccounts, DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { generateSupervision, type SupervisionResult } from '../src/demo/supervision.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { CLUE_STATUSES, actorProblem, defaultDeadline, transitionFor, type ClueRow, type ClueStatus } from '../src/clues/workflow.ts';
import { targetLevel } from '../src/clues/escalation.ts';
import { attachmentsRoot } from '../src/clues/attachments.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import { businessDate } from '../src/domain/dates.ts';
import { regionContains } from '../src/domain/region.ts';
import type { Caller } from '../src/auth/caller.ts';
import type { Store } from '../src/store/store.ts';
import { buildApp } from '../src/api/app.ts';
import { NOTIFICATION_KINDS } from '../src/notifications/kinds.ts';

quietEnvironment();
let a: TestStore;
let store: Store;
let result: SupervisionResult;

async function build(s: Store): Promise<SupervisionResult> {
  await loadReference(s);
  await ensureDemoAccounts(s);
  return generateSupervision(s, { seed: 1, asOf: DEMO_AS_OF });
}

before(async () => {
  a = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
  store = a.store;
  result = await build(store);
});
after(() => a.close());

interface EventRow {
  id: string;
  clue_id: string;
  actor_user_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
  occurred_at: string;
}

test('the history shows the loop in motion: every status, overdue and escalated clues, cases, notices answered and not, over many months', async () => {
  for (const s of CLUE_STATUSES) assert.ok((result.byStatus[s] ?? 0) > 0, `没有「${s}」状态的线索`);
  const [c] = await store.query<{ overdue: number; city: number; province: number; cases: number; months: number; instants: number }>(`
    SELECT sum(CASE WHEN status IN ('assigned', 'rectifying', 'returned') AND deadline < DATE '${DEMO_AS_OF}' THEN 1 ELSE 0 END) AS overdue,
           sum(CASE WHEN escalation_level = 'city' THEN 1 ELSE 0 END) AS city,
           sum(CASE WHEN escalation_level = 'province' THEN 1 ELSE 0 END) AS province,
           sum(CASE WHEN case_id IS NOT NULL AND case_id <> id THEN 1 ELSE 0 END) AS cases,
           count(DISTINCT substr(CAST(created_at AS VARCHAR), 1, 7)) AS months,
           count(DISTINCT created_at) AS instants
    FROM clues`);
  assert.ok(Number(c.overdue) > 0, 'no overdue clue');
  assert.ok(Number(c.city) > 0 && Number(c.province) > 0, 'no escalation');
  assert.ok(Number(c.cases) > 0, 'no case');
  assert.ok(Number(c.months) >= 18, `clues found in ${c.months} months only`);
  assert.ok(Number(c.instants) > result.clues / 2, 'clues share their discovery time');
  // The clues are triage's: every model clue holds its hits (model_hits), a file holds several hits of
  // its subject, and both procedures are there — 简易 closed by the agency's self-check or still open.
  const [t] = await store.query<{ hitless: number; bundled: number; simple: number; general: number; self_closed: number }>(`
    SELECT sum(CASE WHEN NOT EXISTS (SELECT 1 FROM model_hits h WHERE h.clue_id = c.id) THEN 1 ELSE 0 END) AS hitless,
           sum(CASE WHEN c.hit_count > 1 THEN 1 ELSE 0 END) AS bundled,
           sum(CASE WHEN c.procedure = 'simple' THEN 1 ELSE 0 END) AS simple,
           sum(CASE WHEN c.procedure = 'general' THEN 1 ELSE 0 END) AS general,
           sum(CASE WHEN EXISTS (SELECT 1 FROM clue_events e WHERE e.clue_id = c.id AND e.action = 'self_close') THEN 1 ELSE 0 END) AS self_closed
    FROM clues c WHERE c.source = 'model'`);
  assert.equal(Number(t.hitless), 0, 'a model clue without its hits');
  assert.ok(Number(t.bundled) > 0, 'no clue bundles several hits of its subject');
  assert.ok(Number(t.simple) > 0 && Number(t.general) > 0, `procedures: simple ${t.simple}, general ${t.general}`);
  assert.ok(Number(t.self_closed) > 0, 'no 简易 clue closed by its self-check');
  const notices = await store.query<{ status: string; n: number }>('SELECT status, count(*) AS n FROM notices GROUP BY status');
  assert.deepEqual(notices.map((n) => n.status).sort(), ['answered', 'issued']);
  // Nothing happens after the demo's day.
  const [late] = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM clue_events WHERE occurred_at >= TIMESTAMPTZ '${DEMO_AS_OF} 16:00:00+00'`,
  );
  assert.equal(Number(late.n), 0);
});

test('every step is one the workflow allows: from the status the clue had, by a person who may take it, with the deadline of its severity and the escalation of its day', async () => {
  const clues = new Map((await store.query<ClueRow>('SELECT * FROM clues')).map((c) => [c.id, c]));
  const users = new Map(
    (
      await store.query<{
        id: string;
        username: string;
        display_name: string;
        role: Caller['role'];
        region_code: string;
        agency_id: string | null;
      }>('SELECT id, username, display_name, role, region_code, agency_id FROM users')
    ).map((u) => [
      u.id,
      {
        userId: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        regionCode: u.region_code,
        agencyId: u.agency_id,
      } as Caller,
    ]),
  );
  const agencies = new Map(
    (await store.query<{ id: string; region_code: string }>('SELECT id, region_code FROM agencies')).map((x) => [x.id, x.region_code]),
  );
  const events = await store.query<EventRow>('SELECT * FROM clue_events ORDER BY clue_id, occurred_at, id');
  const byClue = new Map<string, EventRow[]>();
  for (const e of events) (byClue.get(e.clue_id) ?? byClue.set(e.clue_id, []).get(e.clue_id)!).push(e);
  let checked = 0;
  for (const [id, list] of byClue) {
    const clue = clues.get(id)!;
    assert.equal(list[0].action, 'create', `${id}: the timeline starts with its discovery`);
    // A 简易 clue starts at self_check, the rest at new (triage decides: src/models/triage).
    let status: string = list[0].to_status ?? 'new';
    let deadline: string | null = null;
    let level: string | null = null;
    for (const e of list.slice(1)) {
      const detail = e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {};
      const day = businessDate(new Date(e.occurred_at));
      assert.equal(e.from_status, status, `${id} ${e.action}: from ${e.from_status}, the clue was ${status}`);
      const t = transitionFor(e.action);
      if (t) {
        assert.ok((t.from as readonly string[]).includes(status), `${id}: ${e.action} from ${status}`);
        assert.equal(e.to_status, t.to);
        if (!detail.viaCase) {
          const actor = users.get(e.actor_user_id ?? '');
          assert.ok(actor, `${id} ${e.action}: unknown actor ${e.actor_user_id}`);
          // The clue as it stood: the agency it was assigned to decides who may accept, submit.
          const asStood = { ...clue, status: status as ClueStatus, agency_id: (detail.agencyId as string) ?? clue.agency_id };
          assert.equal(actorProblem(actor, asStood, t.by), null, `${id} ${e.action} by ${actor.username}`);
          if (e.action === 'assign') {
            assert.equal(
              detail.deadline,
              defaultDeadline(clue.severity, day),
              `${id}: deadline of a ${clue.severity} clue assigned on ${day}`,
            );
            assert.ok(
              regionContains(actor.regionCode, agencies.get(detail.agencyId as string)!),
              `${id}: assigned outside the jurisdiction`,
            );
          }
        }
        if (detail.deadline) deadline = detail.deadline as string;
        if (e.action === 'return' || e.action === 'assign') level = null;
        status = t.to;
        checked++;
      } else if (e.action === 'escalate') {
        deadline = (detail.deadline as string | undefined) ?? deadline;
        assert.equal(detail.to, targetLevel(clue.region_code, deadline!, day), `${id}: escalated on ${day}`);
        assert.ok(['assigned', 'rectifying', 'returned'].includes(status), `${id}: escalated while ${status}`);
        level = detail.to as string;
      } else if (e.action === 'extend') {
        deadline = detail.to as string;
      } else if (e.action === 'merge') {
        status = e.to_status!;
      }
    }
    assert.equal(clue.status, status, `${id}: the clue's status is its timeline's last`);
    assert.equal(clue.escalation_level, level, `${id}: escalation level`);
  }
  // Triage bundles a subject's hits and leaves light ones at 预警: a few thousand clues, not ten thousand.
  assert.ok(checked > 2_000, `only ${checked} transitions checked`);
});

test('each step is in the audit log, the chain verifies, and the evidence files are stored with their digests', async () => {
  const [steps] = await store.query<{ n: number }>(
    "SELECT count(*) AS n FROM clue_events WHERE action NOT IN ('create', 'link', 'notice')",
  );
  const [audited] = await store.query<{ n: number }>(
    "SELECT count(*) AS n FROM audit_log WHERE action LIKE 'clue.%' AND action NOT IN ('clue.create', 'clue.link')",
  );
  assert.equal(Number(audited.n), Number(steps.n));
  const v = await verifyAuditLog(store);
  assert.ok(v.ok, JSON.stringify(v.problems.slice(0, 3)));
  const files = await store.query<{ storage_path: string; sha256: string; sm3: string }>(
    'SELECT storage_path, sha256, sm3 FROM clue_attachments LIMIT 50',
  );
  assert.ok(files.length > 0);
  for (const f of files) {
    const bytes = readFileSync(join(attachmentsRoot(), f.storage_path));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256);
    assert.equal(createHash('sm3').update(bytes).digest('hex'), f.sm3);
  }
});

test('clue numbers run per county and year in the order the clues were found', async () => {
  // Clues found at the same instant (one run) may take their numbers in any order among themselves.
  const rows = await store.query<{ number: string; created_at: string }>(
    'SELECT number, created_at FROM clues ORDER BY created_at, number',
  );
  assert.equal(new Set(rows.map((r) => r.number)).size, rows.length);
  const last = new Map<string, number>();
  for (const r of rows) {
    const m = /^(.+)-(\d{4})-(\d{6,})$/.exec(r.number)!;
    assert.ok(m, r.number);
    assert.equal(m[2], businessDate(new Date(r.created_at)).slice(0, 4), `${r.number} found ${r.created_at}`);
    const key = `${m[1]}|${m[2]}`;
    assert.equal(Number(m[3]), (last.get(key) ?? 0) + 1, `${r.number} out of order`);
    last.set(key, Number(m[3]));
  }
});

test('the server judges as of the demo day: overdue counts and the desks can sign in', async () => {
  const app = await buildApp({ store, asOf: DEMO_AS_OF });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'hz_jiandu', password: DEMO_PASSWORD },
    });
    assert.equal(login.statusCode, 200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const stats = (await app.inject({ method: 'GET', url: '/api/v1/clues/stats', headers: { cookie } })).json();
    assert.equal(stats.today, DEMO_AS_OF);
    assert.ok(stats.overdue > 0 && stats.escalatedToMe > 0, JSON.stringify(stats));
    const desk = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'jd330109', password: DEMO_PASSWORD },
    });
    assert.equal(desk.statusCode, 200, '萧山区 supervisor desk');
  } finally {
    await app.close();
  }
});

test('the desks were told along the way: every kind of notification, the last week unread', async () => {
  const kinds = await store.query<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM notifications GROUP BY kind');
  assert.deepEqual(kinds.map((k) => k.kind).sort(), Object.keys(NOTIFICATION_KINDS).sort());
  // Each 简易 clue was told to its agency once, on the day it was found (not on the day the demo was built).
  const opened = await store.query<{ id: string; agency_id: string; created_at: string }>(
    "SELECT c.id, c.agency_id, c.created_at FROM clues c JOIN clue_events e ON e.clue_id = c.id AND e.action = 'create' AND e.to_status = 'self_check' ORDER BY c.id",
  );
  const told = await store.query<{ clue_id: string; agency_id: string; created_at: string }>(
    "SELECT clue_id, agency_id, created_at FROM notifications WHERE kind = 'self_check' ORDER BY clue_id",
  );
  assert.ok(opened.length > 10, `${opened.length} 简易 clues`);
  assert.deepEqual(
    told.map((n) => [n.clue_id, n.agency_id, new Date(n.created_at).getTime()]),
    opened.map((c) => [c.id, c.agency_id, new Date(c.created_at).getTime()]),
  );
  const app = await buildApp({ store, asOf: DEMO_AS_OF });
  try {
    for (const username of ['hz_jiandu', 'fy_zhifa']) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const all = (await app.inject({ method: 'GET', url: '/api/v1/notifications?pageSize=100', headers: { cookie } })).json();
      assert.ok(all.total > 0, `${username} was told nothing`);
      const weekAgo = Date.parse(`${DEMO_AS_OF}T00:00:00+08:00`) - 7 * 86_400_000;
      const recent = (all.rows as { createdAt: string; read: boolean }[]).filter((r) => Date.parse(r.createdAt) >= weekAgo);
      assert.ok(
        (all.rows as { read: boolean }[]).every((r, i) => r.read === !recent.includes(all.rows[i])),
        `${username}: unread is the last week`,
      );
    }
  } finally {
    await app.close();
  }
});

test('the same seed and day give the same history', async () => {
  const b = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
  try {
    await build(b.store);
    const fingerprint = async (s: Store) => {
      const rows = await s.query<{ id: string; number: string; status: string; deadline: string | null; created_at: string }>(
        "SELECT id, number, status, deadline, created_at FROM clues WHERE source = 'model' ORDER BY id",
      );
      const events = await s.query<{ id: string; action: string; occurred_at: string }>(
        "SELECT e.id, e.action, e.occurred_at FROM clue_events e JOIN clues c ON c.id = e.clue_id WHERE c.source = 'model' AND e.action <> 'notice' ORDER BY e.id",
      );
      return createHash('sha256')
        .update(JSON.stringify([rows, events]))
        .digest('hex');
    };
    assert.equal(await fingerprint(b.store), await fingerprint(store));
  } finally {
    await b.close();
  }
});
