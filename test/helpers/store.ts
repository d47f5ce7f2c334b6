// A fresh, migrated store for one test file: DuckDB in memory by default, or a new database on the
// PostgreSQL server named by KEDU_TEST_DATABASE_URL (CI runs the suite once on each engine).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export const TEST_ENGINE = process.env.KEDU_TEST_DATABASE_URL ? 'postgres' : 'duckdb';

export interface TestStore { store: Store; close(): Promise<void> }

export async function openTestStore(): Promise<TestStore> {
  const serverUrl = process.env.KEDU_TEST_DATABASE_URL;
  if (!serverUrl) {
    const store = await openStore({ databaseUrl: '', duckdbPath: ':memory:' });
    return { store, close: () => store.close() };
  }
  const name = `kedu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    store,
    async close() {
      await store.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A store of its own for child processes (`kedu …` run as a user would): a DuckDB file in `dir`, or a
 * fresh database on the PostgreSQL server. `args` select it on the command line.
 */
export async function cliStore(dir: string, name: string): Promise<{ args: string[]; open: () => Promise<Store>; drop: () => Promise<void> }> {
  const server = process.env.KEDU_TEST_DATABASE_URL;
  if (!server) {
    const path = join(dir, `${name}.duckdb`);
    return { args: ['--duckdb', path], open: () => openStore({ databaseUrl: '', duckdbPath: path }), drop: async () => undefined };
  }
  const db = `kedu_test_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${db}`;
  return {
    args: ['--database-url', url.toString()],
    open: () => openStore({ databaseUrl: url.toString() }),
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}
