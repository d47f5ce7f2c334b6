// 无证办案: a penalty case filed by a lead or assisting officer who held no enforcement certificate
// valid on the filing day. 行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施.
import type { ModelDefinition } from '../model.ts';
import { uncertifiedQuery } from './uncertified-inspection.ts';

export const uncertifiedCase: ModelDefinition = {
  code: 'PEN_NO_CERT',
  name: '无证办案',
  description: '处罚案件的主办或协办人员在立案当日没有有效的行政执法证件。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 42 },
  severity: 'high',
  triage: { officerFact: 'officer_ids' },
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}于{on_day}立案的处罚案件（当事人{subject_name}）中，{officer_details}在立案当日没有有效执法证，可能由不具备执法资格的人员办案，请核实并说明。',
  realtime: { kind: 'cases', subjectColumn: 'id' },
  // One case and its officers' certificates (read in a condition: a change there runs it fully).
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'agencies', 'officers'] },
  query: ({ where, dialect }) => uncertifiedQuery(dialect, where, 'cases', 'filed_on', 'case'),
};
