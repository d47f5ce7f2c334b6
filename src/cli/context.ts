// Opens the store the global options name, runs a command body, and always closes the store.
import type { Command } from 'commander';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { Caller } from '../auth/caller.ts';
import { toCaller, type UserRow } from '../auth/users.ts';

export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<{ databaseUrl?: string; duckdb?: string }>();
  const store = await openStore({ databaseUrl: g.databaseUrl, duckdbPath: g.duckdb });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The account a command runs as (--user): its jurisdiction and agency apply; null when there is none or it is disabled. */
export async function callerForUser(store: Store, username: string): Promise<Caller | null> {
  const [u] = await store.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
  return u && !u.disabled ? toCaller(u) : null;
}
