// Runs models over the records and turns hits into clues. A hit's dedupe key is model + subject +
// window, so running a model twice over the same data raises no second clue.
import { createHash, randomUUID } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionPrefix } from '../domain/region.ts';
import { businessDate } from '../domain/dates.ts';
import { explain, type HitRow, type ModelDefinition, type ParamValues } from './model.ts';
import { loadSettings, runGroups, type RunGroup } from './settings.ts';

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

function groupFilter(group: RunGroup, focus: RunOptions['focus']) {
  return (alias: string): Sql => {
    const a = alias ? `${alias}.` : '';
    const parts: Sql[] = [sql`${raw(`${a}region_code`)} LIKE ${regionPrefix(group.regionCode) + '%'}`];
    for (const p of group.exclude) parts.push(sql`${raw(`${a}region_code`)} NOT LIKE ${p + '%'}`);
    if (focus) parts.push(sql`${raw(`${a}${focus.column}`)} IN (${joinSql(focus.values.map((v) => sql`${v}`), ', ')})`);
    return sql`(${joinSql(parts, ' AND ')})`;
  };
}

export function clueId(dedupeKey: string): string {
  return 'CL-' + createHash('sha1').update(dedupeKey).digest('hex').slice(0, 16);
}

function toStageRow(model: ModelDefinition, hit: HitRow, params: ParamValues): Value[] {
  const { subject_kind, subject_id, region_code, agency_id, window_key, evidence_ids, ...facts } = hit;
  const dedupeKey = `${model.code}|${subject_kind}|${subject_id}|${window_key}`;
  const subjectName = typeof facts.subject_name === 'string' ? facts.subject_name : subject_id;
  const evidence = { kind: model.evidenceKind, ids: String(evidence_ids ?? '').split(',').filter(Boolean), subject: { kind: subject_kind, id: subject_id }, facts };
  return [dedupeKey, clueId(dedupeKey), region_code, agency_id, model.code, model.severity, `${model.name}：${subjectName}`,
    explain(model.explanation, { ...facts, window_key }, params), JSON.stringify(evidence), JSON.stringify(params)];
}

/** Runs one model over one region; writes new clues, the run record and an audit entry in one transaction. */
export async function runModel(store: Store, model: ModelDefinition, opts: RunOptions = {}): Promise<ModelRunReport> {
  const started = Date.now();
  const root = opts.regionCode ?? '330000';
  const asOf = opts.asOf ?? businessDate(new Date());
  const groups = runGroups(model, await loadSettings(store, model.code), root).filter((g) => g.enabled);
  const staged = new Map<string, Value[]>();
  let hits = 0;
  let queryMillis = 0;
  for (const g of groups) {
    const q0 = performance.now();
    const rows = await store.query<HitRow>(model.query({ dialect: store.dialect, params: g.params, where: groupFilter(g, opts.focus), asOf }));
    queryMillis += performance.now() - q0;
    hits += rows.length;
    for (const r of rows) {
      const row = toStageRow(model, r, g.params);
      staged.set(row[0] as string, row);
    }
  }
  // A real-time check that finds nothing writes nothing: ingest batches should not pay a transaction
  // per model for an empty result (batch and scheduled runs are still recorded in model_runs).
  if (opts.trigger === 'realtime' && staged.size === 0) return { code: model.code, name: model.name, millis: Date.now() - started, hits, newClues: 0, queryMillis: Math.round(queryMillis) };
  const now = new Date().toISOString();
  const newClues = await withAudit(store, async (tx) => {
    let created = 0;
    if (staged.size > 0) {
      await tx.exec('DELETE FROM model_hits_stage');
      await tx.copyIn('model_hits_stage', STAGE_COLUMNS, staged.values());
      const fresh = sql`FROM model_hits_stage s WHERE NOT EXISTS (SELECT 1 FROM clues c WHERE c.dedupe_key = s.dedupe_key)`;
      const [n] = await tx.query<{ n: number }>(sql`SELECT count(*) AS n ${fresh}`);
      created = Number(n.n);
      if (created > 0) {
        await tx.exec(sql`INSERT INTO clue_events (id, clue_id, region_code, actor_user_id, action, from_status, to_status, comment, occurred_at)
          SELECT 'EV-' || s.id, s.id, s.region_code, ${opts.actor ?? 'system'}, 'create', NULL, 'new', s.explanation, ${now} ${fresh}`);
        await tx.exec(sql`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence, params, status, deadline, created_at, updated_at)
          SELECT s.id, s.region_code, s.agency_id, 'model', s.model_code, s.dedupe_key, s.severity, s.title, s.explanation, s.evidence, s.params, 'new', NULL, ${now}, ${now} ${fresh}`);
      }
      await tx.exec('DELETE FROM model_hits_stage');
    }
    const millis = Date.now() - started;
    await tx.exec('INSERT INTO model_runs (id, model_code, region_code, trigger, started_at, millis, hits, new_clues) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
      [randomUUID(), model.code, root, opts.trigger ?? 'batch', new Date(started).toISOString(), millis, hits, created]);
    return {
      result: created,
      audit: created > 0 || opts.trigger !== 'realtime'
        ? [{ actor: opts.actor ?? 'system', action: 'models.run', target: model.code, regionCode: root, detail: { hits, newClues: created, trigger: opts.trigger ?? 'batch' } }]
        : [],
    };
  });
  return { code: model.code, name: model.name, millis: Date.now() - started, hits, newClues, queryMillis: Math.round(queryMillis) };
}

export async function runModels(store: Store, models: ModelDefinition[], opts: RunOptions & { onProgress?: (done: number, total: number, last: ModelRunReport) => void } = {}): Promise<ModelRunReport[]> {
  const reports: ModelRunReport[] = [];
  for (const m of models) {
    const r = await runModel(store, m, opts);
    reports.push(r);
    opts.onProgress?.(reports.length, models.length, r);
  }
  return reports;
}
