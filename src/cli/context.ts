// Opens the store the global options name, runs a command body, and always closes the store; and the
// caller a command acts as: the system (the whole province, as the admin) or, with --user, an account,
// whose jurisdiction, agency and role the policy layer applies as it would to the same person online.
import type { Command } from 'commander';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { SYSTEM_CALLER, type Caller } from '../auth/caller.ts';
import { callerForUsername } from '../auth/users.ts';

/** A problem with the command's input (exit code 2). */
export class UsageProblem extends Error {}

export async function callerFor(store: Store, username?: string): Promise<Caller> {
  if (!username) return SYSTEM_CALLER;
  const caller = await callerForUsername(store, username);
  if (!caller) throw new UsageProblem(`用户不存在或已停用：${username}`);
  return caller;
}

export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<{ databaseUrl?: string; duckdb?: string }>();
  const store = await openStore({ databaseUrl: g.databaseUrl, duckdbPath: g.duckdb });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
