import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedInspectionWorld } from './helpers/fixtures.ts';
import { copyRows, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
before(() => seedInspectionWorld(store));
const RECORDS = ['inspections', 'service_visits', 'followup_tasks', 'followup_answers', 'model_hits', 'clues', 'clue_events'];
beforeEach(async () => {
  for (const table of RECORDS) await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

const model = (code: string) => findModel(code)!;
const clues = () =>
  store.query<{ title: string; explanation: string; evidence: string; region_code: string }>('SELECT * FROM model_hits ORDER BY id');

test('INS_REPEAT: three agencies inspecting one entity within 7 days raise one clue with the evidence', async () => {
  const a = await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  const b = await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  const c = await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-08' });
  const r = await runModel(store, model('INS_REPEAT'), { asOf: '2025-06-01' });
  assert.equal(r.newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，该企业自2025-05-01起7天内被3个部门分别检查3次，均未纳入联合检查，可能存在多头重复检查，请核实并说明。',
  );
  assert.deepEqual(JSON.parse(clue.evidence).ids, [a, b, c]);
  assert.equal(clue.region_code, '330111');
});

test('INS_REPEAT: two agencies on the first day count once each, in the text and in the evidence', async () => {
  const a = await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  const b = await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-01' });
  const c = await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-04' });
  assert.equal((await runModel(store, model('INS_REPEAT'), { asOf: '2025-06-01' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，该企业自2025-05-01起7天内被3个部门分别检查3次，均未纳入联合检查，可能存在多头重复检查，请核实并说明。',
  );
  assert.deepEqual(JSON.parse(clue.evidence).ids.sort(), [a, b, c].sort());
});

test('INS_REPEAT near miss: the third agency comes 8 days after the first, or the visits were one joint inspection', async () => {
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-09' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-07-01', kind: 'joint', joint_id: 'J1' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-07-01', kind: 'joint', joint_id: 'J1' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-07-02', kind: 'joint', joint_id: 'J1' });
  const r = await runModel(store, model('INS_REPEAT'), { asOf: '2025-08-01' });
  assert.equal(r.hits, 0);
});

test('running a model twice raises no second clue; a region setting changes the window', async () => {
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-08' });
  const { saveSetting } = await import('../src/models/settings.ts');
  const admin = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
  await saveSetting(store, admin, model('INS_REPEAT'), '330100', true, { window_days: 10 });
  assert.equal((await runModel(store, model('INS_REPEAT'))).newHits, 1);
  assert.equal((await runModel(store, model('INS_REPEAT'))).newHits, 0);
  assert.equal((await clues()).length, 1);
  await saveSetting(store, admin, model('INS_REPEAT'), '330111', false, {});
  await store.exec('DELETE FROM clues');
  assert.equal((await runModel(store, model('INS_REPEAT'))).hits, 0);
  await store.exec('DELETE FROM model_settings');
});

test('real time: the inspection that completes a repeated-inspection pattern raises the clue at once', async () => {
  const { checkRecords } = await import('../src/models/realtime/check.ts');
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  const other = { entity_uscc: '91330000733796106P', region_code: '330106', agency_id: 'AG-C' };
  await inspection(store, { ...other, inspected_on: '2025-05-02' });
  assert.equal(
    (await checkRecords(store, 'inspections', [other])).reduce((s, r) => s + r.newHits, 0),
    0,
  );
  const third = { agency_id: 'AG-C', inspected_on: '2025-05-04', entity_uscc: '91330100470102706G' };
  await inspection(store, third);
  const reports = await checkRecords(store, 'inspections', [third]);
  assert.equal(
    reports.reduce((s, r) => s + r.newHits, 0),
    1,
  );
  assert.equal((await clues()).length, 1);
});

let n = 0;
async function put(table: string, row: Record<string, Value>): Promise<string> {
  const cols = Object.keys(row);
  await copyRows(store, table, cols, [cols.map((c) => row[c])]);
  return String(row.id);
}
const serviceVisit = (r: Record<string, Value>) =>
  put('service_visits', {
    id: `SV-${++n}`,
    source_system: 'test',
    source_id: `sv${n}`,
    region_code: '330111',
    agency_id: 'AG-A',
    entity_uscc: '91330100470102706G',
    visited_on: '2025-03-10',
    topic: '惠企政策宣讲',
    officer_id: 'OF-1',
    ...r,
  });
const followupTask = (r: Record<string, Value>) =>
  put('followup_tasks', {
    id: `FT-${++n}`,
    campaign_id: 'CP-1',
    region_code: '330111',
    subject_kind: 'service_visit',
    subject_id: 'SV-0',
    entity_uscc: '91330100470102706G',
    channel: 'phone',
    status: 'answered',
    ...r,
  });
const followupAnswer = (r: Record<string, Value>) =>
  put('followup_answers', {
    id: `FA-${++n}`,
    source_system: 'test',
    source_id: `fa${n}`,
    task_id: 'FT-0',
    region_code: '330111',
    answered_at: '2025-04-01T02:00:00Z',
    satisfaction: 3,
    says_inspection: false,
    transcript: null,
    ...r,
  });
const ids = (clue: { evidence: string }) => JSON.parse(clue.evidence).ids as string[];

test('INS_OVER_FREQ: an item inspected more often in a year than its published limit raises one clue for the entity', async () => {
  const a = await inspection(store, { agency_id: 'AG-A', inspection_item_code: 'II-2', inspected_on: '2025-03-10' });
  const b = await inspection(store, { agency_id: 'AG-A', inspection_item_code: 'II-2', inspected_on: '2025-09-10' });
  const r = await runModel(store, model('INS_OVER_FREQ'), { asOf: '2025-12-31' });
  assert.equal(r.newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，测试部门AG-A2025年对该企业检查“测试检查事项二”2次，清单公布的年度上限为1次，可能超过检查频次上限，请核实并说明。',
  );
  assert.deepEqual(ids(clue), [a, b]);
  assert.equal(clue.title, '超频次检查：杭州示例酒坊');
  assert.equal((clue as unknown as { agency_id: string }).agency_id, 'AG-A');
});

test('INS_OVER_FREQ counts per agency: two agencies each once on an item limited to once a year is no hit; targeted ones do not count', async () => {
  await inspection(store, { agency_id: 'AG-A', inspection_item_code: 'II-2', inspected_on: '2025-03-10' });
  await inspection(store, { agency_id: 'AG-B', inspection_item_code: 'II-2', inspected_on: '2025-04-10' });
  await inspection(store, {
    agency_id: 'AG-A',
    inspection_item_code: 'II-2',
    inspected_on: '2025-05-10',
    kind: 'complaint',
    trigger_ref: 'GD1',
  });
  await inspection(store, {
    agency_id: 'AG-A',
    inspection_item_code: 'II-2',
    inspected_on: '2025-06-10',
    kind: 'monitoring',
    trigger_ref: 'YJ1',
  });
  assert.equal((await runModel(store, model('INS_OVER_FREQ'), { asOf: '2025-12-31' })).hits, 0);
  await inspection(store, { agency_id: 'AG-A', inspection_item_code: 'II-2', inspected_on: '2025-07-10', kind: 'planned' });
  assert.equal((await runModel(store, model('INS_OVER_FREQ'), { asOf: '2025-12-31' })).hits, 1);
});

test('targeted inspections (complaint, referral, monitoring) count toward neither the repeat nor the burden model', async () => {
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03', kind: 'referral', trigger_ref: 'JB1' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-05', kind: 'complaint', trigger_ref: 'GD2' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-06', kind: 'monitoring', trigger_ref: 'YJ2' });
  assert.equal((await runModel(store, model('INS_REPEAT'), { asOf: '2025-12-31' })).hits, 0);
  assert.equal((await runModel(store, model('INS_SAME_AGENCY_REPEAT'), { asOf: '2025-12-31' })).hits, 0);
  for (let i = 0; i < 25; i++)
    await inspection(store, {
      agency_id: 'AG-B',
      inspected_on: `2025-${String(6 + (i % 6)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
      kind: 'complaint',
      trigger_ref: `GD-${i}`,
    });
  assert.equal((await runModel(store, model('INS_BURDEN'), { asOf: '2025-12-31' })).hits, 0);
  // The same three agencies with a planned third inspection: a repeat.
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-07', kind: 'planned' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-02', kind: 'random' });
  assert.equal((await runModel(store, model('INS_REPEAT'), { asOf: '2025-12-31' })).hits, 1);
});

test('INS_TARGETED_NO_TRIGGER: a complaint or monitoring inspection with no source number; one with a number, or a planned one, passes', async () => {
  const a = await inspection(store, { kind: 'complaint', trigger_ref: null, inspected_on: '2025-03-10' });
  const b = await inspection(store, { kind: 'monitoring', trigger_ref: '', inspected_on: '2025-03-11' });
  await inspection(store, { kind: 'referral', trigger_ref: 'JB-9', inspected_on: '2025-03-12' });
  await inspection(store, { kind: 'planned', trigger_ref: null, inspected_on: '2025-03-13' });
  assert.equal((await runModel(store, model('INS_TARGETED_NO_TRIGGER'), { asOf: '2025-12-31' })).newHits, 2);
  const all = await clues();
  assert.deepEqual(all.map(ids).flat().sort(), [a, b].sort());
  assert.ok(all.some((c) => c.explanation.includes('检查登记为“数据监测检查”，但没有登记线索来源编号')));
});

test('INS_OVER_FREQ near miss: the limit reached but not passed, or passed only across two calendar years', async () => {
  await inspection(store, { inspection_item_code: 'II-2', inspected_on: '2024-12-20' });
  await inspection(store, { inspection_item_code: 'II-2', inspected_on: '2025-01-05' });
  await inspection(store, {
    inspection_item_code: 'II-2',
    inspected_on: '2025-05-01',
    entity_uscc: '91330000733796106P',
    region_code: '330106',
  });
  for (let m = 1; m <= 12; m++)
    await inspection(store, { inspection_item_code: 'II-1', inspected_on: `2025-${String(m).padStart(2, '0')}-15` });
  assert.equal((await runModel(store, model('INS_OVER_FREQ'), { asOf: '2025-12-31' })).hits, 0);
});

test("INS_OFF_LIST: an item on no list, or on another city's list, is an inspection outside the list", async () => {
  const a = await inspection(store, { agency_id: 'AG-A', inspection_item_code: 'II-X', inspected_on: '2025-03-10' });
  const b = await inspection(store, { agency_id: 'AG-A', inspection_item_code: 'II-NB', inspected_on: '2025-04-10' });
  const r = await runModel(store, model('INS_OFF_LIST'), { asOf: '2025-12-31' });
  assert.equal(r.newHits, 2);
  const all = await clues();
  assert.deepEqual(all.map(ids).flat().sort(), [a, b].sort());
  assert.ok(
    all.some(
      (c) =>
        c.explanation ===
        '数据显示，测试部门AG-A于2025-03-10对该企业的检查所列事项“II-X”不在当地公布的涉企行政检查事项清单内，可能是清单外检查，也可能是事项编码登记有误，请核实并说明。',
    ),
  );
});

test("INS_OFF_LIST near miss: the province's list and the own city's list both apply", async () => {
  await inspection(store, { inspection_item_code: 'II-1' });
  await inspection(store, { inspection_item_code: 'II-2' });
  assert.equal((await runModel(store, model('INS_OFF_LIST'), { asOf: '2025-12-31' })).hits, 0);
});

test('INS_BURDEN: more than 20 visits in a year raises a clue; a joint inspection counts as one visit', async () => {
  const day = (i: number) => `2025-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '20' : '05'}`;
  for (let i = 0; i < 19; i++) await inspection(store, { agency_id: ['AG-A', 'AG-B', 'AG-C'][i % 3], inspected_on: day(i) });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-11-11', kind: 'joint', joint_id: 'J1' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-11-11', kind: 'joint', joint_id: 'J1' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2024-12-30' });
  // 20 visits (21 records) in 2025: at the threshold, not above it.
  assert.equal((await runModel(store, model('INS_BURDEN'), { asOf: '2025-12-31' })).hits, 0);
  const last = await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-12-01' });
  assert.equal((await runModel(store, model('INS_BURDEN'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，该企业2025年被3个部门入企检查21次（检查记录22条，联合检查计为一次），超过每年20次的阈值，可能存在检查过多、未合并开展的情况，请核实并说明。',
  );
  assert.equal(ids(clue).length, 22);
  assert.equal(ids(clue).at(-1), last);
});

test('INS_SINGLE_OFFICER: no assisting officer, or the lead officer twice, is single-officer enforcement', async () => {
  const a = await inspection(store, { agency_id: 'AG-A', assist_officer_id: null, inspected_on: '2025-03-10' });
  const b = await inspection(store, { agency_id: 'AG-A', assist_officer_id: 'OF-1', inspected_on: '2025-03-11' });
  await inspection(store, { agency_id: 'AG-A', assist_officer_id: 'OF-3', inspected_on: '2025-03-12' });
  const r = await runModel(store, model('INS_SINGLE_OFFICER'), { asOf: '2025-12-31' });
  assert.equal(r.hits, 2);
  const all = await clues();
  assert.deepEqual(all.map(ids).flat().sort(), [a, b].sort());
  assert.ok(
    all.some(
      (c) =>
        c.explanation ===
        '数据显示，测试部门AG-A于2025-03-10对该企业的检查只登记了执法人员张伟一人，可能存在执法人员少于两人的情况，请核实并说明。',
    ),
  );
});

test('INS_NO_CERT: an expired, revoked or missing certificate on the inspection day', async () => {
  const expired = await inspection(store, {
    agency_id: 'AG-A',
    lead_officer_id: 'OF-1',
    assist_officer_id: 'OF-3',
    inspected_on: '2025-05-10',
  });
  const revoked = await inspection(store, {
    agency_id: 'AG-A',
    lead_officer_id: 'OF-4',
    assist_officer_id: 'OF-5',
    inspected_on: '2025-05-11',
  });
  assert.equal((await runModel(store, model('INS_NO_CERT'), { asOf: '2025-12-31' })).newHits, 2);
  const all = await clues();
  const byIns = new Map(all.map((c) => [ids(c)[0], c.explanation]));
  assert.equal(
    byIns.get(expired),
    '数据显示，测试部门AG-A于2025-05-10对该企业的检查中，协办王芳（执法证有效期至2025-04-30，已过期）在检查当日没有有效执法证，可能由不具备执法资格的人员实施检查，请核实并说明。',
  );
  assert.equal(
    byIns.get(revoked),
    '数据显示，测试部门AG-A于2025-05-11对该企业的检查中，主办赵强（执法证已吊销）、协办孙丽（无执法证）在检查当日没有有效执法证，可能由不具备执法资格的人员实施检查，请核实并说明。',
  );
});

test("INS_NO_CERT near miss: the certificate's last valid day, and a single officer with a valid one", async () => {
  await inspection(store, { lead_officer_id: 'OF-1', assist_officer_id: 'OF-3', inspected_on: '2025-04-30' });
  await inspection(store, { lead_officer_id: 'OF-1', assist_officer_id: null, inspected_on: '2025-06-30' });
  assert.equal((await runModel(store, model('INS_NO_CERT'), { asOf: '2025-12-31' })).hits, 0);
});

test('INS_NO_CODE: an agency-month with enough uncoded inspections raises one clue; fewer, or a small share, do not', async () => {
  const hit: string[] = [];
  for (let i = 0; i < 10; i++) {
    const id = await inspection(store, { agency_id: 'AG-A', inspected_on: `2025-03-${String(i + 10)}`, via_code: i >= 3 });
    if (i < 3) hit.push(id);
  }
  for (let i = 0; i < 3; i++) await inspection(store, { agency_id: 'AG-B', inspected_on: `2025-03-1${i}`, via_code: i === 0 });
  for (let i = 0; i < 31; i++) await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-04-15', via_code: i >= 3 });
  const r = await runModel(store, model('INS_NO_CODE'), { asOf: '2025-12-31' });
  assert.equal(r.newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，测试部门AG-A2025-03共开展检查10次，其中3次未亮码登记（占30%），检查过程可能未全程在线留痕，请核实并说明。',
  );
  assert.deepEqual(ids(clue), hit);
});

test('INS_FAKE_SERVICE: a service visit the entity calls an inspection, found when the answer arrives', async () => {
  const sv = await serviceVisit({ visited_on: '2025-03-10' });
  const task = await followupTask({ subject_id: sv });
  const answer = await followupAnswer({ task_id: task, says_inspection: true });
  const r = await runModel(store, model('INS_FAKE_SERVICE'), {
    asOf: '2025-12-31',
    trigger: 'realtime',
    focus: { column: 'id', values: [answer] },
  });
  assert.equal(r.newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    `数据显示，测试部门AG-A于2025-03-10以“惠企政策宣讲”名义上门服务，企业在回访中表示实际是检查（回访答复${answer}），可能以服务名义开展检查，请核实并说明。`,
  );
  assert.deepEqual(ids(clue), [sv]);
  assert.equal(JSON.parse(clue.evidence).subject.kind, 'service_visit');
});

test('INS_FAKE_SERVICE near miss: the entity confirms the service, or says "inspection" about an inspection', async () => {
  const sv = await serviceVisit({});
  await followupAnswer({ task_id: await followupTask({ subject_id: sv }), says_inspection: false });
  await followupAnswer({ task_id: await followupTask({ subject_kind: 'inspection', subject_id: sv }), says_inspection: true });
  assert.equal((await runModel(store, model('INS_FAKE_SERVICE'), { asOf: '2025-12-31' })).hits, 0);
});

test('INS_SAME_AGENCY_REPEAT: one agency back within 7 days after a clean inspection', async () => {
  const a = await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01', kind: 'random' });
  const b = await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-06', kind: 'planned', inspection_item_code: 'II-2' });
  assert.equal((await runModel(store, model('INS_SAME_AGENCY_REPEAT'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，测试部门AG-A于2025-05-01检查该企业未发现问题后，又于2025-05-06再次检查（相隔5天，在7天内），且不是投诉举报等引发的针对性检查，可能未按规定一次性开展检查，请核实并说明。',
  );
  assert.deepEqual(ids(clue), [a, b]);
  assert.equal(JSON.parse(clue.evidence).subject.id, b);
});

test('INS_SAME_AGENCY_REPEAT near miss: a re-check after issues, a complaint, day 8, another agency', async () => {
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-06-01', result: 'issues' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-06-04' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-07-01' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-07-05', kind: 'complaint' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-08-01' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-08-09' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-08-03' });
  assert.equal((await runModel(store, model('INS_SAME_AGENCY_REPEAT'), { asOf: '2025-12-31' })).hits, 0);
});

test('INS_OFFICER_OVERLOAD: an officer at 11 inspections in one day; 10 is not above the limit', async () => {
  const day1: string[] = [];
  for (let i = 0; i < 11; i++) {
    day1.push(await inspection(store, { entity_uscc: `E-${i}`, inspected_on: '2025-05-01', assist_officer_id: i < 6 ? 'OF-3' : 'OF-4' }));
  }
  for (let i = 0; i < 10; i++) await inspection(store, { entity_uscc: `E-${i}`, inspected_on: '2025-05-02', assist_officer_id: 'OF-5' });
  assert.equal((await runModel(store, model('INS_OFFICER_OVERLOAD'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，执法人员张伟（杭州市富阳区综合行政执法局）2025-05-01一天内参与检查11次、涉及11家企业，超过每日10次，检查记录可能存在代签、补录或虚构，请核实并说明。',
  );
  assert.deepEqual(ids(clue), [...day1].sort());
});

test('INS_LOW_RATING_OFFICER: the officer rated low on every visit is raised, the partner rated low only beside them is not', async () => {
  // 富阳's agency, 2025: OF-1 rated 1 on all ten visits (six with OF-3, four with OF-4); OF-3 also goes
  // out eight times with OF-5, OF-4 thirty times with OF-5. A rating counts for every officer on the task.
  const rate = async (visits: ReadonlyArray<[officers: string, count: number, low: number]>) => {
    await store.exec('DELETE FROM inspection_ratings');
    let n = 0;
    const rows: Value[][] = [];
    for (const [officers, count, low] of visits)
      for (let i = 0; i < count; i++, n++)
        rows.push([
          `RT-${n}`,
          `TK-${n}`,
          '91330000733796106P',
          '330111',
          'AG-FY-ZHZF',
          officers,
          i < low ? 1 : 5,
          null,
          `2025-06-${String(1 + (n % 28)).padStart(2, '0')} 10:00:00+08:00`,
        ]);
    await store.copyIn(
      'inspection_ratings',
      ['id', 'task_id', 'entity_uscc', 'region_code', 'agency_id', 'officer_ids', 'score', 'comment', 'rated_at'],
      rows,
    );
    for (const table of ['clue_events', 'clues']) await store.exec(`DELETE FROM ${table}`);
    await runModel(store, model('INS_LOW_RATING_OFFICER'), { asOf: '2025-12-31' });
    return (await clues()).map((c) => (JSON.parse(c.evidence) as { subject: { id: string } }).subject.id).sort();
  };
  // OF-3: 6 low of 14, against 4 of 34 for the rest — beyond chance, but every low one was with OF-1.
  assert.deepEqual(
    await rate([
      ['OF-1,OF-3', 6, 6],
      ['OF-1,OF-4', 4, 4],
      ['OF-3,OF-5', 8, 0],
      ['OF-4,OF-5', 30, 0],
    ]),
    ['OF-1'],
  );
  // Rated low without OF-1 too (5 of 8), OF-3 is raised as well. OF-5's colleagues are rated low on every
  // other rating of the agency (a rate of 1): no test, no division by zero.
  assert.deepEqual(
    await rate([
      ['OF-1,OF-3', 6, 6],
      ['OF-1,OF-4', 4, 4],
      ['OF-3,OF-5', 8, 5],
      ['OF-4,OF-5', 30, 0],
    ]),
    ['OF-1', 'OF-3'],
  );
  const [clue] = await clues();
  assert.match(clue.explanation, /^数据显示，执法人员.+请核实/u);
  await store.exec('DELETE FROM inspection_ratings');
});
