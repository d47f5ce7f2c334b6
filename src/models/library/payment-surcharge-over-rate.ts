// 加处罚款超过每日百分之三: 行政处罚法 第七十二条 第一款第（一）项 — 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款.
// The days are counted as PEN_PAYMENT_OVERDUE counts them: from the 缴款期限 (due_on: 收到行政处罚决定书之日起
// 十五日, 第六十七条 第三款) to the day paid, the first day not counted (src/models/window.ts); per fine case,
// from its earliest 缴款期限 to the last payment that carries 加处罚款. The most 加处罚款 those days allow is
// 3% × the fine × the days (0 for a fine paid by its 缴款期限); above the fine itself PAY_SURCHARGE_OVER_FINE
// speaks. Records that do not state 加处罚款 add nothing. The days are not reduced by those under 行政复议 or
// 行政诉讼 (第七十三条 第三款): 加处罚款 within this ceiling but above the one without them is
// PAY_SURCHARGE_DURING_REVIEW's.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysSql } from '../window.ts';
import { PAID_CASE_COLUMNS, PAID_CASE_NAMES, paidByCase } from './surcharge-fragments.ts';

export const paymentSurchargeOverRate: ModelDefinition = {
  code: 'PAY_SURCHARGE_OVER_RATE',
  name: '加处罚款超过每日百分之三',
  description:
    '罚款案件截至统计日已缴纳的缴款记录中，载明的加处罚款金额合计大于罚款金额×3%×逾期天数；逾期天数自最早的缴款期限（收到处罚决定书之日起十五日）次日起算，至最后一笔含加处罚款的缴款日期，缴款期限内缴纳的为0天；未载明加处罚款金额的缴款记录不计入。逾期天数不扣除行政复议或者行政诉讼期间；不超过本标准、但扣除这些期间后超过的，由“复议诉讼期间计算加处罚款”（PAY_SURCHARGE_DURING_REVIEW）判断。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 72,
    note: '第一款第（一）项：每日按罚款数额的百分之三加处罚款；缴款期限见第六十七条 第三款',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_amount}元，缴款期限为{due_on}，于{paid_on}缴纳，逾期{days}天，按每日百分之三计加处罚款至多{ceiling}元，缴款记录载明的加处罚款合计{surcharge}元，可能超出法定标准加处罚款，请核实并说明。',
  groundTruth: { violation: 'surcharge_over_rate', recordKind: 'case' },
  realtime: { kind: 'payments', subjectColumn: 'case_id' },
  query: ({ where, dialect, asOf }) => {
    const days = sql`GREATEST(${daysSql(dialect, sql`pd.due_on`, sql`pd.surcharge_paid_on`)}, 0)`;
    return sql`
    ${paidByCase(dialect, where, asOf)}
    SELECT ${PAID_CASE_COLUMNS}, pd.surcharge, CAST(pd.due_on AS VARCHAR) AS due_on, CAST(pd.surcharge_paid_on AS VARCHAR) AS paid_on,
           CAST(${days} AS INTEGER) AS days, CAST(c.fine_amount * 3 * ${days} / 100 AS DECIMAL(14, 2)) AS ceiling
    FROM ${PAID_CASE_NAMES}
    WHERE c.decision = 'fine' AND c.fine_amount > 0 AND pd.surcharge > 0
      AND pd.surcharge * 100 > c.fine_amount * 3 * ${days}`;
  },
};
