// What a model test reads back: the hits its runs kept, per model, with their evidence; and how each
// test starts without the hits, clues and events of the one before.
import type { Store } from '../../src/store/store.ts';
import { findModel } from '../../src/models/library/index.ts';
import { runModel } from '../../src/models/runner.ts';
import { saveSetting } from '../../src/models/settings.ts';
import type { ParamValues } from '../../src/models/model.ts';
import { checkRecords } from '../../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../../src/models/realtime/state.ts';
import { KIND_SPECS, type Kind } from '../../src/records/registry.ts';

const ADMIN = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };

/** Runs one model as of a day; with params, first saved as 富阳's (330111) own setting of them. */
export async function runAsOf(store: Store, code: string, asOf: string, params?: ParamValues) {
  const model = findModel(code)!;
  if (params) await saveSetting(store, ADMIN, model, '330111', true, params);
  return runModel(store, model, { asOf });
}

export interface StoredHit {
  model_code: string;
  subject_kind: string;
  subject_id: string;
  explanation: string;
  evidence: string;
  agency_id: string | null;
}

/** The hits of a store; clearHits also forgets the model settings when `settings` (tests that save some). */
export function modelHits(store: Store, opts: { settings?: boolean } = {}) {
  const hits = () => store.query<StoredHit>('SELECT * FROM model_hits ORDER BY model_code, subject_id');
  const clearHits = async () => {
    for (const table of ['model_hits', 'clues', 'clue_events', ...(opts.settings ? ['model_settings'] : [])])
      await store.exec(`DELETE FROM ${table}`);
  };
  return {
    hits,
    /** The subjects one model hit. */
    hitIds: async (code: string) => (await hits()).filter((h) => h.model_code === code).map((h) => h.subject_id),
    clearHits,
    /** The subjects one model hits as of a day (the hits cleared before; with params, 富阳's setting of them). */
    hitsAsOf: async (code: string, asOf: string, params?: ParamValues) => {
      await clearHits();
      await runAsOf(store, code, asOf, params);
      return (await hits())
        .filter((h) => h.model_code === code)
        .map((h) => h.subject_id)
        .sort();
    },
  };
}

/** The record ids a hit's evidence names. */
export const evidenceIds = (h: { evidence: string }): string[] => (JSON.parse(h.evidence) as { ids: string[] }).ids;

/**
 * Every stored record of a kind judged one by one as the ingest API lands it, then the model's batch
 * run as of the same day: the hits of both, each as subject|explanation|evidence (equal when the
 * real-time path agrees with the batch query).
 */
export async function realtimeAndBatch(store: Store, kind: Kind, code: string, asOf: string) {
  const { hits, clearHits } = modelHits(store);
  const table = KIND_SPECS[kind].table;
  await clearHits();
  invalidateRealtimeState(store);
  const rows = await store.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY id`);
  for (const row of rows) await checkRecords(store, kind, [row], 'system', asOf);
  const found = async () =>
    (await hits())
      .filter((h) => h.model_code === code)
      .map((h) => [h.subject_id, h.explanation, JSON.stringify(JSON.parse(h.evidence))].join('|'));
  const realtime = await found();
  await clearHits();
  await runAsOf(store, code, asOf);
  return { realtime, batch: await found() };
}
