// Two penalty models: 经过听证的决定无法制审核记录 (行政处罚法 第五十八条 第一款（二）) and 复议诉讼期间计算加处罚款
// (第七十三条 第三款 with 第七十二条's 3% a day). For each: the hit with its explanation and evidence, the
// near misses, the boundaries (a review on the decision day and the day after; exactly the lawful 加处罚款
// and one cent more, and what PAY_SURCHARGE_OVER_RATE already raises), overlapping periods counted once,
// the agency a hit is filed under and the rows an agency's staff see, records imported through the public
// formats, and records judged one by one as they arrive equal to the batch run. Runs on DuckDB, and on
// PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedCaseItem, seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, payment, reviewOutcome } from './helpers/records.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import type { Kind } from '../src/records/registry.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-review-periods-'));

before(async () => {
  await seedTwoCounties(store);
  await seedCaseItem(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
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

// ── 经过听证的决定无法制审核记录 (第五十八条 第一款（二）) ──────────────────────────────────────────────────

/** A case of 富阳's comprehensive enforcement bureau, told 2025-03-10, heard 2025-03-15, fined 1,000 yuan 2025-03-20. */
const heard = (r: Record<string, Value> = {}) =>
  caseRecord(store, { hearing_requested_on: '2025-03-11', hearing_held_on: '2025-03-15', legal_review_on: '2025-03-18', ...r });

test('PEN_HEARD_NO_LEGAL_REVIEW: a heard case with no legal review, or one the day after the decision, hits whatever the amount; on the decision day passes', async () => {
  const none = await heard({ legal_review_on: null });
  const dayAfter = await heard({ legal_review_on: '2025-03-21' });
  const warning = await heard({ decision: 'warning', fine_amount: null, legal_review_on: null });
  await heard({ legal_review_on: '2025-03-20' }); // on the decision day
  await heard(); // before it
  await caseRecord(store, { legal_review_on: null }); // no hearing: PEN_NO_LEGAL_REVIEW judges the amount
  await caseRecord(store, { hearing_requested_on: '2025-03-11', legal_review_on: null }); // asked, not held: PEN_HEARING_NOT_HELD's
  await heard({ legal_review_on: null, decided_on: null, decision: null, fine_amount: null, status: 'open' }); // not yet decided
  await run('PEN_HEARD_NO_LEGAL_REVIEW');
  assert.deepEqual((await hitIds('PEN_HEARD_NO_LEGAL_REVIEW')).sort(), [none, dayAfter, warning].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(none)!), [none]);
  assert.equal(byId.get(none)!.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    byId.get(none)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-15举行听证，于2025-03-20作出处理决定，案件没有法制审核记录，可能经过听证程序的决定未经法制审核即作出，请核实并说明。',
  );
  assert.match(byId.get(dayAfter)!.explanation, /法制审核日期为2025-03-21，晚于决定日期/);
  // Decided after the run's day: not yet judged.
  await clearHits();
  await run('PEN_HEARD_NO_LEGAL_REVIEW', '2025-03-19');
  assert.deepEqual(await hitIds('PEN_HEARD_NO_LEGAL_REVIEW'), []);
});

test('PEN_HEARD_NO_LEGAL_REVIEW and PEN_NO_LEGAL_REVIEW: a heard major fine hits both, a heard small fine only the first, an unheard major fine only the second', async () => {
  const both = await heard({ fine_amount: 80000, legal_review_on: null });
  const small = await heard({ fine_amount: 20000, legal_review_on: null });
  const major = await caseRecord(store, { fine_amount: 80000, legal_review_on: null });
  await heard(); // reviewed: the system sends review days
  await run('PEN_HEARD_NO_LEGAL_REVIEW');
  await run('PEN_NO_LEGAL_REVIEW');
  assert.deepEqual((await hitIds('PEN_HEARD_NO_LEGAL_REVIEW')).sort(), [both, small].sort());
  assert.deepEqual((await hitIds('PEN_NO_LEGAL_REVIEW')).sort(), [both, major].sort());
});

// ── 复议诉讼期间计算加处罚款 (第七十三条 第三款) ────────────────────────────────────────────────────────────

/** A case fined 1,000 yuan on 2025-03-20. */
const kase = (r: Record<string, Value> = {}) => caseRecord(store, { fine_amount: 1000, ...r });
/** A payment due 2025-04-18, paid 10 days late on 2025-04-28 at the bank: 3% a day allows 300 yuan. */
const pay = (caseId: string, r: Record<string, Value>) =>
  payment(store, { case_id: caseId, amount: 1000, due_on: '2025-04-18', paid_on: '2025-04-28', method: 'bank', surcharge: 0, ...r });
/** A reconsideration of the case applied for on 2025-04-20, decided 2025-04-23: 4 of the days late. */
const review = (caseId: string, r: Record<string, Value> = {}) =>
  reviewOutcome(store, { case_id: caseId, applied_on: '2025-04-20', decided_on: '2025-04-23', ...r });

test('PAY_SURCHARGE_DURING_REVIEW: 4 of 10 days late under review leave 180 yuan; 180.01 hits, 180 passes, above 300 is PAY_SURCHARGE_OVER_RATE’s', async () => {
  const cent = await kase();
  const p = await pay(cent, { amount: 1180.01, surcharge: 180.01 });
  const r = await review(cent);
  const full = await kase(); // all ten days counted: 300, what 3% a day allows without leaving any out
  await pay(full, { amount: 1300, surcharge: 300 });
  await review(full);
  const exact = await kase();
  await pay(exact, { amount: 1180, surcharge: 180 });
  await review(exact);
  const over = await kase(); // 300.01: above 3% a day of all ten days
  await pay(over, { amount: 1300.01, surcharge: 300.01 });
  await review(over);
  const noReview = await kase();
  await pay(noReview, { amount: 1300, surcharge: 300 });
  const silent = await kase();
  await pay(silent, { amount: 1300, surcharge: null });
  await review(silent);
  const before = await kase(); // reviewed before the due day: no day late left out
  await pay(before, { amount: 1300, surcharge: 300 });
  await review(before, { applied_on: '2025-04-01', decided_on: '2025-04-18' });
  await run('PAY_SURCHARGE_DURING_REVIEW');
  await run('PAY_SURCHARGE_OVER_RATE');
  assert.deepEqual((await hitIds('PAY_SURCHARGE_DURING_REVIEW')).sort(), [cent, full].sort());
  assert.deepEqual(await hitIds('PAY_SURCHARGE_OVER_RATE'), [over]);
  const h = (await hits()).find((x) => x.model_code === 'PAY_SURCHARGE_DURING_REVIEW' && x.subject_id === cent)!;
  assert.deepEqual(evidenceIds(h).sort(), [p, r].sort());
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,000元，缴款期限为2025-04-18，于2025-04-28缴纳，逾期10天，其中4天处于行政复议或者行政诉讼期间，扣除这些天数后按每日百分之三计加处罚款至多180元，缴款记录载明的加处罚款合计180.01元，可能将复议诉讼期间计入了加处罚款，请核实并说明。',
  );
});

test('PAY_SURCHARGE_DURING_REVIEW: overlapping periods count once, periods are clipped to the days late, a pending one runs to the run’s day', async () => {
  // A reconsideration 20–23 April and a lawsuit 22–25 April: 20–25 April, 6 days; 120 yuan allowed.
  const overlap = await kase();
  await pay(overlap, { amount: 1120.01, surcharge: 120.01 });
  await review(overlap);
  await review(overlap, { route: 'litigation', applied_on: '2025-04-22', decided_on: '2025-04-25' });
  const overlapExact = await kase();
  await pay(overlapExact, { amount: 1120, surcharge: 120 });
  await review(overlapExact);
  await review(overlapExact, { route: 'litigation', applied_on: '2025-04-22', decided_on: '2025-04-25' });
  // Applied for on the due day, decided after the payment: 19–28 April, all 10 days left out; any 加处罚款 hits.
  const whole = await kase();
  await pay(whole, { amount: 1000.01, surcharge: 0.01 });
  await review(whole, { applied_on: '2025-04-18', decided_on: '2025-06-01' });
  // Still pending, applied for on 26 April: 26–28 April, 3 days; 210 allowed.
  const pending = await kase();
  await pay(pending, { amount: 1210, surcharge: 210 });
  await review(pending, { applied_on: '2025-04-26', decided_on: null, outcome: null });
  const pendingOver = await kase();
  await pay(pendingOver, { amount: 1210.01, surcharge: 210.01 });
  await review(pendingOver, { applied_on: '2025-04-26', decided_on: null, outcome: null });
  await run('PAY_SURCHARGE_DURING_REVIEW');
  assert.deepEqual((await hitIds('PAY_SURCHARGE_DURING_REVIEW')).sort(), [overlap, whole, pendingOver].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.match(
    byId.get(overlap)!.explanation,
    /逾期10天，其中6天处于行政复议或者行政诉讼期间，扣除这些天数后按每日百分之三计加处罚款至多120元/,
  );
  assert.match(byId.get(whole)!.explanation, /其中10天处于/);
  assert.match(byId.get(pendingOver)!.explanation, /其中3天处于/);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("a hit is filed under the case's agency; an agency's staff list only their own cases and review outcomes", async () => {
  const own = await heard({ agency_id: 'AG-FY-SCJG', legal_review_on: null });
  await heard({ legal_review_on: null });
  await heard(); // reviewed: the system sends review days
  await run('PEN_HEARD_NO_LEGAL_REVIEW');
  assert.deepEqual((await hits()).map((h) => h.agency_id).sort(), ['AG-FY-SCJG', 'AG-FY-ZHZF']);
  await assertOwnAgencyOnly(store, 'cases', own, 3);
  await store.exec('DELETE FROM cases');
  await clearHits();
  const mine = await kase({ agency_id: 'AG-FY-SCJG' });
  const theirs = await kase();
  await pay(mine, { amount: 1300, surcharge: 300 });
  await pay(theirs, { amount: 1300, surcharge: 300 });
  const ownReview = await review(mine, { agency_id: 'AG-FY-SCJG' });
  await review(theirs);
  await run('PAY_SURCHARGE_DURING_REVIEW');
  assert.deepEqual((await hits()).map((h) => h.agency_id).sort(), ['AG-FY-SCJG', 'AG-FY-ZHZF']);
  await assertOwnAgencyOnly(store, 'review_outcomes', ownReview, 2);
});

// ── through the import formats, and in real time ─────────────────────────────────────────────────────

const CASE_HEADER =
  '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,罚款金额,案件状态,要求听证日期,举行听证日期,法制审核日期';
const caseRow = (no: string, fine: string, tail: string) =>
  `fy-zhzf,${no},330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-04-01,否,否,危害轻微,OF-1,OF-3,2025-04-29,2025-05-30,罚款,${fine},已决定,${tail}`;

async function importCsv(kind: Kind, name: string, lines: string[]) {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return importRows(store, await fileSource(path), { kind, caller: SYSTEM_CALLER });
}

test('cases imported through the format, judged one by one as they arrive, raise the hits the batch run raises (PEN_HEARD_NO_LEGAL_REVIEW)', async () => {
  const rows = [
    caseRow('TL-1', '20000', '2025-05-06,2025-05-20,'), // heard, never reviewed
    caseRow('TL-2', '20000', '2025-05-06,2025-05-20,2025-05-31'), // reviewed the day after the decision
    caseRow('TL-3', '20000', '2025-05-06,2025-05-20,2025-05-30'), // on the decision day
    caseRow('TL-4', '80000', ',,'), // not heard: PEN_NO_LEGAL_REVIEW's
  ];
  const report = await importCsv('cases', 'heard.csv', [CASE_HEADER, ...rows]);
  assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM cases')).map((r) => [r.source_id, r.id]),
  );
  const found = async () =>
    (await hits()).filter((h) => h.model_code === 'PEN_HEARD_NO_LEGAL_REVIEW').map((h) => [h.subject_id, h.explanation].join('|'));
  for (const row of await store.query<Record<string, unknown>>('SELECT * FROM cases ORDER BY source_id'))
    await checkRecords(store, 'cases', [row], 'system', AS_OF);
  const realtime = await found();
  assert.deepEqual(realtime.map((h) => h.split('|')[0]).sort(), [bySource.get('TL-1'), bySource.get('TL-2')].sort());
  await clearHits();
  await run('PEN_HEARD_NO_LEGAL_REVIEW');
  assert.deepEqual(await found(), realtime);
});

const PAY_HEADER =
  '来源系统,缴款编号,区划代码,案件编号,应缴金额,缴款期限,缴款日期,缴款方式,收缴执法人员编号,专用票据号,交至行政机关日期,缴付银行日期,加处罚款金额';
const REVIEW_HEADER =
  '来源系统,复议诉讼案号,区划代码,被申请人（被告）编码,原处罚案件编号,救济途径,申请（起诉）日期,决定（裁判）生效日期,复议诉讼结果';

test('payments and review outcomes imported through the formats, payments judged one by one as they arrive, raise the hits the batch run raises (PAY_SURCHARGE_DURING_REVIEW)', async () => {
  for (const n of [1, 2, 3]) await kase({ id: recordId('cases', 'test', `AJ-R-${n}`), source_id: `AJ-R-${n}` });
  const reviews = await importCsv('review_outcomes', 'reviews.csv', [
    REVIEW_HEADER,
    'test,FY-1,330111,AG-FY-ZHZF,AJ-R-1,行政复议,2025-04-20,2025-04-23,维持',
    'test,FY-2,330111,AG-FY-ZHZF,AJ-R-2,行政诉讼,2025-04-20,2025-04-23,驳回诉讼请求',
  ]);
  assert.equal(reviews.rowsOk, 2, JSON.stringify(reviews.errors));
  const rows = [
    'test,JK-1,330111,AJ-R-1,1300,2025-04-18,2025-04-28,银行缴纳,,,,,300', // 4 days under review: 180 allowed
    'test,JK-2,330111,AJ-R-2,1180,2025-04-18,2025-04-28,银行缴纳,,,,,180', // exactly 180
    'test,JK-3,330111,AJ-R-3,1300,2025-04-18,2025-04-28,银行缴纳,,,,,300', // no review
  ];
  const report = await importCsv('payments', 'payments.csv', [PAY_HEADER, ...rows]);
  assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
  const found = async () =>
    (await hits()).filter((h) => h.model_code === 'PAY_SURCHARGE_DURING_REVIEW').map((h) => [h.subject_id, h.explanation].join('|'));
  for (const row of await store.query<Record<string, unknown>>('SELECT * FROM payments ORDER BY source_id'))
    await checkRecords(store, 'payments', [row], 'system', AS_OF);
  const realtime = await found();
  assert.deepEqual(
    realtime.map((h) => h.split('|')[0]),
    [recordId('cases', 'test', 'AJ-R-1')],
  );
  await clearHits();
  await run('PAY_SURCHARGE_DURING_REVIEW');
  assert.deepEqual(await found(), realtime);
});
