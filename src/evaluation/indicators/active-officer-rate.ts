// 执法人员履职率: officers who led an inspection or a case, or made a service visit, in the period —
// certificates held by people who never enforce are the 挂证 the team indicators look for.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const activeOfficerRate: IndicatorDefinition = {
  code: 'ACTIVE_OFFICER_RATE',
  name: '执法人员履职率',
  group: 'team',
  definition: '执法人员中，统计期内主办过至少一次行政检查或处罚案件、或开展过服务走访的人员所占比例。按同级比较排名计分。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 90,
  weight: 2,
  scoring: { kind: 'rank' },
  levels: ['region', 'agency'],
  recordKind: 'officers',
  query: ({ inRegion, during }) => sql`
    WITH active AS (
      SELECT t.lead_officer_id AS officer_id FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}
      UNION SELECT c.lead_officer_id FROM cases c WHERE ${inRegion('c')} AND ${during('c.filed_on')}
      UNION SELECT v.officer_id FROM service_visits v WHERE ${inRegion('v')} AND ${during('v.visited_on')} AND v.officer_id IS NOT NULL
    )
    SELECT ${rowColumns({ region: 'o.region_code', agency: 'o.agency_id', id: 'o.id', num: flag('x.officer_id IS NOT NULL') })}
    FROM officers o LEFT JOIN active x ON x.officer_id = o.id WHERE ${inRegion('o')}`,
};
