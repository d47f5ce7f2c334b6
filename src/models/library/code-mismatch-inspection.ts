// 亮码不符: an inspection record citing a 行政行为码 that is not its own — no task was coded so (a
// forged or mistyped code), the task is another entity's or another agency's, the inspection fell
// outside the code's window, an officer on the record is not on the task, or the code had been revoked
// (or merged into a joint task) before the day. One hit per inspection, naming every reason.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const codeMismatchInspection: ModelDefinition = {
  code: 'INS_CODE_MISMATCH',
  name: '亮码不符',
  description:
    '检查记录所载行政行为码与本次检查不符：码不存在、为其他企业或其他部门的码、不在有效期内、执法人员不在任务名单内，或码已撤销。',
  category: 'inspection',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 55,
    note: '涉企行政检查“先赋码、后检查”“亮码检查”要求（政策文件，未收入法规库）',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对该企业检查时所亮行政行为码 {action_code} 与本次检查不符：{reasons}，可能未按赋予的码开展检查，请核实并说明。',
  groundTruth: { violation: 'code_mismatch', recordKind: 'inspection' },
  query: ({ where }) => sql`
    WITH r AS MATERIALIZED (
      SELECT t.id, t.region_code, t.agency_id, t.entity_uscc, t.inspected_on, t.action_code, t.lead_officer_id, t.assist_officer_id
      FROM inspections t WHERE ${where('t')} AND t.action_code IS NOT NULL
    ), j AS (
      SELECT r.*, k.id AS task_id, k.entity_uscc AS task_entity, k.agency_id AS task_agency, k.origin, k.status, k.valid_from, k.valid_to,
             ',' || k.officer_ids || ',' AS officers, CAST(k.revoked_at AS DATE) AS revoked_on, m.joint_task_id IS NOT NULL AS in_joint
      FROM r LEFT JOIN inspection_tasks k ON k.code = r.action_code
        -- The agency took part in the joint task the code names: a join, not a NOT EXISTS in the CASE below,
        -- which PostgreSQL ran as a scan of every task per inspection (city scale: over 5 minutes).
        LEFT JOIN (SELECT DISTINCT joint_task_id, agency_id FROM inspection_tasks WHERE joint_task_id IS NOT NULL) m
          ON m.joint_task_id = k.id AND m.agency_id = r.agency_id
    ), why AS (
      SELECT j.*, concat_ws('；',
        CASE WHEN j.task_id IS NULL THEN '该码不是任何检查任务的码（伪造或录入错误）' END,
        CASE WHEN j.task_id IS NOT NULL AND j.task_entity <> j.entity_uscc THEN '该码是其他企业检查任务的码' END,
        CASE WHEN j.task_id IS NOT NULL AND j.task_agency <> j.agency_id AND NOT j.in_joint THEN '该码是其他部门检查任务的码' END,
        CASE WHEN j.task_id IS NOT NULL AND (j.inspected_on < j.valid_from OR j.inspected_on > j.valid_to)
             THEN '检查日期不在该码有效期（' || CAST(j.valid_from AS VARCHAR) || '至' || CAST(j.valid_to AS VARCHAR) || '）内' END,
        CASE WHEN j.task_id IS NOT NULL AND j.officers NOT LIKE '%,' || j.lead_officer_id || ',%' THEN '主办执法人员不在该任务名单内' END,
        CASE WHEN j.task_id IS NOT NULL AND j.assist_officer_id IS NOT NULL AND j.officers NOT LIKE '%,' || j.assist_officer_id || ',%'
             THEN '协办执法人员不在该任务名单内' END,
        CASE WHEN j.task_id IS NOT NULL AND j.status <> 'open' AND j.revoked_on <= j.inspected_on
             THEN CASE WHEN j.status = 'merged' THEN '该码已并入联合检查，应亮联合检查码' ELSE '该码已于' || CAST(j.revoked_on AS VARCHAR) || '撤销' END END
      ) AS reasons
      FROM j
    )
    SELECT 'inspection' AS subject_kind, w.id AS subject_id, w.region_code, w.agency_id, '' AS window_key, w.id AS evidence_ids,
           e.name AS subject_name, w.entity_uscc, COALESCE(a.name, w.agency_id) AS agency_name, CAST(w.inspected_on AS VARCHAR) AS inspected_on,
           w.action_code, w.task_id, w.reasons
    FROM why w
      LEFT JOIN entities e ON e.uscc = w.entity_uscc
      LEFT JOIN agencies a ON a.id = w.agency_id
    WHERE w.reasons <> ''`,
};
