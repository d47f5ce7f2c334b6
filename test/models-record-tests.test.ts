// The tests on one incoming record (`realtime.mayHit`, src/models/record-tests.ts) let a pushed record
// that cannot make a hit skip its model's SQL. A test that said no to a record the SQL hits would lose
// that clue in real time without a word: every model's test is held here (with the real-time state
// loaded, as a push has it) to every hit the batch run
// makes on the demo, under the settings of the hit's region, and must say no to some demo records (a
// test that never does costs a call and saves no scan).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoStore } from './helpers/demo-store.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { MODELS } from '../src/models/library/index.ts';
import { queryHits } from '../src/models/runner.ts';
import { runGroups } from '../src/models/settings.ts';
import { ModelGroups, readyState } from '../src/models/realtime/state.ts';
import { KIND_CHECKS } from '../src/models/realtime/judge.ts';

const AS_OF = '2025-12-31';

test('a record a model hits always passes its real-time test, and every test turns some record away', async () => {
  const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
  try {
    const tested = MODELS.filter((m) => m.realtime?.mayHit);
    assert.ok(tested.length >= 15, `${tested.length} models with a record test`);
    const report: string[] = [];
    const unheld: string[] = [];
    for (const m of tested) {
      const { kind, subjectColumn, mayHit } = m.realtime!;
      const groups = runGroups(m, [], '330000');
      const of = new ModelGroups(groups);
      // The records each hit rests on: the subject itself, or the evidence of the record's kind.
      const hitIds = new Set<string>();
      for (const g of groups) {
        for (const h of await queryHits(t.store, m, g, AS_OF)) {
          if (subjectColumn === 'id') hitIds.add(String(h.subject_id));
          else for (const id of String(h.evidence_ids).split(',')) hitIds.add(id.trim());
        }
      }
      const rows = await t.store.query<Record<string, unknown>>(`SELECT * FROM ${kind}`);
      const hit = rows.filter((r) => hitIds.has(String(r.id)));
      if (hit.length === 0) {
        unheld.push(m.code);
        continue;
      }
      // The real-time state of the kind, as a push has it (a test may read the certificates there).
      const state = KIND_CHECKS[kind] ? await readyState(t.store, KIND_CHECKS[kind].parts, AS_OF) : undefined;
      const passes = (r: Record<string, unknown>) => mayHit!.test(r, of.of(String(r.region_code))!.params, AS_OF, state);
      const refused = hit.filter((r) => !passes(r));
      assert.deepEqual(
        refused.map((r) => r.id),
        [],
        `${m.code}: the test turns away records its SQL hits`,
      );
      const away = rows.filter((r) => !passes(r)).length;
      assert.ok(away > 0, `${m.code}: the test turns no record away`);
      report.push(`${m.code}: ${hit.length} hit records pass, ${away} of ${rows.length} turned away`);
    }
    console.log(report.join('\n'), '\nno hit on the demo:', unheld.join(', '));
    // A model the demo plants nothing for may go unheld only with a test of one empty column.
    for (const code of unheld)
      assert.equal(MODELS.find((m) => m.code === code)!.realtime!.mayHit!.reads.length, 1, `${code}: no hit on the demo`);
  } finally {
    await t.close();
  }
});
