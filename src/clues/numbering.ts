// Readable clue numbers: 富阳-2026-000123 — the short name of the clue's county (or of the city or
// province when the clue lies at that level), the year the clue was found, and a sequence per county
// and year. The internal id (CL-…) stays the key; the number is what people read, say on the phone
// and print. A counter per county and year (clue_counters) only grows, so a number is never handed
// out twice, even after a clue is removed. Every writer runs under withAudit holding its city's chain
// (a county's counter is its city's), so two writers never read the same counter.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import { businessDate } from '../domain/dates.ts';

/** 富阳区 → 富阳, 景宁畲族自治县 → 景宁, 杭州市 → 杭州, 浙江省 → 浙江 (unique among Zhejiang's regions: tested). */
export function regionShortName(name: string): string {
  const short = name.replace(/(畲族自治县|自治县|区|县|市|省)$/, '');
  return short.length >= 2 ? short : name;
}

/** The numbering unit of a region: its county-level code (a township counts as its county). */
export const numberingUnit = (regionCode: string): string => regionCode.slice(0, 6);

export const formatClueNumber = (prefix: string, year: number, seq: number): string => `${prefix}-${year}-${String(seq).padStart(6, '0')}`;

/** The year a clue found at `at` is numbered in (the business year, Asia/Shanghai). */
export const numberingYear = (at: Date | string): number => Number(businessDate(typeof at === 'string' ? new Date(at) : at).slice(0, 4));

async function prefixOf(tx: Store, unit: string): Promise<string> {
  const [r] = await tx.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${unit}`);
  return r ? regionShortName(r.name) : unit;
}

/** Makes sure a counter exists for each unit of the year (last_seq 0 for a new one). */
export async function ensureCounters(tx: Store, units: readonly string[], year: number): Promise<void> {
  if (units.length === 0) return;
  const have = await tx.query<{ unit_code: string }>(
    sql`SELECT unit_code FROM clue_counters WHERE year = ${year} AND unit_code IN (${joinSql(
      units.map((u) => sql`${u}`),
      ', ',
    )})`,
  );
  const known = new Set(have.map((h) => h.unit_code));
  for (const unit of units) {
    if (known.has(unit)) continue;
    await tx.exec(
      sql`INSERT INTO clue_counters (unit_code, year, prefix, last_seq) VALUES (${unit}, ${year}, ${await prefixOf(tx, unit)}, 0)`,
    );
  }
}

/** Hands out `count` numbers of one unit and year, in order. Call inside the write transaction. */
export async function reserveClueNumbers(tx: Store, regionCode: string, at: Date | string, count = 1): Promise<string[]> {
  const unit = numberingUnit(regionCode);
  const year = numberingYear(at);
  await ensureCounters(tx, [unit], year);
  const [k] = await tx.query<{ prefix: string; last_seq: number }>(
    sql`SELECT prefix, last_seq FROM clue_counters WHERE unit_code = ${unit} AND year = ${year}`,
  );
  await tx.exec(sql`UPDATE clue_counters SET last_seq = ${Number(k.last_seq) + count} WHERE unit_code = ${unit} AND year = ${year}`);
  return Array.from({ length: count }, (_, i) => formatClueNumber(k.prefix, year, Number(k.last_seq) + i + 1));
}

/** Numbers for rows of several regions found at the same instant, in the order given. */
export async function numbersFor(tx: Store, regionCodes: readonly string[], at: Date | string): Promise<string[]> {
  const byUnit = new Map<string, number[]>();
  regionCodes.forEach((r, i) => {
    const u = numberingUnit(r);
    (byUnit.get(u) ?? byUnit.set(u, []).get(u)!).push(i);
  });
  const out: string[] = new Array<string>(regionCodes.length);
  for (const [unit, indexes] of byUnit) {
    const numbers = await reserveClueNumbers(tx, unit, at, indexes.length);
    indexes.forEach((index, j) => (out[index] = numbers[j]));
  }
  return out;
}

/**
 * The batch path: the number of each row being inserted as a SQL expression over the counters joined
 * as k, in the order of `orderBy` (the new clue's id) within a unit; call `advanceCounters` after the
 * insert. The counters must exist (`ensureCounters`).
 */
export function numberExpr(year: number, orderBy: string): Sql {
  const seq = raw(`(k.last_seq + row_number() OVER (PARTITION BY k.unit_code ORDER BY ${orderBy}))`);
  // lpad cuts a longer text to the width: a seventh digit is kept whole.
  return sql`k.prefix || '-' || CAST(${String(year)} AS VARCHAR) || '-' || CASE WHEN ${seq} > 999999 THEN CAST(${seq} AS VARCHAR) ELSE lpad(CAST(${seq} AS VARCHAR), 6, '0') END`;
}

/**
 * Advances the counters of `year` past the rows of a staged table (those meeting `where`, a condition
 * on its columns) just numbered with numberExpr.
 */
export async function advanceCounters(tx: Store, table: string, year: number, where = 'TRUE'): Promise<void> {
  await tx.exec(sql`UPDATE clue_counters SET last_seq = last_seq + (
      SELECT count(*) FROM ${raw(table)} s WHERE substr(s.region_code, 1, 6) = clue_counters.unit_code AND ${raw(where)})
    WHERE year = ${year} AND unit_code IN (SELECT DISTINCT substr(region_code, 1, 6) FROM ${raw(table)} WHERE ${raw(where)})`);
}

/**
 * Numbers the clues that have none (stores that held clues before numbers existed), in the order they
 * were found; the year is each clue's own. Returns how many it numbered.
 */
export async function numberUnnumberedClues(store: Store): Promise<number> {
  const rows = await store.query<{ id: string; region_code: string; created_at: string }>(
    'SELECT id, region_code, created_at FROM clues WHERE number IS NULL ORDER BY created_at, id',
  );
  if (rows.length === 0) return 0;
  return withAudit(store, EVERY_CHAIN, async (tx) => {
    for (const r of rows) {
      const [n] = await reserveClueNumbers(tx, r.region_code, r.created_at);
      await tx.exec(sql`UPDATE clues SET number = ${n} WHERE id = ${r.id}`);
    }
    return { result: rows.length, audit: [{ actor: 'system', action: 'clue.number', detail: { numbered: rows.length } }] };
  });
}
