// Loads the real-time state part by part on an existing DuckDB file and prints each part's load time and
// the memory it holds (heapUsed + arrayBuffers after two GCs, as `npm run bench -- --only realtime`
// measures it): the state at hangzhou scale measured again without generating 33 million records.
//   node --import tsx bench/realtime-state-on-file.ts FILE.duckdb
import os from 'node:os';
import { heapMB as mb } from './heap.ts';
import { openStore } from '../src/store/open-store.ts';
import { realtimeState, type Part } from '../src/models/realtime/state.ts';

const [path] = process.argv.slice(2);
const store = await openStore({ duckdbPath: path });
const state = realtimeState(store);
console.log(
  `load average at the start ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const start = mb();
let before = start;
for (const part of ['reference', 'names', 'certificates', 'inspections', 'cases', 'delegations', 'hotline'] as Part[]) {
  const t = performance.now();
  await state.readyPart(part, '2025-12-31');
  const ms = performance.now() - t;
  const now = mb();
  console.log(`${part.padEnd(13)} ${(ms / 1000).toFixed(2).padStart(7)} s ${(now - before).toFixed(1).padStart(8)} MB`);
  before = now;
}
console.log(`${'all'.padEnd(13)} ${''.padStart(9)} ${(before - start).toFixed(1).padStart(8)} MB`);
console.log(`inspection log rows ${state.inspections.size}, cases ${state.cases.size}, entities ${state.entities.size}`);
console.log(
  `load average at the end ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
await store.close();
