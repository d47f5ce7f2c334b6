// kedu models: run the supervision models in batch, score them against the demo ground truth, and
// write docs/models.md from the definitions.
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { MODELS, findModel } from '../models/library/index.ts';
import { runModels, type ModelRunReport } from '../models/runner.ts';
import { enabledLocalModels } from '../models/local/local-models.ts';
import { exclusiveRun, RunInProgress } from '../models/run-lock.ts';
import { MIN_SCORE, belowMinScore, scoreModels, triageFigures, SERIOUS } from '../models/score.ts';
import { PROCEDURE_LABELS } from '../models/triage/procedure.ts';
import { modelsMarkdown } from '../models/docs.ts';
import { regionProblem } from '../domain/region.ts';
import type { ModelDefinition } from '../models/model.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';
import { userPath, withStore } from './context.ts';
import { EXIT, fail, progress, print, setExitCode } from './output.ts';

function pick(code?: string): ModelDefinition[] {
  if (!code) return [...MODELS];
  const m = findModel(code);
  if (!m) fail(`未知模型 ${code}；可用：${MODELS.map((x) => x.code).join(', ')}`, EXIT.usage);
  return [m];
}

export function modelsCommand(): Command {
  const models = new Command('models').description('监督模型库');

  models
    .command('list')
    .description('列出全部模型')
    .action(() => {
      for (const m of MODELS) print(`${m.code.padEnd(28)} ${m.category.padEnd(11)} ${m.severity.padEnd(6)} ${m.name}\n`);
      print(`共 ${MODELS.length} 个模型\n`);
    });

  models
    .command('run')
    .description('批量运行模型，生成问题线索')
    .option('--model <code>', '只运行该模型')
    .option('--region <code>', '只运行该区划（含下级）', '330000')
    .option('--as-of <date>', '以该日期为“今天”（YYYY-MM-DD）')
    .option('--incremental', '增量运行：声明可增量的模型只看上次运行以来新增或变更的记录所涉对象（首次运行、参数改过时全量）')
    .option('--json', 'JSON output')
    .action(async (o: { model?: string; region: string; asOf?: string; incremental?: boolean; json?: boolean }, cmd: Command) => {
      const rp = regionProblem(o.region);
      if (rp) fail(rp, EXIT.usage);
      authorize(SYSTEM_CALLER, 'run', { type: 'model', regionCode: o.region });
      const list = pick(o.model);
      const started = Date.now();
      const reports = await withStore(cmd, async (store) => {
        // The whole library runs with the local models switched on (each over its own region).
        const models = o.model ? list : [...list, ...(await enabledLocalModels(store))];
        const bar = progress('运行模型', models.length);
        const run = () =>
          runModels(store, models, {
            regionCode: o.region,
            asOf: o.asOf,
            trigger: 'batch',
            incremental: o.incremental,
            onProgress: (done) => bar.update(done),
          });
        try {
          // The whole library: one run at a time over a region, also beside a server's runs.
          return o.model ? await run() : await exclusiveRun(store, { regionCode: o.region, trigger: 'batch', actor: 'system' }, run);
        } catch (e) {
          if (e instanceof RunInProgress) fail(e.message, EXIT.failure);
          throw e;
        } finally {
          bar.stop();
        }
      });
      if (o.json) {
        print(JSON.stringify(reports) + '\n');
        return;
      }
      for (const r of reports)
        print(
          `${r.code.padEnd(28)} ${String(r.hits).padStart(7)} 命中 ${String(r.newHits).padStart(7)} 新命中 ${String(r.newClues).padStart(6)} 新线索 ${String(r.millis).padStart(7)} ms  ${r.name}${scopeText(r.scope)}\n`,
        );
      const sum = (f: (r: (typeof reports)[number]) => number) => reports.reduce((s, r) => s + f(r), 0);
      print(
        `共 ${reports.length} 个模型，${sum((r) => r.hits)} 条命中（新 ${sum((r) => r.newHits)} 条）；` +
          `新开简易线索 ${sum((r) => r.triage.simple)} 条、一般线索 ${sum((r) => r.triage.general)} 条，并入已有线索 ${sum((r) => r.triage.joined)} 次；` +
          `用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒\n`,
      );
    });

  models
    .command('score')
    .description('与演示数据的预置违规（ground truth）比对，输出各模型的精确率与召回率')
    .option('--model <code>', '只评估该模型')
    .option('--min <ratio>', `低于该值时以退出码 ${EXIT.verificationFailed} 结束`, String(MIN_SCORE))
    .option('--json', 'JSON output')
    .action(async (o: { model?: string; min: string; json?: boolean }, cmd: Command) => {
      const [scores, triage] = await withStore(
        cmd,
        async (store) => [await scoreModels(store, pick(o.model)), await triageFigures(store, MODELS)] as const,
      );
      const min = Number(o.min);
      const failing = belowMinScore(scores, min);
      const seriousOut = triage.serious - triage.seriousInGeneral;
      if (o.json) print(JSON.stringify({ models: scores, triage }) + '\n');
      else {
        print('模型                          预置   命中   正确   精确率  召回率\n');
        for (const s of scores) {
          print(
            `${s.code.padEnd(28)} ${String(s.truth).padStart(6)} ${String(s.hits).padStart(6)} ${String(s.truePositives).padStart(6)}   ${s.precision.toFixed(3)}   ${s.recall.toFixed(3)}${failing.includes(s) ? '  ✗' : ''}\n`,
          );
        }
        print(failing.length ? `${failing.length} 个模型低于 ${min}\n` : `全部 ${scores.length} 个有预置违规的模型均不低于 ${min}\n`);
        const per = (r: Record<string, number>) =>
          ['warning', 'simple', 'general'].map((p) => `${PROCEDURE_LABELS[p as 'warning']} ${r[p]}`).join('，');
        print(
          `\n研判分流：命中 ${triage.hits} 条，归入 ${triage.files} 个档案（${per(triage.filesByProcedure)}；预警不立线索）\n` +
            `  命中按程序：${per(triage.hitsByProcedure)}\n` +
            `  预置违规 ${triage.planted} 条：${per(triage.plantedByProcedure)}，未命中 ${triage.plantedByProcedure.missed}\n` +
            `  严重预置违规（罚款${SERIOUS.amount.toLocaleString('en')}元以上，或同一执法人员${SERIOUS.officerPlants}条以上）${triage.serious} 条，` +
            `在一般程序线索中 ${triage.seriousInGeneral} 条${seriousOut ? `，另有 ${seriousOut} 条不在  ✗` : ''}\n`,
        );
        for (const x of triage.seriousOutside.slice(0, 20)) print(`    ${x.violation} ${x.recordKind} ${x.recordId} → ${x.procedure}\n`);
      }
      setExitCode(failing.length || seriousOut ? EXIT.verificationFailed : EXIT.ok);
    });

  models
    .command('docs')
    .description('由模型定义生成 docs/models.md')
    .option('-o, --out <file>', '输出文件', 'docs/models.md')
    .action((o: { out: string }) => {
      writeFileSync(userPath(o.out), modelsMarkdown(MODELS));
      print(`已写入 ${o.out}（${MODELS.length} 个模型）\n`);
    });
  return models;
}

/** An incremental run's word on a model: how many changed subjects it looked at, or why it ran fully. */
function scopeText(scope: ModelRunReport['scope']): string {
  if (!scope) return '';
  return 'subjects' in scope ? `（增量：${scope.subjects} 个变化对象）` : `（全量：${scope.full}）`;
}
