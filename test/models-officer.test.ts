import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';

const t = await openTestStore();
const { store } = t;
const FY = '91330100470102706G';
// Six officers of the Fuyang agency, 李一 … 李六.
const OFFICERS = ['OF-A1', 'OF-A2', 'OF-A3', 'OF-A4', 'OF-A5', 'OF-A6'];
before(async () => {
  await seedTwoCounties(store);
  await store.copyIn(
    'officers',
    ['id', 'name', 'agency_id', 'region_code'],
    OFFICERS.map((id, i) => [id, `李${'一二三四五六'[i]}`, 'AG-FY-ZHZF', '330111']),
  );
});
beforeEach(async () => {
  for (const table of ['inspections', 'model_hits', 'clues', 'clue_events']) await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

const model = (code: string) => findModel(code)!;
const clues = () =>
  store.query<{ title: string; explanation: string; evidence: string; agency_id: string | null }>('SELECT * FROM model_hits ORDER BY id');
const ids = (clue: { evidence: string }) => JSON.parse(clue.evidence).ids as string[];
const day = (i: number) => `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`;

/** `count` single-officer inspections led by `officer` in 2025, the first `found` of them finding issues. */
async function inspections(officer: string, count: number, found = 0): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await inspection(store, {
        lead_officer_id: officer,
        assist_officer_id: null,
        entity_uscc: `E-${officer}-${i}`,
        inspected_on: day(i),
        result: i < found ? 'issues' : 'compliant',
      }),
    );
  }
  return out;
}

test('OFF_PAIR_RECUR: one lead officer inspecting one entity 4 times in a year', async () => {
  const mine: string[] = [];
  for (const d of ['2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'])
    mine.push(await inspection(store, { lead_officer_id: 'OF-1', entity_uscc: FY, inspected_on: d }));
  assert.equal((await runModel(store, model('OFF_PAIR_RECUR'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  assert.equal(
    clue.explanation,
    '数据显示，执法人员张伟（杭州市富阳区综合行政执法局）2025年主办对杭州示例酒坊的检查4次（不少于4次），可能未按规定随机选派检查人员，请核实并说明。',
  );
  assert.equal(clue.title, '执法人员与企业固定搭配：张伟—杭州示例酒坊');
  assert.deepEqual(ids(clue), mine);
  assert.equal(clue.agency_id, 'AG-FY-ZHZF');
});

test('OFF_PAIR_RECUR near miss: 3 in one year and 1 in the next, or 4 visits shared by two officers', async () => {
  for (const d of ['2024-12-01', '2025-02-01', '2025-05-01', '2025-08-01'])
    await inspection(store, { lead_officer_id: 'OF-1', entity_uscc: FY, inspected_on: d });
  for (const [i, d] of ['2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'].entries()) {
    await inspection(store, { lead_officer_id: i % 2 ? 'OF-A1' : 'OF-A2', entity_uscc: 'E-2', inspected_on: d });
  }
  assert.equal((await runModel(store, model('OFF_PAIR_RECUR'), { asOf: '2025-12-31' })).hits, 0);
});

test('OFF_OUTLIER_INSPECTIONS: an officer finding issues in 80% of inspections where the peers find them in 25%', async () => {
  for (const [i, found] of [4, 5, 5, 6, 5].entries()) await inspections(OFFICERS[i], 20, found);
  const odd = await inspections('OF-A6', 20, 16);
  assert.equal((await runModel(store, model('OFF_OUTLIER_INSPECTIONS'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  // Shares 20, 25, 25, 30, 25, 80 %: median 25 %, MAD 2.5 points, z = 55 / (1.4826 × 2.5) = 14.84.
  assert.equal(
    clue.explanation,
    '数据显示，执法人员李六（杭州市富阳区综合行政执法局）2025年参与检查20次（同部门6人的中位数为20次），问题发现率80.0%（同部门中位数25.0%），与同部门差距较大，检查记录可能不实或检查可能流于形式，请核实并说明。',
  );
  assert.deepEqual(ids(clue), [...odd].sort());
});

test('OFF_OUTLIER_INSPECTIONS: an officer with three times the inspections of the peers', async () => {
  for (const [i, count] of [20, 21, 22, 20, 21].entries()) await inspections(OFFICERS[i], count);
  await inspections('OF-A6', 60);
  assert.equal((await runModel(store, model('OFF_OUTLIER_INSPECTIONS'), { asOf: '2025-12-31' })).newHits, 1);
  const [clue] = await clues();
  // Counts 20, 20, 21, 21, 22, 60: median 21, MAD 1, z = 39 / 1.4826 = 26.31.
  assert.match(clue.explanation, /^数据显示，执法人员李六（杭州市富阳区综合行政执法局）2025年参与检查60次（同部门6人的中位数为21次）/);
  assert.equal(ids(clue).length, 60);
});

test('OFF_OUTLIER_INSPECTIONS near miss: 15 points above the median, too few inspections, too few peers', async () => {
  for (const [i, found] of [4, 5, 5, 6, 5].entries()) await inspections(OFFICERS[i], 20, found);
  await inspections('OF-A6', 20, 8); // 40 %: z ≈ 4 but only 15 points from the median
  await inspections('OF-1', 19, 16); // 84 %, but 19 inspections
  assert.equal((await runModel(store, model('OFF_OUTLIER_INSPECTIONS'), { asOf: '2025-12-31' })).hits, 0);
  await store.exec('DELETE FROM inspections');
  for (const [i, found] of [4, 5, 6].entries()) await inspections(OFFICERS[i], 20, found);
  await inspections('OF-A6', 20, 16); // 80 %, but the agency has only 4 officers (fewer than 5)
  assert.equal((await runModel(store, model('OFF_OUTLIER_INSPECTIONS'), { asOf: '2025-12-31' })).hits, 0);
});
