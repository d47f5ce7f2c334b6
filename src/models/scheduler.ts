// The server runs the whole model library on a schedule (batch over all records of the province).
import type { Store } from '../store/store.ts';
import { startLoop, type Worker } from '../jobs/loop.ts';
import { MODELS } from './library/index.ts';
import { runModels } from './runner.ts';
import { exclusiveRun, RunInProgress } from './run-lock.ts';

export function startModelSchedule(store: Store, minutes: number, log: (msg: string) => void, asOf?: string): Worker {
  return startLoop(
    'models',
    minutes * 60_000,
    async () => {
      const started = Date.now();
      let reports;
      try {
        reports = await exclusiveRun(store, { regionCode: '330000', trigger: 'schedule', actor: 'system' }, () =>
          runModels(store, [...MODELS], { trigger: 'schedule', asOf }),
        );
      } catch (e) {
        // A run started by hand covers the province or part of it: the next tick comes soon enough.
        if (e instanceof RunInProgress) return log(`定时运行模型已跳过：${e.message}`);
        throw e;
      }
      log(
        `定时运行模型：${reports.length} 个，新线索 ${reports.reduce((s, r) => s + r.newClues, 0)} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
      );
    },
    (e) => log(`定时运行模型失败：${(e as Error).message}`),
  );
}
