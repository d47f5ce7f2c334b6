// 处罚决定未送达: a penalty decision (fine or warning) with no delivery record at all some days after it
// was made — the decision may never have reached the party (行政处罚法 第六十一条).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyNoDelivery: ModelDefinition = {
  code: 'PEN_NO_DELIVERY',
  name: '处罚决定无送达记录',
  description: '作出行政处罚决定（罚款、警告）后超过规定天数仍无任何送达记录。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 61 },
  severity: 'medium',
  params: [{ name: 'after_days', label: '决定后天数', type: 'integer', default: 7, min: 0, max: 365 }],
  evidenceKind: 'cases',
  explanation:
    '当事人{subject_name}“{item_name}”一案于{decided_on}作出{decision_label}决定，至{as_of}已{days}天，仍无送达记录（超过{after_days}天）。',
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`c.decided_on`, sql`CAST(${asOf} AS DATE)`);
    return sql`
    SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
           COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
           CAST(c.decided_on AS VARCHAR) AS decided_on, CASE c.decision WHEN 'fine' THEN '罚款' ELSE '警告' END AS decision_label,
           CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
    FROM cases c LEFT JOIN deliveries d ON d.case_id = c.id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE ${where('c')} AND c.decision IN ('fine', 'warning') AND c.decided_on IS NOT NULL AND ${days} > ${num(params.after_days)}
      AND d.id IS NULL`;
  },
};
