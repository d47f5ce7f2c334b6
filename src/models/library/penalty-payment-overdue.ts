// 罚没款逾期未缴: a fine paid after its due date, or unpaid past it as of the run date. The party pays
// within 15 days of receiving the decision (行政处罚法 第六十七条); past that the agency must act
// (第七十二条: 加处罚款, enforcement), which is what the clue asks it to show.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyPaymentOverdue: ModelDefinition = {
  code: 'PEN_PAYMENT_OVERDUE',
  name: '罚没款逾期未缴',
  description: '罚款在缴纳期限之后才缴纳，或截至统计日已过缴纳期限仍未缴纳（可设宽限天数）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 67, note: '逾期不缴纳的处理见第七十二条' },
  severity: 'medium',
  params: [{ name: 'grace_days', label: '宽限天数', type: 'integer', default: 0, min: 0, max: 90 }],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{amount}元，缴纳期限为{due_on}，{state}，逾期{days}天，请核实是否已催缴、加处罚款或申请强制执行并说明。',
  groundTruth: { violation: 'payment_overdue', recordKind: 'payment' },
  realtime: { kind: 'payments', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`p.due_on`, sql`COALESCE(p.paid_on, CAST(${asOf} AS DATE))`);
    return sql`
    SELECT 'payment' AS subject_kind, p.id AS subject_id, p.region_code, c.agency_id, '' AS window_key, p.id AS evidence_ids,
           p.case_id, COALESCE(e.name, c.entity_uscc, p.case_id) AS subject_name, COALESCE(i.name, c.item_code, '') AS item_name, p.amount,
           CAST(p.due_on AS VARCHAR) AS due_on,
           CASE WHEN p.paid_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未缴纳'
                ELSE '于' || CAST(p.paid_on AS VARCHAR) || '缴纳' END AS state,
           CAST(${days} AS INTEGER) AS days
    FROM payments p LEFT JOIN cases c ON c.county_code = p.county_code AND c.id = p.case_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE ${where('p')} AND p.due_on < CAST(${asOf} AS DATE) AND ${days} > ${num(params.grace_days)}`;
  },
};
