// Lists of codes in one cell, as agency spreadsheets write them: separated by commas (half or full
// width), 顿号, semicolons or spaces. Stored as typed; read back through this one function.

export function splitCodes(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.split(/[,，、;；\s]+/).filter(Boolean))];
}
