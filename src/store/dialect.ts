// The differences between DuckDB and PostgreSQL that Kedu's SQL cannot avoid, in one place.
// Everything else is written in the subset the two engines share (see docs/store.md).

export type DialectName = 'duckdb' | 'postgres';

export interface Dialect {
  readonly name: DialectName;
  /** 'YYYY-MM' of a DATE or TIMESTAMPTZ expression. */
  monthKey(expr: string): string;
  /** Days from a to b (both DATE expressions), as an integer. */
  daysBetween(a: string, b: string): string;
  /** A DATE expression plus n days (n: integer expression). */
  addDays(date: string, n: string): string;
  /** Median of a numeric expression (aggregate). */
  median(expr: string): string;
  /** A number as display text the way Intl.NumberFormat('zh-CN', {maximumFractionDigits: 2}) writes it: 1,234,567.5 */
  formatNumber(expr: string): string;
  /** string_agg(value, sep ORDER BY orderBy…), in a form each engine runs in parallel. */
  stringAgg(value: string, sep: string, orderBy: readonly string[]): string;
  /** A JSON object as text from [key, expression] pairs (expressions that are JSON are nested, not quoted). */
  jsonObject(pairs: readonly [string, string][]): string;
  /** A comma-separated text as a JSON array of strings (empty text: an empty array). */
  jsonSplit(expr: string): string;
  /** A comma-separated text as rows, one per value (a set-returning expression for a SELECT list). */
  unnestCsv(expr: string): string;
  /** A text expression as a spreadsheet may show it: a leading apostrophe where it would start a formula (src/domain/spreadsheet.ts). */
  spreadsheetSafe(expr: string): string;
  /** Statements run after the schema migration: engine-specific indexes. */
  readonly extraIndexes: string[];
  /** Statements run after a bulk load, so the planner knows the new sizes. */
  readonly afterBulkLoad: string[];
  /** Statements that tell the planner what a work table (a stage) now holds, before statements join it. */
  analyze(table: string): string[];
  /** Run in a batch model run's transaction before its queries, and after them (never in a real-time check's). */
  readonly beforeBatchQuery: string[];
  readonly afterBatchQuery: string[];
  /** Around a run of many large write transactions (the model library's batch run): defer and then do the checkpoint. */
  readonly beforeWriteBurst: string[];
  readonly afterWriteBurst: string[];
  /**
   * A consistent copy of the whole store into a new file, taken by the running process (no second
   * writer needed): the statements, given the file and the store's database name; null where the
   * engine's own tool does it (PostgreSQL: pg_dump).
   */
  backupStatements(path: string, database: string): string[] | null;
}

// Indexes that serve the idempotent ingest merge and the scoped lookups. DuckDB keeps none on the big
// record tables (not even a primary key): its zone maps serve the scans, and an ART index cost a quarter
// of the bulk-load time (city scale generation, same run: 147k → 170k records/s without it).
const RECORD_TABLES = [
  'delegations',
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'followup_answers',
  'coercive_measures',
  'review_outcomes',
  'monitoring_devices',
  'enterprise_charges',
  'confiscated_goods',
];

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  monthKey: (e) => `strftime(CAST(${e} AS DATE), '%Y-%m')`,
  daysBetween: (a, b) => `date_diff('day', CAST(${a} AS DATE), CAST(${b} AS DATE))`,
  addDays: (d, n) => `CAST(CAST(${d} AS DATE) + CAST(${n} AS INTEGER) AS DATE)`,
  median: (e) => `median(${e})`,
  formatNumber: (e) => `regexp_replace(regexp_replace(format('{:,.2f}', CAST(${e} AS DOUBLE)), '0+$', ''), '\\.$', '')`,
  // DuckDB runs an ordered aggregate on one thread: sorting a list of structs (the order keys, then the
  // value) keeps both cores busy (同部门重复检查 at hangzhou scale: 4.1 s → 2.0 s, same CPU time).
  stringAgg: (value, sep, orderBy) => {
    const keys = orderBy.map((k, i) => `k${i} := ${k}`).join(', ');
    return `array_to_string(list_transform(list_sort(list(struct_pack(${keys}, v := ${value})), 'ASC', 'NULLS LAST'), x -> x.v), '${sep}')`;
  },
  jsonObject: (pairs) => `json_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  jsonSplit: (e) => `CASE WHEN COALESCE(${e}, '') = '' THEN CAST('[]' AS JSON) ELSE to_json(string_split(${e}, ',')) END`,
  unnestCsv: (e) => `unnest(string_split(${e}, ','))`,
  spreadsheetSafe: (e) =>
    `CASE WHEN regexp_matches(${e}, '^[=+\\-@\\t\\r]') AND NOT regexp_full_match(${e}, '-?[0-9]+(\\.[0-9]+)?') THEN '''' || ${e} ELSE ${e} END`,
  extraIndexes: [],
  afterBulkLoad: [], // DuckDB keeps its statistics as it writes
  analyze: () => [],
  beforeBatchQuery: [], // DuckDB plans hash joins on its own
  afterBatchQuery: [],
  // DuckDB checkpoints at a commit whose WAL passed 16 MB: rewriting the clue table and its indexes after
  // each model cost a third of a hangzhou-scale batch (same load: 142 s → 94 s with one checkpoint at
  // the end). The WAL keeps every commit durable in between.
  beforeWriteBurst: ["SET checkpoint_threshold = '64GB'"],
  afterWriteBurst: ['RESET checkpoint_threshold', 'CHECKPOINT'],
  // COPY FROM DATABASE (DuckDB ≥ 0.10) copies every table of one snapshot into the attached file.
  backupStatements: (path, database) => [
    `ATTACH '${path.replace(/'/g, "''")}' AS kedu_backup`,
    `COPY FROM DATABASE "${database.replace(/"/g, '""')}" TO kedu_backup`,
    'DETACH kedu_backup',
  ],
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  monthKey: (e) => `to_char(CAST(${e} AS DATE), 'YYYY-MM')`,
  daysBetween: (a, b) => `(CAST(${b} AS DATE) - CAST(${a} AS DATE))`,
  addDays: (d, n) => `(CAST(${d} AS DATE) + CAST(${n} AS INTEGER))`,
  median: (e) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e})`,
  // FM drops the padding and the fraction's trailing zeros; a whole number keeps its '.', trimmed here.
  formatNumber: (e) => `rtrim(to_char(round(CAST(${e} AS numeric), 2), 'FM999,999,999,999,999,990.99'), '.')`,
  stringAgg: (value, sep, orderBy) => `string_agg(${value}, '${sep}' ORDER BY ${orderBy.join(', ')})`,
  jsonObject: (pairs) => `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  jsonSplit: (e) => `CASE WHEN COALESCE(${e}, '') = '' THEN CAST('[]' AS JSON) ELSE to_json(string_to_array(${e}, ',')) END`,
  unnestCsv: (e) => `unnest(string_to_array(${e}, ','))`,
  spreadsheetSafe: (e) => `CASE WHEN ${e} ~ '^[=+\\-@\\t\\r]' AND ${e} !~ '^-?[0-9]+(\\.[0-9]+)?$' THEN '''' || ${e} ELSE ${e} END`,
  extraIndexes: [
    ...RECORD_TABLES.map((t) => `CREATE UNIQUE INDEX IF NOT EXISTS ${t}_id ON ${t} (id)`),
    ...RECORD_TABLES.map((t) => `CREATE UNIQUE INDEX IF NOT EXISTS ${t}_source ON ${t} (source_system, source_id)`),
    ...RECORD_TABLES.map((t) => `CREATE INDEX IF NOT EXISTS ${t}_region ON ${t} (region_code text_pattern_ops)`),
    'CREATE INDEX IF NOT EXISTS inspections_entity ON inspections (entity_uscc, inspected_on)',
    'CREATE INDEX IF NOT EXISTS cases_item ON cases (item_code)',
    'CREATE UNIQUE INDEX IF NOT EXISTS followup_tasks_id ON followup_tasks (id)',
    'CREATE INDEX IF NOT EXISTS clue_events_clue ON clue_events (clue_id)',
    'CREATE INDEX IF NOT EXISTS clues_region ON clues (region_code text_pattern_ops)',
    'CREATE INDEX IF NOT EXISTS clues_agency_status ON clues (agency_id, status)',
    'CREATE INDEX IF NOT EXISTS clue_reports_clue ON clue_reports (clue_id)',
    // The evaluation's certificate checks (持证检查率, 持证办案率) look up the lead officer's certificates per
    // record: without it PostgreSQL scanned certificates once per inspection (the province at city scale ran for minutes).
    'CREATE INDEX IF NOT EXISTS certificates_officer ON certificates (officer_id)',
    // The audit log's pages are in time order across its chains (src/audit/audit-query.ts).
    'CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (occurred_at)',
  ],
  // Without statistics right after a load, PostgreSQL picks nested loops (measured: a penalty model
  // took 44.6 s before ANALYZE, 28 ms after).
  afterBulkLoad: ['ANALYZE'],
  // A stage's statistics are those of whatever autovacuum last saw in it (often empty): the triage of a
  // model with 18,204 hits at city scale joined it by nested loops and had not finished in 300 s (7.1 s
  // analyzed). ANALYZE counts the rows the transaction itself wrote.
  analyze: (table) => [`ANALYZE ${table}`],
  // A batch run reads whole tables, where hash joins are right. PostgreSQL estimates a join on two or
  // three columns, or a CTE built from one, at a row or so and then nests loops over it: at demo scale
  // three inspection models ran for 50 s, 79 s and over 5 minutes (25,859² row pairs compared). Without
  // nested loops the 58 models took 4.9 s together on the same data. Real-time checks keep them: they
  // look up a few subjects by index, and so does the triage that follows a batch run's queries (its
  // few new hits against all the hits and clues kept), with the setting back on.
  beforeBatchQuery: ['SET LOCAL enable_nestloop = off'],
  afterBatchQuery: ['SET LOCAL enable_nestloop = on'],
  beforeWriteBurst: [],
  afterWriteBurst: [],
  backupStatements: () => null,
};

export function dialectFor(name: string): Dialect {
  if (name === 'duckdb') return duckdbDialect;
  if (name === 'postgres') return postgresDialect;
  throw new Error(`unknown SQL dialect "${name}" (known: duckdb, postgres)`);
}
