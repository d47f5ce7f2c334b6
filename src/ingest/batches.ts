// Reading import batches back: the list a caller may see, one batch, and its error file. Who may read
// a batch is the policy's (src/policy/imports.ts: its owner and the supervisors over its region); the
// error file (sealed at rest, src/privacy) has its personal data masked for the reader's role like any list.
import type { Caller } from '../auth/caller.ts';
import { authorize, batchScope, maskFor, RECORD_ACCESS, type PersonalKind } from '../policy/index.ts';
import { unseal } from '../privacy/sm4.ts';
import { sql, raw } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { KIND_SPECS, isKind } from '../records/registry.ts';
import { headerIndex, normaliseHeader } from './headers.ts';
import { notFound } from '../domain/errors.ts';
import { errorCsvFromStored, type StoredError } from './error-file.ts';
import { describeError, rowError, type RowError } from './validate.ts';

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
  created_by: string | null;
  started_at: string;
  finished_at: string | null;
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

/** One batch the caller may read, with its stored errors: 404 when there is none, 403 when it is not theirs to read. */
export async function findBatch(store: Store, caller: Caller, id: string): Promise<{ batch: BatchSummary; errors: StoredError[] }> {
  const [row] = await store.query<BatchRow>(sql`SELECT b.* FROM import_batches b WHERE b.id = ${id}`);
  if (!row) throw notFound('导入批次不存在');
  authorize(caller, 'read', { type: 'import_batch', batch: row });
  return { batch: summary(row), errors: row.errors ? (JSON.parse(unseal(row.errors)) as StoredError[]) : [] };
}

/** The first errors of a batch, as the import reported them (row, field, code, message, label, text), masked for the reader. */
export function batchRowErrors(
  caller: Caller,
  batch: Pick<BatchSummary, 'kind' | 'fileName'>,
  errors: StoredError[],
  limit = 100,
): RowError[] {
  // Files count rows (第12行); API calls and JSON arrays count records (第12条).
  const unit = batch.fileName && !/\.json$/i.test(batch.fileName) ? '行' : '条';
  return errors.slice(0, limit).map((e) => {
    const stored = { row: e.row, field: e.field, code: e.code ?? 'invalid', message: maskFor(caller, 'free_text', e.message)! };
    return isKind(batch.kind)
      ? rowError(KIND_SPECS[batch.kind], stored, unit)
      : { ...stored, label: null, text: `第${e.row}${unit} ${e.field}：${stored.message}` };
  });
}

/**
 * A rejected row (header → text) as the caller may read it: each cell of a personal column (found
 * through the kind's headers, also as 列名(说明)) masked per role, and digit runs in columns the kind
 * does not know as free text. A masked cell must be typed again before the row is imported again.
 */
export function maskRejectedRecord(caller: Caller, kind: string, record: Record<string, string>): Record<string, string> {
  const personal: Partial<Record<string, PersonalKind>> = isKind(kind) ? RECORD_ACCESS[kind].personal : {};
  const fieldOf = isKind(kind) ? headerIndex(KIND_SPECS[kind]) : new Map<string, string>();
  return Object.fromEntries(
    Object.entries(record).map(([header, text]) => {
      // A column of the kind is masked when it is personal; a column the kind does not know, as free text.
      const field = fieldOf.get(normaliseHeader(header)) ?? fieldOf.get(normaliseHeader(header).replace(/\([^()]*\)$/, ''));
      const mask = field ? personal[field] : 'free_text';
      return [header, mask && text ? maskFor(caller, mask, text)! : text];
    }),
  );
}

/** The error file as the caller may read it: rejected rows masked (maskRejectedRecord), and echoed values in the messages too. */
export function batchErrorCsv(caller: Caller, kind: string, errors: StoredError[]): string {
  const masked = errors.map((e) => ({
    ...e,
    message: maskFor(caller, 'free_text', e.message)!,
    ...(e.record && { record: maskRejectedRecord(caller, kind, e.record) }),
  }));
  return errorCsvFromStored(masked, (e) => (isKind(kind) ? describeError(KIND_SPECS[kind], e) : `${e.field}：${e.message}`));
}
