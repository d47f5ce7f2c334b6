// Triage of model hits: every hit kept with its score, hits on one subject and period bundled into one
// clue, the procedure chosen by score, severity and the region's thresholds, later hits joining the
// open clue, the 简易 path closed by the agency itself, and the batch (SQL) and real-time (code) ways
// writing the same rows. Both engines.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, inspection } from './helpers/records.ts';
import { login, quietEnvironment } from './helpers/clues.ts';
import { findModel } from '../src/models/library/index.ts';
import { stageHits, writeHits, type StagedRun } from '../src/models/runner.ts';
import { defaultParams, type HitRow } from '../src/models/model.ts';
import {
  chooseProcedure,
  DEFAULT_THRESHOLDS,
  saveThresholds,
  thresholdsFor,
  type ThresholdSetting,
} from '../src/models/triage/procedure.ts';
import { explainScore, moneyPoints, scoreSentence, total } from '../src/models/triage/score.ts';
import { applyTransition } from '../src/clues/workflow.ts';
import { systemClock } from '../src/clues/clock.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { buildApp } from '../src/api/app.ts';

const t = await openTestStore();
const { store } = t;
const FY = '91330100470102706G'; // 杭州示例酒坊, 富阳区
const XH = '91330000733796106P'; // 杭州示例科技有限公司, 西湖区
const AS_OF = '2025-12-31';
let caseId = '';
let insFy = '';
let insXh = '';

before(async () => {
  quietEnvironment();
  await seedTwoCounties(store);
  caseId = await caseRecord(store, { entity_uscc: FY, fine_amount: 150000 });
  insFy = await inspection(store, { entity_uscc: FY });
  insXh = await inspection(store, { entity_uscc: XH, region_code: '330106', agency_id: 'AG-XH-SCJG' });
  await addUser(store, 'fy-staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  await addUser(store, 'xh-staff', 'agency_staff', '330106', 'AG-XH-SCJG');
  await addUser(store, 'fy-sup', 'supervisor', '330111');
  await addUser(store, 'fy-admin', 'admin', '330111');
});
const TABLES = ['model_hits', 'clues', 'clue_events', 'triage_settings', 'notifications', 'webhook_deliveries', 'clue_counters'];
beforeEach(async () => {
  for (const table of TABLES) await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

const model = (code: string) => findModel(code)!;
const hit = (
  subject_kind: string,
  subject_id: string,
  region_code: string,
  agency_id: string | null,
  facts: Record<string, unknown> = {},
): HitRow => ({
  subject_kind,
  subject_id,
  region_code,
  agency_id,
  window_key: '',
  evidence_ids: subject_id,
  ...facts,
});

/** One staged run per model, its hits given. */
function runOf(code: string, hits: HitRow[]): StagedRun {
  const run: StagedRun = { model: model(code), staged: new Map(), hits: 0, started: Date.now(), queryMillis: 0 };
  stageHits(run, hits, defaultParams(run.model));
  return run;
}

// The hits of the fixture: on 杭州示例酒坊 a fine of 15万 out of its tier (high, one record, money) and an
// off-list inspection (high, one record); on the 西湖 enterprise an inspection without its code (low);
// an inspection led alone by 李娜 (filed under the officer); a growth of an agency's fines (systemic).
const fixtureRuns = () => [
  runOf('PEN_OUT_OF_TIER', [hit('case', caseId, '330111', 'AG-FY-ZHZF', { fine_amount: 150000 })]),
  runOf('INS_OFF_LIST', [hit('inspection', insFy, '330111', 'AG-FY-ZHZF')]),
  runOf('INS_NO_CODE', [hit('inspection', insXh, '330106', 'AG-XH-SCJG')]),
  runOf('INS_SINGLE_OFFICER', [hit('inspection', 'INS-ALONE', '330106', 'AG-XH-SCJG', { lead_officer_id: 'OF-2', entity_uscc: XH })]),
  runOf('PEN_GROWTH', [hit('agency', 'AG-XH-SCJG', '330106', 'AG-XH-SCJG')]),
];

const hits = () =>
  store.query<{
    model_code: string;
    bundle_subject: string;
    score: number;
    clue_id: string | null;
    score_money: number;
    score_repetition: number;
  }>('SELECT model_code, bundle_subject, score, clue_id, score_money, score_repetition FROM model_hits ORDER BY model_code');
const clues = () =>
  store.query<{
    id: string;
    procedure: string;
    status: string;
    bundle_subject: string;
    risk_score: number;
    hit_count: number;
    agency_id: string;
    deadline: string | null;
    title: string;
    severity: string;
  }>('SELECT * FROM clues ORDER BY bundle_subject');

test('a score is the sum of five parts, each explained in Chinese; money counts by bands', () => {
  assert.equal(moneyPoints(null), 0);
  assert.equal(moneyPoints(9_999), 0);
  assert.equal(moneyPoints(10_000), 5);
  assert.equal(moneyPoints(100_000), 15);
  assert.equal(moneyPoints(500_000), 20);
  const parts = { severity: 40, evidence: 20, money: 15, repetition: 10, history: 20 };
  assert.equal(total(parts), 100); // 105, capped
  const lines = explainScore(parts, { severity: 'high', amount: 150000, bundleKind: 'entity' });
  assert.deepEqual(
    lines.map((l) => [l.factor, l.points]),
    [
      ['severity', 40],
      ['evidence', 20],
      ['money', 15],
      ['repetition', 10],
      ['history', 20],
    ],
  );
  assert.equal(
    scoreSentence(parts, { severity: 'high', amount: 150000, bundleKind: 'entity' }),
    '模型严重程度高 +40；证据强度：单条记录即可证明 +20；涉及金额15万元 +15；该企业本期另有2条命中 +10；该企业近两年有至少2条线索经核实办结 +20；合计100分（上限100）。',
  );
});

test('the procedure follows score, severity and the most specific region’s thresholds', () => {
  const d = DEFAULT_THRESHOLDS;
  assert.equal(chooseProcedure(75, 3, true, d), 'general');
  assert.equal(chooseProcedure(74, 3, true, d), 'simple'); // one point under the line
  assert.equal(chooseProcedure(90, 2, true, d), 'simple'); // high score, but no high-severity hit
  assert.equal(chooseProcedure(60, 1, true, d), 'simple');
  assert.equal(chooseProcedure(60, 1, false, d), 'general'); // no agency to close it itself
  assert.equal(chooseProcedure(59, 3, true, d), 'warning');
  const s = (regionCode: string, simpleMin: number): ThresholdSetting => ({
    ...d,
    regionCode,
    simpleMin,
    generalMin: 80,
    updatedAt: '',
    updatedBy: '',
  });
  const settings = [s('330000', 50), s('330100', 55), s('330111', 65)];
  assert.equal(thresholdsFor(settings, '330111').simpleMin, 65);
  assert.equal(thresholdsFor(settings, '330106').simpleMin, 55);
  assert.equal(thresholdsFor(settings, '330200').simpleMin, 50);
  assert.equal(thresholdsFor([], '330111').simpleMin, d.simpleMin);
});

test('hits on one subject and period are bundled into one clue; the procedure is chosen per file', async () => {
  const outcomes = await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF });
  assert.equal(
    outcomes.reduce((s, o) => s + o.newHits, 0),
    5,
  );
  const h = await hits();
  assert.equal(h.length, 5, 'every hit is kept');
  const byModel = new Map(h.map((x) => [x.model_code, x]));
  // The case and the inspection of 杭州示例酒坊 go to its file (the case's enterprise looked up).
  assert.equal(byModel.get('PEN_OUT_OF_TIER')!.bundle_subject, `entity|${FY}|`);
  assert.equal(byModel.get('INS_OFF_LIST')!.bundle_subject, `entity|${FY}|`);
  assert.equal(byModel.get('PEN_OUT_OF_TIER')!.score_money, 15);
  assert.equal(byModel.get('INS_SINGLE_OFFICER')!.bundle_subject, 'officer|OF-2|');
  assert.equal(byModel.get('PEN_GROWTH')!.bundle_subject, 'agency|AG-XH-SCJG|PEN_GROWTH');
  assert.equal(byModel.get('INS_NO_CODE')!.clue_id, null, 'a low hit alone stays at 预警');

  const c = await clues();
  const bySubject = new Map(c.map((x) => [x.bundle_subject, x]));
  assert.equal(c.length, 2, c.map((x) => `${x.bundle_subject} ${x.procedure}`).join('; '));
  const fy = bySubject.get(`entity|${FY}|`)!;
  assert.equal(fy.hit_count, 2);
  assert.equal(fy.procedure, 'general');
  assert.equal(fy.status, 'new');
  assert.equal(Number(fy.risk_score), 80); // 40 + 20 + 15, and one other hit +5
  assert.equal(fy.title, '一企一档：杭州示例酒坊');
  assert.equal(byModel.get('PEN_OUT_OF_TIER')!.clue_id, fy.id);
  assert.equal(byModel.get('INS_OFF_LIST')!.clue_id, fy.id);
  const officer = bySubject.get('officer|OF-2|')!;
  assert.equal(officer.procedure, 'simple');
  assert.equal(officer.status, 'self_check');
  assert.equal(officer.agency_id, 'AG-XH-SCJG');
  assert.equal(String(officer.deadline).slice(0, 10), '2026-01-15'); // as of + 15 days
  assert.equal(officer.title, '一人一档：李娜');
  assert.ok(!bySubject.has('agency|AG-XH-SCJG|PEN_GROWTH'), 'a medium statistical pattern alone is a 预警');

  // Run again: nothing new.
  const again = await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF });
  assert.equal(
    again.reduce((s, o) => s + o.newHits + o.newClues, 0),
    0,
  );
  assert.equal((await hits()).length, 5);
});

test('a later hit joins the open clue of its file; after the clue closes, the next hit opens a new one', async () => {
  await writeHits(store, [runOf('INS_OFF_LIST', [hit('inspection', insFy, '330111', 'AG-FY-ZHZF')])], { root: '330000', asOf: AS_OF });
  let [c] = await clues();
  assert.equal(c.procedure, 'simple');
  assert.equal(c.hit_count, 1);
  const [o] = await writeHits(store, [runOf('PEN_OUT_OF_TIER', [hit('case', caseId, '330111', 'AG-FY-ZHZF', { fine_amount: 150000 })])], {
    root: '330000',
    asOf: AS_OF,
  });
  assert.equal(o.joined, 1);
  assert.equal(o.newClues, 0);
  const all = await clues();
  assert.equal(all.length, 1, 'no second clue for the same file');
  c = all[0];
  assert.equal(c.hit_count, 2);
  // The file now calls for the full loop: the 简易 clue is moved up, its self-check deadline ends.
  assert.equal(c.procedure, 'general');
  assert.equal(c.status, 'new');
  assert.equal(c.deadline, null);
  assert.equal(c.severity, 'high');
  const events = await store.query<{ action: string }>('SELECT action FROM clue_events WHERE clue_id = $1 ORDER BY action', [c.id]);
  assert.deepEqual(
    events.map((e) => e.action),
    ['create', 'join', 'upgrade'],
  );

  await store.exec("UPDATE clues SET status = 'closed'");
  await writeHits(store, [runOf('INS_NO_CODE', [hit('inspection', insFy, '330111', 'AG-FY-ZHZF')])], { root: '330000', asOf: AS_OF });
  const after = await clues();
  // A low hit alone, but the subject's confirmed clue (+10) and two other hits in the period (+10) raise it: 10 + 20 + 20 = 50, still 预警.
  assert.equal(after.length, 1);
  const [low] = await store.query<{ score: number; score_history: number; score_repetition: number; clue_id: string | null }>(
    "SELECT score, score_history, score_repetition, clue_id FROM model_hits WHERE model_code = 'INS_NO_CODE'",
  );
  assert.equal(Number(low.score_history), 10);
  assert.equal(Number(low.score_repetition), 10);
  assert.equal(low.clue_id, null, 'not attached to the closed clue');
  // A serious hit now opens the file's second clue.
  await writeHits(store, [runOf('PEN_EXEMPT_FINED', [hit('case', caseId, '330111', 'AG-FY-ZHZF', { fine_amount: 2000 })])], {
    root: '330000',
    asOf: AS_OF,
  });
  const second = (await clues()).filter((x) => x.status !== 'closed');
  assert.equal(second.length, 1);
  assert.notEqual(second[0].id, c.id);
  assert.equal(second[0].hit_count, 2, 'the open 预警 hit joins the new clue; the closed clue keeps its own');
});

test('thresholds per region choose the procedure: a county that sets a lower line gets a 简易 clue', async () => {
  const admin: Caller = { ...SYSTEM_CALLER, userId: 'fy-admin', role: 'admin', regionCode: '330111' };
  await saveThresholds(store, admin, '330106', { simpleMin: 30, generalMin: 90, generalSeverity: 'high', simpleDays: 10 });
  await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF });
  const c = await clues();
  const xh = c.find((x) => x.bundle_subject === `entity|${XH}|`);
  assert.ok(xh, 'the low hit in 西湖区 (30 points) is now a 简易 clue');
  assert.equal(xh.procedure, 'simple');
  assert.equal(String(xh.deadline).slice(0, 10), '2026-01-10');
  // 富阳区 keeps the defaults: its file is still 一般.
  assert.equal(c.find((x) => x.bundle_subject === `entity|${FY}|`)!.procedure, 'general');
  const [audit] = await store.query<{ action: string; target: string }>(
    "SELECT action, target FROM audit_log WHERE action = 'triage.configure'",
  );
  assert.equal(audit.target, '330106');
});

test('batch (SQL) and real-time (code) triage write the same hits, clues and events', async () => {
  const snapshot = async () => ({
    hits: await store.query(
      `SELECT id, dedupe_key, bundle_subject, bundle_key, amount, score, score_severity, score_evidence, score_money, score_repetition, score_history, clue_id
       FROM model_hits ORDER BY id`,
    ),
    clues: await store.query(
      'SELECT id, region_code, agency_id, model_code, dedupe_key, severity, title, explanation, status, deadline, procedure, bundle_key, risk_score, hit_count FROM clues ORDER BY id',
    ),
    events: await store.query('SELECT clue_id, action, from_status, to_status, detail FROM clue_events ORDER BY clue_id, action'),
    notifications: await store.query(
      'SELECT id, kind, agency_id, region_code, clue_id, title, body, dedupe_key FROM notifications ORDER BY id',
    ),
  });
  const twice = async () => {
    await writeHits(store, fixtureRuns().slice(0, 3), { root: '330000', asOf: AS_OF });
    await writeHits(store, fixtureRuns().slice(3), { root: '330000', asOf: AS_OF });
    await writeHits(store, [runOf('PEN_EXEMPT_FINED', [hit('case', caseId, '330111', 'AG-FY-ZHZF', { fine_amount: 2000 })])], {
      root: '330000',
      asOf: AS_OF,
    });
  };
  await twice();
  const inCode = await snapshot();
  for (const table of TABLES) await store.exec(`DELETE FROM ${table}`);
  const inSql = async () => {
    for (const runs of [fixtureRuns().slice(0, 3), fixtureRuns().slice(3)])
      await writeHits(store, runs, { root: '330000', asOf: AS_OF, inSql: true });
    await writeHits(store, [runOf('PEN_EXEMPT_FINED', [hit('case', caseId, '330111', 'AG-FY-ZHZF', { fine_amount: 2000 })])], {
      root: '330000',
      asOf: AS_OF,
      inSql: true,
    });
  };
  await inSql();
  const bySql = await snapshot();
  assert.ok(inCode.hits.length === 6 && inCode.clues.length >= 2);
  assert.deepEqual(bySql.hits, inCode.hits);
  assert.deepEqual(bySql.clues, inCode.clues);
  assert.deepEqual(bySql.notifications, inCode.notifications);
  assert.deepEqual(
    bySql.events.map((e) => ({ ...e, detail: JSON.parse(String(e.detail)) })),
    inCode.events.map((e) => ({ ...e, detail: JSON.parse(String(e.detail)) })),
  );
});

test('简易: the agency closes its clue itself with a note; others may not; the supervisor may send it to the full loop', async () => {
  await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF });
  const simple = (await clues()).find((c) => c.procedure === 'simple')!;
  const fy: Caller = { ...SYSTEM_CALLER, userId: 'fy-staff', role: 'agency_staff', regionCode: '330111', agencyId: 'AG-FY-ZHZF' };
  const xh: Caller = { ...SYSTEM_CALLER, userId: 'xh-staff', role: 'agency_staff', regionCode: '330106', agencyId: 'AG-XH-SCJG' };
  const sup: Caller = { ...SYSTEM_CALLER, userId: 'fy-sup', role: 'supervisor', regionCode: '330100' };
  await assert.rejects(applyTransition(store, fy, simple.id, { action: 'self_close', comment: '已核实' }, systemClock), {
    code: 'forbidden',
  });
  await assert.rejects(applyTransition(store, sup, simple.id, { action: 'self_close', comment: '已核实' }, systemClock), {
    code: 'forbidden',
  });
  await assert.rejects(
    applyTransition(store, xh, simple.id, { action: 'self_close' }, systemClock),
    (e: Error & { field?: string }) => e.field === 'comment',
  );
  const r = await applyTransition(
    store,
    xh,
    simple.id,
    { action: 'self_close', comment: '经自查，两名执法人员均在场，系录入遗漏，已补录。' },
    systemClock,
  );
  assert.equal(r.clue.status, 'closed');
  assert.equal(r.clue.procedure, 'simple');
  const [audit] = await store.query<{ actor: string; detail: string }>(
    "SELECT actor, detail FROM audit_log WHERE action = 'clue.self_close'",
  );
  assert.equal(audit.actor, 'xh-staff');

  // Another 简易 clue, sent to the full loop by the supervisor.
  await store.exec('DELETE FROM model_hits');
  await store.exec('DELETE FROM clue_events');
  await store.exec('DELETE FROM clues');
  await writeHits(store, [runOf('INS_OFF_LIST', [hit('inspection', insFy, '330111', 'AG-FY-ZHZF')])], { root: '330000', asOf: AS_OF });
  const [one] = await clues();
  assert.equal(one.status, 'self_check');
  await assert.rejects(applyTransition(store, fy, one.id, { action: 'upgrade', comment: '需全面核查' }, systemClock), {
    code: 'forbidden',
  });
  const up = await applyTransition(store, sup, one.id, { action: 'upgrade', comment: '需全面核查' }, systemClock);
  assert.equal(up.clue.status, 'new');
  assert.equal(up.clue.procedure, 'general');
  assert.equal(up.clue.deadline, null);
});

for (const inSql of [false, true])
  test(`a 简易 clue tells its agency when triage opens it, once, with a webhook; nobody else is told (${inSql ? 'batch' : 'real-time'})`, async () => {
    await store.exec(`INSERT INTO webhook_endpoints (id, region_code, url, secret, events, active, created_by, created_at)
      VALUES ('WE-T', '330000', 'http://127.0.0.1:9/hook', 'secret-secret-secret', 'clue.self_check,clue.assigned', TRUE, 'test', '2025-01-01T00:00:00Z')`);
    try {
      const app: FastifyInstance = await buildApp({ store });
      const cookies = Object.fromEntries(
        await Promise.all(['fy-staff', 'xh-staff', 'fy-sup'].map(async (u) => [u, await login(app, u)] as const)),
      );
      const rows = async (u: string) =>
        (await app.inject({ url: '/api/v1/notifications?pageSize=100', headers: { cookie: cookies[u] } })).json().rows as {
          kind: string;
          clueId: string;
          title: string;
          body: string;
        }[];
      await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF, inSql });
      const simple = (await clues()).find((c) => c.procedure === 'simple')!;
      assert.equal(simple.agency_id, 'AG-XH-SCJG');
      const [told, ...more] = await rows('xh-staff');
      assert.equal(more.length, 0);
      assert.equal(told.kind, 'self_check');
      assert.equal(told.clueId, simple.id);
      assert.match(told.title, /交你单位简易自查/);
      assert.match(told.body, /自查期限 2026-01-15/);
      assert.deepEqual(await rows('fy-staff'), [], 'another agency is not told');
      assert.deepEqual(await rows('fy-sup'), [], 'the office is not told of a clue the agency handles itself');
      const hooks = await store.query<{ event: string; payload: string }>('SELECT event, payload FROM webhook_deliveries');
      assert.deepEqual(
        hooks.map((h) => [h.event, JSON.parse(h.payload).data.clue.id]),
        [['clue.self_check', simple.id]],
      );
      // The same hits again: nothing new, nobody told twice.
      await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF, inSql });
      assert.equal((await rows('xh-staff')).length, 1);
      assert.equal((await store.query('SELECT id FROM webhook_deliveries')).length, 1);
      await app.close();
    } finally {
      await store.exec("DELETE FROM webhook_endpoints WHERE id = 'WE-T'");
    }
  });

test('API: a clue lists its hits with their scores explained; 预警 files and thresholds per role and jurisdiction', async () => {
  await writeHits(store, fixtureRuns(), { root: '330000', asOf: AS_OF });
  const app: FastifyInstance = await buildApp({ store });
  try {
    const sup = await login(app, 'fy-sup');
    const fyClue = (await clues()).find((c) => c.bundle_subject === `entity|${FY}|`)!;
    const detail = await app.inject({ method: 'GET', url: `/api/v1/clues/${fyClue.id}`, headers: { cookie: sup } });
    assert.equal(detail.statusCode, 200, detail.body);
    const body = detail.json();
    assert.equal(body.clue.procedure, 'general');
    assert.equal(body.clue.riskScore, 80);
    assert.equal(body.clue.file.label, '一企一档');
    assert.equal(body.hits.length, 2);
    assert.equal(body.hits[0].modelCode, 'PEN_OUT_OF_TIER');
    assert.match(body.hits[0].scoreText, /涉及金额15万元 \+15/);

    // 预警: the 西湖 file is outside 富阳区's scope.
    const fyWarnings = await app.inject({ method: 'GET', url: '/api/v1/triage/warnings', headers: { cookie: sup } });
    assert.equal(fyWarnings.json().total, 0);
    const xh = await login(app, 'xh-staff');
    const xhWarnings = await app.inject({ method: 'GET', url: '/api/v1/triage/warnings', headers: { cookie: xh } });
    assert.deepEqual(
      xhWarnings
        .json()
        .rows.map((r: { key: string }) => r.key)
        .sort(),
      [`agency|AG-XH-SCJG|PEN_GROWTH|2025`, `entity|${XH}||2025`],
    );

    // Thresholds: admins only, inside their jurisdiction, with a Chinese error naming the field.
    const admin = await login(app, 'fy-admin');
    const put = (cookie: string, region: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: `/api/v1/triage/settings/${region}`, headers: { cookie: cookie }, payload });
    const ok = { simpleMin: 50, generalMin: 70, generalSeverity: 'high', simpleDays: 10 };
    assert.equal((await put(sup, '330111', ok)).statusCode, 403);
    assert.equal((await put(admin, '330106', ok)).statusCode, 403);
    const bad = await put(admin, '330111', { ...ok, generalMin: 40 });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'generalMin');
    assert.match(bad.json().error.message, /一般程序分数线/);
    const saved = await put(admin, '330111', ok);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().inForce.simpleMin, 50);
    assert.equal(saved.json().inForce.from, '330111');
  } finally {
    await app.close();
  }
});
