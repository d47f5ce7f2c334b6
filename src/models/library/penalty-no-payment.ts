// 罚款决定无缴款记录: a fine decided some time ago with no payment record at all — neither a due date
// set nor a payment made (行政处罚法 第六十七条: 当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyNoPayment: ModelDefinition = {
  code: 'PEN_NO_PAYMENT',
  name: '罚款决定无缴款记录',
  description: '作出罚款决定后超过设定天数，仍没有任何缴款记录（既无缴款通知，也无缴纳）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 67 },
  severity: 'medium',
  params: [{ name: 'after_days', label: '决定后天数', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}于{decided_on}被决定罚款{fine_amount}元，至{as_of}已{days}天（超过{after_days}天）仍没有缴款记录，罚款可能未收缴或缴款未录入，请核实并说明。',
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`c.decided_on`, sql`CAST(${asOf} AS DATE)`);
    return sql`
      SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
             COALESCE(e.name, c.entity_uscc) AS subject_name, CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount,
             CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
      FROM cases c LEFT JOIN payments p ON p.county_code = c.county_code AND p.case_id = c.id LEFT JOIN entities e ON e.uscc = c.entity_uscc
      WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND c.decided_on IS NOT NULL
        AND ${days} > ${num(params.after_days)} AND p.id IS NULL`;
  },
};
