// 检查扰企: an entity inspected more often in a calendar year than a burden threshold, counting every
// agency together. A joint inspection (one joint_id) is one visit to the entity, however many agencies
// and items it covers: that is what merging inspections is for. A record citing the code of a joint
// task (综合查一次, docs/inspections.md) belongs to that joint visit even without a joint_id. (Visits =
// records of no joint visit + distinct joint visits: a DISTINCT over the few joint records only, 2.5×
// faster than over all.)
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const inspectionBurden: ModelDefinition = {
  code: 'INS_BURDEN',
  name: '检查扰企',
  description: '同一企业一年内被各部门入企检查的次数超过阈值（联合检查计为一次），检查负担过重。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 13 },
  severity: 'medium',
  params: [{ name: 'max_visits', label: '每年入企检查次数上限', type: 'integer', default: 20, min: 2, max: 365 }],
  evidenceKind: 'inspections',
  explanation:
    '该企业{year}年被{agency_count}个部门入企检查{visit_count}次（检查记录{inspection_count}条，联合检查计为一次），超过每年{max_visits}次的阈值。',
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  query: ({ params, where, dialect }) => sql`
    WITH h AS (
      SELECT t.entity_uscc, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year,
             count(*) FILTER (WHERE COALESCE(jt.id, t.joint_id) IS NULL) + count(DISTINCT COALESCE(jt.id, t.joint_id)) AS visit_count
      FROM inspections t LEFT JOIN inspection_tasks jt ON jt.code = t.action_code AND jt.origin = 'joint'
      WHERE ${where('t')}
      GROUP BY t.entity_uscc, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER)
      HAVING count(*) FILTER (WHERE COALESCE(jt.id, t.joint_id) IS NULL) + count(DISTINCT COALESCE(jt.id, t.joint_id)) > ${num(params.max_visits)}
    ), ev AS (
      SELECT h.entity_uscc, h.year, count(*) AS inspection_count, count(DISTINCT t.agency_id) AS agency_count, min(t.region_code) AS record_region,
             ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN inspections t ON t.entity_uscc = h.entity_uscc AND CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) = h.year
      WHERE ${where('t')}
      GROUP BY h.entity_uscc, h.year
    )
    SELECT 'entity' AS subject_kind, h.entity_uscc AS subject_id, COALESCE(e.region_code, ev.record_region) AS region_code,
           CAST(NULL AS VARCHAR) AS agency_id, CAST(h.year AS VARCHAR) AS window_key, ev.evidence_ids,
           e.name AS subject_name, CAST(h.year AS VARCHAR) AS year, h.visit_count, ev.inspection_count, ev.agency_count
    FROM h JOIN ev ON ev.entity_uscc = h.entity_uscc AND ev.year = h.year
      LEFT JOIN entities e ON e.uscc = h.entity_uscc`,
};
