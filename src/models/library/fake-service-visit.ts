// 假服务真检查: a service visit (涉企服务) that the entity, answering its follow-up, says was really an
// inspection — by the survey's question (says_inspection) or in its own words, as the follow-up
// analysis heard them (a finding `inspection`: "说是服务，其实就是来检查的"). Judged when the answer
// arrives: the model reads the answers (region scope and real-time focus apply to them) and names the
// service visit they are about.
import { sql, raw } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const fakeServiceVisit: ModelDefinition = {
  code: 'INS_FAKE_SERVICE',
  name: '假服务真检查',
  description: '以“上门服务”名义登记的入企活动，企业在回访中表示实际是检查（回访问卷勾选或答复原话）。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 20,
    note: '涉企检查与涉企服务分离、严禁“假服务真检查”（政策文件，未收入法规库）',
  },
  severity: 'high',
  triage: { evidence: 'report' },
  params: [],
  evidenceKind: 'service_visits',
  explanation:
    '数据显示，{agency_name}于{visited_on}以“{topic}”名义上门服务，企业在回访中表示实际是检查（回访答复{answer_ids}），可能以服务名义开展检查，请核实并说明。',
  groundTruth: { violation: 'fake_service_visit', recordKind: 'service_visit' },
  realtime: { kind: 'followup_answers', subjectColumn: 'id' },
  query: ({ where, dialect }) => sql`
    WITH ans AS (
      SELECT k.subject_id AS visit_id, ${raw(dialect.stringAgg('a.id', ',', ['a.answered_at', 'a.id']))} AS answer_ids
      FROM followup_answers a JOIN followup_tasks k ON k.id = a.task_id
      WHERE ${where('a')} AND k.subject_kind = 'service_visit'
        AND (a.says_inspection = TRUE OR a.id IN (SELECT f.answer_id FROM followup_findings f WHERE f.code = 'inspection'))
      GROUP BY k.subject_id
    )
    SELECT 'service_visit' AS subject_kind, v.id AS subject_id, v.region_code, v.agency_id, '' AS window_key, v.id AS evidence_ids,
           e.name AS subject_name, v.entity_uscc, COALESCE(g.name, v.agency_id) AS agency_name, CAST(v.visited_on AS VARCHAR) AS visited_on,
           v.topic, v.officer_id, ans.answer_ids
    FROM ans JOIN service_visits v ON v.id = ans.visit_id
      LEFT JOIN entities e ON e.uscc = v.entity_uscc
      LEFT JOIN agencies g ON g.id = v.agency_id`,
};
