// The server runs the whole model library on a schedule over the province: incrementally, so after the
// first run a model that declares it looks only at the subjects of records changed since its last run. The
// interval is the administrator's setting (系统管理 · 模型与调度, system_settings) or, until one is
// stored, the server's start option; it is read at every tick, so a change applies without a restart.
import { clockFor } from '../clues/clock.ts';
import type { Store } from '../store/store.ts';
import { startLoop, type Worker } from '../jobs/loop.ts';
import { readSetting } from '../settings/system-settings.ts';
import { MODELS } from './library/index.ts';
import { runModels } from './runner.ts';
import { enabledLocalModels } from './local/local-models.ts';
import { exclusiveRun, RunInProgress } from './run-lock.ts';

/** How often the schedule looks at its setting. */
export const SCHEDULE_TICK_MS = 60_000;

export interface ScheduleState {
  minutes: number;
  /** Where the value comes from: the administrator's setting or the server's start option. */
  source: 'setting' | 'option';
  lastRun: string | null;
  nextRun: string | null;
}

/** The interval in force and the last and next scheduled runs. */
export async function scheduleState(store: Store, optionMinutes: number, now = new Date()): Promise<ScheduleState> {
  const stored = await readSetting(store, 'model_schedule_minutes');
  const minutes = stored?.value ?? optionMinutes;
  const [r] = await store.query<{ at: string | null }>("SELECT max(started_at) AS at FROM model_runs WHERE trigger = 'schedule'");
  const last = r?.at ?? null;
  const next =
    minutes > 0 ? new Date(Math.max(now.getTime(), (last ? Date.parse(last) : now.getTime()) + minutes * 60_000)).toISOString() : null;
  return { minutes, source: stored ? 'setting' : 'option', lastRun: last, nextRun: next };
}

export function startModelSchedule(store: Store, optionMinutes: number, log: (msg: string) => void, asOf?: string): Worker {
  // The first run comes one interval after the start, as it always did.
  let last = Date.now();
  return startLoop(
    'models',
    SCHEDULE_TICK_MS,
    async () => {
      const minutes = (await readSetting(store, 'model_schedule_minutes'))?.value ?? optionMinutes;
      if (minutes <= 0 || Date.now() - last < minutes * 60_000) return;
      last = Date.now();
      let reports;
      try {
        reports = await exclusiveRun(store, { regionCode: '330000', trigger: 'schedule', actor: 'system' }, async () =>
          runModels(store, [...MODELS, ...(await enabledLocalModels(store))], {
            trigger: 'schedule',
            // After the first run, the models that declare it look only at what changed (src/models/incremental.ts).
            incremental: true,
            asOf,
            now: asOf ? clockFor(asOf)() : undefined,
          }),
        );
      } catch (e) {
        // A run started by hand covers the province or part of it: the next tick comes soon enough.
        if (e instanceof RunInProgress) return log(`定时运行模型已跳过：${e.message}`);
        throw e;
      }
      log(
        `定时运行模型：${reports.length} 个，新线索 ${reports.reduce((s, r) => s + r.newClues, 0)} 条，用时 ${((Date.now() - last) / 1000).toFixed(1)} 秒`,
      );
    },
    (e) => log(`定时运行模型失败：${(e as Error).message}`),
  );
}
