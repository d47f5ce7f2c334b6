// Loads the shipped reference catalog (readCatalog) into the store's reference tables, in one
// transaction. The shipped data owns those tables, except demo regions (regions.is_demo, added by the
// demo generator), which are left alone. Idempotent: a table whose rows already equal the catalog is not
// touched, so a second call writes nothing; a table that differs is replaced as a whole.
import type { Store, Value } from '../store/store.ts';
import { readCatalog } from './read-catalog.ts';
import { invalidateRealtimeState } from '../models/realtime/state.ts';
import type { Catalog } from './types.ts';

export { readCatalog } from './read-catalog.ts';

export type ReferenceTable =
  | 'regions'
  | 'lines'
  | 'regulations'
  | 'articles'
  | 'items'
  | 'inspection_items'
  | 'baselines'
  | 'baseline_tiers'
  | 'exemptions'
  | 'service_whitelist';

/** Rows of each reference table after the load; changed: the tables this call rewrote (empty when nothing differed). */
export type ReferenceCounts = Record<ReferenceTable, number> & { changed: ReferenceTable[] };

interface TableLoad {
  table: ReferenceTable;
  columns: string[];
  /** The rows this load owns; others (demo regions) are neither compared nor deleted. */
  owned?: string;
  rows: Value[][];
}

function tableLoads(c: Catalog): TableLoad[] {
  const pick = <T extends object>(records: T[], columns: string[]): Value[][] =>
    records.map((r) => columns.map((col) => ((r as Record<string, unknown>)[col] ?? null) as Value));
  const load = <T extends object>(table: ReferenceTable, columns: string[], records: T[], owned?: string): TableLoad => ({
    table,
    columns,
    rows: pick(records, columns),
    owned,
  });
  return [
    load('regions', ['code', 'name', 'parent_code', 'level'], c.regions, 'is_demo = FALSE'),
    load('lines', ['code', 'name'], c.lines),
    load('regulations', ['id', 'title', 'kind', 'version_date', 'source', 'status'], c.regulations),
    load('articles', ['regulation_id', 'number', 'label', 'text'], c.articles),
    load(
      'items',
      [
        'code',
        'name',
        'kind',
        'line_code',
        'basis_regulation_id',
        'basis_article',
        'penalty_regulation_id',
        'penalty_article',
        'fine_min',
        'fine_max',
        'fine_note',
        'time_limit_days',
      ],
      c.items,
    ),
    load('inspection_items', ['code', 'item_code', 'name', 'line_code', 'region_code', 'max_per_year'], c.inspectionItems),
    load('baselines', ['id', 'item_code', 'region_code', 'title', 'effective_from'], c.baselines),
    load(
      'baseline_tiers',
      ['baseline_id', 'tier', 'fine_min', 'fine_max', 'conditions'],
      c.baselines.flatMap((b) => b.tiers),
    ),
    load(
      'exemptions',
      ['id', 'item_code', 'region_code', 'domain', 'conditions', 'basis_regulation_id', 'basis_article', 'list_regulation_id'],
      c.exemptions,
    ),
    load('service_whitelist', ['code', 'name', 'region_code', 'line_code'], c.serviceWhitelist),
  ];
}

/** Order-free fingerprint of a table's rows: both engines return plain values (numbers, 'YYYY-MM-DD', strings). */
function fingerprint(rows: Value[][]): string[] {
  return rows.map((r) => JSON.stringify(r.map((v) => (typeof v === 'number' ? Number(v) : v)))).sort();
}

function sameRows(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Fills regions, lines, regulations, articles, items, inspection_items, baselines, baseline_tiers,
 * exemptions and service_whitelist from the catalog (default: the shipped data), in one transaction.
 */
export async function loadReference(store: Store, catalog: Catalog = readCatalog()): Promise<ReferenceCounts> {
  const loads = tableLoads(catalog);
  const counts = await store.transaction(async (tx) => {
    const changed: ReferenceTable[] = [];
    const counts = {} as Record<ReferenceTable, number>;
    for (const { table, columns, owned, rows } of loads) {
      const where = owned ? ` WHERE ${owned}` : '';
      const current = await tx.query<Record<string, Value>>(`SELECT ${columns.join(', ')} FROM ${table}${where}`);
      const wanted = fingerprint(rows);
      if (!sameRows(fingerprint(current.map((r) => columns.map((c) => r[c]))), wanted)) {
        await tx.exec(`DELETE FROM ${table}${where}`);
        await tx.copyIn(table, columns, rows);
        changed.push(table);
      }
      counts[table] = rows.length;
    }
    return { ...counts, changed };
  });
  if (counts.changed.length) invalidateRealtimeState(store); // the real-time checks cache the reference tables
  return counts;
}
