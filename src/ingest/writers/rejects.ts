// Rows a writer refuses after staging: taken out of the incoming table and reported with their values,
// like the merge's own refusals (merge.ts).
import { sql, raw, type Sql } from '../../store/sql.ts';
import type { Row, Store } from '../../store/store.ts';
import type { MergeResult } from '../merge.ts';

export async function rejectRows(
  tx: Store,
  inc: string,
  fields: string[],
  rowsSql: Sql,
  field: string,
  message: (r: Row) => string,
  into: MergeResult['rejected'],
): Promise<number> {
  const rows = await tx.query<Row>(sql`SELECT * FROM ${raw(inc)} WHERE row_no IN (${rowsSql}) ORDER BY row_no`);
  for (const r of rows) {
    const values: Record<string, unknown> = {};
    for (const f of fields) values[f] = r[f];
    into.push({ errors: [{ row: Number(r.row_no), field, code: 'invalid', message: message(r) }], values });
  }
  if (rows.length) await tx.exec(sql`DELETE FROM ${raw(inc)} WHERE row_no IN (${rowsSql})`);
  return rows.length;
}
