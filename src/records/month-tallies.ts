// The month tallies (migration 114): how many licences, inspections, cases (by filing and by decision,
// with the fines) and service visits each agency has in each township and month. The home page reads
// its figures from them (src/evaluation/home-summary.ts) instead of counting millions of rows per
// request; the import keeps them true in the transaction that writes the records (src/ingest/merge.ts),
// a bulk writer (the demo generator) builds them again when it is done. docs/console.md.
//
// A row also keeps the first and last day of its records in the month. Adding records widens the
// range; taking records away leaves it as it was, so the range always holds the records' days (it may
// be wider). A period that cuts a month reads that month from the tallies when every row in scope lies
// inside the period, and from the records otherwise.
import type { Store } from '../store/store.ts';
import type { Kind } from './registry.ts';

export interface TallyPart {
  /** The home page's name of the figure. */
  part: 'licences' | 'inspections' | 'cases' | 'fines' | 'serviceVisits';
  kind: Kind;
  table: string;
  /** The date a record is counted in. */
  date: string;
  /** A sum kept beside the count (the fines' amount). */
  amount?: string;
}

/** The registry of what is tallied (a record kind may give several parts). */
export const TALLY_PARTS: readonly TallyPart[] = [
  { part: 'licences', kind: 'licences', table: 'licences', date: 'applied_on' },
  { part: 'inspections', kind: 'inspections', table: 'inspections', date: 'inspected_on' },
  { part: 'cases', kind: 'cases', table: 'cases', date: 'filed_on' },
  { part: 'fines', kind: 'cases', table: 'cases', date: 'decided_on', amount: 'fine_amount' },
  { part: 'serviceVisits', kind: 'service_visits', table: 'service_visits', date: 'visited_on' },
];

/** A month as the tallies key it: 'YYYY-MM', the same text on both engines. */
export const monthOf = (dateExpr: string): string => `substr(CAST(${dateExpr} AS VARCHAR), 1, 7)`;

const KEY = 'county_code, part, month, region_code, agency_id';

/**
 * The tally rows of `part` over `rows` (a FROM item aliased t of the part's table's columns), each
 * record counted `sign` times; the removed ones (sign -1) do not narrow the days.
 */
function tallySelect(p: TallyPart, rows: string, sign: 1 | -1, where = ''): string {
  const day = sign > 0 ? `t.${p.date}` : 'CAST(NULL AS DATE)';
  return `SELECT substr(t.region_code, 1, 6) AS county_code, '${p.part}' AS part, ${monthOf(`t.${p.date}`)} AS month,
      t.region_code, coalesce(t.agency_id, '') AS agency_id, ${sign} AS n,
      ${p.amount ? `${sign} * coalesce(t.${p.amount}, 0)` : '0'} AS amount, ${day} AS first_day, ${day} AS last_day
    FROM ${rows} WHERE ${where ? `${where} AND ` : ''}t.${p.date} IS NOT NULL AND t.region_code IS NOT NULL`;
}

/** Sums rows of tallySelect into the table (one row per key: an upsert may touch a row once). */
const upsert = (selects: string[]): string =>
  `INSERT INTO month_tallies (${KEY}, n, amount, first_day, last_day)
    SELECT ${KEY}, sum(n), sum(amount), min(first_day), max(last_day) FROM (${selects.join(' UNION ALL ')}) d GROUP BY ${KEY}
    ON CONFLICT (${KEY}) DO UPDATE SET n = month_tallies.n + excluded.n, amount = month_tallies.amount + excluded.amount,
      first_day = least(month_tallies.first_day, excluded.first_day), last_day = greatest(month_tallies.last_day, excluded.last_day)`;

/**
 * The statements that move a write of `table` into the tallies, run before the stored rows go:
 * the rows `replaced` (a condition on alias t over the stored table) counted out, the rows of
 * `incoming` (a table of the same columns) counted in. None for a table that is not tallied.
 */
export function tallyWriteSql(table: string, replaced: string | null, incoming: string): string[] {
  const parts = TALLY_PARTS.filter((p) => p.table === table);
  if (!parts.length) return [];
  const selects = parts.flatMap((p) => [
    ...(replaced ? [tallySelect(p, `${table} t`, -1, replaced)] : []),
    tallySelect(p, `${incoming} t`, 1),
  ]);
  return [upsert(selects)];
}

/** The migration that made the table: the store counts its records into it once, after the migrations. */
export const TALLIES_MIGRATION = '114_month_tallies';

/** Counts every tallied table again from its records (after a bulk write that went around the import). */
export async function rebuildTallies(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.exec('DELETE FROM month_tallies');
    for (const p of TALLY_PARTS) await tx.exec(upsert([tallySelect(p, `${p.table} t`, 1)]));
  });
}
