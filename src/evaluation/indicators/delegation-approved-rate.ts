// 委托事项报批率: delegations to third parties approved before signing (the seed: 慈溪市 报批率达到100%).
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const delegationApprovedRate: IndicatorDefinition = {
  code: 'DELEGATION_APPROVED_RATE',
  name: '委托第三方报批率',
  group: 'mechanism',
  definition: '统计期内签订的行政执法委托第三方服务中，按规定报批的比例。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 3,
  scoring: { kind: 'linear', zeroAt: 80 },
  levels: ['region', 'agency'],
  recordKind: 'delegations',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 'd.region_code', agency: 'd.agency_id', id: 'd.id', num: flag('d.approved') })}
    FROM delegations d WHERE ${inRegion('d')} AND ${during('d.signed_on')}`,
};
