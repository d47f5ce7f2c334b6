// 抽查未向高风险倾斜: 浙江省综合行政执法条例 第二十一条 第二款 — 根据抽查对象的信用等级、风险程度, 相应增减随机
// 抽查的比例频次和概率, 对有不良信用记录、风险高的加大抽查力度. Per agency and calendar year: of its 双随机
// inspections of entities its 检查对象名录 classes (inspection_objects.credit_class), the share on C and D
// (信用风险较高、高) against the share of C and D among all the classed entities of its directory. Drawn
// evenly the two are alike; drawn as the article asks, the first is higher. The agency hits when the first
// is below `max_ratio` (default 0.5) of the second, with at least `min_inspections` (default 20) such
// inspections in the year — fewer say little either way — and at least one C or D entity in the directory.
// Both numbers are settings: the law names none. The subject is the agency (a pattern of its draws).
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const riskInverted: ModelDefinition = {
  code: 'INS_RISK_INVERTED',
  name: '抽查未向高风险倾斜',
  description:
    '执法部门一个自然年度内对检查对象名录中已分级企业的双随机抽查达到设定次数（默认20次），其中落在信用等级C、D类企业上的占比，低于C、D类企业在该部门名录已分级企业中占比的设定比例（默认一半）；名录中没有C、D类企业的不判断；次数和比例为各地设置项，条例未规定。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 21,
    note: '第二款：对有不良信用记录、风险高的加大抽查力度；最少次数和比例为各地设置项',
  },
  severity: 'low',
  params: [
    { name: 'min_inspections', label: '年度已分级企业双随机抽查最少次数', type: 'integer', default: 20, min: 1, max: 100000 },
    { name: 'max_ratio', label: 'C、D类抽查占比低于名录占比的比例', type: 'number', default: 0.5, min: 0, max: 1 },
  ],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}{year}年对检查对象名录中已分级企业双随机抽查{inspection_count}次，其中C、D类企业{poor_count}次（占{poor_pct}%），而C、D类企业在其名录已分级企业中占{directory_pct}%，抽查可能未向信用较差、风险较高的企业倾斜，请核实并说明。',
  groundTruth: { violation: 'risk_inverted', recordKind: 'agency' },
  realtime: { kind: 'inspections', subjectColumn: 'agency_id' },
  query: ({ params, where, dialect, asOf }) => sql`
    WITH t AS (
      SELECT t.id, t.agency_id, t.region_code, t.inspected_on, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year,
             CASE WHEN o.credit_class IN ('C', 'D') THEN 1 ELSE 0 END AS poor
      FROM inspections t JOIN inspection_objects o ON o.agency_id = t.agency_id AND o.entity_uscc = t.entity_uscc AND o.credit_class IS NOT NULL
      WHERE ${where('t')} AND t.kind = 'random' AND t.inspected_on <= CAST(${asOf} AS DATE)
    ), d AS (
      SELECT agency_id, count(*) AS listed, sum(CASE WHEN credit_class IN ('C', 'D') THEN 1 ELSE 0 END) AS listed_poor
      FROM inspection_objects WHERE credit_class IS NOT NULL GROUP BY agency_id
    ), g AS (
      SELECT t.agency_id, t.year, count(*) AS inspection_count, sum(t.poor) AS poor_count
      FROM t GROUP BY t.agency_id, t.year HAVING count(*) >= ${num(params.min_inspections)}
    ), h AS (
      SELECT g.*, d.listed, d.listed_poor FROM g JOIN d ON d.agency_id = g.agency_id
      WHERE d.listed_poor > 0 AND g.poor_count * d.listed < ${num(params.max_ratio)} * d.listed_poor * g.inspection_count
    ), ev AS (
      SELECT h.agency_id, h.year, min(t.region_code) AS record_region,
             ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN t ON t.agency_id = h.agency_id AND t.year = h.year
      GROUP BY h.agency_id, h.year
    )
    SELECT 'agency' AS subject_kind, h.agency_id AS subject_id, COALESCE(a.region_code, ev.record_region) AS region_code,
           h.agency_id, CAST(h.year AS VARCHAR) AS window_key, ev.evidence_ids, COALESCE(a.name, h.agency_id) AS subject_name,
           COALESCE(a.name, h.agency_id) AS agency_name, CAST(h.year AS VARCHAR) AS year,
           CAST(h.inspection_count AS INTEGER) AS inspection_count, CAST(h.poor_count AS INTEGER) AS poor_count,
           CAST(100.0 * h.poor_count / h.inspection_count AS DECIMAL(5,1)) AS poor_pct,
           CAST(100.0 * h.listed_poor / h.listed AS DECIMAL(5,1)) AS directory_pct
    FROM h JOIN ev ON ev.agency_id = h.agency_id AND ev.year = h.year
      LEFT JOIN agencies a ON a.id = h.agency_id`,
};
