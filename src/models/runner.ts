// Runs models over the records and turns hits into clues. A hit's dedupe key is model + subject +
// window, so running a model twice over the same data raises no second clue.
import { createHash, randomUUID } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';
import type { Dialect } from '../store/dialect.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { regionPrefix } from '../domain/region.ts';
import { businessDate } from '../domain/dates.ts';
import { explain, type HitRow, type ModelDefinition, type ParamValues } from './model.ts';
import { loadSettings, runGroups, type RunGroup } from './settings.ts';
import { stageHitsSql } from './stage-sql.ts';

export interface RunOptions {
  regionCode?: string;           // default: the province
  asOf?: string;                 // default: today (Asia/Shanghai)
  trigger?: 'batch' | 'schedule' | 'realtime';
  actor?: string;
  /** Real time: only these subjects (the incoming records' values of the model's subject column). */
  focus?: { column: string; values: readonly string[] };
}

export interface ModelRunReport {
  code: string; name: string; millis: number; hits: number; newClues: number;
  /** Of `millis`, the time spent in the model's query (the rest is turning hits into clues and writing them). */
  queryMillis: number;
}


const STAGE_COLUMNS = ['dedupe_key', 'id', 'region_code', 'agency_id', 'model_code', 'severity', 'title', 'explanation', 'evidence', 'params'];
// The two ways a model's clues are inserted (a few rows by VALUES, many from the stage) share these heads.
const INSERT_CLUES = raw('INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence, params, status, deadline, created_at, updated_at)');
const INSERT_EVENTS = raw('INSERT INTO clue_events (id, clue_id, region_code, actor_user_id, action, from_status, to_status, comment, occurred_at)');

function groupFilter(group: RunGroup, focus: RunOptions['focus']) {
  return (alias: string): Sql => {
    const a = alias ? `${alias}.` : '';
    const parts: Sql[] = [sql`${raw(`${a}region_code`)} LIKE ${regionPrefix(group.regionCode) + '%'}`];
    for (const p of group.exclude) parts.push(sql`${raw(`${a}region_code`)} NOT LIKE ${p + '%'}`);
    if (focus) parts.push(sql`${raw(`${a}${focus.column}`)} IN (${joinSql(focus.values.map((v) => sql`${v}`), ', ')})`);
    return sql`(${joinSql(parts, ' AND ')})`;
  };
}

/** md5, because the batch path computes the same id in SQL (stage-sql.ts) and md5 is in both engines. */
export function clueId(dedupeKey: string): string {
  return 'CL-' + createHash('md5').update(dedupeKey).digest('hex').slice(0, 16);
}

/** What makes a hit one clue: model, subject and window (stage-sql.ts builds the same in SQL). */
export function dedupeKey(model: ModelDefinition, hit: Pick<HitRow, 'subject_kind' | 'subject_id' | 'window_key'>): string {
  return `${model.code}|${hit.subject_kind}|${hit.subject_id}|${hit.window_key ?? ''}`;
}

/** A hit as a row of model_hits_stage: dedupe key, clue id, region, agency, model, severity, title, explanation, evidence, params. */
export function toStageRow(model: ModelDefinition, hit: HitRow, params: ParamValues): Value[] {
  const { subject_kind, subject_id, region_code, agency_id, window_key, evidence_ids, ...facts } = hit;
  const key = dedupeKey(model, hit);
  const subjectName = typeof facts.subject_name === 'string' ? facts.subject_name : subject_id;
  const evidence = { kind: model.evidenceKind, ids: String(evidence_ids ?? '').split(',').filter(Boolean), subject: { kind: subject_kind, id: subject_id }, facts };
  return [key, clueId(key), region_code, agency_id, model.code, model.severity, `${model.name}：${subjectName}`,
    explain(model.explanation, { ...facts, window_key }, params), JSON.stringify(evidence), JSON.stringify(params)];
}

/**
 * The hits of one model run: staged as clue rows in code by dedupe key (a later hit of the same key
 * replaces an earlier one), or, for batch runs, as INSERT … SELECT statements that stage them inside
 * the write transaction (stage-sql.ts).
 */
export interface StagedRun { model: ModelDefinition; staged: Map<string, Value[]>; hits: number; started: number; sqlStages?: Sql[]; queryMillis: number }

export function stageHits(run: StagedRun, rows: readonly HitRow[], params: ParamValues): void {
  run.hits += rows.length;
  for (const r of rows) {
    const row = toStageRow(run.model, r, params);
    run.staged.set(row[0] as string, row);
  }
}

/** The model's query over one run group's regions (and, in real time, the focused subjects). */
export function groupQuery(dialect: Dialect, model: ModelDefinition, group: RunGroup, asOf: string, focus?: RunOptions['focus']): Sql {
  return model.query({ dialect, params: group.params, where: groupFilter(group, focus), asOf });
}

/** The hits of one run group, read into code. */
export function queryHits(store: Store, model: ModelDefinition, group: RunGroup, asOf: string, focus?: RunOptions['focus']): Promise<HitRow[]> {
  return store.query<HitRow>(groupQuery(store.dialect, model, group, asOf, focus));
}

/** Runs one model over one region; writes new clues, the run record and an audit entry in one transaction. */
export async function runModel(store: Store, model: ModelDefinition, opts: RunOptions = {}): Promise<ModelRunReport> {
  const root = opts.regionCode ?? '330000';
  const asOf = opts.asOf ?? businessDate(new Date());
  const run: StagedRun = { model, staged: new Map(), hits: 0, started: Date.now(), queryMillis: 0 };
  const groups = runGroups(model, await loadSettings(store, model.code), root).filter((g) => g.enabled);
  if (opts.trigger === 'realtime') {
    for (const g of groups) {
      const q0 = performance.now();
      const rows = await queryHits(store, model, g, asOf, opts.focus);
      run.queryMillis += performance.now() - q0;
      stageHits(run, rows, g.params);
    }
  } else {
    run.sqlStages = [];
    for (const g of groups) {
      const query = groupQuery(store.dialect, model, g, asOf, opts.focus);
      run.sqlStages.push(stageHitsSql(model, query, await store.columns(query), g.params, store.dialect));
    }
  }
  const report = (newClues: number): ModelRunReport =>
    ({ code: model.code, name: model.name, millis: Date.now() - run.started, hits: run.hits, newClues, queryMillis: Math.round(run.queryMillis) });
  // A real-time check that finds nothing writes nothing: ingest batches should not pay a transaction
  // per model for an empty result (batch and scheduled runs are recorded in model_runs).
  if (opts.trigger === 'realtime' && run.staged.size === 0) return report(0);
  const [newClues] = await writeHits(store, [run], { root, trigger: opts.trigger, actor: opts.actor });
  return report(newClues);
}

/** Up to this many hits (real time) skip the stage table: it costs five statements more than the few rows. */
const STAGE_INSERT_MAX = 50;

/**
 * Inserts the staged rows whose dedupe key no clue has yet, and their `create` events; returns how many.
 * The keys are looked up first through the unique index (DuckDB: 0.7 ms; ON CONFLICT cost 3 ms more
 * than the insert, NOT EXISTS scanned the clues). No other write can come between: writes run under
 * withAudit, one at a time (a queue in the process, an advisory lock across PostgreSQL servers).
 */
async function insertFew(tx: Store, rows: Value[][], actor: string, now: string): Promise<number> {
  const keys = await tx.query<{ dedupe_key: string }>(sql`SELECT dedupe_key FROM clues WHERE dedupe_key IN (${joinSql(rows.map((r) => sql`${r[0]}`), ', ')})`);
  const known = new Set(keys.map((k) => k.dedupe_key));
  const fresh = rows.filter((r) => !known.has(r[0] as string));
  if (fresh.length === 0) return 0;
  // Stage columns: dedupe_key, id, region_code, agency_id, model_code, severity, title, explanation, evidence, params.
  const clues = fresh.map(([key, id, region, agency, model, severity, title, explanation, evidence, params]) =>
    sql`(${id}, ${region}, ${agency}, 'model', ${model}, ${key}, ${severity}, ${title}, ${explanation}, ${evidence}, ${params}, 'new', NULL, ${now}, ${now})`);
  await tx.exec(sql`${INSERT_CLUES} VALUES ${joinSql(clues, ', ')}`);
  const events = fresh.map((r) => sql`(${'EV-' + String(r[1])}, ${r[1]}, ${r[2]}, ${actor}, 'create', NULL, 'new', NULL, ${now})`);
  await tx.exec(sql`${INSERT_EVENTS} VALUES ${joinSql(events, ', ')}`);
  return fresh.length;
}

/**
 * Writes the staged hits of one or more model runs in one transaction: new clues (those whose dedupe
 * key no clue has yet) with their `create` events, a model_runs row per batch or scheduled run and an
 * audit entry per run that raised clues (every batch run is audited). Returns the new clues per run. A `create` event
 * carries no comment: the explanation is the clue's own (a copy in each of a million events was a
 * fifth of what a hangzhou-scale run wrote).
 */
export async function writeHits(store: Store, runs: readonly StagedRun[], opts: { root: string; trigger?: RunOptions['trigger']; actor?: string }): Promise<number[]> {
  const now = new Date().toISOString();
  const trigger = opts.trigger ?? 'batch';
  const actor = opts.actor ?? 'system';
  return withAudit(store, async (tx) => {
    const created: number[] = [];
    const audit: AuditEntryInput[] = [];
    for (const run of runs) {
      let n = 0;
      if (!run.sqlStages && run.staged.size <= STAGE_INSERT_MAX) {
        if (run.staged.size > 0) n = await insertFew(tx, [...run.staged.values()], actor, now);
      } else {
        await tx.exec('DELETE FROM model_hits_stage');
        if (run.sqlStages) {
          const q0 = performance.now();
          for (const stage of run.sqlStages) await tx.exec(stage);
          run.queryMillis += performance.now() - q0;
          const [h] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM model_hits_stage');
          run.hits = Number(h.n);
        } else {
          await tx.copyIn('model_hits_stage', STAGE_COLUMNS, run.staged.values());
        }
        if (run.hits > 0) {
          // Only keys no clue has yet: the others leave the stage first, so the inserts read it plainly.
          await tx.exec(sql`DELETE FROM model_hits_stage WHERE dedupe_key IN (SELECT c.dedupe_key FROM clues c WHERE c.model_code = ${run.model.code})`);
          const [c] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM model_hits_stage');
          n = Number(c.n);
          if (n > 0) {
            await tx.exec(sql`${INSERT_EVENTS}
              SELECT 'EV-' || s.id, s.id, s.region_code, ${actor}, 'create', NULL, 'new', NULL, ${now} FROM model_hits_stage s`);
            await tx.exec(sql`${INSERT_CLUES}
              SELECT s.id, s.region_code, s.agency_id, 'model', s.model_code, s.dedupe_key, s.severity, s.title, s.explanation, s.evidence, s.params, 'new', NULL, ${now}, ${now} FROM model_hits_stage s`);
          }
          await tx.exec('DELETE FROM model_hits_stage');
        }
      }
      created.push(n);
      const millis = Date.now() - run.started;
      // Batch and scheduled runs are listed on the model's page; a real-time run that raised clues is
      // in the audit log (one row per judged record would bury the batch runs and cost a statement).
      if (trigger !== 'realtime') await tx.exec('INSERT INTO model_runs (id, model_code, region_code, trigger, started_at, millis, hits, new_clues) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
        [randomUUID(), run.model.code, opts.root, trigger, new Date(run.started).toISOString(), millis, run.hits, n]);
      if (n > 0 || trigger !== 'realtime') {
        audit.push({ actor, action: 'models.run', target: run.model.code, regionCode: opts.root, detail: { hits: run.hits, newClues: n, trigger } });
      }
    }
    return { result: created, audit };
  });
}

export async function runModels(store: Store, models: readonly ModelDefinition[], opts: RunOptions & { onProgress?: (done: number, total: number, last: ModelRunReport) => void } = {}): Promise<ModelRunReport[]> {
  const reports: ModelRunReport[] = [];
  for (const s of store.dialect.beforeWriteBurst) await store.exec(s);
  try {
    for (const m of models) {
      const r = await runModel(store, m, opts);
      reports.push(r);
      opts.onProgress?.(reports.length, models.length, r);
    }
  } finally {
    for (const s of store.dialect.afterWriteBurst) {
      // A checkpoint refused because another transaction is open is left to the next commit.
      await store.exec(s).catch(() => undefined);
    }
  }
  return reports;
}
