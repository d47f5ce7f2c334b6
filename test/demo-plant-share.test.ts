// The plant share: a scale whose violations are rarer than the demo's keeps only that share of the
// demo's plants, every kind thinned alike, and a plant not kept leaves an ordinary record. A world
// generated at share 0 holds no planted violation of any kind (every generator asks before it plants);
// at 0.2 the plants fall to about a fifth while the records stay; a share outside 0–1 is refused.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore, TEST_ENGINE } from './helpers/store.ts';
import { DemoError, existingData, generateDemo } from '../src/demo/generate.ts';
import { FAMILY_LABEL } from '../src/demo/case-facts.ts';
import { NEAR_MISS } from '../src/demo/confiscated.ts';
import { SCALE_PROFILES } from '../src/demo/scale.ts';

const t = await openTestStore();
const { store } = t;
after(() => t.close());

const AS_OF = '2025-12-31';
/** A small world, but with every county and line the demo scale has. */
const ENTITIES = 1_500;

/** Planted violations per kind (not the similar-case families nor the near misses, which break no rule). */
async function planted(): Promise<Map<string, number>> {
  const rows = await store.query<{ v: string; n: number }>(
    `SELECT violation AS v, count(*) AS n FROM ground_truth WHERE violation NOT IN ('${FAMILY_LABEL}', '${NEAR_MISS}') GROUP BY violation`,
  );
  return new Map(rows.map((r) => [r.v, Number(r.n)]));
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

test(`on ${TEST_ENGINE}: at share 0 no kind of violation is planted; at 0.2 about a fifth of the plants, the same records`, async () => {
  const full = await generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF, entities: ENTITIES, reset: true });
  const all = await planted();
  assert.ok(all.size >= 90 && sum(all) > 1_200, `${all.size} kinds, ${sum(all)} plants at share 1`);

  const none = await generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF, entities: ENTITIES, reset: true, plantShare: 0 });
  assert.deepEqual(Object.fromEntries(await planted()), {}, 'kinds still planted at share 0');
  assert.ok(Math.abs(none.records - full.records) < full.records * 0.03, `${none.records} records at share 0, ${full.records} at 1`);

  const fifth = await generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF, entities: ENTITIES, reset: true, plantShare: 0.2 });
  const some = await planted();
  const ratio = sum(some) / sum(all);
  assert.ok(ratio > 0.14 && ratio < 0.26, `share 0.2 kept ${sum(some)} of ${sum(all)} plants (${ratio.toFixed(3)})`);
  assert.ok(Math.abs(fifth.records - full.records) < full.records * 0.03, `${fifth.records} records at share 0.2`);
  // No kind thinned far less than the rest (a kind of 40 plants or more keeps under half of them).
  const kept = [...all].filter(([v, n]) => n >= 40 && (some.get(v) ?? 0) >= n / 2);
  assert.deepEqual(kept, [], 'kinds hardly thinned at share 0.2');
});

test('a plant share outside 0–1 is refused before anything is written; the scales that keep every plant and the one that thins', async () => {
  await generateDemo(store, { scale: 'demo', seed: 1, asOf: AS_OF, entities: 200, reset: true });
  await assert.rejects(
    generateDemo(store, { scale: 'demo', seed: 2, asOf: AS_OF, entities: 200, reset: true, plantShare: 1.5 }),
    (e: Error) => e instanceof DemoError && /预置违规比例须在 0 至 1 之间/.test(e.message),
  );
  assert.ok((await existingData(store)).length > 0, 'the data before the refusal is still there');
  // The demo and city scales keep every plant (every model's plants are scored on the demo); Hangzhou's
  // is the one scale at a real city's density.
  assert.equal(SCALE_PROFILES.demo.plantShare, 1);
  assert.ok(SCALE_PROFILES.hangzhou.plantShare > 0 && SCALE_PROFILES.hangzhou.plantShare < 0.1);
});
