// 无码检查: an inspection record that cites no 行政行为码. Every inspection is coded before entry — a
// plan's draw, an ad-hoc task, a merged joint task (docs/inspections.md) — and the record carries the
// code it was done under; a record without one is an inspection nobody registered beforehand. Judged
// for inspections from 1 January of `from_year` (the year codes became the rule where the model runs).
// One hit per inspection. (INS_NO_CODE reads the older via_code flag per agency and month.)
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const uncodedTaskInspection: ModelDefinition = {
  code: 'INS_CODE_MISSING',
  name: '无码入企检查',
  description: '入企检查记录未载明检查前赋予的行政行为码（先赋码、后检查），检查可能未经登记即实施。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 23,
    note: '涉企行政检查“先赋码、后检查”要求（浙政办发〔2025〕5号等政策文件，未收入法规库）',
  },
  severity: 'medium',
  params: [{ name: 'from_year', label: '自该年起要求赋码', type: 'integer', default: 2025, min: 2000, max: 2100 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对该企业的检查（{inspection_item_code}）未载明行政行为码，检查前可能未经赋码登记，请核实并说明。',
  groundTruth: { violation: 'uncoded_inspection', recordKind: 'inspection' },
  incremental: { by: 'id', changes: { inspections: 'id' }, names: ['entities', 'agencies'] },
  query: ({ params, where }) => sql`
    SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, COALESCE(a.name, t.agency_id) AS agency_name, t.inspection_item_code,
           CAST(t.inspected_on AS VARCHAR) AS inspected_on
    FROM inspections t
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies a ON a.id = t.agency_id
    WHERE ${where('t')} AND t.action_code IS NULL AND t.inspected_on >= CAST(${`${params.from_year}-01-01`} AS DATE)`,
};
