// Incremental model runs (docs/scale-out.md, "Incremental model runs"): after a model's first run over
// a region, the next one looks only at the subjects of the records that changed since. Every record
// table carries a change stamp (migration 102, src/records/change-stamp.ts); each model's last run
// leaves a watermark (model_watermarks): the stamp up to which it had seen every change. A model that
// declares `incremental` (model.ts) runs focused on the subjects its changed rows name, now or before
// the import replaced them; every other model, a first run, a change of parameters, or a change to a
// table the model reads but does not map to subjects (an officer's certificate), runs fully. Hits are
// kept by model + subject + window, so both ways keep the same hits and open the same clues.
import { raw, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { CHANGE_STAMP, STAMPED_TABLES } from '../records/change-stamp.ts';
import { defaultParams, type ModelDefinition } from './model.ts';
import { loadSettings, runGroups } from './settings.ts';
import { groupQuery, type RunOptions } from './runner.ts';

/** What an incremental run did with one model: narrowed to this many subjects, or ran fully and why. */
export type IncrementalScope = { subjects: number; since: string } | { full: string };

/** Tables a narrowed model may read besides the stamped record tables: written by no record import. */
export const UNCHANGING_TABLES: ReadonlySet<string> = new Set(['calendar_days', 'regulations', 'articles']);

/** More changed subjects than this: the whole run costs less than the statements of the focus. */
export const MAX_FOCUS = 50_000;

/** Extra look-back (ms) before the oldest open transaction: stamps and the clock are taken on either side of BEGIN. */
const SLACK_MS = 1_000;

/** The tables named after FROM or JOIN in a query's text (not a subquery, a function or a column). */
export function tablesRead(text: string): string[] {
  const ctes = new Set(
    [
      ...text.matchAll(/\b([a-z_][a-z0-9_]*)\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s*)?\(/gi),
      ...text.matchAll(/\b([a-z_][a-z0-9_]*)\s+AS\s*\(/gi),
    ].map((m) => m[1].toLowerCase()),
  );
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*[.(])/gi)) {
    const t = m[1].toLowerCase();
    if (!ctes.has(t)) out.add(t);
  }
  return [...out];
}

/**
 * The change stamp up to which a run started now sees every change: the database's clock, or the
 * start of the oldest transaction still open if earlier (its rows carry its start, but commit later).
 */
export async function changeHorizon(store: Store): Promise<string> {
  if (store.dialect.name === 'postgres') {
    const [r] = await store.query<{ h: string }>(
      `SELECT CAST(least(current_timestamp, (SELECT min(xact_start) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL)) AS VARCHAR) AS h`,
    );
    return r.h;
  }
  const open = store.oldestOpenTransaction?.() ?? null;
  const [r] = open
    ? await store.query<{ h: string }>('SELECT CAST(least(current_timestamp, CAST($1 AS TIMESTAMPTZ)) AS VARCHAR) AS h', [
        new Date(open.getTime() - SLACK_MS),
      ])
    : await store.query<{ h: string }>('SELECT CAST(current_timestamp AS VARCHAR) AS h');
  return r.h;
}

export interface IncrementalRun {
  /** How to run one model: the focus on its changed subjects (with the scope to report), or fully. */
  plan(model: ModelDefinition): Promise<{ focus?: RunOptions['focus']; scope: IncrementalScope }>;
  /** After the model's run has committed: its watermark will move to this run's horizon. */
  done(model: ModelDefinition): Promise<void>;
  /**
   * After the last model: the watermarks of the models run move to the horizon, in one transaction, and
   * the replaced link values no watermark can still need are deleted. A crash before this leaves the
   * old watermarks, so the next run looks again at what this one saw: more work, never a change missed.
   */
  finish(): Promise<void>;
}

/**
 * Deletes the link values replaced before every watermark of every region: no incremental run reads
 * them again (a model without a watermark runs fully).
 */
export async function pruneReplacedLinks(store: Store): Promise<void> {
  await store.exec('DELETE FROM record_links_replaced WHERE changed_at < (SELECT min(watermark) FROM model_watermarks)');
}

/** The run groups (regions, parameters, enabled) a model runs with: a change makes the next run full. */
async function signature(store: Store, model: ModelDefinition, root: string): Promise<string> {
  return JSON.stringify(runGroups(model, await loadSettings(store, model.code), root));
}

export async function startIncremental(store: Store, root: string): Promise<IncrementalRun> {
  const horizon = await changeHorizon(store);
  const marks = new Map(
    (
      await store.query<{ model_code: string; watermark: string; params: string }>(
        'SELECT model_code, CAST(watermark AS VARCHAR) AS watermark, params FROM model_watermarks WHERE region_code = $1',
        [root],
      )
    ).map((r) => [r.model_code, r]),
  );
  // Per watermark: whether a table changed, and the subjects a (table, column) names; shared by the models.
  const anyChange = new Map<string, Promise<boolean>>();
  const named = new Map<string, Promise<string[]>>();
  const changed = (table: string, since: string) => {
    const k = `${table}|${since}`;
    if (!anyChange.has(k))
      anyChange.set(
        k,
        store
          .query(sql`SELECT 1 AS x FROM ${raw(table)} WHERE ${raw(CHANGE_STAMP)} >= CAST(${since} AS TIMESTAMPTZ) LIMIT 1`)
          .then((r) => r.length > 0),
      );
    return anyChange.get(k)!;
  };
  const subjects = (table: string, column: string, since: string) => {
    const k = `${table}|${column}|${since}`;
    if (!named.has(k))
      named.set(
        k,
        store
          .query<{ v: string }>(
            sql`SELECT DISTINCT v FROM (
              SELECT CAST(${raw(column)} AS VARCHAR) AS v FROM ${raw(table)}
               WHERE ${raw(CHANGE_STAMP)} >= CAST(${since} AS TIMESTAMPTZ) AND ${raw(column)} IS NOT NULL
              UNION ALL
              SELECT value AS v FROM record_links_replaced
               WHERE table_name = ${table} AND column_name = ${column} AND changed_at >= CAST(${since} AS TIMESTAMPTZ)) x`,
          )
          .then((rows) => rows.map((r) => r.v)),
      );
    return named.get(k)!;
  };

  const ran: { code: string; params: string }[] = [];

  return {
    async plan(model) {
      const inc = model.incremental;
      if (!inc || model.region) return { scope: { full: '未声明可增量' } };
      const mark = marks.get(model.code);
      if (!mark) return { scope: { full: '首次运行' } };
      if (mark.params !== (await signature(store, model, root))) return { scope: { full: '参数或启用范围已改' } };
      const since = mark.watermark;
      // Every table the query reads: mapped to subjects, unchanged since the watermark, or never written by an import.
      const text = groupQuery(
        store.dialect,
        model,
        { regionCode: root, exclude: [], params: defaultParams(model), enabled: true },
        '2000-01-01',
      )
        .render()
        .text.replace(/\s+/g, ' ');
      for (const table of tablesRead(text)) {
        if (table in inc.changes || inc.names?.includes(table) || UNCHANGING_TABLES.has(table)) continue;
        if (!STAMPED_TABLES.includes(table)) return { scope: { full: `读取 ${table}` } };
        if (await changed(table, since)) return { scope: { full: `${table} 有变化` } };
      }
      const values = new Set<string>();
      for (const [table, column] of Object.entries(inc.changes)) for (const v of await subjects(table, column, since)) values.add(v);
      if (values.size > MAX_FOCUS) return { scope: { full: `变化对象 ${values.size} 个` } };
      return { focus: { column: inc.by, values: [...values].sort() }, scope: { subjects: values.size, since } };
    },
    async done(model) {
      if (!model.incremental || model.region) return;
      ran.push({ code: model.code, params: await signature(store, model, root) });
    },
    async finish() {
      if (ran.length === 0) return;
      await store.transaction(async (tx) => {
        for (const r of ran) {
          await tx.exec('DELETE FROM model_watermarks WHERE model_code = $1 AND region_code = $2', [r.code, root]);
          await tx.exec(
            'INSERT INTO model_watermarks (model_code, region_code, watermark, params, updated_at) VALUES ($1, $2, CAST($3 AS TIMESTAMPTZ), $4, $5)',
            [r.code, root, horizon, r.params, new Date()],
          );
        }
      });
      ran.length = 0;
      await pruneReplacedLinks(store);
    },
  };
}
