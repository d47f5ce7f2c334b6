// Reading import batches back: the list a caller may see, one batch, and its error file.
// A batch belongs to the jurisdiction of whoever imported it (import_batches.region_code); agency
// roles see only the batches of their own agency's accounts (found through the batch's audit entry,
// whose actor is the importing user).
import { unseal } from '../privacy/sm4.ts';
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { regionPrefix } from '../domain/region.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { KIND_SPECS, isKind } from '../records/registry.ts';
import { errorCsvFromStored, type StoredError } from './error-file.ts';
import { maskRecord } from './headers.ts';
import { describeError, formatError } from './validate.ts';

export interface BatchSummary {
  id: string;
  kind: string;
  kindLabel: string;
  sourceSystem: string;
  fileName: string | null;
  regionCode: string;
  rowsTotal: number;
  rowsOk: number;
  rowsBad: number;
  startedAt: string;
  finishedAt: string | null;
}

interface BatchRow {
  id: string;
  kind: string;
  source_system: string;
  file_name: string | null;
  region_code: string;
  rows_total: number;
  rows_ok: number;
  rows_bad: number;
  errors: string | null;
  started_at: string;
  finished_at: string | null;
}

/** The batches a caller may see. */
export function batchScope(caller: Caller, alias = 'b'): Sql {
  const region = sql`${raw(`${alias}.region_code`)} LIKE ${regionPrefix(caller.regionCode) + '%'}`;
  if (!isAgencyRole(caller.role) || !caller.agencyId) return sql`(${region})`;
  return sql`(${region} AND ${raw(`${alias}.id`)} IN (SELECT a.target FROM audit_log a JOIN users u ON u.id = a.actor WHERE a.action = 'ingest.batch' AND u.agency_id = ${caller.agencyId}))`;
}

const summary = (r: BatchRow): BatchSummary => ({
  id: r.id,
  kind: r.kind,
  kindLabel: isKind(r.kind) ? KIND_SPECS[r.kind].label : r.kind,
  sourceSystem: r.source_system,
  fileName: r.file_name,
  regionCode: r.region_code,
  rowsTotal: Number(r.rows_total),
  rowsOk: Number(r.rows_ok),
  rowsBad: Number(r.rows_bad),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export async function listBatches(
  store: Store,
  caller: Caller,
  opts: { kind?: string; limit: number; offset: number },
): Promise<{ total: number; items: BatchSummary[] }> {
  const kind = opts.kind ? sql` AND b.kind = ${opts.kind}` : raw('');
  const where = sql`WHERE ${batchScope(caller)}${kind}`;
  const [{ n }] = await store.query<{ n: number }>(sql`SELECT COUNT(*) AS n FROM import_batches b ${where}`);
  const rows = await store.query<BatchRow>(sql`
    SELECT b.id, b.kind, b.source_system, b.file_name, b.region_code, b.rows_total, b.rows_ok, b.rows_bad, NULL AS errors, b.started_at, b.finished_at
    FROM import_batches b ${where} ORDER BY b.started_at DESC, b.id LIMIT ${opts.limit} OFFSET ${opts.offset}`);
  return { total: Number(n), items: rows.map(summary) };
}

export type BatchLookup =
  { found: false } | { found: true; visible: false } | { found: true; visible: true; batch: BatchSummary; errors: StoredError[] };

export async function findBatch(store: Store, caller: Caller, id: string): Promise<BatchLookup> {
  const [row] = await store.query<BatchRow & { visible: boolean | number }>(sql`
    SELECT b.*, CASE WHEN ${batchScope(caller)} THEN 1 ELSE 0 END AS visible FROM import_batches b WHERE b.id = ${id}`);
  if (!row) return { found: false };
  if (Number(row.visible) !== 1) return { found: true, visible: false };
  return { found: true, visible: true, batch: summary(row), errors: row.errors ? (JSON.parse(unseal(row.errors)) as StoredError[]) : [] };
}

/** The first errors of a batch, formatted for people: 第12行 entity_uscc（统一社会信用代码）：… */
export function formattedErrors(batch: Pick<BatchSummary, 'kind' | 'fileName'>, errors: StoredError[], limit = 100): string[] {
  // Files count rows (第12行); API calls and JSON arrays count records (第12条).
  const unit = batch.fileName && !/\.json$/i.test(batch.fileName) ? '行' : '条';
  const kind = batch.kind;
  if (!isKind(kind)) return errors.slice(0, limit).map((e) => `第${e.row}${unit} ${e.field}：${e.message}`);
  return errors.slice(0, limit).map((e) => formatError(KIND_SPECS[kind], e, unit));
}

/** The error file of a batch as `caller` may see it: personal columns masked for their role. */
export function batchErrorCsv(caller: Caller, kind: string, errors: StoredError[]): string {
  if (!isKind(kind)) return errorCsvFromStored(errors, (e) => `${e.field}：${e.message}`);
  const spec = KIND_SPECS[kind];
  const masked = errors.map((e) => (e.record ? { ...e, record: maskRecord(caller, spec, e.record) } : e));
  return errorCsvFromStored(masked, (e) => describeError(spec, e));
}
