// Opens the store the global options name, runs a command body, and always closes the store. Inside
// the server (a forwarded command), the server's own store is used and left open.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { io } from './io.ts';

export interface StoreOptions {
  databaseUrl?: string;
  duckdb?: string;
}

export const storeOptions = (cmd: Command): StoreOptions => cmd.optsWithGlobals<StoreOptions>();

export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const shared = io().store;
  if (shared) return fn(shared);
  const g = storeOptions(cmd);
  const store = await openStore({ databaseUrl: g.databaseUrl, duckdbPath: g.duckdb });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A path the user typed, relative to where they typed it (the server's working directory may differ). */
export const userPath = (path: string): string => resolve(io().cwd, path);
