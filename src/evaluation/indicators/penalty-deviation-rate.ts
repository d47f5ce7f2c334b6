// 裁量偏离率: fines outside the range of the baseline tier the case's facts select, by the rule the
// 过罚不当 model applies (src/models/library/sql-fragments.ts: province baseline and the city's "1+8"
// refinement in force on the decision day; 行政处罚法 第五条, 浙江省行政处罚裁量权基准规定).
import { sql } from '../../store/sql.ts';
import { finedCases, selectedTierCtes } from '../../models/library/sql-fragments.ts';
import { flag, rowColumns, type IndicatorDefinition } from './indicator.ts';

export const penaltyDeviationRate: IndicatorDefinition = {
  code: 'PENALTY_DEVIATION_RATE',
  name: '裁量偏离率',
  group: 'conduct',
  definition:
    '统计期内作出罚款决定的案件中，罚款数额不在案件事实（初次违法、及时改正、危害后果、是否列入不予处罚清单）所对应裁量基准档次幅度内的案件所占比例。基准为省级基准及所在市细化基准中决定之日有效的版本。',
  unit: '%',
  direction: 'lower',
  scale: 100,
  target: 0,
  weight: 5,
  scoring: { kind: 'linear', zeroAt: 5 },
  levels: ['region', 'agency', 'officer'],
  recordKind: 'cases',
  query: ({ inRegion, during }) => sql`
    WITH ${finedCases((a) => sql`${inRegion(a)} AND ${during(`${a}.decided_on`)}`, sql`c.decided_on IS NOT NULL`)}, ${selectedTierCtes()}
    SELECT ${rowColumns({
      region: 's.region_code',
      agency: 's.agency_id',
      officer: 'c.lead_officer_id',
      id: 's.id',
      num: flag("s.facts_tier = 'exempt' OR s.fine_amount < s.tier_min OR s.fine_amount > s.tier_max"),
    })}
    FROM sel s JOIN cases c ON c.id = s.id`,
};
