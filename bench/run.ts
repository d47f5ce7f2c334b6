// npm run bench [-- --scale city|hangzhou] [--engines duckdb,postgres] [--only gen,import,home,models,realtime]
// Prints, DuckDB beside PostgreSQL and measured in the same run: demo-data generation rate, bulk import
// rate, the home page's queries, the model library (total and per model) and the latency of a
// real-time check on ingest. The machines are shared and noisy: compare the engines side by side,
// not against numbers from another day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { runModel } from '../src/models/runner.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
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
        let total = 0;
        for (const m of MODELS) {
          const [r, ms] = await timeIt(() => runModel(store, m, { asOf: AS_OF_ISO }));
          total += ms;
          put(`model ${m.code} (hits)`, engine, `${Math.round(ms)} ms (${r.hits})`);
        }
        put(`models: all ${MODELS.length}, total`, engine, secs(total));
        out(`models: ${secs(total)}`);
      }
      if (only.has('realtime')) {
        const sample = await store.query<Record<string, unknown>>(
          `SELECT * FROM inspections WHERE inspected_on >= '2025-10-01' ORDER BY id LIMIT 200`);
        const times: number[] = [];
        for (const r of sample) times.push((await timeIt(() => checkRecords(store, 'inspections', [r], 'bench', AS_OF_ISO)))[1]);
        put('real-time check on ingest, p50', engine, `${percentile(times, 0.5).toFixed(1)} ms`);
        put('real-time check on ingest, p99', engine, `${percentile(times, 0.99).toFixed(1)} ms`);
      }
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
