// The county column of the record tables (fields.ts `countyCode`): which tables carry it, and how a
// writer that names a table's columns itself (the demo's loader) adds it to its rows. The import fills
// it through the kind's computed column (src/ingest/merge.ts).
import { KIND_SPECS, KINDS } from './registry.ts';
import type { Value } from '../store/store.ts';
import { countyOf } from '../domain/region.ts';

/** Tables of the kinds that carry county_code (every record kind, not the reference data). */
export const COUNTY_TABLES: ReadonlySet<string> = new Set(
  KINDS.filter((k) => KIND_SPECS[k].computed?.some((c) => c.column === 'county_code')).map((k) => KIND_SPECS[k].table),
);

/**
 * For a writer of `table` with these columns: the columns with county_code added and a function that
 * adds its value (from the row's region_code) to a row; null where the table carries none or the
 * columns name it already.
 */
export function countyColumn(table: string, columns: readonly string[]): { columns: string[]; add(row: Value[]): Value[] } | null {
  if (!COUNTY_TABLES.has(table) || columns.includes('county_code')) return null;
  const region = columns.indexOf('region_code');
  if (region < 0) throw new Error(`${table}: a writer must give region_code, from which county_code is filled`);
  return {
    columns: [...columns, 'county_code'],
    add: (row) => {
      row.push(typeof row[region] === 'string' ? countyOf(row[region]) : null);
      return row;
    },
  };
}
