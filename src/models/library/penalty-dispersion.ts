// 同案不同罚: one agency's fines for cases with the same item and the same facts (first offence,
// corrected in time, harm: hence the same tier) within one calendar year spread far apart. Spread is
// the robust coefficient of variation 1.4826 · MAD / median; a hit also needs max/min above a ratio,
// so that tight ranges of small fines are left alone.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { factsText } from './sql-fragments.ts';

export const penaltyDispersion: ModelDefinition = {
  code: 'PEN_DISPERSION',
  name: '同类案情罚款差距悬殊',
  description:
    '同一执法部门在一个自然年度内，对同一事项、案情相同（初次违法、及时改正、危害后果均相同）的案件，罚款相差的一般幅度与中位数之比超过设定值，且最高罚款为最低罚款的设定倍数以上。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 5, note: '《浙江省行政处罚裁量权基准规定》第四条（公平合理、过罚相当）' },
  severity: 'medium',
  params: [
    { name: 'min_cases', label: '同类案件最少数量', type: 'integer', default: 5, min: 3, max: 1000 },
    { name: 'max_cv', label: '一般相差幅度与中位数之比阈值', type: 'number', default: 1, min: 0.1, max: 10 },
    { name: 'max_ratio', label: '最高与最低罚款之比阈值', type: 'number', default: 5, min: 1.5, max: 1000 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{subject_name}{year}年对“{item_name}”案情相同（{facts_text}）的{case_count}件案件，罚款从{min_fine}元到{max_fine}元不等（中位数{median_fine}元），' +
    '最高为最低的{ratio}倍（阈值{max_ratio}倍），可能存在同案不同罚，请核实并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH f AS (
      SELECT c.id, c.agency_id, c.item_code, c.first_offence, c.corrected, c.harm, c.fine_amount, c.decided_on,
             CAST(CAST(EXTRACT(YEAR FROM c.decided_on) AS INTEGER) AS VARCHAR) AS y
      FROM cases c
      WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND c.decided_on IS NOT NULL
    ), g AS (
      SELECT agency_id, item_code, first_offence, corrected, harm, y, count(*) AS case_count, min(fine_amount) AS min_fine,
             max(fine_amount) AS max_fine, ${raw(dialect.median('fine_amount'))} AS median_fine
      FROM f GROUP BY agency_id, item_code, first_offence, corrected, harm, y
      HAVING count(*) >= ${num(params.min_cases)} AND max(fine_amount) >= ${num(params.max_ratio)} * min(fine_amount)
    ), d AS (
      SELECT g.agency_id, g.item_code, g.first_offence, g.corrected, g.harm, g.y, g.case_count, g.min_fine, g.max_fine, g.median_fine,
             ${raw(dialect.median('abs(f.fine_amount - g.median_fine)'))} AS mad,
             ${raw(dialect.stringAgg('f.id', ',', ['f.decided_on', 'f.id']))} AS evidence_ids
      FROM g JOIN f ON f.agency_id = g.agency_id AND f.item_code = g.item_code AND f.first_offence = g.first_offence
        AND f.corrected = g.corrected AND f.harm = g.harm AND f.y = g.y
      GROUP BY g.agency_id, g.item_code, g.first_offence, g.corrected, g.harm, g.y, g.case_count, g.min_fine, g.max_fine, g.median_fine
    )
    SELECT 'agency' AS subject_kind, d.agency_id AS subject_id, a.region_code, d.agency_id,
           d.y || '|' || d.item_code || '|' || CASE WHEN d.first_offence THEN '1' ELSE '0' END || CASE WHEN d.corrected THEN '1' ELSE '0' END || d.harm AS window_key,
           d.y AS year, d.evidence_ids, COALESCE(a.name, d.agency_id) AS subject_name, COALESCE(i.name, d.item_code) AS item_name,
           ${factsText('d')} AS facts_text, CAST(d.case_count AS INTEGER) AS case_count, d.min_fine, d.max_fine,
           CAST(d.median_fine AS FLOAT8) AS median_fine,
           CAST(round(CAST(1.4826 * d.mad / d.median_fine AS NUMERIC), 2) AS FLOAT8) AS robust_cv,
           CAST(round(CAST(d.max_fine / d.min_fine AS NUMERIC), 1) AS FLOAT8) AS ratio
    FROM d JOIN agencies a ON a.id = d.agency_id LEFT JOIN items i ON i.code = d.item_code
    WHERE 1.4826 * d.mad >= ${num(params.max_cv)} * d.median_fine`,
};
