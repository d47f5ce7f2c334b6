// kedu demo: generates the deterministic demo data set (src/demo) into the store, with a progress bar
// and the measured rate at the end.
import { Command, InvalidArgumentError } from 'commander';
import { DemoError, generateDemo } from '../demo/generate.ts';
import { SCALES, type ScaleName } from '../demo/scale.ts';
import { withStore } from './context.ts';
import { isIsoDate } from '../domain/dates.ts';
import { ensureDemoAccounts } from '../demo/demo-accounts.ts';
import { generateSupervision } from '../demo/supervision.ts';
import { EXIT, fail, print, progress } from './output.ts';
import { io } from './io.ts';

function parseSeed(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw new InvalidArgumentError('种子须为 0 至 4294967295 之间的整数');
  return Number(v);
}

function parseDate(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError('日期须为 YYYY-MM-DD');
  return v;
}

function parseShare(v: string): number {
  const n = Number(v);
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(v) || !(n >= 0 && n <= 1)) throw new InvalidArgumentError('预置违规比例须为 0 至 1 之间的小数');
  return n;
}

function parseScale(v: string): ScaleName {
  if (!(SCALES as readonly string[]).includes(v)) throw new InvalidArgumentError(`规模须为 ${SCALES.join(' | ')}`);
  return v as ScaleName;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('生成演示数据（确定性：同一规模和种子生成相同数据），并在 ground_truth 表登记预置的违规记录')
    .option('--scale <scale>', `规模：demo（约15万条记录）| city（约350万条）| hangzhou（约3300万条）`, parseScale, 'demo' as ScaleName)
    .option('--seed <n>', '随机种子', parseSeed, 1)
    .option('--reset', '先清空业务记录、主体、执法主体、回访和问题线索，再生成')
    .option('--as-of <date>', '数据截止日期（YYYY-MM-DD，默认今天）；给出时服务按该日判断', parseDate)
    .option('--plant-share <share>', '保留的预置违规比例（0–1；默认按规模：demo 与 city 为 1，hangzhou 为 0.05）', parseShare)
    .option('--no-history', '不生成监督办理过程（demo 规模默认生成：模型线索、交办整改、文书）')
    .option('--json', '以 JSON 输出结果')
    .action(
      async (
        o: { scale: ScaleName; seed: number; reset?: boolean; asOf?: string; plantShare?: number; history: boolean; json?: boolean },
        cmd: Command,
      ) => {
        try {
          const result = await withStore(cmd, async (store) => {
            const bar = o.json ? null : progress(`生成演示数据（${o.scale}，种子 ${o.seed}）`, 1);
            // After the records, the steps by name (on stderr, --json too), each with the time it took.
            let stage: { name: string; at: number } | null = null;
            const endStage = () => {
              if (stage) io().err(`  用时 ${((performance.now() - stage.at) / 1000).toFixed(1)} 秒\n`);
              stage = null;
            };
            const onStage = (name: string) => {
              bar?.stop();
              endStage();
              io().err(`${name}…\n`);
              stage = { name, at: performance.now() };
            };
            try {
              const records = await generateDemo(store, {
                scale: o.scale,
                seed: o.seed,
                asOf: o.asOf,
                reset: o.reset ?? false,
                plantShare: o.plantShare,
                onProgress: (done, total) => bar?.update(done, total),
                onStage,
              });
              endStage();
              bar?.stop();
              // The history is the demo scale's: at city scale and above it would be hundreds of thousands of clues.
              if (!o.history || o.scale !== 'demo') return { ...records, supervision: null };
              await ensureDemoAccounts(store);
              return { ...records, supervision: await generateSupervision(store, { seed: o.seed, asOf: records.asOf }) };
            } finally {
              bar?.stop();
            }
          });
          if (o.json) {
            print(`${JSON.stringify(result)}\n`);
            return;
          }
          const rate = Math.round(result.records / Math.max(result.seconds, 0.001));
          const lines = Object.entries(result.counts).map(([t, n]) => `  ${t.padEnd(18)} ${n.toLocaleString('en-US').padStart(12)}`);
          const planted = Object.entries(result.planted).map(([v, n]) => `  ${v.padEnd(26)} ${String(n).padStart(8)}`);
          print(
            [
              '各表行数：',
              ...lines,
              '预置违规（ground_truth）：',
              ...planted,
              `记录 ${result.records.toLocaleString('en-US')} 条，截至 ${result.asOf}，用时 ${result.seconds.toFixed(1)} 秒，${rate.toLocaleString('en-US')} 条/秒`,
              ...(result.supervision
                ? [
                    `监督办理过程：问题线索 ${result.supervision.clues} 条（${Object.entries(result.supervision.byStatus)
                      .map(([s, n]) => `${s} ${n}`)
                      .join(
                        '，',
                      )}），办理记录 ${result.supervision.events} 条，文书 ${result.supervision.notices} 份，用时 ${result.supervision.seconds.toFixed(1)} 秒`,
                  ]
                : []),
            ].join('\n') + '\n',
          );
        } catch (e) {
          if (e instanceof DemoError) fail(e.message, EXIT.usage);
          fail((e as Error).message);
        }
      },
    );
}
