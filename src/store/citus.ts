// The steps a Citus coordinator needs beyond PostgreSQL's, in one place (docs/scale-out.md). A database
// with the citus extension is a coordinator: after the ordinary migrations, the record tables are
// distributed on their county (the county_code column, which every record kind carries and every
// writer fills: src/records/county.ts), colocated with one another, and the reference data every query
// joins them with is replicated to every node. The SQL is the PostgreSQL dialect's; what else differs
// is here.
import type { Store } from './store.ts';
import { sql } from './sql.ts';

/** Reference data and catalog tables: small, read by every query, replicated to every node. */
export const REFERENCE_TABLES = [
  'regions',
  'lines',
  'agencies',
  'officers',
  'certificates',
  'entities',
  'regulations',
  'articles',
  'items',
  'inspection_items',
  'baselines',
  'baseline_tiers',
  'exemptions',
  'service_whitelist',
  'calendar_days',
];

export const DISTRIBUTION_COLUMN = 'county_code';

/** Whether the store is a Citus coordinator: PostgreSQL with the citus extension in its database. */
export async function isCitus(store: Store): Promise<boolean> {
  if (store.dialect.name !== 'postgres') return false;
  const [row] = await store.query<{ n: number }>("SELECT count(*) AS n FROM pg_extension WHERE extname = 'citus'");
  return Number(row.n) > 0;
}

/** Tables that carry the distribution column: the record tables (migration 096 and every new record kind's). */
async function countyTables(store: Store): Promise<string[]> {
  const rows = await store.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = $1 ORDER BY table_name`,
    [DISTRIBUTION_COLUMN],
  );
  return rows.map((r) => r.t);
}

/**
 * Shards per distributed table: `KEDU_CITUS_SHARDS` when set, else two per worker. Fixed when a table is
 * distributed (changing it later rewrites the table), and the rebalancer moves whole shard groups, so a
 * cluster that will grow to N workers wants a multiple of N from the start: 4 groups do not spread over
 * 3 workers (docs/scale-out.md).
 */
export function shardCount(workers: number, env: string | undefined = process.env.KEDU_CITUS_SHARDS): number {
  if (env === undefined || env === '') return Math.max(2, 2 * workers);
  const n = Number(env);
  if (!Number.isInteger(n) || n < 1 || n > 4096)
    throw new Error(`KEDU_CITUS_SHARDS: a whole number of shards from 1 to 4096, not "${env}"`);
  return n;
}

/**
 * Distributes what is not yet distributed: the record tables on county_code, `shardCount` shards each
 * (all of them colocated: same column type and shard count), and the reference tables. Idempotent. Runs
 * before the dialect's indexes (uniqueIndexesOnCitus): a distributed table accepts only unique indexes
 * that include its distribution column.
 */
export async function distribute(store: Store): Promise<string[]> {
  const done = new Set(
    (await store.query<{ t: string }>('SELECT logicalrelid::regclass::text AS t FROM pg_dist_partition')).map((r) => r.t),
  );
  const [workers] = await store.query<{ n: number }>('SELECT count(*) AS n FROM citus_get_active_worker_nodes()');
  const shards = shardCount(Number(workers.n));
  const made: string[] = [];
  for (const table of REFERENCE_TABLES.filter((t) => !done.has(t))) {
    await store.exec(`SELECT create_reference_table('${table}')`);
    made.push(table);
  }
  for (const table of (await countyTables(store)).filter((t) => !done.has(t))) {
    await store.exec(`SELECT create_distributed_table('${table}', '${DISTRIBUTION_COLUMN}', shard_count := ${shards})`);
    made.push(table);
  }
  return made;
}

/**
 * The dialect's index statements for a coordinator: a unique index on a distributed table gets the
 * distribution column first (Citus enforces uniqueness within a shard only). The key stays single
 * across counties the way it does on DuckDB, which keeps no unique index: the import replaces a stored
 * row under one transaction (src/ingest/merge.ts).
 */
export function indexesOnCitus(statements: readonly string[], distributed: ReadonlySet<string>): string[] {
  return statements.map((s) => {
    const m = /^CREATE UNIQUE INDEX IF NOT EXISTS (\w+) ON (\w+) \((.*)\)$/.exec(s);
    if (!m || !distributed.has(m[2]) || m[3].split(',').some((c) => c.trim() === DISTRIBUTION_COLUMN)) return s;
    return `CREATE UNIQUE INDEX IF NOT EXISTS ${m[1]} ON ${m[2]} (${DISTRIBUTION_COLUMN}, ${m[3]})`;
  });
}

/**
 * Settings of the database's sessions. Repartition joins: two record tables joined on another column
 * than the county (a delivery to its case by case_id) are reshuffled between the workers for the query,
 * where Citus would otherwise refuse the query. New sessions take it from the database, this one at once.
 */
export const SESSION_SETTINGS: Record<string, string> = { 'citus.enable_repartition_joins': 'on' };

/**
 * Settings of the database on every worker. The business time zone: a worker evaluates its shard's part
 * of a query in its own session, which does not take the coordinator's start-up option
 * (postgres-store.ts), so `CAST(received_at AS DATE)` there would give the UTC date (12345工单超期 found
 * 491 tickets on Citus, 489 on PostgreSQL). A worker added later needs the same.
 */
export const WORKER_SETTINGS: Record<string, string> = { timezone: "'Asia/Shanghai'" };

async function settings(store: Store): Promise<void> {
  const [db] = await store.query<{ name: string }>('SELECT current_database() AS name');
  const database = `"${db.name.replace(/"/g, '""')}"`;
  for (const [key, value] of Object.entries(SESSION_SETTINGS)) {
    await store.exec(`ALTER DATABASE ${database} SET ${key} = ${value}`);
    await store.exec(`SET ${key} = ${value}`);
  }
  for (const [key, value] of Object.entries(WORKER_SETTINGS)) {
    const command = `ALTER DATABASE ${database} SET ${key} = ${value}`;
    const failed = await store.query<{ nodename: string; result: string }>(
      sql`SELECT nodename, result FROM run_command_on_workers(${command}) WHERE NOT success`,
    );
    if (failed.length) throw new Error(`${command} on ${failed[0].nodename}: ${failed[0].result}`);
  }
}

/** After the migrations, on a coordinator: distribute, then the dialect's indexes as Citus takes them. */
export async function citusIndexes(store: Store): Promise<string[]> {
  await settings(store);
  await distribute(store);
  return indexesOnCitus(store.dialect.extraIndexes, new Set(await countyTables(store)));
}

/**
 * After the indexes, on a coordinator: every distributed table gets a replica identity, so that the
 * rebalancer can move its shards by logical replication (`shard_transfer_mode := 'auto'`): writes to a
 * moving shard wait only for the switch at the end, not for the whole copy. The identity is the unique
 * index `(county_code, id)` where the table has one (county_code made NOT NULL first, which Citus already
 * holds for a distribution column), else the whole row (FULL: the two tables of inspection plans, small).
 * Idempotent: a table that has an identity is left as it is. Returns the tables given one.
 */
export async function replicaIdentities(store: Store): Promise<string[]> {
  const tables = await store.query<{ t: string; notnull: boolean; idx: string | null }>(
    `SELECT c.relname AS t,
            (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = '${DISTRIBUTION_COLUMN}') AS notnull,
            (SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              WHERE x.indrelid = c.oid AND x.indisunique AND x.indpred IS NULL AND i.relname = c.relname || '_id') AS idx
       FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
      WHERE p.partmethod = 'h' AND c.relreplident = 'd' ORDER BY 1`,
  );
  for (const { t, notnull, idx } of tables) {
    if (!notnull) await store.exec(`ALTER TABLE ${t} ALTER COLUMN ${DISTRIBUTION_COLUMN} SET NOT NULL`);
    await store.exec(idx ? `ALTER TABLE ${t} REPLICA IDENTITY USING INDEX ${idx}` : `ALTER TABLE ${t} REPLICA IDENTITY FULL`);
  }
  return tables.map((r) => r.t);
}
