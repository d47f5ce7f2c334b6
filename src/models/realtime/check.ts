// Real-time checks: when records arrive (ingest API), the models that judge that kind of record run at
// once. A model with a code check (judge.ts) judges each record against the in-memory state (state.ts)
// in microseconds; the others run their SQL focused on the records' subjects (e.g. the inspected
// entity). Records pushed through the API are judged inside the transaction that lands them, so a
// record and the clues it raises commit together (ingest-hook.ts). The batch run over all records stays
// the reference; deduplication makes the two agree.
import type { Store } from '../../store/store.ts';
import type { AuditEntryInput } from '../../audit/audit-log.ts';
import { businessDate } from '../../domain/dates.ts';
import { MODELS } from '../library/index.ts';
import type { ModelDefinition } from '../model.ts';
import { dedupeKey, runReport, stageFocused, stageHits, writeHits, writeHitsIn, type ModelRunReport, type StagedRun } from '../runner.ts';
import type { TriageOutcome } from '../triage/context.ts';
import { SUBJECTS } from '../triage/filing.ts';
import { codeCheck, judge, judgeable, KIND_CHECKS } from './judge.ts';
import { ModelGroups, readyState, realtimeState, type RealtimeState } from './state.ts';
import { loadSettings, runGroups } from '../settings.ts';
import { stageDone } from '../../store/stage-times.ts';

/** Subjects per focused run (bind parameters: PostgreSQL allows 65,535 per statement). */
const FOCUS_CHUNK = 5_000;

export function realtimeModels(kind: string) {
  return MODELS.filter((m) => m.realtime?.kind === kind);
}

/** Loads what the code checks of a kind read (first use after a start or a bulk change: seconds at city scale). */
export async function readyRealtime(store: Store, kind: string, asOf = businessDate(new Date())): Promise<void> {
  const k = KIND_CHECKS[kind];
  if (k && realtimeModels(kind).some((m) => codeCheck(m))) await readyState(store, k.parts, asOf);
}

/** Loads the state of every kind's code checks: a server does it at start, so no pushed record waits for it. */
export async function readyAllRealtime(store: Store, asOf = businessDate(new Date())): Promise<void> {
  for (const kind of Object.keys(KIND_CHECKS)) await readyRealtime(store, kind, asOf);
}

/**
 * Judges records of `kind` (rows as stored, after they landed) by the real-time models of that kind and
 * returns one staged run per model run, nothing written yet. The code checks use `store`'s state; the
 * SQL reads through `reader`: the transaction that landed the records, or the store once they are
 * committed. A record missing a column the code checks read (a caller that sends only a subject) is
 * judged by the SQL instead.
 */
export async function judgeRecords(
  store: Store,
  reader: Store,
  kind: string,
  records: readonly Record<string, unknown>[],
  asOf: string,
): Promise<StagedRun[]> {
  const models = realtimeModels(kind);
  if (models.length === 0 || records.length === 0) return [];
  const started = Date.now();
  // Per model: the records its SQL must judge (no code check, a partial record, or one older than the state reaches).
  const bySql = new Map<ModelDefinition, Record<string, unknown>[]>();
  const runs: StagedRun[] = [];
  const coded = models.filter((m) => codeCheck(m));
  const full = coded.length ? records.filter((r) => judgeable(kind, r)) : [];
  const partial = full.length ? records.filter((r) => !judgeable(kind, r)) : [...records];
  const state = full.length ? await readyState(store, KIND_CHECKS[kind].parts, asOf) : undefined;
  for (const m of models) bySql.set(m, codeCheck(m) ? [...partial] : records.filter(await mayHitOf(store, reader, m, asOf, state)));
  if (state) {
    const byCode = new Map(coded.map((m) => [m.code, { model: m, staged: new Map(), hits: 0, started, queryMillis: 0 } as StagedRun]));
    for (const r of full) {
      for (const { model, hits } of await judge(state, kind, r, asOf)) {
        if (hits === null) {
          bySql.get(model)!.push(r);
          continue;
        }
        const run = byCode.get(model.code)!;
        for (const h of hits) {
          // A clue already raised for the key: the write would find it and add nothing.
          if (state.knownKeys.has(dedupeKey(model, h.row))) run.hits++;
          else stageHits(run, [h.row], h.params);
        }
      }
    }
    runs.push(...byCode.values());
  }
  stageDone('checks: in code');
  for (const [m, rs] of bySql) {
    const column = m.realtime!.subjectColumn;
    const subjects = [...new Set(rs.map((r) => r[column]).filter((v): v is string => typeof v === 'string' && v !== ''))];
    // One run per model for the whole batch, focused on its subjects: a batch of 10,000 records costs a
    // handful of scans, not one per record.
    for (let i = 0; i < subjects.length; i += FOCUS_CHUNK) {
      runs.push(await stageFocused(reader, m, asOf, { column, values: subjects.slice(i, i + FOCUS_CHUNK) }));
    }
  }
  stageDone('checks: by SQL');
  return runs;
}

/**
 * Whether a record may make a hit of a model judged by its SQL (`realtime.mayHit`, under the settings of
 * the record's region): a record without a column the test reads may; one in a region where the model
 * is off may not.
 */
async function mayHitOf(
  store: Store,
  reader: Store,
  m: ModelDefinition,
  asOf: string,
  state?: RealtimeState,
): Promise<(r: Record<string, unknown>) => boolean> {
  const t = m.realtime?.mayHit;
  if (!t) return () => true;
  // The settings in force, from the state once it has loaded them; read for this model otherwise.
  const groups = realtimeState(store).knownGroups(m) ?? new ModelGroups(runGroups(m, await loadSettings(reader, m.code), '330000'));
  return (r) => {
    if (typeof r.region_code !== 'string' || !t.reads.every((c) => c in r)) return true;
    const group = groups.of(r.region_code);
    return !!group?.enabled && t.test(r, group.params, asOf, state);
  };
}

/**
 * The enterprise a hit's record subject names, when the record is one of those judged (a case, an
 * inspection …) or, for a delivery or payment, its case is in the state: triage then skips a lookup.
 */
function entityOfJudged(store: Store, kind: string, records: readonly Record<string, unknown>[]) {
  const byId = new Map(records.map((r) => [String(r.id), r]));
  const state = realtimeState(store);
  return (subjectKind: string, subjectId: string): string | null | undefined => {
    const s = SUBJECTS[subjectKind];
    if (!s || s.table !== kind) return undefined;
    const r = byId.get(subjectId);
    if (!r) return undefined;
    if (!s.via) return typeof r[s.entityColumn] === 'string' ? (r[s.entityColumn] as string) : null;
    const c = state.cases.get(String(r[s.via.column]));
    return c ? c.entity : undefined;
  };
}

/** The options of a real-time write: the runs cover the province, under the actor who sent the records. */
const writeOptions = (store: Store, actor: string, asOf: string, kind: string, records: readonly Record<string, unknown>[]) => ({
  root: '330000',
  trigger: 'realtime' as const,
  actor,
  asOf,
  entityOf: entityOfJudged(store, kind, records),
});

/** Writes the runs that staged hits (by `write`), then the state knows their keys: the next hit on one writes nothing. */
async function writeRuns(
  store: Store,
  runs: readonly StagedRun[],
  write: (writing: StagedRun[]) => Promise<TriageOutcome[]>,
): Promise<ModelRunReport[]> {
  const writing = runs.filter((r) => r.staged.size > 0);
  const outcomes = writing.length ? await write(writing) : [];
  const { knownKeys } = realtimeState(store);
  for (const run of writing) for (const key of run.staged.keys()) knownKeys.add(key);
  const fresh = new Map(writing.map((r, i) => [r, outcomes[i]]));
  return runs.map((r) => runReport(r, fresh.get(r)));
}

/**
 * Judges records that landed in the open transaction `tx` and writes the clues they raise into it:
 * returns the reports and the audit entries to append with the commit. The state has learnt the
 * records already: if the transaction rolls back, call `invalidateRealtimeState`.
 */
export async function checkRecordsIn(
  store: Store,
  tx: Store,
  kind: string,
  records: readonly Record<string, unknown>[],
  actor: string,
  asOf = businessDate(new Date()),
): Promise<{ reports: ModelRunReport[]; audit: AuditEntryInput[] }> {
  let audit: AuditEntryInput[] = [];
  const runs = await judgeRecords(store, tx, kind, records, asOf);
  const reports = await writeRuns(store, runs, async (writing) => {
    const written = await writeHitsIn(tx, writing, writeOptions(store, actor, asOf, kind, records));
    audit = written.audit;
    return written.outcomes;
  });
  stageDone('checks: write hits');
  return { reports, audit };
}

/** Judges records already committed and writes the clues they raise in a transaction of their own (only when there are hits). */
export async function checkRecords(
  store: Store,
  kind: string,
  records: readonly Record<string, unknown>[],
  actor = 'system',
  asOf = businessDate(new Date()),
): Promise<ModelRunReport[]> {
  return writeRuns(store, await judgeRecords(store, store, kind, records, asOf), (writing) =>
    writeHits(store, writing, writeOptions(store, actor, asOf, kind, records)),
  );
}
