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
  /** Per reference table, each code by its folded form (foldCode); null where two codes fold alike. */
  folded: Map<ReferenceTable, Map<string, string | null>>;
}

/**
 * A code as people type it, folded: full-width letters, digits and hyphens to their ASCII forms
 * (Ｘ→X, ３→3, －→-), upper case, no spaces. A value that names no code exactly is looked up by its
 * folded form (canonicalCode).
 */
export const foldCode = (s: string): string => s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');

/**
 * The stored code a value names: itself when a code is exactly that, else the one code whose folded
 * form is the value's (`xk-scjg-0001`, `ＡＧ－３３０１０６－ＳＣＪＧ`), else the value unchanged (refused as missing).
 */
export function canonicalCode(refs: References, table: ReferenceTable, v: string): string {
  const exact = table === 'agency' ? refs.agencies.has(v) : refs.codes.get(table)?.has(v);
  return exact ? v : (refs.folded.get(table)?.get(foldCode(v)) ?? v);
}

/** The table and key column of each reference table other than agencies. */
const CODES: Record<Exclude<ReferenceTable, 'agency'>, { table: string; column: string }> = {
  item: { table: 'items', column: 'code' },
  inspection_item: { table: 'inspection_items', column: 'code' },
  line: { table: 'lines', column: 'code' },
  regulation: { table: 'regulations', column: 'id' },
  officer: { table: 'officers', column: 'id' },
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
  const refs: Omit<References, 'folded'> = { regions: new Set(), agencies: new Map(), codes: new Map() };
  const codeRefs = [...named].filter((r): r is Exclude<ReferenceTable, 'agency'> => r !== 'agency');
  for (const ref of codeRefs) refs.codes.set(ref, new Set());
  const values = only ? [...new Set([...only].map(foldCode))] : null;
  if (values?.length === 0) return withFolded(refs);
  // One statement for every table: tagged rows, all of them or only those among the values (folded alike).
  const among = (column: string) => (values ? ` WHERE upper(${column}) IN (SELECT v FROM wanted)` : '');
  const parts = [`SELECT 'region' AS t, code AS c, NULL AS r FROM regions${among('code')}`];
  if (named.has('agency')) parts.push(`SELECT 'agency', id, region_code FROM agencies${among('id')}`);
  for (const ref of codeRefs) parts.push(`SELECT '${ref}', ${CODES[ref].column}, NULL FROM ${CODES[ref].table}${among(CODES[ref].column)}`);
  const wanted = values ? `WITH wanted (v) AS (VALUES ${values.map((_, i) => `(CAST($${i + 1} AS VARCHAR))`).join(', ')}) ` : '';
  for (const row of await store.query<{ t: string; c: string; r: string | null }>(wanted + parts.join(' UNION ALL '), values ?? [])) {
    if (row.t === 'region') refs.regions.add(row.c);
    else if (row.t === 'agency') refs.agencies.set(row.c, row.r!);
    else refs.codes.get(row.t as ReferenceTable)!.add(row.c);
  }
  return withFolded(refs);
}

/** The references with each table's codes by their folded form (canonicalCode). */
export function withFolded(refs: Omit<References, 'folded'>): References {
  const folded = new Map<ReferenceTable, Map<string, string | null>>();
  const fold = (table: ReferenceTable, codes: Iterable<string>) => {
    const m = new Map<string, string | null>();
    for (const c of codes) {
      const f = foldCode(c);
      m.set(f, m.has(f) && m.get(f) !== c ? null : c);
    }
    folded.set(table, m);
  };
  fold('agency', refs.agencies.keys());
  for (const [table, codes] of refs.codes) fold(table, codes);
  return { ...refs, folded };
}
