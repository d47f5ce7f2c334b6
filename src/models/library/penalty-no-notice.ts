// 处罚决定前无告知记录: a penalty (a fine, a warning, or another kind of 第九条) decided with no record that the party was told,
// before the decision, of the intended penalty and of the right to state a defence and to ask for a
// hearing (行政处罚法 第四十四条; 第六十二条: 未依照…规定向当事人告知…不得作出行政处罚决定). The notice on
// the day of the decision is accepted (the summary procedure tells and decides on the spot, 第五十二条).
// A party may waive the right (第六十二条 但书): the explanation asks. Only source systems that have sent
// notified_on at least once are judged: an empty date from a system that never sends it says nothing.
// That rule reads other cases of the system, so the model does not narrow in incremental runs.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, casesOfSystemsSending } from './sql-fragments.ts';

export const penaltyNoNotice: ModelDefinition = {
  code: 'PEN_NO_NOTICE',
  name: '处罚决定前无告知记录',
  description:
    '作出罚款、警告或其他处罚决定的案件，告知日期为空，或告知日期晚于决定日期；只判断报送过告知日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 62, note: '告知的内容见第四十四条' },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{decided_on}作出{decision_label}决定，{notice_text}，可能未在决定前告知拟作出的处罚及陈述、申辩、要求听证的权利，请核实告知情况（或当事人明确放弃的记录）并说明。',
  groundTruth: { violation: 'penalty_no_notice', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ where }) => sql`
    WITH ${casesOfSystemsSending('notified_on')}
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE c.decision WHEN 'fine' THEN '罚款' WHEN 'warning' THEN '警告' ELSE '其他处罚' END AS decision_label,
           CASE WHEN c.notified_on IS NULL THEN '案件没有告知日期记录'
                ELSE '告知日期为' || CAST(c.notified_on AS VARCHAR) || '，晚于决定日期' END AS notice_text
    FROM ${CASE_NAMES}
      JOIN s ON s.source_system = c.source_system
    WHERE ${where('c')} AND c.decision IN ('fine', 'warning', 'other') AND c.decided_on IS NOT NULL
      AND (c.notified_on IS NULL OR c.notified_on > c.decided_on)`,
};
