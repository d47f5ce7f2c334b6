// Tests on one incoming record (`realtime.mayHit`): what a record must show for a model's SQL to hit
// it, so that a pushed record which cannot hit costs no scan of its table. Each is a necessary condition
// of the model's WHERE, read off the record as stored: a value it cannot read (a date that is not
// 'YYYY-MM-DD' text) leaves the record to the SQL.
import type { RecordTest } from './model.ts';
import type { RealtimeState } from './realtime/state.ts';
import { dayOf } from './realtime/days.ts';

/** Whether the record's `column` holds a value. */
export function filled(r: Readonly<Record<string, unknown>>, column: string): boolean {
  return r[column] !== null && r[column] !== '';
}

/** A record that carries `column` empty cannot make a hit (a case decided on no device's records). */
export function carries(column: string): RecordTest {
  return { reads: [column], test: (r) => filled(r, column) };
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
export function decidedBefore(carried: string, after: string): RecordTest {
  return {
    reads: [carried, 'decided_on', after],
    test: (r) => {
      const [decided, then] = [dateIn(r, 'decided_on'), dateIn(r, after)];
      if (!filled(r, carried) || decided === null) return false;
      return then === null || then === undefined || decided === undefined || then > decided;
    },
  };
}

// Scopes read in code only when written in ASCII codes and the separators the SQL folds: any other
// character (a full-width space, a name in Chinese) could fold or upper-case otherwise in DuckDB,
// PostgreSQL and JavaScript, and such a certificate decides nothing here.
const PLAIN_SCOPE = /^[A-Za-z0-9_. -]*(?:[,，、;；][A-Za-z0-9_. -]*)*$/;

/**
 * 执法证范围不含办理事项 (cert-out-of-scope.ts), read off the certificates in the real-time state: false
 * when no officer of the case can make the hit — an officer without a certificate valid on the day, or with one of unstated
 * scope or one covering the item, its line or (comprehensive enforcement) CLE, is never one; true when
 * one may, and the SQL then judges. Null item, agency or a scope not plain: may.
 */
export function outOfScopePossible(
  state: RealtimeState,
  r: { lead_officer_id: string; assist_officer_id: string | null; filed_on: string; item_code: string; agency_id: string },
): boolean {
  const item = state.items.get(r.item_code);
  const agency = state.agencies.get(r.agency_id);
  if (!item || !agency || !PLAIN_SCOPE.test(r.item_code) || !PLAIN_SCOPE.test(item.line)) return true;
  const day = dayOf(r.filed_on);
  const officers = [r.lead_officer_id];
  if (r.assist_officer_id !== null && r.assist_officer_id !== r.lead_officer_id) officers.push(r.assist_officer_id);
  const wanted = [`,${r.item_code.toUpperCase()},`, `,${item.line},`, ...(agency.line === 'CLE' ? [',CLE,'] : [])];
  return officers.some((officer) => {
    const valid = state.certificates.of(officer).filter((c) => c.valid && c.issued <= day && c.expires >= day);
    if (valid.length === 0 || valid.some((c) => c.scope === null)) return false;
    return !valid.some((c) => {
      if (!PLAIN_SCOPE.test(c.scope!)) return false;
      const norm = `,${c.scope!.replace(/ *[,，、;；] */g, ',').toUpperCase()},`;
      return wanted.some((w) => norm.includes(w));
    });
  });
}

/** OFF_CERT_SCOPE's test: with the certificates at hand, a case none of whose officers can miss the scope. */
export const officersMayBeOutOfScope: RecordTest = {
  reads: ['lead_officer_id', 'assist_officer_id', 'filed_on', 'item_code', 'agency_id'],
  test: (r, _params, _asOf, state) =>
    !state || typeof r.filed_on !== 'string' || outOfScopePossible(state, r as unknown as Parameters<typeof outOfScopePossible>[1]),
};
