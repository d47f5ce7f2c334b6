// Import throughput: generates an inspections CSV (1M rows by default) in the temp folder, imports it
// into a fresh DuckDB file (or the PostgreSQL database of $DATABASE_URL), then imports it again
// (every row unchanged: the idempotent path) and once more with a changed copy of a tenth of it.
//   node --import tsx bench/ingest-import.ts [rows] [--no-pk]
// --no-pk recreates the bench database's inspections table without its PRIMARY KEY, to measure what
// maintaining the index on record ids costs a bulk load.
import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { importRows, type ImportReport } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { seedIngestReference, writeLargeInspectionsCsv } from '../test/fixtures/ingest-samples.ts';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const noPk = args.includes('--no-pk');
const dir = mkdtempSync(join(tmpdir(), 'kedu-bench-ingest-'));
const csv = join(dir, 'inspections.csv');
const store = await openStore({ duckdbPath: join(dir, 'bench.duckdb') });
// CPU seconds (JavaScript and DuckDB's threads) beside the wall clock: on a shared machine the wall
// clock also measures the neighbours.
async function timed(label: string, file: string): Promise<void> {
  const cpu = process.cpuUsage();
  const load = loadavg()[0];
  const r = await importRows(store, await fileSource(file), { kind: 'inspections', caller: SYSTEM_CALLER });
  const used = process.cpuUsage(cpu);
  show(label, r, (used.user + used.system) / 1e6, load);
}
const show = (label: string, r: ImportReport, cpu: number, load: number) =>
  process.stdout.write(
    `${label.padEnd(28)} ${String(r.rowsRead).padStart(9)} rows  ${r.seconds.toFixed(2).padStart(6)} s  ${String(r.rowsPerSecond).padStart(8)} rows/s  cpu ${cpu.toFixed(2)} s  load ${load.toFixed(1)}` +
      `  (inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, bad ${r.rowsBad})` +
      `  read ${r.timings.read}s load ${r.timings.load}s merge ${r.timings.merge}s commit ${r.timings.commit}s\n`,
  );
try {
  await seedIngestReference(store);
  if (noPk) {
    await store.exec('CREATE TABLE inspections_no_pk AS SELECT * FROM inspections LIMIT 0');
    await store.exec('DROP TABLE inspections');
    await store.exec('ALTER TABLE inspections_no_pk RENAME TO inspections');
  }
  const t = Date.now();
  const bytes = await writeLargeInspectionsCsv(csv, rows);
  process.stdout.write(
    `engine ${store.dialect.name}${noPk ? ' (inspections without PRIMARY KEY)' : ''}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; file ${csv}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB (generated in ${((Date.now() - t) / 1000).toFixed(1)} s)\n`,
  );
  await timed('first import', csv);
  await timed('re-import (all unchanged)', csv);
  // A tenth of the rows again, with a changed result: the update path.
  const lines = readFileSync(csv, 'utf8').split('\n');
  const changed =
    [lines[0], ...lines.slice(1, Math.floor(rows / 10) + 1).map((l) => l.replace(/,(compliant|issues|case_filed)$/, ',issues'))].join(
      '\n',
    ) + '\n';
  writeFileSync(join(dir, 'changed.csv'), changed);
  await timed('re-import 10% changed', join(dir, 'changed.csv'));
  const [{ n }] = await store.query<{ n: number }>('SELECT COUNT(*) AS n FROM inspections');
  process.stdout.write(`inspections in store: ${n}; file size ${statSync(csv).size} bytes\n`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
