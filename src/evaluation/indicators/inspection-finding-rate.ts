// 检查问题发现率: inspections that found something (issues or a case filed): a measure of targeting —
// inspections where nothing is found are a burden on the enterprise and a cost to the agency.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const inspectionFindingRate: IndicatorDefinition = {
  code: 'INS_FINDING_RATE',
  name: '检查问题发现率',
  group: 'effectiveness',
  definition: '统计期内发现问题（责令整改或立案查处）的行政检查占全部检查的比例，反映检查的精准程度。按同级比较排名计分。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 30,
  weight: 2,
  scoring: { kind: 'rank' },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', officer: 't.lead_officer_id', id: 't.id', num: flag("t.result <> 'compliant'") })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}`,
};
