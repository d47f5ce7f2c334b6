// The merge's key filter (src/store/key-filter.ts): on DuckDB a pushed record whose key the filter has
// never seen is inserted without a scan of the table's key columns. The filter may say "maybe" too
// often, never "no" for a stored key: a key pushed, filed, rolled back, deleted or written outside the
// import is still matched on the next push (updated in place, never stored twice). On PostgreSQL there
// is no filter and the same pushes give the same answers.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore, TEST_ENGINE } from './helpers/store.ts';
import { sampleJsonl, sampleRow, seedIngestReference } from './fixtures/ingest-samples.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { importRows, type ImportRequest } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { readyStoredKeys } from '../src/ingest/merge.ts';
import { holdsStoredKeys, keyHash, KeyFilter } from '../src/store/key-filter.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-key-filter-'));
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});
await seedIngestReference(store);
const duckdb = TEST_ENGINE === 'duckdb';

const push = (rows: Record<string, string>[], more: Partial<ImportRequest> = {}) =>
  importRows(store, recordsSource(rows), { kind: 'inspections', caller: SYSTEM_CALLER, ...more });
const stored = async (sourceId: string) =>
  Number((await store.query<{ n: number }>('SELECT count(*) AS n FROM inspections WHERE source_id = $1', [sourceId]))[0].n);
const changed = (row: Record<string, string>) => ({ ...row, result: row.result === 'issues' ? 'compliant' : 'issues' });
const held = () => holdsStoredKeys(store.location, 'inspections');

test('the filter holds every hash added, through growth; the SQL hashes keys as keyHash does', async () => {
  const f = new KeyFilter(['a'], 0);
  const added = Array.from({ length: 5000 }, (_, i) => keyHash(['kedu', `K${i}`])!);
  for (const h of added) f.add(h);
  assert.ok(added.every((h) => f.has(h)));
  f.add(0); // the empty slot's marker, kept as 1
  assert.ok(f.has(0));
  const misses = Array.from({ length: 5000 }, (_, i) => keyHash(['other', `K${i}`])!).filter((h) => f.has(h)).length;
  assert.ok(misses < 10, `${misses} false "maybe"s of 5,000`);
  assert.equal(keyHash(['a', null]), null);
  if (duckdb) {
    const [r] = await store.query<{ h: string }>(`SELECT substr(md5($1 || chr(31) || $2), 1, 8) AS h`, ['kedu', '检查-1']);
    assert.equal(parseInt(r.h, 16), keyHash(['kedu', '检查-1']));
  }
});

test('a pushed key pushed again, changed, is updated in place', async () => {
  const row = sampleRow('inspections', 1);
  assert.equal((await push([row])).inserted, 1);
  assert.equal(held(), duckdb);
  const again = await push([changed(row)]);
  assert.deepEqual([again.inserted, again.updated], [0, 1]);
  assert.equal((await push([changed(row)])).unchanged, 1);
  assert.equal(await stored(row.source_id), 1);
});

test("a city's push never loads the filter (other cities' imports may be in their transactions): it asks the table, and the next load holding every chain holds its key", async () => {
  invalidateRealtimeState(store); // drops the filters
  const city = { ...SYSTEM_CALLER, regionCode: '330100' };
  const row = sampleRow('inspections', 7);
  assert.equal((await push([row], { caller: city })).inserted, 1);
  assert.equal(held(), false);
  const again = await push([changed(row)], { caller: city });
  assert.deepEqual([again.inserted, again.updated], [0, 1]);
  await readyStoredKeys(store, 'inspections');
  assert.equal(held(), duckdb);
  assert.deepEqual((await push([row], { caller: city })).updated, 1);
  assert.equal(await stored(row.source_id), 1);
});

test('a key a file imported is matched by the next push (the file drops the filter inside its transaction)', async () => {
  await readyStoredKeys(store, 'inspections');
  const row = sampleRow('inspections', 2);
  const path = join(dir, 'two.jsonl');
  writeFileSync(path, sampleJsonl([row]));
  assert.equal((await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER })).inserted, 1);
  assert.equal(held(), false);
  const again = await push([changed(row)]);
  assert.deepEqual([again.inserted, again.updated], [0, 1]);
  assert.equal(await stored(row.source_id), 1);
});

test('a push rolled back leaves its key a "maybe": pushed again it lands once, and is matched after', async () => {
  await readyStoredKeys(store, 'inspections');
  const row = sampleRow('inspections', 3);
  await assert.rejects(
    push([row], {
      onLanded: async () => {
        throw new Error('checks failed');
      },
    }),
    /checks failed/,
  );
  assert.equal(await stored(row.source_id), 0);
  assert.equal((await push([row])).inserted, 1);
  assert.equal((await push([changed(row)])).updated, 1);
  assert.equal(await stored(row.source_id), 1);
});

test('a stored record deleted is pushed again as new', async () => {
  const row = sampleRow('inspections', 4);
  assert.equal((await push([row])).inserted, 1);
  await store.exec('DELETE FROM inspections WHERE source_id = $1', [row.source_id]);
  assert.equal((await push([row])).inserted, 1);
  assert.equal(await stored(row.source_id), 1);
});

test('rows written outside the import, then the real-time state dropped as such writers do: matched by the next push', async () => {
  await readyStoredKeys(store, 'inspections');
  const row = sampleRow('inspections', 5);
  // Another writer (the demo generator, a restore) copies a stored record under a new key.
  const cols = (
    await store.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'inspections' ORDER BY ordinal_position`,
    )
  ).map((r) => r.c);
  const pick = cols.map((c) => (c === 'id' ? `'insp-outside-5'` : c === 'source_id' ? 'CAST($1 AS VARCHAR)' : c));
  await store.exec(`INSERT INTO inspections (${cols.join(', ')}) SELECT ${pick.join(', ')} FROM inspections WHERE source_id = $2`, [
    row.source_id,
    sampleRow('inspections', 1).source_id,
  ]);
  invalidateRealtimeState(store);
  assert.equal(held(), false);
  const again = await push([row]);
  assert.deepEqual([again.inserted, again.updated + again.unchanged], [0, 1]);
  assert.equal(await stored(row.source_id), 1);
});
