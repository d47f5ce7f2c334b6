// How fines are collected (罚缴分离, 行政处罚法 第六十七条至第七十一条): for each payment-collection model, a
// hand-built payment that must hit (explanation and evidence checked), the near misses that must not, the
// boundaries (100 / 100.01 yuan; the 2nd / 3rd working day), payments imported through the public format
// with their contradictions rejected, and the real-time check equal to the batch run. Runs on DuckDB, and
// on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, payment } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import { saveSetting } from '../src/models/settings.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-payments-'));
let caseId = '';

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  caseId = await caseRecord(store, { id: 'CASE-PAY-1', source_id: 'AJ-PAY-1', agency_id: 'AG-FY-SCJG', fine_amount: 50 });
});
const { hits, hitIds, clearHits } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM payments');
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

// 2025-04-03 is a Thursday; 4–6 April are the 清明 holiday, so the 1st working day after it is Monday
// 7 April, the 2nd Tuesday 8 April, the 3rd Wednesday 9 April (and after 8 April: 10 and 11 April).
/** 50 yuan collected on the spot by OF-1 on 2025-04-03, with a receipt, handed over and banked the same day. */
const onSpot = (r: Record<string, Value>) =>
  payment(store, {
    case_id: caseId,
    amount: 50,
    due_on: '2025-04-18',
    paid_on: '2025-04-03',
    method: 'on_spot',
    collected_by: 'OF-1',
    receipt_no: 'ZJPJ0001',
    handed_over_on: '2025-04-03',
    banked_on: '2025-04-03',
    ...r,
  });

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });

// ── 超出当场收缴情形 (第六十八条、第六十九条) ─────────────────────────────────────────────────────────────

test('PAY_ON_SPOT_NOT_ALLOWED judges the fine decided: 100.01 yuan collected on the spot hits, so does part of a fine of 500; 100 itself, 100 with 加处罚款 on top, and bank or online payments do not', async () => {
  const fined = async (id: string, fine: number) =>
    caseRecord(store, { id, source_id: `AJ-${id}`, agency_id: 'AG-FY-SCJG', fine_amount: fine });
  const over = await onSpot({ case_id: await fined('CASE-SPOT-1', 100.01), amount: 100.01 });
  const part = await onSpot({ case_id: await fined('CASE-SPOT-2', 500), amount: 50 }); // part of a fine above 100
  const hundred = await fined('CASE-SPOT-3', 100);
  await onSpot({ case_id: hundred, amount: 100 }); // 一百元以下: 100 included
  await onSpot({ case_id: hundred, amount: 130 }); // 30 yuan of 加处罚款 on a fine of 100: the fine is what counts
  // A payment whose case Kedu does not hold is judged on its own amount.
  const unknown = await onSpot({ case_id: 'CASE-NOT-HERE', amount: 120 });
  await onSpot({ case_id: 'CASE-NOT-HERE-2', amount: 90 });
  await payment(store, { case_id: caseId, amount: 5000, method: 'bank' });
  await payment(store, { case_id: caseId, amount: 5000, method: 'online' });
  await payment(store, { case_id: caseId, amount: 5000, method: null }); // method not stated
  const r = await run('PAY_ON_SPOT_NOT_ALLOWED', '2025-06-30');
  assert.equal(r.newHits, 3);
  assert.deepEqual((await hitIds('PAY_ON_SPOT_NOT_ALLOWED')).sort(), [over, part, unknown].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  const h = byId.get(over)!;
  assert.deepEqual(evidenceIds(h), [over]);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
  assert.match(
    h.explanation,
    /^数据显示，当事人杭州示例酒坊“.*”一案罚款100\.01元，由执法人员OF-1于2025-04-03当场收缴100\.01元，罚款高于100元，记录未载明不当场收缴事后难以执行或地处边远、水上、交通不便地区，可能超出可以当场收缴的情形，请核实并说明。$/,
  );
  assert.match(byId.get(part)!.explanation, /一案罚款500(\.00)?元，由执法人员OF-1于2025-04-03当场收缴50(\.00)?元，罚款高于100元/);
  assert.match(byId.get(unknown)!.explanation, /罚款（未找到案件记录，按缴款金额计），由执法人员OF-1于2025-04-03当场收缴120(\.00)?元/);
});

test('PAY_ON_SPOT_NOT_ALLOWED follows its parameter: with 200 yuan allowed, a fine of 150 passes', async () => {
  await onSpot({
    case_id: await caseRecord(store, { id: 'CASE-SPOT-150', source_id: 'AJ-SPOT-150', agency_id: 'AG-FY-SCJG', fine_amount: 150 }),
    amount: 150,
  });
  await saveSetting(store, SYSTEM_CALLER, findModel('PAY_ON_SPOT_NOT_ALLOWED')!, '330100', true, { max_amount: 200 });
  await run('PAY_ON_SPOT_NOT_ALLOWED', '2025-06-30');
  assert.deepEqual(await hitIds('PAY_ON_SPOT_NOT_ALLOWED'), []);
  await store.exec('DELETE FROM model_settings');
  await run('PAY_ON_SPOT_NOT_ALLOWED', '2025-06-30');
  assert.equal((await hitIds('PAY_ON_SPOT_NOT_ALLOWED')).length, 1);
});

// ── 专用票据 (第七十条) ──────────────────────────────────────────────────────────────────────────────

test('PAY_NO_RECEIPT: on the spot without a receipt number hits; with one, or paid at the bank without one, does not', async () => {
  const none = await onSpot({ receipt_no: null });
  const blank = await onSpot({ receipt_no: '  ' });
  await onSpot({});
  await payment(store, { case_id: caseId, method: 'bank', receipt_no: null });
  await run('PAY_NO_RECEIPT', '2025-06-30');
  assert.deepEqual((await hitIds('PAY_NO_RECEIPT')).sort(), [none, blank].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(
    byId.get(none)!,
    /一案罚款50(\.00)?元由执法人员OF-1于2025-04-03当场收缴，记录中没有专用票据号码，可能未出具财政部门统一制发的专用票据，请核实并说明。$/,
  );
});

// ── 交至行政机关、缴付银行 (第七十一条、第八十五条) ──────────────────────────────────────────────────────

test('PAY_HANDOVER_LATE: handed over on the 2nd working day passes, on the 3rd hits; banked likewise; never, past the limit by the run day', async () => {
  await onSpot({ handed_over_on: '2025-04-08', banked_on: '2025-04-10' }); // 2nd working day both times (5 and 2 calendar days)
  const handed3 = await onSpot({ handed_over_on: '2025-04-09', banked_on: '2025-04-09' });
  const banked3 = await onSpot({ handed_over_on: '2025-04-08', banked_on: '2025-04-11' });
  const never = await onSpot({ handed_over_on: null, banked_on: null });
  const notBanked = await onSpot({ handed_over_on: '2025-04-07', banked_on: null });
  await payment(store, { case_id: caseId, method: 'bank', paid_on: '2025-04-03' }); // not collected on the spot
  await run('PAY_HANDOVER_LATE', '2025-06-30');
  assert.deepEqual((await hitIds('PAY_HANDOVER_LATE')).sort(), [handed3, banked3, never, notBanked].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(
    byId.get(handed3)!,
    /^数据显示，当事人杭州示例酒坊“.*”一案罚款50(\.00)?元由执法人员OF-1于2025-04-03当场收缴，于2025-04-09交至行政机关，晚于2025-04-08的期限，可能未在2个工作日内交至行政机关或缴付指定的银行，请核实并说明。$/,
  );
  assert.match(byId.get(banked3)!, /于2025-04-08交至行政机关，于2025-04-11缴付银行，晚于2025-04-10的期限/);
  assert.match(byId.get(never)!, /截至2025-06-30没有交至行政机关的记录，晚于2025-04-08的期限/);
  assert.match(byId.get(notBanked)!, /于2025-04-07交至行政机关，截至2025-06-30没有缴付银行的记录，晚于2025-04-09的期限/);
});

test('PAY_HANDOVER_LATE: not yet handed over is judged on the run day: the 2nd working day no hit, the 3rd a hit', async () => {
  const pending = await onSpot({ handed_over_on: null, banked_on: null });
  await run('PAY_HANDOVER_LATE', '2025-04-08');
  assert.deepEqual(await hitIds('PAY_HANDOVER_LATE'), []);
  await run('PAY_HANDOVER_LATE', '2025-04-09');
  assert.deepEqual(await hitIds('PAY_HANDOVER_LATE'), [pending]);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const CODES = ['PAY_ON_SPOT_NOT_ALLOWED', 'PAY_HANDOVER_LATE', 'PAY_NO_RECEIPT'];
const HEADER =
  '来源系统,缴款编号,区划代码,案件编号,应缴金额,缴款期限,缴款日期,缴款方式,收缴执法人员编号,专用票据号,交至行政机关日期,缴付银行日期';

async function importCsv(name: string, rows: string[]) {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return importRows(store, await fileSource(path), { kind: 'payments', caller: SYSTEM_CALLER });
}

test('contradictory collection rows are rejected with the field and a Chinese message', async () => {
  const r = await importCsv('bad.csv', [
    'test,JK-B1,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,当场收缴,,ZJPJ1,2025-04-03,2025-04-03', // no officer
    'test,JK-B2,330111,AJ-PAY-1,5000,2025-04-18,2025-04-03,银行缴纳,OF-1,,,', // an officer for a bank payment
    'test,JK-B3,330111,AJ-PAY-1,5000,2025-04-18,2025-04-03,网上缴纳,,,2025-04-03,', // handed over, paid online
    'test,JK-B4,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,当场收缴,OF-1,ZJPJ1,2025-04-08,2025-04-07', // banked before handed over
    'test,JK-B5,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,当场收缴,OF-1,ZJPJ1,2025-04-02,', // handed over before collected
    'test,JK-B6,330111,AJ-PAY-1,50,2025-04-18,,当场收缴,OF-1,ZJPJ1,,', // collected on no day
    'test,JK-B7,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,当场收缴,OF-1,ZJPJ1,,2025-04-07', // banked, never handed over
    'test,JK-B8,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,刷脸支付,,,,', // not a method
    'test,JK-G1,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,当场收缴,OF-1,ZJPJ1,2025-04-03,2025-04-07', // good
  ]);
  assert.equal(r.rowsOk, 1, JSON.stringify(r.errors));
  const messages = r.errors.map((e) => `${e.row}|${e.field}|${e.message}`);
  const expect: [number, RegExp][] = [
    [2, /^2\|collected_by\|当场收缴的须填写收缴执法人员编号/],
    [3, /^3\|collected_by\|非当场收缴的不应填写收缴执法人员编号/],
    [4, /^4\|handed_over_on\|非当场收缴的不应填写交至行政机关日期/],
    [5, /^5\|banked_on\|缴付银行日期不能早于交至行政机关日期/],
    [6, /^6\|handed_over_on\|交至行政机关日期不能早于缴款日期/],
    [7, /^7\|paid_on\|当场收缴的须填写缴款日期/],
    [8, /^8\|handed_over_on\|已填写缴付银行日期的须填写交至行政机关日期/],
    [9, /^9\|method\|取值无效/],
  ];
  for (const [row, re] of expect)
    assert.ok(
      messages.some((m) => re.test(m)),
      `row ${row}: ${messages.join('\n')}`,
    );
});

test('payments imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    'test,JK-1,330111,AJ-PAY-1,200,2025-04-18,2025-04-03,当场收缴,OF-1,ZJPJ1,2025-04-03,2025-04-03', // 200 yuan on the spot
    'test,JK-2,330111,AJ-PAY-1,50,2025-04-18,2025-04-03,当场收缴,OF-1,,2025-04-09,2025-04-09', // no receipt, handed over late
    'test,JK-3,330111,AJ-PAY-1,100,2025-04-18,2025-04-03,现场收缴,OF-1,ZJPJ3,2025-04-08,2025-04-10', // in time, 100 yuan
    'test,JK-4,330111,AJ-PAY-1,5000,2025-04-18,2025-04-10,银行缴纳,,,,',
    'test,JK-5,330111,AJ-PAY-1,5000,2025-04-18,2025-04-10,网上支付,,,,',
  ];
  const report = await importCsv('payments.csv', rows);
  assert.equal(report.rowsOk, 5, JSON.stringify(report.errors));
  const stored = await store.query<{ id: string; source_id: string; method: string | null }>(
    'SELECT id, source_id, method FROM payments ORDER BY source_id',
  );
  assert.deepEqual(
    stored.map((r) => r.method),
    ['on_spot', 'on_spot', 'on_spot', 'bank', 'online'],
  );

  // One by one, as the ingest API lands them.
  for (const { id } of stored) await checkRecords(store, 'payments', [{ id }], 'system', '2025-06-30');
  const realtime = (await hits())
    .filter((h) => h.model_code.startsWith('PAY_'))
    .map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 3);

  await clearHits();
  for (const code of CODES) await run(code, '2025-06-30');
  const batch = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  const bySource = new Map(stored.map((r) => [r.source_id, r.id]));
  assert.deepEqual(await hitIds('PAY_ON_SPOT_NOT_ALLOWED'), [bySource.get('JK-1')]);
  assert.deepEqual(await hitIds('PAY_NO_RECEIPT'), [bySource.get('JK-2')]);
  assert.deepEqual(await hitIds('PAY_HANDOVER_LATE'), [bySource.get('JK-2')]);
});
