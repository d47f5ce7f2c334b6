// Real-time checks for records that arrive through the ingestion API: after a batch lands, the models
// that judge its kind run at once for the batch's subjects (src/models/realtime/). File imports are
// bulk loads and are left to the scheduled batch run.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { KIND_SPECS, type Kind } from '../ingest/kinds.ts';
import { checkRecords, realtimeModels } from './realtime/check.ts';
import { realtimeState } from './realtime/state.ts';

/** A field of a raw API record, under its canonical name or any accepted header. */
function field(kind: Kind, record: Record<string, unknown>, name: string): string | null {
  const spec = KIND_SPECS[kind].fields.find((f) => f.name === name);
  for (const key of [name, spec?.label, ...(spec?.aliases ?? [])]) {
    const v = key === undefined ? undefined : record[key];
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return null;
}

export interface RealtimeSummary { models: number; newClues: number; millis: number }

export async function checkIngestedRecords(store: Store, caller: Caller, kind: Kind, sourceSystem: string, records: readonly unknown[]): Promise<RealtimeSummary> {
  const started = performance.now();
  const spec = KIND_SPECS[kind];
  // The real-time state keeps entities' names and regions: pushed entities may be new or renamed.
  if (kind === 'entities' && realtimeState(store).isLoaded('names')) {
    const usccs = (records as Record<string, unknown>[]).map((r) => field(kind, r, 'uscc')).filter((u): u is string => u !== null);
    if (usccs.length) {
      realtimeState(store).putEntities(await store.query<{ uscc: string; name: string; region_code: string }>(
        sql`SELECT uscc, name, region_code FROM entities WHERE uscc IN (${joinSql(usccs.map((u) => sql`${u}`), ', ')})`));
    }
  }
  if (kind === 'entities' || !spec.idPrefix || realtimeModels(spec.table).length === 0) return { models: 0, newClues: 0, millis: 0 };
  // The landed records, found by their source keys (an updated record keeps the id it was first stored
  // under, so the id computed from the keys may not be its id); rejected rows are not in the table.
  const bySource = new Map<string, string[]>();
  for (const r of records as Record<string, unknown>[]) {
    const sourceId = field(kind, r, 'source_id');
    if (!sourceId) continue;
    const system = field(kind, r, 'source_system') ?? sourceSystem;
    (bySource.get(system) ?? bySource.set(system, []).get(system)!).push(sourceId);
  }
  const landed: Record<string, unknown>[] = [];
  for (const [system, sourceIds] of bySource) {
    landed.push(...await store.query<Record<string, unknown>>(sql`SELECT * FROM ${raw(spec.table)}
      WHERE source_system = ${system} AND source_id IN (${joinSql(sourceIds.map((id) => sql`${id}`), ', ')})`));
  }
  if (landed.length === 0) return { models: 0, newClues: 0, millis: 0 };
  const reports = await checkRecords(store, spec.table, landed, caller.userId);
  return { models: reports.length, newClues: reports.reduce((s, r) => s + r.newClues, 0), millis: Math.round(performance.now() - started) };
}
