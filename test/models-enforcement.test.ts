// The end of a case: 罚款逾期未缴且未申请强制执行 (行政强制法 第五十三条), 申请强制执行前未催告 (第五十四条),
// 处罚决定未公开 (行政处罚法 第四十八条), and 重复查封 (行政强制法 第二十三条 第二款). For each: the hit, its explanation and evidence, the near misses, the
// window exactly at its last day and one day after, and imported cases judged one by one as they arrive equal
// to the batch run. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds, runAsOf } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedCaseItem, seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, coerciveMeasure, copyRows, delivery, payment } from './helpers/records.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import type { ParamValues } from '../src/models/model.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-enforcement-'));

before(async () => {
  await seedTwoCounties(store);
  await seedCaseItem(store);
  await store.copyIn(
    'agencies',
    ['id', 'name', 'line_code', 'region_code', 'level', 'parent_id', 'legal_status'],
    [
      ['AG-FY-SW', '国家税务总局杭州市富阳区税务局', 'TAX', '330111', 'county', null, 'organ'],
      ['AG-FY-SCJG', '杭州市富阳区市场监督管理局', 'MKT', '330111', 'county', null, 'organ'],
    ],
  );
});
const { hits, hitIds, clearHits, hitsAsOf } = modelHits(store, { settings: true });
beforeEach(async () => {
  for (const table of ['cases', 'deliveries', 'payments', 'review_outcomes', 'coercive_measures']) await store.exec(`DELETE FROM ${table}`);
  await clearHits();
  invalidateRealtimeState(store); // the rows above went behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (code: string, asOf: string, params?: ParamValues) => runAsOf(store, code, asOf, params);

/** A case of 富阳's comprehensive enforcement bureau, fined on 2025-03-20. */
const kase = (r: Record<string, Value>) => caseRecord(store, { item_code: 'IT-1', ...r });

// ── 罚款逾期未缴且未申请强制执行 (行政强制法 第五十三条) ───────────────────────────────────────────────────

test('PEN_NO_COURT_APPLICATION: a fine unpaid nine months after its delivery, never taken to court', async () => {
  const id = await kase({ fine_amount: 5000 });
  await delivery(store, { case_id: id, delivered_on: '2025-03-23' });
  const r = await run('PEN_NO_COURT_APPLICATION', '2026-01-10');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-20被决定罚款5,000元，处罚决定书于2025-03-23送达，申请复议、提起诉讼的期限于2025-09-23届满，其后三个月于2025-12-23届满，截至2026-01-10没有缴款记录，记录中没有申请人民法院强制执行的日期，可能罚款逾期未缴且未依法申请强制执行，请核实并说明。',
  );
});

test('PEN_NO_COURT_APPLICATION window: counted from the delivery (else the decision); the last day of the three months passes, the day after hits', async () => {
  const delivered = await kase({ fine_amount: 5000 });
  await delivery(store, { case_id: delivered, delivered_on: '2025-03-23' });
  const undelivered = await kase({ fine_amount: 5000 }); // counted from the decision, 2025-03-20: last day 2025-12-20
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2025-12-20'), []);
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2025-12-21'), [undelivered]);
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2025-12-23'), [undelivered]);
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2025-12-24'), [delivered, undelivered].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(
    byId.get(undelivered)!,
    /记录中没有送达日期，自决定日期起算，申请复议、提起诉讼的期限于2025-09-20届满，其后三个月于2025-12-20届满/,
  );
  // A month without the day: decided on 31 May, the nine months end on 28 February.
  await store.exec('DELETE FROM cases');
  const may = await kase({ filed_on: '2024-05-01', decided_on: '2024-05-31', occurred_on: '2024-04-20', notified_on: '2024-05-20' });
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2025-02-28'), []);
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2025-03-01'), [may]);
  // A county may count shorter periods: six months in all, three to sue and three to apply.
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2024-11-30', { sue_months: 3 }), []);
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2024-12-01', { sue_months: 3 }), [may]);
});

test('PEN_NO_COURT_APPLICATION near misses: paid, taken to court, reviewed, a warning, a part paid hits; an agency with a power of its own passes when the county says so', async () => {
  const paid = await kase({ fine_amount: 5000 });
  await payment(store, { case_id: paid, amount: 5000, paid_on: '2025-11-30' });
  const part = await kase({ fine_amount: 5000 });
  await payment(store, { case_id: part, amount: 2000, paid_on: '2025-04-01' });
  const later = await kase({ fine_amount: 5000 }); // paid after the run's day: unpaid on it
  await payment(store, { case_id: later, amount: 5000, paid_on: '2026-02-01' });
  await kase({ fine_amount: 5000, demand_served_on: '2025-09-25', court_applied_on: '2025-10-10' });
  const reviewed = await kase({ fine_amount: 5000 });
  await copyRows(
    store,
    'review_outcomes',
    ['id', 'source_system', 'source_id', 'region_code', 'agency_id', 'case_id', 'route', 'applied_on'],
    [['RV-1', 'test', 'RV-1', '330111', 'AG-FY-ZHZF', reviewed, 'litigation', '2025-05-10']],
  );
  await kase({ decision: 'warning', fine_amount: null });
  const tax = await kase({ agency_id: 'AG-FY-SW', fine_amount: 5000 });
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2026-01-10'), [part, later, tax].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(part)!, /截至2026-01-10仅缴纳2000(\.00)?元/);
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2026-01-10', { own_power_tax: 1 }), [part, later].sort());
  // 加处罚款 pays no part of the fine: 5,000 paid of which 600 加处罚款 leaves 4,400 of the fine; 5,600 with 600 pays it.
  await store.exec('DELETE FROM payments');
  await store.exec('DELETE FROM cases');
  const short = await kase({ fine_amount: 5000 });
  await payment(store, { case_id: short, amount: 5000, surcharge: 600, paid_on: '2025-11-30' });
  const whole = await kase({ fine_amount: 5000 });
  await payment(store, { case_id: whole, amount: 5600, surcharge: 600, paid_on: '2025-11-30' });
  assert.deepEqual(await hitsAsOf('PEN_NO_COURT_APPLICATION', '2026-01-10'), [short]);
  const [h] = await hits();
  assert.match(h.explanation, /仅缴纳4400(\.00)?元（另缴加处罚款600(\.00)?元，不计入罚款）/);
});

// ── 申请强制执行前未催告 (第五十四条) ─────────────────────────────────────────────────────────────────

test('PEN_COURT_NO_DEMAND: a court application with no demand; ten days after the demand passes, nine hit', async () => {
  const none = await kase({ court_applied_on: '2025-11-10' });
  await kase({ demand_served_on: '2025-10-31', court_applied_on: '2025-11-10' }); // 10 days
  const nine = await kase({ demand_served_on: '2025-11-01', court_applied_on: '2025-11-10' }); // 9 days
  await kase({ demand_served_on: '2025-10-01', court_applied_on: null }); // a demand, no application yet
  await run('PEN_COURT_NO_DEMAND', '2025-12-31');
  assert.deepEqual((await hitIds('PEN_COURT_NO_DEMAND')).sort(), [none, nine].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(none)!), [none]);
  assert.equal(
    byId.get(none)!.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-11-10就当事人杭州示例酒坊“擅自占道经营”一案申请人民法院强制执行，记录中没有催告书送达日期，可能未依法催告当事人履行义务即申请强制执行，请核实并说明。',
  );
  assert.match(byId.get(nine)!.explanation, /催告书于2025-11-01送达，距申请仅9日（不足10日）/);
});

test('PEN_COURT_NO_DEMAND judges only source systems that send the demand: never sent raises nothing; sent once judges the application without it', async () => {
  await kase({ court_applied_on: '2025-11-10', source_system: 'legacy' });
  await run('PEN_COURT_NO_DEMAND', '2025-12-31');
  assert.deepEqual(await hitIds('PEN_COURT_NO_DEMAND'), []);
  const none = await kase({ court_applied_on: '2025-11-10' });
  await kase({ demand_served_on: '2025-10-01' }); // the system sends the day (a demand, no application yet)
  // A 催告 on a coercive measure is the agency's own enforcement (第三十五条): it does not make a case system send it.
  await coerciveMeasure(store, { source_system: 'legacy', measure: 'auction', demand_served_on: '2025-10-01' });
  await run('PEN_COURT_NO_DEMAND', '2025-12-31');
  assert.deepEqual(await hitIds('PEN_COURT_NO_DEMAND'), [none]);
});

// ── 处罚决定未公开 (行政处罚法 第四十八条) ─────────────────────────────────────────────────────────────

test('PEN_NOT_PUBLISHED: a fine of 10,000 yuan or more, unpublished past the 7th working day; published on it passes, a day later hits', async () => {
  // Decided Thursday 2025-03-20: the 7th working day after it is Monday 2025-03-31.
  const unpublished = await kase({ fine_amount: 10000 });
  await kase({ fine_amount: 20000, published_on: '2025-03-31' });
  const late = await kase({ fine_amount: 20000, published_on: '2025-04-01' });
  await kase({ fine_amount: 9999 }); // below the amount: no 一定社会影响 by the county's setting
  await kase({ decision: 'warning', fine_amount: null });
  assert.deepEqual(await hitsAsOf('PEN_NOT_PUBLISHED', '2025-03-31'), []);
  assert.deepEqual(await hitsAsOf('PEN_NOT_PUBLISHED', '2025-04-01'), [unpublished, late].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(unpublished),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-20被决定罚款10,000元（达到设定的10,000元），应于2025-03-31前公开，截至2025-04-01记录中没有公开日期，可能未依法公开行政处罚决定，请核实并说明。',
  );
  assert.match(byId.get(late)!, /于2025-04-01才公开/);
  // The county's settings: 8 working days (2025-04-01), and 一定社会影响 from 9,999 yuan.
  assert.deepEqual(await hitsAsOf('PEN_NOT_PUBLISHED', '2025-04-01', { workdays: 8 }), []);
  assert.equal((await hitsAsOf('PEN_NOT_PUBLISHED', '2025-04-02', { workdays: 8, min_fine: 9999 })).length, 2);
  // A system that never sends a publication date has no column to read: its fines are not judged, while
  // the same agency's cases from the system that sends it still are — and so are another agency's there,
  // though that agency never filled the date.
  await kase({ fine_amount: 50000, source_system: 'legacy' });
  const other = await kase({ fine_amount: 50000, agency_id: 'AG-FY-SCJG' });
  assert.deepEqual(await hitsAsOf('PEN_NOT_PUBLISHED', '2025-04-01'), [unpublished, late, other].sort());
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

/** Imports `rows` as a CSV file, judges each stored case one by one as the ingest API lands it, then runs the model in batch. */
async function importedAndJudged(file: string, header: string, rows: string[], code: string, asOf: string) {
  const path = join(dir, file);
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM cases')).map((r) => [r.source_id, r.id]),
  );
  const found = async () => (await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h.explanation].join('|'));
  for (const id of bySource.values()) {
    const [row] = await store.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [id]);
    await checkRecords(store, 'cases', [row], 'system', asOf);
  }
  const realtime = await found();
  await clearHits();
  await run(code, asOf);
  return { bySource, realtime, batch: await found() };
}

const HEADER =
  '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,罚款金额,案件状态,催告书送达日期,申请人民法院强制执行日期,处罚决定公开日期';
const row = (no: string, fine: string, tail: string) =>
  `fy-zhzf,${no},330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,${fine},已决定,${tail}`;

test('cases imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    row('AJ-1', '5000', ',,'), // unpaid, never taken to court
    row('AJ-2', '5000', '2025-09-25,2025-10-10,'), // taken to court after a demand of 15 days
    row('AJ-3', '5000', '2025-10-05,2025-10-10,'), // a demand of 5 days
    row('AJ-4', '20000', ',,2025-04-01'), // published a working day late
    row('AJ-5', '20000', ',,2025-03-31'), // published on the 7th working day
  ];
  for (const [code, want] of [
    ['PEN_NO_COURT_APPLICATION', ['AJ-1', 'AJ-4', 'AJ-5']],
    ['PEN_COURT_NO_DEMAND', ['AJ-3']],
    ['PEN_NOT_PUBLISHED', ['AJ-4']],
  ] as const) {
    await store.exec('DELETE FROM cases');
    await clearHits();
    const { bySource, realtime, batch } = await importedAndJudged(`${code}.csv`, HEADER, rows, code, '2026-01-10');
    assert.deepEqual(realtime.map((h) => h.split('|')[0]).sort(), want.map((s) => bySource.get(s)).sort(), code);
    assert.deepEqual(batch, realtime, code);
  }
});

test('the format refuses a court application before the decision or the demand, and enforcement dates without a decision', async () => {
  const rows = [
    row('AJ-6', '5000', ',2025-03-10,'), // court application before the decision
    row('AJ-7', '5000', '2025-10-20,2025-10-10,'), // court application before the demand
    row('AJ-8', '5000', ',,2025-03-19'), // published before the decision
    'fy-zhzf,AJ-9,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,,,,办理中,,,2025-04-01',
  ];
  const path = join(dir, 'bad-cases.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const messages = JSON.stringify(report.errors);
  assert.match(messages, /申请人民法院强制执行日期不能早于决定日期/);
  assert.match(messages, /申请人民法院强制执行日期不能早于催告书送达日期/);
  assert.match(messages, /处罚决定公开日期不能早于决定日期/);
  assert.match(messages, /填写公开、催告或申请强制执行日期时须有决定日期/);
});

// ── 重复查封 (行政强制法 第二十三条 第二款) ───────────────────────────────────────────────────────────

/** A sealing of 杭州示例酒坊 by 富阳's comprehensive enforcement bureau, 2025-03-01 to 2025-03-20. */
const seal = (r: Record<string, Value>) => coerciveMeasure(store, { measure: 'seal', ...r });

test('COE_REPEAT_SEAL: a sealing while another agency’s sealing of the same party is in force; ended the day before passes, the same day passes, a day later hits', async () => {
  const first = await seal({});
  const inForce = await seal({ agency_id: 'AG-FY-SCJG', started_on: '2025-03-10', decision_no: '富市监强制〔2025〕2号' });
  await seal({ agency_id: 'AG-FY-SCJG', started_on: '2025-03-20', decision_no: '富市监强制〔2025〕3号' }); // the first ended that day
  await seal({ started_on: '2025-03-05', decision_no: '富综执强制〔2025〕4号' }); // the same agency again: not 其他国家机关
  await seal({ agency_id: 'AG-FY-SCJG', measure: 'seize', started_on: '2025-03-10' }); // a seizure, not a sealing
  await seal({ agency_id: 'AG-FY-SCJG', entity_uscc: '91330000733796106P', started_on: '2025-03-10' }); // another party
  await run('COE_REPEAT_SEAL', '2025-06-30');
  assert.deepEqual(await hitIds('COE_REPEAT_SEAL'), [inForce]);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [inForce, first]);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区市场监督管理局于2025-03-10对杭州示例酒坊实施查封时，杭州市富阳区综合行政执法局于2025-03-01对同一当事人实施的查封至2025-03-20才结束，可能对已被其他国家机关查封的场所、设施或者财物重复查封（记录未载明查封的具体财物），请核实两次查封的对象并说明。',
  );
  // The first ended a day later (2025-03-21): the sealing of the 20th hits too; still in force, so does it.
  await store.exec(`UPDATE coercive_measures SET ended_on = '2025-03-21', goods_returned_on = '2025-03-21' WHERE id = '${first}'`);
  assert.equal((await hitsAsOf('COE_REPEAT_SEAL', '2025-06-30')).length, 2);
});

test('sealings imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const header =
    '来源系统,强制措施编号,区划代码,执法主体编码,当事人统一社会信用代码,措施种类,决定书文号,实施日期,是否情况紧急当场实施,是否延长期限,延长是否经负责人批准,解除或处理日期,财物退还日期,主办执法人员编号,协办执法人员编号,措施状态';
  const rows = [
    'fy-zhzf,QZ-1,330111,AG-FY-ZHZF,91330100470102706G,查封,富综执强制〔2025〕1号,2025-03-01,否,否,否,,,OF-1,OF-3,执行中',
    'fy-scjg,QZ-2,330111,AG-FY-SCJG,91330100470102706G,查封,富市监强制〔2025〕2号,2025-03-10,否,否,否,2025-03-25,2025-03-25,OF-1,OF-3,已解除',
    'fy-scjg,QZ-3,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕3号,2025-03-10,否,否,否,2025-03-25,2025-03-25,OF-1,OF-3,已解除',
  ];
  const path = join(dir, 'seals.csv');
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 3, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM coercive_measures')).map((r) => [r.source_id, r.id]),
  );
  for (const id of bySource.values()) await checkRecords(store, 'coercive_measures', [{ id }], 'system', '2025-06-30');
  const found = async () =>
    (await hits()).filter((h) => h.model_code === 'COE_REPEAT_SEAL').map((h) => [h.subject_id, h.explanation].join('|'));
  const realtime = await found();
  assert.deepEqual(
    realtime.map((h) => h.split('|')[0]),
    [bySource.get('QZ-2')],
  );
  await clearHits();
  await run('COE_REPEAT_SEAL', '2025-06-30');
  assert.deepEqual(await found(), realtime);
});

// ── 执法证范围不含办理事项 (行政处罚法 第四十二条) ─────────────────────────────────────────────────────

test('OFF_CERT_SCOPE: a case of comprehensive enforcement handled by an officer whose certificate covers market supervision only; listed, item code, unstated, expired and a second certificate pass', async () => {
  const cert = (id: string, scope: string | null, status = 'valid') =>
    copyRows(
      store,
      'certificates',
      ['id', 'officer_id', 'region_code', 'number', 'issued_on', 'expires_on', 'status', 'scope'],
      [[id, 'OF-1', '330111', id, '2021-01-01', '2027-01-01', status, scope]],
    );
  const id = await kase({ filed_on: '2025-03-01' });
  // The batch's hits; the case judged as it arrives (its row whole, the certificates in the real-time
  // state, which may spare it the SQL) must raise the same.
  const judged = async () => {
    await clearHits();
    invalidateRealtimeState(store);
    const [stored] = await store.query<Record<string, Value>>('SELECT * FROM cases WHERE id = $1', [id]);
    await checkRecords(store, 'cases', [stored], 'system', '2025-06-30');
    const realtime = await hitIds('OFF_CERT_SCOPE');
    await clearHits();
    await run('OFF_CERT_SCOPE', '2025-06-30');
    const batch = await hitIds('OFF_CERT_SCOPE');
    assert.deepEqual(realtime, batch, 'judged as it arrives');
    return batch;
  };
  try {
    await cert('CT-S1', 'MKT');
    assert.deepEqual(await judged(), [id]);
    const [h] = await hits();
    assert.deepEqual(evidenceIds(h), [id]);
    assert.equal(
      h.explanation,
      '数据显示，杭州市富阳区综合行政执法局于2025-03-01立案的“擅自占道经营”案件（当事人杭州示例酒坊，该事项为综合行政执法条线的事项）中，主办张伟的执法证执法范围为MKT，可能由执法证范围不含该事项的人员办案，请核实其执法资格并说明。',
    );
    for (const scope of ['MKT、CLE', 'mkt, it-1', 'ENV；IT-1']) {
      await store.exec(`UPDATE certificates SET scope = '${scope}' WHERE id = 'CT-S1'`);
      assert.deepEqual(await judged(), [], scope);
    }
    await store.exec(`UPDATE certificates SET scope = NULL WHERE id = 'CT-S1'`);
    assert.deepEqual(await judged(), [], 'not stated');
    // Expired the day before the filing: no valid certificate (PEN_NO_CERT's), not this model's.
    await store.exec(`UPDATE certificates SET scope = 'MKT', expires_on = '2025-02-28' WHERE id = 'CT-S1'`);
    assert.deepEqual(await judged(), []);
    // Valid through the filing day: hits again; a second valid certificate of unstated scope passes.
    await store.exec(`UPDATE certificates SET expires_on = '2025-03-01' WHERE id = 'CT-S1'`);
    assert.deepEqual(await judged(), [id]);
    await cert('CT-S2', null);
    assert.deepEqual(await judged(), []);
    // A revoked certificate that would cover the item counts for nothing.
    await store.exec(`DELETE FROM certificates WHERE id = 'CT-S2'`);
    await cert('CT-S3', 'IT-1', 'revoked');
    assert.deepEqual(await judged(), [id], 'revoked');
    await store.exec(`DELETE FROM certificates WHERE id = 'CT-S3'`);
    // Real time, sent with its id only (judged by the SQL): the same.
    await clearHits();
    invalidateRealtimeState(store);
    await checkRecords(store, 'cases', [{ id }], 'system', '2025-06-30');
    const realtime = (await hits()).filter((x) => x.model_code === 'OFF_CERT_SCOPE').map((x) => x.explanation);
    assert.equal(realtime.length, 1);
    await clearHits();
    await run('OFF_CERT_SCOPE', '2025-06-30');
    assert.deepEqual(
      (await hits()).map((x) => x.explanation),
      realtime,
    );
  } finally {
    await store.exec(`DELETE FROM certificates WHERE id IN ('CT-S1', 'CT-S2', 'CT-S3')`);
  }
});
