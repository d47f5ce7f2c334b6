// 企业年度受检次数偏多: an entity inspected more often in a calendar year than a threshold, counting
// every agency together. Targeted inspections (complaints, referrals, data monitoring: 优化营商环境条例
// 第五十四条 第二款) are left out. A joint inspection (one joint_id) is one visit to the entity, however many
// agencies and items it covers: that is what merging inspections is for. A record citing the code of a
// joint task (综合查一次, docs/inspections.md) belongs to that joint visit even without a joint_id.
// (Visits = records of no joint visit + distinct joint visits: a DISTINCT over the few joint records
// only, 2.5× faster than over all.)
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { TARGETED_KIND_LIST } from './sql-fragments.ts';

export const inspectionBurden: ModelDefinition = {
  code: 'INS_BURDEN',
  name: '企业年度受检次数偏多',
  description:
    '同一企业一个自然年度内被各部门入企检查的次数超过设定阈值（联合检查计为一次；投诉举报、转办交办、数据监测引发的针对性检查不计入）。',
  category: 'inspection',
  basis: {
    regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli',
    article: 13,
    note: '针对性检查不计入，依据《优化营商环境条例》第五十四条第二款',
  },
  severity: 'medium',
  params: [{ name: 'max_visits', label: '每年入企检查次数上限', type: 'integer', default: 20, min: 2, max: 365 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，该企业{year}年被{agency_count}个部门入企检查{visit_count}次（检查记录{inspection_count}条，联合检查计为一次），超过每年{max_visits}次的阈值，可能存在检查过多、未合并开展的情况，请核实并说明。',
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  query: ({ params, where, dialect }) => sql`
    WITH h AS (
      SELECT t.entity_uscc, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year,
             count(*) FILTER (WHERE COALESCE(jt.id, t.joint_id) IS NULL) + count(DISTINCT COALESCE(jt.id, t.joint_id)) AS visit_count
      FROM inspections t LEFT JOIN inspection_tasks jt ON jt.code = t.action_code AND jt.origin = 'joint'
      WHERE ${where('t')} AND t.kind NOT IN ${TARGETED_KIND_LIST}
      GROUP BY t.entity_uscc, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER)
      HAVING count(*) FILTER (WHERE COALESCE(jt.id, t.joint_id) IS NULL) + count(DISTINCT COALESCE(jt.id, t.joint_id)) > ${num(params.max_visits)}
    ), ev AS (
      SELECT h.entity_uscc, h.year, count(*) AS inspection_count, count(DISTINCT t.agency_id) AS agency_count, min(t.region_code) AS record_region,
             ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN inspections t ON t.entity_uscc = h.entity_uscc AND CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) = h.year
      WHERE ${where('t')} AND t.kind NOT IN ${TARGETED_KIND_LIST}
      GROUP BY h.entity_uscc, h.year
    )
    SELECT 'entity' AS subject_kind, h.entity_uscc AS subject_id, COALESCE(e.region_code, ev.record_region) AS region_code,
           CAST(NULL AS VARCHAR) AS agency_id, CAST(h.year AS VARCHAR) AS window_key, ev.evidence_ids,
           e.name AS subject_name, CAST(h.year AS VARCHAR) AS year, h.visit_count, ev.inspection_count, ev.agency_count
    FROM h JOIN ev ON ev.entity_uscc = h.entity_uscc AND ev.year = h.year
      LEFT JOIN entities e ON e.uscc = h.entity_uscc`,
};
