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
    store = await DuckDBStore.open(path).catch((e: Error) => {
      throw lockedFile(path, e);
    });
  }
  await migrate(store);
  return store;
}

/**
 * DuckDB lets one process open a file for writing. A `kedu serve` that is up takes the other commands
 * (src/cli/beside.ts); what is left is another command still running, or a server still starting (it
 * takes them once it listens): said in Chinese, naming the process, instead of DuckDB's IO error.
 */
function lockedFile(path: string, e: Error): Error {
  const held = /Could not set lock on file .*Conflicting lock is held in .*\(PID (\d+)\)/.exec(e.message);
  if (!held) return e;
  return new Error(
    `存储文件 ${path} 正被另一个进程（进程 ${held[1]}）使用：内嵌存储同一时间只允许一个进程写入。` +
      '若是另一条 kedu 命令，请等它结束后重试；若是正在启动的 kedu serve，请等它启动完毕（显示“Kedu 刻度已启动”）后重试，命令将交由服务执行',
  );
}
