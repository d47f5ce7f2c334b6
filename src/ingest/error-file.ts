// The error file of a batch: the rejected rows as they were read, each preceded by its row number
// and its errors, in UTF-8 with a BOM so that Excel on Chinese Windows opens it correctly. The
// importer skips the 行号 and 错误信息 columns, so a user can fix the rows in Excel and import the
// error file itself.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ERROR_FILE_COLUMNS } from './headers.ts';
import type { RowErrorCode } from './validate.ts';
import { spreadsheetSafe } from '../domain/spreadsheet.ts';

/** One error as import_batches.errors stores it; the first of a row carries the row's cells. */
export interface StoredError {
  row: number;
  field: string;
  /** Absent in batches stored before errors carried codes. */
  code?: RowErrorCode;
  message: string;
  /** column header → cell text, as read */
  record?: Record<string, string>;
}

const BOM = '\uFEFF';

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return (
    cells
      .map((c) => {
        const safe = spreadsheetSafe(c ?? '');
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}

/** Streams an error file to disk (the CLI): any number of rows, constant memory. */
export class ErrorCsvWriter {
  private out: WriteStream | null = null;
  private columns: string[] = [];
  rows = 0;

  constructor(readonly path: string) {}

  /** The columns of the source (its header, or the kind's field names for JSON). */
  setColumns(columns: string[]): void {
    this.columns = columns;
  }

  async write(row: number, messages: string[], record: Record<string, string>): Promise<void> {
    if (!this.out) {
      this.out = createWriteStream(this.path);
      this.out.write(BOM + csvLine([...ERROR_FILE_COLUMNS, ...this.columns]));
    }
    this.rows++;
    const ok = this.out.write(csvLine([String(row), messages.join('；'), ...this.columns.map((c) => record[c] ?? '')]));
    if (!ok) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** The error file of a stored batch (the console download), rebuilt from import_batches.errors. */
export function errorCsvFromStored(errors: StoredError[], describe: (e: StoredError) => string): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = new Map<number, { messages: string[]; record: Record<string, string> }>();
  for (const e of errors) {
    let r = rows.get(e.row);
    if (!r) {
      r = { messages: [], record: {} };
      rows.set(e.row, r);
    }
    r.messages.push(describe(e));
    if (e.record) {
      r.record = e.record;
      for (const c of Object.keys(e.record))
        if (!seen.has(c)) {
          seen.add(c);
          columns.push(c);
        }
    }
  }
  let text = BOM + csvLine([...ERROR_FILE_COLUMNS, ...columns]);
  for (const [row, r] of [...rows].sort((a, b) => a[0] - b[0])) {
    text += csvLine([String(row), r.messages.join('；'), ...columns.map((c) => r.record[c] ?? '')]);
  }
  return text;
}
