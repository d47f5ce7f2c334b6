// The idempotent merge of a staged batch into its record table, in SQL that DuckDB and PostgreSQL
// share, inside the batch's transaction:
//  1. the staged text, typed and with record ids     → incoming (built by stage.ts)
//  2. duplicates within the batch: the last row wins → notes
//  3. match incoming rows with stored ones on the key (source_system, source_id) or uscc
//  4. a stored match outside the caller's jurisdiction may not be overwritten → row errors; nor may a
//     row lie in another county than a stored record it names or that names it
//  5. identical to the stored row → unchanged (no write); otherwise the stored row is replaced,
//     keeping its id so that clues and evidence that point at it stay valid
//  6. the month tallies moved (src/records/month-tallies.ts), DELETE the replaced rows, INSERT the incoming ones.
// DuckDB has no unique index on the key (dialect.ts); step 6 under one transaction is what keeps a
// key single there. PostgreSQL's unique index would reject a double.
import type { Caller } from '../auth/caller.ts';
import { agencyLinkSql, importScope, recordScope, RECORD_ACCESS } from '../policy/index.ts';
import { joinSql, sql, raw, type Sql } from '../store/sql.ts';
import type { Row, Store } from '../store/store.ts';
import { KINDS, kindSpec, type FieldSpec, type Kind, type RecordKindSpec } from '../records/registry.ts';
import { countyCode } from '../records/fields.ts';
import { recordIdSql } from '../records/record-id.ts';
import { stashLinksSql } from '../records/change-stamp.ts';
import { tallyWriteSql } from '../records/month-tallies.ts';
import { randomBytes } from 'node:crypto';
import type { FieldError, RowErrorCode } from './validate.ts';
import type { AuditEntryInput } from '../audit/audit-log.ts';
import { stageDone } from '../store/stage-times.ts';
import { forgetStoredKeys, holdsStoredKeys, keyHash, storedKeys, type KeyFilter } from '../store/key-filter.ts';
import { EVERY_CHAIN, holdsEveryChain, withAudit } from '../audit/audit-log.ts';

/**
 * 2. Duplicates within the batch: the last row wins, each superseded row is deleted from `inc` and
 * named in a note. The cheap test first: the id is a function of the key, so one column tells whether
 * any key repeats (the usual answer is no).
 */
export async function dropDuplicates(
  tx: Store,
  spec: RecordKindSpec,
  inc: string,
): Promise<Pick<MergeResult, 'duplicates' | 'duplicateNotes'>> {
  const count = async (q: string) => Number((await tx.query<{ n: number }>(q))[0]?.n ?? 0);
  const keyJoin = (a: string, b: string) => spec.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
  const dupKeys = `SELECT ${spec.key.join(', ')}, MAX(row_no) AS last_row FROM ${inc} GROUP BY ${spec.key.join(', ')} HAVING COUNT(*) > 1`;
  const anyTwins = spec.idPrefix
    ? `SELECT COUNT(*) - COUNT(DISTINCT ${spec.idColumn}) AS n FROM ${inc}`
    : `SELECT COUNT(*) AS n FROM (${dupKeys}) d`;
  if ((await count(anyTwins)) === 0) return { duplicates: 0, duplicateNotes: [] };
  const superseded = `SELECT i.row_no FROM ${inc} i JOIN (${dupKeys}) d ON ${keyJoin('i', 'd')} WHERE i.row_no < d.last_row`;
  const duplicates = await count(`SELECT COUNT(*) AS n FROM (${superseded}) s`);
  const shown = await tx.query<{ row_no: number; last_row: number; key: string }>(
    `SELECT i.row_no, d.last_row, ${spec.key.map((k) => `i.${k}`).join(` || ' / ' || `)} AS key FROM ${inc} i JOIN (${dupKeys}) d ON ${keyJoin('i', 'd')} ` +
      `WHERE i.row_no < d.last_row ORDER BY i.row_no LIMIT ${MAX_NOTES}`,
  );
  const duplicateNotes = shown.map((r) => `第${r.row_no}行与第${r.last_row}行是同一记录（${r.key}），以后者为准`);
  if (duplicates > shown.length) duplicateNotes.push(`另有${duplicates - shown.length}行重复记录，均以最后一行为准`);
  await tx.exec(`DELETE FROM ${inc} WHERE row_no IN (${superseded})`);
  return { duplicates, duplicateNotes };
}

export interface MergeResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows superseded by a later row with the same key in the same batch. */
  duplicates: number;
  duplicateNotes: string[];
  /** Rows refused at merge time, with their staged values by field name. */
  rejected: { errors: FieldError[]; values: Record<string, unknown> }[];
  /** With `returning`: the rows inserted or changed, as stored (id and fields). */
  written: Row[];
  /** Audit entries of the rows' own (a writer's: one per account created), committed with the batch. */
  audit?: AuditEntryInput[];
  /** Accounts created with a one-time initial password (users), returned once to the importer. */
  credentials?: InitialCredential[];
}

export interface InitialCredential {
  username: string;
  displayName: string;
  password: string;
}

const SQL_TYPES: Record<FieldSpec['type'], string> = {
  date: 'DATE',
  timestamp: 'TIMESTAMPTZ',
  decimal: 'DECIMAL(14,2)',
  boolean: 'BOOLEAN',
  integer: 'INTEGER',
  string: 'VARCHAR',
  enum: 'VARCHAR',
  uscc: 'VARCHAR',
  code: 'VARCHAR',
  region: 'VARCHAR',
};

const MAX_NOTES = 100;
const COUNTY = countyCode.column;

export const tempName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/** Computed columns that are not fields (a constant level); those that are replace the field's value. */
const extraComputed = (spec: RecordKindSpec) => (spec.computed ?? []).filter((c) => !spec.fields.some((f) => f.name === c.column));

/** The table's columns a batch writes: the derived id, the stored fields, the computed columns. */
export function writtenColumns(spec: RecordKindSpec): string[] {
  return [
    ...(spec.idPrefix ? [spec.idColumn] : []),
    ...spec.fields.filter((f) => f.stored !== false).map((f) => f.name),
    ...extraComputed(spec).map((c) => c.column),
  ];
}

/** The incoming table of a batch: row_no, the record id (kinds keyed by source), the typed fields, the computed columns. */
export function incomingTableSql(spec: RecordKindSpec, table: string): string {
  const id = spec.idPrefix ? `${spec.idColumn} VARCHAR NOT NULL, ` : '';
  const computed = extraComputed(spec).map((c) => `, ${c.column} VARCHAR`);
  return `CREATE TEMP TABLE ${table} (row_no INTEGER NOT NULL, ${id}${spec.fields.map((f) => `${f.name} ${SQL_TYPES[f.type]}`).join(', ')}${computed.join('')})`;
}

/** The columns of the incoming table and their types, as incomingTableSql declares them (CAST … AS each). */
export function incomingColumns(spec: RecordKindSpec): [string, string][] {
  return [
    ['row_no', 'INTEGER'],
    ...(spec.idPrefix ? [[spec.idColumn, 'VARCHAR'] as [string, string]] : []),
    ...spec.fields.map((f): [string, string] => [f.name, SQL_TYPES[f.type]]),
    ...extraComputed(spec).map((c): [string, string] => [c.column, 'VARCHAR']),
  ];
}

/** The SELECT list that turns staged text (row_no + one VARCHAR per field) into incoming rows. */
export function typedSelect(spec: RecordKindSpec): string {
  const computed = new Map((spec.computed ?? []).map((c) => [c.column, c.sql()]));
  const typed = spec.fields.map((f) =>
    computed.has(f.name)
      ? `${computed.get(f.name)} AS ${f.name}`
      : SQL_TYPES[f.type] === 'VARCHAR'
        ? f.name
        : `CAST(${f.name} AS ${SQL_TYPES[f.type]}) AS ${f.name}`,
  );
  const extra = extraComputed(spec).map((c) => `, ${c.sql()} AS ${c.column}`);
  const id = spec.idPrefix ? `${recordIdSql(spec.kind as Kind)} AS ${spec.idColumn}, ` : '';
  return `row_no, ${id}${typed.join(', ')}${extra.join('')}`;
}

/**
 * The checks that a row and the stored records it names, or that name it, lie in one county: the rows of
 * `inc` breaking each (empty for a kind without a county column).
 */
function countyChecks(spec: RecordKindSpec, inc: string): { rows: Sql; message: (r: Row) => string }[] {
  const kind = spec.kind as Kind;
  const checks: { rows: Sql; message: (r: Row) => string }[] = [];
  if (!spec.computed?.some((c) => c.column === COUNTY)) return checks;
  const county = (r: Row) => String(r[COUNTY]);
  for (const f of spec.fields.filter((x) => x.recordRef)) {
    const ref = kindSpec(f.recordRef as Kind);
    checks.push({
      rows: sql`SELECT i.row_no FROM ${raw(inc)} i JOIN ${raw(ref.table)} r ON r.${raw(ref.idColumn)} = i.${raw(f.name)} WHERE r.${raw(COUNTY)} <> i.${raw(COUNTY)}`,
      message: (r) =>
        `区划 ${String(r.region_code)} 与所关联的${ref.label}（${String(r[f.name])}）不在同一县（市、区）：一条记录与其${ref.label}应在同一县（${county(r)}）`,
    });
  }
  for (const other of KINDS.map(kindSpec)) {
    for (const f of other.fields.filter((x) => x.recordRef === kind)) {
      checks.push({
        rows: sql`SELECT i.row_no FROM ${raw(inc)} i JOIN ${raw(other.table)} o ON o.${raw(f.name)} = i.${raw(spec.idColumn)} WHERE o.${raw(COUNTY)} <> i.${raw(COUNTY)}`,
        message: (r) =>
          `区划 ${String(r.region_code)} 与已登记的关联${other.label}记录不在同一县（市、区）：${spec.label}与其${other.label}记录应在同一县（${county(r)}）`,
      });
    }
  }
  return checks;
}

/**
 * A few rows pushed through the API (stage.ts ValuesStager), merged with fewer statements: on DuckDB,
 * which keeps no index on the record tables, every statement of a one-record push costs a round trip
 * and some a scan, and a push is judged by its latency.
 */
export interface FewRows {
  /** No two staged rows share a key (known in JavaScript): the count of duplicates is skipped. */
  distinctKeys: boolean;
  /**
   * The staged rows' keys as they will be stored (stage.ts keyValues; null: unknown). On DuckDB the
   * table's key filter (src/store/key-filter.ts) then answers whether any may be stored: when none is,
   * no scan of the key columns.
   */
  keys?: (string | null)[][] | null;
}

/**
 * Loads the key filter of a kind's table (DuckDB) before records of the kind are pushed, so the first
 * push does not scan the table for it (inspections at city scale: ~1 s). Loaded holding every audit
 * chain, in a transaction that writes nothing: no other import is inside a transaction then, so the
 * table as read holds every key stored or being stored.
 */
export async function readyStoredKeys(store: Store, kind: Kind): Promise<void> {
  const spec = kindSpec(kind);
  if (store.dialect.name !== 'duckdb' || spec.writer || holdsStoredKeys(store.location, spec.table)) return;
  await withAudit(store, EVERY_CHAIN, async (tx) => ({ result: await storedKeys(tx, spec.table, spec.key, true), audit: [] }));
}

/**
 * Merges the incoming table `inc` (incomingTableSql) into the kind's record table. With `returning`, the
 * insert returns the rows it wrote (the real-time checks judge them without reading them again). A
 * writer (src/ingest/writers) passes a spec of its own over one of the kind's tables; the records policy
 * still judges the rows as the kind's.
 */
export async function mergeIncoming(
  tx: Store,
  kindOrSpec: Kind | RecordKindSpec,
  caller: Caller,
  inc: string,
  returning = false,
  few: FewRows | null = null,
): Promise<MergeResult> {
  const spec = typeof kindOrSpec === 'string' ? kindSpec(kindOrSpec) : kindOrSpec;
  const kind = spec.kind as Kind;
  const matches = tempName('ingest_match');
  const target = spec.table;
  const fields = spec.fields.map((f) => f.name);
  const stored = writtenColumns(spec).filter((c) => !(spec.idPrefix && c === spec.idColumn));
  const keyJoin = (a: string, b: string) => spec.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
  const count = async (q: string) => Number((await tx.query<{ n: number }>(q))[0]?.n ?? 0);
  const { agencyId } = importScope(caller);
  const result: MergeResult = { inserted: 0, updated: 0, unchanged: 0, duplicates: 0, duplicateNotes: [], rejected: [], written: [] };

  {
    if (!few?.distinctKeys) Object.assign(result, await dropDuplicates(tx, spec, inc));

    // 3. Matches with stored rows. A few pushed rows are usually new: one look at the key columns
    // alone says so, and then no table of matches is made (nor counted, nor dropped).
    // The county checks (below) are asked in the same statement: their rows, after the rejections that
    // come first, are among those the whole batch has, so none for the whole batch is none then too.
    const county = countyChecks(spec, inc);
    const anyCountySql = sql`SELECT row_no FROM (${joinSql(
      county.map((c) => c.rows),
      ' UNION ALL ',
    )}) x LIMIT 1`;
    let anyMatch = true;
    let anyCounty = true;
    // The pushed keys' hashes, when the table's key filter is held or loads (DuckDB, keys known).
    const hashes = few?.keys ? few.keys.map(keyHash) : null;
    const filter: KeyFilter | null = hashes ? await storedKeys(tx, target, spec.key, holdsEveryChain(tx)) : null;
    if (few) {
      // No key stored (the filter says so for every pushed key): the match is not asked of the table.
      const unstored = filter !== null && hashes!.every((h) => h === null || !filter.has(h));
      const matchSql = unstored
        ? null
        : sql`SELECT 'match' AS k FROM (SELECT 1 AS m FROM ${raw(inc)} i JOIN ${raw(target)} t ON ${raw(keyJoin('t', 'i'))} LIMIT 1) m`;
      const countySql = county.length ? sql`SELECT 'county' AS k FROM (${anyCountySql}) c` : null;
      const asked = [matchSql, countySql].filter((q): q is Sql => q !== null);
      const found = asked.length ? await tx.query<{ k: string }>(joinSql(asked, ' UNION ALL ')) : [];
      anyMatch = found.some((r) => r.k === 'match');
      anyCounty = found.some((r) => r.k === 'county');
      stageDone('match, county');
    }
    const same = stored.map((f) => `t.${f} IS NOT DISTINCT FROM i.${f}`).join(' AND ');
    const oldId = spec.idPrefix ? `t.${spec.idColumn} AS old_id, ` : '';
    if (anyMatch)
      await tx.exec(
        `CREATE TEMP TABLE ${matches} AS SELECT i.row_no, ${oldId}CASE WHEN ${same} THEN 1 ELSE 0 END AS same FROM ${inc} i JOIN ${target} t ON ${keyJoin('t', 'i')}`,
      );
    try {
      const matched = anyMatch ? await count(`SELECT COUNT(*) AS n FROM ${matches}`) : 0;
      const reject = async (rowsSql: Sql, field: string, message: (r: Row) => string, code: RowErrorCode = 'outside_jurisdiction') => {
        const rows = await tx.query<Row>(sql`SELECT * FROM ${raw(inc)} WHERE row_no IN (${rowsSql}) ORDER BY row_no`);
        for (const r of rows) {
          const values: Record<string, unknown> = {};
          for (const f of fields) values[f] = r[f];
          result.rejected.push({ errors: [{ row: Number(r.row_no), field, code, message: message(r) }], values });
        }
        if (rows.length) {
          await tx.exec(sql`DELETE FROM ${raw(inc)} WHERE row_no IN (${rowsSql})`);
          if (anyMatch) await tx.exec(`DELETE FROM ${matches} WHERE row_no NOT IN (SELECT row_no FROM ${inc})`);
        }
      };

      // 4. A stored record outside the caller's jurisdiction is not theirs to overwrite.
      if (matched > 0) {
        const keyField = spec.key[spec.key.length - 1];
        await reject(
          // Whether the caller may overwrite a stored row is the records policy's question, asked of the
          // stored row itself (a delivery reaches its agency through its case).
          sql`SELECT i.row_no FROM ${raw(inc)} i JOIN ${raw(target)} t ON ${raw(keyJoin('t', 'i'))} WHERE NOT ${(await recordScope(tx, caller, kind))('t')}`,
          keyField,
          (r) => `${String(r[keyField])} 已对应${agencyId ? '其他部门或' : ''}您辖区以外的记录，无权覆盖`,
        );
      }
      // Agency roles: a record that reaches its agency through another (a payment through its case)
      // must belong to one of their own agency.
      const link = RECORD_ACCESS[kind].agency;
      if (link && 'link' in link && agencyId) {
        const { column, label } = link.link;
        await reject(
          sql`SELECT i.row_no FROM ${raw(inc)} i WHERE NOT (${agencyLinkSql(kind, agencyId, 'i')})`,
          column,
          () => `${label}不存在或不属于本部门：执法部门账号只能导入本部门${label}的${spec.label}记录（请先导入${label}）`,
        );
      }

      // A row naming another of its kind (a parent agency): that one is stored, or in this batch.
      for (const f of spec.fields.filter((x) => x.selfRef)) {
        const key = spec.key[0];
        await reject(
          sql`SELECT i.row_no FROM ${raw(inc)} i WHERE i.${raw(f.name)} IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM ${raw(target)} t WHERE t.${raw(key)} = i.${raw(f.name)})
            AND NOT EXISTS (SELECT 1 FROM ${raw(inc)} j WHERE j.${raw(key)} = i.${raw(f.name)})`,
          f.name,
          (r) => `${spec.label}不存在：${String(r[f.name])}（须已登记，或在同一批次中）`,
          'unknown_reference',
        );
      }

      // A record and the records it names lie in one county (a delivery in its case's, a case in its
      // inspection's): Citus keeps a county's rows on one shard and the models join them there
      // (docs/scale-out.md). A row is refused when a stored record it names, or a stored record that names
      // it, lies in another county.
      if (county.length) {
        const checks = county;
        // One statement asks all of them first (a pushed case names an inspection and a device, and four
        // kinds name cases: six statements of 2–3 ms each at city scale otherwise); the usual answer is none.
        const any = few ? anyCounty : (await tx.query(anyCountySql)).length > 0;
        if (any) for (const c of checks) await reject(c.rows, 'region_code', c.message, 'invalid');
      }

      // A record that belongs with another of its agency's (an outcome of review and its case) names one
      // of that agency: an agency account cannot attach its records to another agency's case, and no
      // account can file an outcome under another agency than its case's.
      for (const f of spec.fields.filter((x) => x.sameAgency && x.recordRef)) {
        const ref = kindSpec(f.recordRef as Kind);
        await reject(
          sql`SELECT i.row_no FROM ${raw(inc)} i JOIN ${raw(ref.table)} r ON r.${raw(ref.idColumn)} = i.${raw(f.name)} WHERE r.agency_id <> i.agency_id`,
          f.name,
          (r) =>
            `所关联的${ref.label}（${String(r[f.name])}）是其他执法主体的${ref.label}：${spec.label}须关联本执法主体（${String(r.agency_id)}）的${ref.label}`,
          'invalid',
        );
      }

      // 5. Unchanged rows need no write; changed ones keep the id they were stored under.
      if (matched > 0) {
        const identical = `SELECT row_no FROM ${matches} GROUP BY row_no HAVING MIN(same) = 1`;
        result.unchanged = await count(`SELECT COUNT(*) AS n FROM (${identical}) u`);
        if (result.unchanged) await tx.exec(`DELETE FROM ${inc} WHERE row_no IN (${identical})`);
        result.updated = await count(`SELECT COUNT(DISTINCT row_no) AS n FROM ${matches} WHERE row_no IN (SELECT row_no FROM ${inc})`);
        if (spec.idPrefix && result.updated) {
          await tx.exec(
            `UPDATE ${inc} SET ${spec.idColumn} = m.old_id FROM (SELECT row_no, MIN(old_id) AS old_id FROM ${matches} GROUP BY row_no) m WHERE ${inc}.row_no = m.row_no`,
          );
        }
      }
      // 6a. Replace: the stored versions of the changed rows go.
      // The key or id as a list, not a correlated subquery: Citus deletes from a distributed table
      // by a list it computes first, never by a subquery that reads a local (temporary) table per row.
      const by = spec.key.length === 1 ? spec.key[0] : spec.idPrefix ? spec.idColumn : null;
      const replaced = by ? `t.${by} IN (SELECT ${by} FROM ${inc})` : `EXISTS (SELECT 1 FROM ${inc} i WHERE ${keyJoin('i', 't')})`;
      // The month tallies move in the same transaction: the replaced rows counted out, the incoming in.
      for (const s of tallyWriteSql(spec.table, result.updated ? replaced : null, inc)) await tx.exec(s);
      stageDone('month tallies');
      if (result.updated) {
        for (const s of stashLinksSql(spec, replaced)) await tx.exec(s);
        await tx.exec(
          by
            ? `DELETE FROM ${target} WHERE ${by} IN (SELECT ${by} FROM ${inc})`
            : `DELETE FROM ${target} WHERE EXISTS (SELECT 1 FROM ${inc} i WHERE ${keyJoin('i', target)})`,
        );
      }
      // 6b. Insert the new and changed rows.
      const columns = writtenColumns(spec).join(', ');
      const insert = `INSERT INTO ${target} (${columns}) SELECT ${columns} FROM ${inc}`;
      let incoming: number;
      if (returning) {
        result.written = await tx.query(`${insert} RETURNING ${columns}`);
        incoming = result.written.length;
      } else if (few) {
        // One statement instead of a count and the insert.
        incoming = (await tx.query(`${insert} RETURNING ${spec.key[0]}`)).length;
      } else {
        incoming = await count(`SELECT COUNT(*) AS n FROM ${inc}`);
        if (incoming) await tx.exec(insert);
      }
      result.inserted = incoming - result.updated;
      // The key filter holds every stored key: the pushed ones are added (all of them: a rejected row's
      // key is a "maybe" too many, never one too few); rows it cannot name drop it.
      if (incoming > 0) {
        if (filter) {
          for (const h of hashes!) if (h !== null) filter.add(h);
        } else forgetStoredKeys(tx.location, target);
      }
      stageDone('merge rest, insert');
      return result;
    } finally {
      if (anyMatch) await tx.exec(`DROP TABLE IF EXISTS ${matches}`);
    }
  }
}
