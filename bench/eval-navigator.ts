// npm run eval:navigator [-- --duckdb FILE] [--seed N]
// How good the navigator is on the demo data (generated in memory, or read from a DuckDB file that
// `kedu demo` filled):
// - similar cases (类案推送): each decided member of a planted family (ground_truth 'similar_case_family',
//   src/demo/case-facts.ts) asks for the cases most like its own facts; recall@5 is the share of the
//   other decided members (at most five) in the first five, MRR the mean of 1 / rank of the first other
//   member within the first 20. The blend is compared with BM25 alone and with the facts alone.
// - tier and exemption: every decided case is assessed from its facts as of the demo's day; the tier
//   must be the one its decision states (the generator's rule) and the exemption must apply exactly
//   where the decision is 不予处罚 or the case was planted as fined despite it.
import os from 'node:os';
import { openStore } from '../src/store/open-store.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { readyState } from '../src/models/realtime/state.ts';
import { navReference } from '../src/navigator/reference.ts';
import { BLEND, rankSimilar, similarIndex } from '../src/navigator/similar.ts';
import { assess } from '../src/navigator/assess.ts';
import type { Harm } from '../src/catalog/discretion.ts';
// The demo data the figures were measured on ends on this day (a pinned day keeps runs comparable).
const AS_OF_ISO = '2025-12-31';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = (s: string) => process.stdout.write(s + '\n');
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

const store = await openStore({ databaseUrl: '', duckdbPath: opt('duckdb') ?? ':memory:' });
try {
  const [{ n }] = await store.query<{ n: number }>('SELECT count(*) AS n FROM cases');
  if (Number(n) === 0) {
    out(`generating the demo data (seed ${opt('seed') ?? 1}) …`);
    await generateDemo(store, { scale: 'demo', seed: Number(opt('seed') ?? 1) });
  }
  const started = performance.now();
  const ref = await navReference(store);
  const state = await readyState(store, ['cases'], AS_OF_ISO);
  const index = await similarIndex(store, state, ref.seg);
  out(`index: ${index.size.toLocaleString('en')} decided cases in ${((performance.now() - started) / 1000).toFixed(1)} s (load ${load()})`);

  // ── similar cases against the planted families ──
  const rows = await store.query<{
    id: string;
    family: string;
    region_code: string;
    facts: string;
    fine_amount: number | null;
    decision: string;
  }>(`
    SELECT c.id, json_extract_string(g.detail, '$.family') AS family, c.region_code, c.facts, c.fine_amount, c.decision
    FROM ground_truth g JOIN cases c ON c.id = g.record_id
    WHERE g.violation = 'similar_case_family' AND c.decided_on IS NOT NULL`);
  const members = new Map<string, string[]>();
  for (const r of rows) (members.get(r.family) ?? members.set(r.family, []).get(r.family)!).push(r.id);
  const queries = rows.filter((r) => members.get(r.family)!.length >= 3);
  const variants: [string, readonly [number, number, number, number]][] = [
    [`the navigator's blend (text ${BLEND[0]}, facts ${BLEND[1]}, fine ${BLEND[2]}, place ${BLEND[3]})`, BLEND],
    ['heavier facts (text 0.55, facts 0.25, fine 0.1, place 0.1)', [0.55, 0.25, 0.1, 0.1]],
    ['BM25 text alone', [1, 0, 0, 0]],
    ['facts, fine and place alone', [0, 0.6, 0.2, 0.2]],
  ];
  out(
    `\nsimilar cases: ${queries.length} queries from ${[...members.values()].filter((m) => m.length >= 3).length} families of ≥ 3 decided cases`,
  );
  for (const [label, weights] of variants) {
    let recall = 0;
    let rr = 0;
    const times: number[] = [];
    for (const q of queries) {
      const c = state.cases.get(q.id)!;
      const t = performance.now();
      const ranked = rankSimilar(
        index,
        {
          item: c.item,
          regionCode: q.region_code,
          firstOffence: c.firstOffence,
          corrected: c.corrected,
          harm: c.harm as Harm,
          fine: q.decision === 'fine' ? Number(q.fine_amount) : null,
          text: weights[0] === 0 ? null : q.facts,
          accept: () => true,
          exclude: q.id,
          weights,
        },
        20,
      );
      times.push(performance.now() - t);
      const others = new Set(members.get(q.family)!.filter((id) => id !== q.id));
      const ids = ranked.map((x) => x.c.id);
      recall += ids.slice(0, 5).filter((id) => others.has(id)).length / Math.min(5, others.size);
      const first = ids.findIndex((id) => others.has(id));
      rr += first < 0 ? 0 : 1 / (first + 1);
    }
    times.sort((a, b) => a - b);
    out(
      `  ${label.padEnd(52)} recall@5 ${(recall / queries.length).toFixed(3)}  MRR ${(rr / queries.length).toFixed(3)}  ` +
        `(p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms)`,
    );
  }

  // ── tier and exemption against the planted facts ──
  const cases = await store.query<{
    id: string;
    item_code: string;
    region_code: string;
    first_offence: boolean;
    corrected: boolean;
    harm: Harm;
    decision: string;
    tier: string | null;
    planted: string | null;
  }>(`
    SELECT c.id, c.item_code, c.region_code, c.first_offence, c.corrected, c.harm, c.decision, c.tier,
      (SELECT max(g.violation) FROM ground_truth g WHERE g.record_id = c.id AND g.violation IN ('fine_outside_tier', 'fined_despite_exemption')) AS planted
    FROM cases c WHERE c.decided_on IS NOT NULL ORDER BY c.id`);
  let tierRight = 0;
  let tierAll = 0;
  let exRight = 0;
  const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const started2 = performance.now();
  for (const c of cases) {
    const a = await assess(
      store,
      SYSTEM_CALLER,
      {
        item: c.item_code,
        regionCode: c.region_code,
        asOf: AS_OF_ISO,
        facts: { firstOffence: c.first_offence, corrected: c.corrected, harm: c.harm },
      },
      { today: AS_OF_ISO },
    );
    // A planted fine_outside_tier states the tier its facts select; a fine despite the exemption states 从轻.
    if (c.planted !== 'fined_despite_exemption') {
      tierAll++;
      if (a.tier.tier === c.tier) tierRight++;
    }
    const truth = c.decision === 'no_penalty' || c.planted === 'fined_despite_exemption';
    const said = a.exemption.status === 'applies';
    if (truth === said) exRight++;
    confusion[said ? (truth ? 'tp' : 'fp') : truth ? 'fn' : 'tn']++;
  }
  const secs = (performance.now() - started2) / 1000;
  out(`\ntier and exemption: ${cases.length.toLocaleString('en')} decided cases assessed in ${secs.toFixed(1)} s`);
  out(`  tier accuracy       ${(tierRight / tierAll).toFixed(4)} (${tierRight} of ${tierAll})`);
  out(
    `  exemption accuracy  ${(exRight / cases.length).toFixed(4)} (applies: ${confusion.tp} right, ${confusion.fp} wrongly; missed ${confusion.fn}; ${confusion.tn} rightly not)`,
  );
  out(`load average ${load()}`);
} finally {
  await store.close();
}
