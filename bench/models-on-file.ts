// Runs the whole library on an existing DuckDB file as `kedu models run` does, and prints per-model time
// (slowest first) and the total: tuning at hangzhou scale without generating 33 million records again.
//   node --import tsx bench/models-on-file.ts FILE.duckdb [CODE,CODE…]
import { openStore } from '../src/store/open-store.ts';
import { MODELS } from '../src/models/library/index.ts';
import { runModels } from '../src/models/runner.ts';
const [path, only] = process.argv.slice(2);
const store = await openStore({ duckdbPath: path });
const t0 = performance.now();
const c0 = process.cpuUsage();
const reports = await runModels(
  store,
  MODELS.filter((m) => !only || only.split(',').includes(m.code)),
  { asOf: '2025-12-31' },
);
for (const r of [...reports].sort((a, b) => b.millis - a.millis))
  console.log(r.code.padEnd(28), String(r.millis).padStart(7), 'ms  query', String(r.queryMillis).padStart(7), 'hits', r.hits);
const u = process.cpuUsage(c0);
console.log(
  'sum',
  reports.reduce((s, r) => s + r.millis, 0),
  'wall',
  Math.round(performance.now() - t0),
  'cpu',
  Math.round((u.user + u.system) / 1000),
);
await store.close();
