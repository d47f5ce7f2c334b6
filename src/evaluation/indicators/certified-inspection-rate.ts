// 持证检查率: inspections whose lead officer held a certificate valid on the day (status valid and
// issued_on ≤ day ≤ expires_on, as the 无证执法 model reads it; 行政处罚法 第四十二条).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const certifiedInspectionRate: IndicatorDefinition = {
  code: 'INS_CERTIFIED_RATE',
  name: '持证检查率',
  group: 'conduct',
  definition: '统计期内主办执法人员在检查当日持有有效行政执法证件的检查占全部检查的比例（证件状态有效，且检查日在发证日与有效期之间）。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 95 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 't.region_code',
      agency: 't.agency_id',
      officer: 't.lead_officer_id',
      id: 't.id',
      num: flag(`EXISTS (SELECT 1 FROM certificates k WHERE k.officer_id = t.lead_officer_id AND k.status = 'valid'
        AND k.issued_on <= t.inspected_on AND k.expires_on >= t.inspected_on)`),
    })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}`,
};
