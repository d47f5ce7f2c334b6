// Real-time checks: when records arrive (ingest API, import), the models that judge that kind of record
// run at once, focused on each record's subject (e.g. the inspected entity), and raise clues immediately.
// The batch run over all records stays the reference; deduplication makes the two agree.
import type { Store } from '../store/store.ts';
import { MODELS } from './library/index.ts';
import { runModel, type ModelRunReport } from './runner.ts';

/** Subjects per focused run (bind parameters: PostgreSQL allows 65,535 per statement). */
const FOCUS_CHUNK = 5_000;

export function realtimeModels(kind: string) {
  return MODELS.filter((m) => m.realtime?.kind === kind);
}

/** Runs the real-time models of `kind` for the subjects of the given records; returns one report per model run. */
export async function checkRecords(store: Store, kind: string, records: readonly Record<string, unknown>[], actor = 'system', asOf?: string): Promise<ModelRunReport[]> {
  const reports: ModelRunReport[] = [];
  for (const m of realtimeModels(kind)) {
    const column = m.realtime!.subjectColumn;
    const subjects = [...new Set(records.map((r) => r[column]).filter((v): v is string => typeof v === 'string' && v !== ''))];
    // One run per model for the whole batch, focused on its subjects: a batch of 10,000 records costs a
    // handful of scans, not one per record.
    for (let i = 0; i < subjects.length; i += FOCUS_CHUNK) {
      reports.push(await runModel(store, m, { trigger: 'realtime', actor, asOf, focus: { column, values: subjects.slice(i, i + FOCUS_CHUNK) } }));
    }
  }
  return reports;
}
