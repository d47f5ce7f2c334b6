// 告知后未待听证申请期满即作出决定: a fine that came with a right to a hearing decided while the party could
// still ask for one, with no hearing asked for. 行政处罚法 第六十三条: 拟作出…较大数额罚款…降低资质等级、吊销
// 许可证件…责令停产停业、责令关闭、限制从业…应当告知当事人有要求听证的权利; 第六十四条（一）: 当事人要求听证的，
// 应当在行政机关告知后五日内提出; 第八十五条: "五日" are working days. Which fines come with the right is
// PEN_HEARING_NOT_HELD's predicate (hearingRight): the fine the notice named or the one decided is 较大数额
// (set by the province, for 法人或者其他组织 often 10,000 yuan: a setting, `min_fine`), or the decision also
// imposed a kind of 第六十三条 (`sanctions`), whatever the amount. The period ends on the 5th working day
// after the notice (src/models/window.ts): the party may still ask on that day, so a decision on it or
// before is a hit, on the 6th working day is not. Outside the calendar no hit. In time is workdaysWithinSql
// (the decision's `due` at most the notice's `done` + 5), not workdaysLateSql negated: DuckDB ran
// `NOT (<that comparison of two scalar subqueries>)` inside the batch run's INSERT … SELECT as if the NOT
// were not there (1,929 hits on the demo instead of 148), while the same SELECT alone was right. A case
// with a hearing asked for is PEN_HEARING_NOT_HELD's; a decision before the notice is PEN_NO_NOTICE's.
// Cases without a notice day are not judged. A decision of a kind of 第六十三条 without a fine (a warning
// with it, or 其他处罚 alone) is judged as a fine with it: PEN_HEARING_NOT_HELD's predicate, hearingDecision;
// a warning or 其他处罚 without such a kind is not, whatever fine the notice named.
import { raw, sql } from '../../store/sql.ts';
import { formatNumber, num, type ModelDefinition } from '../model.ts';
import { dateIn } from '../record-tests.ts';
import { workdayDeadlineSql, workdaysLate, workdaysWithinSql } from '../window.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, hearingDecision, hearingDecisionText } from './sql-fragments.ts';

/** A text literal naming the setting's amount as explanations write numbers (10,000). */
const reached = (what: string, minFine: number) => raw(`'${what}达到设定的较大数额${formatNumber(minFine)}元'`);

export const penaltyDecidedInHearingPeriod: ModelDefinition = {
  code: 'PEN_DECIDED_IN_HEARING_PERIOD',
  name: '告知后未待听证申请期满即作出决定',
  description:
    '已作出处罚决定的案件：罚款决定告知的拟罚款金额或决定的罚款金额达到设定的较大数额（默认1万元，为省级设置项），或处罚决定（罚款、警告或仅其他处罚）的其他处罚种类含降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业之一（不论是否罚款及罚款金额），没有要求听证日期，决定日期不早于告知日期，且不晚于告知后第5个工作日（当事人在该日仍可要求听证；第6个工作日及以后决定的不计）。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 63,
    note: '第六十四条（一）：当事人要求听证的，应当在行政机关告知后五日内提出；第八十五条：五日指工作日；较大数额由各省规定',
  },
  severity: 'medium',
  params: [
    { name: 'min_fine', label: '较大数额罚款（元，省级设置）', type: 'integer', default: 10000, min: 1, max: 100000000 },
    { name: 'workdays', label: '告知后要求听证的期限（工作日）', type: 'integer', default: 5, min: 1, max: 30 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{notified_on}告知拟作出的处罚，于{decided_on}即作出{decision_text}的决定（{ground}），当事人要求听证的期限至{deadline}届满，记录中没有要求听证日期，可能未待听证申请期满即作出处罚决定，请核实并说明。',
  groundTruth: { violation: 'decided_in_hearing_period', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    mayHit: {
      // Decided after the notice, with no hearing asked for, and not after the period ended (outside the calendar the SQL judges).
      reads: ['notified_on', 'decided_on', 'hearing_requested_on'],
      test: (r, params) => {
        const [notified, decided] = [dateIn(r, 'notified_on'), dateIn(r, 'decided_on')];
        if (notified === null || decided === null || r.hearing_requested_on !== null) return false;
        return (
          notified === undefined || decided === undefined || (decided >= notified && !workdaysLate(notified, decided, params.workdays))
        );
      },
    },
  },
  query: ({ params, where, asOf, dialect }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.notified_on AS VARCHAR) AS notified_on, CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount,
           ${hearingDecisionText('c', dialect)} AS decision_text,
           CASE WHEN c.fine_amount >= ${num(params.min_fine)} THEN ${reached('罚款', params.min_fine)}
                WHEN c.proposed_fine >= ${num(params.min_fine)} THEN ${reached('告知的拟罚款金额', params.min_fine)}
                WHEN c.decision = 'fine' THEN '第六十三条所列的处罚种类，不论罚款金额'
                ELSE '第六十三条所列的处罚种类' END AS ground,
           ${workdayDeadlineSql(sql`c.notified_on`, params.workdays)} AS deadline
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND ${hearingDecision('c', params.min_fine)}
      AND c.decided_on IS NOT NULL AND c.hearing_requested_on IS NULL
      AND c.decided_on >= c.notified_on AND c.decided_on <= CAST(${asOf} AS DATE)
      AND ${workdaysWithinSql(sql`c.notified_on`, sql`c.decided_on`, params.workdays)}`,
};
