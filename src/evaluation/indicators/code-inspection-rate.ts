// 亮码检查率: inspections registered through the enterprise code (一码集成, the seed: 苍南县's "一码集成"
// 入企服务) among all inspections of the period. A check without the code is a check the enterprise cannot rate.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const codeInspectionRate: IndicatorDefinition = {
  code: 'INS_CODE_RATE',
  name: '亮码检查率',
  group: 'conduct',
  definition: '统计期内通过企业码（亮码）登记的行政检查次数占全部行政检查次数的比例。未亮码的检查，企业无从评价和监督。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 98,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 80 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', officer: 't.lead_officer_id', id: 't.id', num: flag('t.via_code') })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}`,
};
