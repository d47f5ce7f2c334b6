// 重大处罚决定无法制审核记录: a fine at or above the amount a region treats as a major decision, with no
// legal review (法制审核) completed by the day of the decision. 行政处罚法 第五十八条: 在行政机关负责人作出
// 行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，
// 不得作出决定. The article names its cases (重大公共利益, 经过听证程序的重大权益, 疑难复杂…); the records show
// only the amount, so the amount stands in for them, set per region (regions publish their 重大执法决定
// lists by amount too). A case heard (第五十八条（二）) is judged whatever its amount by
// PEN_HEARD_NO_LEGAL_REVIEW; a heard case at or above the amount hits both.
// Only source systems that have sent legal_review_on at least once are judged (an empty date from a
// system that never sends it says nothing); that rule reads other cases of the system, so the model
// does not narrow in incremental runs.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, casesOfSystemsSending } from './sql-fragments.ts';

export const penaltyNoLegalReview: ModelDefinition = {
  code: 'PEN_NO_LEGAL_REVIEW',
  name: '重大处罚决定无法制审核记录',
  description:
    '罚款金额达到设定的重大决定金额的案件，法制审核日期为空，或法制审核日期晚于决定日期。只按金额判断；经过听证的案件不论金额由“经过听证的决定无法制审核记录”（PEN_HEARD_NO_LEGAL_REVIEW）判断，两者可能同时提示。只判断报送过法制审核日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 58 },
  severity: 'high',
  params: [{ name: 'major_fine', label: '重大决定罚款金额下限（元）', type: 'integer', default: 50000, min: 1000, max: 10000000 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{decided_on}作出罚款{fine_amount}元的决定（达到{major_fine}元），{review_text}，可能未经法制审核即作出决定，请核实并说明。',
  groundTruth: { violation: 'penalty_no_legal_review', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ params, where }) => sql`
    WITH ${casesOfSystemsSending('legal_review_on')}
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount,
           CASE WHEN c.legal_review_on IS NULL THEN '案件没有法制审核记录'
                ELSE '法制审核日期为' || CAST(c.legal_review_on AS VARCHAR) || '，晚于决定日期' END AS review_text
    FROM ${CASE_NAMES}
      JOIN s ON s.source_system = c.source_system
    WHERE ${where('c')} AND c.decision = 'fine' AND c.decided_on IS NOT NULL AND c.fine_amount >= ${num(params.major_fine)}
      AND (c.legal_review_on IS NULL OR c.legal_review_on > c.decided_on)`,
};
