// Coercive measures that outlive their reason (行政强制法 第五条、第二十八条、第二十九条、第四十一条): for each
// model, a hand-built measure that must hit (explanation and evidence checked), the near misses that must
// not, the boundary at N and N + 1, agency scoping, and measures imported through the public format judged
// one by one as they arrive, equal to the batch run. Runs on DuckDB, and on PostgreSQL with
// KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds, runAsOf } from './helpers/model-hits.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, coerciveMeasure, reviewOutcome } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-coercion-release-'));

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
});
const { hits, hitIds, clearHits } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM coercive_measures');
  await store.exec("DELETE FROM cases WHERE id LIKE 'RC-%' OR source_system = 'fy-scjg'");
  await store.exec("DELETE FROM review_outcomes WHERE agency_id = 'AG-FY-SCJG'");
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A case of 富阳's market regulator filed 2025-03-01, decided on 2025-03-20 with a warning. */
const kase = (r: Record<string, Value>) =>
  caseRecord(store, {
    id: `RC-${++n}`,
    agency_id: 'AG-FY-SCJG',
    decision: 'warning',
    fine_amount: null,
    tier: 'mitigated',
    decided_on: '2025-03-20',
    ...r,
  });

/** A seizure by 富阳's market regulator, started 2025-03-01 and released on the 20th with the goods returned that day. */
const measure = (r: Record<string, Value>) =>
  coerciveMeasure(store, { agency_id: 'AG-FY-SCJG', decision_no: '富市监强制〔2025〕1号', ...r });

/** The day `days` after 2025-03-20. */
const after0320 = (days: number) => new Date(Date.UTC(2025, 2, 20) + days * 86_400_000).toISOString().slice(0, 10);

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });

// ── 案件处理后未及时解除查封扣押 (第二十八条) ───────────────────────────────────────────────────────────

test('COE_NOT_RELEASED: a seizure of a case warned on 2025-03-20, released 8 days after the decision', async () => {
  const c = await kase({});
  const id = await measure({ case_id: c, ended_on: after0320(8), goods_returned_on: after0320(8) });
  const r = await run('COE_NOT_RELEASED', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
  assert.equal(
    h.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-01对杭州示例酒坊实施扣押，关联案件于2025-03-20决定警告，至2025-03-28解除，距决定8日，超过7日，可能未及时解除扣押，请核实并说明。',
  );
});

test('COE_NOT_RELEASED boundaries: released on day 7 / 8 after the decision, in force; a fine, a decision on the goods, a transfer, a freezing pass', async () => {
  const warned = await kase({});
  const excused = await kase({ decision: 'no_penalty', tier: 'exempt', harm: 'none', first_offence: true, corrected: true });
  const fined = await kase({ decision: 'fine', fine_amount: 1000, tier: 'general' });
  await measure({ case_id: warned, ended_on: after0320(7), goods_returned_on: after0320(7) }); // the 7th day: in time
  const day8 = await measure({ measure: 'seal', case_id: excused, ended_on: after0320(8), goods_returned_on: after0320(8) });
  await measure({ case_id: fined, ended_on: after0320(25), goods_returned_on: after0320(25) }); // a fine may confiscate
  await measure({ case_id: warned, ended_on: after0320(20), goods_returned_on: null, status: 'disposed' }); // a decision on the goods
  await measure({ case_id: warned, ended_on: after0320(20), goods_returned_on: null, status: 'transferred' });
  await measure({ measure: 'freeze', case_id: warned, ended_on: after0320(20), goods_returned_on: null }); // not 第二十八条's
  await measure({ case_id: null, ended_on: after0320(20), goods_returned_on: after0320(20) }); // no case named
  // Still in force: judged on the run's day.
  const open = await measure({ case_id: warned, ended_on: null, goods_returned_on: null, status: 'in_force', started_on: '2025-03-15' });
  await run('COE_NOT_RELEASED', '2025-06-30');
  assert.deepEqual((await hitIds('COE_NOT_RELEASED')).sort(), [day8, open].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(day8)!, /实施查封，关联案件于2025-03-20决定不予处罚，至2025-03-28解除，距决定8日/);
  assert.match(byId.get(open)!, /截至2025-06-30仍在执行，距决定102日，超过7日，可能未及时解除扣押/);
  // In force on the 7th day after the decision: no hit; on the 8th, a hit.
  await clearHits();
  await run('COE_NOT_RELEASED', after0320(7));
  assert.ok(!(await hitIds('COE_NOT_RELEASED')).includes(open));
  await run('COE_NOT_RELEASED', after0320(8));
  assert.ok((await hitIds('COE_NOT_RELEASED')).includes(open));
});

test('COE_NOT_RELEASED: the days are a setting (及时 names none)', async () => {
  const c = await kase({});
  const id = await measure({ case_id: c, ended_on: after0320(4), goods_returned_on: after0320(4) });
  await runAsOf(store, 'COE_NOT_RELEASED', '2025-06-30', { release_days: 3 });
  assert.deepEqual(await hitIds('COE_NOT_RELEASED'), [id]);
});

// ── 轻微违法实施查封扣押 (第五条；优化营商环境条例 第五十九条) ─────────────────────────────────────────────

test('COE_ON_MINOR_CASE: a seizure of a case decided 不予处罚; a warning, a fine of no harm, a freezing, an open case pass', async () => {
  const excused = await kase({ decision: 'no_penalty', tier: 'exempt', harm: 'none', first_offence: true, corrected: true });
  const warned = await kase({ harm: 'none' });
  const fined = await kase({ decision: 'fine', fine_amount: 500, tier: 'lenient', harm: 'none' });
  const open = await kase({ decision: null, tier: null, decided_on: null, status: 'open' });
  const later = await kase({ decision: 'no_penalty', tier: 'exempt', harm: 'none', decided_on: '2025-07-01' });
  const id = await measure({ case_id: excused });
  await measure({ case_id: warned });
  await measure({ case_id: fined });
  await measure({ case_id: open, ended_on: null, goods_returned_on: null, status: 'in_force' });
  await measure({ measure: 'freeze', case_id: excused, goods_returned_on: null });
  await measure({ case_id: later }); // decided after the run's day
  const r = await run('COE_ON_MINOR_CASE', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal((h as typeof h & { severity: string }).severity, 'low');
  assert.equal(
    h.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-01对杭州示例酒坊实施扣押，关联案件于2025-03-20决定不予处罚（初次违法、已及时改正、未造成危害后果），可能存在采用非强制手段即可达到管理目的而实施扣押的情形，请核实实施的必要性并说明。',
  );
  await clearHits();
  await run('COE_ON_MINOR_CASE', '2025-07-01');
  assert.equal((await hitIds('COE_ON_MINOR_CASE')).length, 2);
});

// ── 冻结数额明显超过涉案金额 (第二十九条 第二款) ─────────────────────────────────────────────────────────

test('COE_FREEZE_OVER_AMOUNT: a freezing above twice the amount of its case; twice exactly, no amount, no case amount pass', async () => {
  const involved = await kase({ decision: 'fine', fine_amount: 3000, tier: 'general', amount_involved: 10000 });
  const fineOnly = await kase({ decision: 'fine', fine_amount: 3000, tier: 'general', amount_involved: null });
  const none = await kase({ amount_involved: null }); // a warning, no amount of the case stated
  const freeze = (r: Record<string, Value>) => measure({ measure: 'freeze', goods_returned_on: null, ...r });
  const over = await freeze({ case_id: involved, amount: 20000.01 });
  await freeze({ case_id: involved, amount: 20000 }); // twice exactly
  const overFine = await freeze({ case_id: fineOnly, amount: 6500 });
  await freeze({ case_id: fineOnly, amount: 6000 });
  await freeze({ case_id: involved, amount: null }); // no amount stated: not judged
  await freeze({ case_id: none, amount: 900000 }); // the case states no money
  await freeze({ case_id: null, amount: 900000 }); // no case
  await measure({ measure: 'transfer_funds', case_id: involved, amount: 50000, goods_returned_on: null, status: 'disposed' }); // not a freezing
  await run('COE_FREEZE_OVER_AMOUNT', '2025-06-30');
  assert.deepEqual((await hitIds('COE_FREEZE_OVER_AMOUNT')).sort(), [over, overFine].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(over)!), [over]);
  assert.equal(
    byId.get(over)!.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-01对杭州示例酒坊冻结存款、汇款20,000.01元，关联案件涉案金额10,000元，冻结数额超过其2倍，可能与违法行为涉及的金额不相当，请核实并说明。',
  );
  assert.match(byId.get(overFine)!.explanation, /冻结存款、汇款6,500元，关联案件罚款金额3,000元，冻结数额超过其2倍/);
  // The ratio is a setting.
  await clearHits();
  await runAsOf(store, 'COE_FREEZE_OVER_AMOUNT', '2025-06-30', { max_ratio: 3 });
  assert.deepEqual(await hitIds('COE_FREEZE_OVER_AMOUNT'), []);
});

// ── 决定被撤销变更后未退还执行款物 (第四十一条) ───────────────────────────────────────────────────────────

/** The day `days` after 2025-04-01. */
const after0401 = (days: number) => new Date(Date.UTC(2025, 3, 1) + days * 86_400_000).toISOString().slice(0, 10);

test('COE_NOT_RESTORED_AFTER_REVERSAL: an auction and a transfer on a case revoked or changed on 2025-04-01, nothing returned by day 31', async () => {
  const fined = { decision: 'fine', fine_amount: 5000, tier: 'general' };
  const revoked = await kase(fined);
  const changed = await kase(fined);
  const upheld = await kase(fined);
  const review = (caseId: string, outcome: string, decided_on = '2025-04-01') =>
    reviewOutcome(store, { agency_id: 'AG-FY-SCJG', case_id: caseId, outcome, decided_on, carried_out_on: decided_on });
  await review(revoked, 'revoked');
  await review(changed, 'changed');
  await review(upheld, 'upheld');
  const act = (r: Record<string, Value>) =>
    measure({ measure: 'auction', started_on: '2025-03-25', ended_on: '2025-03-25', goods_returned_on: null, status: 'disposed', ...r });
  const auction = await act({ case_id: revoked });
  const day30 = await act({ case_id: revoked, goods_returned_on: after0401(30) });
  const day31 = await act({ case_id: changed, measure: 'transfer_funds', goods_returned_on: after0401(31), amount: 5000 });
  // An act after the review decision: its own day counts.
  const afterwards = await act({ case_id: changed, measure: 'transfer_funds', started_on: '2025-04-10', ended_on: '2025-04-10' });
  await act({ case_id: upheld }); // the decision stands
  await act({ case_id: revoked, measure: 'remove' }); // nothing to return
  await act({ case_id: null }); // no case named
  await run('COE_NOT_RESTORED_AFTER_REVERSAL', after0401(31));
  assert.deepEqual((await hitIds('COE_NOT_RESTORED_AFTER_REVERSAL')).sort(), [auction, day31].sort());
  assert.ok(!(await hitIds('COE_NOT_RESTORED_AFTER_REVERSAL')).includes(day30));
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(auction)!), [auction]);
  assert.equal(
    byId.get(auction)!.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-25对杭州示例酒坊实施拍卖或者依法处理查封、扣押的财物，关联案件的处罚决定经行政复议于2025-04-01被撤销，截至2025-05-02没有退还记录，历时31日，超过30日，可能未退还执行的款物，请核实并说明。',
  );
  assert.match(
    byId.get(day31)!.explanation,
    /实施划拨存款、汇款，关联案件的处罚决定经行政复议于2025-04-01被变更，于2025-05-02退还，历时31日/,
  );
  // A day earlier, the auction not returned is on its 30th day: no hit; the act of 10 April hits 30 days after it.
  await clearHits();
  await run('COE_NOT_RESTORED_AFTER_REVERSAL', after0401(30));
  assert.deepEqual(await hitIds('COE_NOT_RESTORED_AFTER_REVERSAL'), []);
  await run('COE_NOT_RESTORED_AFTER_REVERSAL', '2025-05-11');
  assert.ok((await hitIds('COE_NOT_RESTORED_AFTER_REVERSAL')).includes(afterwards));
  await clearHits();
  await run('COE_NOT_RESTORED_AFTER_REVERSAL', '2025-05-10');
  assert.ok(!(await hitIds('COE_NOT_RESTORED_AFTER_REVERSAL')).includes(afterwards));
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const CODES = ['COE_NOT_RELEASED', 'COE_ON_MINOR_CASE', 'COE_FREEZE_OVER_AMOUNT', 'COE_NOT_RESTORED_AFTER_REVERSAL'];

test('measures imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  await kase({ id: recordId('cases', 'fy-scjg', 'AJ-1'), source_system: 'fy-scjg', source_id: 'AJ-1' }); // warned on 2025-03-20
  await kase({
    id: recordId('cases', 'fy-scjg', 'AJ-2'),
    source_system: 'fy-scjg',
    source_id: 'AJ-2',
    decision: 'no_penalty',
    tier: 'exempt',
  });
  const fined = { decision: 'fine', fine_amount: 3000, tier: 'general', amount_involved: 10000 };
  await kase({ id: recordId('cases', 'fy-scjg', 'AJ-3'), source_system: 'fy-scjg', source_id: 'AJ-3', ...fined });
  await reviewOutcome(store, {
    agency_id: 'AG-FY-SCJG',
    case_id: recordId('cases', 'fy-scjg', 'AJ-3'),
    outcome: 'revoked',
    decided_on: '2025-04-01',
  });
  const header =
    '来源系统,强制措施编号,区划代码,执法主体编码,当事人统一社会信用代码,案件编号,措施种类,决定书文号,实施日期,是否情况紧急当场实施,是否延长期限,延长是否经负责人批准,解除或处理日期,财物退还日期,主办执法人员编号,协办执法人员编号,措施状态,冻结或划拨数额';
  const rows = [
    'fy-scjg,QZ-1,330111,AG-FY-SCJG,91330100470102706G,AJ-1,扣押,富市监强制〔2025〕1号,2025-03-01,否,否,否,2025-03-28,2025-03-28,OF-1,OF-3,已解除,', // 8 days after the warning
    'fy-scjg,QZ-2,330111,AG-FY-SCJG,91330100470102706G,AJ-1,查封,富市监强制〔2025〕2号,2025-03-01,否,否,否,2025-03-27,2025-03-27,OF-1,OF-3,已解除,', // 7 days
    'fy-scjg,QZ-3,330111,AG-FY-SCJG,91330100470102706G,,扣押,富市监强制〔2025〕3号,2025-03-01,否,否,否,2025-03-29,2025-03-29,OF-1,OF-3,已解除,', // no case
    'fy-scjg,QZ-4,330111,AG-FY-SCJG,91330100470102706G,AJ-2,扣押,富市监强制〔2025〕4号,2025-03-01,否,否,否,2025-03-22,2025-03-22,OF-1,OF-3,已解除,', // a case excused
    'fy-scjg,QZ-5,330111,AG-FY-SCJG,91330100470102706G,AJ-3,冻结存款,富市监强制〔2025〕5号,2025-03-01,否,否,否,2025-03-25,,OF-1,OF-3,已解除,25000', // 2.5 times the 10,000 of the case
    'fy-scjg,QZ-6,330111,AG-FY-SCJG,91330100470102706G,AJ-3,冻结存款,富市监强制〔2025〕6号,2025-03-01,否,否,否,2025-03-25,,OF-1,OF-3,已解除,20000', // twice
    'fy-scjg,QZ-7,330111,AG-FY-SCJG,91330100470102706G,AJ-3,拍卖,富市监强制执行〔2025〕7号,2025-03-26,否,否,否,2025-03-26,,OF-1,OF-3,已作出处理决定,', // the decision revoked on 1 April, nothing returned
    'fy-scjg,QZ-8,330111,AG-FY-SCJG,91330100470102706G,AJ-3,划拨,富市监强制执行〔2025〕8号,2025-03-26,否,否,否,2025-03-26,2025-04-20,OF-1,OF-3,已作出处理决定,3000', // returned in time
  ];
  const path = join(dir, 'measures.csv');
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM coercive_measures')).map((r) => [r.source_id, r.id]),
  );

  // One by one, as the ingest API lands them.
  for (const id of [...bySource.values()].sort()) await checkRecords(store, 'coercive_measures', [{ id }], 'system', '2025-06-30');
  const mine = (h: { model_code: string }) => CODES.includes(h.model_code);
  const realtime = (await hits()).filter(mine).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));

  await clearHits();
  for (const code of CODES) await run(code, '2025-06-30');
  const batch = (await hits()).filter(mine).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  assert.deepEqual(await hitIds('COE_NOT_RELEASED'), [bySource.get('QZ-1')]);
  assert.deepEqual(await hitIds('COE_ON_MINOR_CASE'), [bySource.get('QZ-4')]);
  assert.deepEqual(await hitIds('COE_FREEZE_OVER_AMOUNT'), [bySource.get('QZ-5')]);
  assert.deepEqual(await hitIds('COE_NOT_RESTORED_AFTER_REVERSAL'), [bySource.get('QZ-7')]);
});

test('an amount on a sealing, or an amount of 0, is refused in Chinese', async () => {
  const header =
    '来源系统,强制措施编号,区划代码,执法主体编码,当事人统一社会信用代码,措施种类,决定书文号,实施日期,是否情况紧急当场实施,是否延长期限,延长是否经负责人批准,主办执法人员编号,措施状态,冻结或划拨数额';
  const rows = [
    'fy-scjg,QZ-A,330111,AG-FY-SCJG,91330100470102706G,查封,富市监强制〔2025〕9号,2025-03-01,否,否,否,OF-1,执行中,5000',
    'fy-scjg,QZ-B,330111,AG-FY-SCJG,91330100470102706G,冻结,富市监强制〔2025〕9号,2025-03-01,否,否,否,OF-1,执行中,0',
    'fy-scjg,QZ-C,330111,AG-FY-SCJG,91330100470102706G,冻结存款,富市监强制〔2025〕9号,2025-03-01,否,否,否,OF-1,执行中,5000.50',
  ];
  const path = join(dir, 'amounts.csv');
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 1);
  const messages = JSON.stringify(report.errors);
  assert.match(messages, /只有冻结存款、汇款和划拨存款、汇款可以填写冻结或划拨数额/);
  assert.match(messages, /冻结或划拨数额须大于0/);
  const [row] = await store.query<{ amount: number }>('SELECT amount FROM coercive_measures');
  assert.equal(Number(row.amount), 5000.5);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's measures; a supervisor of the county sees both", async () => {
  const own = await measure({ amount: null });
  await measure({ agency_id: 'AG-FY-ZHZF' });
  await assertOwnAgencyOnly(store, 'coercive_measures', own, 2);
});
