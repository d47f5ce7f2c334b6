// Opens the store the global options name, runs a command body, and always closes the store. Inside
// the server (a forwarded command), the server's own store is used and left open.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { Caller } from '../auth/caller.ts';
import { toCaller, type UserRow } from '../auth/users.ts';
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

/** The account a command runs as (--user): its jurisdiction and agency apply; null when there is none or it is disabled. */
export async function callerForUser(store: Store, username: string): Promise<Caller | null> {
  const [u] = await store.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return u && !u.disabled ? toCaller(u) : null;
}
