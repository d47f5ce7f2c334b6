// 复议答复或诉讼答辩超期: the respondent agency answered a reconsideration, or filed its defence in a
// lawsuit, later than the law allows after it received the copy of the application or complaint.
// 行政复议法 第四十八条: 被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，提出书面
// 答复; 第八十八条 第二款: those 十日 are working days (不含法定休假日), counted on the working-day calendar
// (src/models/window.ts). 行政诉讼法 第六十七条: 被告应当在收到起诉状副本之日起十五日内…提出答辩状 — calendar
// days ("N天内": an answer on day D + 15 is in time). An answer still missing counts as given on the run's
// day while the review is pending; an outcome decided with no answer day recorded is not judged (the
// column is empty, not the answer), nor one with no day the copy was received. A pending review with no
// answer is read as unanswered only where the source system sends answered_on: a system with no outcome
// carrying it has no column to read, and would otherwise raise every review pending past the term. A
// system that has sent the date once is judged on every outcome, those without it too (per system, not
// per agency, as PEN_NOT_PUBLISHED).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { daysLateSql, workdayDeadlineSql, workdaysLateSql } from '../window.ts';
import { dialectSql, REVIEW_NAMES, REVIEW_SUBJECT_COLUMNS, routeLabel } from './sql-fragments.ts';

export const reviewLateAnswer: ModelDefinition = {
  code: 'REV_LATE_ANSWER',
  name: '复议答复或诉讼答辩超期',
  description:
    '被申请人收到行政复议申请书副本后超过设定的工作日（默认十个工作日，法定休假日不计）才提出书面答复，或者被告收到起诉状副本后超过设定天数（默认15日）才提交答辩状；尚未答复且尚未审结的以统计日计。未填收到副本日期的不判断；已审结而未填答复日期的不判断；只判断报送过答复（答辩）日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-fuyi-fa',
    article: 48,
    note: '“十日”为工作日，不含法定休假日（第八十八条第二款）；行政诉讼答辩期限见《行政诉讼法》第六十七条（十五日）',
  },
  severity: 'medium',
  params: [
    { name: 'answer_workdays', label: '复议答复期限（工作日）', type: 'integer', default: 10, min: 1, max: 60 },
    { name: 'defence_days', label: '诉讼答辩期限（日）', type: 'integer', default: 15, min: 1, max: 90 },
  ],
  evidenceKind: 'review_outcomes',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案的{route_label}中，被申请人（被告）于{copy_received_on}收到{copy_label}，{state}，晚于{limit_text}的期限（{deadline}），可能未按期{answer_label}，请核实并说明。',
  groundTruth: { violation: 'review_late_answer', recordKind: 'review_outcome' },
  realtime: { kind: 'review_outcomes', subjectColumn: 'id', mayHit: carries('copy_received_on') },
  query: ({ params, where, dialect, asOf }) => {
    const act = sql`COALESCE(r.answered_on, CAST(${asOf} AS DATE))`;
    const from = sql`r.copy_received_on`;
    const litigationDeadline = sql`CAST(${dialectSql(dialect.addDays, from, sql`${num(params.defence_days)}`)} AS VARCHAR)`;
    return sql`
    WITH s AS (
      SELECT DISTINCT source_system FROM review_outcomes WHERE answered_on IS NOT NULL
    )
    SELECT ${REVIEW_SUBJECT_COLUMNS}, ${routeLabel('r.route')} AS route_label, CAST(r.copy_received_on AS VARCHAR) AS copy_received_on,
           CASE WHEN r.route = 'litigation' THEN '起诉状副本' ELSE '行政复议申请书副本' END AS copy_label,
           CASE WHEN r.route = 'litigation' THEN '提交答辩状' ELSE '提出书面答复' END AS answer_label,
           CASE WHEN r.route = 'litigation' THEN CAST(${num(params.defence_days)} AS VARCHAR) || '日'
                ELSE CAST(${num(params.answer_workdays)} AS VARCHAR) || '个工作日' END AS limit_text,
           CASE WHEN r.answered_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未' ||
                  CASE WHEN r.route = 'litigation' THEN '提交答辩状' ELSE '提出书面答复' END
                ELSE '于' || CAST(r.answered_on AS VARCHAR) || CASE WHEN r.route = 'litigation' THEN '提交答辩状' ELSE '提出书面答复' END END AS state,
           CASE WHEN r.route = 'litigation' THEN ${litigationDeadline}
                ELSE ${workdayDeadlineSql(from, params.answer_workdays)} END AS deadline
    FROM ${REVIEW_NAMES}
      JOIN s ON s.source_system = r.source_system
    WHERE ${where('r')} AND r.copy_received_on IS NOT NULL AND r.copy_received_on <= CAST(${asOf} AS DATE)
      AND (r.answered_on IS NOT NULL OR r.decided_on IS NULL OR r.decided_on > CAST(${asOf} AS DATE))
      AND (r.answered_on IS NULL OR r.answered_on <= CAST(${asOf} AS DATE))
      AND CASE WHEN r.route = 'litigation' THEN ${daysLateSql(dialect, from, act, params.defence_days)}
               ELSE ${workdaysLateSql(from, act, params.answer_workdays)} END`;
  },
};
