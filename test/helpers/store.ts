// A fresh, migrated store for one test file: DuckDB in memory by default, or a new database on the
// PostgreSQL server named by KEDU_TEST_DATABASE_URL (CI runs the suite once on each engine).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
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
