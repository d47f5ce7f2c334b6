// The columns of the store that hold a private person's data, in one list: each is sealed with SM4
// by every writer (sm4.ts), opened only where a caller reads it, and masked for the roles that do not
// need it in clear. Models never read these columns (none compares them; were one to, the sealed
// values compare equal for equal clear text).
import { maskPersonal, type Caller } from '../auth/caller.ts';
import { unseal } from './sm4.ts';

export interface PersonalTable {
  /** The column that identifies a row (for sealing stored rows in place). */
  key: string;
  /**
   * column → how it is masked for roles that may not see it in clear; null: not masked here (the
   * legal representative's name: who sees it is the policy layer's to decide).
   */
  columns: Record<string, 'masked' | null>;
}

export const PERSONAL_TABLES: Record<string, PersonalTable> = {
  officers: { key: 'id', columns: { id_number: 'masked', phone: 'masked' } },
  entities: { key: 'uscc', columns: { legal_rep: null, phone: 'masked' } },
  clue_reports: { key: 'id', columns: { contact: 'masked' } },
};

export const personalColumns = (table: string): string[] => Object.keys(PERSONAL_TABLES[table]?.columns ?? {});

/** The indexes, in `columns`, of the personal columns of `table`: for writers that hold rows as arrays. */
export const personalIndexes = (table: string, columns: readonly string[]): number[] =>
  columns.flatMap((c, i) => (personalColumns(table).includes(c) ? [i] : []));

/** A row as the caller may see it: personal columns opened, then masked for roles that do not need them. */
export function revealRow<T extends Record<string, unknown>>(caller: Caller, table: string, row: T): T {
  const columns = PERSONAL_TABLES[table]?.columns;
  if (!columns) return row;
  for (const [c, mask] of Object.entries(columns)) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    const clear = unseal(v);
    (row as Record<string, unknown>)[c] = mask === 'masked' ? maskPersonal(caller, clear) : clear;
  }
  return row;
}

/** One personal value as the caller may see it: opened, then masked where its column is masked. */
export function revealValue(caller: Caller, table: string, column: string, value: string | null): string | null {
  if (value === null) return null;
  const clear = unseal(value);
  return PERSONAL_TABLES[table]?.columns[column] === null ? clear : maskPersonal(caller, clear);
}
