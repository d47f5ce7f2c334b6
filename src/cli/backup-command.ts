// kedu backup: a consistent copy of the embedded store as a new DuckDB file, taken while Kedu runs (the
// copy is made by the process that holds the store: this one, or the running server the command is
// forwarded to). Restoring is opening the copy: stop the server and put the file in place of
// data/kedu.duckdb (docs/deploy.md). PostgreSQL deployments use pg_dump.
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { userPath, withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';

export function backupCommand(): Command {
  return new Command('backup')
    .description('备份存储：把内嵌 DuckDB 存储复制为一个新的 DuckDB 文件（服务运行时也可执行）；PostgreSQL 请用 pg_dump')
    .requiredOption('-o, --out <file>', '备份文件（须为尚不存在的文件，如 backup/kedu-20260115.duckdb）')
    .action(async (o: { out: string }, cmd: Command) => {
      const out = userPath(o.out);
      if (existsSync(out)) fail(`备份文件已存在：${o.out}（请换一个文件名，备份不覆盖已有文件）`, EXIT.usage);
      const started = Date.now();
      const tables = await withStore(cmd, async (store) => {
        const [db] = await store.query<{ d: string }>('SELECT current_database() AS d');
        const statements = store.dialect.backupStatements(out, db.d);
        if (!statements)
          fail('PostgreSQL 存储请用 pg_dump 备份，例如：pg_dump --format=custom --file=kedu.dump "$DATABASE_URL"', EXIT.usage);
        await store.session(async (s) => {
          for (const statement of statements) await s.exec(statement);
        });
        const [{ n }] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = $1`, [db.d]);
        // A backup moves the whole store out of the system: it is traced like an export.
        await withAudit(store, EVERY_CHAIN, async () => ({
          result: null,
          audit: [{ actor: SYSTEM_CALLER.userId, action: 'store.backup', target: out, detail: { tables: Number(n) } }],
        }));
        return Number(n);
      });
      print(`已备份 ${tables} 张表 → ${o.out}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    });
}
