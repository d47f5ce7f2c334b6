// 碰撞分析 — how often: the enterprise says in its follow-up that it was inspected N times in a period
// (这个月来了五次), the inspection log holds far fewer visits of it then (a joint inspection counts once).
// Inspections that happen but are not logged escape the frequency limits and the 亮码 record.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { maskTextSql } from './sql-fragments.ts';

export const followupVisitCount: ModelDefinition = {
  code: 'FUP_VISIT_COUNT',
  name: '回访检查次数与记录不符',
  description: '企业在回访中所说的被检查次数明显多于同期检查记录（联合检查计为一次），可能存在未登记、未亮码的检查。',
  category: 'followup',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 58 },
  severity: 'high',
  params: [
    { name: 'min_claimed', label: '企业所说次数下限', type: 'integer', default: 3, min: 1, max: 100 },
    { name: 'min_gap', label: '比记录多出的次数下限', type: 'integer', default: 2, min: 1, max: 100 },
  ],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，企业在回访中称“{sentence}”（{period_from}至{period_to}被检查{claimed}次），而检查记录中该企业同期仅有{recorded}次检查，少{gap}次（回访答复{answer_id}），可能存在未登记的检查，请核实并说明。',
  groundTruth: { violation: 'followup_visit_count', recordKind: 'followup_task' },
  realtime: { kind: 'followup_answers', subjectColumn: 'id' },
  query: ({ params, where, dialect }) => sql`
    WITH f AS (
      SELECT f.answer_id, f.task_id, CAST(f.value AS INTEGER) AS claimed, f.period_from, f.period_to, f.sentence, a.answered_at
      FROM followup_findings f JOIN followup_answers a ON a.id = f.answer_id
      WHERE ${where('a')} AND f.code = 'visit_count' AND f.value >= ${num(params.min_claimed)}
    ), g AS (
      SELECT f.answer_id, f.task_id, f.claimed, f.period_from, f.period_to, f.sentence, f.answered_at,
        count(DISTINCT COALESCE(i.joint_id, i.id)) AS recorded,
        COALESCE(${raw(dialect.stringAgg('i.id', ',', ['i.inspected_on', 'i.id']))}, '') AS evidence_ids
      FROM f JOIN followup_tasks t ON t.id = f.task_id
        LEFT JOIN inspections i ON i.entity_uscc = t.entity_uscc AND i.inspected_on >= f.period_from AND i.inspected_on <= f.period_to
      GROUP BY f.answer_id, f.task_id, f.claimed, f.period_from, f.period_to, f.sentence, f.answered_at
    ), h AS (
      SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g.task_id ORDER BY g.claimed - g.recorded DESC, g.answered_at, g.answer_id) AS rn
      FROM g WHERE g.claimed - g.recorded >= ${num(params.min_gap)}
    )
    SELECT 'followup_task' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, h.evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, h.answer_id, ${maskTextSql('h.sentence')} AS sentence, CAST(h.period_from AS VARCHAR) AS period_from,
           CAST(h.period_to AS VARCHAR) AS period_to, h.claimed, CAST(h.recorded AS INTEGER) AS recorded, CAST(h.claimed - h.recorded AS INTEGER) AS gap
    FROM h JOIN followup_tasks t ON t.id = h.task_id LEFT JOIN entities e ON e.uscc = t.entity_uscc
    WHERE h.rn = 1`,
};
