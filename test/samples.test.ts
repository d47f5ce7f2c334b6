// docs/samples, as a newcomer uses them: on a `kedu init` store every sample file imports without a
// rejected row — the reference samples first, in the registry's order, then the records (CSV with
// Chinese headers, the XLSX with a title row, the JSON Lines file) — and so they do on the demo store.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestStore } from './helpers/store.ts';
import type { Store } from '../src/store/store.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { IMPORT_ORDER, type Kind } from '../src/records/registry.ts';

const SAMPLES = fileURLToPath(new URL('../docs/samples/', import.meta.url));

async function importSamples(store: Store): Promise<void> {
  const files: [string, Kind][] = [
    ...IMPORT_ORDER.map((k): [string, Kind] => [`${k}.csv`, k]),
    ['inspections.xlsx', 'inspections'],
    ['cases.jsonl', 'cases'],
  ];
  for (const [file, kind] of files) {
    const r = await importRows(store, await fileSource(join(SAMPLES, file)), { kind, caller: SYSTEM_CALLER });
    assert.equal(r.rowsBad, 0, `${file}: ${r.errors.map((e) => e.text).join('; ')}`);
    assert.equal(r.rowsRead, 3, file);
    assert.equal(r.landed, 3, file);
  }
}

test('every sample imports cleanly on a kedu init store', async () => {
  const t = await openTestStore();
  after(() => t.close());
  await loadReference(t.store);
  await importSamples(t.store);
});

test('every sample imports cleanly on the demo store', { timeout: 600_000 }, async () => {
  const t = await openTestStore();
  after(() => t.close());
  await generateDemo(t.store, { scale: 'demo', seed: 1 });
  await importSamples(t.store);
});
