import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const FY = '91330100470102706G';
const XH = '91330000733796106P';
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
  await store.copyIn(table, cols, [cols.map((c) => row[c])]);
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

test('LIC_OVERDUE: decided after the limit in calendar days (20 working days → 28, plus 8 holiday days), or still pending past it', async () => {
  const late = await licence({ applied_on: '2025-03-03', decided_on: '2025-04-11' });
  const pending = await licence({ applied_on: '2025-05-01', decided_on: null, result: 'pending' });
  const r = await runModel(store, model('LIC_OVERDUE'), { asOf: '2025-06-10' });
  assert.equal(r.newHits, 2);
  const byId = new Map((await clues()).map((c) => [ids(c)[0], c]));
  assert.equal(
    byId.get(late)!.explanation,
    '“测试许可”于2025-03-03受理，于2025-04-11作出决定，历时39个自然日，超过20个工作日的法定时限（折合36个自然日，已计节假日宽限）；如经批准延长，请补充延长审批材料。',
  );
  assert.equal(
    byId.get(pending)!.explanation,
    '“测试许可”于2025-05-01受理，截至2025-06-10仍未作出决定，历时40个自然日，超过20个工作日的法定时限（折合36个自然日，已计节假日宽限）；如经批准延长，请补充延长审批材料。',
  );
  assert.equal(byId.get(late)!.title, '超期审批：杭州示例酒坊');
  assert.equal(byId.get(late)!.agency_id, 'AG-FY-ZHZF');
});

test('LIC_OVERDUE near miss: exactly the allowance, pending inside it, an item without a time limit', async () => {
  await licence({ applied_on: '2025-03-03', decided_on: '2025-04-08' });
  await licence({ applied_on: '2025-05-05', decided_on: null, result: 'pending' });
  await licence({ item_code: 'LI-3', applied_on: '2025-05-01', decided_on: '2025-05-14' });
  await licence({ item_code: 'LI-X', applied_on: '2025-01-01', decided_on: '2025-06-01' });
  assert.equal((await runModel(store, model('LIC_OVERDUE'), { asOf: '2025-06-10' })).hits, 0);
});

test('LIC_NO_SUPERVISION: a granted licence followed by no inspection within 365 days', async () => {
  const lc = await licence({ applied_on: '2024-04-10', decided_on: '2024-05-01' });
  await inspection(store, { entity_uscc: FY, inspected_on: '2024-04-20' });
  await inspection(store, { entity_uscc: FY, inspected_on: '2025-05-02' });
  const r = await runModel(store, model('LIC_NO_SUPERVISION'), { asOf: '2025-06-01' });
  assert.equal(r.newHits, 1);
  const [clue] = await clues();
  assert.equal(clue.explanation, '该企业于2024-05-01取得杭州市富阳区综合行政执法局准予的“测试许可”，此后365天内未见任何部门对其开展检查。');
  assert.deepEqual(ids(clue), [lc]);
});

test('LIC_NO_SUPERVISION near miss: inspected on day 365, the year not over yet, a refused licence', async () => {
  await licence({ entity_uscc: XH, region_code: '330106', agency_id: 'AG-XH-SCJG', decided_on: '2024-05-01' });
  await inspection(store, { entity_uscc: XH, region_code: '330106', agency_id: 'AG-XH-SCJG', inspected_on: '2025-05-01' });
  await licence({ decided_on: '2024-07-01' });
  await licence({ decided_on: '2024-04-01', result: 'refused' });
  assert.equal((await runModel(store, model('LIC_NO_SUPERVISION'), { asOf: '2025-06-01' })).hits, 0);
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
    '杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司承担“委托第三方开展日常执法巡查”，未对应正面清单事项，属目录外委托。',
  );
  assert.equal(
    byId.get(unknown),
    '杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司承担“聘请第三方人员参与现场检查”，事项编码ZDY-330111-001不在正面清单内，属目录外委托。',
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
    '杭州市富阳区综合行政执法局于2025-03-01委托甲测绘有限公司承担“违法建筑测量认定技术服务”，未履行委托报批程序。',
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
    '杭州市富阳区综合行政执法局于2025-03-01委托乙测绘有限公司承担“违法建筑测量认定技术服务”，费用50,000元，为同类6笔委托费用中位数10,000元的5倍（阈值5倍）。',
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
    '杭州市富阳区综合行政执法局2025年共委托第三方5笔，其中3笔（60%）委托给甲测绘有限公司，合计60,000元，委托对象过度集中。',
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
