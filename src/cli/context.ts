// Opens the store the global options name, runs a command body, and always closes the store. Inside
// the server (a forwarded command), the server's own store is used and left open. And the caller a
// command acts as: the system (the whole province, as the admin) or, with --user, an account, whose
// jurisdiction, agency and role the policy layer applies as it would to the same person online.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { SYSTEM_CALLER, type Caller } from '../auth/caller.ts';
import { callerForUsername } from '../auth/users.ts';
import { io } from './io.ts';

/** A problem with the command's input (exit code 2). */
export class UsageProblem extends Error {}

export async function callerFor(store: Store, username?: string): Promise<Caller> {
  if (!username) return SYSTEM_CALLER;
  const caller = await callerForUsername(store, username);
  if (!caller) throw new UsageProblem(`用户不存在或已停用：${username}`);
  return caller;
}

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
