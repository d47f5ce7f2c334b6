// What a model test reads back: the hits its runs kept, per model, with their evidence; and how each
// test starts without the hits, clues and events of the one before.
import type { Store } from '../../src/store/store.ts';

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
  return {
    hits,
    /** The subjects one model hit. */
    hitIds: async (code: string) => (await hits()).filter((h) => h.model_code === code).map((h) => h.subject_id),
    clearHits: async () => {
      for (const table of ['model_hits', 'clues', 'clue_events', ...(opts.settings ? ['model_settings'] : [])])
        await store.exec(`DELETE FROM ${table}`);
    },
  };
}

/** The record ids a hit's evidence names. */
export const evidenceIds = (h: { evidence: string }): string[] => (JSON.parse(h.evidence) as { ids: string[] }).ids;
