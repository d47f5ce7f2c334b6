// The columns of the store that hold a private person's data, in one list: each is sealed with SM4
// by every writer (sm4.ts) and opened only where a caller reads it. Who sees an opened value in clear
// and how it is masked for the rest is the policy layer's (src/policy/personal-data.ts): each column
// names the kind of personal data it holds. Models never read these columns (none compares them; were
// one to, the sealed values compare equal for equal clear text).
import type { Caller } from '../auth/caller.ts';
import { maskFor, type PersonalKind } from '../policy/index.ts';
import { unseal } from './sm4.ts';

export interface PersonalTable {
  /** The column that identifies a row (for sealing stored rows in place). */
  key: string;
  /** column → the kind of personal data it holds (how the policy masks it). */
  columns: Record<string, PersonalKind>;
}

export const PERSONAL_TABLES: Record<string, PersonalTable> = {
  officers: { key: 'id', columns: { id_number: 'id_number', phone: 'phone' } },
  entities: { key: 'uscc', columns: { legal_rep: 'name', phone: 'phone' } },
  clue_reports: { key: 'id', columns: { contact: 'phone' } },
};

export const personalColumns = (table: string): string[] => Object.keys(PERSONAL_TABLES[table]?.columns ?? {});

/** The indexes, in `columns`, of the personal columns of `table`: for writers that hold rows as arrays. */
export const personalIndexes = (table: string, columns: readonly string[]): number[] =>
  columns.flatMap((c, i) => (personalColumns(table).includes(c) ? [i] : []));

/** The sealed columns of a row opened in place, unmasked: for a caller that masks the row itself (the records policy). */
export function unsealRow<T extends Record<string, unknown>>(table: string, row: T): T {
  for (const c of personalColumns(table)) {
    const v = row[c];
    if (typeof v === 'string') (row as Record<string, unknown>)[c] = unseal(v);
  }
  return row;
}

/** A row as the caller may see it: personal columns opened, then masked per role (src/policy). */
export function revealRow<T extends Record<string, unknown>>(caller: Caller, table: string, row: T): T {
  const columns = PERSONAL_TABLES[table]?.columns;
  if (!columns) return row;
  for (const [c, kind] of Object.entries(columns)) {
    const v = row[c];
    if (typeof v === 'string') (row as Record<string, unknown>)[c] = maskFor(caller, kind, unseal(v));
  }
  return row;
}

/** One personal value as the caller may see it: opened, then masked per role. */
export function revealValue(caller: Caller, table: string, column: string, value: string | null): string | null {
  if (value === null) return null;
  const kind = PERSONAL_TABLES[table]?.columns[column];
  return kind ? maskFor(caller, kind, unseal(value)) : unseal(value);
}
