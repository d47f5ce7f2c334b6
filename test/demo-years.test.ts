// A demo made as of a later year (`npm start` makes it as of today) plans and codes the inspections of
// every year from 2025 to the as-of year, and draws the plans of the year after: the inspection-plan
// models find there only what was planted, not every inspection of the as-of year.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore, TEST_ENGINE } from './helpers/store.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { planYears } from '../src/demo/inspection-plans.ts';
import { periodEnding } from '../src/demo/calendar.ts';
import { MODELS } from '../src/models/library/index.ts';
import { runModels } from '../src/models/runner.ts';
import { scoreModels } from '../src/models/score.ts';

const t = await openTestStore();
const { store } = t;
after(() => t.close());

const AS_OF = '2026-12-06';

before(async () => {
  // A small world (about a tenth of the demo scale's entities): the plans are made the same way.
  await generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF, entities: 1_200 });
});

const ids = async (q: string) => (await store.query<{ id: string }>(q)).map((r) => r.id).sort();
const planted = (violation: string, like: string) =>
  ids(`SELECT record_id AS id FROM ground_truth WHERE violation = '${violation}' AND record_id LIKE '${like}'`);

test('the plan years of a period: from 2025 (or the period’s first year) to the as-of year, and the year after drawn ahead', () => {
  assert.deepEqual(planYears(periodEnding('2025-12-31')), { years: [2025], next: 2026 });
  assert.deepEqual(planYears(periodEnding('2026-12-06')), { years: [2025, 2026], next: 2027 });
  assert.deepEqual(planYears(periodEnding('2027-03-31')), { years: [2025, 2026, 2027], next: 2028 });
  assert.deepEqual(planYears(periodEnding('2027-12-31')), { years: [2026, 2027], next: 2028 }); // from 2026-07-01
  assert.deepEqual(planYears(periodEnding('2024-12-31')), { years: [], next: 2025 });
});

test(`as of ${AS_OF} on ${TEST_ENGINE}: every inspection of the as-of year cites a code, but the planted ones`, async () => {
  const [n] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM inspections WHERE inspected_on >= CAST('2026-01-01' AS DATE)`);
  assert.ok(Number(n.n) > 1000, `${n.n} inspections in 2026`);
  const uncoded = await ids(`SELECT id FROM inspections WHERE action_code IS NULL AND inspected_on >= CAST('2026-01-01' AS DATE)`);
  const plants = await ids(`
    SELECT g.record_id AS id FROM ground_truth g JOIN inspections i ON i.id = g.record_id
    WHERE g.violation = 'uncoded_inspection' AND i.inspected_on >= CAST('2026-01-01' AS DATE)`);
  assert.ok(plants.length > 0, 'uncoded inspections are planted in 2026 too');
  assert.deepEqual(uncoded, plants);
  // The year before (from the period's first day, 2025-07-01) is coded as well.
  const uncoded25 = await ids(`
    SELECT i.id FROM inspections i WHERE i.action_code IS NULL AND i.inspected_on < CAST('2026-01-01' AS DATE)
      AND i.id NOT IN (SELECT record_id FROM ground_truth WHERE violation = 'uncoded_inspection')`);
  assert.deepEqual(uncoded25, []);
});

test(`as of ${AS_OF} on ${TEST_ENGINE}: every routine inspection of the as-of year is under a plan of its year, but the planted ones`, async () => {
  const unplanned = await ids(`
    SELECT DISTINCT i.agency_id || '/' || CAST(EXTRACT(YEAR FROM i.inspected_on) AS INTEGER) || '/' || i.inspection_item_code AS id
    FROM inspections i
    WHERE i.kind IN ('random', 'planned') AND i.inspected_on >= CAST('2025-01-01' AS DATE) AND NOT EXISTS (
      SELECT 1 FROM inspection_plans p WHERE p.agency_id = i.agency_id AND p.inspection_item_code = i.inspection_item_code
        AND p.plan_year = CAST(EXTRACT(YEAR FROM i.inspected_on) AS INTEGER))`);
  assert.ok(unplanned.some((s) => s.includes('/2026/')) && unplanned.some((s) => s.includes('/2025/')), 'planted in both years');
  assert.deepEqual(unplanned, await planted('unplanned_inspection', '%'));
});

test(`as of ${AS_OF} on ${TEST_ENGINE}: targets are planted off only in the plan years that have ended; the next year is drawn`, async () => {
  assert.deepEqual(await planted('plan_off_target', '%/2026/%'), []);
  const [p] = await store.query<{ y25: number; y26: number; y27: number; t27: number }>(`
    SELECT (SELECT count(*) FROM inspection_plans WHERE plan_year = 2025) AS y25, (SELECT count(*) FROM inspection_plans WHERE plan_year = 2026) AS y26,
           (SELECT count(*) FROM inspection_plans WHERE plan_year = 2027) AS y27,
           (SELECT count(*) FROM inspection_tasks k JOIN inspection_plans p ON p.id = k.plan_id WHERE p.plan_year = 2027) AS t27`);
  assert.ok(Number(p.y25) > 0 && Number(p.y26) > 0 && Number(p.y27) > 0, JSON.stringify(p));
  assert.ok(Number(p.t27) > 0, 'the 2027 plans have their tasks drawn');
  // The draws repeating last year's entities are of the year ahead.
  const biased = await planted('sampling_bias', '%');
  assert.ok(
    biased.every((s) => s.includes('/2027/')),
    biased.join(' '),
  );
});

// The models that read plans, plan tasks, codes and ratings, and PEN_UNIFORM (whose plants other plants
// must not join), scored on the small world as of the later year.
const PLAN_MODELS = [
  'INS_CODE_MISSING',
  'INS_CODE_MISMATCH',
  'INS_UNPLANNED',
  'INS_PLAN_DEVIATION',
  'INS_SAMPLING_BIAS',
  'INS_UNMERGED',
  'INS_LOW_RATING_OFFICER',
  'INS_LOW_RATING_AGENCY',
  'PEN_UNIFORM',
];

test(`as of ${AS_OF} on ${TEST_ENGINE}: the plan, code and rating models find what was planted (precision and recall ≥ 0.9)`, async () => {
  const models = MODELS.filter((m) => PLAN_MODELS.includes(m.code));
  assert.equal(models.length, PLAN_MODELS.length);
  await runModels(store, models, { asOf: AS_OF });
  const scores = await scoreModels(store, models);
  for (const s of scores)
    assert.ok(
      s.precision >= 0.9 && s.recall >= 0.9,
      `${s.code}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.truePositives} of ${s.hits} hits, ${s.truth} planted)`,
    );
  const planted = scores.filter((s) => s.truth > 0).map((s) => s.code);
  assert.ok(planted.includes('INS_CODE_MISSING') && planted.includes('INS_UNPLANNED'), planted.join(' '));
});
