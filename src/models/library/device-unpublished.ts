// 监控设备设置地点未公布即取证: a case decided with a fine or a warning on the evidence of an electronic
// monitoring device whose place had not been published by the day of the violation. 行政处罚法 第四十一条:
// 利用电子技术监控设备收集、固定违法事实的，…设置地点应当向社会公布. A place published on the day of the
// violation counts as published (the records keep days, not hours).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { DEVICE_CASE_COLUMNS, DEVICE_CASE_DECIDED, DEVICE_CASE_NAMES, deviceText } from './device-fragments.ts';

export const deviceUnpublished: ModelDefinition = {
  code: 'DEV_UNPUBLISHED',
  name: '监控设备设置地点未公布即取证',
  description:
    '以电子技术监控设备记录的违法事实作出罚款或警告决定的案件，该设备的设置地点公布日期为空，或晚于案件的违法行为发生日期（当天公布的不算）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 41 },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}以{device_text}记录的违法事实，对当事人{subject_name}“{item_name}”一案于{decided_on}作出{decision_label}决定，' +
    '违法行为发生于{occurred_on}，{publish_text}，可能在设置地点向社会公布前使用该设备收集违法事实，请核实并说明。',
  groundTruth: { violation: 'device_unpublished', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('device_id') },
  incremental: { by: 'device_id', changes: { cases: 'device_id', monitoring_devices: 'id' }, names: ['entities', 'items', 'agencies'] },
  query: ({ where }) => sql`
    SELECT ${DEVICE_CASE_COLUMNS}, ${deviceText('d')} AS device_text,
           CASE WHEN d.published_on IS NULL THEN '设备记录中没有设置地点公布日期'
                ELSE '设备设置地点于' || CAST(d.published_on AS VARCHAR) || '才公布' END AS publish_text
    FROM ${DEVICE_CASE_NAMES}
    WHERE ${where('c')} AND ${DEVICE_CASE_DECIDED} AND (d.published_on IS NULL OR d.published_on > c.occurred_on)`,
};
