// The reference rows a batch is checked against, loaded once per batch (a few thousand codes each:
// regions, ~4,600 agencies, the item catalogs, lines, regulations; officers when a kind names them), so
// per-row checks are set lookups.
import type { Store } from '../store/store.ts';
import type { RecordKindSpec, ReferenceTable } from '../records/registry.ts';

export interface References {
  regions: Set<string>;
  /** agency id → the agency's region code */
  agencies: Map<string, string>;
  /** The codes of each other reference table the kind names (ref or listedIn). */
  codes: Map<ReferenceTable, Set<string>>;
}

const CODES: Record<Exclude<ReferenceTable, 'agency'>, string> = {
  item: 'SELECT code FROM items',
  inspection_item: 'SELECT code FROM inspection_items',
  line: 'SELECT code FROM lines',
  regulation: 'SELECT id AS code FROM regulations',
  officer: 'SELECT id AS code FROM officers',
};

/** Why a value that names no row of a reference table is refused: `执法事项不存在：X`. */
export const MISSING: Record<ReferenceTable, string> = {
  agency: '执法主体不存在',
  item: '执法事项不存在',
  inspection_item: '涉企行政检查事项不存在',
  line: '执法条线不存在',
  regulation: '法规不存在（见 规则库 › 法规）',
  officer: '执法人员不存在（请先导入执法人员）',
};

/** The lists a listedIn field is compared with, in the report's notes. */
export const LIST_NAMES: Partial<Record<ReferenceTable, string>> = { inspection_item: '涉企行政检查事项清单' };

/**
 * The reference rows of a batch. Given `only` — every value the batch's rows can be looked up under (a
 * few records pushed through the API: validate.ts referenceCandidates) — just those rows, in one
 * statement: at city scale loading every agency and region per pushed record cost more than the rest
 * of its checks. The validator only asks about values of its rows, so the answers are the same.
 */
export async function loadReferences(store: Store, spec: RecordKindSpec, only?: ReadonlySet<string> | null): Promise<References> {
  const named = new Set(spec.fields.flatMap((f) => [f.ref, f.listedIn]).filter((r): r is ReferenceTable => !!r));
  if (only) return lookUpReferences(store, named, only);
  const codes = new Map<ReferenceTable, Set<string>>();
  for (const ref of named) {
    if (ref === 'agency') continue;
    codes.set(ref, new Set((await store.query<{ code: string }>(CODES[ref])).map((r) => r.code)));
  }
  return {
    regions: new Set((await store.query<{ code: string }>('SELECT code FROM regions')).map((r) => r.code)),
    agencies: named.has('agency')
      ? new Map(
          (await store.query<{ id: string; region_code: string }>('SELECT id, region_code FROM agencies')).map((r) => [
            r.id,
            r.region_code,
          ]),
        )
      : new Map(),
    codes,
  };
}

async function lookUpReferences(store: Store, named: Set<ReferenceTable>, only: ReadonlySet<string>): Promise<References> {
  const refs: References = { regions: new Set(), agencies: new Map(), codes: new Map() };
  const values = [...only];
  if (!values.length) {
    for (const ref of named) if (ref !== 'agency') refs.codes.set(ref, new Set());
    return refs;
  }
  const among = (column: string) => `${column} IN (SELECT v FROM wanted)`;
  const parts = [`SELECT 'region' AS t, code AS c, NULL AS r FROM regions WHERE ${among('code')}`];
  if (named.has('agency')) parts.push(`SELECT 'agency', id, region_code FROM agencies WHERE ${among('id')}`);
  for (const ref of named) {
    if (ref === 'agency') continue;
    refs.codes.set(ref, new Set());
    // CODES[ref] is `SELECT <column> FROM <table>`: the same rows, only those wanted.
    const [, column, table] = /^SELECT (\w+)(?: AS code)? FROM (\w+)$/.exec(CODES[ref])!;
    parts.push(`SELECT '${ref}', ${column}, NULL FROM ${table} WHERE ${among(column)}`);
  }
  const wanted = `WITH wanted (v) AS (VALUES ${values.map((_, i) => `(CAST($${i + 1} AS VARCHAR))`).join(', ')}) `;
  for (const row of await store.query<{ t: string; c: string; r: string | null }>(wanted + parts.join(' UNION ALL '), values)) {
    if (row.t === 'region') refs.regions.add(row.c);
    else if (row.t === 'agency') refs.agencies.set(row.c, row.r!);
    else refs.codes.get(row.t as ReferenceTable)!.add(row.c);
  }
  return refs;
}
