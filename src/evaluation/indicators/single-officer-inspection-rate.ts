// 单人执法检查率: inspections without a second officer (行政处罚法 第四十二条: 执法人员不得少于两人).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const singleOfficerInspectionRate: IndicatorDefinition = {
  code: 'INS_SINGLE_OFFICER_RATE',
  name: '单人执法检查率',
  group: 'conduct',
  definition:
    '统计期内只有一名执法人员（无协办人员，或协办即主办本人）的行政检查占全部检查的比例。《行政处罚法》第四十二条要求执法人员不得少于两人。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 5 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 't.region_code',
      agency: 't.agency_id',
      officer: 't.lead_officer_id',
      id: 't.id',
      num: flag('t.assist_officer_id IS NULL OR t.assist_officer_id = t.lead_officer_id'),
    })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}`,
};
