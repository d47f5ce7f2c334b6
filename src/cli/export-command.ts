// kedu export: a record table as CSV or Parquet, for the province data lake — what the caller may read
// (the system: the region given; --user: that account's jurisdiction), personal data masked for its role.
import { Command } from 'commander';
import { regionProblem } from '../domain/region.ts';
import { KeduError } from '../domain/errors.ts';
import { EXPORT_KINDS, exportRecords } from '../integration/export.ts';
import { isRecordKind } from '../policy/index.ts';
import { UsageProblem, callerFor, userPath, withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('导出执法数据（CSV 或 Parquet）')
    .requiredOption('--kind <kind>', `数据类别：${EXPORT_KINDS.join(' | ')}`)
    .requiredOption('-o, --out <file>', '输出文件')
    .option('--format <format>', 'csv | parquet（默认按文件扩展名）')
    .option('--region <code>', '仅导出该区划（含下级）；以系统身份导出时适用', '330000')
    .option('--user <username>', '以该用户身份导出（其辖区、其角色的个人信息脱敏）')
    .action(async (o: { kind: string; out: string; format?: string; region: string; user?: string }, cmd: Command) => {
      if (!isRecordKind(o.kind)) fail(`未知数据类别 ${o.kind}，可选：${EXPORT_KINDS.join(', ')}`, EXIT.usage);
      const kind = o.kind;
      const format = o.format ?? (o.out.endsWith('.parquet') ? 'parquet' : 'csv');
      if (format !== 'csv' && format !== 'parquet') fail(`格式须为 csv 或 parquet：${format}`, EXIT.usage);
      const rp = regionProblem(o.region);
      if (rp) fail(rp, EXIT.usage);
      const started = Date.now();
      try {
        const rows = await withStore(cmd, async (store) => {
          const caller = await callerFor(store, o.user);
          return exportRecords(store, o.user ? caller : { ...caller, regionCode: o.region }, kind, format, userPath(o.out));
        });
        print(`已导出 ${rows} 行 → ${o.out}（${format}，${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
      } catch (e) {
        if (e instanceof UsageProblem || e instanceof KeduError) fail(e.message, EXIT.usage);
        throw e;
      }
    });
}
