// 辅助人员独立执法: a case or an inspection whose officers are all 行政执法辅助人员 (officers.staff_type
// 'auxiliary'): the lead is auxiliary and the assisting officer is auxiliary too, or there is none.
// 行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施; 浙江省综合行政执法条例 第三十条:
// auxiliary staff only assist, 在行政执法机关及其行政执法人员的指挥和监督下. An officer not in the
// officers table, or without a staff type, counts as an enforcement officer (the field's reading).
// PEN_SINGLE_OFFICER / INS_SINGLE_OFFICER count the officers; PEN_NO_CERT / INS_NO_CERT look at
// certificates; this looks at who they are.
import { sql, raw, type Sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

function auxiliaryOnlyQuery(where: (alias: string) => Sql, table: 'cases' | 'inspections') {
  const [kind, day, names] =
    table === 'cases'
      ? ['case', 'filed_on', 'COALESCE(e.name, t.entity_uscc) AS subject_name, COALESCE(i.name, t.item_code) AS item_name']
      : [
          'inspection',
          'inspected_on',
          'COALESCE(e.name, t.entity_uscc) AS subject_name, COALESCE(i.name, t.inspection_item_code) AS item_name',
        ];
  const itemJoin =
    table === 'cases' ? 'LEFT JOIN items i ON i.code = t.item_code' : 'LEFT JOIN inspection_items i ON i.code = t.inspection_item_code';
  return sql`
    SELECT '${raw(kind)}' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           ${raw(names)}, COALESCE(a.name, t.agency_id) AS agency_name, CAST(t.${raw(day)} AS VARCHAR) AS on_day,
           t.lead_officer_id, lo.name || CASE WHEN ao.id IS NOT NULL AND ao.id <> lo.id THEN '、' || ao.name ELSE '' END AS officer_names
    FROM ${raw(table)} t
      JOIN officers lo ON lo.id = t.lead_officer_id
      LEFT JOIN officers ao ON ao.id = t.assist_officer_id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies a ON a.id = t.agency_id
      ${raw(itemJoin)}
    WHERE ${where('t')} AND lo.staff_type = 'auxiliary'
      AND (t.assist_officer_id IS NULL OR t.assist_officer_id = '' OR t.assist_officer_id = t.lead_officer_id OR ao.staff_type = 'auxiliary')`;
}

const BASIS = {
  regulationId: 'xingzheng-chufa-fa',
  article: 42,
  note: '《浙江省综合行政执法条例》第三十条（辅助人员在执法人员指挥和监督下配合工作）',
};

export const auxiliaryOnlyCase: ModelDefinition = {
  code: 'OFF_AUX_CASE',
  name: '辅助人员独立办案',
  description: '处罚案件登记的主办人员为行政执法辅助人员，且协办人员也是辅助人员或没有协办人员：没有行政执法人员参与办案。',
  category: 'officer',
  basis: BASIS,
  severity: 'high',
  triage: { officerFact: 'lead_officer_id' },
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}于{on_day}立案的“{item_name}”案件（当事人{subject_name}），登记的执法人员{officer_names}均为行政执法辅助人员，' +
    '没有行政执法人员参与，可能由辅助人员独立办案，请核实并说明。',
  groundTruth: { violation: 'auxiliary_only', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  // One case judged on its own officers (officers, read in a condition: a change there runs it fully).
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'agencies', 'items'] },
  query: ({ where }) => auxiliaryOnlyQuery(where, 'cases'),
};

export const auxiliaryOnlyInspection: ModelDefinition = {
  code: 'OFF_AUX_INSPECTION',
  name: '辅助人员独立检查',
  description: '检查记录登记的主办人员为行政执法辅助人员，且协办人员也是辅助人员或没有协办人员：没有行政执法人员参与检查。',
  category: 'officer',
  basis: BASIS,
  severity: 'high',
  triage: { officerFact: 'lead_officer_id' },
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{on_day}对{subject_name}的检查（{item_name}），登记的执法人员{officer_names}均为行政执法辅助人员，' +
    '没有行政执法人员参与，可能由辅助人员独立执法，请核实并说明。',
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  // One inspection judged on its own officers (officers, read in a condition: a change there runs it fully).
  incremental: { by: 'id', changes: { inspections: 'id' }, names: ['entities', 'agencies', 'inspection_items'] },
  query: ({ where }) => auxiliaryOnlyQuery(where, 'inspections'),
};
