// 持证办案率: cases whose lead officer held a certificate valid on the filing day.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const certifiedCaseRate: IndicatorDefinition = {
  code: 'CASE_CERTIFIED_RATE',
  name: '持证办案率',
  group: 'team',
  definition: '统计期内立案的行政处罚案件中，主办执法人员在立案当日持有有效行政执法证件的比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 95 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'cases',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 'c.region_code',
      agency: 'c.agency_id',
      officer: 'c.lead_officer_id',
      id: 'c.id',
      num: flag(`EXISTS (SELECT 1 FROM certificates k WHERE k.officer_id = c.lead_officer_id AND k.status = 'valid'
        AND k.issued_on <= c.filed_on AND k.expires_on >= c.filed_on)`),
    })}
    FROM cases c WHERE ${inRegion('c')} AND ${during('c.filed_on')}`,
};
