// Confiscated-goods models (罚没物品, 行政处罚法 第七十四条): for each, a hand-built row that must hit
// (explanation and evidence checked), the near misses that must not, the boundary at N and N + 1 days
// (or the value and the share of the valuation), a county's own setting, the real-time check equal to the
// batch run on rows imported through the format, and who may import and list them. Runs on DuckDB, and on
// PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, confiscatedGoods } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { saveSetting } from '../src/models/settings.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import { listRecords } from '../src/records/list.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const CASE_AJ1 = recordId('cases', 'test', 'AJ-1');
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-confiscated-'));

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  // The case the imported goods name by its key in the source system.
  await caseRecord(store, { id: CASE_AJ1, source_system: 'test', source_id: 'AJ-1' });
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  for (const table of ['confiscated_goods', 'model_settings']) await store.exec(`DELETE FROM ${table}`);
  await store.exec(`DELETE FROM cases WHERE source_system = 'fy'`);
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADMIN = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
const STAFF: Caller = {
  userId: 'fy-staff',
  username: 'fy_staff',
  displayName: '富阳执法',
  role: 'agency_staff',
  regionCode: '330111',
  agencyId: 'AG-FY-ZHZF',
};

const goods = (r: Record<string, Value>) => confiscatedGoods(store, r);

/** The day `days` after `from`. */
const plus = (from: string, days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });

// ── 罚没物品超期未处置 ──────────────────────────────────────────────────────────────────────────────────

test('CONF_NOT_DISPOSED: goods with no disposal 91 days after their confiscation', async () => {
  const id = await goods({ disposal: null, disposed_on: null, proceeds: null, proceeds_paid_on: null });
  const r = await run('CONF_NOT_DISPOSED', plus('2025-03-01', 91));
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.subject_kind, 'confiscated_goods');
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01没收杭州示例酒坊的占道经营用三轮车，截至2025-05-31没有处置记录，超过没收后90日，可能未按规定及时公开拍卖或者处理，请核实并说明。',
  );
});

test('CONF_NOT_DISPOSED boundaries: waiting 90 / 91 days, disposed on day 90 / 91, disposed after the run day, a county setting of 60 days', async () => {
  const open = { disposal: null, disposed_on: null, proceeds: null, proceeds_paid_on: null };
  const waiting = await goods({ ...open, confiscated_on: '2025-04-01' });
  await goods({ disposal: 'destroy', disposed_on: plus('2025-03-01', 90), proceeds: null, proceeds_paid_on: null }); // the last day in time
  const day91 = await goods({ disposed_on: plus('2025-03-01', 91), proceeds_paid_on: plus('2025-03-01', 95) });
  const later = await goods({ ...open, confiscated_on: '2025-01-01', disposal: 'destroy', disposed_on: '2025-12-01' });
  const asOf = plus('2025-04-01', 90);
  await run('CONF_NOT_DISPOSED', asOf); // the waiting goods: 90 days
  assert.deepEqual((await hitIds('CONF_NOT_DISPOSED')).sort(), [day91, later].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(day91)!, /于2025-05-31以公开拍卖方式处置，超过没收后90日/);
  // Disposed of after the run's day: on that day it was still waiting.
  assert.match(byId.get(later)!, /截至2025-06-30没有处置记录/);
  await clearHits();
  await run('CONF_NOT_DISPOSED', plus(asOf, 1)); // 91 days
  assert.ok((await hitIds('CONF_NOT_DISPOSED')).includes(waiting));

  // A county that sets 60 days: the goods waiting 61 days hit there, not under the province's default.
  await clearHits();
  await saveSetting(store, ADMIN, findModel('CONF_NOT_DISPOSED')!, '330111', true, { limit_days: 60 });
  await run('CONF_NOT_DISPOSED', plus('2025-04-01', 61));
  assert.ok((await hitIds('CONF_NOT_DISPOSED')).includes(waiting));
  await clearHits();
  await run('CONF_NOT_DISPOSED', plus('2025-04-01', 60));
  assert.ok(!(await hitIds('CONF_NOT_DISPOSED')).includes(waiting));
});

// ── 处置款项未上缴国库 (第七十四条 第二款) ──────────────────────────────────────────────────────────────

test('CONF_PROCEEDS_NOT_PAID: proceeds paid 31 days after the auction, or not at all; day 30, no proceeds and a destruction pass', async () => {
  const day31 = await goods({ proceeds_paid_on: plus('2025-04-01', 31) });
  const never = await goods({ disposal: 'sold', proceeds: 2500, proceeds_paid_on: null });
  await goods({ proceeds_paid_on: plus('2025-04-01', 30) }); // the last day in time
  await goods({ disposal: 'destroy', proceeds: null, proceeds_paid_on: null });
  await goods({ disposal: 'other', proceeds: 0, proceeds_paid_on: null }); // nothing to pay
  const recent = await goods({ disposed_on: '2025-06-01', proceeds_paid_on: null }); // 30 days before the run
  await run('CONF_PROCEEDS_NOT_PAID', '2025-07-01');
  assert.deepEqual((await hitIds('CONF_PROCEEDS_NOT_PAID')).sort(), [day31, never].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(day31),
    '数据显示，杭州市富阳区综合行政执法局没收杭州示例酒坊的占道经营用三轮车，于2025-04-01以公开拍卖方式处置，所得3,000元，于2025-05-02上缴国库，超过处置后30日，可能未及时全部上缴国库，请核实并说明。',
  );
  assert.match(byId.get(never)!, /以变卖方式处置，所得2,500元，截至2025-07-01没有上缴国库记录/);
  await clearHits();
  await run('CONF_PROCEEDS_NOT_PAID', '2025-07-02'); // the recent one: 31 days
  assert.ok((await hitIds('CONF_PROCEEDS_NOT_PAID')).includes(recent));
});

// ── 罚没物品处置方式异常 ──────────────────────────────────────────────────────────────────────────────

test('CONF_IRREGULAR_DISPOSAL: goods of 5,000 yuan sold off or disposed of otherwise; an auction under half the valuation; the boundaries pass', async () => {
  const sold = await goods({ disposal: 'sold', estimated_value: 5000, proceeds: 4000 });
  const other = await goods({ disposal: 'other', estimated_value: 12000, proceeds: 1000 });
  const cheap = await goods({ disposal: 'auction', estimated_value: 10000, proceeds: 4999.99 });
  await goods({ disposal: 'sold', estimated_value: 4999, proceeds: 4000 }); // below the value an auction is expected at
  await goods({ disposal: 'auction', estimated_value: 10000, proceeds: 5000 }); // exactly half
  await goods({ disposal: 'sold', estimated_value: null, proceeds: 800 }); // no valuation
  await goods({ disposal: 'destroy', estimated_value: 30000, proceeds: null, proceeds_paid_on: null }); // destroyed
  await goods({ disposal: 'sold', estimated_value: 9000, disposed_on: '2025-07-02', proceeds: 100, proceeds_paid_on: null }); // after the run's day
  await run('CONF_IRREGULAR_DISPOSAL', '2025-07-01');
  assert.deepEqual((await hitIds('CONF_IRREGULAR_DISPOSAL')).sort(), [sold, other, cheap].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(sold),
    '数据显示，杭州市富阳区综合行政执法局没收杭州示例酒坊的占道经营用三轮车，估价5,000元，于2025-04-01以变卖方式处置，所得4,000元，为估价的80%，可能未按规定公开拍卖，请核实并说明。',
  );
  assert.match(byId.get(other)!, /以其他方式处置，所得1,000元，为估价的8%，可能未按规定公开拍卖，且处置价格可能明显低于估价/);
  assert.match(byId.get(cheap)!, /以公开拍卖方式处置，所得4,999.99元，为估价的49%，处置价格可能明显低于估价/);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const CODES = ['CONF_NOT_DISPOSED', 'CONF_PROCEEDS_NOT_PAID', 'CONF_IRREGULAR_DISPOSAL'];
const HEADER =
  '来源系统,罚没物品编号,区划代码,执法主体编码,处罚案件编号,当事人统一社会信用代码,物品名称,数量,计量单位,估价,没收日期,处置方式,处置日期,处置所得,上缴国库日期';

test('goods imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    'test,MW-1,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,占道经营用三轮车,2,辆,3000,2025-03-01,,,,', // never disposed of
    'test,MW-2,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,违规户外广告牌,1,块,8000,2025-03-01,变卖,2025-04-01,6000,2025-04-05', // sold off
    'test,MW-3,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,违法搭建材料,1,批,6000,2025-03-01,公开拍卖,2025-04-01,5500,', // proceeds kept
    'test,MW-4,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,过期食品,10,千克,,2025-03-01,销毁,2025-03-20,,', // in order
  ];
  const path = join(dir, 'goods.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'confiscated_goods', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 4, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string; case_id: string }>('SELECT id, source_id, case_id FROM confiscated_goods')).map(
      (r) => [r.source_id, r],
    ),
  );
  // The case named by its key in the source system becomes its Kedu id.
  assert.equal(bySource.get('MW-1')!.case_id, CASE_AJ1);
  assert.ok([...bySource.values()].every((r) => r.id.startsWith('conf-')));

  // One by one, as the ingest API lands them.
  for (const { id } of bySource.values()) await checkRecords(store, 'confiscated_goods', [{ id }], 'system', '2025-07-01');
  const realtime = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 3);

  await clearHits();
  for (const code of CODES) await run(code, '2025-07-01');
  const batch = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  assert.deepEqual(await hitIds('CONF_NOT_DISPOSED'), [bySource.get('MW-1')!.id]);
  assert.deepEqual(await hitIds('CONF_IRREGULAR_DISPOSAL'), [bySource.get('MW-2')!.id]);
  assert.deepEqual(await hitIds('CONF_PROCEEDS_NOT_PAID'), [bySource.get('MW-3')!.id]);
});

test('the format refuses contradictions in Chinese: a disposal day without a disposal, proceeds of destroyed goods, a payment before the disposal', async () => {
  const rows = [
    'test,MW-5,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,三轮车,1,辆,,2025-03-01,,2025-04-01,,',
    'test,MW-6,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,假酒,1,箱,,2025-03-01,销毁,2025-04-01,300,',
    'test,MW-7,330111,AG-FY-ZHZF,AJ-1,91330100470102706G,广告牌,1,块,,2025-03-01,公开拍卖,2025-04-01,300,2025-03-30',
    'test,MW-8,330111,AG-FY-ZHZF,,91330100470102706G,广告牌,1,块,,2025-03-01,,,,',
  ];
  const path = join(dir, 'bad-goods.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'confiscated_goods', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const texts = report.errors.map((e) => e.text);
  assert.match(texts[0], /^第2行 disposed_on（处置日期）：有处置日期时须填写处置方式/);
  assert.match(texts[1], /^第3行 proceeds（处置所得）：处置方式为销毁的物品不应有处置所得/);
  assert.match(texts[2], /^第4行 proceeds_paid_on（上缴国库日期）：上缴国库日期不能早于处置日期/);
  assert.match(texts[3], /^第5行 case_id（处罚案件编号）：必填项为空/);
});

// ── who may import and list them ─────────────────────────────────────────────────────────────────────

test("an agency's staff cannot import goods against another agency's case, and list only their own agency's goods", async () => {
  const other = await caseRecord(store, {
    id: recordId('cases', 'fy', 'AJ-OTHER'),
    source_system: 'fy',
    source_id: 'AJ-OTHER',
    agency_id: 'AG-FY-SCJG',
  });
  await caseRecord(store, { id: recordId('cases', 'fy', 'AJ-OWN'), source_system: 'fy', source_id: 'AJ-OWN' });
  const row = (sourceId: string, caseId: string) => ({
    source_system: 'fy',
    source_id: sourceId,
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    case_id: caseId,
    entity_uscc: '91330100470102706G',
    description: '占道经营用三轮车',
    confiscated_on: '2025-03-20',
  });
  const report = await importRows(store, recordsSource([row('MW-OWN', 'AJ-OWN'), row('MW-OTHER', 'AJ-OTHER')]), {
    kind: 'confiscated_goods',
    caller: STAFF,
  });
  assert.equal(report.inserted, 1);
  assert.equal(report.errors.length, 1);
  assert.match(
    report.errors[0].text,
    new RegExp(`^第2条 case_id（处罚案件编号）：所关联的行政处罚案件（${other}）是其他执法主体的行政处罚案件`),
  );
  // Nor may the staff file goods under another agency.
  const foreign = await importRows(store, recordsSource([{ ...row('MW-FOREIGN', 'AJ-OTHER'), agency_id: 'AG-FY-SCJG' }]), {
    kind: 'confiscated_goods',
    caller: STAFF,
  });
  assert.equal(foreign.inserted, 0);

  await goods({ agency_id: 'AG-FY-SCJG', case_id: other });
  const page = await listRecords(store, STAFF, 'confiscated_goods', 1, 50);
  assert.deepEqual(
    page.rows.map((r) => r.source_id),
    ['MW-OWN'],
  );
  assert.equal(page.rows[0].agency_name, '杭州市富阳区综合行政执法局');
  const supervisor = { ...STAFF, username: 'fy-sup', role: 'supervisor', agencyId: null } as const;
  assert.equal((await listRecords(store, supervisor, 'confiscated_goods', 1, 50)).total, 2);
});
