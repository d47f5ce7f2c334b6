// Open exports for a data lake (DESIGN.md §9): any listed kind of the registry, limited to the
// caller's jurisdiction, as CSV (UTF-8, header) or Parquet.
import type { ExportFormat, Store } from '../store/store.ts';
import { sql, raw } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { withAudit } from '../audit/audit-log.ts';
import { KIND_SPECS, LIST_KINDS, type Kind } from '../records/registry.ts';
import { recordScope } from '../records/scope.ts';

export const EXPORT_KINDS: readonly Kind[] = LIST_KINDS;

export async function exportRecords(store: Store, caller: Caller, kind: Kind, format: ExportFormat, path: string): Promise<number> {
  const spec = KIND_SPECS[kind];
  const select = sql`SELECT * FROM ${raw(spec.table)} t WHERE ${recordScope(caller, spec, 't')} ORDER BY t.${raw(spec.idColumn)}`;
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
