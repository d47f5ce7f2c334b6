// Record ids are a function of a kind's key — (source_system, source_id) for the records of agency
// systems — so a re-sent record maps to the same id and a record elsewhere can name it before it
// arrives (a payment naming its case).
// md5, because it is the one digest both engines have built in (PostgreSQL's sha1 needs pgcrypto):
// the import computes ids in SQL, in bulk. 20 hex digits = 80 bits keep a collision unlikely even at
// the province's 10.4 billion records (birthday bound ≈ 2^40 per table).
import { hash } from 'node:crypto';
import { KIND_SPECS, type Kind } from './registry.ts';

export const ID_HEX_DIGITS = 20;

function prefixOf(kind: Kind): string {
  const prefix = KIND_SPECS[kind].idPrefix;
  if (!prefix) throw new Error(`kind ${kind} has no derived ids`);
  return prefix;
}

/** The id of a record of `kind` whose key columns hold `keyValues` (in the order of spec.key). */
export function recordId(kind: Kind, ...keyValues: string[]): string {
  return `${prefixOf(kind)}-${hash('md5', keyValues.join('|')).slice(0, ID_HEX_DIGITS)}`;
}

/** The same id as an SQL expression over the key columns (identical in DuckDB and PostgreSQL); `columns` default to the key's names. */
export function recordIdSql(kind: Kind, columns: readonly string[] = KIND_SPECS[kind].key): string {
  return `'${prefixOf(kind)}-' || substr(md5(${columns.join(` || '|' || `)}), 1, ${ID_HEX_DIGITS})`;
}

/** Whether a reference is already a Kedu id of that kind (rather than a key in a source system). */
export function isRecordId(kind: Kind, value: string): boolean {
  const prefix = `${prefixOf(kind)}-`;
  return value.length === prefix.length + ID_HEX_DIGITS && value.startsWith(prefix) && /^[0-9a-f]+$/.test(value.slice(prefix.length));
}
