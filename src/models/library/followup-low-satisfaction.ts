// 回访满意度低: an agency whose follow-up answers in one calendar year average below a threshold. An
// answer belongs to the agency of the record it follows up (a case, an inspection or a service visit).
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const followupLowSatisfaction: ModelDefinition = {
  code: 'FUP_LOW_SATISFACTION',
  name: '回访满意度偏低',
  description: '执法部门在一个年度内的回访答复（案件、检查、涉企服务）平均满意度低于阈值。',
  category: 'followup',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 37 },
  severity: 'medium',
  params: [
    { name: 'min_answers', label: '最少回访答复数', type: 'integer', default: 10, min: 1, max: 10000 },
    { name: 'max_average', label: '平均满意度阈值（1–5分）', type: 'number', default: 3.5, min: 1, max: 5 },
  ],
  evidenceKind: 'followup_answers',
  explanation:
    '数据显示，{subject_name}{year}年共有{answer_count}份回访答复，平均满意度{average}分（满分5分），低于{max_average}分，其中“不太满意”或“很不满意”{low_count}份，请核实原因并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH a AS (
      SELECT a.id, a.satisfaction, a.answered_at, t.subject_kind, t.subject_id,
             CAST(EXTRACT(YEAR FROM CAST(a.answered_at AS DATE)) AS INTEGER) AS y
      FROM followup_answers a JOIN followup_tasks t ON t.id = a.task_id
      WHERE ${where('a')} AND a.satisfaction IS NOT NULL
    ), s AS (
      SELECT a.*, c.agency_id FROM a JOIN cases c ON c.id = a.subject_id WHERE a.subject_kind = 'case'
      UNION ALL
      SELECT a.*, i.agency_id FROM a JOIN inspections i ON i.id = a.subject_id WHERE a.subject_kind = 'inspection'
      UNION ALL
      SELECT a.*, v.agency_id FROM a JOIN service_visits v ON v.id = a.subject_id WHERE a.subject_kind = 'service_visit'
    ), g AS (
      SELECT agency_id, y, count(*) AS answer_count, avg(satisfaction) AS average, sum(CASE WHEN satisfaction <= 2 THEN 1 ELSE 0 END) AS low_count
      FROM s WHERE agency_id IS NOT NULL GROUP BY agency_id, y
      HAVING count(*) >= ${num(params.min_answers)} AND avg(satisfaction) < ${num(params.max_average)}
    ), ev AS (
      SELECT s.agency_id, s.y, ${raw(dialect.stringAgg('s.id', ',', ['s.answered_at', 's.id']))} AS evidence_ids
      FROM s JOIN g ON g.agency_id = s.agency_id AND g.y = s.y WHERE s.satisfaction <= 2 GROUP BY s.agency_id, s.y
    )
    SELECT 'agency' AS subject_kind, g.agency_id AS subject_id, ag.region_code, g.agency_id, CAST(g.y AS VARCHAR) AS window_key, CAST(g.y AS VARCHAR) AS year,
           COALESCE(ev.evidence_ids, '') AS evidence_ids, COALESCE(ag.name, g.agency_id) AS subject_name,
           CAST(g.answer_count AS INTEGER) AS answer_count, CAST(round(CAST(g.average AS NUMERIC), 2) AS FLOAT8) AS average,
           CAST(g.low_count AS INTEGER) AS low_count
    FROM g JOIN agencies ag ON ag.id = g.agency_id LEFT JOIN ev ON ev.agency_id = g.agency_id AND ev.y = g.y`,
};
