// Closure models (clues overdue at each stage of the loop) and follow-up models: for each, a hand-built
// case that must hit (explanation and evidence checked) and a near miss that must not, on both engines.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, clue, clueEvent, followupAnswer, followupTask, hotlineTicket, inspection, serviceVisit } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';

const t = await openTestStore();
const { store } = t;
before(async () => {
  await seedTwoCounties(store);
  await store.copyIn('items', ['code', 'name', 'kind', 'line_code'], [['IT-1', '擅自占道经营', 'penalty', 'CLE']]);
});
beforeEach(async () => {
  for (const table of [
    'model_hits',
    'clues',
    'clue_events',
    'cases',
    'inspections',
    'service_visits',
    'hotline_tickets',
    'followup_tasks',
    'followup_answers',
  ]) {
    await store.exec(`DELETE FROM ${table}`);
  }
});
after(() => t.close());

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });
/** The clues a model raised (the hand-built clues of the test have no 'CL-' prefix). */
const raised = (code: string) =>
  store.query<{ title: string; explanation: string; evidence: string; region_code: string; agency_id: string | null; dedupe_key: string }>(
    'SELECT * FROM model_hits WHERE model_code = $1 ORDER BY id',
    [code],
  );
const evidenceIds = (c: { evidence: string }) => (JSON.parse(c.evidence) as { ids: string[] }).ids;

test('CLO_NEW_UNTRIAGED: a clue still new nine days after it was raised', async () => {
  const id = await clue(store, { id: 'K1', title: '过罚不当：杭州示例酒坊', created_at: '2025-05-01T02:00:00Z' });
  const r = await run('CLO_NEW_UNTRIAGED', '2025-05-10');
  assert.equal(r.newHits, 1);
  const [c] = await raised('CLO_NEW_UNTRIAGED');
  assert.equal(
    c.explanation,
    '数据显示，线索“过罚不当：杭州示例酒坊”（来源：监督模型）于2025-05-01生成，至2025-05-10已9天（超过5天）仍待研判，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
  assert.equal(c.title, '线索超期未研判：过罚不当：杭州示例酒坊');
  // The closure clue is itself new: a later run does not raise a clue about it, nor a second one about K1.
  assert.equal((await run('CLO_NEW_UNTRIAGED', '2025-06-30')).newHits, 0);
});

test('CLO_NEW_UNTRIAGED near miss: five days counted in Asia/Shanghai, triaged, merged into a case', async () => {
  // 2025-05-04 17:00 UTC is 2025-05-05 01:00 in Shanghai: five days before 2025-05-10, not six.
  await clue(store, { id: 'K2', created_at: '2025-05-04T17:00:00Z' });
  await clue(store, { id: 'K3', status: 'triaged' });
  await clue(store, { id: 'K4', case_id: 'K3' });
  await clue(store, { id: 'K5', model_code: 'CLO_ASSIGNED_OVERDUE' });
  assert.equal((await run('CLO_NEW_UNTRIAGED', '2025-05-10')).hits, 0);
});

test('CLO_ASSIGNED_OVERDUE: an assigned clue five days past its deadline; a new deadline missed raises a new clue', async () => {
  const id = await clue(store, {
    id: 'K6',
    status: 'rectifying',
    agency_id: 'AG-FY-ZHZF',
    deadline: '2025-05-05',
    title: '送达超期：杭州示例酒坊',
  });
  const r = await run('CLO_ASSIGNED_OVERDUE', '2025-05-10');
  assert.equal(r.newHits, 1);
  const [c] = await raised('CLO_ASSIGNED_OVERDUE');
  assert.equal(
    c.explanation,
    '数据显示，线索“送达超期：杭州示例酒坊”已交办杭州市富阳区综合行政执法局，整改期限为2025-05-05，至2025-05-10已逾期5天仍未提交整改（当前状态：整改中），请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
  assert.equal(c.agency_id, 'AG-FY-ZHZF');
  assert.equal(c.dedupe_key, 'CLO_ASSIGNED_OVERDUE|clue|K6|2025-05-05');
  await store.exec(`UPDATE clues SET deadline = CAST('2025-05-20' AS DATE) WHERE id = 'K6'`);
  assert.equal((await run('CLO_ASSIGNED_OVERDUE', '2025-05-15')).hits, 0);
  assert.equal((await run('CLO_ASSIGNED_OVERDUE', '2025-05-25')).newHits, 1);
});

test('CLO_ASSIGNED_OVERDUE near miss: deadline today, submitted, closed', async () => {
  await clue(store, { id: 'K7', status: 'assigned', agency_id: 'AG-FY-ZHZF', deadline: '2025-05-10' });
  await clue(store, { id: 'K8', status: 'submitted', agency_id: 'AG-FY-ZHZF', deadline: '2025-05-01' });
  await clue(store, { id: 'K9', status: 'closed', agency_id: 'AG-FY-ZHZF', deadline: '2025-05-01' });
  assert.equal((await run('CLO_ASSIGNED_OVERDUE', '2025-05-10')).hits, 0);
});

test('CLO_SUBMITTED_UNREVIEWED: a rectification submitted nine days ago and neither closed nor returned', async () => {
  const id = await clue(store, {
    id: 'K10',
    status: 'submitted',
    agency_id: 'AG-FY-ZHZF',
    updated_at: '2025-05-08T02:00:00Z',
    title: '一事二罚：杭州示例酒坊',
  });
  await clueEvent(store, {
    clue_id: id,
    action: 'submit',
    from_status: 'rectifying',
    to_status: 'submitted',
    occurred_at: '2025-05-01T03:00:00Z',
  });
  const r = await run('CLO_SUBMITTED_UNREVIEWED', '2025-05-10');
  assert.equal(r.newHits, 1);
  const [c] = await raised('CLO_SUBMITTED_UNREVIEWED');
  assert.equal(
    c.explanation,
    '数据显示，线索“一事二罚：杭州示例酒坊”的整改结果于2025-05-01提交，至2025-05-10已9天（超过7天）未审核销号或退回，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
});

test('CLO_SUBMITTED_UNREVIEWED near miss: submitted five days ago (an older submission was returned), or already closed', async () => {
  const id = await clue(store, { id: 'K11', status: 'submitted' });
  await clueEvent(store, {
    clue_id: id,
    action: 'submit',
    from_status: 'rectifying',
    to_status: 'submitted',
    occurred_at: '2025-04-01T03:00:00Z',
  });
  await clueEvent(store, {
    clue_id: id,
    action: 'return',
    from_status: 'submitted',
    to_status: 'returned',
    occurred_at: '2025-04-03T03:00:00Z',
  });
  await clueEvent(store, {
    clue_id: id,
    action: 'submit',
    from_status: 'returned',
    to_status: 'submitted',
    occurred_at: '2025-05-05T03:00:00Z',
  });
  const closed = await clue(store, { id: 'K12', status: 'closed' });
  await clueEvent(store, {
    clue_id: closed,
    action: 'submit',
    from_status: 'rectifying',
    to_status: 'submitted',
    occurred_at: '2025-04-01T03:00:00Z',
  });
  assert.equal((await run('CLO_SUBMITTED_UNREVIEWED', '2025-05-10')).hits, 0);
});

test('CLO_RETURNED_REPEATEDLY: a rectification sent back twice', async () => {
  const id = await clue(store, {
    id: 'K13',
    status: 'returned',
    agency_id: 'AG-XH-SCJG',
    region_code: '330106',
    title: '超期办案：杭州示例科技有限公司',
  });
  await clueEvent(store, {
    clue_id: id,
    action: 'return',
    from_status: 'submitted',
    to_status: 'returned',
    occurred_at: '2025-04-03T03:00:00Z',
  });
  await clueEvent(store, {
    clue_id: id,
    action: 'submit',
    from_status: 'returned',
    to_status: 'submitted',
    occurred_at: '2025-04-10T03:00:00Z',
  });
  await clueEvent(store, {
    clue_id: id,
    action: 'return',
    from_status: 'submitted',
    to_status: 'returned',
    occurred_at: '2025-04-20T17:30:00Z',
  });
  const r = await run('CLO_RETURNED_REPEATEDLY', '2025-05-10');
  assert.equal(r.newHits, 1);
  const [c] = await raised('CLO_RETURNED_REPEATEDLY');
  assert.equal(
    c.explanation,
    '数据显示，线索“超期办案：杭州示例科技有限公司”（承办部门：杭州市西湖区市场监督管理局）的整改结果已被退回2次（阈值2次），最近一次退回于2025-04-21（当前状态：退回整改），整改可能不到位，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
  assert.equal(c.region_code, '330106');
});

test('CLO_RETURNED_REPEATEDLY near miss: returned once', async () => {
  const id = await clue(store, { id: 'K14', status: 'returned' });
  await clueEvent(store, { clue_id: id, action: 'return', from_status: 'submitted', to_status: 'returned' });
  await clueEvent(store, { clue_id: id, action: 'extend', from_status: 'returned', to_status: 'returned' });
  assert.equal((await run('CLO_RETURNED_REPEATEDLY', '2025-05-10')).hits, 0);
});

/** n answers with these satisfactions about records of the agency, spread over a case, an inspection and a service visit. */
async function answers(agencyId: string, region: string, scores: number[]): Promise<string[]> {
  const cs = await caseRecord(store, { agency_id: agencyId, region_code: region });
  const ins = await inspection(store, { agency_id: agencyId, region_code: region });
  const sv = await serviceVisit(store, { agency_id: agencyId, region_code: region });
  const subjects = [
    ['case', cs],
    ['inspection', ins],
    ['service_visit', sv],
  ];
  const ids: string[] = [];
  for (const [i, score] of scores.entries()) {
    const [kind, subject] = subjects[i % 3];
    const task = await followupTask(store, { region_code: region, subject_kind: kind, subject_id: subject });
    ids.push(
      await followupAnswer(store, {
        task_id: task,
        region_code: region,
        satisfaction: score,
        answered_at: `2025-04-${String(i + 1).padStart(2, '0')}T02:00:00Z`,
      }),
    );
  }
  return ids;
}

test('FUP_LOW_SATISFACTION: ten answers about one agency averaging 3.0', async () => {
  const ids = await answers('AG-FY-ZHZF', '330111', [2, 4, 3, 1, 4, 3, 3, 2, 4, 4]);
  const r = await run('FUP_LOW_SATISFACTION', '2025-12-31');
  assert.equal(r.newHits, 1);
  const [c] = await raised('FUP_LOW_SATISFACTION');
  assert.equal(
    c.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025年共有10份回访答复，平均满意度3分（满分5分），低于3.5分，其中“不太满意”或“很不满意”3份，请核实原因并说明。',
  );
  assert.deepEqual(evidenceIds(c), [ids[0], ids[3], ids[7]]);
  assert.equal(c.dedupe_key, 'FUP_LOW_SATISFACTION|agency|AG-FY-ZHZF|2025');
});

test('FUP_LOW_SATISFACTION near miss: nine low answers, or ten averaging 3.5', async () => {
  await answers('AG-FY-ZHZF', '330111', [1, 2, 3, 1, 2, 3, 1, 2, 3]);
  await answers('AG-XH-SCJG', '330106', [3, 4, 3, 4, 3, 4, 3, 4, 3, 4]);
  assert.equal((await run('FUP_LOW_SATISFACTION', '2025-12-31')).hits, 0);
});

test('FUP_COMPLAINT_AFTER_CASE: the party complains about enforcement 21 days after the decision', async () => {
  const cs = await caseRecord(store, { filed_on: '2025-03-01', decided_on: '2025-03-20' });
  const ticket = await hotlineTicket(store, {
    entity_uscc: '91330100470102706G',
    category: '涉企执法监督',
    received_at: '2025-04-10T01:00:00Z',
    content: '杭州示例酒坊反映：执法部门罚款过重，未听取陈述申辩。',
  });
  const second = await hotlineTicket(store, {
    entity_uscc: '91330100470102706G',
    category: '城市管理',
    received_at: '2025-04-12T01:00:00Z',
    content: '反映执法人员态度粗暴。',
  });
  const r = await run('FUP_COMPLAINT_AFTER_CASE', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [c] = await raised('FUP_COMPLAINT_AFTER_CASE');
  assert.equal(
    c.explanation,
    '数据显示，杭州示例酒坊“擅自占道经营”一案（杭州市富阳区综合行政执法局，2025-03-01立案，2025-03-20作出决定）办理期间或决定后30天内，' +
      '当事人2次通过12345热线反映执法问题，首次于2025-04-10反映“杭州示例酒坊反映：执法部门罚款过重，未听取陈述申辩。”，办案过程可能存在问题，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [ticket, second]);
  assert.equal(JSON.parse(c.evidence).subject.id, cs);
});

test('FUP_COMPLAINT_AFTER_CASE near miss: 31 days after, before filing, not about enforcement, another entity', async () => {
  await caseRecord(store, { filed_on: '2025-03-01', decided_on: '2025-03-20' });
  await hotlineTicket(store, {
    entity_uscc: '91330100470102706G',
    category: '涉企执法监督',
    received_at: '2025-04-20T01:00:00Z',
    content: '反映重复检查。',
  });
  await hotlineTicket(store, {
    entity_uscc: '91330100470102706G',
    category: '涉企执法监督',
    received_at: '2025-02-27T01:00:00Z',
    content: '反映重复检查。',
  });
  await hotlineTicket(store, {
    entity_uscc: '91330100470102706G',
    category: '城市管理',
    received_at: '2025-03-25T01:00:00Z',
    content: '反映门口垃圾未分类堆放。',
  });
  await hotlineTicket(store, {
    entity_uscc: '91330000733796106P',
    category: '涉企执法监督',
    received_at: '2025-03-25T01:00:00Z',
    content: '反映重复检查。',
  });
  assert.equal((await run('FUP_COMPLAINT_AFTER_CASE', '2025-06-30')).hits, 0);
});
