// 服务走访占比: service visits among all visits to enterprises (inspections + service visits) — the
// seed's "检查做减法、服务做加法".
import { sql } from '../../store/sql.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const serviceVisitShare: IndicatorDefinition = {
  code: 'SERVICE_VISIT_SHARE',
  name: '服务走访占比',
  group: 'mechanism',
  definition:
    '统计期内服务走访（政策宣讲、合规指导等）次数占涉企行政检查与服务走访总次数的比例（“检查做减法、服务做加法”）。按同级比较排名计分。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 30,
  weight: 2,
  scoring: { kind: 'rank' },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'service_visits',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 'v.region_code', agency: 'v.agency_id', officer: 'v.officer_id', id: 'v.id', num: '1' })}
    FROM service_visits v WHERE ${inRegion('v')} AND ${during('v.visited_on')}
    UNION ALL
    SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', officer: 't.lead_officer_id', id: 't.id', num: '0' })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}`,
};
