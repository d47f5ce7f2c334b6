// What sealing personal data (SM4, src/privacy) costs an import: the same entities imported twice in one
// run, once with their legal representative and phone (two values sealed a row) and once without, and
// the sealing alone timed over as many values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../src/store/store.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { seal } from '../src/privacy/sm4.ts';
import { sampleUscc, seedIngestReference } from '../test/fixtures/ingest-samples.ts';

const ROWS = 200_000;

function entitiesCsv(path: string, from: number, personal: boolean): void {
  const lines = ['uscc,name,region_code,industry,address,legal_rep,phone,registered_on'];
  for (let i = from; i < from + ROWS; i++) {
    const rep = personal ? `张${String.fromCharCode(0x4e00 + (i % 2000))}${String.fromCharCode(0x4e00 + ((i * 7) % 2000))}` : '';
    const phone = personal ? `13${String(100_000_000 + ((i * 7919) % 899_999_999))}` : '';
    lines.push(`${sampleUscc(i)},杭州示例企业${i}有限公司,330106,餐饮业,杭州市西湖区文三路${i}号,${rep},${phone},2019-06-01`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

export async function privacyBench(store: Store, dir: string): Promise<Record<string, string>> {
  await seedIngestReference(store);
  const out: Record<string, string> = {};
  const run = async (label: string, from: number, personal: boolean) => {
    const path = join(dir, `entities-${label}.csv`);
    entitiesCsv(path, from, personal);
    const r = await importRows(store, await fileSource(path), { kind: 'entities', caller: SYSTEM_CALLER });
    if (r.rowsOk !== ROWS) throw new Error(`privacy bench: ${r.rowsBad} rows refused: ${r.errors.slice(0, 3).join('; ')}`);
    return r.rowsPerSecond;
  };
  // In turns, so that warming up favours neither.
  const without1 = await run('plain-1', 0, false);
  const with1 = await run('sealed-1', ROWS, true);
  const with2 = await run('sealed-2', 2 * ROWS, true);
  const without2 = await run('plain-2', 3 * ROWS, false);
  out[`import ${ROWS.toLocaleString('en')} entities without legal rep and phone: rows/s`] = Math.round(
    (without1 + without2) / 2,
  ).toLocaleString('en');
  out[`import ${ROWS.toLocaleString('en')} entities with both (sealed): rows/s`] = Math.round((with1 + with2) / 2).toLocaleString('en');
  const started = performance.now();
  for (let i = 0; i < 2 * ROWS; i++) seal(`1380000${String(i).padStart(4, '0')}`);
  out[`seal ${(2 * ROWS).toLocaleString('en')} values alone`] = `${((performance.now() - started) / 1000).toFixed(2)} s`;
  return out;
}
