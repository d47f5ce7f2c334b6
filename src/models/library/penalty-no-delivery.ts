// 处罚决定无送达记录: a penalty decision (fine or warning) with no delivery record at all once the 7
// working days of 行政处罚法 第六十一条 have passed (第八十五条: 工作日) — the decision may never have
// reached the party.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdaysLateSql, workdaysSql } from '../window.ts';

export const penaltyNoDelivery: ModelDefinition = {
  code: 'PEN_NO_DELIVERY',
  name: '处罚决定无送达记录',
  description: '作出行政处罚决定（罚款、警告）后，超过规定的工作日（默认七个工作日）仍没有任何送达记录。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 61, note: '“七日”为工作日，不含法定节假日（第八十五条）' },
  severity: 'medium',
  params: [{ name: 'after_days', label: '决定后工作日数', type: 'integer', default: 7, min: 1, max: 250 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{decided_on}作出{decision_label}决定，至{as_of}已过{workdays}个工作日（超过{after_days}个），仍没有送达记录，决定书可能未送达，请核实并说明。',
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => sql`
    SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
           COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
           CAST(c.decided_on AS VARCHAR) AS decided_on, CASE c.decision WHEN 'fine' THEN '罚款' ELSE '警告' END AS decision_label,
           CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${workdaysSql(sql`c.decided_on`, sql`CAST(${asOf} AS DATE)`)} AS INTEGER) AS workdays
    FROM cases c LEFT JOIN deliveries d ON d.county_code = c.county_code AND d.case_id = c.id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE ${where('c')} AND c.decision IN ('fine', 'warning') AND c.decided_on IS NOT NULL
      AND ${workdaysLateSql(sql`c.decided_on`, sql`CAST(${asOf} AS DATE)`, params.after_days)}
      AND d.id IS NULL`,
};
