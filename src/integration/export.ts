// Open exports for a data lake: any listed kind of the record registry, limited to what the caller may
// read (src/policy), as CSV (UTF-8, header) or Parquet. In CSV every text that a spreadsheet would take
// for a formula (= + - @, tab, CR) is written with a leading apostrophe (src/domain/spreadsheet.ts).
// Personal data is masked for the caller's role (src/policy/personal-data.ts): kinds with no sealed
// columns are written by the database itself (COPY), masked in the SQL; those with sealed columns
// (officers, entities) go through JavaScript, which alone holds the key to open them (src/privacy).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ExportFormat, Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { csvToParquet } from '../store/parquet.ts';
import type { Caller } from '../auth/caller.ts';
import { withAudit } from '../audit/audit-log.ts';
import { RECORD_ACCESS, authorize, maskSql, presentRecord, recordScope } from '../policy/index.ts';
import { LIST_KINDS, type Kind } from '../records/registry.ts';
import { personalColumns, unsealRow } from '../privacy/personal-data.ts';
import { spreadsheetSafe } from '../domain/spreadsheet.ts';

export const EXPORT_KINDS: readonly Kind[] = LIST_KINDS;

const PAGE = 5_000;

export async function exportRecords(store: Store, caller: Caller, kind: Kind, format: ExportFormat, path: string): Promise<number> {
  authorize(caller, 'export', { type: 'records', kind });
  const { table, key, personal } = RECORD_ACCESS[kind];
  const scope = (await recordScope(store, caller, kind))('t');
  let rows: number;
  if (personalColumns(table).length) {
    const csv = format === 'csv' ? path : join(tmpdir(), `kedu-export-${randomUUID()}.csv`);
    try {
      // Parquet is for machines: its text is written as it is.
      rows = await writeRevealedCsv(store, caller, kind, scope, csv, format === 'csv');
      if (format === 'parquet') await csvToParquet(csv, path);
    } finally {
      if (format === 'parquet') await rm(csv, { force: true });
    }
  } else {
    const columns = await store.columns(sql`SELECT * FROM ${raw(table)} t`);
    const masked = joinSql(
      columns.map((c) => {
        const mask = personal[c.name];
        return raw(mask ? `${maskSql(caller, mask, `t.${c.name}`)} AS ${c.name}` : `t.${c.name}`);
      }),
      ', ',
    );
    const select = sql`SELECT ${masked} FROM ${raw(table)} t WHERE ${scope} ORDER BY t.${raw(key)}`;
    rows = await store.copyOut(format === 'csv' ? await spreadsheetSafeSelect(store, select) : select, path, format);
  }
  // An export moves data out of the system: it is traced like a state change.
  await withAudit(store, caller.regionCode, async () => ({
    result: null,
    audit: [
      { actor: caller.userId, action: 'export.records', target: kind, regionCode: caller.regionCode, detail: { format, rows, path } },
    ],
  }));
  return rows;
}

/** The select with each text column made safe for a spreadsheet, in SQL. */
async function spreadsheetSafeSelect(store: Store, select: Sql): Promise<Sql> {
  const columns = await store.columns(select);
  const list = columns.map((c) => {
    const name = `"${c.name.replace(/"/g, '""')}"`;
    return raw(c.text ? `${store.dialect.spreadsheetSafe(`q.${name}`)} AS ${name}` : `q.${name}`);
  });
  return sql`SELECT ${joinSql(list, ', ')} FROM (${select}) q`;
}

const csvCell = (v: unknown, safe: boolean): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  const text = safe ? spreadsheetSafe(s) : s;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The scoped rows of a kind with sealed personal data, page by page in key order, opened and masked for the caller. */
async function writeRevealedCsv(store: Store, caller: Caller, kind: Kind, scope: Sql, path: string, safe: boolean): Promise<number> {
  const { table, key } = RECORD_ACCESS[kind];
  const out = createWriteStream(path);
  let rows = 0;
  let after: string | null = null;
  let columns: string[] | null = null;
  try {
    for (;;) {
      const page: Record<string, unknown>[] = await store.query<Record<string, unknown>>(
        sql`SELECT * FROM ${raw(table)} t WHERE ${scope} ${after === null ? sql`` : sql`AND t.${raw(key)} > ${after}`} ORDER BY t.${raw(key)} LIMIT ${PAGE}`,
      );
      if (page.length === 0 && columns) break;
      if (!columns) {
        columns = page.length ? Object.keys(page[0]) : (await store.columns(sql`SELECT * FROM ${raw(table)}`)).map((c) => c.name);
        out.write(columns.join(',') + '\n');
      }
      let text = '';
      for (const r of page) {
        const shown = presentRecord(caller, kind, unsealRow(table, r));
        text += columns.map((c) => csvCell(shown[c], safe)).join(',') + '\n';
      }
      if (!out.write(text)) await once(out, 'drain');
      rows += page.length;
      if (page.length < PAGE) break;
      after = String(page[page.length - 1][key]);
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return rows;
}
