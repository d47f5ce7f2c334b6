// 碰撞分析 — nobody came: the enterprise says in its follow-up that nobody came, though an inspection
// of it (or a service visit) is recorded on that day. The record may not be true (补录、虚构).
import { sql } from '../../store/sql.ts';
import { maskTextSql } from './sql-fragments.ts';
import type { ModelDefinition } from '../model.ts';

export const followupNobodyCame: ModelDefinition = {
  code: 'FUP_NOBODY_CAME',
  name: '回访称无人到场',
  description: '检查或上门服务有记录，企业在回访中却表示无人到场，记录可能不真实（补录、代签或虚构）。',
  category: 'followup',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 58 },
  severity: 'high',
  params: [],
  evidenceKind: 'followup_answers',
  explanation:
    '数据显示，{agency_name}于{on_day}对该企业开展{record_label}（{record_id}），企业在回访中却称“{sentence}”（回访答复{answer_id}），记录可能不真实，请核实并说明。',
  groundTruth: { violation: 'followup_nobody_came', recordKind: 'followup_task' },
  realtime: { kind: 'followup_answers', subjectColumn: 'id' },
  query: ({ where }) => sql`
    WITH f AS (
      SELECT f.answer_id, f.task_id, f.sentence, ROW_NUMBER() OVER (PARTITION BY f.task_id ORDER BY a.answered_at, f.answer_id) AS rn
      FROM followup_findings f JOIN followup_answers a ON a.id = f.answer_id
      WHERE ${where('a')} AND f.code = 'nobody_came'
    ), r AS (
      SELECT 'inspection' AS kind, id, inspected_on AS on_day, agency_id, '检查' AS label FROM inspections
      WHERE id IN (SELECT t.subject_id FROM f JOIN followup_tasks t ON t.id = f.task_id WHERE t.subject_kind = 'inspection')
      UNION ALL
      SELECT 'service_visit', id, visited_on, agency_id, '上门服务' FROM service_visits
      WHERE id IN (SELECT t.subject_id FROM f JOIN followup_tasks t ON t.id = f.task_id WHERE t.subject_kind = 'service_visit')
    )
    SELECT 'followup_task' AS subject_kind, t.id AS subject_id, t.region_code, r.agency_id, '' AS window_key, f.answer_id AS evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, f.answer_id, ${maskTextSql('f.sentence')} AS sentence, r.id AS record_id, r.label AS record_label,
           CAST(r.on_day AS VARCHAR) AS on_day, COALESCE(ag.name, r.agency_id) AS agency_name
    FROM f JOIN followup_tasks t ON t.id = f.task_id JOIN r ON r.kind = t.subject_kind AND r.id = t.subject_id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies ag ON ag.id = r.agency_id
    WHERE f.rn = 1`,
};
