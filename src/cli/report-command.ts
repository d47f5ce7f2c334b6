// kedu report: a situation report (态势分析通报) for a jurisdiction and period, kept like one generated
// in the console, and written as Word (and PDF where LibreOffice is installed).
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { regionProblem } from '../domain/region.ts';
import { businessDate } from '../domain/dates.ts';
import { parsePeriod } from '../evaluation/period.ts';
import { docxToPdf, generateReport, reportDocx } from '../evaluation/report/reports.ts';
import { userPath, withStore } from './context.ts';
import { EXIT, fail, print } from './output.ts';

export function reportCommand(): Command {
  return new Command('report')
    .description('生成行政执法态势分析通报（Word，可另存 PDF）')
    .requiredOption('--region <code>', '通报的区划（省、市或县）')
    .requiredOption('--period <period>', '统计期间：2025（年）、2025H2、2025Q4 或 2025-11')
    .option('-o, --out <file>', '输出的 Word 文件（默认：通报标题.docx）')
    .option('--pdf', '同时用 LibreOffice 转存 PDF（同名 .pdf）')
    .option('--as-of <date>', '评价日（默认今天；演示数据用 2025-12-31）')
    .option('--json', 'JSON output')
    .action(async (o: { region: string; period: string; out?: string; pdf?: boolean; asOf?: string; json?: boolean }, cmd: Command) => {
      const rp = regionProblem(o.region);
      if (rp) fail(rp, EXIT.usage);
      const period = parsePeriod(o.period);
      if (typeof period === 'string') fail(period, EXIT.usage);
      const asOf = o.asOf ?? businessDate(new Date());
      if (period.from > asOf) fail(`统计期间 ${period.label} 尚未开始`, EXIT.usage);
      const started = Date.now();
      const { row, docx } = await withStore(cmd, async (store) => {
        const [region] = await store.query<{ code: string }>('SELECT code FROM regions WHERE code = $1', [o.region]);
        if (!region) fail(`区划 ${o.region} 不存在`, EXIT.usage);
        const row = await generateReport(store, {
          regionCode: o.region,
          period,
          asOf: period.to < asOf ? period.to : asOf,
          actor: 'system',
          trigger: 'cli',
        });
        return { row, docx: await reportDocx(row) };
      });
      const out = o.out ?? `${row.title}.docx`;
      writeFileSync(userPath(out), docx);
      const pdf = o.pdf ? out.replace(/\.docx$/i, '') + '.pdf' : null;
      if (pdf) writeFileSync(userPath(pdf), await docxToPdf(docx));
      const seconds = (Date.now() - started) / 1000;
      if (o.json) print(JSON.stringify({ id: row.id, number: row.number, title: row.title, docx: out, pdf, seconds }) + '\n');
      else print(`已生成 ${row.number}《${row.title}》→ ${out}${pdf ? `、${pdf}` : ''}（${seconds.toFixed(1)} 秒）\n`);
    });
}
