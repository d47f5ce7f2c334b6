// 目录内委托率: delegations of a service on a whitelist that applies to the agency ("目录之外无委托"):
// an entry published by the delegation's province, city or county, cross-line or of the agency's line —
// the rule of the 目录外委托 model.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const delegationListedRate: IndicatorDefinition = {
  code: 'DELEGATION_LISTED_RATE',
  name: '目录内委托率',
  group: 'mechanism',
  definition:
    '统计期内签订的委托第三方服务中，服务事项在适用于本部门的第三方服务正面清单（本省、市、县发布，跨条线或本条线）内的比例（“目录之外无委托”）。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 80 },
  levels: ['region', 'agency'],
  recordKind: 'delegations',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({
      region: 'd.region_code',
      agency: 'd.agency_id',
      id: 'd.id',
      num: flag(`d.service_code IS NOT NULL AND EXISTS (SELECT 1 FROM service_whitelist w WHERE w.code = d.service_code
        AND w.region_code IN (substr(d.region_code, 1, 2) || '0000', substr(d.region_code, 1, 4) || '00', substr(d.region_code, 1, 6))
        AND (w.line_code IS NULL OR w.line_code = a.line_code))`),
    })}
    FROM delegations d LEFT JOIN agencies a ON a.id = d.agency_id WHERE ${inRegion('d')} AND ${during('d.signed_on')}`,
};
