// 碰撞分析 — the outcome of a case: the enterprise says it was fined where the decision on record is a
// warning or no penalty, or names a fine far from the one decided. Either the record or the money
// the enterprise paid is not what the law decided (罚缴分离: 行政处罚法 第六十七条).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { maskTextSql } from './sql-fragments.ts';

export const followupFineMismatch: ModelDefinition = {
  code: 'FUP_FINE_MISMATCH',
  name: '回访处罚结果与记录不符',
  description: '企业在回访中称被罚款，而处罚决定记录为警告或不予处罚；或所说罚款金额与决定金额相差较大。',
  category: 'followup',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 67 },
  severity: 'high',
  params: [{ name: 'tolerance', label: '金额相差比例下限', type: 'number', default: 0.3, min: 0.01, max: 10 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，企业在回访中称“{sentence}”，而{agency_name}的处罚决定记录为“{decision_label}”{record_fine}，与企业所述不符（回访答复{answer_id}），可能存在记录与实际处罚不一致，请核实并说明。',
  groundTruth: { violation: 'followup_fine_mismatch', recordKind: 'followup_task' },
  realtime: { kind: 'followup_answers', subjectColumn: 'id' },
  query: ({ params, where }) => sql`
    WITH f AS (
      SELECT f.answer_id, f.task_id, f.sentence, f.value, a.answered_at
      FROM followup_findings f JOIN followup_answers a ON a.id = f.answer_id
      WHERE ${where('a')} AND f.code = 'fined'
    ), h AS (
      SELECT f.*, c.id AS case_id, c.decision, c.fine_amount, c.agency_id,
        ROW_NUMBER() OVER (PARTITION BY f.task_id ORDER BY f.answered_at, f.answer_id) AS rn
      FROM f JOIN followup_tasks t ON t.id = f.task_id JOIN cases c ON t.subject_kind = 'case' AND c.id = t.subject_id
      WHERE c.decision IN ('warning', 'no_penalty')
         OR (c.decision = 'fine' AND f.value IS NOT NULL AND c.fine_amount > 0
             AND (f.value - c.fine_amount > ${num(params.tolerance)} * c.fine_amount OR c.fine_amount - f.value > ${num(params.tolerance)} * c.fine_amount))
    )
    SELECT 'followup_task' AS subject_kind, t.id AS subject_id, t.region_code, h.agency_id, '' AS window_key, h.case_id AS evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, h.answer_id, ${maskTextSql('h.sentence')} AS sentence, COALESCE(ag.name, h.agency_id) AS agency_name,
           CASE h.decision WHEN 'warning' THEN '警告' WHEN 'no_penalty' THEN '不予处罚' ELSE '罚款' END AS decision_label,
           CASE WHEN h.decision = 'fine' THEN '，罚款' || CAST(CAST(h.fine_amount AS INTEGER) AS VARCHAR) || '元' ELSE '' END AS record_fine
    FROM h JOIN followup_tasks t ON t.id = h.task_id LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies ag ON ag.id = h.agency_id
    WHERE h.rn = 1`,
};
