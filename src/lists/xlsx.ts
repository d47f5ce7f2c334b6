// Excel export of a list (导出Excel): the rows the caller's list shows — scoped, filtered and masked
// by the list's own query — with Chinese headers and names, as a .xlsx built on the server (exceljs).
// Text that a spreadsheet could take for a formula (= + - @, a tab or a carriage return first) is
// written with a leading apostrophe (src/domain/spreadsheet.ts), so a value typed into a record can never run as a formula when
// the file is opened or saved on as CSV (OWASP "CSV injection").
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../domain/spreadsheet.ts';

export interface XlsxColumn<T> {
  header: string;
  /** The cell's value: text, a number, or nothing. */
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/** At most this many rows in one export: a province's full inspection table belongs in `kedu export`. */
export const MAX_EXPORT_ROWS = 50_000;

export async function toXlsx<T>(sheetName: string, columns: readonly XlsxColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Kedu 刻度';
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 4)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        if (v === null || v === undefined) return null;
        return typeof v === 'number' ? v : spreadsheetSafe(v);
      }),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Content-Disposition of an export: the Chinese name for browsers, an ASCII one for the rest. */
export function xlsxDisposition(name: string, day: string): string {
  return `attachment; filename="export-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}-${day}.xlsx`)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
