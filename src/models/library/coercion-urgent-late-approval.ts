// 当场实施强制措施未在二十四小时内补办批准: a sealing, seizure or freezing applied on the spot in an
// emergency whose record names the agency head's approval more than 24 hours after the start (行政强制法
// 第十九条: 情况紧急，需要当场实施行政强制措施的，行政执法人员应当在二十四小时内向行政机关负责人报告，并补办
// 批准手续). The start is started_on at started_at (Beijing wall clock, as approved_at); a record without a
// time of day is taken to start at the end of its day (24:00), so that it is never judged later than it
// can have been. A record naming no approval, or one after the run's day, is not judged: whether the
// approval was never made is not in the data. Acts of 强制执行 (第十二条) are not 强制措施 and not judged.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { daysSql } from '../window.ts';
import { IS_COERCIVE_MEASURE, MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

/** SQL: the minute of the day of an 'HH:MM' text. */
const minuteOf = (expr: string) => `(CAST(substr(${expr}, 1, 2) AS INTEGER) * 60 + CAST(substr(${expr}, 4, 2) AS INTEGER))`;

export const coercionUrgentLateApproval: ModelDefinition = {
  code: 'COE_URGENT_LATE_APPROVAL',
  name: '当场实施强制措施未在二十四小时内补办批准',
  description:
    '情况紧急当场实施的查封、扣押、冻结，负责人批准（补办批准）时间晚于实施时间超过规定小时数（默认二十四小时）。实施时间为实施日期加实施时刻，未记录时刻的按当日24:00计；批准时间为空或晚于统计日的不判断；强制执行不在此列。',
  category: 'coercion',
  basis: { regulationId: 'xingzheng-qiangzhi-fa', article: 19 },
  severity: 'medium',
  params: [{ name: 'report_hours', label: '补办批准时限（小时）', type: 'integer', default: 24, min: 1, max: 240 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}{time_text}对{subject_name}情况紧急当场实施{measure_label}，负责人批准时间为{approved_at}，距实施{late_text}，超过{report_hours}小时，可能未在{report_hours}小时内向负责人报告并补办批准手续，请核实并说明。',
  groundTruth: { violation: 'coercion_urgent_late_approval', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ dialect, params, where, asOf }) => {
    const start = raw(`COALESCE(${minuteOf('m.started_at')}, 1440)`);
    const approvedDay = sql`CAST(substr(m.approved_at, 1, 10) AS DATE)`;
    const minutes = sql`(${daysSql(dialect, sql`m.started_on`, approvedDay)} * 1440 + ${raw(minuteOf('substr(m.approved_at, 12, 5)'))} - ${start})`;
    return sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS},
           CASE WHEN m.started_at IS NULL THEN '（未记录时刻）' ELSE ' ' || m.started_at END AS time_text, m.approved_at,
           CAST((${minutes} - ${minutes} % 60) / 60 AS INTEGER) AS late_hours,
           CAST(CAST((${minutes} - ${minutes} % 60) / 60 AS INTEGER) AS VARCHAR) || '小时'
             || CASE WHEN ${minutes} % 60 = 0 THEN '' ELSE CAST(${minutes} % 60 AS VARCHAR) || '分钟' END AS late_text
    FROM ${MEASURE_NAMES}
    WHERE ${where('m')} AND ${IS_COERCIVE_MEASURE} AND m.urgent AND m.approved_at IS NOT NULL
      AND m.started_on <= CAST(${asOf} AS DATE) AND ${approvedDay} <= CAST(${asOf} AS DATE)
      AND ${minutes} > ${num(params.report_hours)} * 60`;
  },
};
