// Picks the adapter: PostgreSQL when DATABASE_URL is a postgres:// URL, else the embedded DuckDB file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBStore } from './duckdb/duckdb-store.ts';
import { PostgresStore } from './postgres/postgres-store.ts';
import { migrate } from './migrate.ts';
import type { Store } from './store.ts';

export const DEFAULT_DUCKDB_PATH = 'data/kedu.duckdb';

export interface StoreOptions {
  databaseUrl?: string;
  duckdbPath?: string;
}

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL ?? '';
  let store: Store;
  if (/^postgres(ql)?:\/\//.test(url)) {
    store = await PostgresStore.open(url);
  } else {
    if (url)
      throw new Error(`DATABASE_URL must be a postgres:// URL (got "${url.slice(0, 20)}…"); leave it unset for the embedded DuckDB file`);
    const path = opts.duckdbPath ?? process.env.KEDU_DUCKDB ?? DEFAULT_DUCKDB_PATH;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    store = await DuckDBStore.open(path);
  }
  await migrate(store);
  return store;
}
