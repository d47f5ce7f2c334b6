// Penalty and people patterns (小过重罚, 一刀切, 以罚代管, 选择性执法, 辅助人员独立执法): for each, hand-built
// records that must hit, at the boundary of each parameter (N hits, one step short does not), and near
// misses that must not; the per-record ones also through the real-time path. Runs on DuckDB, and on
// PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const AS_OF = '2026-06-30';

// IT-1: statutory 1,000–10,000 yuan; province baseline from 2025-04-01, Hangzhou's refinement (governs
// in 富阳 330111) with 从重 7,000–10,000 and 一般 4,000–7,000, 从轻 1,500–5,000.
// IT-2: statutory 100–10,000 yuan, no baseline.
before(async () => {
  await seedTwoCounties(store);
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'],
    [
      ['IT-1', '擅自占道经营', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 1000, 10000],
      ['IT-2', '未按规定公示信息', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 100, 10000],
    ],
  );
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
      ['BL-P', 'severe', 7500, 10000, '-'],
      ['BL-HZ', 'exempt', 0, 0, '-'],
      ['BL-HZ', 'lenient', 1500, 5000, '-'],
      ['BL-HZ', 'general', 4000, 7000, '-'],
      ['BL-HZ', 'severe', 7000, 10000, '-'],
    ],
  );
  await store.copyIn(
    'officers',
    ['id', 'name', 'agency_id', 'region_code', 'staff_type'],
    [
      ['OF-3', '王强', 'AG-FY-ZHZF', '330111', 'officer'],
      ['AX-1', '赵辅', 'AG-FY-ZHZF', '330111', 'auxiliary'],
      ['AX-2', '钱协', 'AG-FY-ZHZF', '330111', 'auxiliary'],
    ],
  );
});
beforeEach(async () => {
  for (const table of ['cases', 'inspections', 'model_hits', 'clues', 'clue_events']) await store.exec(`DELETE FROM ${table}`);
  // The records went behind the real-time state's back: it learns them anew, as after a file import.
  invalidateRealtimeState(store);
});
after(() => t.close());

const run = (code: string) => runModel(store, findModel(code)!, { asOf: AS_OF });
const hits = () =>
  store.query<{ model_code: string; explanation: string; evidence: string; subject_id: string; dedupe_key: string }>(
    'SELECT * FROM model_hits ORDER BY found_at, id',
  );
const evidenceIds = (h: { evidence: string }) => (JSON.parse(h.evidence) as { ids: string[] }).ids;
const subjects = async (code: string) =>
  new Set(
    (await hits()).filter((h) => h.model_code === code).flatMap((h) => (h.subject_id.startsWith('AG-') ? evidenceIds(h) : [h.subject_id])),
  );
const arrive = async (table: string, id: string) => {
  const [row] = await store.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  const reports = await checkRecords(store, table, [row], 'system', AS_OF);
  return Object.fromEntries(reports.map((r) => [r.code, r.newHits]));
};

/** A light case of IT-1 in 富阳: first offence, corrected in time, minor harm, decided after the baselines. */
const light = (r: Record<string, Value>) =>
  caseRecord(store, {
    item_code: 'IT-1',
    filed_on: '2025-05-01',
    decided_on: '2025-05-20',
    first_offence: true,
    corrected: true,
    harm: 'minor',
    decision: 'fine',
    tier: 'lenient',
    fine_amount: 2000,
    ...r,
  });

test('PEN_LIGHT_HEAVY: a light case fined from the lower bound of the governing 从重 tier, or near the statutory maximum without a baseline', async () => {
  const atSevere = await light({ fine_amount: 7000 }); // Hangzhou's 从重 starts at 7,000 (the province's at 7,500)
  const before = await light({ filed_on: '2025-02-01', decided_on: '2025-03-01', fine_amount: 9000 }); // no baseline yet: 90% of 10,000
  const noBaseline = await light({ item_code: 'IT-2', fine_amount: 9000 });
  const stated = await light({ tier: 'severe', fine_amount: 3000 });
  const none = await light({ harm: 'none', fine_amount: 10000 });
  const unstated = await light({ tier: null, fine_amount: 7500 }); // no tier on the decision
  // One step short of each boundary, and cases that are not light.
  await light({ fine_amount: 6999 });
  await light({ filed_on: '2025-02-01', decided_on: '2025-03-01', fine_amount: 8999 });
  await light({ item_code: 'IT-2', fine_amount: 8999 });
  await light({ first_offence: false, fine_amount: 10000, tier: 'general' });
  await light({ corrected: false, fine_amount: 10000, tier: 'general' });
  await light({ harm: 'serious', fine_amount: 10000, tier: 'severe' });
  await light({ decision: 'warning', fine_amount: null });
  await light({ decided_on: null, decision: null, fine_amount: 10000, status: 'open' });
  const r = await run('PEN_LIGHT_HEAVY');
  assert.equal(r.hits, 6);
  assert.deepEqual(await subjects('PEN_LIGHT_HEAVY'), new Set([atSevere, before, noBaseline, stated, none, unstated]));
  const by = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    by.get(atSevere),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案案情为初次违法、已及时改正、危害后果轻微，2025-05-20决定罚款7,000元（决定书所载裁量档次：从轻处罚），' +
      '达到裁量基准“从重处罚”档次（7000元至10000元），可能存在小过重罚、过罚不相当，请核实并说明。',
  );
  assert.match(by.get(before)!, /没有施行的裁量基准从重档次，罚款达到法定最高额10000元的90%以上/);
  assert.match(by.get(stated)!, /决定书所载裁量档次：从重处罚.*决定书载明从重处罚/);
  // A decision that states no tier says so, not “载明‘未载明’”.
  assert.match(by.get(unstated)!, /决定罚款7,500元（决定书所载裁量档次：未载明）/);
  assert.doesNotMatch([...by.values()].join(''), /属|涉嫌|依法应/);
});

test('PEN_LIGHT_HEAVY real time: the light case fined at the top is judged as it arrives, the one short of it is not', async () => {
  assert.equal((await arrive('cases', await light({ fine_amount: 7000 }))).PEN_LIGHT_HEAVY, 1);
  assert.equal((await arrive('cases', await light({ fine_amount: 6999 }))).PEN_LIGHT_HEAVY, 0);
});

test('OFF_AUX_CASE / OFF_AUX_INSPECTION: every officer recorded is auxiliary staff (or the only one is)', async () => {
  const both = await caseRecord(store, { lead_officer_id: 'AX-1', assist_officer_id: 'AX-2' });
  const alone = await caseRecord(store, { lead_officer_id: 'AX-1', assist_officer_id: null });
  // Near misses: an enforcement officer on either side; an officer not registered counts as one.
  await caseRecord(store, { lead_officer_id: 'AX-1', assist_officer_id: 'OF-3' });
  await caseRecord(store, { lead_officer_id: 'OF-1', assist_officer_id: 'AX-1' });
  await caseRecord(store, { lead_officer_id: 'AX-1', assist_officer_id: 'OF-UNKNOWN' });
  const ins = await inspection(store, { lead_officer_id: 'AX-2', assist_officer_id: 'AX-1' });
  await inspection(store, { lead_officer_id: 'AX-2', assist_officer_id: 'OF-1' });
  assert.equal((await run('OFF_AUX_CASE')).hits, 2);
  assert.equal((await run('OFF_AUX_INSPECTION')).hits, 1);
  assert.deepEqual(await subjects('OFF_AUX_CASE'), new Set([both, alone]));
  assert.deepEqual(await subjects('OFF_AUX_INSPECTION'), new Set([ins]));
  const by = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    by.get(both),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-01立案的“擅自占道经营”案件（当事人杭州示例酒坊），登记的执法人员赵辅、钱协均为行政执法辅助人员，' +
      '没有行政执法人员参与，可能由辅助人员独立办案，请核实并说明。',
  );
  assert.match(by.get(ins)!, /执法人员钱协、赵辅均为行政执法辅助人员/);
});

test('OFF_AUX_INSPECTION real time: an inspection by two auxiliaries raises a clue on arrival', async () => {
  assert.equal(
    (await arrive('inspections', await inspection(store, { lead_officer_id: 'AX-1', assist_officer_id: 'AX-2' }))).OFF_AUX_INSPECTION,
    1,
  );
  assert.equal(
    (await arrive('inspections', await inspection(store, { lead_officer_id: 'AX-1', assist_officer_id: 'OF-3' }))).OFF_AUX_INSPECTION,
    0,
  );
  assert.equal((await arrive('cases', await caseRecord(store, { lead_officer_id: 'AX-1', assist_officer_id: 'AX-2' }))).OFF_AUX_CASE, 1);
});

/** A fine of IT-1 for entity 杭州示例酒坊, not corrected. */
const fine = (filed: string, r: Record<string, Value> = {}) =>
  caseRecord(store, { filed_on: filed, decided_on: null, corrected: false, ...r });

test('PEN_REPEAT_UNCORRECTED: three uncorrected fines for one item with the last 365 days after the first hit; 366 days, a correction, two fines do not', async () => {
  const ids = [await fine('2025-01-01'), await fine('2025-06-01'), await fine('2026-01-01')]; // 365 days
  // Another entity: 366 days apart; a third: one corrected; a fourth: two fines only; a fifth: a warning among them.
  const other = { entity_uscc: '91330000733796106P', region_code: '330106', agency_id: 'AG-XH-SCJG' };
  await fine('2025-01-01', other);
  await fine('2025-06-01', other);
  await fine('2026-01-02', other);
  const third = { entity_uscc: 'E3' };
  await fine('2025-01-01', third);
  await fine('2025-03-01', { ...third, corrected: true });
  await fine('2025-05-01', third);
  await fine('2025-01-01', { entity_uscc: 'E4' });
  await fine('2025-05-01', { entity_uscc: 'E4' });
  await fine('2025-01-01', { entity_uscc: 'E5' });
  await fine('2025-03-01', { entity_uscc: 'E5', decision: 'warning', fine_amount: null });
  await fine('2025-05-01', { entity_uscc: 'E5' });
  const r = await run('PEN_REPEAT_UNCORRECTED');
  assert.equal(r.hits, 1);
  const [h] = await hits();
  assert.equal(h.subject_id, '91330100470102706G');
  assert.deepEqual(evidenceIds(h), ids);
  assert.match(
    h.explanation,
    /自2025-01-01至2026-01-01（365天，不超过365天）被杭州市富阳区综合行政执法局罚款3次、共3,000元，各案均未记录改正违法行为/,
  );
  // Distinct from PEN_DOUBLE: these fines are months apart, no pair within its 30 days.
  assert.equal((await run('PEN_DOUBLE')).hits, 0);
  // A fourth fine of the same series raises nothing new (the window is the series' first case).
  await fine('2026-02-01');
  assert.equal((await run('PEN_REPEAT_UNCORRECTED')).newHits, 0);
});

test('PEN_REPEAT_UNCORRECTED real time: the third fine of the entity raises the clue as it arrives', async () => {
  assert.equal((await arrive('cases', await fine('2025-01-01'))).PEN_REPEAT_UNCORRECTED, 0);
  assert.equal((await arrive('cases', await fine('2025-04-01'))).PEN_REPEAT_UNCORRECTED, 0);
  assert.equal((await arrive('cases', await fine('2025-07-01'))).PEN_REPEAT_UNCORRECTED, 1);
});

/** A fine of IT-1 by 富阳 decided in 2025 after the baselines: general facts unless said otherwise. */
const decided = (amount: number | null, r: Record<string, Value> = {}) =>
  caseRecord(store, { filed_on: '2025-05-01', decided_on: '2025-06-01', fine_amount: amount, tier: 'general', ...r });
const lenientFacts = { first_offence: true, tier: 'lenient' }; // first offence, not corrected: 从轻

test('PEN_UNIFORM: one amount in 80% of an agency-item-year of six fines, over two facts tiers; 5 fines, 4 of 6, one tier do not', async () => {
  // 5,000 lies in Hangzhou's 从轻 (1,500–5,000) and 一般 (4,000–7,000): in tier either way.
  for (let i = 0; i < 3; i++) await decided(5000);
  for (let i = 0; i < 2; i++) await decided(5000, lenientFacts);
  await decided(4500);
  assert.equal((await run('PEN_UNIFORM')).hits, 1); // 5 of 6 = 83.3%
  const [h] = await hits();
  assert.equal(evidenceIds(h).length, 5);
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局2025年对“擅自占道经营”作出罚款决定6件，其中5件（占83.3%）罚款均为5,000元，' +
      '而这些案件的案情对应2个不同的裁量档次（从轻处罚、一般），可能未按案情区别裁量、存在“一刀切”，请核实并说明。',
  );
  await store.exec('DELETE FROM cases');
  await store.exec('DELETE FROM model_hits');
  for (let i = 0; i < 2; i++) await decided(5000);
  for (let i = 0; i < 2; i++) await decided(5000, lenientFacts);
  await decided(4500);
  await decided(6000);
  assert.equal((await run('PEN_UNIFORM')).hits, 0, '4 of 6 = 66.7%');
  await decided(5000);
  await decided(5000);
  await decided(5000);
  await decided(5000);
  assert.equal((await run('PEN_UNIFORM')).hits, 1, '8 of 10 = 80%');
});

test('PEN_UNIFORM near misses: five fines only; six alike of one facts tier', async () => {
  for (let i = 0; i < 3; i++) await decided(5000);
  for (let i = 0; i < 2; i++) await decided(5000, lenientFacts);
  assert.equal((await run('PEN_UNIFORM')).hits, 0, 'five fines');
  await decided(5000);
  assert.equal((await run('PEN_UNIFORM')).hits, 1, 'six fines');
  await store.exec('DELETE FROM cases');
  for (let i = 0; i < 6; i++) await decided(5000);
  assert.equal((await run('PEN_UNIFORM')).newHits, 0, 'one facts tier');
});

test('PEN_SELECTIVE: same facts, two let off and two fined at 90% of the statutory maximum; one step short on either side does not', async () => {
  const serious = { harm: 'serious', tier: 'severe' };
  const off = [await decided(null, { ...serious, decision: 'warning' }), await decided(null, { ...serious, decision: 'no_penalty' })];
  const top = [await decided(9000, serious), await decided(10000, serious)];
  await decided(8999, serious);
  await decided(null, { decision: 'warning' }); // other facts
  assert.equal((await run('PEN_SELECTIVE')).hits, 1);
  const [h] = await hits();
  assert.deepEqual(new Set(evidenceIds(h)), new Set([...off, ...top]));
  assert.match(
    h.explanation,
    /案情相同（非初次违法、未及时改正、造成较大危害后果）的案件中，2件给予警告或不予处罚，2件罚款达到法定最高额10,000元的90%以上（最高10,000元）/,
  );
  await store.exec(`DELETE FROM cases WHERE id = '${top[0]}'`);
  await store.exec('DELETE FROM model_hits');
  assert.equal((await run('PEN_SELECTIVE')).hits, 0, 'one top fine (8,999 is below 90%)');
  await decided(9000, serious);
  await store.exec(`DELETE FROM cases WHERE id = '${off[1]}'`);
  assert.equal((await run('PEN_SELECTIVE')).hits, 0, 'one let off');
  await decided(null, { ...serious, decision: 'warning', decided_on: '2026-01-10' });
  assert.equal((await run('PEN_SELECTIVE')).hits, 0, 'the second let off is in another year');
});
