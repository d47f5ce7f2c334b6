// A fresh, migrated store for one test file: DuckDB in memory by default, or a new database on the
// PostgreSQL server named by KEDU_TEST_DATABASE_URL (CI runs the suite once on each engine).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

// Keys and audit anchors of a test file's stores (and of the CLI it runs) in a folder of its own, never
// in the working tree's data/keys.
if (!process.env.KEDU_KEY_DIR) {
  const keys = mkdtempSync(join(tmpdir(), 'kedu-test-keys-'));
  process.env.KEDU_KEY_DIR = keys;
  process.on('exit', () => rmSync(keys, { recursive: true, force: true }));
}

export const TEST_ENGINE = process.env.KEDU_TEST_DATABASE_URL ? 'postgres' : 'duckdb';

export interface TestStore {
  store: Store;
  close(): Promise<void>;
}

/** A new database on a PostgreSQL server (one left by an earlier run under the name goes first): its URL, and how to drop it. */
export async function createDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestStore(): Promise<TestStore> {
  const serverUrl = process.env.KEDU_TEST_DATABASE_URL;
  if (!serverUrl) {
    const store = await openStore({ databaseUrl: '', duckdbPath: ':memory:' });
    return { store, close: () => store.close() };
  }
  const db = await createDatabase(serverUrl, `kedu_test_${randomBytes(6).toString('hex')}`);
  const store = await openStore({ databaseUrl: db.url });
  return {
    store,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}

/**
 * A store of its own for child processes (`kedu …` run as a user would): a DuckDB file in `dir`, or a
 * fresh database on the PostgreSQL server. `args` select it on the command line.
 */
export async function cliStore(
  dir: string,
  name: string,
): Promise<{ args: string[]; open: () => Promise<Store>; drop: () => Promise<void> }> {
  const server = process.env.KEDU_TEST_DATABASE_URL;
  if (!server) {
    const path = join(dir, `${name}.duckdb`);
    return { args: ['--duckdb', path], open: () => openStore({ databaseUrl: '', duckdbPath: path }), drop: async () => undefined };
  }
  const db = await createDatabase(server, `kedu_test_${name}_${process.pid}`);
  return { args: ['--database-url', db.url], open: () => openStore({ databaseUrl: db.url }), drop: db.drop };
}
