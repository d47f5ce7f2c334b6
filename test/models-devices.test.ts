// Device models (非现场执法, 行政处罚法 第四十一条 and 第二十九条): for each, a hand-built case on a device's
// records that must hit (explanation and evidence checked), the near misses that must not, the boundary
// days, and the real-time check equal to the batch run, with devices and cases imported through their
// formats. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, monitoringDevice } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import { listRecords } from '../src/records/list.ts';
import type { ParamValues } from '../src/models/model.ts';
import { saveSetting } from '../src/models/settings.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-devices-'));

before(async () => {
  await seedTwoCounties(store);
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'],
    [
      ['IT-1', '违反规定停放车辆', 'penalty', 'CLE', 'xingzheng-chufa-fa', 41, 20, 200],
      ['IT-2', '夜间施工噪声超标', 'penalty', 'CLE', 'xingzheng-chufa-fa', 41, 1000, 10000],
    ],
  );
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  await store.exec('DELETE FROM cases');
  await store.exec('DELETE FROM monitoring_devices');
  await store.exec('DELETE FROM model_settings');
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fine of 富阳's comprehensive enforcement bureau for a violation on 2025-02-20, decided 2025-03-20, on a device's records. */
const onDevice = (deviceId: string, r: Record<string, Value> = {}) => caseRecord(store, { device_id: deviceId, ...r });
const device = (r: Record<string, Value>) => monitoringDevice(store, r);

const AS_OF = '2025-06-30';
const ADMIN = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
/** Runs a model as of AS_OF, under the province's setting of its parameters when given. */
async function run(code: string, params?: ParamValues) {
  const model = findModel(code)!;
  if (params) await saveSetting(store, ADMIN, model, '330000', true, params);
  return runModel(store, model, { asOf: AS_OF });
}

// ── 监控设备设置地点未公布即取证 (第四十一条) ─────────────────────────────────────────────────────────

test('DEV_UNPUBLISHED: a fine on the records of a camera whose place was never published', async () => {
  const dev = await device({ published_on: null });
  const id = await onDevice(dev);
  const r = await run('DEV_UNPUBLISHED');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局以视频监控设备（金桥北路与江滨西大道交叉口）记录的违法事实，对当事人杭州示例酒坊“违反规定停放车辆”一案于2025-03-20作出罚款决定，' +
      '违法行为发生于2025-02-20，设备记录中没有设置地点公布日期，可能在设置地点向社会公布前使用该设备收集违法事实，请核实并说明。',
  );
});

test('DEV_UNPUBLISHED boundaries: published on the day of the violation passes, the day after hits; a warning counts, no penalty and no device do not', async () => {
  const sameDay = await onDevice(await device({ published_on: '2025-02-20' }));
  const dayAfter = await onDevice(await device({ published_on: '2025-02-21' }));
  const late = await device({ published_on: '2025-04-01', device_kind: 'speed' });
  const warning = await onDevice(late, { decision: 'warning', fine_amount: null, tier: null });
  await onDevice(late, { decision: 'no_penalty', fine_amount: null, tier: 'exempt' });
  await onDevice(late, { decided_on: null, decision: null, fine_amount: null, tier: null, status: 'open' });
  await caseRecord(store, { device_id: null });
  await onDevice(late, { occurred_on: '2025-04-01', filed_on: '2025-04-02', decided_on: '2025-04-20' }); // published that day
  await run('DEV_UNPUBLISHED');
  assert.deepEqual((await hitIds('DEV_UNPUBLISHED')).sort(), [dayAfter, warning].sort());
  assert.ok(!(await hitIds('DEV_UNPUBLISHED')).includes(sameDay));
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(dayAfter)!, /违法行为发生于2025-02-20，设备设置地点于2025-02-21才公布/);
  assert.match(
    byId.get(warning)!,
    /以测速设备（.*）记录的违法事实.*作出警告决定，违法行为发生于2025-02-20，设备设置地点于2025-04-01才公布/,
  );
});

// ── 监控设备未经审核或检定过期 (第四十一条) ───────────────────────────────────────────────────────────

test('DEV_UNCALIBRATED: no review, a review the day after, a calibration lapsed the day before; a review or calibration on the day, or none on record, pass', async () => {
  const noReview = await onDevice(await device({ reviewed_on: null }));
  const reviewedAfter = await onDevice(await device({ reviewed_on: '2025-02-21' }));
  const reviewedSameDay = await onDevice(await device({ reviewed_on: '2025-02-20' }));
  const lapsed = await onDevice(await device({ device_kind: 'noise', calibrated_until: '2025-02-19' }));
  const validThatDay = await onDevice(await device({ calibrated_until: '2025-02-20' }));
  const noCalibration = await onDevice(await device({ calibrated_until: null }));
  const both = await onDevice(await device({ reviewed_on: null, calibrated_until: '2025-01-31' }));
  await onDevice(await device({ reviewed_on: null }), { decision: 'no_penalty', fine_amount: null, tier: 'exempt' });
  await run('DEV_UNCALIBRATED');
  const found = await hitIds('DEV_UNCALIBRATED');
  assert.deepEqual(found.sort(), [noReview, reviewedAfter, lapsed, both].sort());
  for (const pass of [reviewedSameDay, validThatDay, noCalibration]) assert.ok(!found.includes(pass));
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(lapsed),
    '数据显示，杭州市富阳区综合行政执法局以噪声监测设备（金桥北路与江滨西大道交叉口）记录的违法事实，对当事人杭州示例酒坊“违反规定停放车辆”一案于2025-03-20作出罚款决定，' +
      '违法行为发生于2025-02-20，设备检定/校准有效期至2025-02-19，当时已过期，可能使用了未经法制和技术审核或不符合标准的设备收集违法事实，请核实并说明。',
  );
  assert.match(byId.get(noReview)!, /违法行为发生于2025-02-20，设备记录中没有法制和技术审核日期，可能/);
  assert.match(byId.get(reviewedAfter)!, /设备于2025-02-21才通过法制和技术审核，可能/);
  assert.match(byId.get(both)!, /设备记录中没有法制和技术审核日期，设备检定\/校准有效期至2025-01-31，当时已过期，可能/);
});

// ── 同一设备短期内对同一事项重复罚款 (第二十九条) ─────────────────────────────────────────────────────

test('DEV_REPEAT_SAME_DAY: a second fine on one device for the same day, and for the next; two days apart, another device, another item or a warning pass', async () => {
  const dev = await device({});
  const other = await device({ location: '富春街道江滨西大道88号' });
  const first = await onDevice(dev, { occurred_on: '2025-02-20' });
  const sameDay = await onDevice(dev, { occurred_on: '2025-02-20', fine_amount: 1500 });
  // Another party: the next day hits (N = 1), two days does not (N + 1).
  const e2 = '91330000733796106P';
  const a = await onDevice(dev, { entity_uscc: e2, occurred_on: '2025-03-01', filed_on: '2025-03-02' });
  const nextDay = await onDevice(dev, { entity_uscc: e2, occurred_on: '2025-03-02', filed_on: '2025-03-03' });
  await onDevice(dev, { entity_uscc: e2, occurred_on: '2025-03-04', filed_on: '2025-03-05' }); // 2 days after the last
  await onDevice(other, { occurred_on: '2025-02-20' }); // another device
  await onDevice(dev, { occurred_on: '2025-02-20', item_code: 'IT-2' }); // another item
  await onDevice(dev, { occurred_on: '2025-02-20', decision: 'warning', fine_amount: null }); // no second fine
  await run('DEV_REPEAT_SAME_DAY');
  assert.deepEqual((await hitIds('DEV_REPEAT_SAME_DAY')).sort(), [sameDay, nextDay].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(sameDay)!), [first, sameDay]);
  assert.deepEqual(evidenceIds(byId.get(nextDay)!), [a, nextDay]);
  assert.equal(
    byId.get(sameDay)!.explanation,
    '数据显示，当事人杭州示例酒坊因“违反规定停放车辆”，依据视频监控设备（金桥北路与江滨西大道交叉口）的记录，于2025-02-20的违法行为被罚款1,000元，' +
      '于2025-02-20的违法行为又被罚款1,500元，两次相隔0天（不超过1天），可能对同一个违法行为给予了两次罚款，请核实并说明。',
  );
  // With the window at 0 days only the same day counts.
  await clearHits();
  await run('DEV_REPEAT_SAME_DAY', { window_days: 0 });
  assert.deepEqual(await hitIds('DEV_REPEAT_SAME_DAY'), [sameDay]);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const CODES = ['DEV_UNPUBLISHED', 'DEV_UNCALIBRATED', 'DEV_REPEAT_SAME_DAY'];

test('devices and cases imported through the formats, the cases judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const devices = [
    '来源系统,设备编号,区划代码,执法主体编码,设备类型,设置地点,法制和技术审核日期,设置地点公布日期,检定/校准有效期至,启用日期,停用日期',
    'fy-zhzf,SB-1,330111,AG-FY-ZHZF,视频监控,金桥北路与江滨西大道交叉口,2025-01-05,2025-01-08,2025-12-31,2025-01-10,', // in order
    'fy-zhzf,SB-2,330111,AG-FY-ZHZF,噪声监测,富春街道江滨西大道88号,2025-01-05,,2025-12-31,2025-01-10,', // never published
    'fy-zhzf,SB-3,330111,AG-FY-ZHZF,测速,东大道120号,,2025-01-08,2025-02-01,2025-01-10,', // no review, calibration lapsed
  ];
  const dPath = join(dir, 'devices.csv');
  writeFileSync(dPath, devices.join('\n'));
  const dReport = await importRows(store, await fileSource(dPath), { kind: 'monitoring_devices', caller: SYSTEM_CALLER });
  assert.equal(dReport.rowsOk, 3, JSON.stringify(dReport.errors));
  const header =
    '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,违法行为发生日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,裁量档次,罚款金额,证据来源设备编号,案件状态';
  const row = (id: string, occurred: string, device: string) =>
    `fy-zhzf,${id},330111,AG-FY-ZHZF,IT-1,91330100470102706G,${occurred},${occurred},否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,一般,100,${device},已决定`;
  const rows = [
    row('AJ-1', '2025-02-20', 'SB-1'), // in order
    row('AJ-2', '2025-02-20', 'SB-1'), // the same day on the same device: a second fine
    row('AJ-3', '2025-02-20', 'SB-2'), // unpublished
    row('AJ-4', '2025-02-20', 'SB-3'), // unreviewed and uncalibrated
    row('AJ-5', '2025-02-20', ''), // no device
  ];
  const cPath = join(dir, 'cases.csv');
  writeFileSync(cPath, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(cPath), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 5, JSON.stringify(report.errors));
  const cases = await store.query<{ id: string; source_id: string; device_id: string | null }>(
    'SELECT id, source_id, device_id FROM cases ORDER BY source_id',
  );
  const devIds = await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM monitoring_devices ORDER BY source_id');
  assert.ok(devIds.every((d) => d.id.startsWith('dev-')));
  assert.deepEqual(
    cases.map((c) => c.device_id),
    [devIds[0].id, devIds[0].id, devIds[1].id, devIds[2].id, null],
  );

  // One by one, as the ingest API lands them (the whole row, as the import stored it).
  for (const c of cases) {
    const [full] = await store.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [c.id]);
    await checkRecords(store, 'cases', [full], 'system', AS_OF);
  }
  const realtime = (await hits())
    .filter((h) => h.model_code.startsWith('DEV_'))
    .map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 3);

  await clearHits();
  for (const code of CODES) await run(code);
  const batch = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  const bySource = new Map(cases.map((c) => [c.source_id, c.id]));
  assert.deepEqual(await hitIds('DEV_UNPUBLISHED'), [bySource.get('AJ-3')]);
  assert.deepEqual(await hitIds('DEV_UNCALIBRATED'), [bySource.get('AJ-4')]);
  assert.deepEqual(await hitIds('DEV_REPEAT_SAME_DAY'), [[bySource.get('AJ-1'), bySource.get('AJ-2')].sort()[1]]);
});

test('a pushed case with no device is not judged by the device models at all; one with a device is, by all three', async () => {
  const ran = async (id: string) => {
    const [full] = await store.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [id]);
    return (await checkRecords(store, 'cases', [full], 'system', AS_OF)).map((r) => r.code).filter((c) => c.startsWith('DEV_'));
  };
  // The device models read cases by SQL: skipping the cases without a device spares a pushed case a scan of the table each.
  assert.deepEqual(await ran(await caseRecord(store, {})), []);
  assert.deepEqual((await ran(await onDevice(await device({})))).sort(), [...CODES].sort());
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's devices; a supervisor of the county sees every one", async () => {
  const own = await device({});
  await device({ agency_id: 'AG-XH-SCJG', region_code: '330106' });
  await device({ agency_id: 'AG-FY-OTHER' });
  const staff = {
    userId: 'u1',
    username: 'fy-zhzf',
    displayName: '执法队员',
    role: 'agency_staff',
    regionCode: '330111',
    agencyId: 'AG-FY-ZHZF',
  } as const;
  const page = await listRecords(store, staff, 'monitoring_devices', 1, 50);
  assert.deepEqual(
    page.rows.map((r) => r.id),
    [own],
  );
  assert.equal(page.rows[0].agency_name, '杭州市富阳区综合行政执法局');
  const supervisor = { ...staff, username: 'fy-sup', role: 'supervisor', agencyId: null } as const;
  assert.equal((await listRecords(store, supervisor, 'monitoring_devices', 1, 50)).total, 2);
});
