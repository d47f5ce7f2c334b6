// The background jobs `kedu serve` starts, with their intervals.
import type { Store } from '../store/store.ts';
import { startModelSchedule } from '../models/scheduler.ts';
import { startWebhookWorker } from '../integration/webhooks.ts';
import { escalateOverdue } from '../clues/escalation.ts';
import { checkDeadlines } from '../clues/deadlines.ts';
import { clockFor, todayOf } from '../clues/clock.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import { runScheduledReports } from '../evaluation/report/schedule.ts';
import { startLoop, type Worker } from './loop.ts';
import { SYSTEM_CALLER } from '../auth/caller.ts';
import { authorize } from '../policy/index.ts';

export interface JobOptions {
  modelMinutes: number;
  log: (msg: string) => void;
  /** The business date models judge against (the demo data's fixed date under --demo); default today. */
  asOf?: string;
}

export function startJobs(store: Store, opts: JobOptions): Worker {
  // A deployment may leave background work to some of its app servers (KEDU_BACKGROUND_JOBS=off on the rest).
  if (process.env.KEDU_BACKGROUND_JOBS === 'off') return { async stop() {} };
  // The jobs act as the system (the whole province), through the same policies as any caller.
  authorize(SYSTEM_CALLER, 'escalate', { type: 'clues' });
  if (opts.modelMinutes > 0) authorize(SYSTEM_CALLER, 'run', { type: 'model', regionCode: SYSTEM_CALLER.regionCode });
  const workers: Worker[] = [startWebhookWorker(store)];
  // Overdue clues move up a level (county → city → province) as their deadlines pass.
  const clock = clockFor(opts.asOf);
  // The same hourly pass tells agencies of deadlines near and past (notifications and webhooks).
  workers.push(
    startLoop('escalation', CLUE_SETTINGS.escalationCheckMs, async () => {
      await escalateOverdue(store, clock);
      await checkDeadlines(store, clock);
    }),
  );
  // The monthly and quarterly situation reports, each once, checked every hour (docs/reports.md).
  workers.push(startLoop('reports', 3_600_000, () => runScheduledReports(store, todayOf(clock))));
  // Always on: an administrator may set an interval later (系统管理), read at every tick.
  workers.push(startModelSchedule(store, opts.modelMinutes, opts.log, opts.asOf));
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
