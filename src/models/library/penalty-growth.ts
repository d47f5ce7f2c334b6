// 月度罚款骤增: an agency whose fines in one month far exceed its own trailing average —
// both the amount and the number of fines at least `ratio` times the average of the previous months,
// with enough fines that one large case does not decide it. Months without fines count as zero; an
// agency is judged only once it has a full trailing window of history. Fines must not be tied to an
// agency's targets or returned to it (行政处罚法 第七十四条).
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const penaltyGrowth: ModelDefinition = {
  code: 'PEN_GROWTH',
  name: '月度罚款骤增',
  description: '执法部门某月的罚款案件数和罚款金额均达到其前几个月月平均水平的设定倍数以上（当月罚款案件达到设定数量时判断）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 74 },
  severity: 'medium',
  params: [
    { name: 'trailing_months', label: '对比的前期月数', type: 'integer', default: 6, min: 2, max: 24 },
    { name: 'ratio', label: '增长倍数阈值', type: 'number', default: 2, min: 1.1, max: 100 },
    { name: 'min_cases', label: '当月罚款案件最少数量', type: 'integer', default: 8, min: 1, max: 10000 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{subject_name}{window_key}作出罚款决定{case_count}件、罚款{amount}元，分别为前{trailing_months}个月月均（{avg_count}件、{avg_amount}元）的{count_ratio}倍和{amount_ratio}倍（阈值{ratio}倍），可能存在罚款与考核挂钩或以罚代管，请核实并说明。',
  query: ({ params, where, dialect, asOf }) => {
    const monthIndex = (e: string) => `(CAST(EXTRACT(YEAR FROM ${e}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM ${e}) AS INTEGER))`;
    const n = num(params.trailing_months);
    return sql`
    WITH f AS (
      SELECT c.id, c.agency_id, c.fine_amount, c.decided_on, ${raw(monthIndex('c.decided_on'))} AS mi, ${raw(dialect.monthKey('c.decided_on'))} AS month
      FROM cases c
      WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)
    ), m AS (
      SELECT agency_id, mi, month, count(*) AS case_count, sum(fine_amount) AS amount FROM f GROUP BY agency_id, mi, month
    ), first_month AS (
      SELECT agency_id, min(mi) AS mi FROM m GROUP BY agency_id
    ), t AS (
      SELECT m.agency_id, m.mi, m.month, m.case_count, m.amount,
             COALESCE(sum(p.case_count), 0) / ${n} AS avg_count, COALESCE(sum(p.amount), 0) / ${n} AS avg_amount
      FROM m JOIN first_month fm ON fm.agency_id = m.agency_id AND fm.mi <= m.mi - ${n}
        LEFT JOIN m p ON p.agency_id = m.agency_id AND p.mi >= m.mi - ${n} AND p.mi < m.mi
      WHERE m.case_count >= ${num(params.min_cases)}
      GROUP BY m.agency_id, m.mi, m.month, m.case_count, m.amount
    ), h AS (
      SELECT * FROM t
      WHERE t.case_count >= ${num(params.ratio)} * t.avg_count AND t.amount >= ${num(params.ratio)} * t.avg_amount
    ), ev AS (
      SELECT h.agency_id, h.mi, ${raw(dialect.stringAgg('f.id', ',', ['f.decided_on', 'f.id']))} AS evidence_ids
      FROM h JOIN f ON f.agency_id = h.agency_id AND f.mi = h.mi GROUP BY h.agency_id, h.mi
    )
    SELECT 'agency' AS subject_kind, h.agency_id AS subject_id, a.region_code, h.agency_id, h.month AS window_key, ev.evidence_ids,
           COALESCE(a.name, h.agency_id) AS subject_name, CAST(h.case_count AS INTEGER) AS case_count, h.amount,
           CAST(round(CAST(h.avg_count AS NUMERIC), 1) AS FLOAT8) AS avg_count, CAST(round(CAST(h.avg_amount AS NUMERIC), 0) AS FLOAT8) AS avg_amount,
           CAST(round(CAST(h.case_count / greatest(h.avg_count, 0.01) AS NUMERIC), 1) AS FLOAT8) AS count_ratio,
           CAST(round(CAST(h.amount / greatest(h.avg_amount, 0.01) AS NUMERIC), 1) AS FLOAT8) AS amount_ratio
    FROM h JOIN ev ON ev.agency_id = h.agency_id AND ev.mi = h.mi JOIN agencies a ON a.id = h.agency_id`;
  },
};
