// 超频次检查率: inspections beyond the published yearly limit of their inspection item for that
// enterprise (涉企行政检查事项清单's 频次上限): the (max_per_year + 1)-th and later of a calendar year.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const overFrequencyRate: IndicatorDefinition = {
  code: 'INS_OVER_FREQUENCY_RATE',
  name: '超频次检查率',
  group: 'conduct',
  definition: '统计期内的行政检查中，同一企业同一检查事项在当年已达到清单公布的年度频次上限后仍进行的检查所占比例。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 2 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'inspections',
  query: ({ inRegion, during, from, to }) => sql`
    WITH ins AS (
      SELECT t.id, t.region_code, t.agency_id, t.lead_officer_id, t.inspected_on, t.inspection_item_code,
             row_number() OVER (PARTITION BY t.entity_uscc, t.inspection_item_code, substr(CAST(t.inspected_on AS VARCHAR), 1, 4)
                                ORDER BY t.inspected_on, t.id) AS nth
      FROM inspections t
      WHERE ${inRegion('t')} AND t.inspected_on BETWEEN CAST(${from.slice(0, 4) + '-01-01'} AS DATE) AND CAST(${to} AS DATE)
    )
    SELECT ${rowColumns({ region: 'i.region_code', agency: 'i.agency_id', officer: 'i.lead_officer_id', id: 'i.id', num: flag('i.nth > ii.max_per_year') })}
    FROM ins i LEFT JOIN inspection_items ii ON ii.code = i.inspection_item_code WHERE ${during('i.inspected_on')}`,
};
