// 单人执法: an inspection recorded with one officer only (no assisting officer, or the same officer
// twice). 行政处罚法 第四十二条: 执法人员不得少于两人.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const singleOfficerInspection: ModelDefinition = {
  code: 'INS_SINGLE_OFFICER',
  name: '单人执法',
  description: '检查记录只登记了一名执法人员（无协办人员，或协办与主办为同一人）。',
  category: 'inspection',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 42 },
  severity: 'high',
  triage: { officerFact: 'lead_officer_id' },
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对该企业的检查只登记了执法人员{lead_officer_name}一人，可能存在执法人员少于两人的情况，请核实并说明。',
  groundTruth: { violation: 'single_officer', recordKind: 'inspection' },
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { inspections: 'id' }, names: ['entities', 'agencies', 'officers'] },
  query: ({ where }) => sql`
    SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, COALESCE(a.name, t.agency_id) AS agency_name,
           CAST(t.inspected_on AS VARCHAR) AS inspected_on, t.lead_officer_id, COALESCE(o.name, t.lead_officer_id) AS lead_officer_name
    FROM inspections t
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies a ON a.id = t.agency_id
      LEFT JOIN officers o ON o.id = t.lead_officer_id
    WHERE ${where('t')} AND (t.assist_officer_id IS NULL OR t.assist_officer_id = t.lead_officer_id)`,
};
