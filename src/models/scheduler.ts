// The server runs the whole model library on a schedule (batch over all records of the province).
import { clockFor } from '../clues/clock.ts';
import type { Store } from '../store/store.ts';
import { startLoop, type Worker } from '../jobs/loop.ts';
import { MODELS } from './library/index.ts';
import { runModels } from './runner.ts';

export function startModelSchedule(store: Store, minutes: number, log: (msg: string) => void, asOf?: string): Worker {
  return startLoop(
    'models',
    minutes * 60_000,
    async () => {
      const started = Date.now();
      const reports = await runModels(store, [...MODELS], { trigger: 'schedule', asOf, now: asOf ? clockFor(asOf)() : undefined });
      log(
        `定时运行模型：${reports.length} 个，新线索 ${reports.reduce((s, r) => s + r.newClues, 0)} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
      );
    },
    (e) => log(`定时运行模型失败：${(e as Error).message}`),
  );
}
