// 顶格处罚: an agency that fines at the statutory maximum of the item (items.fine_max) unusually often
// within one calendar year. Only fines of items with a statutory maximum count.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const penaltyMaxShare: ModelDefinition = {
  code: 'PEN_MAX_SHARE',
  name: '顶格罚款比例偏高',
  description: '执法部门一个自然年度内按事项法定最高额罚款的案件占其罚款案件的比例超过设定阈值（罚款案件达到设定数量时判断）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 5, note: '《浙江省行政处罚裁量权基准规定》第四条（过罚相当）' },
  severity: 'medium',
  params: [
    { name: 'min_cases', label: '年度罚款案件最少数量', type: 'integer', default: 10, min: 1, max: 10000 },
    { name: 'max_share_pct', label: '顶格罚款比例阈值（%）', type: 'number', default: 20, min: 1, max: 100 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{subject_name}{year}年作出罚款决定{case_count}件，其中按法定最高额罚款{max_count}件，占{share_pct}%（阈值{max_share_pct}%），可能存在机械从重，请核实并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH f AS (
      SELECT c.id, c.agency_id, c.decided_on, CAST(CAST(EXTRACT(YEAR FROM c.decided_on) AS INTEGER) AS VARCHAR) AS y,
             CASE WHEN c.fine_amount >= i.fine_max THEN 1 ELSE 0 END AS at_max
      FROM cases c JOIN items i ON i.code = c.item_code
      WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND c.decided_on IS NOT NULL AND i.fine_max IS NOT NULL AND i.fine_max > 0
    ), g AS (
      SELECT agency_id, y, count(*) AS case_count, sum(at_max) AS max_count,
             ${raw(dialect.stringAgg('CASE WHEN at_max = 1 THEN id END', ',', ['decided_on', 'id']))} AS evidence_ids
      FROM f GROUP BY agency_id, y
      HAVING count(*) >= ${num(params.min_cases)} AND 100.0 * sum(at_max) > ${num(params.max_share_pct)} * count(*)
    )
    SELECT 'agency' AS subject_kind, g.agency_id AS subject_id, a.region_code, g.agency_id, g.y AS window_key, g.y AS year, g.evidence_ids,
           COALESCE(a.name, g.agency_id) AS subject_name, CAST(g.case_count AS INTEGER) AS case_count, CAST(g.max_count AS INTEGER) AS max_count,
           CAST(round(CAST(100.0 * g.max_count / g.case_count AS NUMERIC), 1) AS FLOAT8) AS share_pct
    FROM g JOIN agencies a ON a.id = g.agency_id`,
};
