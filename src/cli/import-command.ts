// kedu import FILE --kind K: imports a CSV, XLSX, JSON Lines or JSON file of records in one batch
// (one transaction), idempotently; prints rows read / landed / rejected and the rate, and writes the
// rejected rows with their errors to an error CSV that Excel opens.
import { Command, Option } from 'commander';
import { basename, dirname, extname, join } from 'node:path';
import { IMPORT_KINDS, KIND_SPECS, isKind } from '../records/registry.ts';
import { FileProblem, ImportForbidden, importRows, type ImportReport } from '../ingest/import-batch.ts';
import { fileSource } from '../ingest/sources.ts';
import { ErrorCsvWriter } from '../ingest/error-file.ts';
import { describeError } from '../ingest/validate.ts';
import { maskRejectedRecord } from '../ingest/batches.ts';
import { UsageProblem, callerFor, userPath, withStore } from './context.ts';
import { EXIT, fail, progress, type Progress, print, setExitCode } from './output.ts';
import { io } from './io.ts';

interface ImportOptions {
  kind: string;
  sourceSystem?: string;
  errors?: string;
  user?: string;
  json?: boolean;
}

const defaultErrorPath = (file: string) => join(dirname(file), `${basename(file, extname(file))}.errors.csv`);

export function importCommand(): Command {
  return new Command('import')
    .description('导入执法记录文件（CSV / XLSX / JSON Lines / JSON），同一来源编号重复导入时更新、不重复')
    .argument('<file>', '文件路径：.csv（UTF-8 或 GBK/GB18030）、.xlsx（第一个工作表）、.jsonl、.json')
    .addOption(new Option('--kind <kind>', '数据类别').choices([...IMPORT_KINDS]).makeOptionMandatory())
    .option('--source-system <code>', '来源系统编码（文件中无 source_system 列时使用）')
    .option('--errors <path>', '错误明细文件（默认：与导入文件同目录的 <文件名>.errors.csv）')
    .option('--user <username>', '以该用户身份导入（按其辖区和所属部门校验）；默认以系统身份导入全省数据')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `\n数据类别：\n${IMPORT_KINDS.map((k) => `  ${k.padEnd(18)}${KIND_SPECS[k].label}`).join('\n')}\n各类别的列格式见 docs/import-formats.md`,
    )
    .action(async (typed: string, o: ImportOptions, cmd: Command) => {
      const file = userPath(typed);
      if (!isKind(o.kind) || !KIND_SPECS[o.kind].importable) fail(`未知的数据类别：${o.kind}`, EXIT.usage);
      const kind = o.kind;
      const shownErrorPath = o.errors ?? defaultErrorPath(typed);
      const errorPath = userPath(shownErrorPath);
      const errorFile = new ErrorCsvWriter(errorPath);
      let bar: Progress | null = null;
      let report: ImportReport;
      try {
        report = await withStore(cmd, async (store) => {
          const caller = await callerFor(store, o.user);
          const source = await fileSource(file);
          bar = o.json ? null : progress(`导入 ${basename(file)}`, 100);
          return importRows(store, source, {
            kind,
            caller,
            sourceSystem: o.sourceSystem,
            onColumns: (columns) => errorFile.setColumns(columns),
            onRejected: (r) =>
              errorFile.write(
                r.row,
                r.errors.map((e) => describeError(KIND_SPECS[kind], e)),
                maskRejectedRecord(caller, kind, r.record),
              ),
            onProgress: (p) => {
              if (p.phase === 'read') bar?.update(Math.floor((p.done / Math.max(1, p.total)) * 100));
              else {
                bar?.update(100);
                bar?.stop();
                bar = null;
                if (!o.json) io().err('写入数据库…\n');
              }
            },
          });
        });
      } catch (e) {
        (bar as Progress | null)?.stop();
        await errorFile.close();
        if (e instanceof FileProblem || e instanceof ImportForbidden || e instanceof UsageProblem) fail(e.message, EXIT.usage);
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail(`文件不存在：${typed}`, EXIT.usage);
        throw e;
      }
      await errorFile.close();
      if (o.json) {
        print(JSON.stringify({ ...report, errorFile: errorFile.rows ? shownErrorPath : null }) + '\n');
      } else {
        const r = report;
        const rate = r.rowsPerSecond.toLocaleString('en-US');
        print(
          `读取 ${r.rowsRead} 行，入库 ${r.landed} 条（新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}` +
            `${r.duplicates ? `，文件内重复 ${r.duplicates} 行` : ''}），拒绝 ${r.rowsBad} 行；` +
            `用时 ${r.seconds.toFixed(2)} 秒，${rate} 行/秒\n` +
            `批次 ${r.batchId}（来源系统 ${r.sourceSystem || '—'}${r.encoding ? `，编码 ${r.encoding.toUpperCase()}` : ''}）\n`,
        );
        for (const n of r.notes.slice(0, 20)) print(`  注：${n}\n`);
        if (r.errors.length) {
          for (const e of r.errors.slice(0, 10)) print(`  ${e.text}\n`);
          if (r.rowsBad > 10) print(`  ……\n`);
        }
        if (errorFile.rows) print(`错误明细已写入 ${shownErrorPath}（${errorFile.rows} 行，可在 Excel 中修改后重新导入）\n`);
        if (r.initialPasswords?.length) {
          print(`新建账号 ${r.initialPasswords.length} 个，初始密码仅显示这一次（系统只保存其哈希），请转交本人并提醒首次登录后修改：\n`);
          for (const c of r.initialPasswords) print(`  ${c.username}\t${c.displayName}\t${c.password}\n`);
        }
      }
      if (report.rowsRead > 0 && report.rowsOk === 0) setExitCode(EXIT.failure);
    });
}
