// Answering a review or a lawsuit, and what follows a transfer to the police: 复议答复或诉讼答辩超期
// (REV_LATE_ANSWER, 行政复议法 第四十八条 with 第八十八条, 行政诉讼法 第六十七条), 负责人出庭应诉率偏低
// (REV_HEAD_ABSENT, 行政诉讼法 第三条 第三款), 公安立案后涉案物品材料移交超期 (CASE_MATERIALS_HANDOVER_LATE,
// 移送规定 第十二条) and 公安不予立案后未作处理 (CASE_DECLINED_NOT_HANDLED, 第十条). For each: a hand-built
// record that must hit (explanation and evidence checked), the near misses that must not, the boundary at
// N and N + 1; records imported through the public format judged one by one as they arrive equal to the
// batch run; contradictions refused in Chinese; an agency's staff see only their own rows. Runs on
// DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds, runAsOf } from './helpers/model-hits.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, reviewOutcome } from './helpers/records.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import type { ParamValues } from '../src/models/model.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-answers-'));

before(async () => {
  await seedTwoCounties(store);
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'],
    [['IT-1', '擅自占道经营', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 1000, 10000]],
  );
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
});
const { hits, hitIds, clearHits } = modelHits(store, { settings: true });
beforeEach(async () => {
  for (const table of ['cases', 'review_outcomes']) await store.exec(`DELETE FROM ${table}`);
  await clearHits();
  invalidateRealtimeState(store);
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = async (code: string, asOf: string, params?: ParamValues) => {
  await clearHits();
  return runAsOf(store, code, asOf, params);
};

/** A fine of IT-1 by 富阳 urban management, decided 2025-02-10; its id. */
const fined = (r: Record<string, Value> = {}) =>
  caseRecord(store, { filed_on: '2025-01-20', decided_on: '2025-02-10', occurred_on: '2025-01-10', notified_on: '2025-02-01', ...r });

// ── 复议答复、诉讼答辩 (行政复议法 第四十八条、第八十八条; 行政诉讼法 第六十七条) ─────────────────────────────

test('REV_LATE_ANSWER: a reconsideration answered after the tenth working day, a defence after the fifteenth day, one not answered while pending', async () => {
  const c = await fined();
  // 2025-03-14 is a Friday: the tenth working day after it is Friday 2025-03-28.
  const late = await reviewOutcome(store, {
    case_id: c,
    applied_on: '2025-03-07',
    copy_received_on: '2025-03-14',
    answered_on: '2025-03-31',
    decided_on: '2025-04-20',
  });
  const defence = await reviewOutcome(store, {
    case_id: c,
    route: 'litigation',
    applied_on: '2025-03-07',
    copy_received_on: '2025-03-14',
    answered_on: '2025-03-30',
    decided_on: '2025-06-20',
    head_appeared: true,
  });
  const pending = await reviewOutcome(store, {
    case_id: c,
    applied_on: '2025-03-07',
    copy_received_on: '2025-03-14',
    decided_on: null,
    outcome: null,
  });
  // Near misses: the tenth working day (14 calendar days), the fifteenth day, no copy day, a decided review with no answer day.
  await reviewOutcome(store, {
    case_id: c,
    applied_on: '2025-03-07',
    copy_received_on: '2025-03-14',
    answered_on: '2025-03-28',
    decided_on: '2025-04-20',
  });
  await reviewOutcome(store, {
    case_id: c,
    route: 'litigation',
    applied_on: '2025-03-07',
    copy_received_on: '2025-03-14',
    answered_on: '2025-03-29',
    decided_on: '2025-06-20',
  });
  await reviewOutcome(store, { case_id: c, applied_on: '2025-03-07', answered_on: '2025-05-30', decided_on: '2025-06-20' });
  await reviewOutcome(store, { case_id: c, applied_on: '2025-03-07', copy_received_on: '2025-03-14', decided_on: '2025-04-20' });
  const r = await run('REV_LATE_ANSWER', '2025-06-30');
  assert.equal(r.newHits, 3);
  const found = await hits();
  assert.deepEqual(found.map((h) => evidenceIds(h)[0]).sort(), [late, defence, pending].sort());
  const byId = new Map(found.map((h) => [h.subject_id, h]));
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案的行政复议中，被申请人（被告）于2025-03-14收到行政复议申请书副本，于2025-03-31提出书面答复，晚于10个工作日的期限（2025-03-28），可能未按期提出书面答复，请核实并说明。',
  );
  assert.equal(
    byId.get(defence)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案的行政诉讼中，被申请人（被告）于2025-03-14收到起诉状副本，于2025-03-30提交答辩状，晚于15日的期限（2025-03-29），可能未按期提交答辩状，请核实并说明。',
  );
  assert.match(byId.get(pending)!.explanation, /截至2025-06-30仍未提出书面答复，晚于10个工作日的期限（2025-03-28）/);
  assert.equal(byId.get(late)!.agency_id, 'AG-FY-ZHZF');
  assert.equal(byId.get(late)!.subject_kind, 'review_outcome');
});

/** A reconsideration of case `c` answered in time and decided: its source system sends the answer's day. */
const answeredInTime = (c: string, r: Record<string, Value> = {}) =>
  reviewOutcome(store, {
    case_id: c,
    applied_on: '2025-03-01',
    copy_received_on: '2025-03-03',
    answered_on: '2025-03-05',
    decided_on: '2025-03-12',
    ...r,
  });

test('REV_LATE_ANSWER at its boundaries: not answered, judged on the tenth working day and the next; the fifteenth day and the sixteenth', async () => {
  const c = await fined();
  await answeredInTime(c);
  await reviewOutcome(store, { case_id: c, applied_on: '2025-03-07', copy_received_on: '2025-03-14', decided_on: null, outcome: null });
  assert.equal((await run('REV_LATE_ANSWER', '2025-03-28')).hits, 0);
  assert.equal((await run('REV_LATE_ANSWER', '2025-03-31')).hits, 1);
  await store.exec('DELETE FROM review_outcomes');
  await answeredInTime(c);
  await reviewOutcome(store, {
    case_id: c,
    route: 'litigation',
    applied_on: '2025-03-07',
    copy_received_on: '2025-03-14',
    decided_on: null,
    outcome: null,
  });
  assert.equal((await run('REV_LATE_ANSWER', '2025-03-29')).hits, 0);
  assert.equal((await run('REV_LATE_ANSWER', '2025-03-30')).hits, 1);
  // The limits are settings: 16 days for a defence puts the 16th day in time.
  assert.equal((await run('REV_LATE_ANSWER', '2025-03-30', { answer_workdays: 10, defence_days: 16 })).hits, 0);
});

test('REV_LATE_ANSWER judges only source systems that send the answer day: never sent raises nothing; sent once judges the pending review without it', async () => {
  const c = await fined();
  const pending = { case_id: c, applied_on: '2025-03-07', copy_received_on: '2025-03-14', decided_on: null, outcome: null };
  await reviewOutcome(store, { ...pending, source_system: 'legacy' });
  await reviewOutcome(store, { ...pending, source_system: 'legacy', route: 'litigation' });
  assert.equal((await run('REV_LATE_ANSWER', '2025-06-30')).hits, 0);
  // Another system sends the day for one outcome: its pending review without it is judged, the legacy ones still are not.
  const judged = await reviewOutcome(store, { ...pending, source_system: 'sends' });
  await answeredInTime(c, { source_system: 'sends' });
  await run('REV_LATE_ANSWER', '2025-06-30');
  assert.deepEqual(await hitIds('REV_LATE_ANSWER'), [judged]);
  // Once the legacy system sends a day (late, on a new outcome), its pending reviews without one are judged too.
  const late = await reviewOutcome(store, { ...pending, source_system: 'legacy', answered_on: '2025-04-30' });
  await run('REV_LATE_ANSWER', '2025-06-30');
  assert.equal((await hitIds('REV_LATE_ANSWER')).length, 4);
  assert.ok((await hitIds('REV_LATE_ANSWER')).includes(late));
});

// ── 负责人出庭应诉 (行政诉讼法 第三条 第三款) ─────────────────────────────────────────────────────────────

/** A lawsuit against a case of `agencyId` brought on `applied`, the head's appearance as given; its id. */
async function lawsuit(agencyId: string, applied: string, head: boolean | null, r: Record<string, Value> = {}) {
  const region = agencyId === 'AG-XH-SCJG' ? '330106' : '330111';
  const c = await fined({ agency_id: agencyId, region_code: region });
  return reviewOutcome(store, {
    case_id: c,
    agency_id: agencyId,
    region_code: region,
    route: 'litigation',
    applied_on: applied,
    decided_on: null,
    outcome: null,
    head_appeared: head,
    ...r,
  });
}

test('REV_HEAD_ABSENT: the head absent from two of three lawsuits of a year hits the agency; half, too few, another year or unstated pass', async () => {
  const a = await lawsuit('AG-FY-ZHZF', '2025-03-01', false);
  const b = await lawsuit('AG-FY-ZHZF', '2025-05-01', false);
  await lawsuit('AG-FY-ZHZF', '2025-07-01', true);
  await lawsuit('AG-FY-ZHZF', '2025-08-01', null); // not stated
  await lawsuit('AG-FY-ZHZF', '2024-12-31', false); // another year
  await reviewOutcome(store, { case_id: await fined(), applied_on: '2025-04-01' }); // a reconsideration
  // Near misses: exactly half of four; two of two (below the minimum count).
  for (const [i, head] of [false, false, true, true].entries()) await lawsuit('AG-XH-SCJG', `2025-0${i + 2}-01`, head);
  await lawsuit('AG-FY-SCJG', '2025-02-01', false);
  await lawsuit('AG-FY-SCJG', '2025-03-01', false);
  const r = await run('REV_HEAD_ABSENT', '2025-12-31');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_kind, 'agency');
  assert.equal(h.subject_id, 'AG-FY-ZHZF');
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.deepEqual(evidenceIds(h), [a, b]);
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025年被诉的行政诉讼中记录了出庭情况的3件，负责人未出庭应诉2件，占66.7%，高于50%，可能存在负责人应当出庭而未出庭的情况，请核实负责人不能出庭的原因及委托出庭情况并说明。',
  );
});

test('REV_HEAD_ABSENT at its boundaries: a share at the threshold passes, above it hits; the minimum count; lawsuits after the run day wait', async () => {
  await lawsuit('AG-FY-ZHZF', '2025-03-01', false);
  await lawsuit('AG-FY-ZHZF', '2025-05-01', false);
  await lawsuit('AG-FY-ZHZF', '2025-07-01', true);
  assert.equal((await run('REV_HEAD_ABSENT', '2025-12-31', { min_count: 3, max_absent_pct: 66.7 })).hits, 0);
  assert.equal((await run('REV_HEAD_ABSENT', '2025-12-31', { min_count: 3, max_absent_pct: 66.6 })).hits, 1);
  assert.equal((await run('REV_HEAD_ABSENT', '2025-12-31', { min_count: 4, max_absent_pct: 50 })).hits, 0);
  // As of 2025-06-30 the third lawsuit is not yet brought: two of two, below the minimum count.
  assert.equal((await run('REV_HEAD_ABSENT', '2025-06-30', { min_count: 3, max_absent_pct: 50 })).hits, 0);
  assert.equal((await run('REV_HEAD_ABSENT', '2025-06-30', { min_count: 2, max_absent_pct: 50 })).hits, 1);
});

// ── 移送公安机关之后 (移送规定 第十条、第十二条) ────────────────────────────────────────────────────────

/** A case transferred on 2025-03-05 (filed 03-01), the police's notice received on 2025-03-10. */
const transferred = (r: Record<string, Value>) =>
  caseRecord(store, {
    filed_on: '2025-03-01',
    occurred_on: '2025-02-20',
    notified_on: null,
    amount_involved: 80000,
    transferred_on: '2025-03-05',
    transfer_no: '富综执移〔2025〕1号',
    police_decided_on: '2025-03-10',
    ...r,
  });
const open = { decided_on: null, decision: null, fine_amount: null, tier: null, status: 'open' };

test('CASE_MATERIALS_HANDOVER_LATE: materials handed over on the fourth day, or never; the third day, a declined case, no notice day pass', async () => {
  const late = await transferred({ ...open, police_decision: 'filed', materials_handed_over_on: '2025-03-14' });
  const never = await transferred({ ...open, police_decision: 'filed' });
  await transferred({ ...open, police_decision: 'filed', materials_handed_over_on: '2025-03-13' });
  await transferred({ ...open, police_decision: 'declined' });
  await transferred({ ...open, police_decision: null, police_decided_on: null });
  await caseRecord(store, {}); // never transferred
  const r = await run('CASE_MATERIALS_HANDOVER_LATE', '2025-06-30');
  assert.equal(r.newHits, 2);
  assert.deepEqual((await hitIds('CASE_MATERIALS_HANDOVER_LATE')).sort(), [late, never].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(late)!), [late]);
  assert.equal(byId.get(late)!.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-05移送公安机关，2025-03-10接到立案通知，于2025-03-14移交，距接到通知4天，超过3日，可能未按期移交涉案物品和有关材料，请核实是否有其他规定及移交情况并说明。',
  );
  assert.match(byId.get(never)!.explanation, /2025-03-10接到立案通知，截至2025-06-30仍未移交，距接到通知112天/);
});

test('CASE_MATERIALS_HANDOVER_LATE at its boundary: not handed over, judged on day 3 and day 4', async () => {
  await transferred({ ...open, police_decision: 'filed' });
  await transferred({ ...open, police_decision: 'filed', materials_handed_over_on: '2025-03-11' }); // the system sends the day
  assert.equal((await run('CASE_MATERIALS_HANDOVER_LATE', '2025-03-13')).hits, 0);
  assert.equal((await run('CASE_MATERIALS_HANDOVER_LATE', '2025-03-14')).hits, 1);
  assert.equal((await run('CASE_MATERIALS_HANDOVER_LATE', '2025-03-15', { limit_days: 5 })).hits, 0);
});

test('CASE_MATERIALS_HANDOVER_LATE judges only source systems that send the handover day: never sent raises nothing; sent once judges the case without it', async () => {
  await transferred({ ...open, police_decision: 'filed', source_system: 'legacy' });
  assert.equal((await run('CASE_MATERIALS_HANDOVER_LATE', '2025-06-30')).hits, 0);
  const never = await transferred({ ...open, police_decision: 'filed', source_system: 'sends' });
  await transferred({ ...open, police_decision: 'filed', source_system: 'sends', materials_handed_over_on: '2025-03-12' });
  await run('CASE_MATERIALS_HANDOVER_LATE', '2025-06-30');
  assert.deepEqual(await hitIds('CASE_MATERIALS_HANDOVER_LATE'), [never]);
});

test('CASE_DECLINED_NOT_HANDLED: decided on day 31 after the notice, or still open; day 30, decided before the notice, filed by the police pass', async () => {
  const late = await transferred({ police_decision: 'declined', decided_on: '2025-04-10' });
  const never = await transferred({ ...open, police_decision: 'declined' });
  await transferred({ police_decision: 'declined', decided_on: '2025-04-09' }); // day 30
  await transferred({ police_decision: 'declined', decided_on: '2025-03-08', decision: 'warning', fine_amount: null }); // decided before the notice
  await transferred({ ...open, police_decision: 'filed', materials_handed_over_on: '2025-03-11' });
  await transferred({ ...open, police_decision: null, police_decided_on: null });
  const r = await run('CASE_DECLINED_NOT_HANDLED', '2025-06-30');
  assert.equal(r.newHits, 2);
  assert.deepEqual((await hitIds('CASE_DECLINED_NOT_HANDLED')).sort(), [late, never].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-05移送公安机关，2025-03-10接到不予立案通知，于2025-04-10才作出处理决定，距接到通知31天，超过30天，可能未依法作出处理，请核实案件处理情况并说明。',
  );
  assert.match(byId.get(never)!.explanation, /截至2025-06-30仍未作出处理决定，距接到通知112天/);
});

test('CASE_DECLINED_NOT_HANDLED at its boundary: still open, judged on day 30 and day 31; a decision after the run day is not yet one', async () => {
  await transferred({ ...open, police_decision: 'declined' });
  assert.equal((await run('CASE_DECLINED_NOT_HANDLED', '2025-04-09')).hits, 0);
  assert.equal((await run('CASE_DECLINED_NOT_HANDLED', '2025-04-10')).hits, 1);
  assert.equal((await run('CASE_DECLINED_NOT_HANDLED', '2025-04-19', { limit_days: 40 })).hits, 0);
  assert.equal((await run('CASE_DECLINED_NOT_HANDLED', '2025-04-20', { limit_days: 40 })).hits, 1);
  await store.exec('DELETE FROM cases');
  await transferred({ police_decision: 'declined', decided_on: '2025-04-24' });
  assert.equal((await run('CASE_DECLINED_NOT_HANDLED', '2025-04-15')).hits, 1);
  assert.match((await hits())[0].explanation, /截至2025-04-15仍未作出处理决定，距接到通知36天/);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const REVIEW_HEADER =
  '来源系统,复议诉讼案号,区划代码,被申请人编码,原处罚案件编号,救济途径,申请（起诉）日期,决定（裁判）生效日期,复议诉讼结果,收到副本日期,答复（答辩）日期,负责人是否出庭应诉';
const CASE_HEADER =
  '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,决定日期,处理决定,罚款金额,案件状态,涉案金额,移送公安机关日期,公安机关立案决定,立案或不予立案通知日期,移交涉案物品材料日期';

async function importCsv(kind: 'cases' | 'review_outcomes', file: string, header: string, rows: string[]) {
  const path = join(dir, file);
  writeFileSync(path, [header, ...rows].join('\n'));
  return importRows(store, await fileSource(path), { kind, caller: SYSTEM_CALLER });
}

test('outcomes and cases imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const cases = await importCsv('cases', 'cases.csv', CASE_HEADER, [
    'fy-zhzf,AJ-1,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-01-20,否,否,危害轻微,OF-1,2025-02-10,罚款,3000,已决定,,,,,',
    'fy-zhzf,AJ-2,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,2025-03-05,立案,2025-03-10,2025-03-20', // late
    'fy-zhzf,AJ-3,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,2025-03-05,公安立案,2025-03-10,2025-03-13', // day 3
    'fy-zhzf,AJ-4,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,2025-03-05,不予立案,2025-03-10,', // never handled
    'fy-zhzf,AJ-5,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,2025-04-09,罚款,3000,已决定,80000,2025-03-05,不立案,2025-03-10,', // day 30
  ]);
  assert.equal(cases.rowsOk, 5, JSON.stringify(cases.errors));
  const outcomes = await importCsv('review_outcomes', 'outcomes.csv', REVIEW_HEADER, [
    'fy-zhzf,FY-1,330111,AG-FY-ZHZF,AJ-1,行政复议,2025-03-07,2025-04-20,维持,2025-03-14,2025-03-31,', // late
    'fy-zhzf,FY-2,330111,AG-FY-ZHZF,AJ-1,复议,2025-03-07,2025-04-20,维持,2025-03-14,2025-03-28,', // tenth working day
    'fy-zhzf,FY-3,330111,AG-FY-ZHZF,AJ-1,行政诉讼,2025-03-07,,,2025-03-14,,否', // defence never filed
    'fy-zhzf,FY-4,330111,AG-FY-ZHZF,AJ-1,诉讼,2025-03-07,,,2025-03-14,2025-03-29,否',
    'fy-zhzf,FY-5,330111,AG-FY-ZHZF,AJ-1,诉讼,2025-04-07,,,2025-04-14,2025-04-20,是',
  ]);
  assert.equal(outcomes.rowsOk, 5, JSON.stringify(outcomes.errors));
  const codes = ['REV_LATE_ANSWER', 'REV_HEAD_ABSENT', 'CASE_MATERIALS_HANDOVER_LATE', 'CASE_DECLINED_NOT_HANDLED'];
  const found = async () => (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  const ids = async (table: string) => (await store.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
  for (const id of await ids('cases')) {
    const [row] = await store.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [id]);
    await checkRecords(store, 'cases', [row], 'system', '2025-06-30');
  }
  for (const id of await ids('review_outcomes')) await checkRecords(store, 'review_outcomes', [{ id }], 'system', '2025-06-30');
  const realtime = (await found()).filter((h) => codes.some((c) => h.startsWith(`${c}|`)));
  const bySource = new Map(
    [
      ...(await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM cases')),
      ...(await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM review_outcomes')),
    ].map((r) => [r.source_id, r.id]),
  );
  assert.deepEqual(
    realtime.map((h) => h.split('|').slice(0, 2).join('|')).sort(),
    [
      `CASE_DECLINED_NOT_HANDLED|${bySource.get('AJ-4')}`,
      `CASE_MATERIALS_HANDOVER_LATE|${bySource.get('AJ-2')}`,
      `REV_LATE_ANSWER|${bySource.get('FY-1')}`,
      `REV_LATE_ANSWER|${bySource.get('FY-3')}`,
    ].sort(),
  );
  await clearHits();
  for (const code of codes) await runAsOf(store, code, '2025-06-30');
  const batch = await found();
  // The batch run adds the agency pattern (two of three lawsuits without the head), which no one record makes.
  assert.deepEqual(
    batch.filter((h) => !h.startsWith('REV_HEAD_ABSENT|')),
    [...realtime].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
  );
  assert.deepEqual(await hitIds('REV_HEAD_ABSENT'), ['AG-FY-ZHZF']);
});

test('the format refuses contradictions: a head in court on a reconsideration, an answer before the copy, a police decision without a transfer or its day, materials on a declined case', async () => {
  await importCsv('cases', 'base.csv', CASE_HEADER, [
    'fy-zhzf,AJ-1,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-01-20,否,否,危害轻微,OF-1,2025-02-10,罚款,3000,已决定,,,,,',
  ]);
  const outcomes = await importCsv('review_outcomes', 'bad-outcomes.csv', REVIEW_HEADER, [
    'fy-zhzf,FY-1,330111,AG-FY-ZHZF,AJ-1,行政复议,2025-03-07,,,2025-03-14,,是',
    'fy-zhzf,FY-2,330111,AG-FY-ZHZF,AJ-1,行政诉讼,2025-03-07,,,2025-03-14,2025-03-12,',
    'fy-zhzf,FY-3,330111,AG-FY-ZHZF,AJ-1,行政诉讼,2025-03-07,,,2025-03-01,,',
  ]);
  assert.equal(outcomes.rowsOk, 0);
  const o = JSON.stringify(outcomes.errors);
  assert.match(o, /负责人出庭应诉只适用于行政诉讼，行政复议不填/);
  assert.match(o, /答复（答辩）日期不能早于收到副本日期/);
  assert.match(o, /收到副本日期不能早于申请（起诉）日期/);
  const cases = await importCsv('cases', 'bad-cases.csv', CASE_HEADER, [
    'fy-zhzf,AJ-2,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,,立案,2025-03-10,',
    'fy-zhzf,AJ-3,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,2025-03-05,立案,,',
    'fy-zhzf,AJ-4,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,2025-03-05,不予立案,2025-03-10,2025-03-12',
    'fy-zhzf,AJ-5,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,,,,办理中,80000,2025-03-05,立案,2025-03-04,',
  ]);
  assert.equal(cases.rowsOk, 0);
  const c = JSON.stringify(cases.errors);
  assert.match(c, /填写公安机关立案决定时须填写移送公安机关日期/);
  assert.match(c, /填写公安机关立案决定时须填写立案或不予立案通知日期/);
  assert.match(c, /移交涉案物品材料日期只在公安机关决定立案后填写/);
  assert.match(c, /立案或不予立案通知日期不能早于移送公安机关日期/);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's answers and transfers; a supervisor of the county sees both", async () => {
  const own = await lawsuit('AG-FY-SCJG', '2025-03-01', false, { copy_received_on: '2025-03-05', answered_on: '2025-03-30' });
  await lawsuit('AG-FY-ZHZF', '2025-03-01', false);
  await assertOwnAgencyOnly(store, 'review_outcomes', own, 2);
  await store.exec('DELETE FROM cases');
  const kase = await transferred({ ...open, agency_id: 'AG-FY-SCJG', police_decision: 'filed' });
  await transferred({ ...open, police_decision: 'filed' });
  await assertOwnAgencyOnly(store, 'cases', kase, 2);
  await transferred({ ...open, police_decision: 'filed', materials_handed_over_on: '2025-03-11' }); // the system sends the day
  // A hit is filed under the agency the record names.
  await run('CASE_MATERIALS_HANDOVER_LATE', '2025-06-30');
  assert.deepEqual((await hits()).map((h) => h.agency_id).sort(), ['AG-FY-SCJG', 'AG-FY-ZHZF']);
});
