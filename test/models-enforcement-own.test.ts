// 行政强制执行 by the agency itself (行政强制法 第三十五条、第四十四条、第四十六条): 强制执行前未催告
// (COE_ENFORCEMENT_NO_DEMAND), 加处罚款未满三十日即强制执行 (COE_FINE_ENFORCED_EARLY), 强制拆除未公告 (COE_DEMOLITION_NOT_ANNOUNCED) and 复议诉讼期限内强制拆除
// (COE_DEMOLITION_BEFORE_APPEAL_PERIOD). For each: a hand-built record that must hit (explanation and
// evidence checked), the near misses that must not, the boundaries (a 催告 the day of the act / the day
// after; the 30th / 31st day after the due day; the deadline day / the day after; the last day of the six months / the day after, a month end);
// records imported through the public format, judged one by one as they arrive and equal to the batch run;
// contradictions refused in Chinese; an agency's staff see only their own rows.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, coerciveMeasure, delivery, payment, reviewOutcome } from './helpers/records.ts';
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
const dir = mkdtempSync(join(tmpdir(), 'kedu-enforcement-own-'));

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  await store.exec('DELETE FROM coercive_measures');
  await store.exec('DELETE FROM review_outcomes');
  await store.exec('DELETE FROM deliveries');
  await store.exec('DELETE FROM payments');
  await store.exec("DELETE FROM cases WHERE id LIKE 'CASE-%' AND id NOT IN ('CASE-FY-1', 'CASE-XH-1') OR source_system = 'fy'");
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (code: string, asOf = '2025-12-31') => runModel(store, findModel(code)!, { asOf });

/** A fine of 富阳's comprehensive enforcement bureau decided on 2025-03-20, its own id and number. */
const fineCase = (r: Record<string, Value> = {}) => caseRecord(store, { ...r });

/** An auction by 富阳's comprehensive enforcement bureau on Tuesday 2025-05-06 at 10:00 for a case, completed that day. */
const act = (r: Record<string, Value>) =>
  coerciveMeasure(store, {
    measure: 'auction',
    decision_no: '富综执强制执行〔2025〕1号',
    started_on: '2025-05-06',
    started_at: '10:00',
    approved_at: '2025-05-05 16:00',
    ended_on: '2025-05-06',
    goods_returned_on: null,
    status: 'disposed',
    ...r,
  });

/** A 强制拆除 on 2025-10-14, announced on 2025-09-01 with 15 days to demolish the building itself, a 催告 served before. */
const demolition = (r: Record<string, Value>) =>
  act({
    measure: 'remove',
    demolition: true,
    started_on: '2025-10-14',
    ended_on: '2025-10-14',
    approved_at: '2025-10-13 16:00',
    demand_served_on: '2025-09-20',
    announced_on: '2025-09-01',
    deadline_on: '2025-09-16',
    ...r,
  });

// ── 强制执行前未催告 (第三十五条) ────────────────────────────────────────────────────────────────────────

test('COE_ENFORCEMENT_NO_DEMAND: an auction for a case with no 催告 on the act or the case', async () => {
  const c = await fineCase({ source_id: 'AJ-7' });
  const id = await act({ case_id: c });
  await act({ case_id: c, measure: 'transfer_funds', demand_served_on: '2025-04-20' }); // the system sends the 催告's day
  const r = await run('COE_ENFORCEMENT_NO_DEMAND');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_id, id);
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-05-06对杭州示例酒坊实施拍卖或者依法处理查封、扣押的财物（案件AJ-7），记录中没有催告书送达日期，可能未事先催告当事人履行义务即强制执行，请核实并说明。',
  );
});

test('COE_ENFORCEMENT_NO_DEMAND boundaries: a 催告 on the day of the act or before it, on the act or the case; the day after is a hit', async () => {
  const c = await fineCase();
  const demanded = await fineCase({ demand_served_on: '2025-05-06' });
  const lateOnCase = await fineCase({ demand_served_on: '2025-05-07' });
  await act({ case_id: c, demand_served_on: '2025-05-06' }); // the same day: on or before
  await act({ case_id: c, demand_served_on: '2025-04-20', measure: 'transfer_funds' });
  const dayAfter = await act({ case_id: c, demand_served_on: '2025-05-07', measure: 'remove' });
  await act({ case_id: demanded }); // the 催告 recorded on the case
  const caseLate = await act({ case_id: lateOnCase, measure: 'substitute' });
  await act({ case_id: c, measure: 'substitute', urgent: true }); // 立即代履行 (第五十二条)
  await act({ case_id: null }); // no case: the decision it carries out is not in the data
  await act({ case_id: c, measure: 'seize', ended_on: '2025-05-20', status: 'released', goods_returned_on: '2025-05-20' }); // a 强制措施
  await act({ case_id: c, started_on: '2026-01-05', ended_on: '2026-01-05' }); // after the run's day
  await run('COE_ENFORCEMENT_NO_DEMAND');
  assert.deepEqual((await hitIds('COE_ENFORCEMENT_NO_DEMAND')).sort(), [dayAfter, caseLate].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(dayAfter)!, /实施强制拆除、排除妨碍、恢复原状（案件s-\d+），催告书送达日期为2025-05-07，晚于实施日期，/);
  assert.match(byId.get(caseLate)!, /实施代履行.*催告书送达日期为2025-05-07，晚于实施日期/);
});

test('COE_ENFORCEMENT_NO_DEMAND judges only source systems that send the 催告: never sent raises nothing; sent on the act or on the case judges every act', async () => {
  // A measure system and a case system that never send demand_served_on: no column to read.
  const legacyCase = await fineCase({ source_system: 'legacy' });
  const auction = await act({ case_id: legacyCase, source_system: 'legacy' });
  const removal = await act({ case_id: legacyCase, source_system: 'legacy', measure: 'remove' });
  assert.deepEqual(await hitIdsAfterRun(), []);
  // The measure system sends the date on one act (served in time): its acts without it are judged.
  await act({ case_id: legacyCase, source_system: 'legacy', measure: 'transfer_funds', demand_served_on: '2025-05-01' });
  assert.deepEqual(await hitIdsAfterRun(), [auction, removal].sort());
  // Sent on cases only: an act of a measure system that never sends it is judged through its case's system.
  await store.exec('DELETE FROM coercive_measures');
  const sentOnCase = await fineCase({ demand_served_on: '2025-04-01' }); // the case system 'test' sends the date
  const plain = await fineCase();
  const viaCase = await act({ case_id: plain, source_system: 'legacy' });
  await act({ case_id: sentOnCase, source_system: 'legacy' }); // its 催告 is on the case, before the act
  await act({ case_id: legacyCase, source_system: 'legacy' }); // neither system sends it
  assert.deepEqual(await hitIdsAfterRun(), [viaCase]);
});

/** Runs COE_ENFORCEMENT_NO_DEMAND afresh; its hits. */
async function hitIdsAfterRun() {
  await clearHits();
  await run('COE_ENFORCEMENT_NO_DEMAND');
  return (await hitIds('COE_ENFORCEMENT_NO_DEMAND')).sort();
}

// ── 加处罚款未满三十日即强制执行 (第四十六条) ─────────────────────────────────────────────────────────────

test('COE_FINE_ENFORCED_EARLY: an auction on the 30th day of 加处罚款 is a hit, on the 31st it is not; paid, not yet due, other ways', async () => {
  const c = await fineCase({ source_id: 'AJ-8' });
  // Due on 2025-04-07: 加处罚款 from the 8th, its 30th day 2025-05-07, its 31st 2025-05-08.
  await payment(store, { case_id: c, paid_on: null, due_on: '2025-04-07' });
  const day30 = await act({ case_id: c, started_on: '2025-05-07', ended_on: '2025-05-07', demand_served_on: '2025-05-01' });
  await act({ case_id: c, started_on: '2025-05-08', ended_on: '2025-05-08', demand_served_on: '2025-05-01' });
  const day1 = await act({ case_id: c, measure: 'transfer_funds', started_on: '2025-04-08', ended_on: '2025-04-08' });
  await act({ case_id: c, started_on: '2025-04-07', ended_on: '2025-04-07' }); // the due day: not yet overdue
  await act({ case_id: c, measure: 'remove', started_on: '2025-04-20', ended_on: '2025-04-20' }); // not 金钱给付 enforcement
  // Paid late on 2025-04-25: an auction after that is no enforcement of an unpaid fine; one before it is.
  const paidLate = await fineCase();
  await payment(store, { case_id: paidLate, paid_on: '2025-04-25', due_on: '2025-04-07' });
  const beforePaid = await act({ case_id: paidLate, started_on: '2025-04-24', ended_on: '2025-04-24' });
  await act({ case_id: paidLate, started_on: '2025-04-28', ended_on: '2025-04-28' });
  // A warning with no payment; a case with no payment record.
  await act({ case_id: await fineCase({ decision: 'warning', fine_amount: null }), started_on: '2025-04-20', ended_on: '2025-04-20' });
  await act({ case_id: await fineCase(), started_on: '2025-04-20', ended_on: '2025-04-20' });
  await run('COE_FINE_ENFORCED_EARLY');
  assert.deepEqual((await hitIds('COE_FINE_ENFORCED_EARLY')).sort(), [day30, day1, beforePaid].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(day30)!), [day30]);
  assert.equal(
    byId.get(day30)!.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-05-07对杭州示例酒坊实施拍卖或者依法处理查封、扣押的财物（案件AJ-8），该案罚款缴款期限为2025-04-07，实施之日仍未缴纳，加处罚款自缴款期限次日起算至实施之日为30日，可能在加处罚款未超过三十日时即强制执行，请核实并说明。',
  );
  assert.match(byId.get(day1)!.explanation, /实施划拨存款、汇款.*至实施之日为1日/);
});

// ── 强制拆除未公告 (第四十四条) ────────────────────────────────────────────────────────────────────────

test('COE_DEMOLITION_NOT_ANNOUNCED: no announcement, one on the day itself, a start on the deadline day; the day after it is in time', async () => {
  const c = await fineCase();
  const none = await demolition({ case_id: c, announced_on: null, deadline_on: null });
  const sameDay = await demolition({ case_id: c, announced_on: '2025-10-14', deadline_on: null });
  const onDeadline = await demolition({ case_id: c, deadline_on: '2025-10-14' });
  await demolition({ case_id: c, deadline_on: '2025-10-13' }); // the day after the deadline
  await demolition({ case_id: c, deadline_on: null }); // announced before, no deadline recorded
  await demolition({ case_id: c, demolition: false, announced_on: null, deadline_on: null }); // 排除妨碍、恢复原状
  await demolition({ case_id: c, demolition: null, announced_on: null, deadline_on: null }); // not stated
  await run('COE_DEMOLITION_NOT_ANNOUNCED');
  assert.deepEqual((await hitIds('COE_DEMOLITION_NOT_ANNOUNCED')).sort(), [none, sameDay, onDeadline].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(none)!), [none]);
  assert.equal(
    byId.get(none)!.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-10-14对杭州示例酒坊实施强制拆除，记录中没有强制拆除公告日期，可能未依法公告并限期当事人自行拆除即强制拆除，请核实并说明。',
  );
  assert.match(byId.get(sameDay)!.explanation, /强制拆除公告日期为2025-10-14，不早于实施日期/);
  assert.match(byId.get(onDeadline)!.explanation, /公告于2025-09-01发布，限期至2025-10-14自行拆除，实施时限期尚未届满/);
});

test('COE_DEMOLITION_NOT_ANNOUNCED judges only source systems that send the announcement: never sent raises nothing; sent once judges the rest', async () => {
  const c = await fineCase();
  await demolition({ case_id: c, source_system: 'legacy', announced_on: null, deadline_on: null });
  await run('COE_DEMOLITION_NOT_ANNOUNCED');
  assert.deepEqual(await hitIds('COE_DEMOLITION_NOT_ANNOUNCED'), []);
  // The system sends the day for one demolition (announced in time): the one without it is judged.
  const none = await demolition({ case_id: c, source_system: 'sends', announced_on: null, deadline_on: null });
  await demolition({ case_id: c, source_system: 'sends' });
  await clearHits();
  await run('COE_DEMOLITION_NOT_ANNOUNCED');
  assert.deepEqual(await hitIds('COE_DEMOLITION_NOT_ANNOUNCED'), [none]);
});

// ── 复议诉讼期限内强制拆除 (第四十四条; 行政复议法 第二十条, 行政诉讼法 第四十六条) ─────────────────────────────

test('COE_DEMOLITION_BEFORE_APPEAL_PERIOD: six months from the delivery, or from the decision day; the last day is a hit, the day after is not', async () => {
  const delivered = await fineCase({ source_id: 'AJ-9', decided_on: '2025-03-20' });
  await delivery(store, { case_id: delivered, delivered_on: '2025-03-23' });
  await delivery(store, { case_id: delivered, sent_on: '2025-04-01', delivered_on: '2025-04-02' }); // a second one: the first counts
  const lastDay = await demolition({ case_id: delivered, started_on: '2025-09-23', ended_on: '2025-09-23' });
  await demolition({ case_id: delivered, started_on: '2025-09-24', ended_on: '2025-09-24' });
  // Undelivered, decided on 2025-03-31: the six months end on 2025-09-30 (September has no 31st).
  const undelivered = await fineCase({ decided_on: '2025-03-31' });
  const monthEnd = await demolition({ case_id: undelivered, started_on: '2025-09-30', ended_on: '2025-09-30' });
  await demolition({ case_id: undelivered, started_on: '2025-10-01', ended_on: '2025-10-01' });
  // A review brought: the demolition waits for its outcome, another question.
  const reviewed = await fineCase({ decided_on: '2025-06-01' });
  await reviewOutcome(store, { case_id: reviewed, applied_on: '2025-06-20', decided_on: '2025-08-20' });
  await demolition({ case_id: reviewed, started_on: '2025-09-01', ended_on: '2025-09-01' });
  // Not a 强制拆除; no case.
  await demolition({ case_id: undelivered, demolition: false, started_on: '2025-06-01', ended_on: '2025-06-01' });
  await demolition({ case_id: null, started_on: '2025-06-01', ended_on: '2025-06-01' });
  await run('COE_DEMOLITION_BEFORE_APPEAL_PERIOD');
  assert.deepEqual((await hitIds('COE_DEMOLITION_BEFORE_APPEAL_PERIOD')).sort(), [lastDay, monthEnd].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(lastDay)!), [lastDay]);
  assert.equal(
    byId.get(lastDay)!.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-09-23对杭州示例酒坊实施强制拆除（案件AJ-9），决定书于2025-03-23送达，申请复议、提起诉讼的期限至2025-09-23届满，记录中没有复议或诉讼，可能在法定期限届满前强制拆除，请核实并说明。',
  );
  assert.match(
    byId.get(monthEnd)!.explanation,
    /决定于2025-03-31作出（记录中没有送达日期，自决定日期起算），申请复议、提起诉讼的期限至2025-09-30届满/,
  );
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const HEADER =
  '来源系统,强制措施编号,区划代码,执法主体编码,当事人统一社会信用代码,案件编号,措施种类,决定书文号,实施日期,实施时间,负责人批准时间,是否情况紧急当场实施,是否延长期限,延长是否经负责人批准,解除或处理日期,财物退还日期,主办执法人员编号,协办执法人员编号,措施状态,催告书送达日期,是否强制拆除建筑物,强制拆除公告日期,公告限期';
const row = (no: string, way: string, start: string, own: string) =>
  `fy,${no},330111,AG-FY-ZHZF,91330100470102706G,AJ-1,${way},富综执强制执行〔2025〕${no}号,${start},10:00,,否,否,否,${start},,OF-1,OF-3,已作出处理决定,${own}`;

test('acts imported with their 催告 and announcement, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  await fineCase({ id: recordId('cases', 'fy', 'AJ-1'), source_system: 'fy', source_id: 'AJ-1', decided_on: '2025-03-20' });
  const rows = [
    row('QZ-1', '拍卖', '2025-05-06', ',,,'), // no 催告
    row('QZ-2', '划拨存款', '2025-05-06', '2025-04-28,,,'), // 催告 served before
    row('QZ-3', '强制拆除', '2025-10-14', '2025-09-20,是,,'), // not announced
    row('QZ-4', '强制拆除', '2025-10-14', '2025-09-20,是,2025-09-01,2025-09-16'), // announced, deadline run out, six months run out
    row('QZ-5', '强制拆除', '2025-08-14', '2025-08-01,是,2025-07-01,2025-07-16'), // within the six months from the decision day
    row('QZ-6', '排除妨碍', '2025-05-06', '2025-04-28,否,,'), // not a 强制拆除
  ];
  const path = join(dir, 'acts.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 6, JSON.stringify(report.errors));
  const stored = await store.query<{ id: string; source_id: string; demolition: boolean | null; demand_served_on: string | null }>(
    'SELECT id, source_id, demolition, CAST(demand_served_on AS VARCHAR) AS demand_served_on FROM coercive_measures ORDER BY source_id',
  );
  assert.deepEqual(
    stored.map((r) => [r.demolition, r.demand_served_on]),
    [
      [null, null],
      [null, '2025-04-28'],
      [true, '2025-09-20'],
      [true, '2025-09-20'],
      [true, '2025-08-01'],
      [false, '2025-04-28'],
    ],
  );
  const codes = ['COE_ENFORCEMENT_NO_DEMAND', 'COE_DEMOLITION_NOT_ANNOUNCED', 'COE_DEMOLITION_BEFORE_APPEAL_PERIOD'];
  for (const { id } of stored) await checkRecords(store, 'coercive_measures', [{ id }], 'system', '2025-12-31');
  const line = (h: { model_code: string; subject_id: string; explanation: string }) =>
    [h.model_code, h.subject_id, h.explanation].join('|');
  const realtime = (await hits()).filter((h) => codes.includes(h.model_code)).map(line);
  assert.equal(realtime.length, 3);
  await clearHits();
  for (const code of codes) await run(code, '2025-12-31');
  assert.deepEqual((await hits()).filter((h) => codes.includes(h.model_code)).map(line), realtime);
  const bySource = new Map(stored.map((r) => [r.source_id, r.id]));
  assert.deepEqual(await hitIds('COE_ENFORCEMENT_NO_DEMAND'), [bySource.get('QZ-1')]);
  assert.deepEqual(await hitIds('COE_DEMOLITION_NOT_ANNOUNCED'), [bySource.get('QZ-3')]);
  assert.deepEqual(await hitIds('COE_DEMOLITION_BEFORE_APPEAL_PERIOD'), [bySource.get('QZ-5')]);
});

test('contradictions in 催告 and announcement are refused in Chinese', async () => {
  await fineCase({ id: recordId('cases', 'fy', 'AJ-1'), source_system: 'fy', source_id: 'AJ-1' });
  const rows = [
    `fy,QZ-11,330111,AG-FY-ZHZF,91330100470102706G,AJ-1,扣押,富综执强制〔2025〕11号,2025-05-06,10:00,,否,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除,2025-05-01,,,`,
    row('QZ-12', '拍卖', '2025-05-06', '2025-04-28,是,,'),
    row('QZ-13', '强制拆除', '2025-05-06', '2025-04-28,否,2025-04-01,'),
    row('QZ-14', '强制拆除', '2025-05-06', '2025-04-28,是,,2025-04-20'),
    row('QZ-15', '强制拆除', '2025-05-06', '2025-04-28,是,2025-04-10,2025-04-09'),
  ];
  const path = join(dir, 'bad-acts.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const text = report.errors.map((e) => e.text).join('\n');
  assert.match(text, /查封、扣押、冻结是行政强制措施，不能填写强制执行的催告书送达日期/);
  assert.match(text, /强制拆除的措施种类须为“强制拆除、排除妨碍、恢复原状”/);
  assert.match(text, /公告日期和公告限期只用于强制拆除建筑物/);
  assert.match(text, /填写公告限期时须填写强制拆除公告日期/);
  assert.match(text, /公告限期不能早于强制拆除公告日期/);
  assert.equal(report.errors.length, 5, text);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's acts of enforcement; a supervisor of the county sees both", async () => {
  const own = await demolition({ agency_id: 'AG-FY-SCJG', measure: 'auction', demolition: null, announced_on: null, deadline_on: null });
  await demolition({});
  await assertOwnAgencyOnly(store, 'coercive_measures', own, 2);
});
