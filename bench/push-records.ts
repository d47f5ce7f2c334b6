// Inspections or cases pushed one by one through the import the API runs, with the real-time checks
// judging inside the landing transaction (as bench/run.ts's realtime section, one kind, checks on).
// Prints p50/p99 of the whole push, of the checks, and of each stage of a push (src/store/stage-times.ts).
//   node --import tsx bench/push-records.ts <file.duckdb> [inspections|cases] [n]
// PUSH_SLOWEST=k also prints the k slowest pushes with their stages of 2 ms or more; PUSH_THREADS=t
// runs DuckDB on t threads (SET threads: the instance's, every query of the process).
import os from 'node:os';
import { openStore } from '../src/store/open-store.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { KIND_SPECS } from '../src/records/registry.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { readyRealtime } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { realtimeIngest } from '../src/models/ingest-hook.ts';
import { startStages, stopStages, stageDone } from '../src/store/stage-times.ts';

const AS_OF = '2025-12-31';
const [path, kindArg, nArg] = process.argv.slice(2);
const kind = (kindArg ?? 'inspections') as 'inspections' | 'cases';
if (kind !== 'inspections' && kind !== 'cases') throw new Error(`push-records: inspections or cases, not ${kind}`);
const dated = kind === 'inspections' ? 'inspected_on' : 'filed_on';
const N = Number(nArg ?? 150);
const store = await openStore({ duckdbPath: path } as never);
if (process.env.PUSH_THREADS) await store.exec(`SET threads = ${Number(process.env.PUSH_THREADS)}`);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const loadStart = load();
const rows = await store.query<Record<string, unknown>>(`SELECT * FROM ${kind} WHERE ${dated} >= '2025-10-01' ORDER BY id LIMIT ${N}`);
for (const t of ['clue_events', 'clues']) await store.exec(`DELETE FROM ${t}`);
await store.exec(`DELETE FROM ${kind} WHERE id IN (${rows.map((r) => `'${r.id}'`).join(', ')})`);
invalidateRealtimeState(store);
let t0 = performance.now();
await readyRealtime(store, kind, AS_OF);
const stateLoad = performance.now() - t0;
// As the API's route does before a push (DuckDB): the table's key filter (absent before it existed).
t0 = performance.now();
await (await import('../src/ingest/merge.ts')).readyStoredKeys(store, kind);
const keysLoad = performance.now() - t0;
const spec = KIND_SPECS[kind];
const whole: number[] = [];
const checks: number[] = [];
const stages = new Map<string, number[]>();
const slowest: { ms: number; stages: Record<string, number> }[] = [];
let clues = 0;
const cpu0 = process.cpuUsage();
for (const row of rows) {
  const record = Object.fromEntries(spec.fields.map((f) => [f.name, row[f.name] === null ? '' : String(row[f.name])]));
  const hook = realtimeIngest(store, SYSTEM_CALLER, kind, AS_OF);
  let check = 0;
  t0 = performance.now();
  startStages();
  const report = await importRows(store, recordsSource([record]), {
    kind,
    caller: SYSTEM_CALLER,
    onLanded: async (tx, written) => {
      const c = performance.now();
      const audit = await hook.onLanded(tx, written);
      check = performance.now() - c;
      return audit;
    },
  });
  stageDone('after the session');
  whole.push(performance.now() - t0);
  const timed = stopStages()!.ms;
  for (const [stage, ms] of timed) (stages.get(stage) ?? stages.set(stage, []).get(stage)!).push(ms);
  slowest.push({
    ms: whole[whole.length - 1],
    stages: Object.fromEntries([...timed].filter(([, v]) => v >= 2).map(([k, v]) => [k, +v.toFixed(1)])),
  });
  checks.push(check);
  clues += hook.summary().newClues;
  if (report.inserted !== 1) throw new Error(`${String(row.id)} did not land: ${report.errors.map((e) => e.text).join('; ')}`);
}
const cpu = process.cpuUsage(cpu0);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f = (x: number) => x.toFixed(1);
// A stage some pushes skip (hits written by few) counts 0 for the others.
const table = [...stages].map(([stage, ms]) => {
  const all = [...ms, ...new Array<number>(rows.length - ms.length).fill(0)];
  return { stage, p50: f(pct(all, 0.5)), p99: f(pct(all, 0.99)), mean: f(mean(all)) };
});
console.table(table);
// The slowest pushes, with their stages of 2 ms or more: one stage, or the load on every statement?
if (process.env.PUSH_SLOWEST)
  for (const p of slowest.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.PUSH_SLOWEST)))
    console.log(f(p.ms), JSON.stringify(p.stages));
console.log(
  JSON.stringify({
    kind,
    n: rows.length,
    stateLoadS: +(stateLoad / 1000).toFixed(1),
    keysLoadS: +(keysLoad / 1000).toFixed(1),
    wholeP50: f(pct(whole, 0.5)),
    wholeP99: f(pct(whole, 0.99)),
    wholeMean: f(mean(whole)),
    checkP50: f(pct(checks, 0.5)),
    checkP99: f(pct(checks, 0.99)),
    checkMean: f(mean(checks)),
    cpuMsPerPush: f((cpu.user + cpu.system) / 1000 / rows.length),
    newClues: clues,
    threads: process.env.PUSH_THREADS ?? 'default',
    loadStart,
    loadEnd: load(),
  }),
);
await store.close();
