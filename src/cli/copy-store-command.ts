// kedu copy-store: the whole store copied into a new one of another engine — a county that began on the
// embedded file moves to PostgreSQL or a Citus coordinator (docs/deploy.md, "Moving to PostgreSQL").
// The source's audit log must verify first: the copy carries its chains and their anchor, so a log
// altered before the copy would look whole after it. The copy is audited on both sides.
import { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { recordAudit, verifyAuditLog } from '../audit/audit-log.ts';
import { readAnchor, writeAnchor } from '../audit/anchor.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { openStore } from '../store/open-store.ts';
import { CopyRefused, copyStore } from '../store/copy-store.ts';
import { userPath, withStore } from './context.ts';
import { EXIT, fail, print, progress } from './output.ts';

export function copyStoreCommand(): Command {
  return new Command('copy-store')
    .description('把整个存储复制到一个新的存储（如从内嵌 DuckDB 迁到 PostgreSQL 或 Citus）；审计链与锚点随之复制')
    .requiredOption('--to <target>', '目标：postgres://… 的空数据库，或尚不存在的 .duckdb 文件')
    .action(async (o: { to: string }, cmd: Command) => {
      const toServer = /^postgres(ql)?:\/\//.test(o.to);
      const toFile = toServer ? '' : userPath(o.to);
      if (toFile && existsSync(toFile)) fail(`目标文件已存在：${o.to}（复制不覆盖已有文件）`, EXIT.usage);
      const started = Date.now();
      const report = await withStore(cmd, async (source) => {
        const verification = await verifyAuditLog(source);
        if (!verification.ok)
          fail(`源存储的审计日志未通过校验（${verification.problems[0]?.message ?? ''}）：请先用 kedu audit verify 查明，再复制`);
        const target = await openStore(toServer ? { databaseUrl: o.to } : { databaseUrl: '', duckdbPath: toFile });
        let done = false;
        try {
          const bar = progress('复制存储', 1);
          const copied = await copyStore(source, target, (p) => bar.update(p.done, p.of)).finally(() => bar.stop());
          // The target's log is the source's: it is anchored where the source was, then takes the copy's entry.
          const anchor = readAnchor(source.location);
          if (anchor.state === 'valid') writeAnchor(target.location, anchor.anchor.chains);
          const entry = (direction: 'to' | 'from', other: string) => ({
            actor: SYSTEM_CALLER.userId,
            action: 'store.copy',
            target: other,
            detail: { direction, tables: copied.tables, rows: copied.rows },
          });
          await recordAudit(target, entry('from', source.location));
          await recordAudit(source, entry('to', target.location));
          done = true;
          return copied;
        } catch (e) {
          if (e instanceof CopyRefused) fail(e.message, EXIT.usage);
          throw e;
        } finally {
          await target.close();
          // A file this command made goes with a failed copy: running it again finds nothing in the way.
          if (!done && toFile) for (const f of [toFile, `${toFile}.wal`]) rmSync(f, { force: true });
        }
      });
      print(
        `已复制 ${report.tables} 张表、${report.rows.toLocaleString('zh-CN')} 行 → ${toServer ? new URL(o.to).pathname.slice(1) : o.to}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
      );
    });
}
