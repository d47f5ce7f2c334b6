// 罚款逾期未缴且未申请强制执行: a fine still unpaid (the payments made by the run's day add up to less than
// the fine) when the periods to seek review have run and three months more have passed, with no day of an
// application to the people's court. 行政强制法 第五十三条: 当事人在法定期限内不申请行政复议或者提起行政诉讼，
// 又不履行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起三个月内…申请人民法院强制执行.
// The periods: 六十日 to apply for review (行政复议法 第二十条) and 六个月 to sue (行政诉讼法 第四十六条), both
// from the day the party knew of the decision; the longer, six months, ends the 法定期限. They are counted
// from the decision's delivery (the first delivered_on of the case's deliveries), or from the decision day
// when no delivery is recorded; what was paid is the payments' amount less their 加处罚款 (`surcharge`, 行政处罚法
// 第七十二条: the additional fine pays no part of the fine; a payment that does not state it counts whole);
// a case with a review outcome recorded (复议 or 诉讼 brought) is left out.
// Months are calendar months (a day the month lacks falls on its last day), and the three months end on
// the same day as the six months begin, nine months on: a hit when the run's day is after that day.
// Agencies with enforcement power of their own (第十三条: 行政强制执行由法律设定) may enforce themselves:
// a county switches their line on (税务 and 公安 have a switch; off by default: no line is left out).
import { raw, sql } from '../../store/sql.ts';
import { type ModelDefinition, type ParamValues } from '../model.ts';
import { CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';
import { amountIn } from '../record-tests.ts';

/** Lines a county may mark as enforcing by themselves (a switch each; the law that grants the power decides). */
export const OWN_POWER_LINES = [
  ['TAX', 'own_power_tax', '税务'],
  ['PSB', 'own_power_psb', '公安'],
] as const;

/** The lines switched to "has enforcement power of its own" in a run's parameters. */
export function ownPowerLines(params: ParamValues): string[] {
  return OWN_POWER_LINES.filter(([, p]) => params[p] === 1).map(([code]) => code);
}

export const penaltyNoCourtApplication: ModelDefinition = {
  code: 'PEN_NO_COURT_APPLICATION',
  name: '罚款逾期未缴且未申请强制执行',
  description:
    '罚款决定自送达之日（无送达记录的自决定日期）起，六个月的起诉期限（长于六十日的复议期限）届满后又过三个月，截至统计日缴款记录合计（不含其中载明的加处罚款）仍不足罚款金额，没有申请人民法院强制执行的日期，且没有复议或诉讼记录；设为自行强制执行的条线不计（默认无）。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 53,
    note: '期限自处罚决定送达之日起算：行政诉讼法 第四十六条 六个月、行政复议法 第二十条 六十日，取其长者；逾期不缴纳罚款的处理见行政处罚法 第七十二条',
  },
  severity: 'medium',
  params: [
    { name: 'sue_months', label: '复议、诉讼期限（月，取其长者）', type: 'integer', default: 6, min: 2, max: 12 },
    { name: 'apply_months', label: '期限届满后申请强制执行的期限（月）', type: 'integer', default: 3, min: 1, max: 12 },
    ...OWN_POWER_LINES.map(([, name, label]) => ({
      name,
      label: `${label}条线有自行强制执行权（1是，0否）`,
      type: 'integer' as const,
      default: 0,
      min: 0,
      max: 1,
    })),
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{decided_on}被决定罚款{fine_amount}元，{start_text}，申请复议、提起诉讼的期限于{expired_on}届满，其后三个月于{last_day}届满，截至{as_of}{paid_text}，记录中没有申请人民法院强制执行的日期，可能罚款逾期未缴且未依法申请强制执行，请核实并说明。',
  groundTruth: { violation: 'no_court_application', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: {
      reads: ['decision', 'fine_amount', 'decided_on', 'court_applied_on'],
      test: (r) => r.decision === 'fine' && (amountIn(r, 'fine_amount') ?? 0) > 0 && r.decided_on !== null && r.court_applied_on === null,
    },
  },
  query: ({ params, where, asOf }) => {
    const months = (n: number) => {
      if (!Number.isInteger(n)) throw new Error(`not a whole number of months: ${n}`);
      return raw(`INTERVAL '${n} months'`);
    };
    const start = sql`COALESCE(dl.delivered_on, c.decided_on)`;
    const expired = sql`CAST(${start} + ${months(params.sue_months)} AS DATE)`;
    const last = sql`CAST(${start} + ${months(params.sue_months + params.apply_months)} AS DATE)`;
    const own = ownPowerLines(params);
    const lines = own.length ? raw(` AND a.line_code NOT IN (${own.map((l) => `'${l}'`).join(', ')})`) : raw('');
    return sql`
    WITH dl AS (
      SELECT c.id, min(d.delivered_on) AS delivered_on
      FROM cases c JOIN deliveries d ON d.county_code = c.county_code AND d.case_id = c.id
      WHERE ${where('c')} AND c.decision = 'fine' AND c.court_applied_on IS NULL AND d.delivered_on IS NOT NULL
      GROUP BY c.id
    ), pd AS (
      SELECT c.id, sum(p.amount - COALESCE(p.surcharge, 0)) AS paid, sum(COALESCE(p.surcharge, 0)) AS surcharge
      FROM cases c JOIN payments p ON p.county_code = c.county_code AND p.case_id = c.id
      WHERE ${where('c')} AND c.decision = 'fine' AND c.court_applied_on IS NULL AND p.paid_on IS NOT NULL
        AND p.paid_on <= CAST(${asOf} AS DATE)
      GROUP BY c.id
    ), rv AS (
      SELECT DISTINCT c.id
      FROM cases c JOIN review_outcomes r ON r.county_code = c.county_code AND r.case_id = c.id
      WHERE ${where('c')} AND c.decision = 'fine' AND c.court_applied_on IS NULL
    )
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount,
           CASE WHEN dl.delivered_on IS NULL THEN '记录中没有送达日期，自决定日期起算'
                ELSE '处罚决定书于' || CAST(dl.delivered_on AS VARCHAR) || '送达' END AS start_text,
           CAST(${expired} AS VARCHAR) AS expired_on, CAST(${last} AS VARCHAR) AS last_day,
           CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of,
           CASE WHEN pd.paid IS NULL THEN '没有缴款记录'
                ELSE '仅缴纳' || CAST(pd.paid AS VARCHAR) || '元'
                  || CASE WHEN pd.surcharge > 0 THEN '（另缴加处罚款' || CAST(pd.surcharge AS VARCHAR) || '元，不计入罚款）' ELSE '' END END AS paid_text
    FROM cases c JOIN agencies a ON a.id = c.agency_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
      LEFT JOIN dl ON dl.id = c.id LEFT JOIN pd ON pd.id = c.id LEFT JOIN rv ON rv.id = c.id
    WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND c.decided_on IS NOT NULL
      AND c.court_applied_on IS NULL AND COALESCE(pd.paid, 0) < c.fine_amount AND rv.id IS NULL
      AND ${last} < CAST(${asOf} AS DATE)${lines}`;
  },
};
