// 超频次检查: one entity inspected for one inspection item more often in a calendar year than the
// published list of enterprise-inspection items (涉企行政检查事项清单) allows (inspection_items.max_per_year).
// Every inspection record counts, joint ones included: each is one inspection of its item.
import { sql, raw } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const overFrequencyInspection: ModelDefinition = {
  code: 'INS_OVER_FREQ',
  name: '超频次检查',
  description: '同一企业同一检查事项在一个自然年度内的检查次数超过涉企行政检查事项清单公布的年度频次上限。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 21,
    note: '涉企行政检查事项清单公布的检查频次上限（政策文件，未收入法规库）',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'inspections',
  explanation: '该企业{year}年被检查“{item_name}”{inspection_count}次（{agency_count}个部门），超过清单公布的每年最多{max_per_year}次。',
  groundTruth: { violation: 'over_frequency', recordKind: 'entity' },
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  query: ({ where, dialect }) => sql`
    WITH t AS (
      SELECT t.id, t.entity_uscc, t.inspection_item_code, t.agency_id, t.region_code, t.inspected_on,
             CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year
      FROM inspections t WHERE ${where('t')}
    ), c AS (
      SELECT t.entity_uscc, t.inspection_item_code, t.year, count(*) AS inspection_count
      FROM t GROUP BY t.entity_uscc, t.inspection_item_code, t.year
    ), h AS (
      SELECT c.*, ii.name AS item_name, ii.max_per_year
      FROM c JOIN inspection_items ii ON ii.code = c.inspection_item_code
      WHERE c.inspection_count > ii.max_per_year
    ), ev AS (
      SELECT h.entity_uscc, h.inspection_item_code, h.year, count(DISTINCT t.agency_id) AS agency_count, min(t.agency_id) AS some_agency,
             min(t.region_code) AS record_region, ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN t ON t.entity_uscc = h.entity_uscc AND t.inspection_item_code = h.inspection_item_code AND t.year = h.year
      -- The hit entities first, so that PostgreSQL does not sort all of t to merge-join it (city scale
      -- 4.4 s → 3.0 s; DuckDB unchanged).
      WHERE t.entity_uscc IN (SELECT entity_uscc FROM h)
      GROUP BY h.entity_uscc, h.inspection_item_code, h.year
    )
    SELECT 'entity' AS subject_kind, h.entity_uscc AS subject_id, COALESCE(e.region_code, ev.record_region) AS region_code,
           CASE WHEN ev.agency_count = 1 THEN ev.some_agency ELSE CAST(NULL AS VARCHAR) END AS agency_id,
           h.inspection_item_code || '|' || CAST(h.year AS VARCHAR) AS window_key, ev.evidence_ids,
           e.name AS subject_name, h.item_name, h.inspection_item_code, CAST(h.year AS VARCHAR) AS year, h.inspection_count, ev.agency_count, h.max_per_year
    FROM h JOIN ev ON ev.entity_uscc = h.entity_uscc AND ev.inspection_item_code = h.inspection_item_code AND ev.year = h.year
      LEFT JOIN entities e ON e.uscc = h.entity_uscc`,
};
