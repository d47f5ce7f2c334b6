// Open exports for a data lake (DESIGN.md §9): any record table, limited to the caller's
// jurisdiction, as CSV (UTF-8, header) or Parquet.
import type { ExportFormat, Store } from '../store/store.ts';
import { sql, raw } from '../store/sql.ts';
import { scopeFilter, type Caller } from '../auth/caller.ts';
import { withAudit } from '../audit/audit-log.ts';
import { RECORD_KINDS, type RecordKind } from '../api/record-routes.ts';

export const EXPORT_KINDS = Object.keys(RECORD_KINDS) as RecordKind[];

export async function exportRecords(store: Store, caller: Caller, kind: RecordKind, format: ExportFormat, path: string): Promise<number> {
  const [table, key, agencyCol] = RECORD_KINDS[kind];
  const select = sql`SELECT * FROM ${raw(table)} t WHERE ${scopeFilter(caller, 't', agencyCol)} ORDER BY t.${raw(key)}`;
  const rows = await store.copyOut(select, path, format);
  // An export moves data out of the system: it is traced like a state change.
  await withAudit(store, async () => ({
    result: null,
    audit: [
      { actor: caller.userId, action: 'export.records', target: kind, regionCode: caller.regionCode, detail: { format, rows, path } },
    ],
  }));
  return rows;
}
