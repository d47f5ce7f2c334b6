// Record ids are a function of (source_system, source_id), so a re-sent record maps to the same id
// and a record elsewhere can name it before it arrives (a payment naming its case).
// md5, because it is the one digest both engines have built in (PostgreSQL's sha1 needs pgcrypto):
// the import computes ids in SQL, in bulk. 20 hex digits = 80 bits keep a collision unlikely even at
// the province's 10.4 billion records (birthday bound ≈ 2^40 per table).
import { hash } from 'node:crypto';
import { KIND_SPECS, type RecordKind } from './kinds.ts';

export const ID_HEX_DIGITS = 20;

export function recordId(kind: RecordKind, sourceSystem: string, sourceId: string): string {
  return `${KIND_SPECS[kind].idPrefix}-${hash('md5', `${sourceSystem}|${sourceId}`).slice(0, ID_HEX_DIGITS)}`;
}

/** The same id as an SQL expression over the two columns (identical in DuckDB and PostgreSQL). */
export function recordIdSql(kind: RecordKind, sourceSystem = 'source_system', sourceId = 'source_id'): string {
  return `'${KIND_SPECS[kind].idPrefix}-' || substr(md5(${sourceSystem} || '|' || ${sourceId}), 1, ${ID_HEX_DIGITS})`;
}

/** Whether a reference is already a Kedu id of that kind (rather than a source_id). */
export function isRecordId(kind: RecordKind, value: string): boolean {
  const prefix = `${KIND_SPECS[kind].idPrefix}-`;
  return value.length === prefix.length + ID_HEX_DIGITS && value.startsWith(prefix) && /^[0-9a-f]+$/.test(value.slice(prefix.length));
}
