// 选择性执法: one agency, one item, one calendar year, cases with the same facts (first offence,
// corrected in time, harm: hence the same baseline tier) — some let off with a warning or no penalty,
// others fined at the top: at or above top_pct % of the item's statutory maximum (items.fine_max). A hit
// needs min_each cases or more on each side. PEN_DISPERSION compares fines among fined cases only;
// this sets the cases let off beside the ones fined hardest.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { factsText } from './sql-fragments.ts';

export const penaltySelective: ModelDefinition = {
  code: 'PEN_SELECTIVE',
  name: '同案不同罚（选择性执法）',
  description:
    '同一执法部门在一个自然年度内，对同一事项、案情相同（初次违法、及时改正、危害后果均相同）的案件，警告或不予处罚的与罚款达到法定最高额设定比例的各不少于设定件数。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 5, note: '《浙江省行政处罚裁量权基准规定》第四条（公平合理、过罚相当）' },
  severity: 'high',
  params: [
    { name: 'min_each', label: '从宽与顶格案件各自最少件数', type: 'integer', default: 2, min: 1, max: 100 },
    { name: 'top_pct', label: '顶格罚款：达到法定最高额的比例（%）', type: 'number', default: 90, min: 50, max: 100 },
  ],
  evidenceKind: 'cases',
  groundTruth: { violation: 'selective_enforcement', recordKind: 'agency' },
  explanation:
    '数据显示，{subject_name}{year}年对“{item_name}”案情相同（{facts_text}）的案件中，{lenient_count}件给予警告或不予处罚，' +
    '{top_count}件罚款达到法定最高额{statutory_max}元的{top_pct}%以上（最高{max_fine}元），可能存在选择性执法，请核实并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH f AS (
      SELECT c.id, c.agency_id, c.item_code, c.first_offence, c.corrected, c.harm, c.decided_on, c.fine_amount, i.fine_max,
             CAST(CAST(EXTRACT(YEAR FROM c.decided_on) AS INTEGER) AS VARCHAR) AS y,
             CASE WHEN c.decision IN ('warning', 'no_penalty') THEN 1 ELSE 0 END AS let_off,
             CASE WHEN c.decision = 'fine' AND c.fine_amount >= ${num(params.top_pct)} * i.fine_max / 100 THEN 1 ELSE 0 END AS at_top
      FROM cases c JOIN items i ON i.code = c.item_code
      WHERE ${where('c')} AND c.decided_on IS NOT NULL AND i.fine_max > 0
    ), g AS (
      SELECT agency_id, item_code, first_offence, corrected, harm, y, sum(let_off) AS lenient_count, sum(at_top) AS top_count,
             max(fine_max) AS statutory_max, max(CASE WHEN at_top = 1 THEN fine_amount END) AS max_fine,
             ${raw(dialect.stringAgg('CASE WHEN let_off = 1 OR at_top = 1 THEN id END', ',', ['decided_on', 'id']))} AS evidence_ids
      FROM f GROUP BY agency_id, item_code, first_offence, corrected, harm, y
      HAVING sum(let_off) >= ${num(params.min_each)} AND sum(at_top) >= ${num(params.min_each)}
    )
    SELECT 'agency' AS subject_kind, g.agency_id AS subject_id, a.region_code, g.agency_id,
           g.y || '|' || g.item_code || '|' || CASE WHEN g.first_offence THEN '1' ELSE '0' END || CASE WHEN g.corrected THEN '1' ELSE '0' END || g.harm AS window_key,
           g.y AS year, g.evidence_ids, COALESCE(a.name, g.agency_id) AS subject_name, COALESCE(i.name, g.item_code) AS item_name,
           ${factsText('g')} AS facts_text, CAST(g.lenient_count AS INTEGER) AS lenient_count, CAST(g.top_count AS INTEGER) AS top_count,
           g.statutory_max, g.max_fine
    FROM g JOIN agencies a ON a.id = g.agency_id LEFT JOIN items i ON i.code = g.item_code`,
};
