// 计划执行偏差: when a plan's window has closed, the routine inspections an agency actually made of an
// item in the year are far from the plan's target — far fewer (the plan was not carried out) or far
// more (inspections beyond what was planned). Several plan items of one agency, item and year add their
// targets. One hit per agency, item and year.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { planItemKey } from './unplanned-inspection.ts';

export const planDeviation: ModelDefinition = {
  code: 'INS_PLAN_DEVIATION',
  name: '检查计划执行偏差',
  description: '年度检查计划期满后，实际开展的日常检查次数远低于或远高于计划检查户数。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 21 },
  severity: 'low',
  params: [
    { name: 'min_ratio', label: '执行率下限', type: 'number', default: 0.5, min: 0, max: 1 },
    { name: 'max_ratio', label: '执行率上限', type: 'number', default: 1.5, min: 1, max: 100 },
    { name: 'min_target', label: '最少计划户数', type: 'integer', default: 5, min: 1, max: 100000 },
  ],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}{year}年“{item_name}”计划检查{target}户，计划期满实际开展日常检查{executed}次，执行率{ratio_pct}%，{direction}，请核实并说明。',
  groundTruth: { violation: 'plan_off_target', recordKind: 'plan_item' },
  query: ({ params, where, dialect, asOf }) => sql`
    WITH p AS (
      SELECT p.agency_id, p.plan_year, p.inspection_item_code, sum(p.target_count) AS target, max(p.ends_on) AS ends_on
      FROM inspection_plans p WHERE ${where('p')}
      GROUP BY p.agency_id, p.plan_year, p.inspection_item_code
      HAVING max(p.ends_on) <= CAST(${asOf} AS DATE) AND sum(p.target_count) >= ${num(params.min_target)}
    ), r AS (
      SELECT p.agency_id, p.plan_year, p.inspection_item_code, t.id, t.inspected_on
      FROM p JOIN inspections t ON t.agency_id = p.agency_id AND t.inspection_item_code = p.inspection_item_code
        AND t.inspected_on >= CAST(CAST(p.plan_year AS VARCHAR) || '-01-01' AS DATE) AND t.inspected_on <= CAST(CAST(p.plan_year AS VARCHAR) || '-12-31' AS DATE)
        AND t.kind IN ('random', 'planned', 'joint')
    ), g AS (
      SELECT p.agency_id, p.plan_year, p.inspection_item_code, p.target, count(r.id) AS executed,
             COALESCE(${raw(dialect.stringAgg('r.id', ',', ['r.inspected_on', 'r.id']))}, '') AS evidence_ids
      FROM p LEFT JOIN r ON r.agency_id = p.agency_id AND r.plan_year = p.plan_year AND r.inspection_item_code = p.inspection_item_code
      GROUP BY p.agency_id, p.plan_year, p.inspection_item_code, p.target
      HAVING count(r.id) < ${num(params.min_ratio)} * p.target OR count(r.id) > ${num(params.max_ratio)} * p.target
    )
    SELECT 'plan_item' AS subject_kind, ${raw(planItemKey('g.agency_id', 'CAST(g.plan_year AS VARCHAR)', 'g.inspection_item_code'))} AS subject_id,
           a.region_code, g.agency_id, '' AS window_key, g.evidence_ids,
           COALESCE(a.name, g.agency_id) || ' ' || CAST(g.plan_year AS VARCHAR) || '年 ' || g.inspection_item_code AS subject_name,
           COALESCE(a.name, g.agency_id) AS agency_name, CAST(g.plan_year AS VARCHAR) AS year, COALESCE(ii.name, g.inspection_item_code) AS item_name,
           CAST(g.target AS INTEGER) AS target, CAST(g.executed AS INTEGER) AS executed,
           CAST(round(100.0 * g.executed / g.target, 1) AS DOUBLE PRECISION) AS ratio_pct,
           CASE WHEN g.executed < g.target THEN '计划可能未落实' ELSE '可能超计划检查' END AS direction
    FROM g JOIN agencies a ON a.id = g.agency_id LEFT JOIN inspection_items ii ON ii.code = g.inspection_item_code`,
};
