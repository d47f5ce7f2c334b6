// 超出法定幅度: a fine above the statutory maximum of its item, or below the statutory minimum although
// the decision states neither a mitigated (减轻, 第三十二条) nor an exempt tier — changing the range of a
// penalty without authority (行政处罚法 第七十六条 第一款 第二项: 擅自改变行政处罚种类、幅度).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { tierLabel } from './sql-fragments.ts';

export const penaltyAboveStatutory: ModelDefinition = {
  code: 'PEN_ABOVE_STATUTORY',
  name: '超出法定罚款幅度',
  description: '罚款高于事项法定最高罚款数额，或决定书未载明减轻处罚、不予处罚而罚款低于法定最低数额。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 76 },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{fine_amount}元，{direction}法定罚款幅度（{fine_min}元至{fine_max}元；决定书所载裁量档次：{stated_tier_label}），可能擅自改变罚款幅度，请核实并说明。',
  realtime: { kind: 'cases', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities'] },
  query: ({ where }) => sql`
    SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
           COALESCE(e.name, c.entity_uscc) AS subject_name, i.name AS item_name, c.fine_amount, i.fine_min, i.fine_max,
           CASE WHEN c.fine_amount > i.fine_max THEN '高于' ELSE '低于' END AS direction, ${tierLabel('c.tier')} AS stated_tier_label
    FROM cases c JOIN items i ON i.code = c.item_code LEFT JOIN entities e ON e.uscc = c.entity_uscc
    WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0
      AND (c.fine_amount > i.fine_max OR (c.fine_amount < i.fine_min AND COALESCE(c.tier, '') NOT IN ('mitigated', 'exempt')))`,
};
