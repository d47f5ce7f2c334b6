import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/store/open-store.ts';
import { openTestStore, TEST_ENGINE } from './helpers/store.ts';
import { migrate } from '../src/store/migrate.ts';
import { sql } from '../src/store/sql.ts';
import { isCitus, REFERENCE_TABLES, shardCount } from '../src/store/citus.ts';
import { COUNTY_TABLES } from '../src/records/county.ts';
import { KIND_SPECS, KINDS } from '../src/records/registry.ts';

const t = await openTestStore();
const { store } = t;
after(() => t.close());

const TABLES = [
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
  'delegations',
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'clues',
  'clue_events',
  'notices',
  'campaigns',
  'followup_tasks',
  'followup_answers',
  'users',
  'sessions',
  'audit_log',
  'ground_truth',
  'import_batches',
];

test(`schema: every table of the design exists on ${TEST_ENGINE}, and every record table carries region_code`, async () => {
  const rows = await store.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema IN ('main', 'public')`,
  );
  const columns = new Map<string, Set<string>>();
  for (const r of rows) (columns.get(r.table_name) ?? columns.set(r.table_name, new Set()).get(r.table_name)!).add(r.column_name);
  for (const table of TABLES) assert.ok(columns.has(table), `missing table ${table}`);
  for (const table of [
    'licences',
    'inspections',
    'cases',
    'deliveries',
    'payments',
    'service_visits',
    'hotline_tickets',
    'delegations',
    'clues',
    'audit_log',
  ]) {
    assert.ok(columns.get(table)!.has('region_code'), `${table} lacks region_code`);
  }
});

test('migrations run once: a second migrate applies nothing', async () => {
  assert.deepEqual(await migrate(store), []);
});

test('values round-trip in the same plain form on both engines (dates, decimals, booleans, instants)', async () => {
  await store.copyIn(
    'payments',
    ['id', 'source_system', 'source_id', 'region_code', 'county_code', 'case_id', 'amount', 'due_on', 'paid_on'],
    [['P-1', 's', '1', '330111', '330111', 'C-1', 1234.56, '2025-02-28', null]],
  );
  const [p] = await store.query(sql`SELECT amount, due_on, paid_on FROM payments WHERE id = ${'P-1'}`);
  assert.deepEqual(p, { amount: 1234.56, due_on: '2025-02-28', paid_on: null });
  const [r] = await store.query<{ n: number; b: boolean; ts: string }>(
    `SELECT count(*) AS n, TRUE AS b, CAST('2025-03-01T08:00:00Z' AS TIMESTAMPTZ) AS ts FROM payments`,
  );
  assert.deepEqual(r, { n: 1, b: true, ts: '2025-03-01T08:00:00.000Z' });
});

test('a transaction that throws leaves nothing behind', async () => {
  await assert.rejects(
    store.transaction(async (tx) => {
      await tx.exec(`INSERT INTO lines (code, name) VALUES ('TMP', '临时')`);
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal((await store.query(`SELECT * FROM lines WHERE code = 'TMP'`)).length, 0);
});

test('a session keeps one connection: its temporary tables are seen by a transaction begun on it, which commits or rolls back alone', async () => {
  await store.session(async (s) => {
    await s.exec('CREATE TEMP TABLE session_stage (code VARCHAR)');
    await s.exec(`INSERT INTO session_stage VALUES ('S1'), ('S2')`);
    await s.transaction(async (tx) => {
      await tx.exec(`INSERT INTO lines (code, name) SELECT code, '会话' FROM session_stage WHERE code = 'S1'`);
      await tx.transaction((inner) => inner.exec(`INSERT INTO lines (code, name) VALUES ('S3', '会话')`)); // joins
    });
    await assert.rejects(
      s.transaction(async (tx) => {
        await tx.exec(`INSERT INTO lines (code, name) SELECT code, '会话' FROM session_stage WHERE code = 'S2'`);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal((await s.query('SELECT * FROM session_stage')).length, 2);
    await s.exec('DROP TABLE session_stage');
  });
  const codes = await store.query<{ code: string }>(`SELECT code FROM lines WHERE name = '会话' ORDER BY code`);
  assert.deepEqual(
    codes.map((r) => r.code),
    ['S1', 'S3'],
  );
});

test('the dialect expressions give the same answers on both engines', async () => {
  const d = store.dialect;
  const [r] = await store.query<
    Record<string, unknown>
  >(`SELECT ${d.monthKey(`'2025-03-31'`)} AS m, ${d.daysBetween(`'2025-01-01'`, `'2025-03-01'`)} AS days,
    ${d.addDays(`'2025-01-31'`, '30')} AS later`);
  assert.deepEqual({ m: r.m, days: Number(r.days), later: r.later }, { m: '2025-03', days: 59, later: '2025-03-02' });
});

test('every record kind carries county_code, and on a Citus coordinator its table is distributed on it, colocated, beside replicated reference tables', async () => {
  const tables = [...COUNTY_TABLES].sort();
  // The record kinds of the registry: every one not reference data, and only those.
  assert.deepEqual(
    tables,
    KINDS.filter((k) => !KIND_SPECS[k].reference)
      .map((k) => KIND_SPECS[k].table)
      .sort(),
  );
  const rows = await store.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.columns WHERE table_schema IN ('main', 'public') AND column_name = 'county_code' ORDER BY table_name`,
  );
  // Beside them, the month tallies: counted per county, so kept on the node of the county's records.
  tables.push('month_tallies');
  tables.sort();
  assert.deepEqual(
    rows.map((r) => r.t),
    tables,
  );
  if (!(await isCitus(store))) return; // DuckDB, PostgreSQL: the column is all there is to check
  const layout = await store.query<{ t: string; method: string; col: string | null; colocation: number }>(
    `SELECT logicalrelid::regclass::text AS t, partmethod AS method, column_to_column_name(logicalrelid, partkey) AS col, colocationid AS colocation
       FROM pg_dist_partition ORDER BY 1`,
  );
  const distributed = layout.filter((r) => r.method === 'h');
  assert.deepEqual(
    distributed.map((r) => r.t),
    tables,
  );
  assert.ok(distributed.every((r) => r.col === 'county_code'));
  assert.equal(new Set(distributed.map((r) => r.colocation)).size, 1, 'the record tables are colocated');
  assert.deepEqual(
    layout
      .filter((r) => r.method === 'n')
      .map((r) => r.t)
      .sort(),
    [...REFERENCE_TABLES].sort(),
  );
  // A county's rows of two tables sit on the same node: a join on the county runs without moving rows.
  const [one] = await store.query<{ nodes: number }>(
    `SELECT count(DISTINCT nodeport) AS nodes FROM citus_shards
      WHERE table_name IN ('inspections'::regclass, 'cases'::regclass) AND shardid IN (get_shard_id_for_distribution_column('inspections', '330106'), get_shard_id_for_distribution_column('cases', '330106'))`,
  );
  assert.equal(one.nodes, 1);
  const [shards] = await store.query<{ n: number; workers: number }>(
    `SELECT (SELECT count(*) FROM citus_shards WHERE table_name = 'cases'::regclass) AS n,
            (SELECT count(*) FROM citus_get_active_worker_nodes()) AS workers`,
  );
  assert.equal(Number(shards.n), shardCount(Number(shards.workers)), 'cases has the shard count the setting gives');
  // Every record table has a replica identity on every shard, so a shard moves by logical replication
  // while writes go on (.ci/citus-add-worker's shard_transfer_mode auto): Citus refuses it without one.
  const identities = await store.query<{ t: string; ri: string }>(
    `SELECT c.relname AS t, c.relreplident AS ri FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
      WHERE p.partmethod = 'h' ORDER BY 1`,
  );
  assert.deepEqual(
    identities.filter((r) => r.ri === 'd').map((r) => r.t),
    [],
    'tables with no replica identity',
  );
  const [shard] = await store.query<{ ri: string }>(
    `SELECT result AS ri FROM run_command_on_shards('cases', $$SELECT relreplident FROM pg_class WHERE oid = '%s'::regclass$$) LIMIT 1`,
  );
  assert.equal(shard.ri, 'i', 'a shard of cases is identified by its (county_code, id) index');
});

test('an instant reads as the same business date (Asia/Shanghai) on every engine, and on Citus on the worker that holds the row', async () => {
  // 17:30 UTC on 1 January is 01:30 on 2 January in Hangzhou. A query on one county runs on its shard's worker.
  await store.exec(`INSERT INTO hotline_tickets (id, source_system, source_id, region_code, county_code, received_at, category, content, status)
    VALUES ('tz-1', 'tz', '1', '330106001', '330106', TIMESTAMPTZ '2025-01-01 17:30:00+00', 'complaint', '时区', 'open')`);
  try {
    const rows = await store.query<{ d: string }>(
      `SELECT CAST(CAST(received_at AS DATE) AS VARCHAR) AS d FROM hotline_tickets WHERE county_code = '330106' AND id = 'tz-1'`,
    );
    assert.deepEqual(
      rows.map((r) => r.d),
      ['2025-01-02'],
    );
  } finally {
    await store.exec(`DELETE FROM hotline_tickets WHERE id = 'tz-1'`);
  }
});

test('the shard count of a Citus table: two per worker, or KEDU_CITUS_SHARDS; a wrong value is refused by name', () => {
  assert.equal(shardCount(2, undefined), 4);
  assert.equal(shardCount(0, ''), 2);
  assert.equal(shardCount(2, '48'), 48, 'a cluster that will grow to 3 or 4 workers');
  for (const bad of ['0', '-4', '1.5', 'many', '5000'])
    assert.throws(() => shardCount(2, bad), /KEDU_CITUS_SHARDS: a whole number of shards from 1 to 4096/, bad);
});

test('a DuckDB file whose process was killed right after its first migrations opens again', async () => {
  // The schema goes into the file at once (migrate.ts): replaying it from the write-ahead log fails in
  // DuckDB (ADD COLUMN … DEFAULT current_timestamp), which left such a file unopenable.
  const dir = mkdtempSync(join(tmpdir(), 'kedu-killed-'));
  const file = join(dir, 'killed.duckdb');
  try {
    const openIt = pathToFileURL(join(import.meta.dirname, '../src/store/open-store.ts')).href;
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { openStore } = await import(${JSON.stringify(openIt)}); await openStore({ duckdbPath: ${JSON.stringify(file)} }); process.kill(process.pid, 'SIGKILL');`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    assert.ok(existsSync(file));
    const store = await openStore({ duckdbPath: file });
    try {
      const [row] = await store.query<{ n: number }>('SELECT count(*) AS n FROM calendar_days');
      assert.ok(Number(row.n) > 0, 'the migrated store is whole');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
