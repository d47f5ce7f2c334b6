// 监控设备未经审核或检定过期: a case decided with a fine or a warning on the evidence of an electronic
// monitoring device that, on the day of the violation, had passed no legal and technical review, or
// whose verification or calibration had lapsed. 行政处罚法 第四十一条: 应当经过法制和技术审核，确保电子技术
// 监控设备符合标准. A device whose record names no calibration is not judged on it (a camera may need
// none); a review or a calibration valid on the day of the violation counts.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { DEVICE_CASE_COLUMNS, DEVICE_CASE_DECIDED, DEVICE_CASE_NAMES, deviceText } from './device-fragments.ts';

export const deviceUnchecked: ModelDefinition = {
  code: 'DEV_UNCALIBRATED',
  name: '监控设备未经审核或检定过期',
  description:
    '以电子技术监控设备记录的违法事实作出罚款或警告决定的案件，该设备的法制和技术审核日期为空或晚于违法行为发生日期，或检定/校准有效期截止日早于违法行为发生日期（未记录检定/校准有效期的不检查这一项）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 41 },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}以{device_text}记录的违法事实，对当事人{subject_name}“{item_name}”一案于{decided_on}作出{decision_label}决定，' +
    '违法行为发生于{occurred_on}，{check_text}，可能使用了未经法制和技术审核或不符合标准的设备收集违法事实，请核实并说明。',
  groundTruth: { violation: 'device_uncalibrated', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('device_id') },
  incremental: { by: 'device_id', changes: { cases: 'device_id', monitoring_devices: 'id' }, names: ['entities', 'items', 'agencies'] },
  query: ({ where }) => sql`
    SELECT ${DEVICE_CASE_COLUMNS}, ${deviceText('d')} AS device_text,
           concat_ws('，',
             CASE WHEN d.reviewed_on IS NULL THEN '设备记录中没有法制和技术审核日期'
                  WHEN d.reviewed_on > c.occurred_on THEN '设备于' || CAST(d.reviewed_on AS VARCHAR) || '才通过法制和技术审核' END,
             CASE WHEN d.calibrated_until < c.occurred_on
                  THEN '设备检定/校准有效期至' || CAST(d.calibrated_until AS VARCHAR) || '，当时已过期' END) AS check_text
    FROM ${DEVICE_CASE_NAMES}
    WHERE ${where('c')} AND ${DEVICE_CASE_DECIDED}
      AND (d.reviewed_on IS NULL OR d.reviewed_on > c.occurred_on OR d.calibrated_until < c.occurred_on)`,
};
