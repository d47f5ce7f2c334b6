// Opens the store the global options name, runs a command body, and always closes the store.
import type { Command } from 'commander';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<{ databaseUrl?: string; duckdb?: string }>();
  const store = await openStore({ databaseUrl: g.databaseUrl, duckdbPath: g.duckdb });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
