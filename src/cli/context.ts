// Opens the store the global options name, runs a command body, and always closes the store.
import type { Command } from 'commander';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { Caller, Role } from '../auth/caller.ts';

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
  const [u] = await store.query<{
    id: string;
    username: string;
    display_name: string;
    role: Role;
    region_code: string;
    agency_id: string | null;
    disabled: boolean;
  }>('SELECT id, username, display_name, role, region_code, agency_id, disabled FROM users WHERE username = $1', [username]);
  if (!u || u.disabled) return null;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    agencyId: u.agency_id,
  };
}
