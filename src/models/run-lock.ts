// One full run of the model library at a time for a region: a second start over the same region, a
// region above it or one inside it (they would judge the same records and write the same clues) is
// refused, naming the run in progress. A run takes a row of model_run_locks, checked and written in
// a transaction holding every audit chain (one writer at a time, across app servers on PostgreSQL); the
// row goes when the run ends. A row older than STALE_HOURS belongs to a process that died.
import { randomUUID } from 'node:crypto';
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import { regionContains } from '../domain/region.ts';
import type { Store } from '../store/store.ts';

/** Longer than any full run measured (all 41 models over 33 million records: 56 s on DuckDB). */
export const STALE_HOURS = 6;

export interface RunningRun {
  runId: string;
  regionCode: string;
  trigger: string;
  startedAt: string;
}

/** Another full run is going on over an overlapping region. */
export class RunInProgress extends Error {
  constructor(readonly running: RunningRun) {
    super(`模型正在运行（运行编号 ${running.runId}，辖区 ${running.regionCode}，${running.startedAt} 开始），请待其结束后再运行`);
  }
}

/** Runs fn as the only full run over the region; throws RunInProgress when another one overlaps it. */
export async function exclusiveRun<T>(
  store: Store,
  run: { regionCode: string; trigger: string; actor: string },
  fn: (runId: string) => Promise<T>,
): Promise<T> {
  const runId = `RUN-${randomUUID()}`;
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    const stale = new Date(Date.now() - STALE_HOURS * 3600_000).toISOString();
    await tx.exec('DELETE FROM model_run_locks WHERE started_at < $1', [stale]);
    const rows = await tx.query<{ run_id: string; region_code: string; trigger: string; started_at: string }>(
      'SELECT run_id, region_code, trigger, started_at FROM model_run_locks ORDER BY started_at',
    );
    const other = rows.find((r) => regionContains(r.region_code, run.regionCode) || regionContains(run.regionCode, r.region_code));
    if (other)
      throw new RunInProgress({ runId: other.run_id, regionCode: other.region_code, trigger: other.trigger, startedAt: other.started_at });
    await tx.exec('INSERT INTO model_run_locks (run_id, region_code, trigger, started_by, started_at) VALUES ($1, $2, $3, $4, $5)', [
      runId,
      run.regionCode,
      run.trigger,
      run.actor,
      new Date().toISOString(),
    ]);
    return {
      result: null,
      audit: [
        { actor: run.actor, action: 'models.run_start', target: runId, regionCode: run.regionCode, detail: { trigger: run.trigger } },
      ],
    };
  });
  try {
    return await fn(runId);
  } finally {
    await store.exec('DELETE FROM model_run_locks WHERE run_id = $1', [runId]);
  }
}
