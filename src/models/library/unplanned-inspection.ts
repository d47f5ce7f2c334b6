// 计划外检查: routine inspections (双随机 or planned; not complaints, not joint visits, which have their
// own tasks) of an agency, for an item, in a year for which the agency has no plan item. 浙江省综合
// 行政执法条例 第二十一条: 日常行政检查 … 随机抽取检查对象、随机选派检查人员 — under a plan that says what,
// how many and when. One hit per agency, item and year, with the inspections as evidence.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

/** `agency/year/item`: the subject of the plan-against-practice models. */
export const planItemKey = (agency: string, year: string, item: string) => `${agency} || '/' || ${year} || '/' || ${item}`;

export const unplannedInspection: ModelDefinition = {
  code: 'INS_UNPLANNED',
  name: '计划外日常检查',
  description: '执法部门对某检查事项开展了日常检查（双随机或计划检查），但当年没有该事项的年度检查计划。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 21 },
  severity: 'medium',
  params: [
    { name: 'from_year', label: '自该年起要求制定计划', type: 'integer', default: 2025, min: 2000, max: 2100 },
    { name: 'min_inspections', label: '最少计划外检查次数', type: 'integer', default: 1, min: 1, max: 10000 },
  ],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}{year}年对“{item_name}”开展日常检查{inspection_count}次，但该年度没有该事项的检查计划，可能是计划外检查，也可能是计划未录入，请核实并说明。',
  groundTruth: { violation: 'unplanned_inspection', recordKind: 'plan_item' },
  query: ({ params, where, dialect }) => sql`
    WITH r AS (
      SELECT t.id, t.agency_id, t.inspection_item_code, t.inspected_on, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS y
      FROM inspections t
      WHERE ${where('t')} AND t.kind IN ('random', 'planned') AND t.inspected_on >= CAST(${`${params.from_year}-01-01`} AS DATE)
    ), off AS (
      SELECT r.* FROM r
        LEFT JOIN (SELECT DISTINCT agency_id, plan_year, inspection_item_code FROM inspection_plans) p
          ON p.agency_id = r.agency_id AND p.plan_year = r.y AND p.inspection_item_code = r.inspection_item_code
      WHERE p.agency_id IS NULL
    ), g AS (
      SELECT agency_id, inspection_item_code, y, count(*) AS inspection_count,
             ${raw(dialect.stringAgg('id', ',', ['inspected_on', 'id']))} AS evidence_ids
      FROM off GROUP BY agency_id, inspection_item_code, y
      HAVING count(*) >= ${num(params.min_inspections)}
    )
    SELECT 'plan_item' AS subject_kind, ${raw(planItemKey('g.agency_id', 'CAST(g.y AS VARCHAR)', 'g.inspection_item_code'))} AS subject_id,
           a.region_code, g.agency_id, '' AS window_key, g.evidence_ids,
           COALESCE(a.name, g.agency_id) || ' ' || CAST(g.y AS VARCHAR) || '年 ' || g.inspection_item_code AS subject_name,
           COALESCE(a.name, g.agency_id) AS agency_name, CAST(g.y AS VARCHAR) AS year, g.inspection_item_code,
           COALESCE(ii.name, g.inspection_item_code) AS item_name, CAST(g.inspection_count AS INTEGER) AS inspection_count
    FROM g JOIN agencies a ON a.id = g.agency_id LEFT JOIN inspection_items ii ON ii.code = g.inspection_item_code`,
};
