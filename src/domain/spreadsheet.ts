// Text bound for a spreadsheet: a cell starting with = + - @, a tab or a carriage return is taken by
// Excel and WPS as a formula (CSV injection, OWASP "CSV Injection"): such text gets a leading
// apostrophe, which the spreadsheet shows as text. Plain numbers (-12.5) stay as they are. The SQL
// form of the same rule is the dialect's spreadsheetSafe, for exports written by the database.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
