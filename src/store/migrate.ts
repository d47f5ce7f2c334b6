// Schema migrations: numbered .sql files beside this file, applied once each, in order, in one
// transaction per file; the dialect adds its engine-specific indexes afterwards.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Store } from './store.ts';
import { syncCalendarDays } from './calendar-days.ts';
import { citusIndexes, isCitus, replicaIdentities } from './citus.ts';
import { rebuildTallies, TALLIES_MIGRATION } from '../records/month-tallies.ts';
import { changeStampSql, CHANGE_STAMP, STAMPED_TABLES } from '../records/change-stamp.ts';

// Named from the repository's root, so that the compiled server (build/kedu, two folders deep as this file is) finds them too.
const dir = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));

export function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function migrate(store: Store): Promise<string[]> {
  await store.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
  const done = new Set((await store.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const version = file.replace(/\.sql$/, '');
    if (done.has(version)) continue;
    await store.transaction(async (tx) => {
      for (const stmt of splitStatements(readFileSync(join(dir, file), 'utf8'))) await tx.exec(stmt);
      await tx.exec('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()]);
    });
    applied.push(version);
  }
  // Every record table's change stamp (migration 102), from the registry: a kind's table added by a later
  // migration gets it the first time the store opens after it.
  const stamped = new Set(
    (
      await store.query<{ t: string }>(
        'SELECT table_name AS t FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = $1',
        [CHANGE_STAMP],
      )
    ).map((r) => r.t),
  );
  const stamps = STAMPED_TABLES.filter((t) => !stamped.has(t));
  for (const table of stamps) await store.exec(changeStampSql(table));
  // A Citus coordinator distributes its tables first, and takes the indexes in the form Citus accepts.
  const citus = await isCitus(store);
  const indexes = citus ? await citusIndexes(store) : store.dialect.extraIndexes;
  for (const stmt of indexes) await store.exec(stmt);
  if (citus) await replicaIdentities(store);
  // The month tallies are counted from the records they were added beside (on Citus, once distributed).
  if (applied.includes(TALLIES_MIGRATION)) await rebuildTallies(store);
  // Reference rows the SQL of the models needs in every store, test databases included.
  await syncCalendarDays(store);
  // DuckDB: the schema changes go into the database file at once. Left in the write-ahead log, a
  // process killed before its first checkpoint leaves a file DuckDB cannot open again: replaying
  // `ADD COLUMN … DEFAULT current_timestamp` (the change stamps) fails with an internal error
  // (duckdb/duckdb#18259). PostgreSQL has nothing to do here.
  if (applied.length || stamps.length) for (const s of store.dialect.afterWriteBurst) await store.exec(s);
  return applied;
}
