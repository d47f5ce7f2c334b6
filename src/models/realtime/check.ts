// Real-time checks: when records arrive (ingest API), the models that judge that kind of record run at
// once and raise clues immediately. A model with a code check (judge.ts) judges each record against the
// in-memory state (state.ts) in microseconds; the others run their SQL focused on the records' subjects
// (e.g. the inspected entity). Only hits write anything. The batch run over all records stays the
// reference; deduplication makes the two agree.
import type { Store, Value } from '../../store/store.ts';
import { businessDate } from '../../domain/dates.ts';
import { MODELS } from '../library/index.ts';
import type { ModelDefinition } from '../model.ts';
import { dedupeKey, runModel, stageHits, writeHits, type ModelRunReport, type StagedRun } from '../runner.ts';
import { codeCheck, judge, judgeable, KIND_CHECKS } from './judge.ts';
import { realtimeState } from './state.ts';

/** Subjects per focused run (bind parameters: PostgreSQL allows 65,535 per statement). */
const FOCUS_CHUNK = 5_000;

export function realtimeModels(kind: string) {
  return MODELS.filter((m) => m.realtime?.kind === kind);
}

/**
 * Judges records of `kind` (rows as stored, after they landed) by the real-time models of that kind;
 * returns one report per model run. A record missing a column the code checks read (a caller that sends
 * only a subject) is judged by the SQL instead.
 */
export async function checkRecords(store: Store, kind: string, records: readonly Record<string, unknown>[], actor = 'system', asOf?: string): Promise<ModelRunReport[]> {
  const models = realtimeModels(kind);
  if (models.length === 0 || records.length === 0) return [];
  const day = asOf ?? businessDate(new Date());
  const started = Date.now();
  // Per model: the records its SQL must judge (no code check, a partial record, or one older than the state reaches).
  const bySql = new Map<ModelDefinition, Record<string, unknown>[]>();
  const runs = new Map<string, StagedRun>();
  const reports: ModelRunReport[] = [];
  const coded = models.filter((m) => codeCheck(m));
  const full = coded.length ? records.filter((r) => judgeable(kind, r)) : [];
  const partial = full.length ? records.filter((r) => !judgeable(kind, r)) : [...records];
  for (const m of models) bySql.set(m, codeCheck(m) ? [...partial] : [...records]);
  if (full.length) {
    const state = realtimeState(store);
    await state.ready(KIND_CHECKS[kind].parts, day);
    for (const m of coded) runs.set(m.code, { model: m, staged: new Map<string, Value[]>(), hits: 0, started, queryMillis: 0 });
    for (const r of full) {
      for (const { model, hits } of await judge(state, kind, r, day)) {
        if (hits === null) { bySql.get(model)!.push(r); continue; }
        const run = runs.get(model.code)!;
        for (const h of hits) {
          // A clue already raised for the key: the write would find it and add nothing.
          if (state.knownKeys.has(dedupeKey(model, h.row))) run.hits++;
          else stageHits(run, [h.row], h.params);
        }
      }
    }
    const writing = [...runs.values()].filter((r) => r.staged.size > 0);
    const created = writing.length ? await writeHits(store, writing, { root: '330000', trigger: 'realtime', actor }) : [];
    for (const run of writing) for (const key of run.staged.keys()) state.knownKeys.add(key);
    const fresh = new Map(writing.map((r, i) => [r.model.code, created[i]]));
    for (const r of runs.values()) {
      reports.push({ code: r.model.code, name: r.model.name, millis: Date.now() - started, hits: r.hits, newClues: fresh.get(r.model.code) ?? 0, queryMillis: 0 });
    }
  }
  for (const [m, rs] of bySql) {
    const column = m.realtime!.subjectColumn;
    const subjects = [...new Set(rs.map((r) => r[column]).filter((v): v is string => typeof v === 'string' && v !== ''))];
    // One run per model for the whole batch, focused on its subjects: a batch of 10,000 records costs a
    // handful of scans, not one per record.
    for (let i = 0; i < subjects.length; i += FOCUS_CHUNK) {
      reports.push(await runModel(store, m, { trigger: 'realtime', actor, asOf: day, focus: { column, values: subjects.slice(i, i + FOCUS_CHUNK) } }));
    }
  }
  return reports;
}
