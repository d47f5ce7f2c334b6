// Open exports for a data lake: any listed kind of the record registry, limited to what the caller may read
// and with personal data masked for their role in the SQL itself (the rows leave the store already
// masked), as CSV (UTF-8, header) or Parquet.
import type { ExportFormat, Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { withAudit } from '../audit/audit-log.ts';
import { RECORD_ACCESS, authorize, maskSql, recordScope } from '../policy/index.ts';
import { LIST_KINDS, type Kind } from '../records/registry.ts';

export const EXPORT_KINDS: readonly Kind[] = LIST_KINDS;

export async function exportRecords(store: Store, caller: Caller, kind: Kind, format: ExportFormat, path: string): Promise<number> {
  authorize(caller, 'export', { type: 'records', kind });
  const { table, key, personal } = RECORD_ACCESS[kind];
  const scope = await recordScope(store, caller, kind);
  const columns = await store.columns(sql`SELECT * FROM ${raw(table)} t`);
  const select = joinSql(
    columns.map((c) => {
      const mask = personal[c.name];
      return raw(mask ? `${maskSql(caller, mask, `t.${c.name}`)} AS ${c.name}` : `t.${c.name}`);
    }),
    ', ',
  );
  const rows = await store.copyOut(sql`SELECT ${select} FROM ${raw(table)} t WHERE ${scope('t')} ORDER BY t.${raw(key)}`, path, format);
  // An export moves data out of the system: it is traced like a state change.
  await withAudit(store, async () => ({
    result: null,
    audit: [
      { actor: caller.userId, action: 'export.records', target: kind, regionCode: caller.regionCode, detail: { format, rows, path } },
    ],
  }));
  return rows;
}
