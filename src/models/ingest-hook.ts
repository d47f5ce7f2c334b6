// Real-time checks for records that arrive through the ingestion API: the models that judge the kind
// run inside the transaction that lands the batch, after the merge (src/models/realtime/), so a record
// and the clues it raises commit together, or neither does. File imports are bulk loads and are left to
// the scheduled batch run.
import type { AuditEntryInput } from '../audit/audit-log.ts';
import type { Row, Store } from '../store/store.ts';
import type { Caller } from '../auth/caller.ts';
import { KIND_SPECS, type Kind } from '../records/registry.ts';
import { businessDate } from '../domain/dates.ts';
import { can } from '../policy/index.ts';
import { checkRecordsIn, readyRealtime, realtimeModels } from './realtime/check.ts';
import { invalidateRealtimeState, realtimeState } from './realtime/state.ts';

export interface RealtimeSummary {
  models: number;
  /** Hits kept (triage may file them under an open clue or leave them at 预警). */
  newHits: number;
  newClues: number;
  /** Judging the written records and writing their clues, inside the batch's transaction (not its commit). */
  millis: number;
}

/**
 * The real-time checks of one API push, as of a business day (today). `prepare`, before the import,
 * loads the state outside the writing transaction (seconds, once after a start or a bulk change);
 * `onLanded` is the import's hook that judges the records the batch inserted or changed, inside that
 * transaction (records sent again unchanged were judged when they first landed); `failed`, after an
 * import that threw, drops the state, which may have learnt records that were rolled back.
 */
export function realtimeIngest(store: Store, caller: Caller, kind: Kind, asOf = businessDate(new Date())) {
  const spec = KIND_SPECS[kind];
  const judged = !!spec.idPrefix && realtimeModels(spec.table).length > 0;
  let summary: RealtimeSummary = { models: 0, newHits: 0, newClues: 0, millis: 0 };
  let touched = false;
  return {
    async prepare(): Promise<void> {
      if (judged && can(caller, 'import', { type: 'records', kind })) await readyRealtime(store, spec.table, asOf);
    },
    async onLanded(tx: Store, written: Row[]): Promise<AuditEntryInput[]> {
      const started = performance.now();
      // The real-time state keeps entities' names and regions: pushed entities may be new or renamed.
      if (kind === 'entities' && realtimeState(store).isLoaded('names')) {
        touched = true;
        realtimeState(store).putEntities(written as { uscc: string; name: string; region_code: string }[]);
      }
      // … and the agencies' 检查对象名录 the credit checks read: pushed entries may be new or classed anew.
      if (kind === 'inspection_objects' && realtimeState(store).isLoaded('inspections')) {
        touched = true;
        realtimeState(store).putDirectory(written as { agency_id: string; entity_uscc: string; credit_class: string | null }[]);
      }
      if (!judged) return [];
      touched = true;
      const { reports, audit } = await checkRecordsIn(store, tx, spec.table, written, caller.userId, asOf);
      summary = {
        models: reports.length,
        newHits: reports.reduce((s, r) => s + r.newHits, 0),
        newClues: reports.reduce((s, r) => s + r.newClues, 0),
        millis: Math.round(performance.now() - started),
      };
      return audit;
    },
    failed(): void {
      // A rollback leaves the merge's key filters a "maybe" too many at most: they stay.
      if (touched) invalidateRealtimeState(store, { keysKept: true });
    },
    summary: (): RealtimeSummary => summary,
  };
}
