// Loads the shipped reference catalog (readCatalog) into the store's reference tables, in one
// transaction. The shipped data owns the rows it brought (source_system NULL), not demo regions
// (regions.is_demo, added by the demo generator) nor the rows a county imported (source_system set:
// its townships, local items, lists and baseline refinements), which are left alone — and a shipped row
// whose key a county's row has taken over (a local version of a province item) is not brought back.
// Idempotent: a table whose shipped rows already equal the catalog is not touched, so a second call
// writes nothing; a table that differs has its shipped rows replaced as a whole.
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
  /** The rows this load owns; others (demo regions, imported rows) are neither compared nor deleted. */
  owned: string;
  /** The columns that identify a row: a shipped row whose key an imported row holds is left out. */
  key: string[];
  /** A row belongs to a row of another load: it is left out, too, when an imported row holds its parent's key. */
  parent?: { column: string; table: ReferenceTable; key: string };
  rows: Value[][];
}

/** Rows that shipped with Kedu; a county's imported rows carry their source system. */
const SHIPPED = 'source_system IS NULL';

function tableLoads(c: Catalog): TableLoad[] {
  const pick = <T extends object>(records: T[], columns: string[]): Value[][] =>
    records.map((r) => columns.map((col) => ((r as Record<string, unknown>)[col] ?? null) as Value));
  const load = <T extends object>(
    table: ReferenceTable,
    key: string[],
    columns: string[],
    records: T[],
    owned = 'TRUE',
    parent?: TableLoad['parent'],
  ): TableLoad => ({ table, key, columns, rows: pick(records, columns), owned, parent });
  return [
    load('regions', ['code'], ['code', 'name', 'parent_code', 'level'], c.regions, `is_demo = FALSE AND ${SHIPPED}`),
    load('lines', ['code'], ['code', 'name'], c.lines),
    load('regulations', ['id'], ['id', 'title', 'kind', 'version_date', 'source', 'status'], c.regulations),
    load('articles', ['regulation_id', 'number'], ['regulation_id', 'number', 'label', 'text'], c.articles),
    load(
      'items',
      ['code'],
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
        'region_code',
      ],
      // The shipped catalog is the province's.
      c.items.map((i) => ({ ...i, region_code: '330000' })),
      SHIPPED,
    ),
    load(
      'inspection_items',
      ['code'],
      ['code', 'item_code', 'name', 'line_code', 'region_code', 'max_per_year'],
      c.inspectionItems,
      SHIPPED,
    ),
    load('baselines', ['id'], ['id', 'item_code', 'region_code', 'title', 'effective_from'], c.baselines, SHIPPED),
    load(
      'baseline_tiers',
      ['baseline_id', 'tier'],
      ['baseline_id', 'tier', 'fine_min', 'fine_max', 'conditions', 'region_code'],
      c.baselines.flatMap((b) => b.tiers.map((t) => ({ ...t, region_code: b.region_code }))),
      SHIPPED,
      // A county's own version of a shipped baseline brings its own tiers.
      { column: 'baseline_id', table: 'baselines', key: 'id' },
    ),
    load(
      'exemptions',
      ['id'],
      ['id', 'item_code', 'region_code', 'domain', 'conditions', 'basis_regulation_id', 'basis_article', 'list_regulation_id'],
      c.exemptions,
      SHIPPED,
    ),
    load('service_whitelist', ['code'], ['code', 'name', 'region_code', 'line_code'], c.serviceWhitelist, SHIPPED),
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
    for (const { table, columns, owned, key, parent, rows: shipped } of loads) {
      // Keys a county's own rows hold (imported or demo): the shipped row of that key stays out.
      const taken = new Set(
        (await tx.query<Record<string, Value>>(`SELECT ${key.join(', ')} FROM ${table} WHERE NOT (${owned})`)).map((r) =>
          JSON.stringify(key.map((k) => String(r[k]))),
        ),
      );
      const at = key.map((k) => columns.indexOf(k));
      let rows = taken.size ? shipped.filter((r) => !taken.has(JSON.stringify(at.map((i) => String(r[i]))))) : shipped;
      if (parent) {
        const p = loads.find((l) => l.table === parent.table)!;
        const local = new Set(
          (await tx.query<Record<string, Value>>(`SELECT ${parent.key} FROM ${parent.table} WHERE NOT (${p.owned})`)).map((r) =>
            String(r[parent.key]),
          ),
        );
        const col = columns.indexOf(parent.column);
        if (local.size) rows = rows.filter((r) => !local.has(String(r[col])));
      }
      const current = await tx.query<Record<string, Value>>(`SELECT ${columns.join(', ')} FROM ${table} WHERE ${owned}`);
      const wanted = fingerprint(rows);
      if (!sameRows(fingerprint(current.map((r) => columns.map((c) => r[c]))), wanted)) {
        await tx.exec(`DELETE FROM ${table} WHERE ${owned}`);
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
