// 每百户企业检查次数: inspections of the period per hundred enterprises of the region — the seed's
// "检查做减法" (杭州: 现场检查频次同比下降62.83%). Regions only: enterprises belong to no agency.
import { sql } from '../../store/sql.ts';
import { rowColumns, type IndicatorDefinition } from './indicator.ts';

export const inspectionsPerHundred: IndicatorDefinition = {
  code: 'INS_PER_HUNDRED',
  name: '每百户企业检查次数',
  group: 'mechanism',
  definition: '统计期内行政检查次数与辖区经营主体户数之比（次/百户），反映涉企检查负担（“检查做减法”）。按同级比较排名计分，越少越好。',
  unit: '次/百户',
  direction: 'lower',
  scale: 100,
  target: 50,
  weight: 3,
  scoring: { kind: 'rank' },
  levels: ['region'],
  recordKind: 'inspections',
  query: ({ inRegion, during, to }) => sql`
    SELECT ${rowColumns({ region: 't.region_code', agency: 't.agency_id', id: 't.id', num: '1', den: '0' })}
    FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')}
    UNION ALL
    SELECT ${rowColumns({ region: 'e.region_code', agency: 'CAST(NULL AS VARCHAR)', id: 'e.uscc', num: '0', den: '1' })}
    FROM entities e WHERE ${inRegion('e')} AND (e.registered_on IS NULL OR e.registered_on <= CAST(${to} AS DATE))`,
};
