// Sealing of personal data stored before encryption (or written by a path that bypassed the writers,
// such as a bulk load by hand): every personal column's clear values are sealed in place, table by
// table in one transaction each, with an audit entry counting them. `kedu serve` runs it at start;
// after it, nothing in the store holds a personal column in clear.
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import { joinSql, raw, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { PERSONAL_TABLES } from './personal-data.ts';
import { seal } from './sm4.ts';

const BATCH = 5_000;

/** Seals the clear personal values of the store; returns how many values it sealed per table. */
export async function sealStoredPersonalData(store: Store): Promise<Record<string, number>> {
  const sealed: Record<string, number> = {};
  for (const [table, spec] of Object.entries(PERSONAL_TABLES)) {
    const columns = Object.keys(spec.columns);
    const clear = columns.map((c) => `(${c} IS NOT NULL AND ${c} <> '' AND ${c} NOT LIKE 'sm4:%')`).join(' OR ');
    const count = await withAudit(store, EVERY_CHAIN, async (tx) => {
      let n = 0;
      for (;;) {
        const rows = await tx.query<Record<string, string | null>>(
          sql`SELECT ${raw([spec.key, ...columns].join(', '))} FROM ${raw(table)} WHERE ${raw(clear)} LIMIT ${BATCH}`,
        );
        if (rows.length === 0) break;
        for (const r of rows) {
          const sets = columns.map((c) => sql`${raw(c)} = ${r[c] === null || r[c] === '' ? r[c] : seal(r[c]!)}`);
          await tx.exec(sql`UPDATE ${raw(table)} SET ${joinSql(sets, ', ')} WHERE ${raw(spec.key)} = ${r[spec.key]}`);
          n += columns.filter((c) => r[c]).length;
        }
      }
      return {
        result: n,
        audit: n ? [{ actor: 'system', action: 'privacy.seal', target: table, detail: { table, columns, values: n } }] : [],
      };
    });
    if (count) sealed[table] = count;
  }
  return sealed;
}
