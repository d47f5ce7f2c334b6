// 听证由本案调查人员主持: the officer who presided over the hearing is one of the case's own officers (the
// lead or the assisting officer who investigated it). 行政处罚法 第六十四条（四）: 听证由行政机关指定的非本案
// 调查人员主持. Cases without a host recorded are not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const penaltyHearingHostInvestigator: ModelDefinition = {
  code: 'PEN_HEARING_HOST_INVESTIGATOR',
  name: '听证由本案调查人员主持',
  description: '有听证主持人的案件，听证主持人执法人员编号与本案主办或协办执法人员编号相同；未记录听证主持人的不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 64, note: '第六十四条（四）：听证由行政机关指定的非本案调查人员主持' },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{hearing_held_on}举行的听证由执法人员{hearing_host_id}主持，该人员是本案的{role}，可能由本案调查人员主持听证，请核实并说明。',
  groundTruth: { violation: 'hearing_host_investigator', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('hearing_host_id') },
  query: ({ where, asOf }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.hearing_held_on AS VARCHAR) AS hearing_held_on, c.hearing_host_id,
           CASE WHEN c.hearing_host_id = c.lead_officer_id THEN '主办执法人员' ELSE '协办执法人员' END AS role
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.hearing_host_id IS NOT NULL AND c.hearing_held_on <= CAST(${asOf} AS DATE)
      AND (c.hearing_host_id = c.lead_officer_id OR c.hearing_host_id = c.assist_officer_id)`,
};
