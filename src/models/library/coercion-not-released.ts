// 案件处理后未及时解除查封扣押: a sealing or seizure linked to a case the agency has decided with a warning
// or 不予处罚 — decisions that take nothing from the party, so the goods go back — still in force N days after
// the decision, or released only later. 行政强制法 第二十八条: 有下列情形之一的，行政机关应当及时作出解除查封、
// 扣押决定：（一）当事人没有违法行为；…（三）行政机关对违法行为已经作出处理决定，不再需要查封、扣押. "及时"
// names no count of days: the parameter (default seven, read as every "N天内" of src/models/window.ts: a
// release on the decision day + 7 is in time) is the model's setting, which a county may change. A fine is
// left out: the same decision may confiscate what was seized (第二十七条), which the case record does not
// say; a measure disposed of (没收、销毁) or transferred is a decision on the goods, not judged here.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionNotReleased: ModelDefinition = {
  code: 'COE_NOT_RELEASED',
  name: '案件处理后未及时解除查封扣押',
  description:
    '查封、扣押关联的案件已作出警告或不予处罚的决定，决定之日后超过设定天数（默认七日，决定当日不计；“及时”未规定天数，此为模型设定）措施仍在执行，或者超过该天数才解除；已作出没收等处理决定或移送的、案件处以罚款的不在此列。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 28,
    note: '第二十八条第（一）项、第（三）项；“及时”未规定天数，默认七日为本模型的设定，可按地区调整',
  },
  severity: 'medium',
  params: [{ name: 'release_days', label: '决定后解除期限（日）', type: 'integer', default: 7, min: 0, max: 60 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}，关联案件于{decided_on}决定{decision_label}，{state}，距决定{days}日，超过{release_days}日，可能未及时解除{measure_label}，请核实并说明。',
  groundTruth: { violation: 'coercion_not_released', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id', mayHit: carries('case_id') },
  query: ({ dialect, params, where, asOf }) => {
    const day = sql`CAST(${asOf} AS DATE)`;
    // Released after the run's day (a run as of an earlier day): in force on that day.
    const open = sql`(m.ended_on IS NULL OR m.ended_on > ${day})`;
    const end = sql`CASE WHEN ${open} THEN ${day} ELSE m.ended_on END`;
    return sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS}, CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE c.decision WHEN 'warning' THEN '警告' ELSE '不予处罚' END AS decision_label,
           CASE WHEN ${open} THEN '截至' || CAST(${day} AS VARCHAR) || '仍在执行'
                ELSE '至' || CAST(m.ended_on AS VARCHAR) || '解除' END AS state,
           CAST(${daysSql(dialect, sql`c.decided_on`, end)} AS INTEGER) AS days
    FROM ${MEASURE_NAMES} JOIN cases c ON c.county_code = m.county_code AND c.id = m.case_id
    WHERE ${where('m')} AND m.measure IN ('seal', 'seize') AND m.started_on <= ${day}
      AND (m.status IN ('in_force', 'released') OR m.ended_on > ${day})
      AND c.decision IN ('warning', 'no_penalty') AND c.decided_on <= ${day}
      AND ${daysLateSql(dialect, sql`c.decided_on`, end, params.release_days)}`;
  },
};
