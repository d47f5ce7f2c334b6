// The navigator at scale, for `npm run bench -- --only navigator [--navigator-cases N]`: N past cases
// (default one million) are generated here — items skewed as enforcement is (a few items most of the
// cases), counties across the province with Hangzhou's weight, facts drawn as in the demo and the
// tier, decision and fine the facts select, the facts text written by the demo's phrasings — and
// loaded into the store; then measured: loading the real-time state's cases and building the
// similar-case index (time, heap), a whole assessment (POST /navigator/assess without HTTP) and the
// similar-case retrieval alone, p50 / p99 over 500 requests each.
import os from 'node:os';
import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import type { Store, Value } from '../src/store/store.ts';
import { loadReference, readCatalog } from '../src/catalog/load-reference.ts';
import { BaselineBook, listEntries, selectTier, type Harm } from '../src/catalog/discretion.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { Rng, Weighted } from '../src/demo/prng.ts';
import { FactsWriter, writeFacts } from '../src/demo/case-facts.ts';
import { pickFine } from '../src/demo/rules.ts';
import { dayOf, isoOf } from '../src/demo/calendar.ts';
import { invalidateRealtimeState, readyState } from '../src/models/realtime/state.ts';
import { ASSESS_PHASES, assess, readyNavigator, type AssessPhase } from '../src/navigator/assess.ts';
import { navReference } from '../src/navigator/reference.ts';
import { rankSimilar, similarIndex } from '../src/navigator/similar.ts';

const COLUMNS = [
  'id',
  'source_system',
  'source_id',
  'region_code',
  'agency_id',
  'item_code',
  'entity_uscc',
  'inspection_id',
  'filed_on',
  'first_offence',
  'corrected',
  'harm',
  'facts',
  'lead_officer_id',
  'assist_officer_id',
  'decided_on',
  'decision',
  'tier',
  'fine_amount',
  'status',
];
const ASOF = '2025-12-31';
const FROM = dayOf('2024-01-02');
const SPAN = dayOf(ASOF) - FROM;
const SAMPLES = 500;

interface Draw {
  item: { code: string; name: string };
  county: { code: string; name: string };
  facts: { firstOffence: boolean; corrected: boolean; harm: Harm };
}

/** A case's item, county and facts (the demo's shares: first offence 70%, corrected 60%, harm none/minor/serious 45/45/10%). */
function drawer() {
  const catalog = readCatalog();
  const withBaseline = new Set(catalog.baselines.filter((b) => b.region_code === '330000').map((b) => b.item_code));
  const items = catalog.items.filter((i) => withBaseline.has(i.code));
  // Enforcement concentrates on a few items: weight 1 / rank^0.8.
  const itemPick = new Weighted(
    items,
    items.map((_, i) => 1 / (i + 1) ** 0.8),
  );
  const counties = catalog.regions.filter((r) => r.level === 'county');
  const countyPick = new Weighted(
    counties,
    counties.map((c) => (c.code.startsWith('3301') ? 6 : 1)),
  );
  return (rng: Rng): Draw => {
    const r = rng.next();
    return {
      item: itemPick.pick(rng),
      county: countyPick.pick(rng),
      facts: { firstOffence: rng.chance(0.7), corrected: rng.chance(0.6), harm: r < 0.45 ? 'none' : r < 0.9 ? 'minor' : 'serious' },
    };
  };
}

/** Fills the store's catalog and `count` past cases. */
export async function generatePastCases(store: Store, count: number): Promise<void> {
  await loadReference(store);
  const catalog = readCatalog();
  const book = new BaselineBook(catalog.baselines);
  const draw = drawer();
  const writer = new FactsWriter(1);

  const batch: Value[][] = [];
  for (let i = 0; i < count; i++) {
    const rng = Rng.of(1, 'bench-case', i);
    const d = draw(rng);
    const decided = FROM + rng.int(SPAN);
    const filed = decided - rng.range(5, 80);
    const governing = book.effective(d.item.code, d.county.code, isoOf(decided))?.baseline;
    const listed = listEntries(catalog.exemptions, d.item.code, d.county.code).length > 0;
    const tier = selectTier(d.facts, listed, governing?.tiers.some((t) => t.tier === 'mitigated') ?? false).tier;
    const range = governing?.tiers.find((t) => t.tier === tier);
    let decision = 'fine';
    let fine: number | null = null;
    if (tier === 'exempt') decision = 'no_penalty';
    else if (range && range.fine_min === 0 && rng.chance(0.2)) decision = 'warning';
    else fine = pickFine(rng, range ? { min: range.fine_min, max: range.fine_max } : { min: 100, max: 10_000 });
    const id = `NB${String(i).padStart(8, '0')}`;
    const party = { name: `商户${i % 50_000}`, township: { code: d.county.code, name: d.county.name } };
    const { text } = writeFacts(writer, id, party, d.item, d.facts, tier, filed);
    batch.push([
      id,
      'bench',
      id,
      d.county.code,
      `AG-${d.county.code}`,
      d.item.code,
      '91330100470102706G',
      null,
      isoOf(filed),
      d.facts.firstOffence,
      d.facts.corrected,
      d.facts.harm,
      text,
      'OF-1',
      'OF-2',
      isoOf(decided),
      decision,
      tier,
      fine,
      'closed',
    ]);
    if (batch.length === 50_000 || i === count - 1) await store.copyIn('cases', COLUMNS, batch.splice(0));
  }
}

export async function navigatorBench(
  store: Store,
  engine: string,
  put: (row: string, engine: string, value: string) => void,
  count: number,
  heapMB: () => number,
): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const p50p99 = (xs: number[]) => `${ms(pct(xs, 0.5))} / ${ms(pct(xs, 0.99))}`;

  let started = performance.now();
  await generatePastCases(store, count);
  put(
    `navigator: ${count.toLocaleString('en')} past cases generated and stored`,
    engine,
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // ── the state and the index, as a server loads them at start ──
  invalidateRealtimeState(store);
  const before = heapMB();
  started = performance.now();
  const ref = await navReference(store);
  const state = await readyState(store, ['cases'], ASOF);
  put('navigator: real-time state with the cases (load)', engine, `${((performance.now() - started) / 1000).toFixed(1)} s`);
  const afterState = heapMB();
  started = performance.now();
  const index = await similarIndex(store, state, ref.seg);
  put(
    `navigator: similar-case index of ${index.size.toLocaleString('en')} decided cases (build)`,
    engine,
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // What a server does next at start (readyNavigator): every item's history and peers computed ahead.
  started = performance.now();
  await readyNavigator(store, ASOF);
  put('navigator: statistics of every item computed ahead (warm)', engine, `${((performance.now() - started) / 1000).toFixed(1)} s`);
  const afterIndex = heapMB();
  put(
    'navigator: heap of the state (cases) / of the index and statistics',
    engine,
    `${Math.round(afterState - before)} / ${Math.round(afterIndex - afterState)} MB`,
  );

  const draw = drawer();
  // ── requests: a new case of a drawn item and county, its facts written like the past ones ──
  const requests = Array.from({ length: SAMPLES }, (_, i) => {
    const rng = Rng.of(2, 'bench-request', i);
    const d = draw(rng);
    const { text } = writeFacts(
      new FactsWriter(2),
      `Q${i}`,
      { name: '某商户', township: { code: d.county.code, name: d.county.name } },
      d.item,
      d.facts,
      'general',
      dayOf(ASOF),
    );
    const fine = Math.round(100 + rng.next() * 20_000);
    return { d, text, fine };
  });
  const caller = { ...SYSTEM_CALLER, role: 'supervisor' as const };
  const whole: number[] = [];
  const retrieval: number[] = [];
  // Where the time of an assessment goes: each phase's time per call, the calls that were the first of
  // their item (nothing of the item computed yet), and the collections that ran during a call.
  const phases = new Map<AssessPhase, number[]>(ASSESS_PHASES.map((p) => [p, []]));
  const spans: { from: number; to: number; first: boolean; slowest: string }[] = [];
  const seen = new Set<string>();
  const gcs: { from: number; to: number; major: boolean }[] = [];
  const record = (entries: PerformanceEntry[]) => {
    for (const e of entries) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      gcs.push({ from: e.startTime, to: e.startTime + e.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  for (const { d, text, fine } of requests) {
    let t = performance.now();
    const call = new Map<AssessPhase, number>();
    await assess(
      store,
      caller,
      { item: d.item.code, regionCode: d.county.code, asOf: ASOF, facts: { ...d.facts, text }, proposed: { decision: 'fine', fine } },
      { today: ASOF, phases: (phase, took) => call.set(phase, took) },
    );
    const end = performance.now();
    whole.push(end - t);
    const [slow, took] = [...call].reduce((a, b) => (b[1] > a[1] ? b : a));
    spans.push({ from: t, to: end, first: !seen.has(d.item.code), slowest: `${slow} ${took.toFixed(0)}` });
    seen.add(d.item.code);
    for (const p of ASSESS_PHASES) phases.get(p)!.push(call.get(p) ?? 0);
    t = performance.now();
    rankSimilar(index, { item: d.item.code, regionCode: d.county.code, ...d.facts, fine, text, accept: () => true }, 5);
    retrieval.push(performance.now() - t);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  record(observer.takeRecords());
  observer.disconnect();
  put(`navigator: assessment, p50 / p99 (${SAMPLES})`, engine, p50p99(whole));
  for (const p of ASSESS_PHASES) put(`navigator:   phase ${p}, p50 / p99`, engine, p50p99(phases.get(p)!));
  put(`navigator: similar-case retrieval, p50 / p99 (${SAMPLES})`, engine, p50p99(retrieval));
  const during = (s: { from: number; to: number }, major: boolean) =>
    gcs.filter((g) => g.to > s.from && g.from < s.to && (!major || g.major)).reduce((sum, g) => sum + g.to - g.from, 0);
  const slowest = spans
    .map((s, i) => ({ ...s, took: whole[i] }))
    .sort((a, b) => b.took - a.took)
    .slice(0, Math.ceil(SAMPLES / 100));
  put(
    'navigator: GC during assessments (count, major, total ms)',
    engine,
    `${gcs.length}, ${gcs.filter((g) => g.major).length}, ${gcs.reduce((sum, g) => sum + g.to - g.from, 0).toFixed(0)} ms`,
  );
  put(
    `navigator: the ${slowest.length} slowest: ms, first of its item, GC ms, slowest phase`,
    engine,
    slowest.map((s) => `${s.took.toFixed(0)}${s.first ? ' first' : ''} gc ${during(s, false).toFixed(0)} ${s.slowest}`).join('; '),
  );
  put(
    'navigator: first calls of an item, count / p50 / max',
    engine,
    (() => {
      const firsts = spans.flatMap((s, i) => (s.first ? [whole[i]] : []));
      return `${firsts.length} / ${ms(pct(firsts, 0.5))} / ${ms(Math.max(...firsts))}`;
    })(),
  );
  put('navigator: load average during the run', engine, load());
}
