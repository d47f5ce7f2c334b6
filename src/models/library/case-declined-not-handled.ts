// 公安不予立案后未作处理: the police declined to file a transferred case, and the agency had made no
// decision on it (a penalty, a warning, no penalty) N days after it received the notice, or made it only
// later. 行政执法机关移送涉嫌犯罪案件的规定 第十条: 行政执法机关对公安机关决定不予立案的案件，应当依法作出处理；
// 其中，依照有关法律、法规或者规章的规定应当给予行政处罚的，应当依法实施行政处罚. The article sets no number of
// days: the default of 30 calendar days is the model's setting (a county may change it), read as
// "N天内" (src/models/window.ts). A case decided before the notice (a penalty decided before the
// transfer stands, 第十一条) has been handled. A case with no police decision or no day of the notice is
// not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const caseDeclinedNotHandled: ModelDefinition = {
  code: 'CASE_DECLINED_NOT_HANDLED',
  name: '公安不予立案后未作处理',
  description:
    '移送公安机关的案件，公安机关决定不予立案，自接到不予立案通知书之日起超过设定天数（默认30日；第十条未规定期限，此为模型设定）仍未作出处理决定，或者超过该天数才作出；以决定日期计，尚未决定的以统计日计。接到通知前已作出决定的不计；未填公安机关决定或通知日期的不判断。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-zhifa-jiguan-yisong-shexian-fanzui-anjian-guiding',
    article: 10,
    note: '规定未设处理期限，默认30日为本模型的设定',
  },
  severity: 'medium',
  params: [{ name: 'limit_days', label: '处理期限（日）', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{transferred_on}移送公安机关，{police_decided_on}接到不予立案通知，{state}，距接到通知{days}天，超过{limit_days}天，可能未依法作出处理，请核实案件处理情况并说明。',
  groundTruth: { violation: 'case_declined_not_handled', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('police_decided_on') },
  query: ({ params, where, dialect, asOf }) => {
    const decided = sql`CASE WHEN c.decided_on <= CAST(${asOf} AS DATE) THEN c.decided_on END`;
    const act = sql`COALESCE(${decided}, CAST(${asOf} AS DATE))`;
    return sql`
    SELECT ${CASE_SUBJECT_COLUMNS}, CAST(c.transferred_on AS VARCHAR) AS transferred_on, CAST(c.police_decided_on AS VARCHAR) AS police_decided_on,
           CASE WHEN c.decided_on IS NULL OR c.decided_on > CAST(${asOf} AS DATE)
                  THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未作出处理决定'
                ELSE '于' || CAST(c.decided_on AS VARCHAR) || '才作出处理决定' END AS state,
           CAST(${daysSql(dialect, sql`c.police_decided_on`, act)} AS INTEGER) AS days
    FROM ${CASE_NAMES}
    WHERE ${where('c')} AND c.police_decision = 'declined' AND c.police_decided_on IS NOT NULL
      AND c.police_decided_on <= CAST(${asOf} AS DATE)
      AND ${daysLateSql(dialect, sql`c.police_decided_on`, act, params.limit_days)}`;
  },
};
