// kedu audit verify: walks the keyed hash chain and holds its end against the anchor, naming every
// edited, inserted or deleted entry, a truncated or emptied log, and a missing or forged anchor.
import { Command } from 'commander';
import { verifyAuditLog } from '../audit/audit-log.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { withStore } from './context.ts';
import { EXIT, print, setExitCode } from './output.ts';

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志 (hash-chained audit log)');
  audit
    .command('verify')
    .description('校验审计日志哈希链（HMAC-SM3）及库外锚点；发现篡改时以退出码 3 结束')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      authorize(SYSTEM_CALLER, 'verify', { type: 'audit' });
      const result = await withStore(cmd, verifyAuditLog);
      if (opts.json) print(JSON.stringify(result) + '\n');
      else if (result.ok)
        print(
          `审计日志完好：${result.entries} 条记录，哈希链（HMAC-SM3）校验通过` +
            (result.anchor ? `，与库外锚点一致（至第${result.anchor.seq}条，${result.anchor.path}）` : '') +
            '\n',
        );
      else {
        print(`审计日志被篡改：${result.entries} 条记录中发现 ${result.problems.length} 处问题\n`);
        for (const p of result.problems) print(`  - [seq ${p.seq}] ${p.message}\n`);
      }
      setExitCode(result.ok ? EXIT.ok : EXIT.verificationFailed);
    });
  return audit;
}
