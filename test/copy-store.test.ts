// A whole store copied into a new one (src/store/copy-store.ts, `kedu copy-store`): from the embedded
// engine into this pass's engine (DuckDB, PostgreSQL, or a Citus coordinator). Every table arrives
// row for row — an empty text stays empty and NULL stays NULL, a quote, a comma and a line break in a
// name survive, times keep their instant — and the audit log verifies there under the source's anchor.
// A target that is not new, or of another schema version, is refused; a copy that fails half-way leaves
// the target as it was.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { CopyRefused, copyStore } from '../src/store/copy-store.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import { readAnchor, writeAnchor } from '../src/audit/anchor.ts';
import { openTestStore } from './helpers/store.ts';
import { put, seedWorld } from './helpers/world.ts';

const source = await openStore({ databaseUrl: '', duckdbPath: ':memory:' });
await seedWorld(source);
await put(source, 'entities', { uscc: '91330100COPY00001X', name: '甲,"乙"\n丙', region_code: '330106', industry: '', address: null });
await put(source, 'entities', { uscc: '91330100COPY00002X', name: '丁', region_code: '330106', industry: null, address: '' });
const target = await openTestStore();
after(async () => {
  await target.close();
  await source.close();
});

/** Every table's rows as sorted JSON lines: what a reader of the store sees. */
async function contents(store: Store): Promise<Record<string, string[]>> {
  const tables = await store.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1",
  );
  const out: Record<string, string[]> = {};
  for (const { t } of tables) {
    const rows = await store.query<Record<string, unknown>>(`SELECT * FROM ${t}`);
    out[t] = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k]]),
        ),
      )
      .sort();
  }
  return out;
}

/** The target's transaction, with the n-th file load failing (a full disk, a dropped connection). */
function failingAt(store: Store, n: number): Store {
  let loads = 0;
  return Object.create(store, {
    transaction: {
      value: <T>(fn: (tx: Store) => Promise<T>) =>
        store.transaction((tx) =>
          fn(
            Object.create(tx, {
              copyInFile: {
                value: (table: string, columns: string[], path: string) => {
                  if (++loads === n) throw new Error('disk full');
                  return tx.copyInFile(table, columns, path);
                },
              },
            }) as Store,
          ),
        ),
    },
  }) as Store;
}

test('a copy that fails half-way leaves the target as it was, and the copy after it is whole', { timeout: 300_000 }, async () => {
  const before = await contents(target.store);
  await assert.rejects(copyStore(source, failingAt(target.store, 20)), /disk full/);
  assert.deepEqual(await contents(target.store), before, 'nothing of the failed copy stays');

  const seen: number[] = [];
  const report = await copyStore(source, target.store, (p) => seen.push(p.done));
  const want = await contents(source);
  const got = await contents(target.store);
  assert.deepEqual(Object.keys(got), Object.keys(want), 'the same tables');
  for (const t of Object.keys(want)) assert.deepEqual(got[t], want[t], `${t}: the same rows`);
  assert.equal(report.tables, Object.keys(want).length);
  assert.equal(
    report.rows,
    Object.values(want).reduce((n, rows) => n + rows.length, 0),
  );
  assert.ok(report.perTable.inspections > 0 && report.perTable.audit_log > 0, JSON.stringify(report.perTable));
  assert.deepEqual(
    seen,
    Array.from({ length: report.tables }, (_, i) => i + 1),
    'progress after every table',
  );

  const odd = await target.store.query<{ uscc: string; name: string; industry: string | null; address: string | null }>(
    "SELECT uscc, name, industry, address FROM entities WHERE uscc LIKE '%COPY%' ORDER BY uscc",
  );
  assert.deepEqual(odd, [
    { uscc: '91330100COPY00001X', name: '甲,"乙"\n丙', industry: '', address: null },
    { uscc: '91330100COPY00002X', name: '丁', industry: null, address: '' },
  ]);

  // The log is the source's, entry for entry: under the source's anchor it verifies where it now lives.
  const anchor = readAnchor(source.location);
  assert.equal(anchor.state, 'valid');
  if (anchor.state === 'valid') writeAnchor(target.store.location, anchor.anchor.chains);
  const verified = await verifyAuditLog(target.store);
  assert.ok(verified.ok, JSON.stringify(verified.problems));
  assert.ok(verified.entries > 0);
});

test('a target that is not new, or of another schema version, is refused and left as it was', { timeout: 120_000 }, async () => {
  const before = await contents(target.store);
  await assert.rejects(copyStore(source, target.store), (e: Error) => e instanceof CopyRefused && /不是新库/.test(e.message));
  const fresh = await openTestStore();
  try {
    await source.exec("INSERT INTO schema_migrations (version, applied_at) VALUES ('999_later', now())");
    await assert.rejects(copyStore(source, fresh.store), (e: Error) => e instanceof CopyRefused && /结构版本不同/.test(e.message));
    await source.exec("DELETE FROM schema_migrations WHERE version = '999_later'");
    const [{ n }] = await fresh.store.query<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    assert.equal(Number(n), 0, 'the refused target took nothing');
  } finally {
    await fresh.close();
  }
  assert.deepEqual(await contents(target.store), before);
});
