import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, copyRows } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const FY = '91330100470102706G';
before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-NB', '330203', 'CLE');
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'time_limit_days'],
    [
      ['LI-20', '测试许可', 'licence', 'CLE', 20],
      ['LI-3', '测试登记', 'licence', 'MKT', 3],
      ['LI-X', '无时限许可', 'licence', 'CLE', null],
    ],
  );
  // The whitelist: one cross-line province entry, Hangzhou's CLE and MKT entries, a Ningbo CLE entry.
  await store.copyIn(
    'service_whitelist',
    ['code', 'name', 'region_code', 'line_code'],
    [
      ['SW-P-1', '法律顾问', '330000', null],
      ['SW-HZ-1', '违法建筑测量认定技术服务', '330100', 'CLE'],
      ['SW-HZ-2', '食品安全抽样检验', '330100', 'MKT'],
      ['SW-NB-1', '非现场执法设备运维', '330200', 'CLE'],
    ],
  );
});
beforeEach(async () => {
  for (const table of ['licences', 'delegations', 'inspections', 'model_hits', 'clues', 'clue_events'])
    await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

const model = (code: string) => findModel(code)!;
const clues = () =>
  store.query<{ title: string; explanation: string; evidence: string; agency_id: string | null }>('SELECT * FROM model_hits ORDER BY id');
const ids = (clue: { evidence: string }) => JSON.parse(clue.evidence).ids as string[];

let n = 0;
async function put(table: string, row: Record<string, Value>): Promise<string> {
  const cols = Object.keys(row);
  await copyRows(store, table, cols, [cols.map((c) => row[c])]);
  return String(row.id);
}
const licence = (r: Record<string, Value>) =>
  put('licences', {
    id: `LC-${++n}`,
    source_system: 'test',
    source_id: `lc${n}`,
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    item_code: 'LI-20',
    entity_uscc: FY,
    applied_on: '2025-03-03',
    decided_on: '2025-03-20',
    result: 'granted',
    ...r,
  });
const delegation = (r: Record<string, Value>) =>
  put('delegations', {
    id: `DG-${++n}`,
    source_system: 'test',
    source_id: `dg${n}`,
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    service_code: 'SW-HZ-1',
    service_name: '违法建筑测量认定技术服务',
    provider_name: '甲测绘有限公司',
    provider_uscc: 'P-1',
    approved: true,
    fee: 10000,
    signed_on: '2025-03-01',
    ...r,
  });

test('LIC_OVERDUE: decided on the 28th working day of a 20-day limit, or still pending past it', async () => {
  const late = await licence({ applied_on: '2025-03-03', decided_on: '2025-04-11' });
  const pending = await licence({ applied_on: '2025-05-01', decided_on: null, result: 'pending' });
  const r = await runModel(store, model('LIC_OVERDUE'), { asOf: '2025-06-10' });
  assert.equal(r.newHits, 2);
  const byId = new Map((await clues()).map((c) => [ids(c)[0], c]));
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，“测试许可”于2025-03-03受理，于2025-04-11作出决定，用时28个工作日，超过20个工作日的办理时限（法定时限20个工作日，至2025-03-31），可能超期审批，请核实并说明。',
  );
  assert.equal(
    byId.get(pending)!.explanation,
    '数据显示，“测试许可”于2025-05-01受理，截至2025-06-10仍未作出决定，用时25个工作日，超过20个工作日的办理时限（法定时限20个工作日，至2025-06-03），可能超期审批，请核实并说明。',
  );
  assert.equal(byId.get(late)!.title, '超期审批：杭州示例酒坊');
  assert.equal(byId.get(late)!.agency_id, 'AG-FY-ZHZF');
});

test('LIC_OVERDUE near miss: on the 20th working day, over the National Day break, pending inside it, an item without a time limit', async () => {
  await licence({ applied_on: '2025-03-03', decided_on: '2025-03-31' });
  await licence({ applied_on: '2025-09-26', decided_on: '2025-10-30' }); // 34 calendar days, 20 working days
  await licence({ applied_on: '2025-05-05', decided_on: null, result: 'pending' });
  await licence({ item_code: 'LI-3', applied_on: '2025-05-01', decided_on: '2025-05-08' });
  await licence({ item_code: 'LI-X', applied_on: '2025-01-01', decided_on: '2025-06-01' });
  assert.equal((await runModel(store, model('LIC_OVERDUE'), { asOf: '2025-06-03' })).hits, 0);
  assert.equal((await runModel(store, model('LIC_OVERDUE'), { asOf: '2025-06-04' })).hits, 1); // the pending one, a day later
});

test('LIC_OVERDUE: a promise shorter than the law is held to; an approved extension and time left out by 第四十五条 are honoured', async () => {
  const broken = await licence({ applied_on: '2025-03-03', decided_on: '2025-03-11', promised_days: 5 });
  await licence({ applied_on: '2025-03-03', decided_on: '2025-03-10', promised_days: 5 });
  await licence({ applied_on: '2025-03-03', decided_on: '2025-04-15', extended_days: 10 });
  const overExtended = await licence({ applied_on: '2025-03-03', decided_on: '2025-04-16', extended_days: 10 });
  await licence({ applied_on: '2025-03-03', decided_on: '2025-04-11', excluded_days: 8 });
  // A promise longer than the law does not stretch it.
  const longPromise = await licence({ applied_on: '2025-03-03', decided_on: '2025-04-01', promised_days: 30 });
  assert.equal((await runModel(store, model('LIC_OVERDUE'), { asOf: '2025-06-10' })).newHits, 3);
  const byId = new Map((await clues()).map((c) => [ids(c)[0], c.explanation]));
  assert.deepEqual([...byId.keys()].sort(), [broken, overExtended, longPromise].sort());
  assert.match(byId.get(broken)!, /用时6个工作日，超过5个工作日的办理时限（承诺时限5个工作日/);
  assert.match(byId.get(overExtended)!, /经批准延长10个工作日/);
});

test('LIC_NO_SUPERVISION: a 告知承诺 licence not verified by the 60th working day, or verified the day after it', async () => {
  // Decided Monday 3 March 2025: the 60th working day after it is 29 May (the May Day break does not count).
  const never = await licence({ applied_on: '2025-02-20', decided_on: '2025-03-03', commitment: true });
  const late = await licence({ applied_on: '2025-02-20', decided_on: '2025-03-03', commitment: true, verified_on: '2025-05-30' });
  const r = await runModel(store, model('LIC_NO_SUPERVISION'), { asOf: '2025-06-30' });
  assert.equal(r.newHits, 2);
  const byId = new Map((await clues()).map((c) => [ids(c)[0], c.explanation]));
  assert.equal(
    byId.get(never),
    '数据显示，该企业于2025-03-03以告知承诺方式取得杭州市富阳区综合行政执法局准予的“测试许可”，至2025-05-29（60个工作日）没有核查验收记录，可能未按期核查是否达到许可条件，请核实并说明。',
  );
  assert.match(byId.get(late)!, /（核查验收记录日期为2025-05-30）/);
});

test('LIC_NO_SUPERVISION near miss: verified on the 60th working day, the period still running, an ordinary licence never inspected, a refused one', async () => {
  await licence({ decided_on: '2025-03-03', commitment: true, verified_on: '2025-05-29' });
  await licence({ decided_on: '2025-03-03', commitment: true }); // judged from 30 May on
  await licence({ applied_on: '2024-04-10', decided_on: '2024-05-01', commitment: false });
  await licence({ applied_on: '2024-03-10', decided_on: '2024-04-01', result: 'refused', commitment: true });
  assert.equal((await runModel(store, model('LIC_NO_SUPERVISION'), { asOf: '2025-05-29' })).hits, 0);
  assert.equal((await runModel(store, model('LIC_NO_SUPERVISION'), { asOf: '2025-05-30' })).hits, 1);
});

test('DEL_ENFORCEMENT_TASK: inspection or fine collection given to a company or an unregistered provider; technical services, or a public institution, pass', async () => {
  const company = await delegation({ service_name: '委托第三方开展日常执法巡查', provider_uscc: '91330106MA2XXXXX1A' });
  const unregistered = await delegation({ service_name: '代为收缴罚款', provider_uscc: null });
  await delegation({ service_name: '违法建筑测量认定技术服务', provider_uscc: '91330106MA2XXXXX1A' });
  await delegation({ service_name: '聘请人员参与现场检查', provider_uscc: '12330100MB0000000X' }); // 事业单位 (1)
  assert.equal((await runModel(store, model('DEL_ENFORCEMENT_TASK'), { asOf: '2025-12-31' })).newHits, 2);
  const byId = new Map((await clues()).map((c) => [ids(c)[0], c.explanation]));
  assert.deepEqual([...byId.keys()].sort(), [company, unregistered].sort());
  assert.equal(
    byId.get(unregistered),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司（未登记统一社会信用代码）承担“代为收缴罚款”，服务名称含有执法行为用语，受托方可能不具备受委托实施执法的条件，请核实并说明。',
  );
});

test("DEL_OFF_LIST: no code, an unknown code, another city's entry or another line's entry", async () => {
  const none = await delegation({ service_code: null, service_name: '委托第三方开展日常执法巡查' });
  const unknown = await delegation({ service_code: 'ZDY-330111-001', service_name: '聘请第三方人员参与现场检查' });
  const city = await delegation({ service_code: 'SW-NB-1', service_name: '非现场执法设备运维' });
  const line = await delegation({ service_code: 'SW-HZ-2', service_name: '食品安全抽样检验' });
  assert.equal((await runModel(store, model('DEL_OFF_LIST'), { asOf: '2025-12-31' })).newHits, 4);
  const byId = new Map((await clues()).map((c) => [ids(c)[0], c.explanation]));
  assert.equal(
    byId.get(none),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司承担“委托第三方开展日常执法巡查”，未对应正面清单事项，可能是正面清单之外的委托，请核实并说明。',
  );
  assert.equal(
    byId.get(unknown),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司承担“聘请第三方人员参与现场检查”，事项编码ZDY-330111-001不在正面清单内，可能是正面清单之外的委托，请核实并说明。',
  );
  assert.match(byId.get(city)!, /清单事项SW-NB-1不适用于本部门（区域或条线不符）/);
  assert.match(byId.get(line)!, /清单事项SW-HZ-2不适用于本部门/);
});

test("DEL_OFF_LIST near miss: the province's cross-line entry and the own city's entry of the own line", async () => {
  await delegation({ service_code: 'SW-P-1', service_name: '法律顾问' });
  await delegation({ service_code: 'SW-HZ-1' });
  await delegation({ agency_id: 'AG-NB', region_code: '330203', service_code: 'SW-NB-1', service_name: '非现场执法设备运维' });
  assert.equal((await runModel(store, model('DEL_OFF_LIST'), { asOf: '2025-12-31' })).hits, 0);
});

test('DEL_UNAPPROVED: a delegation signed without approval; an approved one is not', async () => {
  const d = await delegation({ approved: false });
  await delegation({ approved: true });
  assert.equal((await runModel(store, model('DEL_UNAPPROVED'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司承担“违法建筑测量认定技术服务”，记录为未报批，可能未履行委托报批程序，请核实并说明。',
  );
  assert.deepEqual(ids(clue), [d]);
});

test('DEL_FEE: five times the median fee of the same service; 4.9 times, or too few peers, is not', async () => {
  for (let i = 0; i < 5; i++) await delegation({ service_code: 'SW-HZ-1', fee: 10000 });
  const high = await delegation({ service_code: 'SW-HZ-1', fee: 50000, provider_name: '乙测绘有限公司' });
  for (let i = 0; i < 5; i++) await delegation({ service_code: 'SW-P-1', service_name: '法律顾问', fee: 10000 });
  await delegation({ service_code: 'SW-P-1', service_name: '法律顾问', fee: 49000 });
  for (let i = 0; i < 3; i++) await delegation({ service_code: 'SW-NB-1', fee: 10000 });
  await delegation({ service_code: 'SW-NB-1', fee: 900000 });
  assert.equal((await runModel(store, model('DEL_FEE'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01委托乙测绘有限公司承担“违法建筑测量认定技术服务”，费用50,000元，为同类6笔委托费用中位数10,000元的5倍（阈值5倍），费用可能偏高，请核实定价和选择方式并说明。',
  );
  assert.deepEqual(ids(clue), [high]);
});

test("DEL_PROVIDER_CONCENTRATION: 3 of an agency's 5 delegations in a year to one provider", async () => {
  const mine: string[] = [];
  for (let i = 0; i < 3; i++) mine.push(await delegation({ signed_on: `2025-0${i + 2}-01`, fee: 20000 }));
  await delegation({ provider_name: '乙公司', provider_uscc: 'P-2', signed_on: '2025-06-01' });
  await delegation({ provider_name: '丙公司', provider_uscc: 'P-3', signed_on: '2025-07-01' });
  assert.equal((await runModel(store, model('DEL_PROVIDER_CONCENTRATION'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025年共委托第三方5笔，其中3笔（60%）委托给甲测绘有限公司，合计60,000元，可能未以竞争性方式选择服务机构，请核实并说明。',
  );
  assert.deepEqual(ids(clue), mine);
});

test('DEL_PROVIDER_CONCENTRATION near miss: only 2 to one provider, or exactly half', async () => {
  for (let i = 0; i < 2; i++) await delegation({ signed_on: `2024-0${i + 2}-01` });
  await delegation({ provider_name: '乙公司', provider_uscc: 'P-2', signed_on: '2024-06-01' });
  for (let i = 0; i < 3; i++) await delegation({ agency_id: 'AG-XH-SCJG', region_code: '330106', signed_on: `2025-0${i + 2}-01` });
  for (let i = 0; i < 3; i++)
    await delegation({ agency_id: 'AG-XH-SCJG', region_code: '330106', provider_name: `丁${i}`, provider_uscc: `P-D${i}` });
  assert.equal((await runModel(store, model('DEL_PROVIDER_CONCENTRATION'), { asOf: '2025-12-31' })).hits, 0);
});
