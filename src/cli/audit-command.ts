// kedu audit verify: walks each city's keyed hash chain (and the province's) and holds its end against
// this server's anchor, naming every edited, inserted or deleted entry, a truncated or emptied chain,
// and a missing or forged anchor. kedu audit anchor: the daily anchoring (from cron) — every chain
// verified and, where it verifies, anchored at its head now.
import { Command } from 'commander';
import { anchorAllChains, chainLabel, verifyAuditLog, type AuditVerification } from '../audit/audit-log.ts';
import { anchorPath } from '../audit/anchor.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { withStore } from './context.ts';
import { EXIT, print, setExitCode } from './output.ts';

function printProblems(result: AuditVerification): void {
  const chains = new Set(result.problems.map((p) => p.chain)).size;
  print(`审计日志被篡改：${result.entries} 条记录中，${chains} 条链发现 ${result.problems.length} 处问题\n`);
  for (const p of result.problems) print(`  - [${p.chain} seq ${p.seq}] ${p.message}\n`);
}

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志 (hash-chained audit log, one chain per city)');
  audit
    .command('verify')
    .description('逐链校验审计日志哈希链（HMAC-SM3）及库外锚点；发现篡改时以退出码 3 结束')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      authorize(SYSTEM_CALLER, 'verify', { type: 'audit' });
      const result = await withStore(cmd, verifyAuditLog);
      if (opts.json) print(JSON.stringify(result) + '\n');
      else if (result.ok) {
        const chains = result.chains.map(
          (c) =>
            `；${chainLabel(c.chain)} ${c.entries} 条` +
            (c.anchored ? `，与库外锚点一致（至第${c.anchored.seq}条）` : '，本机锚点尚未覆盖（kedu audit anchor 补上）'),
        );
        print(
          `审计日志完好：${result.entries} 条记录，${result.chains.length} 条链，哈希链（HMAC-SM3）校验通过${chains.join('')}` +
            (result.anchor ? `（锚点：${result.anchor.path}）` : '') +
            '\n',
        );
      } else printProblems(result);
      setExitCode(result.ok ? EXIT.ok : EXIT.verificationFailed);
    });
  audit
    .command('anchor')
    .description('逐链校验后把每条链的最新记录写入本机锚点（每日由 cron 运行）；有链校验不通过时不锚定该链，以退出码 3 结束')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      authorize(SYSTEM_CALLER, 'verify', { type: 'audit' });
      const { verification, anchored, path } = await withStore(cmd, async (store) => ({
        ...(await anchorAllChains(store)),
        path: anchorPath(store.location),
      }));
      if (opts.json) print(JSON.stringify({ ok: verification.ok, anchored, problems: verification.problems }) + '\n');
      else {
        print(`已锚定 ${anchored.length} 条链（${path}）：\n`);
        for (const a of anchored) print(`  - ${chainLabel(a.chain)}：至第${a.seq}条\n`);
        if (!verification.ok) printProblems(verification);
      }
      setExitCode(verification.ok ? EXIT.ok : EXIT.verificationFailed);
    });
  return audit;
}
