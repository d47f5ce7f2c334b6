// 小过重罚: a light case fined heavily — first offence, corrected in time, no or minor harm, yet a fine
// in the top tier. "Top" is the 从重处罚 (severe) tier of the baseline that governs the decision day (the
// most local one in force, src/catalog/discretion.ts): a fine at or above that tier's lower bound, or a
// decision stating 从重处罚. Where no baseline with a 从重 tier is in force (before a baseline took effect,
// or an item without one), a fine at or above near_max_pct % of the item's statutory maximum
// (items.fine_max). PEN_OUT_OF_TIER needs a baseline in force and asks whether the fine leaves the
// facts' tier; this asks whether a light case reached the top, with or without a baseline.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { factsText, finedCases, selectedTierCtes, tierLabel } from './sql-fragments.ts';

export const penaltyLightHeavy: ModelDefinition = {
  code: 'PEN_LIGHT_HEAVY',
  name: '小过重罚',
  description:
    '案件记录为初次违法、及时改正且未造成危害后果或危害后果轻微，却按从重处罚罚款：罚款达到决定日施行的裁量基准“从重处罚”档次下限，或决定书载明从重处罚；' +
    '决定日没有施行含从重档次的裁量基准的，罚款达到事项法定最高额的设定比例。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 5,
    note: '《浙江省行政处罚裁量权基准规定》第五条（综合考量危害后果、补救措施等因素）',
  },
  severity: 'high',
  params: [{ name: 'near_max_pct', label: '无裁量基准时接近法定最高额的比例（%）', type: 'number', default: 90, min: 50, max: 100 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案案情为{facts_text}，{decided_on}决定罚款{fine_amount}元（决定书所载裁量档次：{stated_tier_label}），{top_text}，' +
    '可能存在小过重罚、过罚不相当，请核实并说明。',
  groundTruth: { violation: 'light_fined_heavily', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  query: ({ params, where }) => sql`
    WITH ${finedCases(where, sql`c.decided_on IS NOT NULL AND c.first_offence AND c.corrected AND c.harm IN ('none', 'minor')`)}, ${selectedTierCtes()}
    SELECT 'case' AS subject_kind, s.id AS subject_id, s.region_code, s.agency_id, '' AS window_key, s.id AS evidence_ids,
           COALESCE(e.name, s.entity_uscc) AS subject_name, COALESCE(i.name, s.item_code) AS item_name,
           ${factsText('s')} AS facts_text, ${tierLabel('s.stated_tier')} AS stated_tier_label, s.fine_amount,
           CAST(s.decided_on AS VARCHAR) AS decided_on, s.severe_min, i.fine_max AS statutory_max,
           CASE WHEN s.severe_min IS NOT NULL AND s.fine_amount >= s.severe_min
                  THEN '达到裁量基准“从重处罚”档次（' || CAST(CAST(s.severe_min AS BIGINT) AS VARCHAR) || '元至' || CAST(CAST(s.severe_max AS BIGINT) AS VARCHAR) || '元）'
                WHEN s.severe_min IS NULL AND s.fine_amount >= ${num(params.near_max_pct)} * i.fine_max / 100
                  THEN '决定日没有施行的裁量基准从重档次，罚款达到法定最高额' || CAST(CAST(i.fine_max AS BIGINT) AS VARCHAR) || '元的' || CAST(${num(params.near_max_pct)} AS VARCHAR) || '%以上'
                ELSE '决定书载明从重处罚' END AS top_text
    FROM sel s
      LEFT JOIN entities e ON e.uscc = s.entity_uscc
      LEFT JOIN items i ON i.code = s.item_code
    WHERE s.stated_tier = 'severe'
       OR (s.severe_min IS NOT NULL AND s.fine_amount >= s.severe_min)
       OR (s.severe_min IS NULL AND i.fine_max > 0 AND s.fine_amount >= ${num(params.near_max_pct)} * i.fine_max / 100)`,
};
