// The whole chain of a coded inspection: plans of two agencies imported → drawn → a merge suggestion
// for the entity both drew → accepted (one joint task, one code) or declined with a reason → the burden
// before and after → the code verified on the public side (valid, altered, malformed, expired,
// revoked) → inspection records citing their code, or none, or another's → the rating (扫码评价) with
// its guards → the models raising clues where something is wrong, and only there. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { AGENCIES, FY, FY_ENTITIES, NEXT_YEAR, planRow, seedInspectionWorld } from './helpers/inspection-world.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { callerForUsername } from '../src/auth/users.ts';
import type { Caller } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import { drawPlan } from '../src/inspections/draw.ts';
import { burden, decideSuggestion, listSuggestions, suggestMerges } from '../src/inspections/merge.ts';
import { displayCode } from '../src/inspections/action-code.ts';
import { rateTask, verifyCode } from '../src/inspections/verify.ts';
import { revokeTask } from '../src/inspections/tasks.ts';
import { issueFormToken } from '../src/clues/portal.ts';
import { runModels } from '../src/models/runner.ts';
import { MODELS } from '../src/models/library/index.ts';
import { KeduError } from '../src/domain/errors.ts';
import { sql } from '../src/store/sql.ts';

process.env.KEDU_CODE_KEY = 'b'.repeat(64);
const t = await openTestStore();
const { store } = t;
const as: Record<string, Caller> = {};
const TARGETS = FY_ENTITIES.slice(0, 3);
const IN_WINDOW = new Date(`${NEXT_YEAR}-03-10T02:00:00Z`);

interface Task {
  id: string;
  code: string;
  entity_uscc: string;
  agency_id: string;
  officer_ids: string;
  valid_from: string;
  valid_to: string;
  status: string;
  origin: string;
}
const tasksOf = (where: ReturnType<typeof sql>) => store.query<Task>(sql`SELECT * FROM inspection_tasks WHERE ${where} ORDER BY id`);
/** A code with one character changed (to another of the alphabet), at position i. */
const altered = (code: string, i: number) => code.slice(0, i) + (code[i] === '7' ? '8' : '7') + code.slice(i + 1);

before(async () => {
  await seedInspectionWorld(store);
  for (const u of ['fy_scjg', 'fy_xf', 'fy_jiandu', 'xh_jiandu']) as[u] = (await callerForUsername(store, u))!;
  // Market supervision and the fire brigade each plan the same three restaurants in March (the
  // dining scenario joins MKT-I001-03 and FIR-I001-09), targeted so that both draw them.
  const window = {
    method: 'targeted',
    entity_usccs: TARGETS.join(','),
    target_count: '3',
    starts_on: `${NEXT_YEAR}-03-01`,
    ends_on: `${NEXT_YEAR}-03-20`,
  };
  const mkt = await importRows(store, recordsSource([planRow(1, window)]), { kind: 'inspection_plans', caller: as.fy_scjg });
  assert.equal(mkt.rowsOk, 1, mkt.errors.map((e) => e.text).join('\n'));
  const fire = await importRows(
    store,
    recordsSource([
      planRow(2, { ...window, agency_id: AGENCIES.fyFir, inspection_item_code: 'FIR-I001-09', object_type: '', weighting: 'none' }),
    ]),
    { kind: 'inspection_plans', caller: as.fy_xf },
  );
  assert.equal(fire.rowsOk, 1, fire.errors.map((e) => e.text).join('\n'));
  await drawPlan(store, as.fy_scjg, recordId('inspection_plans', 'fy-plan', 'JH-1'));
  await drawPlan(store, as.fy_xf, recordId('inspection_plans', 'fy-plan', 'JH-2'));
});
after(() => t.close());

test('plan → draw → merge: one suggestion per entity both agencies drew; accepted it becomes one joint task with one code, declined it keeps its reason', async () => {
  const drawn = await tasksOf(sql`origin = 'plan'`);
  assert.equal(drawn.length, 6);
  const report = await suggestMerges(store, as.fy_jiandu, { regionCode: FY, from: `${NEXT_YEAR}-01-01` });
  assert.equal(report.suggestions, 3);
  assert.equal(report.visitsSaved, 3);
  // Another county's supervisor neither sees nor runs them.
  assert.equal((await listSuggestions(store, as.xh_jiandu, {}, 1, 10)).total, 0);
  await assert.rejects(suggestMerges(store, as.xh_jiandu, { regionCode: FY }), (e: KeduError) => e.code === 'forbidden');

  const { rows } = await listSuggestions(store, as.fy_scjg, { status: 'pending' }, 1, 10);
  const [merge, decline] = [rows.find((s) => s.entityUscc === TARGETS[0])!, rows.find((s) => s.entityUscc === TARGETS[1])!];
  await assert.rejects(decideSuggestion(store, as.fy_xf, decline.id, { decision: 'decline', reason: ' ' }), /请写明理由/);
  await decideSuggestion(store, as.fy_xf, decline.id, { decision: 'decline', reason: '检查所需专业力量不同，分别实施' });
  await decideSuggestion(store, as.fy_scjg, merge.id, { decision: 'accept', reason: '同意' });
  const done = await decideSuggestion(store, as.fy_xf, merge.id, { decision: 'accept', reason: '同意' });
  assert.equal(done.status, 'accepted');
  assert.ok(done.jointTaskId && done.jointCode);

  const [joint] = await tasksOf(sql`id = ${done.jointTaskId}`);
  assert.equal(joint.origin, 'joint');
  assert.equal(joint.entity_uscc, TARGETS[0]);
  assert.deepEqual(
    joint.officer_ids
      .split(',')
      .sort()
      .map((o) => o.slice(0, 4))
      .filter((p, i, a) => a.indexOf(p) === i),
    ['OF-F', 'OF-M'],
  );
  const members = await tasksOf(sql`joint_task_id = ${joint.id}`);
  assert.deepEqual(members.map((m) => [m.agency_id, m.status]).sort(), [
    [AGENCIES.fyFir, 'merged'],
    [AGENCIES.fyMkt, 'merged'],
  ]);
  const audits = await store.query<{ action: string; target: string }>(
    sql`SELECT action, target FROM audit_log WHERE action LIKE 'merge.%' ORDER BY seq`,
  );
  assert.ok(audits.filter((a) => a.target === decline.id).length >= 1, 'the decline is audited');
  assert.ok(audits.filter((a) => a.target === merge.id).length >= 2, 'both acceptances are audited');

  // The burden: six planned visits to three entities; after the merge five; five if the last pending one were accepted too... four.
  const b = await burden(store, as.fy_jiandu, FY, NEXT_YEAR, 1);
  assert.deepEqual([b.planned.visits, b.planned.over], [6, 3]);
  assert.deepEqual([b.merged.visits, b.merged.over], [5, 2]);
  assert.deepEqual([b.ifAccepted.visits, b.ifAccepted.over], [4, 1]);
  assert.deepEqual(b.suggestions, { pending: 1, accepted: 1, declined: 1 });
});

test('the code on the public side: valid in its window, not yet valid before it, expired after, merged members revoked; one character changed fails the signature; malformed is its own answer', async () => {
  const [joint] = await tasksOf(sql`origin = 'joint'`);
  const ok = await verifyCode(store, displayCode(joint.code).toLowerCase(), new Date(`${joint.valid_from}T02:00:00Z`));
  assert.equal(ok.status, 'valid');
  assert.equal(ok.task!.parts.length, 2, 'both agencies and items of the joint visit');
  assert.ok(
    ok.task!.officers.every((o) => o.certificateNumber),
    'officers with their certificate numbers',
  );
  assert.ok(!JSON.stringify(ok).includes(joint.entity_uscc) && !JSON.stringify(ok).includes(joint.id), 'no credit code, no internal id');
  assert.equal((await verifyCode(store, joint.code, new Date('2000-01-01T00:00:00Z'))).status, 'not_yet_valid');
  assert.equal((await verifyCode(store, joint.code, new Date(`${NEXT_YEAR + 1}-01-01T02:00:00Z`))).status, 'expired');

  for (let i = 0; i < joint.code.length; i++) {
    const v = await verifyCode(store, altered(joint.code, i), IN_WINDOW);
    assert.ok(v.status === 'invalid' || v.status === 'malformed', `position ${i}: ${v.status}`);
    assert.equal(v.task, undefined, `position ${i} leaks a task`);
  }
  // Changing a serial character names another task (or none): the same answer, nothing of either.
  const other = await verifyCode(store, altered(joint.code, 7), IN_WINDOW);
  assert.deepEqual(Object.keys(other).sort(), ['message', 'status']);
  assert.equal((await verifyCode(store, '1000-0042', IN_WINDOW)).status, 'malformed');
  assert.equal((await verifyCode(store, 'ABCD-EFGH-JKMN-PQRS', IN_WINDOW)).status, 'malformed', 'wrong version');

  const [member] = await tasksOf(sql`joint_task_id = ${joint.id}`);
  const merged = await verifyCode(store, member.code, IN_WINDOW);
  assert.deepEqual([merged.status, merged.revokedBecause], ['revoked', 'merged']);

  // A task altered in the database after its code was issued no longer verifies.
  const [plain] = await tasksOf(sql`origin = 'plan' AND status = 'open' AND entity_uscc = ${TARGETS[2]} AND agency_id = ${AGENCIES.fyMkt}`);
  // (The draw's seed is fresh each run, so the altered list must differ from whatever was drawn.)
  await store.exec(sql`UPDATE inspection_tasks SET officer_ids = ${`${plain.officer_ids},OF-ALTERED`} WHERE id = ${plain.id}`);
  assert.equal((await verifyCode(store, plain.code, IN_WINDOW)).status, 'invalid');
  await store.exec(sql`UPDATE inspection_tasks SET officer_ids = ${plain.officer_ids} WHERE id = ${plain.id}`);
  assert.equal((await verifyCode(store, plain.code, new Date(`${plain.valid_from}T02:00:00Z`))).status, 'valid');
});

test('扫码评价: only the visited entity rates, once per code; replayed forms, bots, revoked codes and fast submissions each get their own answer', async () => {
  const [joint] = await tasksOf(sql`origin = 'joint'`);
  const at = new Date(`${joint.valid_to}T08:00:00Z`);
  const form = () => issueFormToken(at.getTime() - 60_000);
  const rate = (input: Partial<Parameters<typeof rateTask>[2]>, code = joint.code, when = at) =>
    rateTask(store, code, { formToken: form(), entityUscc: joint.entity_uscc, score: 4, ...input }, when);

  await assert.rejects(rate({ entityUscc: FY_ENTITIES[10] }), /统一社会信用代码与该次检查的检查对象不符/);
  await assert.rejects(rate({ score: 6 }), /评分须为1至5的整数/);
  await assert.rejects(rate({ website: 'http://spam' }), /未通过校验/);
  await assert.rejects(rate({ formToken: issueFormToken(at.getTime() - 500) }), /提交过快/);
  await assert.rejects(rate({}, altered(joint.code, 12)), (e: KeduError) => e.code === 'not_found');
  const token = form();
  const r = await rate({ formToken: token, score: 2, comment: '检查时间较长' });
  assert.match(r.message, /评价已提交/);
  await assert.rejects(rate({ formToken: token }), /该页面已提交过|已评价过/);
  await assert.rejects(rate({}), (e: KeduError) => e.code === 'conflict' && /只能评价一次/.test(e.message));
  const [member] = await tasksOf(sql`joint_task_id = ${joint.id}`);
  await assert.rejects(rate({ entityUscc: member.entity_uscc }, member.code), /已撤销/);
  const [rating] = await store.query<{ score: number; officer_ids: string }>(
    sql`SELECT score, officer_ids FROM inspection_ratings WHERE task_id = ${joint.id}`,
  );
  assert.deepEqual([Number(rating.score), rating.officer_ids], [2, joint.officer_ids]);
  const [audit] = await store.query(sql`SELECT 1 AS x FROM audit_log WHERE action = 'task.rate' AND target = ${joint.id}`);
  assert.ok(audit, 'the rating is audited');
});

test('inspection records cite their code: the joint visit is one visit and clean; no code, another entity’s code, an officer not on the task or a revoked code each raise a hit', async () => {
  const [joint] = await tasksOf(sql`origin = 'joint'`);
  const plans = await tasksOf(sql`origin = 'plan' AND status = 'open'`);
  const mkt = (u: string) => plans.find((p) => p.entity_uscc === u && p.agency_id === AGENCIES.fyMkt)!;
  const fire = (u: string) => plans.find((p) => p.entity_uscc === u && p.agency_id === AGENCIES.fyFir)!;
  const [jm, jf] = [
    joint.officer_ids.split(',').filter((o) => o.startsWith('OF-M')),
    joint.officer_ids.split(',').filter((o) => o.startsWith('OF-F')),
  ];
  const revoked = mkt(TARGETS[2]);
  await revokeTask(store, as.fy_scjg, revoked.id, '企业停业', new Date(`${revoked.valid_from}T01:00:00Z`));
  const row = (n: number, agency: string, item: string, entity: string, day: string, officers: string[], code: string | null) => ({
    source_system: 'fy-ins',
    source_id: `JC-${n}`,
    region_code: FY,
    agency_id: agency,
    inspection_item_code: item,
    entity_uscc: entity,
    inspected_on: day,
    kind: '双随机检查',
    lead_officer_id: officers[0],
    assist_officer_id: officers[1] ?? '',
    via_code: code ? '是' : '否',
    action_code: code ? displayCode(code) : '',
    result: '未发现问题',
  });
  const day = (x: Task) => x.valid_from;
  const officersOf = (x: Task) => x.officer_ids.split(',');
  const b = fire(TARGETS[1]);
  const m1 = mkt(TARGETS[1]);
  const records = [
    row(1, AGENCIES.fyMkt, 'MKT-I001-03', TARGETS[0], day(joint), jm, joint.code), // the joint visit, market side
    row(2, AGENCIES.fyFir, 'FIR-I001-09', TARGETS[0], day(joint), jf, joint.code), // the joint visit, fire side
    row(3, AGENCIES.fyMkt, 'MKT-I001-03', TARGETS[1], day(m1), officersOf(m1), m1.code), // its own code
    row(4, AGENCIES.fyFir, 'FIR-I001-09', TARGETS[1], day(b), officersOf(b), null), // no code
    row(5, AGENCIES.fyMkt, 'MKT-I001-03', FY_ENTITIES[20], day(m1), officersOf(m1), m1.code), // another entity's code
    row(
      6,
      AGENCIES.fyFir,
      'FIR-I001-09',
      TARGETS[2],
      day(fire(TARGETS[2])),
      ['OF-F1', 'OF-F2', 'OF-F3'].filter((o) => !officersOf(fire(TARGETS[2])).includes(o)).slice(0, 1),
      fire(TARGETS[2]).code,
    ), // an officer not on the task
    row(7, AGENCIES.fyMkt, 'MKT-I001-03', TARGETS[2], day(revoked), officersOf(revoked), revoked.code), // a code revoked before the day
  ];
  const r = await importRows(store, recordsSource(records), { kind: 'inspections', caller: as.fy_jiandu });
  assert.equal(r.rowsOk, 7, r.errors.map((e) => e.text).join('\n'));
  const [stored] = await store.query<{ action_code: string }>(sql`SELECT action_code FROM inspections WHERE source_id = 'JC-1'`);
  assert.equal(stored.action_code, joint.code, 'the code is stored as issued, without hyphens');

  const models = MODELS.filter((m) => ['INS_CODE_MISSING', 'INS_CODE_MISMATCH'].includes(m.code));
  await runModels(store, models, { asOf: `${NEXT_YEAR}-12-31`, regionCode: FY });
  const clues = await store.query<{ model_code: string; evidence: string; explanation: string }>(
    sql`SELECT model_code, evidence, explanation FROM model_hits WHERE model_code IN ('INS_CODE_MISSING', 'INS_CODE_MISMATCH') ORDER BY model_code, explanation`,
  );
  const sourceOf = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM inspections')).map((x) => [x.id, x.source_id]),
  );
  const hit = (code: string) =>
    clues
      .filter((c) => c.model_code === code)
      .map((c) => sourceOf.get((JSON.parse(c.evidence) as { ids: string[] }).ids[0]) ?? c.evidence)
      .sort();
  assert.deepEqual(hit('INS_CODE_MISSING'), ['JC-4']);
  assert.deepEqual(hit('INS_CODE_MISMATCH'), ['JC-5', 'JC-6', 'JC-7']);
  const why = clues
    .filter((c) => c.model_code === 'INS_CODE_MISMATCH')
    .map((c) => c.explanation)
    .join('\n');
  assert.match(why, /该码是其他企业检查任务的码/);
  assert.match(why, /不在该任务名单内/);
  assert.match(why, /撤销/);
});
