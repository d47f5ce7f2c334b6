// 执法人员与企业固定搭配: one lead officer leading the inspections of one entity again and again in a
// calendar year. Officers should be drawn at random (双随机), so a recurring pair suggests a cosy or a
// hostile relationship. Targeted inspections (complaints, referrals, data monitoring) do not count:
// they go to whoever handles the complaint (优化营商环境条例 第五十四条 第二款). One hit per officer,
// entity and year.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { TARGETED_KIND_LIST } from './sql-fragments.ts';

export const officerEntityPair: ModelDefinition = {
  code: 'OFF_PAIR_RECUR',
  name: '执法人员与企业固定搭配',
  description: '同一执法人员在一个自然年度内主办对同一企业的检查达到设定次数；投诉举报、转办交办、数据监测引发的针对性检查不计入。',
  category: 'officer',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 21 },
  severity: 'medium',
  params: [{ name: 'min_count', label: '一年内主办检查最少次数', type: 'integer', default: 4, min: 2, max: 100 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，执法人员{officer_name}（{agency_name}）{year}年主办对{entity_name}的检查{inspection_count}次（不少于{min_count}次），可能未按规定随机选派检查人员，请核实并说明。',
  query: ({ params, where, dialect }) => sql`
    WITH t AS (
      SELECT t.id, t.lead_officer_id, t.entity_uscc, t.region_code, t.inspected_on, CAST(EXTRACT(YEAR FROM t.inspected_on) AS INTEGER) AS year
      FROM inspections t WHERE ${where('t')} AND t.kind NOT IN ${TARGETED_KIND_LIST}
    ), h AS (
      SELECT t.lead_officer_id, t.entity_uscc, t.year, count(*) AS inspection_count
      FROM t GROUP BY t.lead_officer_id, t.entity_uscc, t.year
      HAVING count(*) >= ${num(params.min_count)}
    ), ev AS (
      SELECT h.lead_officer_id, h.entity_uscc, h.year, min(t.region_code) AS record_region, ${raw(dialect.stringAgg('t.id', ',', ['t.inspected_on', 't.id']))} AS evidence_ids
      FROM h JOIN t ON t.lead_officer_id = h.lead_officer_id AND t.entity_uscc = h.entity_uscc AND t.year = h.year
      -- The hit officers first, so that PostgreSQL does not sort all of t to merge-join it (city scale
      -- 4.6 s → 2.7 s; DuckDB unchanged).
      WHERE t.lead_officer_id IN (SELECT lead_officer_id FROM h)
      GROUP BY h.lead_officer_id, h.entity_uscc, h.year
    )
    SELECT 'officer' AS subject_kind, h.lead_officer_id AS subject_id, COALESCE(e.region_code, ev.record_region) AS region_code, o.agency_id,
           h.entity_uscc || '|' || CAST(h.year AS VARCHAR) AS window_key, ev.evidence_ids,
           COALESCE(o.name, h.lead_officer_id) || '—' || COALESCE(e.name, h.entity_uscc) AS subject_name,
           COALESCE(o.name, h.lead_officer_id) AS officer_name, COALESCE(g.name, o.agency_id) AS agency_name,
           h.entity_uscc, COALESCE(e.name, h.entity_uscc) AS entity_name, CAST(h.year AS VARCHAR) AS year, h.inspection_count
    FROM h JOIN ev ON ev.lead_officer_id = h.lead_officer_id AND ev.entity_uscc = h.entity_uscc AND ev.year = h.year
      LEFT JOIN officers o ON o.id = h.lead_officer_id
      LEFT JOIN agencies g ON g.id = o.agency_id
      LEFT JOIN entities e ON e.uscc = h.entity_uscc`,
};
