// 超频次检查: one agency inspecting one entity for one inspection item more often in a calendar year
// than the published list of enterprise-inspection items (涉企行政检查事项清单) allows
// (inspection_items.max_per_year). The limit binds each agency for its item: inspections of the same
// item by different agencies are not added up. Targeted inspections (complaints, referrals, data
// monitoring) do not count (优化营商环境条例 第五十四条 第二款); joint ones do: each record is one
// inspection of its item.
import { sql, raw } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { TARGETED_KIND_LIST } from './sql-fragments.ts';

export const overFrequencyInspection: ModelDefinition = {
  code: 'INS_OVER_FREQ',
  name: '超频次检查',
  description:
    '同一部门对同一企业的同一检查事项，在一个自然年度内的检查次数超过涉企行政检查事项清单公布的年度频次上限；投诉举报、转办交办、数据监测引发的针对性检查不计入。',
  category: 'inspection',
  basis: {
    regulationId: 'guobanfa-2024-54',
    note: '涉企行政检查事项清单公布的检查频次上限（政策文件，未收入法规库）；针对性检查不计入，依据《优化营商环境条例》第五十四条第二款',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}{year}年对该企业检查“{item_name}”{inspection_count}次，清单公布的年度上限为{max_per_year}次，可能超过检查频次上限，请核实并说明。',
  groundTruth: { violation: 'over_frequency', recordKind: 'entity' },
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  // Counts per entity, agency, item and year: a subject's hits follow from its own records (and the
  // items' limits, inspection_items: a change there runs the model fully).
  incremental: { by: 'entity_uscc', changes: { inspections: 'entity_uscc' }, names: ['entities', 'agencies'] },
  query: ({ where, dialect }) => sql`
    WITH t AS (
      SELECT t.id, t.entity_uscc, t.inspection_item_code, t.agency_id, t.region_code, t.inspected_on,
             CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year
      FROM inspections t WHERE ${where('t')} AND t.kind NOT IN ${TARGETED_KIND_LIST}
    ), c AS (
      SELECT t.agency_id, t.entity_uscc, t.inspection_item_code, t.year, count(*) AS inspection_count
      FROM t GROUP BY t.agency_id, t.entity_uscc, t.inspection_item_code, t.year
    ), h AS (
      SELECT c.*, ii.name AS item_name, ii.max_per_year
      FROM c JOIN inspection_items ii ON ii.code = c.inspection_item_code
      WHERE c.inspection_count > ii.max_per_year
    ), ev AS (
      SELECT h.agency_id, h.entity_uscc, h.inspection_item_code, h.year, min(t.region_code) AS record_region,
             ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN t ON t.agency_id = h.agency_id AND t.entity_uscc = h.entity_uscc AND t.inspection_item_code = h.inspection_item_code
        AND t.year = h.year
      -- The hit entities first, so that PostgreSQL does not sort all of t to merge-join it (city scale
      -- 4.4 s → 3.0 s; DuckDB unchanged).
      WHERE t.entity_uscc IN (SELECT entity_uscc FROM h)
      GROUP BY h.agency_id, h.entity_uscc, h.inspection_item_code, h.year
    )
    SELECT 'entity' AS subject_kind, h.entity_uscc AS subject_id, COALESCE(e.region_code, ev.record_region) AS region_code,
           h.agency_id, h.inspection_item_code || '|' || CAST(h.year AS VARCHAR) || '|' || h.agency_id AS window_key, ev.evidence_ids,
           e.name AS subject_name, COALESCE(a.name, h.agency_id) AS agency_name, h.item_name, h.inspection_item_code,
           CAST(h.year AS VARCHAR) AS year, h.inspection_count, h.max_per_year
    FROM h JOIN ev ON ev.agency_id = h.agency_id AND ev.entity_uscc = h.entity_uscc AND ev.inspection_item_code = h.inspection_item_code
        AND ev.year = h.year
      LEFT JOIN entities e ON e.uscc = h.entity_uscc
      LEFT JOIN agencies a ON a.id = h.agency_id`,
};
