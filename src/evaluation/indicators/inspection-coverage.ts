// 检查覆盖率: enterprises of the region inspected at least once in the period, of those registered by
// its end. Read beside 每百户企业检查次数: coverage without repetition is the aim of 双随机 inspections.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const inspectionCoverage: IndicatorDefinition = {
  code: 'INS_COVERAGE',
  name: '检查覆盖率',
  group: 'effectiveness',
  definition: '统计期末已登记的辖区经营主体中，统计期内至少接受过一次行政检查的主体所占比例。按同级比较排名计分。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 30,
  weight: 2,
  scoring: { kind: 'rank' },
  levels: ['region'],
  recordKind: 'entities',
  query: ({ inRegion, during, to }) => sql`
    WITH seen AS (SELECT DISTINCT t.entity_uscc FROM inspections t WHERE ${inRegion('t')} AND ${during('t.inspected_on')})
    SELECT ${rowColumns({ region: 'e.region_code', agency: 'CAST(NULL AS VARCHAR)', id: 'e.uscc', num: flag('s.entity_uscc IS NOT NULL') })}
    FROM entities e LEFT JOIN seen s ON s.entity_uscc = e.uscc
    WHERE ${inRegion('e')} AND (e.registered_on IS NULL OR e.registered_on <= CAST(${to} AS DATE))`,
};
