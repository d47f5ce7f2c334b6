// The rest of 行政强制法 the records can show, and 行政许可法 第五十八条: 夜间或法定节假日实施强制执行
// (COE_NIGHT_HOLIDAY, 第四十三条), 当场实施未在二十四小时内补办批准 (COE_URGENT_LATE_APPROVAL, 第十九条),
// 向当事人收取保管费 (COE_STORAGE_FEE, 第二十六条 第三款) and 实施许可或监督检查收费 (LIC_SUPERVISION_FEE).
// For each: a hand-built record that must hit (explanation and evidence checked), the near misses that must
// not, the boundaries (21:59 / 22:00, 05:59 / 06:00; 24 h / 24 h + 1 min); records imported through the
// public format with the times as agency exports write them, judged one by one as they arrive and equal to
// the batch run; contradictions refused in Chinese; an agency's staff see only their own rows.
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
import { agency, coerciveMeasure, copyRows, enterpriseCharge, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { saveSetting } from '../src/models/settings.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-coercion-times-'));
const ADMIN = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
const LIC = recordId('licences', 'fy', 'XK-1');

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  await copyRows(store, 'items', ['code', 'name', 'kind', 'line_code'], [['LI-1', '食品经营许可', 'licence', 'MKT']]);
  await copyRows(
    store,
    'licences',
    ['id', 'source_system', 'source_id', 'region_code', 'agency_id', 'item_code', 'entity_uscc', 'applied_on', 'decided_on', 'result'],
    [[LIC, 'fy', 'XK-1', '330111', 'AG-FY-SCJG', 'LI-1', '91330100470102706G', '2025-03-01', '2025-03-10', 'granted']],
  );
});
const { hits, hitIds, clearHits } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM coercive_measures');
  await store.exec('DELETE FROM enterprise_charges');
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (code: string, asOf = '2025-12-31') => runModel(store, findModel(code)!, { asOf });

/** An auction of seized goods by 富阳's market regulator on Tuesday 2025-03-04 at 10:00, completed that day. */
const enforcement = (r: Record<string, Value>) =>
  coerciveMeasure(store, {
    agency_id: 'AG-FY-SCJG',
    measure: 'auction',
    decision_no: '富市监强制执行〔2025〕1号',
    started_on: '2025-03-04',
    started_at: '10:00',
    approved_at: '2025-03-03 16:00',
    ended_on: '2025-03-04',
    goods_returned_on: null,
    status: 'disposed',
    ...r,
  });

/** A seizure by 富阳's market regulator on 2025-03-01 at 10:00, approved beforehand. */
const measure = (r: Record<string, Value>) =>
  coerciveMeasure(store, {
    agency_id: 'AG-FY-SCJG',
    decision_no: '富市监强制〔2025〕1号',
    started_at: '10:00',
    approved_at: '2025-03-01 09:00',
    ...r,
  });

// ── 夜间或法定节假日实施强制执行 (第四十三条) ─────────────────────────────────────────────────────────────

test('COE_NIGHT_HOLIDAY: an auction begun at 23:10 on a working day, not urgent', async () => {
  const id = await enforcement({ started_at: '23:10' });
  const r = await run('COE_NIGHT_HOLIDAY');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
  assert.equal(
    h.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-04 23:10对杭州示例酒坊实施拍卖或者依法处理查封、扣押的财物，实施时间在夜间（22:00至次日06:00），记录未载明情况紧急，可能在夜间或者法定节假日实施行政强制执行，请核实并说明。',
  );
});

test('COE_NIGHT_HOLIDAY boundaries: 21:59 / 22:00 and 05:59 / 06:00; holidays, an ordinary weekend, urgent, a sealing at night', async () => {
  await enforcement({ started_at: '21:59' });
  const at2200 = await enforcement({ started_at: '22:00', measure: 'remove' });
  const at0559 = await enforcement({ started_at: '05:59', measure: 'substitute' });
  await enforcement({ started_at: '06:00' });
  // 国庆节 (the State Council's arrangement), in office hours; and with no time recorded.
  const holiday = await enforcement({ started_on: '2025-10-03', ended_on: '2025-10-03', measure: 'transfer_funds' });
  const holidayNoTime = await enforcement({ started_on: '2025-05-01', ended_on: '2025-05-01', started_at: null });
  // A Saturday that is no holiday: a rest day, not a 法定节假日.
  await enforcement({ started_on: '2025-03-08', ended_on: '2025-03-08' });
  // The Sunday 2025-04-27 was a make-up working day; a working day with no time recorded.
  await enforcement({ started_on: '2025-04-27', ended_on: '2025-04-27', started_at: null });
  // Urgent (第四十三条: 情况紧急的除外), on a holiday night.
  await enforcement({ started_on: '2025-10-02', ended_on: '2025-10-02', started_at: '23:30', urgent: true });
  // A sealing at night and on a holiday: a 强制措施, not 强制执行.
  await measure({
    measure: 'seal',
    started_on: '2025-10-02',
    started_at: '23:30',
    ended_on: '2025-10-20',
    goods_returned_on: '2025-10-20',
  });
  // After the run's day.
  await enforcement({ started_on: '2026-01-01', ended_on: '2026-01-01', started_at: '23:00' });
  await run('COE_NIGHT_HOLIDAY');
  assert.deepEqual((await hitIds('COE_NIGHT_HOLIDAY')).sort(), [at2200, at0559, holiday, holidayNoTime].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(holiday)!, /于2025-10-03 10:00对杭州示例酒坊实施划拨存款、汇款，当日为法定节假日，记录未载明情况紧急/);
  assert.match(byId.get(holidayNoTime)!, /于2025-05-01对杭州示例酒坊实施拍卖或者依法处理查封、扣押的财物，当日为法定节假日，/);
  assert.match(byId.get(at2200)!, /实施强制拆除、排除妨碍、恢复原状，实施时间在夜间（22:00至次日06:00）/);
});

test("COE_NIGHT_HOLIDAY: a region's night window (21:00 to 07:00) moves both boundaries", async () => {
  const at2100 = await enforcement({ started_at: '21:00' });
  await enforcement({ started_at: '20:59' });
  const at0659 = await enforcement({ started_at: '06:59' });
  await enforcement({ started_at: '07:00' });
  await saveSetting(store, ADMIN, findModel('COE_NIGHT_HOLIDAY')!, '330111', true, { night_from: 2100, night_to: 700 });
  await run('COE_NIGHT_HOLIDAY');
  assert.deepEqual((await hitIds('COE_NIGHT_HOLIDAY')).sort(), [at2100, at0659].sort());
  assert.match((await hits())[0].explanation, /夜间（21:00至次日07:00）/);
});

// ── 当场实施未在二十四小时内补办批准 (第十九条) ───────────────────────────────────────────────────────────

test('COE_URGENT_LATE_APPROVAL: 24 hours is in time, 24 hours and a minute is late; no time of day counts from 24:00', async () => {
  await measure({ urgent: true, approved_at: '2025-03-02 10:00' });
  const late = await measure({ urgent: true, approved_at: '2025-03-02 10:01' });
  const days = await measure({ measure: 'seal', urgent: true, started_at: '23:10', approved_at: '2025-03-08 09:30' });
  // No time of day: the start is taken as 24:00, the latest it can have been.
  await measure({ urgent: true, started_at: null, approved_at: '2025-03-03 00:00' });
  const noTime = await measure({ urgent: true, started_at: null, approved_at: '2025-03-03 00:01' });
  await measure({ urgent: false, approved_at: '2025-03-05 10:00' }); // not urgent: 第十九条 does not apply
  await measure({ urgent: true, approved_at: null }); // no approval recorded: not judged
  await measure({ urgent: true, approved_at: '2026-01-05 10:00' }); // approved after the run's day
  await enforcement({ urgent: true, approved_at: '2025-03-07 10:00' }); // an act of 强制执行, not a 强制措施
  await run('COE_URGENT_LATE_APPROVAL');
  assert.deepEqual((await hitIds('COE_URGENT_LATE_APPROVAL')).sort(), [late, days, noTime].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(late)!), [late]);
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-01 10:00对杭州示例酒坊情况紧急当场实施扣押，负责人批准时间为2025-03-02 10:01，距实施24小时1分钟，超过24小时，可能未在24小时内向负责人报告并补办批准手续，请核实并说明。',
  );
  assert.match(byId.get(days)!.explanation, /当场实施查封，负责人批准时间为2025-03-08 09:30，距实施154小时20分钟，/);
  assert.match(byId.get(noTime)!.explanation, /于2025-03-01（未记录时刻）对杭州示例酒坊.*距实施24小时1分钟/);
});

// ── 向当事人收取查封扣押保管费 (第二十六条 第三款) ──────────────────────────────────────────────────────────

test('COE_STORAGE_FEE: storage fees of the agency, its unit, a keeper it commissioned or named; not a warehouse the enterprise chose', async () => {
  const seal = await measure({ measure: 'seal', started_on: '2025-03-01', ended_on: '2025-03-20', goods_returned_on: '2025-03-20' });
  const storage = (r: Record<string, Value>) =>
    enterpriseCharge(store, {
      agency_id: 'AG-FY-SCJG',
      fee_kind: 'storage',
      charged_on: '2025-03-10',
      amount: 800,
      ...r,
    });
  const own = await storage({ charged_by: '富阳区市场监督管理局', charger_kind: 'authority', coercive_measure_id: seal });
  const unit = await storage({ charged_by: '富阳区涉案财物保管中心', charger_kind: 'affiliated' });
  const commissioned = await storage({ charged_by: '杭州示例仓储有限公司', commissioned_by_agency: true });
  const designated = await storage({ charged_by: '杭州示例仓储有限公司', designated_by_agency: true });
  await storage({ charged_by: '杭州示例仓储有限公司' }); // the enterprise's own choice
  await storage({ charged_by: '富阳区市场监督管理局', charger_kind: 'authority', charged_on: '2025-02-27' }); // before any sealing
  await storage({ charged_by: '富阳区综合行政执法局', charger_kind: 'authority', agency_id: 'AG-FY-ZHZF' }); // an agency that sealed nothing
  await storage({ charger_kind: 'authority', entity_uscc: '91330100470102707E' }); // another enterprise
  await run('COE_STORAGE_FEE');
  await run('FEE_DESIGNATED_INTERMEDIARY');
  assert.deepEqual((await hitIds('COE_STORAGE_FEE')).sort(), [own, unit, commissioned, designated].sort());
  assert.deepEqual(await hitIds('FEE_DESIGNATED_INTERMEDIARY'), [], 'a storage fee is raised once, by COE_STORAGE_FEE');
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(own)!), [own, seal]);
  assert.deepEqual(evidenceIds(byId.get(unit)!), [unit, seal]);
  assert.equal(
    byId.get(own)!.explanation,
    '数据显示，富阳区市场监督管理局（行政机关）于2025-03-10向杭州示例酒坊收取保管费800元，测试部门AG-FY-SCJG于2025-03-01对其实施了查封，可能由当事人承担了查封、扣押的保管费用，请核实并说明。',
  );
  assert.match(byId.get(commissioned)!.explanation, /杭州示例仓储有限公司（受行政机关委托保管）/);
  assert.match(byId.get(designated)!.explanation, /杭州示例仓储有限公司（由行政机关指定）/);
});

// ── 实施许可或监督检查收费 (行政许可法 第五十八条) ───────────────────────────────────────────────────────────

test('LIC_SUPERVISION_FEE: the agency’s unit charges for testing with its inspection; listed fees and other models’ charges are not raised here', async () => {
  const ins = await inspection(store, { agency_id: 'AG-FY-SCJG' });
  const fee = (r: Record<string, Value>) =>
    enterpriseCharge(store, {
      agency_id: 'AG-FY-SCJG',
      charged_by: '富阳区市场监管检验检测中心',
      charger_kind: 'affiliated',
      fee_kind: 'service',
      amount: 900,
      inspection_id: ins,
      ...r,
    });
  const testing = await fee({});
  const byAgency = await fee({
    charged_by: '富阳区市场监督管理局',
    charger_kind: 'authority',
    fee_kind: 'other',
    inspection_id: null,
    licence_id: LIC,
  });
  await fee({ catalogue_no: 'ZJ-XZSY-2025-088' }); // listed: a fee a law or 行政法规 provides
  await fee({ inspection_id: null }); // tied to no licence or inspection
  await fee({ charger_kind: 'intermediary', charged_by: '杭州示例检测技术有限公司' }); // not the agency nor its unit
  const adminFee = await fee({ fee_kind: 'admin_fee' }); // FEE_OFF_CATALOGUE's
  const training = await fee({ fee_kind: 'training' }); // FEE_TRAINING_CHARGED's
  await run('LIC_SUPERVISION_FEE');
  await run('FEE_OFF_CATALOGUE');
  await run('FEE_TRAINING_CHARGED');
  assert.deepEqual((await hitIds('LIC_SUPERVISION_FEE')).sort(), [testing, byAgency].sort());
  assert.deepEqual(await hitIds('FEE_OFF_CATALOGUE'), [adminFee]);
  assert.deepEqual(await hitIds('FEE_TRAINING_CHARGED'), [training]);
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(testing),
    '数据显示，富阳区市场监管检验检测中心（所属事业单位）于2025-03-05向杭州示例酒坊收取经营服务性收费900元（随2025-03-10的检查收取）（相关部门：测试部门AG-FY-SCJG），记录中没有目录清单编号，可能在实施行政许可或监督检查时收取费用，请核实并说明。',
  );
  assert.match(byId.get(byAgency)!, /富阳区市场监督管理局（行政机关）.*收取其他收费900元（随“食品经营许可”办理收取）/);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const MEASURE_HEADER =
  '来源系统,强制措施编号,区划代码,执法主体编码,当事人统一社会信用代码,措施种类,决定书文号,实施日期,实施时间,负责人批准时间,是否情况紧急当场实施,是否延长期限,延长是否经负责人批准,解除或处理日期,财物退还日期,主办执法人员编号,协办执法人员编号,措施状态';

test('measures and acts imported with their times as exports write them, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    'fy,QZ-1,330111,AG-FY-SCJG,91330100470102706G,拍卖,富市监强制执行〔2025〕1号,2025-05-06,2025-05-06 23:10,2025-05-06 9:00,否,否,否,2025-05-06,,OF-1,OF-3,已作出处理决定', // at night
    'fy,QZ-2,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕2号,2025-05-06,23:10,2025-05-08 09:30,是,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除', // approved 34 h 20 min later
    'fy,QZ-3,330111,AG-FY-SCJG,91330100470102706G,代履行,,2025-05-07,8:05:00,,否,否,否,2025-05-07,,OF-1,OF-3,已作出处理决定', // in office hours, no document number
    'fy,QZ-4,330111,AG-FY-SCJG,91330100470102706G,查封,富市监强制〔2025〕4号,2025-05-06,21:30,2025-05-07T21:30,是,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除', // approved 24 h later
  ];
  const path = join(dir, 'measures.csv');
  writeFileSync(path, [MEASURE_HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 4, JSON.stringify(report.errors));
  const stored = await store.query<{ id: string; source_id: string; measure: string; started_at: string; approved_at: string | null }>(
    'SELECT id, source_id, measure, started_at, approved_at FROM coercive_measures ORDER BY source_id',
  );
  assert.deepEqual(
    stored.map((r) => [r.measure, r.started_at, r.approved_at]),
    [
      ['auction', '23:10', '2025-05-06 09:00'],
      ['seize', '23:10', '2025-05-08 09:30'],
      ['substitute', '08:05', null],
      ['seal', '21:30', '2025-05-07 21:30'],
    ],
  );

  for (const { id } of stored) await checkRecords(store, 'coercive_measures', [{ id }], 'system', '2025-06-30');
  const codes = ['COE_NIGHT_HOLIDAY', 'COE_URGENT_LATE_APPROVAL'];
  const realtime = (await hits())
    .filter((h) => codes.includes(h.model_code))
    .map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 2);
  await clearHits();
  for (const code of codes) await run(code, '2025-06-30');
  const batch = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  const bySource = new Map(stored.map((r) => [r.source_id, r.id]));
  assert.deepEqual(await hitIds('COE_NIGHT_HOLIDAY'), [bySource.get('QZ-1')]);
  assert.deepEqual(await hitIds('COE_URGENT_LATE_APPROVAL'), [bySource.get('QZ-2')]);
  // The existing models read 查封、扣押、冻结 only: an act of 强制执行 has no term, and 第二十四条's document is not its rule.
  const older = ['COE_OVER_LONG', 'COE_NO_DECISION', 'COE_GOODS_NOT_RETURNED'];
  for (const code of older) await run(code, '2025-12-31');
  const acts = [bySource.get('QZ-1'), bySource.get('QZ-3')];
  assert.deepEqual(
    (await hits()).filter((h) => older.includes(h.model_code) && acts.includes(h.subject_id)),
    [],
  );
});

test('contradictions in times and ways are refused in Chinese', async () => {
  const rows = [
    'fy,QZ-11,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕11号,2025-05-06,2025-05-07 10:00,,否,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除',
    'fy,QZ-12,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕12号,2025-05-06,25:10,,否,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除',
    'fy,QZ-13,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕13号,2025-05-06,10:00,09:00,否,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除',
    'fy,QZ-14,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕14号,2025-05-06,10:00,2025-05-06 09:00,是,否,否,2025-05-20,2025-05-20,OF-1,OF-3,已解除',
    'fy,QZ-15,330111,AG-FY-SCJG,91330100470102706G,强制拆除,富市监强制执行〔2025〕15号,2025-05-06,10:00,,否,是,否,2025-05-06,,OF-1,OF-3,已作出处理决定',
    'fy,QZ-16,330111,AG-FY-SCJG,91330100470102706G,代履行,富市监强制执行〔2025〕16号,2025-05-06,10:00,,否,否,否,2025-05-06,2025-05-07,OF-1,OF-3,已作出处理决定',
  ];
  const path = join(dir, 'bad-measures.csv');
  writeFileSync(path, [MEASURE_HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const text = report.errors.map((e) => e.text).join('\n');
  assert.match(text, /实施时间的日期 2025-05-07 与实施日期 2025-05-06 不一致/);
  assert.match(text, /实施时间格式错误：25:10/);
  assert.match(text, /负责人批准时间格式错误：09:00（应为 YYYY-MM-DD HH:MM）/);
  assert.match(text, /情况紧急当场实施的，补办批准时间不能早于实施时间/);
  assert.match(text, /强制执行（划拨、拍卖、强制拆除、代履行等）没有查封、扣押、冻结的期限，不能填写延长期限/);
  assert.match(text, /不能填写财物退还日期/);
  assert.equal(report.errors.length, 6, text);
});

const CHARGE_HEADER =
  '来源系统,收费记录编号,区划代码,相关执法主体编码,缴费企业统一社会信用代码,收费单位,收费单位类型,收费类别,目录清单编号,收费金额,收费日期,关联许可编号,关联检查编号,关联强制措施编号,是否行政机关委托,是否行政机关指定服务机构';

test('storage fees imported naming the sealing by its number; a link to another agency’s measure or from another fee is refused', async () => {
  await coerciveMeasure(store, {
    id: recordId('coercive_measures', 'fy', 'QZ-1'),
    source_system: 'fy',
    source_id: 'QZ-1',
    agency_id: 'AG-FY-SCJG',
    measure: 'seal',
  });
  await coerciveMeasure(store, {
    id: recordId('coercive_measures', 'fy', 'QZ-2'),
    source_system: 'fy',
    source_id: 'QZ-2',
    agency_id: 'AG-FY-ZHZF',
  });
  const rows = [
    'fy,SF-1,330111,AG-FY-SCJG,91330100470102706G,杭州示例仓储有限公司,中介服务机构,仓储费,,1200,2025-03-10,,,QZ-1,是,否', // commissioned keeper
    'fy,SF-2,330111,AG-FY-SCJG,91330100470102706G,富阳区市场监管检验检测中心,事业单位,检测费,,900,2025-03-11,XK-1,,,否,否', // the unit, with the licence
    'fy,SF-3,330111,AG-FY-SCJG,91330100470102706G,杭州示例仓储有限公司,中介服务机构,保管费,,600,2025-03-12,,,,否,否', // the enterprise's own warehouse
  ];
  const path = join(dir, 'charges.csv');
  writeFileSync(path, [CHARGE_HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'enterprise_charges', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 3, JSON.stringify(report.errors));
  const stored = await store.query<{ id: string; source_id: string; coercive_measure_id: string | null; fee_kind: string }>(
    'SELECT id, source_id, coercive_measure_id, fee_kind FROM enterprise_charges ORDER BY source_id',
  );
  assert.deepEqual(
    stored.map((r) => [r.fee_kind, r.coercive_measure_id]),
    [
      ['storage', recordId('coercive_measures', 'fy', 'QZ-1')],
      ['intermediary', null],
      ['storage', null],
    ],
  );
  for (const { id } of stored) await checkRecords(store, 'enterprise_charges', [{ id }], 'system', '2025-06-30');
  const codes = ['COE_STORAGE_FEE', 'LIC_SUPERVISION_FEE'];
  const realtime = (await hits())
    .filter((h) => codes.includes(h.model_code))
    .map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 2);
  await clearHits();
  for (const code of codes) await run(code, '2025-06-30');
  assert.deepEqual(
    (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|')),
    realtime,
  );
  assert.deepEqual(await hitIds('COE_STORAGE_FEE'), [stored[0].id]);
  assert.deepEqual(await hitIds('LIC_SUPERVISION_FEE'), [stored[1].id]);

  const bad = [
    'fy,SF-11,330111,AG-FY-SCJG,91330100470102706G,杭州示例仓储有限公司,中介服务机构,保管费,,1200,2025-03-10,,,QZ-2,是,否',
    'fy,SF-12,330111,AG-FY-SCJG,91330100470102706G,杭州示例检测技术有限公司,中介服务机构,检测费,,1200,2025-03-10,,,QZ-1,否,否',
  ];
  writeFileSync(path, [CHARGE_HEADER, ...bad].join('\n'));
  const refused = await importRows(store, await fileSource(path), { kind: 'enterprise_charges', caller: SYSTEM_CALLER });
  assert.equal(refused.rowsOk, 0);
  const text = refused.errors.map((e) => e.text).join('\n');
  assert.match(text, /是其他执法主体的行政强制措施：涉企收费须关联本执法主体（AG-FY-SCJG）的行政强制措施/);
  assert.match(text, /只有保管费可以关联强制措施：收费类别须为保管费/);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's acts of enforcement and storage fees; a supervisor of the county sees both", async () => {
  const own = await enforcement({ started_at: '23:10' });
  await enforcement({ agency_id: 'AG-FY-ZHZF' });
  await assertOwnAgencyOnly(store, 'coercive_measures', own, 2);
  const fee = await enterpriseCharge(store, { agency_id: 'AG-FY-SCJG', fee_kind: 'storage', charger_kind: 'authority' });
  await enterpriseCharge(store, { agency_id: 'AG-FY-ZHZF', fee_kind: 'storage', charger_kind: 'authority' });
  await assertOwnAgencyOnly(store, 'enterprise_charges', fee, 2);
});
