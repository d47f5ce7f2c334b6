// 案件单人办理率: cases handled by one officer only (行政处罚法 第四十二条).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const singleOfficerCaseRate: IndicatorDefinition = {
  code: 'CASE_SINGLE_OFFICER_RATE',
  name: '案件单人办理率',
  group: 'conduct',
  definition:
    '统计期内立案的行政处罚案件中，只有一名执法人员办理（无协办人员，或协办即主办本人）的案件所占比例（《行政处罚法》第四十二条）。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 5 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'cases',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      officer: 'c.lead_officer_id',
      id: 'c.id',
      num: flag('c.assist_officer_id IS NULL OR c.assist_officer_id = c.lead_officer_id'),
    })}
    FROM cases c WHERE ${inRegion('c')} AND ${during('c.filed_on')}`,
};
