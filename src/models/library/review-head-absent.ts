// 负责人出庭应诉率偏低: per respondent agency and calendar year (of the day the lawsuit was brought, up to
// the run's day), the lawsuits in which its head did not appear in court are above a share of those whose
// record says, once they reach a minimum count. 行政诉讼法 第三条 第三款: 被诉行政机关负责人应当出庭应诉。不能出庭的，
// 应当委托行政机关相应的工作人员出庭. An absence with a staff member entrusted is lawful when the head cannot
// appear: one lawsuit proves nothing, a pattern asks why, and the clue says so. Reconsiderations and
// lawsuits with no record of the appearance are not counted. The subject is the agency (the year in the
// window key): a systemic finding, filed under the agency.
import { raw, sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const reviewHeadAbsent: ModelDefinition = {
  code: 'REV_HEAD_ABSENT',
  name: '负责人出庭应诉率偏低',
  description:
    '同一执法部门在一个自然年度内（按起诉日期，截至统计日）被诉、记录了负责人是否出庭应诉的行政诉讼达到设定件数（默认3件）时，负责人未出庭（委托工作人员出庭）的比例超过设定阈值（默认50%）。行政复议和未记录出庭情况的诉讼不计。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-susong-fa',
    article: 3,
    note: '第三款：负责人应当出庭应诉，不能出庭的应当委托相应的工作人员出庭；阈值为本模型的设定',
  },
  severity: 'low',
  params: [
    { name: 'min_count', label: '年度最少诉讼件数', type: 'integer', default: 3, min: 1, max: 1000 },
    { name: 'max_absent_pct', label: '负责人未出庭比例阈值（%）', type: 'number', default: 50, min: 0, max: 100 },
  ],
  evidenceKind: 'review_outcomes',
  explanation:
    '数据显示，{subject_name}{year}年被诉的行政诉讼中记录了出庭情况的{suit_count}件，负责人未出庭应诉{absent_count}件，占{absent_pct}%，高于{max_absent_pct}%，可能存在负责人应当出庭而未出庭的情况，请核实负责人不能出庭的原因及委托出庭情况并说明。',
  groundTruth: { violation: 'review_head_absent', recordKind: 'agency' },
  triage: { evidence: 'pattern' },
  query: ({ params, where, dialect, asOf }) => sql`
    WITH s AS (
      SELECT r.id, r.agency_id, r.applied_on, CASE WHEN r.head_appeared THEN 0 ELSE 1 END AS absent,
             CAST(CAST(EXTRACT(YEAR FROM r.applied_on) AS INTEGER) AS VARCHAR) AS y
      FROM review_outcomes r
      WHERE ${where('r')} AND r.route = 'litigation' AND r.head_appeared IS NOT NULL AND r.applied_on <= CAST(${asOf} AS DATE)
    ), g AS (
      SELECT agency_id, y, count(*) AS suit_count, sum(absent) AS absent_count,
             ${raw(dialect.stringAgg('CASE WHEN absent = 1 THEN id END', ',', ['applied_on', 'id']))} AS evidence_ids
      FROM s GROUP BY agency_id, y
      HAVING count(*) >= ${num(params.min_count)} AND 100.0 * sum(absent) > ${num(params.max_absent_pct)} * count(*)
    )
    SELECT 'agency' AS subject_kind, g.agency_id AS subject_id, a.region_code, g.agency_id, g.y AS window_key, g.y AS year,
           g.evidence_ids, COALESCE(a.name, g.agency_id) AS subject_name,
           CAST(g.suit_count AS INTEGER) AS suit_count, CAST(g.absent_count AS INTEGER) AS absent_count,
           CAST(round(CAST(100.0 * g.absent_count / g.suit_count AS NUMERIC), 1) AS FLOAT8) AS absent_pct
    FROM g JOIN agencies a ON a.id = g.agency_id`,
};
