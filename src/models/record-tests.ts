// Tests on one incoming record (`realtime.mayHit`): what a record must show for a model's SQL to hit
// it, so that a pushed record which cannot hit costs no scan of its table. Each is a necessary condition
// of the model's WHERE, read off the record as stored: a value it cannot read (a date that is not
// 'YYYY-MM-DD' text) leaves the record to the SQL.
import type { RecordTest } from './model.ts';

/** A record that carries `column` empty cannot make a hit (a case decided on no device's records). */
export function carries(column: string): RecordTest {
  return { reads: [column], test: (r) => r[column] !== null && r[column] !== '' };
}

/** A column's value as a number; null for none. */
export function amountIn(r: Readonly<Record<string, unknown>>, column: string): number | null {
  const v = r[column];
  return v === null || v === undefined || v === '' ? null : Number(v);
}

/** A column's date as 'YYYY-MM-DD'; null for none, undefined for a value that is not such text. */
export function dateIn(r: Readonly<Record<string, unknown>>, column: string): string | null | undefined {
  const v = r[column];
  if (v === null || v === '') return null;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined;
}

/**
 * A decided record that carries `filled` and whose `after` is empty or later than the decision (a
 * hearing asked for and not held before it; a hearing held and no legal review before it).
 */
export function decidedBefore(filled: string, after: string): RecordTest {
  return {
    reads: [filled, 'decided_on', after],
    test: (r) => {
      const [decided, then] = [dateIn(r, 'decided_on'), dateIn(r, after)];
      if (!carries(filled).test(r, {}, '') || decided === null) return false;
      return then === null || then === undefined || decided === undefined || then > decided;
    },
  };
}
