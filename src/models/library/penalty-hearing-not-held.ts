// 要求听证未组织听证: the party asked for a hearing on a fine of 较大数额 (the one the notice named or the one
// decided, whichever is larger), and the fine was decided with no hearing held by the decision day.
// 行政处罚法 第六十三条 第一款: 拟作出…较大数额罚款…当事人要求听证的，行政机关应当组织听证. A hearing held
// on the decision day passes; one held after it, or none recorded, hits. 较大数额 is the province's
// setting (`min_fine`, default 10,000 yuan). A fine whose decision also imposed a kind 第六十三条 names
// whatever the amount — 降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业 (`sanctions`) — is judged
// alike, and so is a decision of such a kind without a fine (a warning with it, or 其他处罚 alone): the
// article names the kind, not the fine (hearingDecision). 没收较大数额违法所得 and 较大价值非法财物 are not
// judged (the records carry no amount confiscated), nor a warning or 其他处罚 without such a kind, though
// its notice named a fine of 较大数额. Cases without a request are not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { decidedBefore } from '../record-tests.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, hearingDecision, hearingDecisionText } from './sql-fragments.ts';

export const penaltyHearingNotHeld: ModelDefinition = {
  code: 'PEN_HEARING_NOT_HELD',
  name: '要求听证未组织听证',
  description:
    '有要求听证日期、已作出处罚决定的案件：罚款决定告知的拟罚款金额或决定的罚款金额达到设定的较大数额（默认1万元，为省级设置项），或处罚决定（罚款、警告或仅其他处罚）的其他处罚种类含降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业之一，没有举行听证日期，或举行听证日期晚于决定日期。没收违法所得、没收非法财物的数额未记录，不据此判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 63, note: '较大数额由各省规定；听证程序见第六十四条' },
  severity: 'high',
  params: [{ name: 'min_fine', label: '较大数额罚款（元，省级设置）', type: 'integer', default: 10000, min: 1, max: 100000000 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}于{hearing_requested_on}就“{item_name}”一案要求听证，{agency_name}于{decided_on}作出{decision_text}的决定，{held_text}，可能当事人要求听证后未组织听证即作出处罚决定，请核实并说明。',
  groundTruth: { violation: 'hearing_not_held', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: decidedBefore('hearing_requested_on', 'hearing_held_on'),
  },
  query: ({ params, where, asOf, dialect }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           COALESCE(a.name, c.agency_id) AS agency_name,
           CAST(c.hearing_requested_on AS VARCHAR) AS hearing_requested_on, CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount,
           ${hearingDecisionText('c', dialect)} AS decision_text,
           CASE WHEN c.hearing_held_on IS NULL THEN '记录中没有举行听证日期'
                ELSE '听证于' || CAST(c.hearing_held_on AS VARCHAR) || '才举行，晚于决定日期' END AS held_text
    FROM ${CASE_NAMES} LEFT JOIN agencies a ON a.id = c.agency_id
    WHERE ${where('c')} AND c.hearing_requested_on IS NOT NULL
      AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)
      AND ${hearingDecision('c', params.min_fine)}
      AND (c.hearing_held_on IS NULL OR c.hearing_held_on > c.decided_on)`,
};
