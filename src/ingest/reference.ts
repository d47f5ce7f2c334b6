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
 * The reference rows of a batch. Given `only` — every value the batch's rows can be looked up under, per
 * table (a few records pushed through the API: validate.ts referenceCandidates) — just those rows: at
 * city scale loading every agency and region per pushed record cost more than the rest of its checks.
 * First the codes that are exactly those values (one statement); then, only for the values a table
 * does not hold exactly, its codes whose folded form is theirs (canonicalCode reads the folded form of
 * no other value): folding every code of the table (`upper`, 105,000 officers at city scale) took
 * 19 ms at load 9 where the exact look-up took 1.3 ms, and a value an agency system sends is
 * usually the code itself. Regions are only ever looked up exactly. The validator only asks about
 * values of its rows, so the answers are the same.
 */
export async function loadReferences(
  store: Store,
  spec: RecordKindSpec,
  only?: ReadonlyMap<string, ReadonlySet<string>> | null,
): Promise<References> {
  const named = new Set(spec.fields.flatMap((f) => [f.ref, f.listedIn]).filter((r): r is ReferenceTable => !!r));
  const refs: Omit<References, 'folded'> = { regions: new Set(), agencies: new Map(), codes: new Map() };
  const codeRefs = [...named].filter((r): r is Exclude<ReferenceTable, 'agency'> => r !== 'agency');
  for (const ref of codeRefs) refs.codes.set(ref, new Set());
  const read = async (statement: string, params: string[]) => {
    for (const row of await store.query<{ t: string; c: string; r: string | null }>(statement, params)) {
      if (row.t === 'region') refs.regions.add(row.c);
      else if (row.t === 'agency') refs.agencies.set(row.c, row.r!);
      else refs.codes.get(row.t as ReferenceTable)!.add(row.c);
    }
  };
  const tables: [string, string, string][] = [['region', 'regions', 'code']];
  if (named.has('agency')) tables.push(['agency', 'agencies', 'id']);
  for (const ref of codeRefs) tables.push([ref, CODES[ref].table, CODES[ref].column]);
  const select = (t: string, table: string, column: string) =>
    `SELECT '${t}' AS t, ${column} AS c, ${t === 'agency' ? 'region_code' : 'NULL'} AS r FROM ${table}`;
  if (!only) {
    await read(tables.map(([t, table, column]) => select(t, table, column)).join(' UNION ALL '), []);
    return withFolded(refs);
  }
  // Each table's values as parameters: `column IN ($1, $2 …)` (or `upper(column) IN …`).
  const lookUp = async (wanted: [string, string, string, string[]][], fold: boolean) => {
    const params: string[] = [];
    const parts = wanted.map(([t, table, column, values]) => {
      const list = values.map((v) => `$${params.push(v)}`).join(', ');
      return `${select(t, table, column)} WHERE ${fold ? `upper(${column})` : column} IN (${list})`;
    });
    if (parts.length) await read(parts.join(' UNION ALL '), params);
  };
  const candidates = (t: string) => [...(only.get(t) ?? [])];
  await lookUp(
    tables
      .map(([t, table, column]): [string, string, string, string[]] => [t, table, column, candidates(t)])
      .filter((w) => w[3].length > 0),
    false,
  );
  const held = (t: string, v: string) => (t === 'agency' ? refs.agencies.has(v) : refs.codes.get(t as ReferenceTable)!.has(v));
  await lookUp(
    tables
      .filter(([t]) => t !== 'region')
      .map(([t, table, column]): [string, string, string, string[]] => [
        t,
        table,
        column,
        [
          ...new Set(
            candidates(t)
              .filter((v) => !held(t, v))
              .map(foldCode),
          ),
        ],
      ])
      .filter((w) => w[3].length > 0),
    true,
  );
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
