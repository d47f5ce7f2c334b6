// An answer's table as an Excel workbook (exceljs): one sheet, a header row, numbers as numbers.
import ExcelJS from 'exceljs';
import type { AnswerTable } from './answer.ts';

export async function tableWorkbook(title: string, table: AnswerTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kedu 刻度 AI助手';
  const ws = wb.addWorksheet('回答');
  ws.addRow([title]).font = { bold: true };
  ws.addRow(table.columns.map((c) => c.title)).font = { bold: true };
  for (const r of table.rows) ws.addRow(table.columns.map((c) => r[c.key] ?? null));
  table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.numeric ? 14 : Math.min(60, Math.max(10, ...table.rows.map((r) => String(r[c.key] ?? '').length * 2)));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
