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

// On a Citus coordinator a database needs the extension on every node and, on the coordinator, its
// list of workers (pg_dist_node is kept per database): .ci/citus-up prepares this database on each
// node, and a test database is a copy of it there.
export const CITUS_TEMPLATE = 'kedu_citus_template';

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Whether the server is a Citus coordinator: Citus preloaded (a plain server answers in the same query). Asked once per server. */
const citusServers = new Map<string, Promise<boolean>>();
export function citusServer(serverUrl: string): Promise<boolean> {
  let known = citusServers.get(serverUrl);
  if (!known) {
    known = withClient(serverUrl, async (c) => {
      const r = await c.query<{ citus: boolean }>("SELECT current_setting('shared_preload_libraries') ~ 'citus' AS citus");
      return r.rows[0].citus;
    });
    citusServers.set(serverUrl, known);
  }
  return known;
}

/** A new database on a PostgreSQL server (one left by an earlier run under the name goes first): its URL, and how to drop it. */
export async function createDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = (server: string, statement: string) => withClient(server, async (c) => void (await c.query(statement)));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (!(await citusServer(serverUrl))) {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(serverUrl, `CREATE DATABASE ${name}`);
    return { url: url.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  // Citus: the copy on the coordinator first, which names the workers; then one on each worker.
  const copy = async (server: string) => {
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(server, `CREATE DATABASE ${name} TEMPLATE ${CITUS_TEMPLATE}`).catch((e: Error) => {
      throw new Error(`${e.message} (a Citus server needs the database ${CITUS_TEMPLATE} on each node: run .ci/citus-up)`);
    });
  };
  await copy(serverUrl);
  const workers = await withClient(url.toString(), (c) =>
    c.query<{ host: string; port: number }>(
      "SELECT nodename AS host, nodeport AS port FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0 ORDER BY nodeid",
    ),
  );
  const servers = workers.rows.map((w) => {
    const u = new URL(serverUrl);
    u.hostname = w.host;
    u.port = String(w.port);
    return u.toString();
  });
  for (const server of servers) await copy(server);
  return {
    url: url.toString(),
    async drop() {
      for (const server of [serverUrl, ...servers]) await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
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
