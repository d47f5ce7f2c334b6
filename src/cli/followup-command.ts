// kedu followup: follow-up campaigns in batch — list, draw and verify a draw, export the call list for
// the call centre (the integration account: full phone numbers), analyse answers again after the
// lexicon changed, and write a campaign's report as a Word document.
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { businessDate } from '../domain/dates.ts';
import { listCampaigns } from '../followup/campaigns.ts';
import { drawCampaign, verifyDraw } from '../followup/selection.ts';
import { callList, callListCsv } from '../followup/calls.ts';
import { analyzePending } from '../followup/land.ts';
import { campaignReport } from '../followup/results.ts';
import { renderReportDocx } from '../followup/report-docx.ts';
import { userPath, withStore } from './context.ts';
import { EXIT, print as out, setExitCode } from './output.ts';

const print = (json: boolean | undefined, value: unknown, text: string) => out(json ? JSON.stringify(value) + '\n' : text + '\n');

export function followupCommand(): Command {
  const f = new Command('followup').description('回访：活动、抽取、外呼名单、答复分析、报告');

  f.command('list')
    .description('列出回访活动')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const r = await withStore(cmd, (store) => listCampaigns(store, SYSTEM_CALLER, { page: 1, pageSize: 500 }));
      print(
        o.json,
        r,
        r.rows.map((c) => `${c.id.padEnd(36)} ${c.statusLabel}  ${c.tasks} 个对象  ${c.name}`).join('\n') + `\n共 ${r.total} 个回访活动`,
      );
    });

  f.command('draw')
    .description('抽取回访对象（随机种子留存并记入审计日志）')
    .requiredOption('--campaign <id>', '回访活动编号')
    .option('--seed <seed>', '指定随机种子（默认随机生成）')
    .option('--json', 'JSON output')
    .action(async (o: { campaign: string; seed?: string; json?: boolean }, cmd: Command) => {
      const d = await withStore(cmd, (store) => drawCampaign(store, SYSTEM_CALLER, o.campaign, { seed: o.seed }));
      const { picks, ...rest } = d;
      print(
        o.json,
        { ...rest, selected: picks.length },
        `已抽取 ${picks.length} 个回访对象（候选 ${d.candidates}，近期已回访排除 ${d.excludedRecent}），随机种子 ${d.seed}`,
      );
    });

  f.command('verify')
    .description('复核抽取：以留存的随机种子重新抽取并与已抽取的对象比对')
    .requiredOption('--campaign <id>', '回访活动编号')
    .option('--json', 'JSON output')
    .action(async (o: { campaign: string; json?: boolean }, cmd: Command) => {
      const v = await withStore(cmd, (store) => verifyDraw(store, SYSTEM_CALLER, o.campaign));
      print(
        o.json,
        v,
        v.same
          ? `复核一致：以种子 ${v.seed} 重新抽取得到相同的 ${v.redrawn} 个对象${v.sameCandidates ? '' : '（候选记录已有变化）'}`
          : `复核不一致：缺少 ${v.missing.length} 个、多出 ${v.extra.length} 个、回访人员不同 ${v.askersDiffer.length} 个`,
      );
      setExitCode(v.same ? EXIT.ok : EXIT.verificationFailed);
    });

  f.command('call-list')
    .description('导出外呼名单（CSV，供呼叫中心；含完整联系电话）')
    .requiredOption('--campaign <id>', '回访活动编号')
    .requiredOption('--out <file>', '输出 CSV 文件')
    .option('--second', '导出待人工复核的名单')
    .action(async (o: { campaign: string; out: string; second?: boolean }, cmd: Command) => {
      const r = await withStore(cmd, (store) => callList(store, SYSTEM_CALLER, o.campaign, { which: o.second ? 'second' : 'first' }));
      writeFileSync(userPath(o.out), callListCsv(r.rows));
      out(`已写入 ${o.out}（${r.rows.length} 条）\n`);
    });

  f.command('analyze')
    .description('分析尚未分析的答复；--all：以当前词表重新分析全部答复')
    .option('--all', '重新分析以旧词表分析过的答复')
    .action(async (o: { all?: boolean }, cmd: Command) => {
      const started = Date.now();
      const n = await withStore(cmd, (store) => analyzePending(store, { all: o.all }));
      out(`已分析 ${n} 份答复（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    });

  f.command('report')
    .description('回访活动报告（Word）')
    .requiredOption('--campaign <id>', '回访活动编号')
    .requiredOption('--out <file>', '输出 .docx 文件')
    .option('--as-of <date>', '以该日期为“今天”（YYYY-MM-DD）')
    .action(async (o: { campaign: string; out: string; asOf?: string }, cmd: Command) => {
      const today = o.asOf ?? businessDate(new Date());
      const bytes = await withStore(cmd, async (store) => {
        const r = await campaignReport(store, SYSTEM_CALLER, o.campaign, today);
        const [region] = await store.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [r.campaign.regionCode]);
        return renderReportDocx(r, `${region?.name ?? ''}司法局`, today);
      });
      writeFileSync(userPath(o.out), bytes);
      out(`已写入 ${o.out}\n`);
    });
  return f;
}
