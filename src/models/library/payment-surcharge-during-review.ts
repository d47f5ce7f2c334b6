// 复议诉讼期间计算加处罚款: 加处罚款 that counts the days the case was under 行政复议 or 行政诉讼. 行政处罚法
// 第七十三条 第三款: 当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算.
// The days late are PAY_SURCHARGE_OVER_RATE's (from the earliest 缴款期限 to the last payment that carries
// 加处罚款, the first day not counted); left out are those of them that fall from a review outcome's
// applied_on to its decided_on (both counted; one still pending runs to the run's day), periods that
// overlap counted once. The 加处罚款 hits when it is above 3% × the fine × the days left, and no more than
// 3% × the fine × all the days late — above that PAY_SURCHARGE_OVER_RATE already speaks. Compared in cents
// as that model compares; records that do not state 加处罚款 add nothing.
import type { Dialect } from '../../store/dialect.ts';
import { raw, sql, type Sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysSql } from '../window.ts';
import { PAID_CASE_NAMES, paidByCase } from './surcharge-fragments.ts';

/**
 * `, rv AS (…), rx AS (…)`: per case of pd, the review periods as day numbers counted from its 缴款期限
 * (day 1 the day after it), clipped to the days late (1 … the last day paid with 加处罚款); rx: the days
 * covered, each once (periods merged into islands), and the review outcome ids.
 */
function reviewDays(dialect: Dialect, asOf: string): Sql {
  const day = (d: Sql) => daysSql(dialect, sql`pd.due_on`, d);
  return sql`, rv AS (
      SELECT pd.county_code, pd.case_id, r.id,
             GREATEST(${day(sql`r.applied_on`)}, 1) AS s,
             LEAST(${day(sql`COALESCE(r.decided_on, CAST(${asOf} AS DATE))`)}, ${day(sql`pd.surcharge_paid_on`)}) AS e
      FROM pd JOIN review_outcomes r ON r.county_code = pd.county_code AND r.case_id = pd.case_id
      WHERE pd.surcharge > 0 AND r.applied_on IS NOT NULL AND r.applied_on <= CAST(${asOf} AS DATE)
    ), rs AS (
      SELECT county_code, case_id, id, s, e,
             max(e) OVER (PARTITION BY county_code, case_id ORDER BY s, e, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
      FROM rv WHERE s <= e
    ), ri AS (
      SELECT county_code, case_id, id, s, e,
             sum(CASE WHEN prev_e IS NULL OR s > prev_e THEN 1 ELSE 0 END)
               OVER (PARTITION BY county_code, case_id ORDER BY s, e, id ROWS UNBOUNDED PRECEDING) AS island
      FROM rs
    ), rx AS (
      SELECT county_code, case_id, sum(n) AS excluded, ${raw(dialect.stringAgg('ids', ',', ['ids']))} AS review_ids
      FROM (SELECT county_code, case_id, island, max(e) - min(s) + 1 AS n, ${raw(dialect.stringAgg('id', ',', ['id']))} AS ids
            FROM ri GROUP BY county_code, case_id, island) isl
      GROUP BY county_code, case_id
    )`;
}

export const paymentSurchargeDuringReview: ModelDefinition = {
  code: 'PAY_SURCHARGE_DURING_REVIEW',
  name: '复议诉讼期间计算加处罚款',
  description:
    '罚款案件截至统计日已缴纳的缴款记录中，载明的加处罚款金额合计大于罚款金额×3%×（逾期天数－行政复议或者行政诉讼期间天数），且不大于罚款金额×3%×逾期天数（大于的由“加处罚款超过每日百分之三”（PAY_SURCHARGE_OVER_RATE）判断）。逾期天数同该模型：自最早的缴款期限次日起，至最后一笔含加处罚款的缴款日期；复议诉讼期间为该案复议诉讼结果记录的申请（起诉）日期至决定（裁判）日期（均计入，尚未决定的计至统计日），落在逾期天数内的天数，多个期间重叠的只计一次；未载明加处罚款金额的缴款记录不计入。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 73,
    note: '第三款：当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算；每日百分之三见第七十二条',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_amount}元，缴款期限为{due_on}，于{paid_on}缴纳，逾期{days}天，其中{excluded}天处于行政复议或者行政诉讼期间，扣除这些天数后按每日百分之三计加处罚款至多{ceiling}元，缴款记录载明的加处罚款合计{surcharge}元，可能将复议诉讼期间计入了加处罚款，请核实并说明。',
  groundTruth: { violation: 'surcharge_during_review', recordKind: 'case' },
  realtime: { kind: 'payments', subjectColumn: 'case_id' },
  query: ({ where, dialect, asOf }) => {
    const days = sql`GREATEST(${daysSql(dialect, sql`pd.due_on`, sql`pd.surcharge_paid_on`)}, 0)`;
    const left = sql`(${days} - rx.excluded)`;
    return sql`
    ${paidByCase(dialect, where, asOf)}${reviewDays(dialect, asOf)}
    SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key,
           pd.ids || ',' || rx.review_ids AS evidence_ids, COALESCE(e.name, c.entity_uscc) AS subject_name,
           COALESCE(i.name, c.item_code) AS item_name, c.fine_amount, pd.n, pd.paid,
           pd.surcharge, CAST(pd.due_on AS VARCHAR) AS due_on, CAST(pd.surcharge_paid_on AS VARCHAR) AS paid_on,
           CAST(${days} AS INTEGER) AS days, CAST(rx.excluded AS INTEGER) AS excluded,
           CAST(c.fine_amount * 3 * ${left} / 100 AS DECIMAL(14, 2)) AS ceiling
    FROM ${PAID_CASE_NAMES} JOIN rx ON rx.county_code = pd.county_code AND rx.case_id = pd.case_id
    WHERE c.decision = 'fine' AND c.fine_amount > 0 AND pd.surcharge > 0
      AND pd.surcharge * 100 > c.fine_amount * 3 * ${left}
      AND pd.surcharge * 100 <= c.fine_amount * 3 * ${days}`;
  },
};
