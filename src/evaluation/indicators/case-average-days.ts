// 平均办案天数: days from filing to decision of the cases decided in the period.
import { sql } from '../../store/sql.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const caseAverageDays: IndicatorDefinition = {
  code: 'CASE_AVERAGE_DAYS',
  name: '平均办案天数',
  group: 'effectiveness',
  definition: '统计期内作出决定的行政处罚案件，自立案至作出决定的平均天数。',
  unit: '天',
  direction: 'lower',
  scale: 1,
  target: 30,
  weight: 2,
  scoring: { kind: 'linear', zeroAt: 90 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'cases',
  query: ({ inRegion, during, dialect }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      officer: 'c.lead_officer_id',
      id: 'c.id',
      num: dialect.daysBetween('c.filed_on', 'c.decided_on'),
    })}
    FROM cases c WHERE ${inRegion('c')} AND c.decided_on IS NOT NULL AND ${during('c.decided_on')}`,
};
