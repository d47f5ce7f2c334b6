// Money after the decision: 加处罚款超过罚款数额, 加处罚款超过每日百分之三, 实缴金额超过应缴金额 (行政处罚法 第七十二条
// 第一款第（一）项, 行政强制法 第四十五条) and 罚款未缴清即结案 (行政处罚法 第六十六条). For each: the hit with its
// explanation and evidence, the near misses, the boundaries (exactly 3% a day / one yuan more; exactly the
// fine / one cent more), records silent on 加处罚款, payments imported through the public format with their
// contradictions refused, and payments (cases) judged one by one as they arrive equal to the batch run.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedCaseItem, seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, payment, reviewOutcome } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-surcharge-'));

before(async () => {
  await seedTwoCounties(store);
  await seedCaseItem(store);
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  for (const table of ['cases', 'payments', 'review_outcomes']) await store.exec(`DELETE FROM ${table}`);
  await clearHits();
  invalidateRealtimeState(store); // the rows above went behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const AS_OF = '2025-12-31';
const run = (code: string, asOf = AS_OF) => runModel(store, findModel(code)!, { asOf });
/** A case of 富阳's comprehensive enforcement bureau, fined 1000 yuan on 2025-03-20. */
const kase = (r: Record<string, Value> = {}) => caseRecord(store, { fine_amount: 1000, ...r });
/** A payment of the case due 2025-04-18 (delivered 2025-04-03 + 15 days), paid on the due day, at the bank. */
const pay = (caseId: string, r: Record<string, Value>) =>
  payment(store, { case_id: caseId, amount: 1000, due_on: '2025-04-18', paid_on: '2025-04-18', method: 'bank', surcharge: 0, ...r });

// ── 加处罚款超过罚款数额 (第七十二条 第一款第（一）项, 行政强制法 第四十五条 第二款) ──────────────────────────────

test('PAY_SURCHARGE_OVER_FINE: 加处罚款 summed over a case above the fine hits; exactly the fine, silent or unpaid records do not', async () => {
  const over = await kase();
  const p1 = await pay(over, { amount: 1600, surcharge: 600, paid_on: '2025-06-30' });
  const p2 = await pay(over, { amount: 400.01, surcharge: 400.01, paid_on: '2025-07-10' }); // 1000.01 in all
  const exact = await kase();
  await pay(exact, { amount: 2000, surcharge: 1000, paid_on: '2025-06-30' }); // exactly the fine
  const silent = await kase();
  await pay(silent, { amount: 3000, surcharge: null, paid_on: '2025-06-30' }); // not stated: not judged
  const unpaid = await kase();
  await pay(unpaid, { amount: 2500, surcharge: 1500, paid_on: null }); // demanded, not paid
  const later = await kase();
  await pay(later, { amount: 2500, surcharge: 1500, paid_on: '2026-01-05' }); // paid after the run's day
  const r = await run('PAY_SURCHARGE_OVER_FINE');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_kind, 'case');
  assert.equal(h.subject_id, over);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.deepEqual(evidenceIds(h).sort(), [p1, p2].sort());
  assert.match(
    h.explanation,
    /^数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,000元，2笔缴款记录载明的加处罚款合计1,000.01元，超过罚款数额，可能超出法定上限加处罚款，请核实并说明。$/,
  );
});

// ── 加处罚款超过每日百分之三 (第七十二条 第一款第（一）项) ──────────────────────────────────────────────────

test('PAY_SURCHARGE_OVER_RATE: paid 10 days late, 300 yuan (3% × 1000 × 10) passes and 301 hits; 加处罚款 on a fine paid in time hits', async () => {
  const exact = await kase();
  await pay(exact, { amount: 1300, surcharge: 300, paid_on: '2025-04-28' });
  const oneMore = await kase();
  const p = await pay(oneMore, { amount: 1301, surcharge: 301, paid_on: '2025-04-28' });
  const inTime = await kase();
  await pay(inTime, { amount: 1001, surcharge: 1, paid_on: '2025-04-18' }); // on the due day: 0 days late
  const silent = await kase();
  await pay(silent, { amount: 1500, surcharge: null, paid_on: '2025-04-20' });
  const none = await kase();
  await pay(none, { paid_on: '2025-04-28' }); // late, no 加处罚款 charged
  await run('PAY_SURCHARGE_OVER_RATE');
  assert.deepEqual((await hitIds('PAY_SURCHARGE_OVER_RATE')).sort(), [oneMore, inTime].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(oneMore)!), [p]);
  assert.match(
    byId.get(oneMore)!.explanation,
    /^数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,000元，缴款期限为2025-04-18，于2025-04-28缴纳，逾期10天，按每日百分之三计加处罚款至多300元，缴款记录载明的加处罚款合计301元，可能超出法定标准加处罚款，请核实并说明。$/,
  );
  assert.match(byId.get(inTime)!.explanation, /于2025-04-18缴纳，逾期0天，按每日百分之三计加处罚款至多0元/);
});

test('PAY_SURCHARGE_OVER_RATE: two payments count from the earliest due day to the last one that carries 加处罚款', async () => {
  const split = await kase();
  await pay(split, { amount: 500, surcharge: 0, paid_on: '2025-04-10' });
  await pay(split, { amount: 650, surcharge: 150, due_on: '2025-04-25', paid_on: '2025-04-23' }); // 5 days after 04-18: 150 allowed
  const over = await kase();
  await pay(over, { amount: 500, surcharge: 0, paid_on: '2025-04-10' });
  await pay(over, { amount: 650.01, surcharge: 150.01, due_on: '2025-04-25', paid_on: '2025-04-23' });
  await run('PAY_SURCHARGE_OVER_RATE');
  assert.deepEqual(await hitIds('PAY_SURCHARGE_OVER_RATE'), [over]);
});

// ── 实缴金额超过应缴金额 ─────────────────────────────────────────────────────────────────────────────────

test('PAY_OVERPAID: the fine paid (amount less 加处罚款) above the fine hits; a silent record is read as holding the 加处罚款 still lawful', async () => {
  const stated = await kase(); // 1300 with 300 stated: the fine paid once
  await pay(stated, { amount: 1300, surcharge: 300 });
  const cent = await kase(); // 1300.01 with 300 stated: one cent more than the fine
  await pay(cent, { amount: 1300.01, surcharge: 300 });
  const twice = await kase(); // paid twice, 加处罚款 0
  const t1 = await pay(twice, {});
  const t2 = await pay(twice, { paid_on: '2025-04-19' });
  const silentMax = await kase(); // 2000, silent: at most 1000 of it 加处罚款 — no hit
  await pay(silentMax, { amount: 2000, surcharge: null });
  const silentOver = await kase(); // 2000.01, silent: at least 1000.01 is the fine
  await pay(silentOver, { amount: 2000.01, surcharge: null });
  const mixed = await kase(); // 1000 stating 0, and 500 silent: the 500 may be lawful 加处罚款
  await pay(mixed, {});
  await pay(mixed, { amount: 500, surcharge: null, paid_on: '2025-05-01' });
  const mixedOver = await kase(); // 1000 stating 800 加处罚款 (200 of the fine), and 1000.01 silent: at most 200 of it 加处罚款
  await pay(mixedOver, { amount: 1000, surcharge: 800 });
  await pay(mixedOver, { amount: 1000.01, surcharge: null, paid_on: '2025-05-01' });
  const notYet = await kase(); // a second payment not made by the run's day
  await pay(notYet, {});
  await pay(notYet, { paid_on: null });
  await run('PAY_OVERPAID');
  assert.deepEqual((await hitIds('PAY_OVERPAID')).sort(), [cent, twice, silentOver, mixedOver].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(twice)!).sort(), [t1, t2].sort());
  assert.match(
    byId.get(twice)!.explanation,
    /^数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,000元，2笔缴款记录合计2,000元，其中载明加处罚款0元，扣除加处罚款后缴纳的罚款至少2,000元，多于罚款数额，可能重复收缴或多收，请核实并说明。$/,
  );
  assert.match(byId.get(silentOver)!.explanation, /均未载明加处罚款（按至多罚款数额计），扣除加处罚款后缴纳的罚款至少1,000.01元/);
  assert.match(
    byId.get(mixedOver)!.explanation,
    /其中载明加处罚款800元，另有1,000.01元未载明加处罚款（按法定上限计），扣除加处罚款后缴纳的罚款至少1,000.01元/,
  );
});

// ── 罚款未缴清即结案 (第六十六条) ─────────────────────────────────────────────────────────────────────────

test('PEN_CLOSED_UNPAID: a closed case with less than the fine paid hits; paid in full, enforced by the court or altered on review does not', async () => {
  const closed = (r: Record<string, Value> = {}) => kase({ status: 'closed', ...r });
  const short = await closed();
  await pay(short, { amount: 999.99 });
  const full = await closed();
  await pay(full, { amount: 400 });
  await pay(full, { amount: 600, paid_on: '2025-04-20' }); // in two parts
  const surchargeOnly = await closed(); // 1300 paid, 300.01 of it 加处罚款: 999.99 of the fine
  await pay(surchargeOnly, { amount: 1300, surcharge: 300.01 });
  const silent = await closed(); // 1000 paid, silent on 加处罚款: counted whole as the fine
  await pay(silent, { surcharge: null });
  const nothing = await closed(); // no payment record at all
  const open = await kase(); // decided, not closed
  await pay(open, { amount: 500 });
  const court = await closed({ court_applied_on: '2025-12-01' });
  await pay(court, { amount: 500 });
  const changed = await closed();
  await pay(changed, { amount: 500 });
  await reviewOutcome(store, { case_id: changed, outcome: 'changed' });
  const upheld = await closed();
  await pay(upheld, { amount: 500 });
  await reviewOutcome(store, { case_id: upheld, outcome: 'upheld' });
  const later = await closed();
  await pay(later, { paid_on: '2026-01-02' }); // paid after the run's day
  const warned = await closed({ decision: 'warning', fine_amount: null });
  assert.ok(warned);
  await run('PEN_CLOSED_UNPAID');
  assert.deepEqual((await hitIds('PEN_CLOSED_UNPAID')).sort(), [short, surchargeOnly, nothing, upheld, later].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(short)!), [short]);
  assert.match(
    byId.get(short)!.explanation,
    /^数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,000元，案件已结案，截至2025-12-31，1笔缴款记录扣除加处罚款后合计999\.99元，少于罚款数额，且没有申请人民法院强制执行或复议、诉讼变更撤销的记录，可能罚款未缴清即结案，也可能经批准延期、分期缴纳或减免而数据未记录，请核实并说明。$/,
  );
  assert.match(byId.get(nothing)!.explanation, /截至2025-12-31没有缴款记录，少于罚款数额/);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const HEADER =
  '来源系统,缴款编号,区划代码,案件编号,应缴金额,缴款期限,缴款日期,缴款方式,收缴执法人员编号,专用票据号,交至行政机关日期,缴付银行日期,加处罚款金额';

async function importCsv(name: string, rows: string[]) {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return importRows(store, await fileSource(path), { kind: 'payments', caller: SYSTEM_CALLER });
}

test('the payment format takes 加处罚款 and refuses more 加处罚款 than the amount, or a negative one, in Chinese', async () => {
  await kase({ id: recordId('cases', 'test', 'AJ-S-1'), source_id: 'AJ-S-1' });
  const r = await importCsv('bad.csv', [
    'test,JK-B1,330111,AJ-S-1,1000,2025-04-18,2025-04-28,银行缴纳,,,,,1000.01', // more than the amount
    'test,JK-B2,330111,AJ-S-1,1000,2025-04-18,2025-04-28,银行缴纳,,,,,-5', // negative
    'test,JK-G1,330111,AJ-S-1,1300,2025-04-18,2025-04-28,银行缴纳,,,,,300', // good
    'test,JK-G2,330111,AJ-S-1,1000,2025-04-18,2025-04-10,网上缴纳,,,,,', // good: not stated
  ]);
  assert.equal(r.rowsOk, 2, JSON.stringify(r.errors));
  const messages = r.errors.map((e) => `${e.row}|${e.field}|${e.message}`);
  assert.ok(
    messages.some((m) => /^2\|surcharge\|加处罚款金额不能大于应缴金额/.test(m)),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => /^3\|surcharge\|/.test(m)),
    messages.join('\n'),
  );
  const stored = await store.query<{ source_id: string; surcharge: unknown }>(
    'SELECT source_id, surcharge FROM payments ORDER BY source_id',
  );
  assert.deepEqual(
    stored.map((s) => [s.source_id, s.surcharge === null ? null : Number(s.surcharge)]),
    [
      ['JK-G1', 300],
      ['JK-G2', null],
    ],
  );
});

test('payments imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  for (const n of [1, 2, 3, 4, 5])
    await kase({ id: recordId('cases', 'test', `AJ-S-${n}`), source_id: `AJ-S-${n}`, status: n === 5 ? 'closed' : 'decided' });
  const rows = [
    'test,JK-1,330111,AJ-S-1,2000.01,2025-04-18,2025-06-30,银行缴纳,,,,,1000.01', // 加处罚款 above the fine (73 days late: within 3% a day)
    'test,JK-2,330111,AJ-S-2,1301,2025-04-18,2025-04-28,银行缴纳,,,,,301', // one yuan above 3% a day
    'test,JK-3,330111,AJ-S-3,1300,2025-04-18,2025-04-28,网上缴纳,,,,,300', // exactly 3% a day
    'test,JK-4,330111,AJ-S-4,1000,2025-04-18,2025-04-10,网上缴纳,,,,,0', // paid twice
    'test,JK-5,330111,AJ-S-4,1000,2025-04-18,2025-04-11,银行缴纳,,,,,0',
    'test,JK-6,330111,AJ-S-5,600,2025-04-18,2025-04-11,银行缴纳,,,,,', // a closed case, 600 of 1000 paid
  ];
  const report = await importCsv('payments.csv', rows);
  assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
  const cases = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM cases')).map((r) => [r.source_id, r.id]),
  );
  const CODES = ['PAY_SURCHARGE_OVER_FINE', 'PAY_SURCHARGE_OVER_RATE', 'PAY_OVERPAID', 'PEN_CLOSED_UNPAID'];
  const found = async () =>
    (await hits()).filter((h) => CODES.includes(h.model_code)).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));

  // One by one, as the ingest API lands them (rows as stored); the cases' own check for PEN_CLOSED_UNPAID.
  for (const row of await store.query<Record<string, unknown>>('SELECT * FROM payments ORDER BY source_id'))
    await checkRecords(store, 'payments', [row], 'system', AS_OF);
  for (const row of await store.query<Record<string, unknown>>('SELECT * FROM cases ORDER BY id'))
    await checkRecords(store, 'cases', [row], 'system', AS_OF);
  const realtime = await found();

  await clearHits();
  for (const code of CODES) await run(code);
  const batch = await found();
  assert.deepEqual(realtime, batch);
  const byModel = (code: string) =>
    batch
      .filter((h) => h.startsWith(`${code}|`))
      .map((h) => h.split('|')[1])
      .sort();
  assert.deepEqual(byModel('PAY_SURCHARGE_OVER_FINE'), [cases.get('AJ-S-1')]);
  assert.deepEqual(byModel('PAY_SURCHARGE_OVER_RATE'), [cases.get('AJ-S-2')]);
  assert.deepEqual(byModel('PAY_OVERPAID'), [cases.get('AJ-S-4')]);
  assert.deepEqual(byModel('PEN_CLOSED_UNPAID'), [cases.get('AJ-S-5')]);
});
