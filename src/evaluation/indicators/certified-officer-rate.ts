// 持证率: officers holding an enforcement certificate valid on the period's last day (行政处罚法
// 第四十二条: 行政处罚应当由具有行政执法资格的执法人员实施).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const certifiedOfficerRate: IndicatorDefinition = {
  code: 'CERTIFIED_OFFICER_RATE',
  name: '执法人员持证率',
  group: 'team',
  definition: '执法人员中，在统计期末持有有效行政执法证件（状态有效，期末日在发证日与有效期之间）的人员所占比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 90 },
  levels: ['region', 'agency'],
  recordKind: 'officers',
  query: ({ inRegion, to }) => sql`
    WITH certified AS (
      SELECT DISTINCT k.officer_id FROM certificates k
      WHERE k.status = 'valid' AND k.issued_on <= CAST(${to} AS DATE) AND k.expires_on >= CAST(${to} AS DATE)
    )
    SELECT ${rowColumns({ region: 'o.region_code', agency: 'o.agency_id', id: 'o.id', num: flag('x.officer_id IS NOT NULL') })}
    FROM officers o LEFT JOIN certified x ON x.officer_id = o.id WHERE ${inRegion('o')}`,
};
