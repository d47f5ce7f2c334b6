// 突出问题交办: a serious complaint heard in a follow-up — 吃拿卡要, 态度粗暴, 未出示证件, 未告知权利,
// 程序不规范 — is a clue of its own, citing the sentence that shows it. (重复检查, 罚款过重 and 服务是假
// 的检查 are judged against the records by the models that own them.)
import { sql, raw } from '../../store/sql.ts';
import { maskTextSql } from './sql-fragments.ts';
import type { ModelDefinition } from '../model.ts';

const LABELS: [string, string][] = [
  ['bribery', '吃拿卡要'],
  ['rude', '态度粗暴'],
  ['no_id', '未出示证件'],
  ['rights', '未告知权利'],
  ['procedure', '程序不规范'],
];
const label = `CASE f.code ${LABELS.map(([c, l]) => `WHEN '${c}' THEN '${l}'`).join(' ')} ELSE f.code END`;

export const followupComplaint: ModelDefinition = {
  code: 'FUP_COMPLAINT',
  name: '回访反映突出问题',
  description: '企业在回访中反映吃拿卡要、态度粗暴、未出示证件、未告知权利或程序不规范等突出问题，按“突出问题交办”办理。',
  category: 'followup',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 75 },
  severity: 'high',
  params: [],
  evidenceKind: 'followup_answers',
  explanation:
    '数据显示，{subject_name}在回访中反映{agency_name}{record_label}（{on_day}）存在{categories}问题：“{sentence}”（回访答复{answer_ids}），请核实并说明。',
  groundTruth: { violation: 'followup_complaint', recordKind: 'followup_task' },
  realtime: { kind: 'followup_answers', subjectColumn: 'id' },
  query: ({ where, dialect }) => sql`
    WITH f AS (
      SELECT f.answer_id, f.task_id, f.code, ${raw(label)} AS label, f.sentence, a.answered_at,
        ROW_NUMBER() OVER (PARTITION BY f.task_id ORDER BY a.answered_at, f.answer_id, f.code) AS rn
      FROM followup_findings f JOIN followup_answers a ON a.id = f.answer_id
      WHERE ${where('a')} AND f.kind = 'complaint' AND f.serious = TRUE
    ), g AS (
      SELECT task_id, ${raw(dialect.stringAgg('label', '、', ['label']))} AS categories FROM (SELECT DISTINCT task_id, label FROM f) x GROUP BY task_id
    ), ans AS (
      SELECT task_id, ${raw(dialect.stringAgg('answer_id', ',', ['answer_id']))} AS answer_ids FROM (SELECT DISTINCT task_id, answer_id FROM f) y GROUP BY task_id
    ), r AS (
      SELECT 'case' AS kind, id, decided_on AS on_day, '行政处罚案件' AS label FROM cases WHERE id IN (SELECT t.subject_id FROM f JOIN followup_tasks t ON t.id = f.task_id)
      UNION ALL SELECT 'inspection', id, inspected_on, '检查' FROM inspections WHERE id IN (SELECT t.subject_id FROM f JOIN followup_tasks t ON t.id = f.task_id)
      UNION ALL SELECT 'service_visit', id, visited_on, '上门服务' FROM service_visits WHERE id IN (SELECT t.subject_id FROM f JOIN followup_tasks t ON t.id = f.task_id)
    )
    SELECT 'followup_task' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, ans.answer_ids AS evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, COALESCE(ag.name, t.agency_id, '执法部门') AS agency_name,
           COALESCE(r.label, '执法') AS record_label, COALESCE(CAST(r.on_day AS VARCHAR), '') AS on_day, g.categories, ${maskTextSql('f.sentence')} AS sentence, ans.answer_ids
    FROM f JOIN followup_tasks t ON t.id = f.task_id JOIN g ON g.task_id = f.task_id JOIN ans ON ans.task_id = f.task_id
      LEFT JOIN r ON r.kind = t.subject_kind AND r.id = t.subject_id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies ag ON ag.id = t.agency_id
    WHERE f.rn = 1`,
};
