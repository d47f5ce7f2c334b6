// 首违不罚适用率: of the cases the no-penalty list covers — the item listed by the case's province,
// city or county, a first offence corrected in time without harm (行政处罚法 第三十三条) — the share
// decided without a penalty.
import { sql } from '../../store/sql.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const exemptionAppliedRate: IndicatorDefinition = {
  code: 'EXEMPTION_APPLIED_RATE',
  name: '首违不罚适用率',
  group: 'conduct',
  definition:
    '统计期内作出决定、符合轻微违法不予处罚清单条件（事项列入本省、市或县清单，初次违法、及时改正、未造成危害后果）的案件中，依法作出不予处罚决定的案件所占比例（《行政处罚法》第三十三条）。',
  unit: '%',
  direction: 'higher',
  scale: 100,
  target: 100,
  weight: 4,
  scoring: { kind: 'linear', zeroAt: 80 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'cases',
  query: ({ inRegion, during }) => sql`
    SELECT ${rowColumns({ region: 'c.region_code', agency: 'c.agency_id', officer: 'c.lead_officer_id', id: 'c.id', num: flag("c.decision = 'no_penalty'") })}
    FROM cases c
    WHERE ${inRegion('c')} AND c.decided_on IS NOT NULL AND ${during('c.decided_on')}
      AND c.first_offence AND c.corrected AND c.harm = 'none'
      AND EXISTS (SELECT 1 FROM exemptions x WHERE x.item_code = c.item_code
        AND x.region_code IN (substr(c.region_code, 1, 2) || '0000', substr(c.region_code, 1, 4) || '00', substr(c.region_code, 1, 6)))`,
};
