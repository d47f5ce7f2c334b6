// kedu plans resample: computes past 双随机 draws again from their stored seeds and pools and compares
// them, rank by rank, with the tasks they made (docs/inspections.md "Sampling"). With --verify a draw
// that does not reproduce ends the run with exit code 3, as `kedu audit verify` does for the log.
import { Command } from 'commander';
import { SYSTEM_CALLER, type Caller } from '../auth/caller.ts';
import { checkDraw, drawsOf, type DrawCheck } from '../inspections/draw.ts';
import { callerForUsername } from '../auth/users.ts';
import { withStore } from './context.ts';
import { EXIT, fail, print, setExitCode } from './output.ts';

interface ResampleOptions {
  plan?: string;
  draw?: string;
  year?: string;
  region?: string;
  user?: string;
  verify?: boolean;
  json?: boolean;
}

export function plansCommand(): Command {
  const plans = new Command('plans').description('年度检查计划 (annual inspection plans and their 双随机 draws)');
  plans
    .command('resample')
    .description('按保存的种子和名录重新计算已完成的抽取，与其生成的检查任务逐一比对')
    .option('--plan <id>', 'only the draws of this plan')
    .option('--draw <id>', 'only this draw')
    .option('--year <year>', 'only the draws of plans of this year')
    .option('--region <code>', 'only the draws of this region (administrative code)')
    .option('--user <username>', 'run as this account (its jurisdiction applies); default: the system')
    .option('--verify', 'exit with code 3 when a draw does not reproduce')
    .option('--json', 'print the results as JSON')
    .action(async (opts: ResampleOptions, cmd: Command) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100))
        fail(`--year 应为年份（got ${opts.year}）`, EXIT.usage);
      const checks = await withStore(cmd, async (store) => {
        let caller: Caller = SYSTEM_CALLER;
        if (opts.user) caller = (await callerForUsername(store, opts.user)) ?? fail(`账号不存在或已停用：${opts.user}`, EXIT.usage);
        const draws = await drawsOf(store, caller, { planId: opts.plan, drawId: opts.draw, year, regionCode: opts.region });
        const out: DrawCheck[] = [];
        for (const d of draws) out.push(await checkDraw(store, d));
        return out;
      });
      const failed = checks.filter((c) => !c.ok);
      if (opts.json) print(JSON.stringify(checks) + '\n');
      else {
        const reproduced = checks.filter((c) => c.ok && c.reproducible).length;
        const external = checks.filter((c) => !c.reproducible && c.ok).length;
        print(`抽取 ${checks.length} 次：复现一致 ${reproduced} 次，外部抽取（无种子）${external} 次，不一致 ${failed.length} 次\n`);
        for (const c of failed) {
          print(`  - ${c.drawId}（${c.planName}）：${c.message}\n`);
          for (const m of c.mismatches.slice(0, 10)) print(`      第 ${m.rank + 1} 名 ${m.taskId}：应为 ${m.expected}，实为 ${m.found}\n`);
        }
      }
      if (opts.verify && failed.length) setExitCode(EXIT.verificationFailed);
      else if (!checks.length) print('没有符合条件的抽取\n');
    });
  return plans;
}
