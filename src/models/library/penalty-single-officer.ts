// 案件单人办理: a penalty case with one officer only — no assisting officer, or the same officer twice
// (行政处罚法 第四十二条: 执法人员不得少于两人).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const penaltySingleOfficer: ModelDefinition = {
  code: 'PEN_SINGLE_OFFICER',
  name: '案件单人办理',
  description: '行政处罚案件只登记了一名执法人员（无协办人员，或协办与主办为同一人）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 42 },
  severity: 'medium',
  triage: { officerFact: 'lead_officer_id' },
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案（{filed_on}立案）只登记了执法人员{officer_name}一人，可能存在执法人员少于两人的情况，请核实并说明。',
  groundTruth: { violation: 'single_officer', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'items', 'officers'] },
  query: ({ where }) => sql`
    SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
           COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
           CAST(c.filed_on AS VARCHAR) AS filed_on, COALESCE(o.name, c.lead_officer_id) AS officer_name, c.lead_officer_id
    FROM cases c LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
      LEFT JOIN officers o ON o.id = c.lead_officer_id
    WHERE ${where('c')} AND (c.assist_officer_id IS NULL OR c.assist_officer_id = '' OR c.assist_officer_id = c.lead_officer_id)`,
};
