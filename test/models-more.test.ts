// PEN_NO_CERT, PEN_NO_PAYMENT, INS_CASE_NOT_FILED, HOT_OVERDUE: for each, a hand-built record that must
// hit (explanation and evidence checked) and a near miss that must not. Both engines.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, hotlineTicket, inspection, payment } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';

const t = await openTestStore();
const { store } = t;
before(async () => {
  await seedTwoCounties(store);
  await store.copyIn('officers', ['id', 'name', 'agency_id', 'region_code'], [['OF-3', '王芳', 'AG-FY-ZHZF', '330111']]);
  await store.copyIn(
    'certificates',
    ['id', 'officer_id', 'region_code', 'number', 'issued_on', 'expires_on', 'status'],
    [
      ['C-1', 'OF-1', '330111', '浙A-001', '2020-01-01', '2030-12-31', 'valid'],
      ['C-3', 'OF-3', '330111', '浙A-003', '2019-01-01', '2025-02-28', 'valid'],
    ],
  );
});
beforeEach(async () => {
  for (const x of ['cases', 'inspections', 'payments', 'hotline_tickets', 'model_hits', 'clues', 'clue_events'])
    await store.exec(`DELETE FROM ${x}`);
});
after(() => t.close());

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });
const clues = () => store.query<{ explanation: string; evidence: string }>('SELECT explanation, evidence FROM model_hits ORDER BY id');
const ids = (c: { evidence: string }) => (JSON.parse(c.evidence) as { ids: string[] }).ids;

test('PEN_NO_CERT: a case filed by an officer whose certificate had expired', async () => {
  const id = await caseRecord(store, { filed_on: '2025-03-05', lead_officer_id: 'OF-1', assist_officer_id: 'OF-3' });
  assert.equal((await run('PEN_NO_CERT', '2025-04-01')).newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-03-05立案的处罚案件（当事人杭州示例酒坊）中，协办王芳（执法证有效期至2025-02-28，已过期）在立案当日没有有效执法证，可能由不具备执法资格的人员办案，请核实并说明。',
  );
  assert.deepEqual(ids(c), [id]);
});

test('PEN_NO_CERT near miss: filed on the last day the certificate was valid', async () => {
  await caseRecord(store, { filed_on: '2025-02-28', lead_officer_id: 'OF-1', assist_officer_id: 'OF-3' });
  assert.equal((await run('PEN_NO_CERT', '2025-04-01')).hits, 0);
});

test('PEN_NO_PAYMENT: a fine decided 31 days ago with no payment record', async () => {
  const id = await caseRecord(store, { decided_on: '2025-03-01', fine_amount: 2500 });
  assert.equal((await run('PEN_NO_PAYMENT', '2025-04-01')).newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例酒坊于2025-03-01被决定罚款2,500元，至2025-04-01已31天（超过30天）仍没有缴款记录，罚款可能未收缴或缴款未录入，请核实并说明。',
  );
  assert.deepEqual(ids(c), [id]);
});

test('PEN_NO_PAYMENT near miss: a payment record exists; 30 days only; a warning', async () => {
  const paid = await caseRecord(store, { decided_on: '2025-03-01' });
  await payment(store, { case_id: paid });
  await caseRecord(store, { decided_on: '2025-03-02' });
  await caseRecord(store, { decided_on: '2025-01-02', decision: 'warning', fine_amount: null });
  assert.equal((await run('PEN_NO_PAYMENT', '2025-04-01')).hits, 0);
});

test('INS_CASE_NOT_FILED: an inspection that says a case was filed, with no case 16 days on', async () => {
  const id = await inspection(store, { inspected_on: '2025-03-01', result: 'case_filed' });
  assert.equal((await run('INS_CASE_NOT_FILED', '2025-03-17')).newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01检查杭州示例酒坊，检查结果登记为已立案，至2025-03-17已16天（超过15天）仍没有对应的处罚案件记录，可能未立案或案件未录入，请核实并说明。',
  );
  assert.deepEqual(ids(c), [id]);
});

test('INS_CASE_NOT_FILED near miss: the case refers to the inspection; 15 days only; result issues', async () => {
  const filed = await inspection(store, { inspected_on: '2025-03-01', result: 'case_filed' });
  await caseRecord(store, { inspection_id: filed });
  await inspection(store, { inspected_on: '2025-03-02', result: 'case_filed' });
  await inspection(store, { inspected_on: '2025-01-02', result: 'issues' });
  assert.equal((await run('INS_CASE_NOT_FILED', '2025-03-17')).hits, 0);
});

test('HOT_OVERDUE: a ticket open 22 days after it came in', async () => {
  const id = await hotlineTicket(store, { received_at: '2025-03-10T02:00:00Z' });
  assert.equal((await run('HOT_OVERDUE', '2025-04-01')).newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，12345工单（城市管理）于2025-03-10受理，至2025-04-01已22天（超过15天）仍未办结（工单内容：“反映路边有人随意倾倒建筑垃圾。”），请核实办理情况并说明。',
  );
  assert.deepEqual(ids(c), [id]);
});

test('HOT_OVERDUE: phone and ID numbers in the ticket text are masked in the clue (个人信息保护法)', async () => {
  await hotlineTicket(store, { received_at: '2025-03-10T02:00:00Z', content: '市民13905712345反映，身份证33010619800101123X，门口堆物。' });
  assert.equal((await run('HOT_OVERDUE', '2025-04-01')).newHits, 1);
  const [c] = await clues();
  assert.match(c.explanation, /市民\*\*\*\*反映，身份证\*\*\*\*，门口堆物/);
  assert.doesNotMatch(c.explanation, /13905712345|33010619800101123X/);
});

test('HOT_OVERDUE near miss: answered, or open only 15 days', async () => {
  await hotlineTicket(store, { received_at: '2025-03-10T02:00:00Z', status: 'answered' });
  await hotlineTicket(store, { received_at: '2025-03-17T02:00:00Z' });
  assert.equal((await run('HOT_OVERDUE', '2025-04-01')).hits, 0);
});
