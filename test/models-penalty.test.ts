// Penalty models: for each, a hand-built case that must hit (explanation and evidence checked) and a
// near miss that must not. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, delivery, payment } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';

const t = await openTestStore();
const { store } = t;

// IT-1: statutory 1,000–10,000 yuan; province baseline from 2025-04-01 with all five tiers, Hangzhou's
// refinement moving lenient to 1,500–5,000 and without a mitigated tier; on Hangzhou's exemption list.
// In Hangzhou the refinement replaces the province's baseline (docs/catalog.md); elsewhere the
// province's governs.
// IT-2: statutory 100–10,000 yuan, no baseline, not listed.
before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  const itemCols = ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'];
  await store.copyIn('items', itemCols, [
    ['IT-1', '擅自占道经营', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 1000, 10000],
    ['IT-2', '未按规定公示信息', 'penalty', 'MKT', 'xingzheng-chufa-fa', 33, 100, 10000],
  ]);
  await store.copyIn(
    'baselines',
    ['id', 'item_code', 'region_code', 'title', 'effective_from'],
    [
      ['BL-P', 'IT-1', '330000', '省基准', '2025-04-01'],
      ['BL-HZ', 'IT-1', '330100', '杭州细化', '2025-04-01'],
    ],
  );
  await store.copyIn(
    'baseline_tiers',
    ['baseline_id', 'tier', 'fine_min', 'fine_max', 'conditions'],
    [
      ['BL-P', 'exempt', 0, 0, '-'],
      ['BL-P', 'mitigated', 0, 1000, '-'],
      ['BL-P', 'lenient', 1000, 4000, '-'],
      ['BL-P', 'general', 4000, 7000, '-'],
      ['BL-P', 'severe', 7000, 10000, '-'],
      ['BL-HZ', 'exempt', 0, 0, '-'],
      ['BL-HZ', 'lenient', 1500, 5000, '-'],
      ['BL-HZ', 'general', 4000, 7000, '-'],
      ['BL-HZ', 'severe', 7000, 10000, '-'],
    ],
  );
  await store.copyIn(
    'exemptions',
    ['id', 'item_code', 'region_code', 'domain', 'conditions', 'basis_regulation_id', 'basis_article'],
    [['EX-1', 'IT-1', '330100', '城市管理', '首次、及时改正、无危害后果', 'xingzheng-chufa-fa', 33]],
  );
});
beforeEach(async () => {
  for (const table of ['cases', 'deliveries', 'payments', 'model_hits', 'clues', 'clue_events']) await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });
const clues = () =>
  store.query<{ title: string; explanation: string; evidence: string; region_code: string; agency_id: string | null; dedupe_key: string }>(
    'SELECT * FROM model_hits ORDER BY found_at, id',
  );
const evidenceIds = (c: { evidence: string }) => (JSON.parse(c.evidence) as { ids: string[] }).ids;

/** A fined case of IT-1 in 富阳 (Hangzhou), decided after the baselines took effect. */
const fined = (r: Record<string, string | number | boolean | null>) =>
  caseRecord(store, {
    item_code: 'IT-1',
    filed_on: '2025-05-01',
    decided_on: '2025-05-20',
    first_offence: false,
    corrected: true,
    harm: 'minor',
    decision: 'fine',
    tier: 'lenient',
    fine_amount: 2000,
    ...r,
  });

test('PEN_OUT_OF_TIER: a fine outside the tier of the governing (city) baseline, and a fine despite the exempt tier', async () => {
  const above = await fined({ fine_amount: 6000 });
  // Inside the province's lenient tier (1,000–4,000) but below Hangzhou's (1,500–5,000), which replaces it.
  const below = await fined({ fine_amount: 1200 });
  const exempt = await fined({
    first_offence: true,
    corrected: true,
    harm: 'none',
    fine_amount: 500,
    decided_on: '2025-03-20',
    filed_on: '2025-03-01',
  });
  const r = await run('PEN_OUT_OF_TIER', '2025-06-30');
  assert.equal(r.newHits, 3);
  const byCase = new Map((await clues()).map((c) => [evidenceIds(c)[0], c]));
  assert.equal(
    byCase.get(above)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案案情为非初次违法、已及时改正、危害后果轻微，按裁量基准对应“从轻处罚”档次（罚款1,500元至5,000元），实际罚款6,000元（决定书所载裁量档次：从轻处罚），不在该档次幅度内，可能存在过罚不相当，请核实并说明。',
  );
  assert.match(byCase.get(below)!.explanation, /（罚款1,500元至5,000元）.*实际罚款1,200元/);
  assert.equal(byCase.get(above)!.title, '罚款超出裁量档次：杭州示例酒坊');
  assert.equal(byCase.get(above)!.agency_id, 'AG-FY-ZHZF');
  // Decided before the baselines took effect, but the exemption list applies whatever the date.
  assert.match(byCase.get(exempt)!.explanation, /对应“不予处罚”档次（罚款0元至0元）.*实际罚款500元/);
});

test('PEN_OUT_OF_TIER near miss: inside the city refinement only, mitigated only where the governing baseline has it, before the baselines, a warning', async () => {
  await fined({ fine_amount: 4500 }); // province lenient ends at 4,000, Hangzhou's at 5,000
  await fined({ first_offence: true, corrected: true, harm: 'minor', fine_amount: 3000 }); // Hangzhou has no mitigated tier: lenient
  // Outside Hangzhou the province's baseline governs: 1,200 is inside its lenient tier, and so is 500 in its mitigated one.
  await fined({ fine_amount: 1200, region_code: '330203' });
  await fined({ first_offence: true, corrected: true, harm: 'minor', fine_amount: 500, region_code: '330203' });
  await fined({ fine_amount: 9000, filed_on: '2025-02-01', decided_on: '2025-03-01' }); // no baseline in force yet
  await fined({ decision: 'warning', fine_amount: null });
  await fined({ harm: 'serious', tier: 'severe', fine_amount: 7000 });
  const r = await run('PEN_OUT_OF_TIER', '2025-06-30');
  assert.equal(r.hits, 0);
});

test('PEN_OUT_OF_TIER: a new version of the province baseline governs the decisions from its effective day on (outside Hangzhou)', async () => {
  await store.copyIn(
    'baselines',
    ['id', 'item_code', 'region_code', 'title', 'effective_from'],
    [['BL-P2', 'IT-1', '330000', '省基准（修订）', '2025-07-01']],
  );
  await store.copyIn(
    'baseline_tiers',
    ['baseline_id', 'tier', 'fine_min', 'fine_max', 'conditions'],
    [
      ['BL-P2', 'exempt', 0, 0, '-'],
      ['BL-P2', 'mitigated', 0, 1000, '-'],
      ['BL-P2', 'lenient', 1000, 6000, '-'],
      ['BL-P2', 'general', 6000, 8000, '-'],
      ['BL-P2', 'severe', 8000, 10000, '-'],
    ],
  );
  try {
    const before = await fined({ fine_amount: 5500, decided_on: '2025-06-30', region_code: '330203' });
    await fined({ fine_amount: 5500, decided_on: '2025-07-01', region_code: '330203' });
    // In Hangzhou the city's refinement governs either day: 5,500 is above its lenient tier both times.
    await fined({ fine_amount: 5500, decided_on: '2025-07-01' });
    const r = await run('PEN_OUT_OF_TIER', '2025-12-31');
    assert.equal(r.hits, 2);
    const byRegion = new Map((await clues()).map((c) => [c.region_code, c]));
    assert.deepEqual(evidenceIds(byRegion.get('330203')!), [before]);
    assert.match(byRegion.get('330203')!.explanation, /（罚款1,000元至4,000元）/);
    assert.match(byRegion.get('330111')!.explanation, /（罚款1,500元至5,000元）/);
  } finally {
    await store.exec(`DELETE FROM baseline_tiers WHERE baseline_id = 'BL-P2'`);
    await store.exec(`DELETE FROM baselines WHERE id = 'BL-P2'`);
  }
});

test('PEN_EXEMPT_FINED: first offence, corrected, no harm, item on the city list, fined', async () => {
  const id = await fined({
    first_offence: true,
    corrected: true,
    harm: 'none',
    fine_amount: 500,
    decided_on: '2025-03-20',
    filed_on: '2025-03-01',
  });
  const r = await run('PEN_EXEMPT_FINED', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案案情为初次违法、已及时改正、未造成危害后果，该事项列入杭州市轻微违法不予处罚清单，但2025-03-20作出罚款500元的决定（决定书所载裁量档次：从轻处罚），可能未适用首违不罚，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
});

test('PEN_EXEMPT_FINED near miss: minor harm, an unlisted item, a county outside the list, or no fine', async () => {
  await fined({ first_offence: true, corrected: true, harm: 'minor', fine_amount: 500 });
  await fined({ first_offence: true, corrected: true, harm: 'none', fine_amount: 500, item_code: 'IT-2' });
  await fined({ first_offence: true, corrected: true, harm: 'none', fine_amount: 500, region_code: '330203' });
  await fined({ first_offence: true, corrected: true, harm: 'none', decision: 'no_penalty', tier: 'exempt', fine_amount: null });
  assert.equal((await run('PEN_EXEMPT_FINED', '2025-06-30')).hits, 0);
});

/** Ten ordinary fines of IT-2 (general) in Hangzhou: 1,000 … 1,900 yuan; median 1,500 with the outlier, MAD 300. */
async function peers(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await caseRecord(store, {
      item_code: 'IT-2',
      tier: 'general',
      fine_amount: 1000 + 100 * i,
      decided_on: `2025-05-${String(10 + i).padStart(2, '0')}`,
    });
  }
}

test('PEN_DEVIATION: a fine far above the median of the same item and tier in the city', async () => {
  await peers();
  const outlier = await caseRecord(store, {
    item_code: 'IT-2',
    tier: 'general',
    fine_amount: 9000,
    decided_on: '2025-06-01',
    region_code: '330106',
    agency_id: 'AG-XH-SCJG',
    entity_uscc: '91330000733796106P',
  });
  const r = await run('PEN_DEVIATION', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例科技有限公司“未按规定公示信息”一案（一般档次）罚款9,000元，同市同事项同档次11件案件罚款的中位数为1,500元，相差幅度是这些案件一般相差幅度的16.9倍（阈值3.5倍），可能存在裁量不当，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [outlier]);
  assert.equal(c.region_code, '330106');
});

test('PEN_DEVIATION near miss: a fine within 3.5 robust deviations, too few peers, or peers in another tier', async () => {
  await peers();
  await caseRecord(store, { item_code: 'IT-2', tier: 'general', fine_amount: 2500, decided_on: '2025-06-01' });
  await caseRecord(store, { item_code: 'IT-2', tier: 'severe', fine_amount: 9000, decided_on: '2025-06-01' });
  assert.equal((await run('PEN_DEVIATION', '2025-06-30')).hits, 0);
  await store.exec(`DELETE FROM cases WHERE fine_amount IN (1000, 2500)`);
  await caseRecord(store, { item_code: 'IT-2', tier: 'general', fine_amount: 9000, decided_on: '2025-06-01' });
  assert.equal((await run('PEN_DEVIATION', '2025-06-30')).hits, 1, 'ten peers with the outlier still make a group');
  await store.exec(`DELETE FROM clues`);
  await store.exec(`DELETE FROM cases WHERE fine_amount = 1100`);
  assert.equal((await run('PEN_DEVIATION', '2025-06-30')).hits, 0, 'nine cases: too few to judge');
});

test('PEN_DISPERSION: one agency fines the same facts of one item from 100 to 5,000 yuan in a year', async () => {
  const ids: string[] = [];
  for (const [i, fine] of [100, 200, 1000, 3000, 5000].entries()) {
    ids.push(await caseRecord(store, { item_code: 'IT-2', fine_amount: fine, decided_on: `2025-0${i + 3}-10`, entity_uscc: `E-${i}` }));
  }
  const r = await run('PEN_DISPERSION', '2025-12-31');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025年对“未按规定公示信息”案情相同（非初次违法、未及时改正、危害后果轻微）的5件案件，罚款从100元到5,000元不等（中位数1,000元），最高为最低的50倍（阈值5倍），可能存在同案不同罚，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), ids);
  assert.equal(c.dedupe_key, 'PEN_DISPERSION|agency|AG-FY-ZHZF|2025|IT-2|00minor');
});

test('PEN_DISPERSION near miss: close fines, four cases, different facts, or two years', async () => {
  for (const [i, fine] of [1000, 1100, 1200, 1300, 1400].entries())
    await caseRecord(store, { item_code: 'IT-2', fine_amount: fine, decided_on: `2025-0${i + 3}-10` });
  for (const [i, fine] of [100, 200, 3000, 5000].entries())
    await caseRecord(store, { item_code: 'IT-1', fine_amount: fine, decided_on: `2025-0${i + 3}-10` });
  await caseRecord(store, { item_code: 'IT-1', fine_amount: 1000, decided_on: '2025-08-10', harm: 'serious' });
  await caseRecord(store, { item_code: 'IT-1', fine_amount: 1000, decided_on: '2024-08-10' });
  assert.equal((await run('PEN_DISPERSION', '2025-12-31')).hits, 0);
});

test('PEN_MAX_SHARE: three of ten fines at the statutory maximum', async () => {
  const top: string[] = [];
  for (let i = 0; i < 10; i++) {
    const id = await caseRecord(store, {
      item_code: 'IT-2',
      fine_amount: i < 3 ? 10000 : 2000,
      decided_on: `2025-04-${String(10 + i).padStart(2, '0')}`,
    });
    if (i < 3) top.push(id);
  }
  const r = await run('PEN_MAX_SHARE', '2025-12-31');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025年作出罚款决定10件，其中按法定最高额罚款3件，占30%（阈值20%），可能存在机械从重，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), top);
});

test('PEN_MAX_SHARE near miss: two of ten at the maximum, or three of nine', async () => {
  for (let i = 0; i < 10; i++) await caseRecord(store, { item_code: 'IT-2', fine_amount: i < 2 ? 10000 : 2000, decided_on: '2025-04-10' });
  for (let i = 0; i < 9; i++)
    await caseRecord(store, { item_code: 'IT-2', agency_id: 'AG-FY-SCJG', fine_amount: i < 3 ? 10000 : 2000, decided_on: '2025-04-10' });
  assert.equal((await run('PEN_MAX_SHARE', '2025-12-31')).hits, 0);
});

test('PEN_OVERDUE: decided 104 days after filing; still open 151 days after filing', async () => {
  const late = await caseRecord(store, { filed_on: '2025-01-01', decided_on: '2025-04-15' });
  const open = await caseRecord(store, {
    filed_on: '2025-01-01',
    decided_on: null,
    decision: null,
    tier: null,
    fine_amount: null,
    status: 'open',
  });
  const r = await run('PEN_OVERDUE', '2025-06-01');
  assert.equal(r.newHits, 2);
  const byCase = new Map((await clues()).map((c) => [evidenceIds(c)[0], c.explanation]));
  assert.equal(
    byCase.get(late),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-01-01立案，于2025-04-15作出处罚决定，历时104天，超过90天的办案期限；如经批准延长，请补充延长审批材料，否则请核实并说明。',
  );
  assert.equal(
    byCase.get(open),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-01-01立案，截至2025-06-01仍未作出处罚决定，历时151天，超过90天的办案期限；如经批准延长，请补充延长审批材料，否则请核实并说明。',
  );
});

test('PEN_OVERDUE near miss: decided on day 90; open for 90 days', async () => {
  await caseRecord(store, { filed_on: '2025-01-01', decided_on: '2025-04-01' });
  await caseRecord(store, { filed_on: '2025-03-03', decided_on: null, decision: null, tier: null, fine_amount: null, status: 'open' });
  assert.equal((await run('PEN_OVERDUE', '2025-06-01')).hits, 0);
});

test('PEN_DOUBLE: the same entity fined twice for one item by two agencies 19 days apart', async () => {
  const first = await caseRecord(store, { filed_on: '2025-03-01', fine_amount: 2000 });
  const second = await caseRecord(store, { filed_on: '2025-03-20', decided_on: '2025-04-01', agency_id: 'AG-FY-SCJG', fine_amount: 3000 });
  const r = await run('PEN_DOUBLE', '2025-06-01');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例酒坊因“擅自占道经营”于2025-03-01被杭州市富阳区综合行政执法局立案并罚款2,000元，2025-03-20又被测试部门AG-FY-SCJG立案并罚款3,000元，两次立案相隔19天（不超过30天），可能对同一违法行为给予了两次罚款，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [first, second]);
  assert.equal(c.agency_id, 'AG-FY-SCJG');
});

test('PEN_DOUBLE near miss: 31 days apart, another item, or the second decision a warning', async () => {
  await caseRecord(store, { filed_on: '2025-03-01' });
  await caseRecord(store, { filed_on: '2025-04-01' });
  await caseRecord(store, { filed_on: '2025-03-05', item_code: 'IT-2' });
  await caseRecord(store, { filed_on: '2025-03-06', decision: 'warning', fine_amount: null });
  assert.equal((await run('PEN_DOUBLE', '2025-06-01')).hits, 0);
});

test('PEN_DELIVERY_LATE: delivered on the 8th working day; not delivered by it; a letter posted on it', async () => {
  // Decided Thursday 20 March 2025: the 7th working day after it is Monday 31 March (行政处罚法 第八十五条).
  const cs = await caseRecord(store, { decided_on: '2025-03-20' });
  const late = await delivery(store, { case_id: cs, method: 'direct', sent_on: '2025-03-22', delivered_on: '2025-04-01' });
  const cs2 = await caseRecord(store, {
    decided_on: '2025-03-20',
    entity_uscc: '91330000733796106P',
    region_code: '330106',
    agency_id: 'AG-XH-SCJG',
  });
  const lost = await delivery(store, {
    case_id: cs2,
    method: 'electronic',
    region_code: '330106',
    sent_on: '2025-03-21',
    delivered_on: null,
  });
  const cs3 = await caseRecord(store, { decided_on: '2025-03-20' });
  const posted = await delivery(store, { case_id: cs3, method: 'post', sent_on: '2025-04-01', delivered_on: '2025-04-01' });
  const r = await run('PEN_DELIVERY_LATE', '2025-04-01');
  assert.equal(r.newHits, 3);
  const byId = new Map((await clues()).map((c) => [evidenceIds(c)[0], c]));
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-20作出处罚决定，于2025-04-01送达，晚于7个工作日的送达期限（2025-03-31），可能送达超期，请核实并说明。',
  );
  assert.equal(
    byId.get(lost)!.explanation,
    '数据显示，当事人杭州示例科技有限公司“擅自占道经营”一案于2025-03-20作出处罚决定，截至2025-04-01仍未送达，晚于7个工作日的送达期限（2025-03-31），可能送达超期，请核实并说明。',
  );
  assert.equal(byId.get(lost)!.agency_id, 'AG-XH-SCJG');
  assert.ok(byId.get(posted)!.explanation.includes('于2025-04-01邮寄'));
});

test('PEN_DELIVERY_LATE near miss: on the 7th working day (11 calendar days); posted in time, delivered late by the post; over May Day', async () => {
  const cs = await caseRecord(store, { decided_on: '2025-03-20' });
  await delivery(store, { case_id: cs, method: 'direct', delivered_on: '2025-03-31' });
  const cs2 = await caseRecord(store, { decided_on: '2025-03-20' });
  await delivery(store, { case_id: cs2, method: 'post', sent_on: '2025-03-31', delivered_on: '2025-04-08' });
  const cs3 = await caseRecord(store, { decided_on: '2025-03-27' });
  const onItsWay = await delivery(store, { case_id: cs3, method: 'direct', sent_on: '2025-03-28', delivered_on: null });
  // Decided 30 April: the break of 1–5 May does not count, the 7th working day is 14 May.
  const cs4 = await caseRecord(store, { decided_on: '2025-04-30' });
  await delivery(store, { case_id: cs4, method: 'electronic', sent_on: '2025-05-14', delivered_on: '2025-05-14' });
  assert.equal((await run('PEN_DELIVERY_LATE', '2025-04-01')).hits, 0);
  await store.exec(`DELETE FROM deliveries WHERE id = '${onItsWay}'`); // by 20 May it would be late
  assert.equal((await run('PEN_DELIVERY_LATE', '2025-05-20')).hits, 0);
});

test('PEN_PAYMENT_OVERDUE: paid 10 days late; unpaid 21 days past due', async () => {
  const cs = await caseRecord(store, { fine_amount: 1500 });
  const late = await payment(store, { case_id: cs, amount: 1500, due_on: '2025-04-10', paid_on: '2025-04-20' });
  const unpaid = await payment(store, { case_id: cs, amount: 1500, due_on: '2025-04-10', paid_on: null });
  const r = await run('PEN_PAYMENT_OVERDUE', '2025-05-01');
  assert.equal(r.newHits, 2);
  const byId = new Map((await clues()).map((c) => [evidenceIds(c)[0], c.explanation]));
  assert.equal(
    byId.get(late),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,500元，缴纳期限为2025-04-10，于2025-04-20缴纳，逾期10天，请核实是否已催缴、加处罚款或申请强制执行并说明。',
  );
  assert.equal(
    byId.get(unpaid),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款1,500元，缴纳期限为2025-04-10，截至2025-05-01仍未缴纳，逾期21天，请核实是否已催缴、加处罚款或申请强制执行并说明。',
  );
});

test('PEN_PAYMENT_OVERDUE near miss: paid on the due date; unpaid but not yet due', async () => {
  const cs = await caseRecord(store, {});
  await payment(store, { case_id: cs, due_on: '2025-04-10', paid_on: '2025-04-10' });
  await payment(store, { case_id: cs, due_on: '2025-05-03', paid_on: null });
  assert.equal((await run('PEN_PAYMENT_OVERDUE', '2025-05-01')).hits, 0);
});

test('PEN_GROWTH: eight fines in July after one a month for six months', async () => {
  for (let m = 1; m <= 6; m++) await caseRecord(store, { item_code: 'IT-2', decided_on: `2025-0${m}-15`, fine_amount: 1000 });
  const july: string[] = [];
  for (let d = 1; d <= 8; d++) july.push(await caseRecord(store, { item_code: 'IT-2', decided_on: `2025-07-0${d}`, fine_amount: 1000 }));
  const r = await run('PEN_GROWTH', '2025-07-31');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025-07作出罚款决定8件、罚款8,000元，分别为前6个月月均（1件、1,000元）的8倍和8倍（阈值2倍），可能存在罚款与考核挂钩或以罚代管，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), july);
  assert.equal(c.dedupe_key, 'PEN_GROWTH|agency|AG-FY-ZHZF|2025-07');
});

test('PEN_GROWTH near miss: seven fines in the month, or no six months of history', async () => {
  for (let m = 1; m <= 6; m++) await caseRecord(store, { decided_on: `2025-0${m}-15` });
  for (let d = 1; d <= 7; d++) await caseRecord(store, { decided_on: `2025-07-0${d}` });
  for (let m = 3; m <= 6; m++) await caseRecord(store, { agency_id: 'AG-FY-SCJG', decided_on: `2025-0${m}-15` });
  for (let d = 1; d <= 9; d++) await caseRecord(store, { agency_id: 'AG-FY-SCJG', decided_on: `2025-07-0${d}` });
  assert.equal((await run('PEN_GROWTH', '2025-07-31')).hits, 0);
});

test('PEN_SINGLE_OFFICER: a case without an assisting officer', async () => {
  const id = await caseRecord(store, { assist_officer_id: null });
  await caseRecord(store, {}); // near miss: two officers
  await caseRecord(store, { assist_officer_id: 'OF-3' });
  const r = await run('PEN_SINGLE_OFFICER', '2025-06-01');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案（2025-03-01立案）只登记了执法人员张伟一人，可能存在执法人员少于两人的情况，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
});

test('PEN_SINGLE_OFFICER near miss: the assisting officer is another person', async () => {
  await caseRecord(store, { assist_officer_id: 'OF-2' });
  assert.equal((await run('PEN_SINGLE_OFFICER', '2025-06-01')).hits, 0);
});

test('PEN_ABOVE_STATUTORY: above the statutory maximum; below the minimum in the general tier', async () => {
  const above = await caseRecord(store, { fine_amount: 12000, tier: 'severe' });
  const below = await caseRecord(store, { fine_amount: 500, tier: 'general' });
  const r = await run('PEN_ABOVE_STATUTORY', '2025-06-01');
  assert.equal(r.newHits, 2);
  const byId = new Map((await clues()).map((c) => [evidenceIds(c)[0], c.explanation]));
  assert.equal(
    byId.get(above),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款12,000元，高于法定罚款幅度（1,000元至10,000元；决定书所载裁量档次：从重处罚），可能擅自改变罚款幅度，请核实并说明。',
  );
  assert.equal(
    byId.get(below),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案罚款500元，低于法定罚款幅度（1,000元至10,000元；决定书所载裁量档次：一般），可能擅自改变罚款幅度，请核实并说明。',
  );
});

test('PEN_ABOVE_STATUTORY near miss: at the maximum; below the minimum in a mitigated decision', async () => {
  await caseRecord(store, { fine_amount: 10000, tier: 'severe' });
  await caseRecord(store, { fine_amount: 500, tier: 'mitigated' });
  assert.equal((await run('PEN_ABOVE_STATUTORY', '2025-06-01')).hits, 0);
});

test('PEN_NO_DELIVERY: a fine decided 12 days ago with no delivery record', async () => {
  const id = await caseRecord(store, { decided_on: '2025-03-20' });
  const r = await run('PEN_NO_DELIVERY', '2025-04-01');
  assert.equal(r.newHits, 1);
  const [c] = await clues();
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-20作出罚款决定，至2025-04-01已过8个工作日（超过7个），仍没有送达记录，决定书可能未送达，请核实并说明。',
  );
  assert.deepEqual(evidenceIds(c), [id]);
});

test('PEN_NO_DELIVERY near miss: delivered; decided 7 days ago; no penalty', async () => {
  const cs = await caseRecord(store, { decided_on: '2025-03-20' });
  await delivery(store, { case_id: cs });
  await caseRecord(store, { decided_on: '2025-03-25', decision: 'warning', fine_amount: null });
  await caseRecord(store, { decided_on: '2025-03-01', decision: 'no_penalty', tier: 'exempt', fine_amount: null });
  assert.equal((await run('PEN_NO_DELIVERY', '2025-04-01')).hits, 0);
});

test('real time: a case arriving with a fine outside its tier raises its clue at once, and only its own', async () => {
  const { checkRecords } = await import('../src/models/realtime/check.ts');
  const other = await fined({ fine_amount: 6000 });
  const id = await fined({ fine_amount: 6500, assist_officer_id: null });
  const reports = await checkRecords(store, 'cases', [{ id }], 'system', '2025-06-30');
  const raised = (await clues()).map((c) => evidenceIds(c)[0]);
  assert.ok(raised.includes(id));
  assert.ok(!raised.includes(other));
  assert.ok(reports.some((r) => r.code === 'PEN_OUT_OF_TIER' && r.newHits === 1));
  assert.ok(reports.some((r) => r.code === 'PEN_SINGLE_OFFICER' && r.newHits === 1));
});

test('PEN_NO_NOTICE: a fine with no notice, a warning noticed after the decision, a revoked licence with no notice; a notice on the decision day, no penalty, or a system that never sends the date, pass', async () => {
  const none = await caseRecord(store, { decided_on: '2025-03-20', notified_on: null });
  const after = await caseRecord(store, { decided_on: '2025-03-20', decision: 'warning', fine_amount: null, notified_on: '2025-03-21' });
  const revoked = await caseRecord(store, {
    decided_on: '2025-03-20',
    decision: 'other',
    sanctions: 'revoke_licence',
    fine_amount: null,
    notified_on: null,
  });
  // A case system that has never sent a notice date: its empty dates say nothing.
  await caseRecord(store, { source_system: 'no-notice-dates', decided_on: '2025-03-20', notified_on: null });
  await caseRecord(store, { decided_on: '2025-03-20', notified_on: '2025-03-20' });
  await caseRecord(store, { decided_on: '2025-03-20', notified_on: '2025-03-10' });
  await caseRecord(store, { decided_on: '2025-03-20', decision: 'no_penalty', tier: 'exempt', fine_amount: null, notified_on: null });
  assert.equal((await run('PEN_NO_NOTICE', '2025-06-30')).newHits, 3);
  const byCase = new Map((await clues()).map((c) => [evidenceIds(c)[0], c.explanation]));
  assert.deepEqual([...byCase.keys()].sort(), [none, after, revoked].sort());
  assert.match(byCase.get(revoked)!, /作出其他处罚决定，案件没有告知日期记录/);
  assert.equal(
    byCase.get(none),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-20作出罚款决定，案件没有告知日期记录，可能未在决定前告知拟作出的处罚及陈述、申辩、要求听证的权利，请核实告知情况（或当事人明确放弃的记录）并说明。',
  );
  assert.match(byCase.get(after)!, /作出警告决定，告知日期为2025-03-21，晚于决定日期/);
});

test('real time: PEN_NO_NOTICE and PEN_NO_LEGAL_REVIEW judge an arriving case only where its system sends the date', async () => {
  const { checkRecords } = await import('../src/models/realtime/check.ts');
  const { invalidateRealtimeState } = await import('../src/models/realtime/state.ts');
  await caseRecord(store, { fine_amount: 60000, legal_review_on: '2025-03-18' }); // system 'test' sends both dates
  const revoked = await caseRecord(store, { decision: 'other', sanctions: 'revoke_licence', fine_amount: null, notified_on: null });
  const unreviewed = await caseRecord(store, { fine_amount: 60000, legal_review_on: null });
  const quiet = { source_system: 'sends-neither', notified_on: null, legal_review_on: null };
  const quietNotice = await caseRecord(store, quiet);
  const quietReview = await caseRecord(store, { ...quiet, fine_amount: 60000 });
  // Whole rows, as a push lands them: judged in code against the real-time state, loaded afresh.
  const ids = [revoked, unreviewed, quietNotice, quietReview];
  const rows = await store.query<Record<string, unknown>>(`SELECT * FROM cases WHERE id IN (${ids.map((id) => `'${id}'`).join(', ')})`);
  invalidateRealtimeState(store);
  await checkRecords(store, 'cases', rows, 'system', '2025-06-30');
  const raised = async (code: string) =>
    (await clues())
      .filter((c) => c.dedupe_key.startsWith(`${code}|`))
      .map((c) => evidenceIds(c)[0])
      .sort();
  assert.deepEqual(await raised('PEN_NO_NOTICE'), [revoked]);
  assert.deepEqual(await raised('PEN_NO_LEGAL_REVIEW'), [unreviewed]);
});

test('PEN_NO_LEGAL_REVIEW: 50,000 yuan without a review, or reviewed after the decision; 49,999 yuan, or reviewed on the day, pass', async () => {
  const none = await caseRecord(store, { fine_amount: 50000, legal_review_on: null });
  const late = await caseRecord(store, { fine_amount: 80000, legal_review_on: '2025-03-25' });
  await caseRecord(store, { fine_amount: 49999, legal_review_on: null });
  await caseRecord(store, { fine_amount: 60000, legal_review_on: '2025-03-20' });
  // A case system that has never sent a review date: its empty dates say nothing.
  await caseRecord(store, { source_system: 'no-review-dates', fine_amount: 90000, legal_review_on: null });
  assert.equal((await run('PEN_NO_LEGAL_REVIEW', '2025-06-30')).newHits, 2);
  const byCase = new Map((await clues()).map((c) => [evidenceIds(c)[0], c.explanation]));
  assert.deepEqual([...byCase.keys()].sort(), [none, late].sort());
  assert.equal(
    byCase.get(none),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-03-20作出罚款50,000元的决定（达到50,000元），案件没有法制审核记录，可能未经法制审核即作出决定，请核实并说明。',
  );
});

test('PEN_PAST_LIMITATION: filed two years and a day after the violation; exactly two years, or no date of the violation, pass', async () => {
  const late = await caseRecord(store, { occurred_on: '2023-02-28', filed_on: '2025-03-01', decided_on: '2025-03-20' });
  await caseRecord(store, { occurred_on: '2023-03-01', filed_on: '2025-03-01', decided_on: '2025-03-20' });
  await caseRecord(store, { occurred_on: null, filed_on: '2025-03-01', decided_on: '2025-03-20' });
  assert.equal((await run('PEN_PAST_LIMITATION', '2025-06-30')).newHits, 1);
  const [c] = await clues();
  assert.deepEqual(evidenceIds(c), [late]);
  assert.equal(
    c.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案的违法行为发生于2023-02-28，2025-03-01才立案，已超过2年，可能超过追责时效；请核实违法行为的发现日期，以及是否适用五年的期限，并说明。',
  );
});
