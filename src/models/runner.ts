// Runs models over the records and hands their hits to triage (src/models/triage/), which keeps each
// new hit with its score and files it into a clue or a 预警. A hit's dedupe key is model + subject +
// window, so running a model twice over the same data keeps no second hit.
import { randomUUID } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';
import type { Dialect } from '../store/dialect.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { cityOf, countyOf, regionPrefix, regionProblem } from '../domain/region.ts';
import { businessDate } from '../domain/dates.ts';
import { regionContains } from '../domain/region.ts';
import { explain, type HitRow, type ModelDefinition, type ParamValues } from './model.ts';
import { loadSettings, runGroups, type RunGroup } from './settings.ts';
import { stageHitsSql } from './stage-sql.ts';
import { STAGE_COLUMNS, clueId, hitId, stagedHit } from './triage/hit.ts';
import { fileHit, moneyFact } from './triage/filing.ts';
import { triageInCode } from './triage/in-code.ts';
import { triageStaged } from './triage/in-sql.ts';
import { emptyOutcome, type TriageContext, type TriageOutcome } from './triage/context.ts';
import { loadThresholdSettings } from './triage/procedure.ts';
import { startIncremental, type IncrementalScope } from './incremental.ts';

export { clueId, hitId };

export interface RunOptions {
  regionCode?: string; // default: the province
  asOf?: string; // default: today (Asia/Shanghai)
  trigger?: 'batch' | 'schedule' | 'realtime';
  actor?: string;
  /** Real time: only these subjects (the incoming records' values of the model's subject column). */
  focus?: { column: string; values: readonly string[] };
  /** When new clues are found (default: now); a server judging as of another day passes that day. */
  now?: Date;
  /** runModels: after a model's first run, narrow it to what changed since (src/models/incremental.ts). */
  incremental?: boolean;
  /** What an incremental run did with this model: narrowed to this many subjects, or ran fully (why). */
  scope?: IncrementalScope;
}

export interface ModelRunReport {
  code: string;
  name: string;
  millis: number;
  hits: number;
  /** Hits not seen before (kept in model_hits). */
  newHits: number;
  /** Clues opened: 简易 and 一般. */
  newClues: number;
  /** What triage did with the new hits: clues opened per procedure, open clues joined, files left at 预警. */
  triage: Pick<TriageOutcome, 'simple' | 'general' | 'joined' | 'warnings'>;
  /** Of `millis`, the time spent in the model's query (the rest is turning hits into clues and writing them). */
  queryMillis: number;
  /** In an incremental run: narrowed to the subjects of changed records, or run fully and why. */
  scope?: IncrementalScope;
}

/**
 * Focused on more subjects than this, the values go as one comma-joined parameter split by the engine:
 * an incremental run at city scale focused 20,639 subjects, and an IN list of as many parameters took
 * 1.5–2.0 s to plan on DuckDB where the split list took 0.15–0.19 s (a count over the city's cases).
 */
const FOCUS_AS_LIST = 200;

function groupFilter(dialect: Dialect, group: RunGroup, focus: RunOptions['focus']) {
  return (alias: string): Sql => {
    const a = alias ? `${alias}.` : '';
    const parts: Sql[] = [sql`${raw(`${a}region_code`)} LIKE ${regionPrefix(group.regionCode) + '%'}`];
    for (const p of group.exclude) parts.push(sql`${raw(`${a}region_code`)} NOT LIKE ${p + '%'}`);
    if (focus) {
      const column = raw(`${a}${focus.column}`);
      // One subject (a pushed record) as an equality: inside the transaction that landed the record,
      // DuckDB estimated `IN (x)` over a table with rows of the transaction's own far above one row and
      // built its hash joins on the other side (payments, 1.48 million rows at Hangzhou scale): 206 and
      // 456 ms for PEN_CLOSED_UNPAID and PEN_NO_COURT_APPLICATION, 10 and 11 ms with `= x`.
      if (focus.values.length === 1) parts.push(sql`${column} = ${focus.values[0]}`);
      else if (focus.values.length > FOCUS_AS_LIST && !focus.values.some((v) => v.includes(',')))
        parts.push(
          sql`${column} IN (SELECT ${raw(dialect.unnestCsv('x'))} FROM (SELECT CAST(${focus.values.join(',')} AS VARCHAR) AS x) focus_list)`,
        );
      else
        parts.push(
          sql`${column} IN (${joinSql(
            focus.values.map((v) => sql`${v}`),
            ', ',
          )})`,
        );
    }
    return sql`(${joinSql(parts, ' AND ')})`;
  };
}

/** What makes a hit one: model, subject and window (stage-sql.ts builds the same in SQL). */
export function dedupeKey(model: ModelDefinition, hit: Pick<HitRow, 'subject_kind' | 'subject_id' | 'window_key'>): string {
  return `${model.code}|${hit.subject_kind}|${hit.subject_id}|${hit.window_key ?? ''}`;
}

/**
 * A hit as a row of model_hits_stage (STAGE_COLUMNS): dedupe key, hit id, region, agency, model,
 * severity, title, explanation, evidence, params, subject, window, where it is filed, money at stake.
 */
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
  const file = fileHit(model, hit, facts);
  // A numeric column may hold NULL in a row: the SQL picks the fact by its column's type, so does this.
  const money = moneyFact(model, new Set(Object.keys(facts).filter((k) => typeof facts[k] === 'number' || facts[k] === null)));
  const amount = money === null ? null : (facts[money] as number | null);
  return [
    key,
    hitId(key),
    region_code,
    agency_id,
    model.code,
    model.severity,
    `${model.name}：${subjectName}`,
    explain(model.explanation, { ...facts, window_key }, params),
    JSON.stringify(evidence),
    JSON.stringify(params),
    subject_kind,
    subject_id,
    window_key === null || window_key === undefined ? '' : String(window_key),
    file.kind,
    file.id,
    amount === null || amount === undefined ? null : Number(amount),
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
  scope?: IncrementalScope;
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
  return model.query({ dialect, params: group.params, where: groupFilter(dialect, group, focus), asOf });
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

/** A run's report, once triage has written its hits. */
export function runReport(run: StagedRun, outcome: TriageOutcome = emptyOutcome()): ModelRunReport {
  return {
    code: run.model.code,
    name: run.model.name,
    millis: Date.now() - run.started,
    hits: run.hits,
    newHits: outcome.newHits,
    newClues: outcome.newClues,
    triage: triageCounts(outcome),
    queryMillis: Math.round(run.queryMillis),
    ...(run.scope ? { scope: run.scope } : {}),
  };
}

/** Runs one model over one region; writes new clues, the run record and an audit entry in one transaction. */
export async function runModel(store: Store, model: ModelDefinition, opts: RunOptions = {}): Promise<ModelRunReport> {
  let root = opts.regionCode ?? '330000';
  // A county's own model runs over its region only: the narrower of the two, nothing when they do not meet.
  if (model.region && !regionContains(model.region, root)) {
    if (!regionContains(root, model.region)) return runReport({ model, staged: new Map(), hits: 0, started: Date.now(), queryMillis: 0 });
    root = model.region;
  }
  const asOf = opts.asOf ?? businessDate(new Date());
  if (opts.trigger === 'realtime') {
    const run = await stageFocused(store, model, asOf, opts.focus, root);
    // A real-time check that finds nothing writes nothing: no transaction for an empty result.
    return runReport(
      run,
      run.staged.size
        ? (await writeHits(store, [run], { root, trigger: 'realtime', actor: opts.actor, asOf, now: opts.now }))[0]
        : undefined,
    );
  }
  const run: StagedRun = { model, staged: new Map(), hits: 0, started: Date.now(), queryMillis: 0, sqlStages: [], scope: opts.scope };
  for (const g of runGroups(model, await loadSettings(store, model.code), root).filter((x) => x.enabled)) {
    for (const focus of focusChunks(opts.focus)) {
      const query = groupQuery(store.dialect, model, g, asOf, focus);
      run.sqlStages!.push(stageHitsSql(model, query, await store.columns(query), g.params, store.dialect));
    }
  }
  const [outcome] = await writeHits(store, [run], { root, trigger: opts.trigger, actor: opts.actor, asOf, now: opts.now });
  return runReport(run, outcome);
}

/** Subjects per focused statement (bind parameters: PostgreSQL allows 65,535 per statement). */
export const FOCUS_CHUNK = 5_000;

/** A focus in statements of at most FOCUS_CHUNK subjects; none for a focus on no subject; the whole run without one. */
function focusChunks(focus: RunOptions['focus']): (RunOptions['focus'] | undefined)[] {
  if (!focus) return [undefined];
  const out: RunOptions['focus'][] = [];
  for (let i = 0; i < focus.values.length; i += FOCUS_CHUNK)
    out.push({ column: focus.column, values: focus.values.slice(i, i + FOCUS_CHUNK) });
  return out;
}

const REGION_AT = STAGE_COLUMNS.indexOf('region_code');

/**
 * The region staged hits lie in, within root: their county, else their city, else root. A real-time
 * check is audited under it and writes under its chain's lock: the records of a push lie in its
 * sender's jurisdiction, and a record's subjects in the record's county, so a push's hits lock the
 * city it was sent for, not every chain.
 */
export function hitsRegion(runs: readonly StagedRun[], root: string): string {
  let common: string | null = null;
  for (const run of runs)
    for (const row of run.staged.values()) {
      const r = row[REGION_AT];
      if (typeof r !== 'string' || regionProblem(r) || !regionContains(root, r)) return root;
      const county = countyOf(r);
      if (common === null) common = county;
      else if (common !== county) {
        if (cityOf(common) !== cityOf(county)) return root;
        common = cityOf(county);
      }
    }
  return common !== null && regionContains(root, common) ? common : root;
}

/** Up to this many hits per run (real time) are triaged in code: the stage and its SQL cost more statements than the few rows. */
const IN_CODE_MAX = 50;

export interface WriteOptions {
  root: string;
  trigger?: RunOptions['trigger'];
  actor?: string;
  /** The business day of the run (its period and history). */
  asOf: string;
  now?: Date;
  /** The enterprise of a record subject, from what a real-time check holds (triage asks the store otherwise). */
  entityOf?: TriageContext['entityOf'];
  /** Triage every run through the stage and SQL, as a batch run does (tests compare both ways on the same hits). */
  inSql?: boolean;
}

/** Writes the staged hits of one or more model runs in their own transaction (see writeHitsIn); returns the new clues per run. */
export function writeHits(store: Store, runs: readonly StagedRun[], opts: WriteOptions): Promise<TriageOutcome[]> {
  // A batch run locks the chains of its region (the province's: every chain); a real-time check, its hits' city.
  const scope = (opts.trigger ?? 'batch') === 'realtime' ? hitsRegion(runs, opts.root) : opts.root;
  return withAudit(store, scope, async (tx) => {
    const { outcomes, audit } = await writeHitsIn(tx, runs, opts);
    return { result: outcomes, audit };
  });
}

/**
 * Writes the staged hits of one or more model runs into the transaction `tx`: triage keeps the new
 * hits (those whose dedupe key no hit has yet) with their scores and files them — new clues with their
 * `create` events, hits joining open clues — and a model_runs row per batch or scheduled run. Returns
 * what triage did per run and the audit entries the caller appends with its commit: one per batch or
 * scheduled run, one for a real-time check that kept hits. A clue's `create` event carries no copy of
 * the explanation (a copy in each of a million events was a fifth of what a hangzhou-scale run wrote).
 */
export async function writeHitsIn(
  tx: Store,
  runs: readonly StagedRun[],
  opts: WriteOptions,
): Promise<{ outcomes: TriageOutcome[]; audit: AuditEntryInput[] }> {
  const trigger = opts.trigger ?? 'batch';
  const ctx: TriageContext = { asOf: opts.asOf, now: opts.now ?? new Date(), actor: opts.actor ?? 'system', entityOf: opts.entityOf };
  const audit: AuditEntryInput[] = [];
  // Runs with a few hits (real time) are triaged together in code: a handful of statements, however many models hit.
  const few = opts.inSql ? [] : runs.filter((r) => !r.sqlStages && r.staged.size <= IN_CODE_MAX);
  const inCode = few.some((r) => r.staged.size > 0)
    ? await triageInCode(
        tx,
        few.map((r) => ({ model: r.model, hits: [...r.staged.values()].map(stagedHit) })),
        ctx,
        `RT-${randomUUID()}`,
      )
    : few.map(() => emptyOutcome());
  const settings = few.length === runs.length ? [] : await loadThresholdSettings(tx);
  const outcomes: TriageOutcome[] = [];
  for (const run of runs) {
    const runId = randomUUID();
    let outcome: TriageOutcome;
    const k = few.indexOf(run);
    if (k >= 0) outcome = inCode[k];
    else {
      await tx.exec('DELETE FROM model_hits_stage');
      if (run.sqlStages) {
        const batch = trigger !== 'realtime';
        if (batch) for (const statement of tx.dialect.beforeBatchQuery) await tx.exec(statement);
        const q0 = performance.now();
        for (const stage of run.sqlStages) await tx.exec(stage);
        run.queryMillis += performance.now() - q0;
        if (batch) for (const statement of tx.dialect.afterBatchQuery) await tx.exec(statement);
        const [h] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM model_hits_stage');
        run.hits = Number(h.n);
      } else {
        await tx.copyIn('model_hits_stage', [...STAGE_COLUMNS], run.staged.values());
      }
      outcome = await triageStaged(tx, run.model, trigger === 'realtime' ? `RT-${runId}` : runId, ctx, settings);
    }
    outcomes.push(outcome);
    // Batch and scheduled runs are listed on the model's page and audited one by one.
    if (trigger !== 'realtime') {
      await tx.exec(
        'INSERT INTO model_runs (id, model_code, region_code, trigger, started_at, millis, hits, new_clues, new_hits) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        [
          runId,
          run.model.code,
          opts.root,
          trigger,
          new Date(run.started).toISOString(),
          Date.now() - run.started,
          run.hits,
          outcome.newClues,
          outcome.newHits,
        ],
      );
      audit.push({
        actor: ctx.actor,
        action: 'models.run',
        target: run.model.code,
        regionCode: opts.root,
        detail: {
          hits: run.hits,
          newHits: outcome.newHits,
          newClues: outcome.newClues,
          triage: triageCounts(outcome),
          trigger,
          ...(run.scope ? { incremental: run.scope } : {}),
        },
      });
    }
  }
  // A real-time check is audited once, naming the models that kept hits (a model_runs row per judged
  // record would bury the batch runs and cost a statement).
  const kept = runs.flatMap((run, i) =>
    outcomes[i].newHits > 0
      ? [{ model: run.model.code, hits: run.hits, newHits: outcomes[i].newHits, newClues: outcomes[i].newClues }]
      : [],
  );
  if (trigger === 'realtime' && kept.length) {
    audit.push({
      actor: ctx.actor,
      action: 'models.run',
      target: kept.map((r) => r.model).join(','),
      regionCode: hitsRegion(runs, opts.root),
      detail: { trigger, runs: kept },
    });
  }
  return { outcomes, audit };
}

const triageCounts = (o: TriageOutcome) => ({ simple: o.simple, general: o.general, joined: o.joined, warnings: o.warnings });

export async function runModels(
  store: Store,
  models: readonly ModelDefinition[],
  opts: RunOptions & { onProgress?: (done: number, total: number, last: ModelRunReport) => void } = {},
): Promise<ModelRunReport[]> {
  const reports: ModelRunReport[] = [];
  // Incremental: what changed is read up to a horizon taken before any model looks at the records.
  const changes = opts.incremental ? await startIncremental(store, opts.regionCode ?? '330000') : null;
  for (const s of store.dialect.beforeWriteBurst) await store.exec(s);
  try {
    for (const m of models) {
      const plan = changes ? await changes.plan(m) : null;
      const r = await runModel(store, m, plan ? { ...opts, focus: plan.focus, scope: plan.scope } : opts);
      if (changes) await changes.done(m);
      reports.push(r);
      opts.onProgress?.(reports.length, models.length, r);
    }
    await changes?.finish();
  } finally {
    for (const s of store.dialect.afterWriteBurst) {
      // A checkpoint refused because another transaction is open is left to the next commit.
      await store.exec(s).catch(() => undefined);
    }
  }
  return reports;
}
