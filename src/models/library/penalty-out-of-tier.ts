// 过罚不当: a fine outside the range of the baseline tier that the case's facts select (first offence,
// corrected in time, harm, and whether the item is on the exemption list). The range is the tier's in
// the baseline that governs the decision day: the most local one in force (a city's refinement replaces
// the province's baseline, src/catalog/discretion.ts). The exempt tier allows no fine at all, whatever
// the date.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { factsText, finedCases, selectedTierCtes, tierLabel } from './sql-fragments.ts';

export const penaltyOutOfTier: ModelDefinition = {
  code: 'PEN_OUT_OF_TIER',
  name: '罚款超出裁量档次',
  description: '罚款数额不在案件事实（初次违法、及时改正、危害后果、是否列入轻微违法不予处罚清单）所对应的裁量基准档次幅度内，即过罚不当。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 5, note: '《浙江省行政处罚裁量权基准规定》第五条' },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案案情为{facts_text}，按裁量基准对应“{facts_tier_label}”档次' +
    '（罚款{tier_min}元至{tier_max}元），实际罚款{fine_amount}元（决定书所载裁量档次：{stated_tier_label}），不在该档次幅度内，可能存在过罚不相当，请核实并说明。',
  groundTruth: { violation: 'fine_outside_tier', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ where }) => sql`
    WITH ${finedCases(where, sql`c.decided_on IS NOT NULL`)}, ${selectedTierCtes()}
    SELECT 'case' AS subject_kind, s.id AS subject_id, s.region_code, s.agency_id, '' AS window_key, s.id AS evidence_ids,
           COALESCE(e.name, s.entity_uscc) AS subject_name, COALESCE(i.name, s.item_code) AS item_name,
           ${factsText('s')} AS facts_text, ${tierLabel('s.facts_tier')} AS facts_tier_label, ${tierLabel('s.stated_tier')} AS stated_tier_label,
           s.facts_tier, COALESCE(s.tier_min, 0) AS tier_min, COALESCE(s.tier_max, 0) AS tier_max, s.fine_amount,
           CAST(s.decided_on AS VARCHAR) AS decided_on
    FROM sel s
      LEFT JOIN entities e ON e.uscc = s.entity_uscc
      LEFT JOIN items i ON i.code = s.item_code
    WHERE s.facts_tier = 'exempt' OR s.fine_amount < s.tier_min OR s.fine_amount > s.tier_max`,
};
