// Citus only (docs/scale-out.md): a worker added and the shards rebalanced under the generated data
// (`--only rebalance`), and the province sized from the bytes each record takes in its shard
// (`--only sizing`). Both read a coordinator's catalog (citus_shards, pg_dist_partition,
// run_command_on_shards), so they run on the `citus` engine only.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { Store } from '../src/store/store.ts';
import { MODELS } from '../src/models/library/index.ts';
import { stageFocused } from '../src/models/runner.ts';
import { DISTRIBUTION_COLUMN } from '../src/store/citus.ts';

type Put = (row: string, engine: string, value: string) => void;
const ENGINE = 'citus';
const n = (x: number) => Math.round(x).toLocaleString('en');
// Decimal units: MB = 10⁶ bytes, TB = 10¹² bytes.
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The province (the seed's figure: 104.3亿条) and what one worker holds in the sizing. */
export const PROVINCE_RECORDS = 10_430_000_000;
export const PROVINCE_ENTITIES = 10_000_000;
export const BYTES_PER_WORKER = 2e12;

/** The tables distributed on the county (hash): the record tables. */
async function recordTables(store: Store): Promise<string[]> {
  const rows = await store.query<{ t: string }>(
    "SELECT logicalrelid::regclass::text AS t FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY 1",
  );
  return rows.map((r) => r.t);
}

async function counts(store: Store, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0].n);
  return out;
}

/** Every model's batch query over the province, read (no clue written): the keys of its hits. */
async function hitKeys(store: Store, asOf: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const m of MODELS) for (const k of (await stageFocused(store, m, asOf, undefined)).staged.keys()) keys.add(k);
  return keys;
}

/** Shard placements of the record tables per node: "5451: 22 shards, 41.2 MB". */
async function shardsPerNode(store: Store): Promise<string> {
  const rows = await store.query<{ port: number; shards: number; bytes: number }>(
    `SELECT nodeport AS port, count(*) AS shards, sum(shard_size) AS bytes FROM citus_shards
      WHERE citus_table_type = 'distributed' GROUP BY nodeport ORDER BY nodeport`,
  );
  return rows.map((r) => `${r.port}: ${r.shards} shards, ${mb(Number(r.bytes))}`).join('; ');
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${stderr}`))));
  });
}

/**
 * Counts and hit keys, a third worker added (.ci/citus-add-worker: citus_add_node, citus_rebalance_start,
 * citus_rebalance_wait), counts and hit keys again: they must be the same. While the shards move, a
 * reader (a county's inspections counted) and a writer (one case's row updated) run in a loop as users
 * would, and their slowest answer is kept. Then the worker is drained and removed again, timed too.
 */
export async function rebalanceBench(
  store: Store,
  opts: { database: string; coordinatorUrl: string; asOf: string },
  put: Put,
  out: (s: string) => void,
): Promise<void> {
  const tables = await recordTables(store);
  const before = await counts(store, tables);
  const t0 = performance.now();
  const keysBefore = await hitKeys(store, opts.asOf);
  put(`rebalance: ${MODELS.length} models' queries before (hits)`, ENGINE, `${secs(performance.now() - t0)} (${n(keysBefore.size)})`);
  put('rebalance: record tables, records before', ENGINE, n(Object.values(before).reduce((a, b) => a + b, 0)));
  put('rebalance: shards per node before', ENGINE, await shardsPerNode(store));

  const script = fileURLToPath(new URL('../.ci/citus-add-worker', import.meta.url));
  const env = {
    ...process.env,
    CITUS_PORT: new URL(opts.coordinatorUrl).port || '5432',
    CITUS_PREFIX: process.env.CITUS_PREFIX ?? 'citus',
  };
  const [{ id: caseId, county }] = await store.query<{ id: string; county: string }>(
    `SELECT id, ${DISTRIBUTION_COLUMN} AS county FROM cases ORDER BY id LIMIT 1`,
  );
  const reads: number[] = [];
  const writes: number[] = [];
  const failures: string[] = [];
  let moving = true;
  const probe = async (times: number[], statement: string, params: string[]) => {
    while (moving) {
      const t = performance.now();
      await store.exec(statement, params).catch((e: Error) => failures.push(e.message));
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const started = performance.now();
  const probes = [
    probe(reads, `SELECT count(*) FROM inspections WHERE ${DISTRIBUTION_COLUMN} = $1`, [county]),
    probe(writes, 'UPDATE cases SET changed_at = changed_at WHERE id = $1', [caseId]),
  ];
  let log: string;
  try {
    log = await run(script, [opts.database], env);
  } finally {
    moving = false;
    await Promise.all(probes);
  }
  const took = performance.now() - started;
  out(log.trimEnd());
  put('rebalance: .ci/citus-add-worker (new node, citus_add_node, rebalance), total', ENGINE, secs(took));
  const moved = /rebalanced in ([\d.]+) s, shard_transfer_mode (\w+)/.exec(log);
  put('rebalance: of which the moves (citus_rebalance_start to _wait), transfer mode', ENGINE, moved ? `${moved[1]} s, ${moved[2]}` : '—');
  put('rebalance: shards per node after', ENGINE, await shardsPerNode(store));
  const max = (xs: number[]) => (xs.length ? `${Math.max(...xs).toFixed(0)} ms` : '—');
  put(
    'rebalance: while it ran, reads / writes (slowest), failures',
    ENGINE,
    `${reads.length} (${max(reads)}) / ${writes.length} (${max(writes)}), ${failures.length}`,
  );
  if (failures.length) out(`rebalance: first failure while moving: ${failures[0]}`);

  const after = await counts(store, tables);
  const t1 = performance.now();
  const keysAfter = await hitKeys(store, opts.asOf);
  put(`rebalance: ${MODELS.length} models' queries after (hits)`, ENGINE, `${secs(performance.now() - t1)} (${n(keysAfter.size)})`);
  const countsDiffer = tables.filter((t) => before[t] !== after[t]);
  const lost = [...keysBefore].filter((k) => !keysAfter.has(k));
  const gained = [...keysAfter].filter((k) => !keysBefore.has(k));
  put(
    'rebalance: same counts per table / same hit keys',
    ENGINE,
    `${countsDiffer.length ? `no: ${countsDiffer.join(', ')}` : `yes (${tables.length} tables)`} / ${lost.length || gained.length ? `no: ${lost.length} lost, ${gained.length} new` : 'yes'}`,
  );
  if (countsDiffer.length || lost.length || gained.length)
    throw new Error(
      `rebalance changed the data: counts of ${countsDiffer.join(', ') || 'no table'}; hits lost ${lost.length} (${lost.slice(0, 3).join(', ')}), new ${gained.length} (${gained.slice(0, 3).join(', ')})`,
    );

  const t2 = performance.now();
  out((await run(script, ['--remove', opts.database], env)).trimEnd());
  put('rebalance: the worker drained and removed again, the rest rebalanced (--remove)', ENGINE, secs(performance.now() - t2));
  put('rebalance: shards per node after the removal', ENGINE, await shardsPerNode(store));
}

/** The database's copy on the added worker (port of the coordinator + 3), which the store's drop does not know of. */
export async function dropOnAddedWorker(coordinatorUrl: string, database: string): Promise<void> {
  const url = new URL(coordinatorUrl);
  url.port = String(Number(url.port || '5432') + 3);
  const c = new pg.Client({ connectionString: url.toString() });
  try {
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } catch {
    // No added worker (rebalance failed before creating it): nothing to drop.
  } finally {
    await c.end().catch(() => undefined);
  }
}

interface TableSize {
  table: string;
  records: number;
  data: number;
  indexes: number;
}

/** Sizes of one shard of each record table, summed per table: heap and TOAST (pg_table_size), indexes (pg_indexes_size). */
async function tableSizes(store: Store, tables: readonly string[]): Promise<{ sizes: TableSize[]; shards: ShardFigure[] }> {
  const sizes: TableSize[] = [];
  const shards: ShardFigure[] = [];
  for (const table of tables) {
    const perShard = await store.query<{ shardid: string; data: string; indexes: string; port: number }>(
      `SELECT d.shardid::text AS shardid, d.result AS data, i.result AS indexes, s.nodeport AS port
         FROM run_command_on_shards('${table}', $$SELECT pg_table_size('%s')$$) d
         JOIN run_command_on_shards('${table}', $$SELECT pg_indexes_size('%s')$$) i USING (shardid)
         JOIN citus_shards s ON s.shardid = d.shardid`,
    );
    const records = await store.query<{ shardid: string; n: number }>(
      `SELECT get_shard_id_for_distribution_column('${table}', ${DISTRIBUTION_COLUMN})::text AS shardid, count(*) AS n
         FROM ${table} GROUP BY ${DISTRIBUTION_COLUMN}`,
    );
    const byShard = new Map<string, number>();
    for (const r of records) byShard.set(r.shardid, (byShard.get(r.shardid) ?? 0) + Number(r.n));
    const t: TableSize = { table, records: 0, data: 0, indexes: 0 };
    for (const s of perShard) {
      const f = {
        table,
        shardid: s.shardid,
        port: s.port,
        records: byShard.get(s.shardid) ?? 0,
        bytes: Number(s.data) + Number(s.indexes),
      };
      shards.push(f);
      t.records += f.records;
      t.data += Number(s.data);
      t.indexes += Number(s.indexes);
    }
    sizes.push(t);
  }
  return { sizes, shards };
}

interface ShardFigure {
  table: string;
  shardid: string;
  port: number;
  records: number;
  bytes: number;
}

/**
 * Where Citus puts a county among `shards` shard groups: hash ranges of equal width over the int32 hashes
 * (worker_hash, the function create_distributed_table uses), the county in the range its hash falls in.
 * Returns the number of counties per shard group.
 */
async function countiesPerShardGroup(store: Store, counties: readonly string[], shards: number): Promise<number[]> {
  const hashes = await store.query<{ h: number }>(`SELECT worker_hash(c) AS h FROM unnest($1::text[]) AS c`, [`{${counties.join(',')}}`]);
  const per = new Array<number>(shards).fill(0);
  const width = 2 ** 32 / shards;
  for (const { h } of hashes) per[Math.min(shards - 1, Math.floor((Number(h) + 2 ** 31) / width))]++;
  return per;
}

/** Fewest workers that take every shard group (largest first, each onto the emptiest worker) under `cap` bytes each. */
function workersFor(groups: readonly number[], cap: number): { workers: number; fullest: number } {
  const sorted = [...groups].sort((a, b) => b - a);
  for (let w = 1; w <= sorted.length; w++) {
    const load = new Array<number>(w).fill(0);
    for (const g of sorted) {
      const i = load.indexOf(Math.min(...load));
      load[i] += g;
    }
    if (Math.max(...load) <= cap) return { workers: w, fullest: Math.max(...load) };
  }
  return { workers: Infinity, fullest: Math.max(...sorted) };
}

/**
 * The province sized from measured figures: bytes per record of each record table (data and indexes of
 * every shard), records and bytes per shard, records per county; then 10.43 billion records in the
 * demo's mix of record tables, the replicated reference data at 10 million entities, and the workers
 * needed at 2 TB each for 4 to 128 shard groups over the province's counties.
 */
export async function sizingBench(store: Store, put: Put, out: (s: string) => void): Promise<void> {
  const tables = await recordTables(store);
  const { sizes, shards } = await tableSizes(store, tables);
  const total = sizes.reduce((a, s) => ({ records: a.records + s.records, bytes: a.bytes + s.data + s.indexes }), { records: 0, bytes: 0 });
  out('\nsizing: per record table (all shards)');
  out(['table', 'records', 'share', 'data', 'indexes', 'bytes/record'].join('\t'));
  for (const s of sizes) {
    const per = s.records ? (s.data + s.indexes) / s.records : NaN;
    out(
      [
        s.table,
        n(s.records),
        `${((100 * s.records) / total.records).toFixed(2)}%`,
        mb(s.data),
        mb(s.indexes),
        s.records ? n(per) : '—',
      ].join('\t'),
    );
    put(
      `sizing: ${s.table}: records, data + indexes, bytes/record`,
      ENGINE,
      `${n(s.records)}, ${mb(s.data)} + ${mb(s.indexes)}, ${s.records ? n(per) : '—'}`,
    );
  }
  const perRecord = total.bytes / total.records;
  put(
    'sizing: all record tables: records, bytes, bytes/record (the mix)',
    ENGINE,
    `${n(total.records)}, ${mb(total.bytes)}, ${n(perRecord)}`,
  );

  // Shards: the records and bytes of each shard group (a county's rows of every table lie in one).
  const groups = new Map<string, { records: number; bytes: number; port: number }>();
  const index = await store.query<{ shardid: string; idx: number }>(
    `SELECT shardid::text AS shardid, shardindex AS idx FROM (
       SELECT shardid, row_number() OVER (PARTITION BY logicalrelid ORDER BY shardminvalue::bigint) AS shardindex
         FROM pg_dist_shard WHERE logicalrelid::regclass::text = ANY($1::text[])) x`,
    [`{${tables.join(',')}}`],
  );
  const idxOf = new Map(index.map((r) => [r.shardid, Number(r.idx)]));
  for (const s of shards) {
    const k = String(idxOf.get(s.shardid));
    const g = groups.get(k) ?? { records: 0, bytes: 0, port: s.port };
    g.records += s.records;
    g.bytes += s.bytes;
    groups.set(k, g);
  }
  out('\nsizing: per shard group (the same hash range of every record table)');
  for (const [k, g] of [...groups].sort((a, b) => Number(a[0]) - Number(b[0]))) {
    out(`group ${k} on ${g.port}: ${n(g.records)} records, ${mb(g.bytes)}`);
    put(`sizing: shard group ${k} (node ${g.port}): records, bytes`, ENGINE, `${n(g.records)}, ${mb(g.bytes)}`);
  }

  // Counties: records per county (every record table).
  const perCounty = new Map<string, number>();
  for (const t of tables)
    for (const r of await store.query<{ c: string; n: number }>(`SELECT ${DISTRIBUTION_COLUMN} AS c, count(*) AS n FROM ${t} GROUP BY 1`))
      perCounty.set(r.c, (perCounty.get(r.c) ?? 0) + Number(r.n));
  const countyCounts = [...perCounty.values()].sort((a, b) => a - b);
  const median = countyCounts[Math.floor(countyCounts.length / 2)];
  const top = [...perCounty].sort((a, b) => b[1] - a[1])[0];
  put(
    'sizing: counties with records; records per county min / median / max (which)',
    ENGINE,
    `${countyCounts.length}; ${n(countyCounts[0])} / ${n(median)} / ${n(top[1])} (${top[0]}, ${((100 * top[1]) / total.records).toFixed(1)}%)`,
  );

  // Reference data: one copy on every node; the entities grow with the province.
  const ref = await store.query<{ t: string; bytes: number }>(
    `SELECT table_name::text AS t, max(shard_size) AS bytes FROM citus_shards WHERE citus_table_type = 'reference' GROUP BY 1`,
  );
  const refBytes = ref.reduce((a, r) => a + Number(r.bytes), 0);
  const entityBytes = Number(ref.find((r) => r.t === 'entities')?.bytes ?? 0);
  const [{ entities }] = await store.query<{ entities: number }>('SELECT count(*) AS entities FROM entities');
  put(
    'sizing: reference tables, one copy (entities of it)',
    ENGINE,
    `${mb(refBytes)} (${mb(entityBytes)}, ${n(Number(entities))} entities)`,
  );

  // The province.
  const provinceBytes = PROVINCE_RECORDS * perRecord;
  const tb = (b: number) => `${(b / 1e12).toFixed(2)} TB`;
  put(
    'province: 10.43 billion records × bytes/record of the mix',
    ENGINE,
    `${n(PROVINCE_RECORDS)} × ${perRecord.toFixed(1)} B = ${tb(provinceBytes)}`,
  );
  const entityCopy = (PROVINCE_ENTITIES * entityBytes) / Number(entities);
  put(
    'province: entities replicated, one copy (10 million × bytes/entity)',
    ENGINE,
    `${n(PROVINCE_ENTITIES)} × ${(entityBytes / Number(entities)).toFixed(0)} B = ${(entityCopy / 1e9).toFixed(1)} GB`,
  );
  const counties = (
    await store.query<{ code: string }>("SELECT code FROM regions WHERE level = 'county' AND code LIKE '33%' AND NOT is_demo ORDER BY code")
  ).map((r) => r.code);
  const perCountyBytes = provinceBytes / counties.length;
  for (const s of [4, 32, 64, 128]) {
    const per = await countiesPerShardGroup(store, counties, s);
    const loads = per.map((c) => c * perCountyBytes);
    const { workers, fullest } = workersFor(loads, BYTES_PER_WORKER - entityCopy);
    put(
      `province: ${s} shard groups over ${counties.length} counties (equal): counties per group min / max; largest group`,
      ENGINE,
      `${Math.min(...per)} / ${Math.max(...per)}; ${tb(Math.max(...loads))}`,
    );
    put(
      `province: ${s} shard groups: workers at 2 TB each (fullest worker)`,
      ENGINE,
      `${workers} (${tb(fullest + entityCopy)}), ${(s / workers).toFixed(1)} groups per worker`,
    );
  }
}
