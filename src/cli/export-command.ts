// kedu export: a record table of the jurisdiction as CSV or Parquet, for the province data lake.
import { Command } from 'commander';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { regionProblem } from '../domain/region.ts';
import { EXPORT_KINDS, exportRecords } from '../integration/export.ts';
import type { Kind } from '../records/registry.ts';
import { userPath, withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('导出执法数据（CSV 或 Parquet）')
    .requiredOption('--kind <kind>', `数据类别：${EXPORT_KINDS.join(' | ')}`)
    .requiredOption('-o, --out <file>', '输出文件')
    .option('--format <format>', 'csv | parquet（默认按文件扩展名）')
    .option('--region <code>', '仅导出该区划（含下级）', '330000')
    .action(async (o: { kind: string; out: string; format?: string; region: string }, cmd: Command) => {
      if (!EXPORT_KINDS.includes(o.kind as Kind)) fail(`未知数据类别 ${o.kind}，可选：${EXPORT_KINDS.join(', ')}`, EXIT.usage);
      const format = o.format ?? (o.out.endsWith('.parquet') ? 'parquet' : 'csv');
      if (format !== 'csv' && format !== 'parquet') fail(`格式须为 csv 或 parquet：${format}`, EXIT.usage);
      const rp = regionProblem(o.region);
      if (rp) fail(rp, EXIT.usage);
      const started = Date.now();
      const rows = await withStore(cmd, (store) =>
        exportRecords(store, { ...SYSTEM_CALLER, regionCode: o.region }, o.kind as Kind, format, userPath(o.out)),
      );
      print(`已导出 ${rows} 行 → ${o.out}（${format}，${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    });
}
