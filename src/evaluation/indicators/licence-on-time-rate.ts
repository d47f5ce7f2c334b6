// 许可按期办结率: licences decided within the item's time limit. Counted in calendar days, which is
// stricter than the working days of 行政许可法 第四十二条 (a decision on time in calendar days is on
// time in working days; the converse does not hold).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const licenceOnTimeRate: IndicatorDefinition = {
  code: 'LICENCE_ON_TIME_RATE',
  name: '许可按期办结率',
  group: 'effectiveness',
  definition:
    '统计期内作出决定的行政许可中，在事项办理时限内（按自然日计，严于《行政许可法》第四十二条的工作日）作出决定的比例；未设时限的事项视为按期。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 90 },
  levels: ['region', 'agency'],
  recordKind: 'licences',
  query: ({ inRegion, during, dialect }) => sql`
    SELECT ${rowColumns({
      region: 'l.region_code',
      agency: 'l.agency_id',
      id: 'l.id',
      num: flag(`i.time_limit_days IS NULL OR ${dialect.daysBetween('l.applied_on', 'l.decided_on')} <= i.time_limit_days`),
    })}
    FROM licences l LEFT JOIN items i ON i.code = l.item_code
    WHERE ${inRegion('l')} AND l.decided_on IS NOT NULL AND ${during('l.decided_on')}`,
};
