// 信用良好企业被频繁抽查: 浙江省综合行政执法条例 第二十一条 第二款 — 根据抽查对象的信用等级、风险程度, 相应增减
// 随机抽查的比例频次和概率 … 对信用较好、风险较低的适当减少抽查. An entity the agency's 检查对象名录 classes A
// (信用风险低: inspection_objects.credit_class, the class Kedu's draws weight by) that the agency inspected
// by 双随机 more than N times in one calendar year (`max_per_year`, default 2: the law names no number, a
// county sets it). Each agency's own class and own inspections: another agency's draws are its own. An
// entity the directory does not class (or does not list) is not judged. One hit per entity, agency and year.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const goodCreditOverchecked: ModelDefinition = {
  code: 'INS_GOOD_CREDIT_OVERCHECKED',
  name: '信用良好企业被频繁抽查',
  description:
    '执法部门检查对象名录中信用等级为A类（信用风险低）的企业，在一个自然年度内被该部门双随机抽查超过设定次数（默认2次，条例未规定次数，为各地设置项）；名录未列入或未分级的企业不判断，其他类型的检查不计入。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 21,
    note: '第二款：对信用较好、风险较低的适当减少抽查；年度次数为各地设置项',
  },
  severity: 'low',
  params: [{ name: 'max_per_year', label: 'A类企业年度双随机抽查次数上限', type: 'integer', default: 2, min: 1, max: 100 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}检查对象名录中信用等级为A类的{subject_name}，{year}年被该部门双随机抽查{inspection_count}次，超过设定的{max_per_year}次，可能未对信用较好的企业适当减少抽查，请核实并说明。',
  groundTruth: { violation: 'good_credit_overchecked', recordKind: 'entity' },
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  query: ({ params, where, dialect, asOf }) => sql`
    WITH t AS (
      SELECT t.id, t.agency_id, t.entity_uscc, t.region_code, t.inspected_on, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year
      FROM inspections t WHERE ${where('t')} AND t.kind = 'random' AND t.inspected_on <= CAST(${asOf} AS DATE)
    ), c AS (
      SELECT t.agency_id, t.entity_uscc, t.year, count(*) AS inspection_count
      FROM t GROUP BY t.agency_id, t.entity_uscc, t.year HAVING count(*) > ${num(params.max_per_year)}
    ), h AS (
      SELECT c.* FROM c JOIN inspection_objects o ON o.agency_id = c.agency_id AND o.entity_uscc = c.entity_uscc AND o.credit_class = 'A'
    ), ev AS (
      SELECT h.agency_id, h.entity_uscc, h.year, min(t.region_code) AS record_region,
             ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN t ON t.agency_id = h.agency_id AND t.entity_uscc = h.entity_uscc AND t.year = h.year
      GROUP BY h.agency_id, h.entity_uscc, h.year
    )
    SELECT 'entity' AS subject_kind, h.entity_uscc AS subject_id, COALESCE(e.region_code, ev.record_region) AS region_code,
           h.agency_id, h.agency_id || '|' || CAST(h.year AS VARCHAR) AS window_key, ev.evidence_ids,
           COALESCE(e.name, h.entity_uscc) AS subject_name, COALESCE(a.name, h.agency_id) AS agency_name,
           CAST(h.year AS VARCHAR) AS year, CAST(h.inspection_count AS INTEGER) AS inspection_count
    FROM h JOIN ev ON ev.agency_id = h.agency_id AND ev.entity_uscc = h.entity_uscc AND ev.year = h.year
      LEFT JOIN entities e ON e.uscc = h.entity_uscc
      LEFT JOIN agencies a ON a.id = h.agency_id`,
};
