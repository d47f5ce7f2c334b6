// The change stamp of the record tables (migration 102): `changed_at`, the time of the transaction that
// last wrote a row, which an incremental model run reads to find what changed since its last run
// (src/models/incremental.ts). One loop over the registry: a kind added later gets the column too.
import { KIND_SPECS, KINDS } from './registry.ts';
import type { RecordKindSpec } from './types.ts';

export const CHANGE_STAMP = 'changed_at';

/** The tables of every kind in the registry (records and reference data), once each. */
export const STAMPED_TABLES: readonly string[] = [...new Set(KINDS.map((k) => KIND_SPECS[k].table))];

/** The statement that gives a table its change stamp (nullable, filled by the default on every insert). */
export const changeStampSql = (table: string): string =>
  `ALTER TABLE ${table} ADD COLUMN ${CHANGE_STAMP} TIMESTAMPTZ DEFAULT current_timestamp`;

/**
 * The columns of a kind whose old values the import keeps when it replaces a stored row
 * (record_links_replaced): those that name another record (recordRef) or an enterprise (a USCC). An
 * incremental run finds the subjects a changed row named before as well as those it names now.
 */
export function linkColumns(spec: RecordKindSpec): string[] {
  return spec.fields.filter((f) => f.stored !== false && (f.recordRef !== undefined || f.type === 'uscc')).map((f) => f.name);
}

/**
 * Before the import deletes the stored rows it replaces (`replaced`: a condition on alias t), their
 * link values go to record_links_replaced. One statement per link column.
 */
export function stashLinksSql(spec: RecordKindSpec, replaced: string): string[] {
  return linkColumns(spec).map(
    (c) =>
      `INSERT INTO record_links_replaced (table_name, column_name, value) SELECT '${spec.table}', '${c}', t.${c} FROM ${spec.table} t WHERE ${replaced} AND t.${c} IS NOT NULL`,
  );
}
