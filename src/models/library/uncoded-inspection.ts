// 未亮码检查: inspections not registered through the enterprise code (亮码检查, via_code false). One hit
// per agency and month, listing the inspections, when they reach both a count and a share of the
// agency's inspections that month (set both to their minimum to raise every such month).
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const uncodedInspection: ModelDefinition = {
  code: 'INS_NO_CODE',
  name: '未亮码检查',
  description: '执法部门一个月内未通过“亮码检查”登记的入企检查达到设定次数和设定占比。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 23,
    note: '浙江省涉企行政检查“亮码检查”要求（政策文件，未收入法规库）',
  },
  severity: 'low',
  params: [
    { name: 'min_count', label: '当月未亮码检查最少次数', type: 'integer', default: 3, min: 1, max: 1000 },
    { name: 'min_share', label: '未亮码检查占比下限', type: 'number', default: 0.1, min: 0, max: 1 },
  ],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{subject_name}{month}共开展检查{inspection_count}次，其中{uncoded_count}次未亮码登记（占{uncoded_pct}%），检查过程可能未全程在线留痕，请核实并说明。',
  query: ({ params, where, dialect }) => {
    const month = raw(dialect.monthKey('t.inspected_on'));
    return sql`
      WITH t AS (
        SELECT t.id, t.agency_id, t.region_code, t.inspected_on, t.via_code, ${month} AS month FROM inspections t WHERE ${where('t')}
      ), h AS (
        SELECT t.agency_id, t.month, count(*) AS inspection_count, count(*) FILTER (WHERE NOT t.via_code) AS uncoded_count
        FROM t GROUP BY t.agency_id, t.month
        HAVING count(*) FILTER (WHERE NOT t.via_code) >= ${num(params.min_count)}
          AND count(*) FILTER (WHERE NOT t.via_code) >= ${num(params.min_share)} * count(*)
      ), ev AS (
        SELECT h.agency_id, h.month, min(t.region_code) AS record_region, ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
        FROM h JOIN t ON t.agency_id = h.agency_id AND t.month = h.month AND NOT t.via_code
        GROUP BY h.agency_id, h.month
      )
      SELECT 'agency' AS subject_kind, h.agency_id AS subject_id, COALESCE(a.region_code, ev.record_region) AS region_code,
             h.agency_id, h.month AS window_key, ev.evidence_ids, COALESCE(a.name, h.agency_id) AS subject_name, h.month,
             h.inspection_count, h.uncoded_count, CAST(100.0 * h.uncoded_count / h.inspection_count AS DECIMAL(5,1)) AS uncoded_pct
      FROM h JOIN ev ON ev.agency_id = h.agency_id AND ev.month = h.month
        LEFT JOIN agencies a ON a.id = h.agency_id`;
  },
};
