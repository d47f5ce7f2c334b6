// npm run bench [-- --scale city|hangzhou] [--engines duckdb,postgres] [--only gen,import,home,models,realtime]
// Prints, DuckDB beside PostgreSQL and measured in the same run: demo-data generation rate, bulk import
// rate, the home page's queries, the model library (total and per model) and the latency of a
// real-time check on ingest (focused SQL beside the code checks, and their state's load time and size).
// The machines are shared and noisy: compare the engines side by side, not against numbers from another day.
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { generateDemo } from '../src/demo/generate.ts';
import type { ScaleName } from '../src/demo/scale.ts';
import { AS_OF_ISO } from '../src/demo/calendar.ts';
import { homeSummary } from '../src/evaluation/home-summary.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { MODELS } from '../src/models/library/index.ts';
import { runModels } from '../src/models/runner.ts';
import { checkRecords, realtimeModels } from '../src/models/realtime/check.ts';
import { KIND_CHECKS } from '../src/models/realtime/judge.ts';
import { realtimeState, invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { seedIngestReference, writeLargeInspectionsCsv } from '../test/fixtures/ingest-samples.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const scale = opt('scale', 'city') as ScaleName;
const engines = opt('engines', 'duckdb,postgres').split(',');
const only = new Set(opt('only', 'gen,import,home,models,realtime').split(','));
const importRowsCount = Number(opt('import-rows', '1000000'));
const pgServer = process.env.KEDU_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

const dir = mkdtempSync(join(tmpdir(), 'kedu-bench-'));
const results: Record<string, Record<string, string>> = {};
const put = (row: string, engine: string, value: string) => { (results[row] ??= {})[engine] = value; };
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const out = (s: string) => process.stdout.write(s + '\n');

async function freshStore(engine: string, name: string): Promise<{ store: Store; drop(): Promise<void> }> {
  if (engine === 'duckdb') {
    const path = join(dir, `${name}.duckdb`);
    const store = await openStore({ databaseUrl: '', duckdbPath: path });
    return { store, drop: async () => { await store.close(); rmSync(path, { force: true }); rmSync(`${path}.wal`, { force: true }); } };
  }
  const db = `kedu_bench_${name}`;
  const admin = new pg.Client({ connectionString: pgServer });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = new URL(pgServer);
  url.pathname = `/${db}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    store,
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: pgServer });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const percentile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => { gc(); gc(); return process.memoryUsage().heapUsed / 2 ** 20; };

/**
 * The latency of a real-time check on ingest: records of a kind fed one at a time into checkRecords,
 * first by the focused SQL of every model (how it was; the records carry only their subjects), then by
 * the code checks (after loading their state, timed and weighed on its own). Each path starts without
 * clues, so both write the same new clues.
 */
async function realtimeBench(store: Store, engine: string): Promise<void> {
  const samples = {
    inspections: await store.query<Record<string, unknown>>(`SELECT * FROM inspections WHERE inspected_on >= '2025-10-01' ORDER BY id LIMIT 200`),
    cases: await store.query<Record<string, unknown>>(`SELECT * FROM cases WHERE filed_on >= '2025-10-01' ORDER BY id LIMIT 200`),
  };
  const clear = async () => { for (const t of ['clue_events', 'clues']) await store.exec(`DELETE FROM ${t}`); };
  const feed = async (kind: string, records: Record<string, unknown>[]) => {
    const times: number[] = [];
    const writing: number[] = [];
    const quiet: number[] = [];
    for (const r of records) {
      const [reports, ms] = await timeIt(() => checkRecords(store, kind, [r], 'bench', AS_OF_ISO));
      times.push(ms);
      (reports.some((x) => x.newClues > 0) ? writing : quiet).push(ms);
    }
    return { times, writing, quiet };
  };
  const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
  const report = (label: string, { times, writing, quiet }: { times: number[]; writing: number[]; quiet: number[] }) => {
    put(`${label}: p50 / p99 per record`, engine, `${percentile(times, 0.5).toFixed(1)} / ${ms(percentile(times, 0.99))}`);
    put(`${label}: p99 of records raising no new clue`, engine, ms(percentile(quiet, 0.99)));
    put(`${label}: records raising a clue, median`, engine, `${writing.length}: ${ms(writing.length ? percentile(writing, 0.5) : undefined)}`);
  };
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  for (const [kind, records] of Object.entries(samples)) {
    await clear();
    const columns = [...new Set(realtimeModels(kind).map((m) => m.realtime!.subjectColumn))];
    report(`real-time, 200 ${kind}, focused SQL`, await feed(kind, records.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])))));
  }
  await clear();
  invalidateRealtimeState(store);
  const state = realtimeState(store);
  const before = heapMB();
  for (const kind of Object.keys(samples)) {
    const [, ms] = await timeIt(() => state.ready(KIND_CHECKS[kind].parts, AS_OF_ISO));
    put(`real-time state: load for ${kind}`, engine, secs(ms));
  }
  put('real-time state: heap (names, certificates, inspections, cases)', engine, `${Math.round(heapMB() - before)} MB`);
  for (const [kind, records] of Object.entries(samples)) report(`real-time, 200 ${kind}, code checks`, await feed(kind, records));
  put('real-time: load average at the end (1/5/15 min)', engine, `${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (start ${load})`);
}

const callers: [string, Caller][] = [
  ['province 浙江省', { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330000' }],
  ['city 杭州市', { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330100' }],
  ['county 富阳区', { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330111' }],
];

for (const engine of engines) {
  out(`\n== ${engine}, scale ${scale} ==`);
  if (only.has('gen') || only.has('home') || only.has('models') || only.has('realtime')) {
    const { store, drop } = await freshStore(engine, scale);
    try {
      const [gen] = await timeIt(() => generateDemo(store, { scale, seed: 1 }));
      put(`generate ${scale}: records`, engine, gen.records.toLocaleString('en'));
      put(`generate ${scale}: records/s`, engine, Math.round(gen.records / gen.seconds).toLocaleString('en'));
      put(`generate ${scale}: time`, engine, `${gen.seconds.toFixed(1)} s`);
      out(`generated ${gen.records} records in ${gen.seconds.toFixed(1)} s`);

      if (only.has('home')) {
        const period = { from: '2025-01-01', to: '2025-12-31' };
        for (const [label, caller] of callers) {
          await homeSummary(store, caller, period); // warm caches once, as a server would be
          const times: number[] = [];
          for (let i = 0; i < 3; i++) times.push((await timeIt(() => homeSummary(store, caller, period)))[1]);
          put(`home page queries, ${label} (median of 3)`, engine, `${Math.round(percentile(times, 0.5))} ms`);
        }
      }
      if (only.has('models')) {
        // The whole library as `kedu models run` runs it (one checkpoint at the end, counted in the total).
        const [reports, total] = await timeIt(() => runModels(store, MODELS, { asOf: AS_OF_ISO }));
        for (const r of reports) put(`model ${r.code} (hits)`, engine, `${r.millis} ms (${r.hits})`);
        put(`models: all ${MODELS.length}, total`, engine, secs(total));
        put(`models: clues written`, engine, reports.reduce((s, r) => s + r.newClues, 0).toLocaleString('en'));
        out(`models: ${secs(total)}`);
      }
      if (only.has('realtime')) await realtimeBench(store, engine);
    } finally {
      await drop();
    }
  }
  if (only.has('import')) {
    const csv = join(dir, 'inspections.csv');
    await writeLargeInspectionsCsv(csv, importRowsCount);
    const { store, drop } = await freshStore(engine, 'import');
    try {
      await seedIngestReference(store);
      const first = await importRows(store, await fileSource(csv), { kind: 'inspections', caller: SYSTEM_CALLER });
      put(`import ${importRowsCount.toLocaleString('en')} inspections (CSV): rows/s`, engine, first.rowsPerSecond.toLocaleString('en'));
      const again = await importRows(store, await fileSource(csv), { kind: 'inspections', caller: SYSTEM_CALLER });
      put('re-import of the same file (idempotent): rows/s', engine, again.rowsPerSecond.toLocaleString('en'));
      out(`import: ${first.rowsPerSecond} rows/s, re-import ${again.rowsPerSecond} rows/s`);
    } finally {
      await drop();
      rmSync(csv, { force: true });
    }
  }
}

const width = Math.max(...Object.keys(results).map((k) => k.length));
out(`\n${'measure'.padEnd(width)}  ${engines.map((e) => e.padStart(16)).join('  ')}`);
for (const [row, byEngine] of Object.entries(results)) {
  out(`${row.padEnd(width)}  ${engines.map((e) => (byEngine[e] ?? '—').padStart(16)).join('  ')}`);
}
rmSync(dir, { recursive: true, force: true });
