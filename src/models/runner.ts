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
import { advanceCounters, ensureCounters, numberExpr, numbersFor, numberingYear } from '../clues/numbering.ts';

export interface RunOptions {
  regionCode?: string; // default: the province
  asOf?: string; // default: today (Asia/Shanghai)
  trigger?: 'batch' | 'schedule' | 'realtime';
  actor?: string;
  /** Real time: only these subjects (the incoming records' values of the model's subject column). */
  focus?: { column: string; values: readonly string[] };
  /** When new clues are found (default: now); a server judging as of another day passes that day. */
  now?: Date;
}

export interface ModelRunReport {
  code: string;
  name: string;
  millis: number;
  hits: number;
  newClues: number;
  /** Of `millis`, the time spent in the model's query (the rest is turning hits into clues and writing them). */
  queryMillis: number;
}

const STAGE_COLUMNS = [
  'dedupe_key',
  'id',
  'region_code',
  'agency_id',
  'model_code',
  'severity',
  'title',
  'explanation',
  'evidence',
  'params',
];
// The two ways a model's clues are inserted (a few rows by VALUES, many from the stage) share these heads.
const INSERT_CLUES = raw(
  'INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence, params, status, deadline, created_at, updated_at, number)',
);
const INSERT_EVENTS = raw(
  'INSERT INTO clue_events (id, clue_id, region_code, actor_user_id, action, from_status, to_status, comment, occurred_at)',
);

function groupFilter(group: RunGroup, focus: RunOptions['focus']) {
  return (alias: string): Sql => {
    const a = alias ? `${alias}.` : '';
    const parts: Sql[] = [sql`${raw(`${a}region_code`)} LIKE ${regionPrefix(group.regionCode) + '%'}`];
    for (const p of group.exclude) parts.push(sql`${raw(`${a}region_code`)} NOT LIKE ${p + '%'}`);
    if (focus)
      parts.push(
        sql`${raw(`${a}${focus.column}`)} IN (${joinSql(
          focus.values.map((v) => sql`${v}`),
          ', ',
        )})`,
      );
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
  const evidence = {
    kind: model.evidenceKind,
    ids: String(evidence_ids ?? '')
      .split(',')
      .filter(Boolean),
    subject: { kind: subject_kind, id: subject_id },
    facts,
  };
  return [
    key,
    clueId(key),
    region_code,
    agency_id,
    model.code,
    model.severity,
    `${model.name}：${subjectName}`,
    explain(model.explanation, { ...facts, window_key }, params),
    JSON.stringify(evidence),
    JSON.stringify(params),
  ];
}

/**
 * The hits of one model run: staged as clue rows in code by dedupe key (a later hit of the same key
 * replaces an earlier one), or, for batch runs, as INSERT … SELECT statements that stage them inside
 * the write transaction (stage-sql.ts).
 */
export interface StagedRun {
  model: ModelDefinition;
  staged: Map<string, Value[]>;
  hits: number;
  started: number;
  sqlStages?: Sql[];
  queryMillis: number;
}

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
export function queryHits(
  store: Store,
  model: ModelDefinition,
  group: RunGroup,
  asOf: string,
  focus?: RunOptions['focus'],
): Promise<HitRow[]> {
  return store.query<HitRow>(groupQuery(store.dialect, model, group, asOf, focus));
}

/**
 * A real-time run of one model focused on the incoming records' subjects: its hits read into code.
 * `store` may be the transaction that has just landed the records (it sees them; other connections do not).
 */
export async function stageFocused(
  store: Store,
  model: ModelDefinition,
  asOf: string,
  focus: RunOptions['focus'],
  root = '330000',
): Promise<StagedRun> {
  const run: StagedRun = { model, staged: new Map(), hits: 0, started: Date.now(), queryMillis: 0 };
  for (const g of runGroups(model, await loadSettings(store, model.code), root).filter((x) => x.enabled)) {
    const q0 = performance.now();
    const rows = await queryHits(store, model, g, asOf, focus);
    run.queryMillis += performance.now() - q0;
    stageHits(run, rows, g.params);
  }
  return run;
}

/** A run's report, once its new clues are known. */
export function runReport(run: StagedRun, newClues: number): ModelRunReport {
  return {
    code: run.model.code,
    name: run.model.name,
    millis: Date.now() - run.started,
    hits: run.hits,
    newClues,
    queryMillis: Math.round(run.queryMillis),
  };
}

/** Runs one model over one region; writes new clues, the run record and an audit entry in one transaction. */
export async function runModel(store: Store, model: ModelDefinition, opts: RunOptions = {}): Promise<ModelRunReport> {
  const root = opts.regionCode ?? '330000';
  const asOf = opts.asOf ?? businessDate(new Date());
  if (opts.trigger === 'realtime') {
    const run = await stageFocused(store, model, asOf, opts.focus, root);
    // A real-time check that finds nothing writes nothing: no transaction for an empty result.
    return runReport(
      run,
      run.staged.size ? (await writeHits(store, [run], { root, trigger: 'realtime', actor: opts.actor, now: opts.now }))[0] : 0,
    );
  }
  const run: StagedRun = { model, staged: new Map(), hits: 0, started: Date.now(), queryMillis: 0, sqlStages: [] };
  for (const g of runGroups(model, await loadSettings(store, model.code), root).filter((x) => x.enabled)) {
    const query = groupQuery(store.dialect, model, g, asOf, opts.focus);
    run.sqlStages!.push(stageHitsSql(model, query, await store.columns(query), g.params, store.dialect));
  }
  const [newClues] = await writeHits(store, [run], { root, trigger: opts.trigger, actor: opts.actor, now: opts.now });
  return runReport(run, newClues);
}

/** Up to this many hits (real time) skip the stage table: it costs five statements more than the few rows. */
const STAGE_INSERT_MAX = 50;

/**
 * Inserts the staged rows whose dedupe key no clue has yet, and their `create` events; returns the keys
 * it inserted. The keys are looked up first through the unique index (DuckDB: 0.7 ms; ON CONFLICT cost
 * 3 ms more than the insert, NOT EXISTS scanned the clues). No other write can come between: writes run
 * under withAudit, one at a time (a queue in the process, an advisory lock across PostgreSQL servers).
 */
async function insertFew(tx: Store, staged: Value[][], actor: string, now: Date): Promise<Set<string>> {
  // Two runs of one model (focused SQL in chunks) can stage the same key: it is one clue.
  const rows = [...new Map(staged.map((r) => [r[0] as string, r])).values()];
  const keys = await tx.query<{ dedupe_key: string }>(
    sql`SELECT dedupe_key FROM clues WHERE dedupe_key IN (${joinSql(
      rows.map((r) => sql`${r[0]}`),
      ', ',
    )})`,
  );
  const known = new Set(keys.map((k) => k.dedupe_key));
  const fresh = rows.filter((r) => !known.has(r[0] as string));
  if (fresh.length === 0) return new Set();
  // Stage columns: dedupe_key, id, region_code, agency_id, model_code, severity, title, explanation, evidence, params.
  const numbers = await numbersFor(
    tx,
    fresh.map((r) => r[2] as string),
    now,
  );
  const clues = fresh.map(
    ([key, id, region, agency, model, severity, title, explanation, evidence, params], i) =>
      sql`(${id}, ${region}, ${agency}, 'model', ${model}, ${key}, ${severity}, ${title}, ${explanation}, ${evidence}, ${params}, 'new', NULL, ${now}, ${now}, ${numbers[i]})`,
  );
  await tx.exec(sql`${INSERT_CLUES} VALUES ${joinSql(clues, ', ')}`);
  const events = fresh.map((r) => sql`(${'EV-' + String(r[1])}, ${r[1]}, ${r[2]}, ${actor}, 'create', NULL, 'new', NULL, ${now})`);
  await tx.exec(sql`${INSERT_EVENTS} VALUES ${joinSql(events, ', ')}`);
  return new Set(fresh.map((r) => r[0] as string));
}

export interface WriteOptions {
  root: string;
  trigger?: RunOptions['trigger'];
  actor?: string;
  now?: Date;
}

/** Writes the staged hits of one or more model runs in their own transaction (see writeHitsIn); returns the new clues per run. */
export function writeHits(store: Store, runs: readonly StagedRun[], opts: WriteOptions): Promise<number[]> {
  return withAudit(store, async (tx) => {
    const { created, audit } = await writeHitsIn(tx, runs, opts);
    return { result: created, audit };
  });
}

/**
 * Writes the staged hits of one or more model runs into the transaction `tx`: new clues (those whose
 * dedupe key no clue has yet) with their `create` events and a model_runs row per batch or scheduled
 * run. Returns the new clues per run and the audit entries the caller appends with its commit: one per
 * batch or scheduled run, one for a real-time check that raised clues. A `create` event carries no
 * comment: the explanation is the clue's own (a copy in each of a million events was a fifth of what
 * a hangzhou-scale run wrote).
 */
export async function writeHitsIn(
  tx: Store,
  runs: readonly StagedRun[],
  opts: WriteOptions,
): Promise<{ created: number[]; audit: AuditEntryInput[] }> {
  const now = opts.now ?? new Date();
  const trigger = opts.trigger ?? 'batch';
  const actor = opts.actor ?? 'system';
  const created: number[] = [];
  const audit: AuditEntryInput[] = [];
  // Runs with a few hits (real time) are written together: three statements, however many models hit.
  const few = runs.filter((r) => !r.sqlStages && r.staged.size <= STAGE_INSERT_MAX);
  const inserted = few.some((r) => r.staged.size > 0)
    ? await insertFew(
        tx,
        few.flatMap((r) => [...r.staged.values()]),
        actor,
        now,
      )
    : new Set<string>();
  for (const run of runs) {
    let n = 0;
    if (few.includes(run)) {
      for (const key of run.staged.keys()) if (inserted.delete(key)) n++; // a key counts for one run
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
        await tx.exec(
          sql`DELETE FROM model_hits_stage WHERE dedupe_key IN (SELECT c.dedupe_key FROM clues c WHERE c.model_code = ${run.model.code})`,
        );
        const [c] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM model_hits_stage');
        n = Number(c.n);
        if (n > 0) {
          await tx.exec(sql`${INSERT_EVENTS}
            SELECT 'EV-' || s.id, s.id, s.region_code, ${actor}, 'create', NULL, 'new', NULL, ${now} FROM model_hits_stage s`);
          const year = numberingYear(now);
          const units = await tx.query<{ unit: string }>('SELECT DISTINCT substr(region_code, 1, 6) AS unit FROM model_hits_stage');
          await ensureCounters(
            tx,
            units.map((u) => u.unit),
            year,
          );
          await tx.exec(sql`${INSERT_CLUES}
            SELECT s.id, s.region_code, s.agency_id, 'model', s.model_code, s.dedupe_key, s.severity, s.title, s.explanation, s.evidence, s.params, 'new', NULL, ${now}, ${now}, ${numberExpr(year)}
            FROM model_hits_stage s JOIN clue_counters k ON k.unit_code = substr(s.region_code, 1, 6) AND k.year = ${year}`);
          await advanceCounters(tx, 'model_hits_stage', year);
        }
        await tx.exec('DELETE FROM model_hits_stage');
      }
    }
    created.push(n);
    // Batch and scheduled runs are listed on the model's page and audited one by one.
    if (trigger !== 'realtime') {
      await tx.exec(
        'INSERT INTO model_runs (id, model_code, region_code, trigger, started_at, millis, hits, new_clues) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
        [randomUUID(), run.model.code, opts.root, trigger, new Date(run.started).toISOString(), Date.now() - run.started, run.hits, n],
      );
      audit.push({
        actor,
        action: 'models.run',
        target: run.model.code,
        regionCode: opts.root,
        detail: { hits: run.hits, newClues: n, trigger },
      });
    }
  }
  // A real-time check is audited once, naming the models that raised clues (a model_runs row per judged
  // record would bury the batch runs and cost a statement).
  const raised = runs.flatMap((run, i) => (created[i] > 0 ? [{ model: run.model.code, hits: run.hits, newClues: created[i] }] : []));
  if (trigger === 'realtime' && raised.length) {
    audit.push({
      actor,
      action: 'models.run',
      target: raised.map((r) => r.model).join(','),
      regionCode: opts.root,
      detail: { trigger, runs: raised },
    });
  }
  return { created, audit };
}

export async function runModels(
  store: Store,
  models: readonly ModelDefinition[],
  opts: RunOptions & { onProgress?: (done: number, total: number, last: ModelRunReport) => void } = {},
): Promise<ModelRunReport[]> {
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
