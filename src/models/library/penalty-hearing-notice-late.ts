// 听证通知不足七日: a hearing held before the 7th working day after the party was told its time and place.
// 行政处罚法 第六十四条（二）: 行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点;
// 第八十五条: "七日" are working days. The notice served on day D leaves the party D+1 … the 7th working day
// after D (src/models/window.ts): a hearing on that 7th working day passes, one on any earlier day (the
// 6th, a weekend or holiday before the 7th, the notice day itself) hits. Outside the calendar no hit.
// Cases without a notice day or without a hearing held are not judged.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { workdayDeadlineSql, workdaysSql } from '../window.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const penaltyHearingNoticeLate: ModelDefinition = {
  code: 'PEN_HEARING_NOTICE_LATE',
  name: '听证通知不足七日',
  description:
    '有听证通知送达日期和举行听证日期的案件，举行听证日期早于听证通知送达后第7个工作日（第7个工作日举行的不计）；未记录听证通知送达日期或举行听证日期的不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 64, note: '第六十四条（二）：举行听证的七日前通知；第八十五条：七日指工作日' },
  severity: 'medium',
  params: [{ name: 'workdays', label: '听证通知提前期限（工作日）', type: 'integer', default: 7, min: 1, max: 30 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案的听证通知于{hearing_notified_on}送达，听证于{hearing_held_on}举行，早于通知后第{workdays}个工作日（{earliest}），可能未在举行听证的七日前通知当事人，请核实并说明。',
  groundTruth: { violation: 'hearing_notice_late', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('hearing_notified_on') },
  query: ({ params, where, asOf }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.hearing_notified_on AS VARCHAR) AS hearing_notified_on, CAST(c.hearing_held_on AS VARCHAR) AS hearing_held_on,
           ${workdayDeadlineSql(sql`c.hearing_notified_on`, params.workdays)} AS earliest
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.hearing_held_on <= CAST(${asOf} AS DATE)
      AND ${workdaysSql(sql`c.hearing_notified_on`, sql`c.hearing_held_on`)} < ${num(params.workdays)}`,
};
