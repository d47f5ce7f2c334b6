// 一刀切: one agency fines one item in one calendar year mostly at one amount although the cases'
// facts select different tiers of the baseline. The facts tier is the one PEN_OUT_OF_TIER uses
// (first offence, corrected in time, harm, exemption list: sql-fragments.ts selectedTierCtes). A hit
// needs min_cases fines or more, the most frequent amount in same_share_pct % of them or more, and the
// cases fined that amount spread over min_tiers facts tiers or more. PEN_DISPERSION looks for fines too
// far apart among the same facts; this looks for fines too alike among different facts.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { finedCases, selectedTierCtes, tierLabel } from './sql-fragments.ts';

export const penaltyUniform: ModelDefinition = {
  code: 'PEN_UNIFORM',
  name: '罚款一刀切',
  description:
    '同一执法部门在一个自然年度内对同一事项的罚款案件达到设定数量，其中同一罚款数额的案件占比达到设定阈值，' +
    '而这些同额案件的案情（初次违法、及时改正、危害后果）所对应的裁量档次不少于设定个数。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 5,
    note: '《浙江省行政处罚裁量权基准规定》第五条（综合考量危害后果、补救措施等因素）',
  },
  severity: 'medium',
  params: [
    { name: 'min_cases', label: '年度罚款案件最少数量', type: 'integer', default: 6, min: 3, max: 10000 },
    { name: 'same_share_pct', label: '同一数额案件占比阈值（%）', type: 'number', default: 80, min: 50, max: 100 },
    { name: 'min_tiers', label: '同额案件涉及的裁量档次最少个数', type: 'integer', default: 2, min: 2, max: 5 },
  ],
  evidenceKind: 'cases',
  groundTruth: { violation: 'uniform_fine', recordKind: 'agency' },
  explanation:
    '数据显示，{subject_name}{year}年对“{item_name}”作出罚款决定{case_count}件，其中{same_count}件（占{share_pct}%）罚款均为{same_amount}元，' +
    '而这些案件的案情对应{tier_count}个不同的裁量档次（{tiers_text}），可能未按案情区别裁量、存在“一刀切”，请核实并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH ${finedCases(where, sql`c.decided_on IS NOT NULL`)}, ${selectedTierCtes()},
    y AS (
      SELECT s.id, s.agency_id, s.item_code, s.fine_amount, s.facts_tier, s.decided_on,
             CAST(CAST(EXTRACT(YEAR FROM s.decided_on) AS INTEGER) AS VARCHAR) AS y
      FROM sel s
    ), n AS (
      SELECT agency_id, item_code, y, count(*) AS case_count FROM y GROUP BY agency_id, item_code, y HAVING count(*) >= ${num(params.min_cases)}
    ), m AS (
      SELECT y.agency_id, y.item_code, y.y, y.fine_amount, count(*) AS same_count, count(DISTINCT y.facts_tier) AS tier_count,
             ROW_NUMBER() OVER (PARTITION BY y.agency_id, y.item_code, y.y ORDER BY count(*) DESC, y.fine_amount) AS rn
      FROM y JOIN n ON n.agency_id = y.agency_id AND n.item_code = y.item_code AND n.y = y.y
      GROUP BY y.agency_id, y.item_code, y.y, y.fine_amount
    ), h AS (
      SELECT m.*, n.case_count FROM m JOIN n ON n.agency_id = m.agency_id AND n.item_code = m.item_code AND n.y = m.y
      WHERE m.rn = 1 AND 100.0 * m.same_count >= ${num(params.same_share_pct)} * n.case_count AND m.tier_count >= ${num(params.min_tiers)}
    ), t AS (
      SELECT DISTINCT h.agency_id, h.item_code, h.y, y.facts_tier
      FROM h JOIN y ON y.agency_id = h.agency_id AND y.item_code = h.item_code AND y.y = h.y AND y.fine_amount = h.fine_amount
    ), tl AS (
      SELECT agency_id, item_code, y, ${raw(dialect.stringAgg(`${tierLabel('facts_tier').render().text}`, '、', ["CASE facts_tier WHEN 'exempt' THEN 0 WHEN 'mitigated' THEN 1 WHEN 'lenient' THEN 2 WHEN 'general' THEN 3 ELSE 4 END"]))} AS tiers_text
      FROM t GROUP BY agency_id, item_code, y
    ), ev AS (
      SELECT h.agency_id, h.item_code, h.y, ${raw(dialect.stringAgg('y.id', ',', ['y.decided_on', 'y.id']))} AS evidence_ids
      FROM h JOIN y ON y.agency_id = h.agency_id AND y.item_code = h.item_code AND y.y = h.y AND y.fine_amount = h.fine_amount
      GROUP BY h.agency_id, h.item_code, h.y
    )
    SELECT 'agency' AS subject_kind, h.agency_id AS subject_id, a.region_code, h.agency_id, h.y || '|' || h.item_code AS window_key,
           h.y AS year, ev.evidence_ids, COALESCE(a.name, h.agency_id) AS subject_name, COALESCE(i.name, h.item_code) AS item_name,
           CAST(h.case_count AS INTEGER) AS case_count, CAST(h.same_count AS INTEGER) AS same_count, h.fine_amount AS same_amount,
           CAST(h.tier_count AS INTEGER) AS tier_count, tl.tiers_text,
           CAST(round(CAST(100.0 * h.same_count / h.case_count AS NUMERIC), 1) AS FLOAT8) AS share_pct
    FROM h JOIN agencies a ON a.id = h.agency_id LEFT JOIN items i ON i.code = h.item_code
      JOIN tl ON tl.agency_id = h.agency_id AND tl.item_code = h.item_code AND tl.y = h.y
      JOIN ev ON ev.agency_id = h.agency_id AND ev.item_code = h.item_code AND ev.y = h.y`,
};
