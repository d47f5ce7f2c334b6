// What the money-after-the-decision models read (PAY_SURCHARGE_OVER_FINE, PAY_SURCHARGE_OVER_RATE,
// PAY_OVERPAID): per fine case, its payment records paid by the run's day (paid_on set, not after it),
// summed. A payment's `amount` is the whole sum paid, its `surcharge` the part of it that is 加处罚款
// (NULL: the record does not say). The runner's region and focus filter is applied to the payments
// (alias p), so a payment arriving focuses the run on its case (realtime subjectColumn: case_id).
import type { Dialect } from '../../store/dialect.ts';
import { raw, sql, type Sql } from '../../store/sql.ts';

/**
 * `WITH pd AS (…)`: per case (county_code, case_id) — paid: amount summed; surcharge: 加处罚款 stated,
 * summed (NULL when none is stated); principal: amount − surcharge over the records that state it;
 * unstated: amount of the records that do not; n: records; due_on: the earliest 缴款期限; surcharge_paid_on:
 * the last day a record with 加处罚款 was paid; ids: the payment ids.
 */
export function paidByCase(dialect: Dialect, where: (alias: string) => Sql, asOf: string): Sql {
  return sql`WITH pd AS (
      SELECT p.county_code, p.case_id, sum(p.amount) AS paid, sum(p.surcharge) AS surcharge,
             COALESCE(sum(p.amount - p.surcharge), 0) AS principal,
             COALESCE(sum(CASE WHEN p.surcharge IS NULL THEN p.amount END), 0) AS unstated,
             count(*) AS n, min(p.due_on) AS due_on, max(CASE WHEN p.surcharge > 0 THEN p.paid_on END) AS surcharge_paid_on,
             ${raw(dialect.stringAgg('p.id', ',', ['p.id']))} AS ids
      FROM payments p
      WHERE ${where('p')} AND p.paid_on IS NOT NULL AND p.paid_on <= CAST(${asOf} AS DATE)
      GROUP BY p.county_code, p.case_id
    )`;
}

/** The hit columns of a case whose payments (pd) are judged: subject the case, evidence its payments. */
export const PAID_CASE_COLUMNS = raw(`'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key,
  pd.ids AS evidence_ids, COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
  c.fine_amount, pd.n, pd.paid`);

/** The cases of pd decided with a fine, with names. */
export const PAID_CASE_NAMES = raw(`pd JOIN cases c ON c.county_code = pd.county_code AND c.id = pd.case_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code`);
