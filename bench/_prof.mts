import { DuckDBStore } from '../src/store/duckdb/duckdb-store.ts';
import { openStore } from '../src/store/open-store.ts';
import { loadBench } from './load.ts';
const P = DuckDBStore.prototype as any;
const stats = new Map<string, { n: number; ms: number }>();
let label = 'setup';
(globalThis as any).__label = (l: string) => (label = l);
for (const m of ['query', 'exec', 'copyIn']) {
  const orig = P[m];
  P[m] = async function (...a: any[]) {
    const t = performance.now();
    try {
      return await orig.apply(this, a);
    } finally {
      const text = typeof a[0] === 'string' ? a[0] : (a[0]?.render?.().text ?? m);
      const k = `${label} | ${m} | ${String(text).replace(/\s+/g, ' ').slice(0, 110)}`;
      const s = stats.get(k) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += performance.now() - t;
      stats.set(k, s);
    }
  };
}
const store = await openStore({ duckdbPath: process.argv[2] } as any);
await loadBench(store, { clients: 1, seconds: 15 });
const byLabel = new Map<string, { n: number; ms: number }>();
for (const [k, v] of stats) {
  const l = k.split(' | ')[0];
  const s = byLabel.get(l) ?? { n: 0, ms: 0 };
  s.n += v.n;
  s.ms += v.ms;
  byLabel.set(l, s);
}
console.log([...byLabel].map(([l, v]) => `${l}: ${v.n} stmts ${v.ms.toFixed(0)} ms`).join('\n'));
for (const [k, v] of [...stats]
  .filter(([k]) => !k.startsWith('setup'))
  .sort((a, b) => b[1].ms - a[1].ms)
  .slice(0, 40))
  console.log(v.n, v.ms.toFixed(0), k);
