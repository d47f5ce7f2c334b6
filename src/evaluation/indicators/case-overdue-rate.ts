// 处罚决定超期率: decisions taken more than 90 days after the case was filed (行政处罚法 第六十条:
// 应当自行政处罚案件立案之日起九十日内作出行政处罚决定).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const CASE_TIME_LIMIT_DAYS = 90;

export const caseOverdueRate: IndicatorDefinition = {
  code: 'CASE_OVERDUE_RATE',
  name: '处罚决定超期率',
  group: 'conduct',
  definition: `统计期内作出决定的行政处罚案件中，自立案之日起超过${CASE_TIME_LIMIT_DAYS}日才作出决定的案件所占比例（《行政处罚法》第六十条）。`,
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 5 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'cases',
  query: ({ inRegion, during, dialect }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      officer: 'c.lead_officer_id',
      id: 'c.id',
      num: flag(`${dialect.daysBetween('c.filed_on', 'c.decided_on')} > ${CASE_TIME_LIMIT_DAYS}`),
    })}
    FROM cases c WHERE ${inRegion('c')} AND c.decided_on IS NOT NULL AND ${during('c.decided_on')}`,
};
