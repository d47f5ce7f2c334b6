// kedu demo: generates a Zhejiang-like world and 18 months of enforcement records into the store,
// ending on the as-of day (today unless given), with known violations planted and listed in
// ground_truth. Deterministic: the same scale, seed and as-of day give the same rows (seeded PRNG
// streams, no Math.random, the clock read once for the default as-of day). Streams: no more than one
// batch per table is ever held in memory, whatever the scale.
import { getHeapStatistics } from 'node:v8';
import type { Store } from '../store/store.ts';
import { CatalogIndex } from './catalog-index.ts';
import { makeDays, Ids, plantThinning, type Ctx } from './context.ts';
import { makeDelegations } from './delegations.ts';
import { makeEntity } from './entities.ts';
import { writeCampaigns } from './followup.ts';
import { GroundTruth, type Violation } from './ground-truth.ts';
import { makeHotlineTickets } from './hotline.ts';
import { PROVIDER_INDUSTRY, INDUSTRIES } from './industries.ts';
import { makeInspections } from './inspections.ts';
import { makeLicences } from './licences.ts';
import { deriveSeed, mix32, Rng } from './prng.ts';
import { referenceCatalog } from './reference.ts';
import { RECORDS_PER_ENTITY, scaleProfile, type ScaleName } from './scale.ts';
import { makeServiceVisits } from './service-visits.ts';
import { BatchWriter } from './sink.ts';
import { openSinks, RECORD_TABLES, type DemoTable } from './tables.ts';
import { buildWorld } from './world.ts';
import { periodEnding, type Period } from './calendar.ts';
import { businessDate } from '../domain/dates.ts';
import { sql } from '../store/sql.ts';
import { invalidateRealtimeState } from '../models/realtime/state.ts';
import { makeInspectionPlans, PLAN_TABLES } from './inspection-plans.ts';
import { makePatternPlants, PatternPool } from './patterns.ts';
import { makeReviewOutcomes } from './reviews.ts';
import { rebuildTallies } from '../records/month-tallies.ts';

export interface DemoOptions {
  scale: ScaleName;
  seed: number;
  /** The last day of the data ('YYYY-MM-DD'); default today (Asia/Shanghai). */
  asOf?: string;
  /** Empty the demo's tables first; without it a store that already has records is refused. */
  reset?: boolean;
  /** Fewer entities than the scale's (a quick world for tests); the scale's other settings stay. */
  entities?: number;
  /** The share of the demo's plants to keep, instead of the scale's (0 to 1). */
  plantShare?: number;
  onProgress?: (done: number, total: number) => void;
  /** The step the generation enters, after the records: the plans' steps take a while at Hangzhou scale. */
  onStage?: (name: string) => void;
}

export interface DemoResult {
  /** The last day of the data: the day it is judged as of. */
  asOf: string;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Rows of the ten record tables. */
  records: number;
  seconds: number;
  /** Planted violations per kind (rows of ground_truth). */
  planted: Record<Violation, number>;
}

/** A refusal the user can act on (the CLI prints it as is). */
export class DemoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoError';
  }
}

/** Tables the generator fills (besides the reference tables), emptied by --reset, children first. */
export const GENERATED_TABLES = [
  ...PLAN_TABLES,
  'review_outcomes',
  ...RECORD_TABLES,
  'ground_truth',
  'followup_findings',
  'followup_analyses',
  'followup_invitations',
  'followup_tasks',
  'campaigns',
  'entities',
  'certificates',
  'officers',
  'agencies',
] as const;
/**
 * Findings about the records and the work on them: stale once the records are replaced, so --reset
 * empties them too (the clue numbers start again with the new data set).
 */
const DERIVED_TABLES = [
  'clue_events',
  'clues',
  'clue_reports',
  'clue_attachments',
  'clue_counters',
  'notices',
  'notice_numbers',
  'demo_runs',
  // The hits the models kept (the clues' evidence and triage's files), and what telling about clues left.
  'model_hits',
  'notifications',
  'notification_reads',
  'notification_marks',
  'webhook_deliveries',
] as const;

/** The tables among GENERATED_TABLES that hold rows, with "n+" counts (checked with LIMIT, not count(*)). */
export async function existingData(store: Store): Promise<string[]> {
  const found: string[] = [];
  for (const t of [...RECORD_TABLES, 'entities', 'agencies']) {
    const rows = await store.query(`SELECT 1 AS x FROM ${t} LIMIT 1`);
    if (rows.length) found.push(t);
  }
  return found;
}

export async function resetDemo(store: Store): Promise<void> {
  invalidateRealtimeState(store);
  const tables = [...DERIVED_TABLES, ...GENERATED_TABLES];
  await store.transaction(async (tx) => {
    if (tx.dialect.name === 'duckdb') {
      // DuckDB deletes row by row from each primary-key index, and after a checkpoint very slowly (measured:
      // 47k inspections took 4–18 s); a hangzhou-scale reset would take hours. Re-creating the empty table
      // from its own DDL (and its indexes) is instant and leaves the schema exactly as it was.
      for (const t of tables) {
        const [table] = await tx.query<{ sql: string }>(`SELECT sql FROM duckdb_tables() WHERE table_name = $1 AND schema_name = 'main'`, [
          t,
        ]);
        const indexes = await tx.query<{ sql: string }>(`SELECT sql FROM duckdb_indexes() WHERE table_name = $1 AND sql IS NOT NULL`, [t]);
        await tx.exec(`DROP TABLE ${t}`);
        await tx.exec(table.sql);
        for (const i of indexes) await tx.exec(i.sql);
      }
    } else {
      await tx.exec(`TRUNCATE ${tables.join(', ')}`);
    }
    await tx.exec('DELETE FROM regions WHERE is_demo = TRUE');
    // The tasks are gone: their serials start again, so a seed gives the same codes after a reset.
    await tx.exec(`UPDATE inspection_code_counter SET next_serial = 1 WHERE name = 'task'`);
  });
}

export async function generateDemo(store: Store, opts: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const profile = opts.entities ? { ...scaleProfile(opts.scale), entities: opts.entities } : scaleProfile(opts.scale);
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new DemoError(`种子须为 0 至 4294967295 之间的整数（got ${opts.seed}）`);
  }
  if (opts.plantShare !== undefined && !(opts.plantShare >= 0 && opts.plantShare <= 1)) {
    throw new DemoError(`预置违规比例须在 0 至 1 之间（got ${opts.plantShare}）`);
  }
  const heapLimitMB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  if (!opts.entities && profile.heapMB && heapLimitMB < profile.heapMB) {
    throw new DemoError(
      `${profile.name} 规模的演示数据生成需要约 ${profile.heapMB} MB 的 Node.js 内存堆（当前上限 ${heapLimitMB} MB）：请先设置 NODE_OPTIONS=--max-old-space-size=${profile.heapMB} 再运行`,
    );
  }
  if (opts.reset) {
    await resetDemo(store);
  } else {
    const found = await existingData(store);
    if (found.length) {
      throw new DemoError(
        `存储中已有数据（${found.join('、')}），不能再生成演示数据；如要清空后重新生成，请加 --reset（将删除全部业务记录、主体、执法主体和问题线索）`,
      );
    }
  }
  let period: Period;
  try {
    period = periodEnding(opts.asOf ?? businessDate(new Date()));
  } catch (e) {
    throw new DemoError((e as Error).message);
  }
  const catalog = await referenceCatalog(store);
  const cat = new CatalogIndex(catalog);
  const seed = opts.seed >>> 0;

  const writer = new BatchWriter(store, profile.batchRows);
  const out = openSinks(writer);
  const truth = new GroundTruth(out);
  const world = buildWorld(catalog, profile, cat.activeLines, seed, out, period);
  const ctx: Ctx = {
    seed,
    period,
    profile,
    cat,
    world,
    out,
    ids: new Ids(),
    truth,
    days: makeDays(period),
    providers: [],
    caseTally: new Map(),
    stage: (name) => opts.onStage?.(name),
    ...plantThinning(seed, opts.plantShare ?? profile.plantShare),
  };
  writeCampaigns(ctx);

  const recordSinks = RECORD_TABLES.map((t) => out[t]);
  const recordsSoFar = () => recordSinks.reduce((n, s) => n + s.rows, 0);
  const total = Math.round(profile.entities * RECORDS_PER_ENTITY);
  const providerIndustry = INDUSTRIES.findIndex((i) => i.code === PROVIDER_INDUSTRY);
  const providersPerCity = new Map<string, number>();
  const entityBase = deriveSeed(seed, 'entity');

  const pool = new PatternPool();
  let planTruth: number | undefined;
  await writer.begin();
  try {
    let index = 0;
    for (const county of world.counties) {
      const n = Math.round(profile.entities * county.share);
      for (let i = 0; i < n; i++, index++) {
        const rng = new Rng(mix32(entityBase ^ mix32(index)));
        const e = makeEntity(seed, index, county, rng, out, period);
        if (e.industry === providerIndustry && (providersPerCity.get(county.city.code) ?? 0) < 200) {
          ctx.providers.push({ uscc: e.uscc, name: e.name, city: county.city.code });
          providersPerCity.set(county.city.code, (providersPerCity.get(county.city.code) ?? 0) + 1);
        }
        makeLicences(ctx, e, rng);
        const casesBefore = out.cases.rows;
        makeInspections(ctx, e, rng);
        pool.offer(e, out.cases.rows > casesBefore);
        makeServiceVisits(ctx, e, rng);
        makeHotlineTickets(ctx, e, rng);
        if ((index & 1023) === 1023) {
          await writer.drain();
          opts.onProgress?.(recordsSoFar(), Math.max(total, recordsSoFar()));
        }
      }
    }
    ctx.stage('委托、模式样本与复议诉讼结果');
    makeDelegations(ctx);
    makePatternPlants(ctx, pool, index);
    makeReviewOutcomes(ctx);
    ctx.stage('写入记录');
    await writer.finish();
    planTruth = await makeInspectionPlans(store, ctx);
  } catch (e) {
    await writer.abort();
    throw e;
  } finally {
    invalidateRealtimeState(store); // the real-time checks' state reloads on next use
  }

  ctx.stage('建立索引');
  for (const stmt of store.dialect.afterBulkLoad) await store.exec(stmt);
  await rebuildTallies(store); // the records went in around the import
  await store.exec(
    sql`INSERT INTO demo_runs (id, scale, seed, as_of, pinned, generated_at) VALUES (${`DR-${Date.now()}`}, ${opts.scale}, ${seed}, CAST(${period.asOfIso} AS DATE), ${opts.asOf !== undefined}, ${new Date().toISOString()})`,
  );
  const records = recordsSoFar();
  opts.onProgress?.(records, records);
  const counts: Record<string, number> = {};
  for (const t of Object.keys(out) as DemoTable[]) counts[t === 'regions' ? 'townships' : t] = out[t].rows;
  counts.ground_truth += planTruth ?? 0;
  return {
    asOf: period.asOfIso,
    counts,
    records,
    seconds: (performance.now() - started) / 1000,
    planted: Object.fromEntries(truth.counts) as Record<Violation, number>,
  };
}

/**
 * The day the store's demo data ends on, and whether it was pinned there (generated with an as-of
 * day): a pinned data set is judged as of its day; one generated for "today" lives on with the calendar.
 */
export async function demoDay(store: Store): Promise<{ asOf: string; pinned: boolean } | null> {
  const [r] = await store.query<{ as_of: string; pinned: boolean }>(
    'SELECT as_of, pinned FROM demo_runs ORDER BY generated_at DESC LIMIT 1',
  );
  return r ? { asOf: r.as_of, pinned: !!r.pinned } : null;
}
