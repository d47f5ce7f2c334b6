// 超期办案: a penalty decision more than 90 days after the case was filed, or a case still open more
// than 90 days after filing as of the run date (行政处罚法 第六十条).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyOverdue: ModelDefinition = {
  code: 'PEN_OVERDUE',
  name: '办案超过法定期限',
  description: '行政处罚案件自立案之日起超过设定天数（默认九十日）才作出决定，或截至统计日已超过该天数仍未作出决定。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 60 },
  severity: 'high',
  params: [{ name: 'limit_days', label: '办案期限（天）', type: 'integer', default: 90, min: 1, max: 730 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{filed_on}立案，{state}，历时{days}天，超过{limit_days}天的办案期限；如经批准延长，请补充延长审批材料，否则请核实并说明。',
  groundTruth: { violation: 'case_overdue', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`c.filed_on`, sql`COALESCE(c.decided_on, CAST(${asOf} AS DATE))`);
    return sql`
      SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
             COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
             CAST(c.filed_on AS VARCHAR) AS filed_on,
             CASE WHEN c.decided_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未作出处罚决定'
                  ELSE '于' || CAST(c.decided_on AS VARCHAR) || '作出处罚决定' END AS state,
             CAST(${days} AS INTEGER) AS days
      FROM cases c LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
      WHERE ${where('c')} AND (c.decided_on IS NOT NULL OR c.status = 'open') AND c.filed_on <= CAST(${asOf} AS DATE)
        AND ${days} > ${num(params.limit_days)}`;
  },
};
