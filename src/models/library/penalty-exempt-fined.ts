// 应免未免: a fine although the no-penalty list applies — the item is on the exemption list of the
// case's province, city or county, and the offence is a first one, corrected in time, without harm
// (行政处罚法 第三十三条, 首违不罚). The list applies whenever the case was decided.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { factsText, finedCases, tierLabel } from './sql-fragments.ts';

export const penaltyExemptFined: ModelDefinition = {
  code: 'PEN_EXEMPT_FINED',
  name: '首违不罚清单事项被罚款',
  description: '事项列入案件所在省、市或县的轻微违法不予处罚清单，案件记录为初次违法、及时改正且未造成危害后果，却作出了罚款决定。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 33 },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案案情为{facts_text}，该事项列入{list_regions}轻微违法不予处罚清单，' +
    '但{decided_on}作出罚款{fine_amount}元的决定（决定书所载裁量档次：{stated_tier_label}），可能未适用首违不罚，请核实并说明。',
  groundTruth: { violation: 'fined_despite_exemption', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  // One case against the exemption lists (read in a condition: a change there runs it fully).
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'items', 'regions'] },
  query: ({ where }) => sql`
    WITH ${finedCases(where, sql`c.first_offence AND c.corrected AND c.harm = 'none'`)}, lists AS (
      SELECT k.id AS case_id, string_agg(DISTINCT COALESCE(g.name, x.region_code), '、' ORDER BY COALESCE(g.name, x.region_code)) AS list_regions
      FROM k JOIN exemptions x ON x.item_code = k.item_code AND x.region_code IN (k.province_code, k.city_code, k.county_code)
        LEFT JOIN regions g ON g.code = x.region_code
      GROUP BY k.id
    )
    SELECT 'case' AS subject_kind, k.id AS subject_id, k.region_code, k.agency_id, '' AS window_key, k.id AS evidence_ids,
           COALESCE(e.name, k.entity_uscc) AS subject_name, COALESCE(i.name, k.item_code) AS item_name,
           ${factsText('k')} AS facts_text, l.list_regions, ${tierLabel('k.stated_tier')} AS stated_tier_label,
           k.fine_amount, CAST(k.decided_on AS VARCHAR) AS decided_on
    FROM k JOIN lists l ON l.case_id = k.id
      LEFT JOIN entities e ON e.uscc = k.entity_uscc
      LEFT JOIN items i ON i.code = k.item_code`,
};
