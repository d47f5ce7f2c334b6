// The server runs the whole model library on a schedule (batch over all records of the province).
// Runs never overlap: a run that is still going when the next one is due makes that one skip.
import type { Store } from '../store/store.ts';
import { MODELS } from './library/index.ts';
import { runModels } from './runner.ts';

export function startModelSchedule(store: Store, minutes: number, log: (msg: string) => void = () => {}): () => void {
  if (!(minutes > 0)) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    const started = Date.now();
    try {
      const reports = await runModels(store, [...MODELS], { trigger: 'schedule' });
      log(`定时运行模型：${reports.length} 个，新线索 ${reports.reduce((s, r) => s + r.newClues, 0)} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    } catch (e) {
      log(`定时运行模型失败：${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
