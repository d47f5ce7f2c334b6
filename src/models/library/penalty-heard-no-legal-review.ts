// 经过听证的决定无法制审核记录: a case decided after a hearing (举行听证日期 recorded) with no legal review
// (法制审核) completed by the day of the decision. 行政处罚法 第五十八条 第一款: 有下列情形之一，在行政机关负责人
// 作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得
// 作出决定：…（二）直接关系当事人或者第三人重大权益，经过听证程序的. The hearing is in the records, so this
// model needs no amount: PEN_NO_LEGAL_REVIEW judges the cases a region's major-decision amount names, this
// one the cases heard whatever their amount; a heard case at or above the amount hits both.
// Only source systems that have sent legal_review_on at least once are judged (an empty date from a
// system that never sends it says nothing); that rule reads other cases of the system, so the model
// does not narrow in incremental runs.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { decidedBefore } from '../record-tests.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, casesOfSystemsSending } from './sql-fragments.ts';

export const penaltyHeardNoLegalReview: ModelDefinition = {
  code: 'PEN_HEARD_NO_LEGAL_REVIEW',
  name: '经过听证的决定无法制审核记录',
  description:
    '有举行听证日期、已作出处理决定的案件（不论罚款金额），法制审核日期为空，或法制审核日期晚于决定日期。按金额判断的重大决定由“重大处罚决定无法制审核记录”（PEN_NO_LEGAL_REVIEW）判断，经过听证且达到该金额的案件两个模型都会提示。只判断报送过法制审核日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 58,
    note: '第一款第（二）项：直接关系当事人或者第三人重大权益，经过听证程序的',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{hearing_held_on}举行听证，于{decided_on}作出处理决定，{review_text}，可能经过听证程序的决定未经法制审核即作出，请核实并说明。',
  groundTruth: { violation: 'heard_no_legal_review', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: decidedBefore('hearing_held_on', 'legal_review_on'),
  },
  query: ({ where, asOf }) => sql`
    WITH ${casesOfSystemsSending('legal_review_on')}
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.hearing_held_on AS VARCHAR) AS hearing_held_on, CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE WHEN c.legal_review_on IS NULL THEN '案件没有法制审核记录'
                ELSE '法制审核日期为' || CAST(c.legal_review_on AS VARCHAR) || '，晚于决定日期' END AS review_text
    FROM ${CASE_NAMES}
      JOIN s ON s.source_system = c.source_system
    WHERE ${where('c')} AND c.hearing_held_on IS NOT NULL
      AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)
      AND (c.legal_review_on IS NULL OR c.legal_review_on > c.decided_on)`,
};
