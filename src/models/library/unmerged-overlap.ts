// 应合未合: two agencies visited one entity separately, for the same or related items (the joint
// scenarios of data/catalog/joint-scenarios.json), within window_days, both under planned tasks — so
// both visits were known in advance and could have been one (综合查一次) — and the agencies never
// decided against merging them (no declined or accepted merge suggestion holds both tasks).
// 优化营商环境条例 第五十四条: 针对同一检查对象的多个检查事项，应当尽可能合并或者纳入跨部门联合抽查范围.
// One hit per entity and year, with the separate visits as evidence.
import { sql, raw } from '../../store/sql.ts';
import { mergeGroupSql } from '../../catalog/joint-scenarios.ts';
import { num, type ModelDefinition } from '../model.ts';

export const unmergedOverlap: ModelDefinition = {
  code: 'INS_UNMERGED',
  name: '应合未合（综合查一次）',
  description: '同一企业在短期内被不同部门就相同或相关事项分别开展计划检查，未合并为一次联合检查，也未经部门确认不予合并。',
  category: 'inspection',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 54 },
  severity: 'medium',
  params: [{ name: 'window_days', label: '时间窗口（天）', type: 'integer', default: 30, min: 1, max: 180 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，该企业{year}年有{pair_count}组相隔不足{window_days}天的相关计划检查由{agency_count}个部门分别实施（{first_on}起），未合并为一次联合检查，也没有部门确认不予合并，可能应合未合，请核实并说明。',
  groundTruth: { violation: 'unmerged_overlap', recordKind: 'entity' },
  query: ({ params, where, dialect }) => {
    const g = mergeGroupSql(undefined, 't');
    return sql`
      WITH r AS MATERIALIZED (
        SELECT t.id, t.entity_uscc, t.agency_id, t.inspected_on, k.id AS task_id, ${g.group} AS grp
        FROM inspections t
          JOIN inspection_tasks k ON k.code = t.action_code AND k.origin = 'plan' AND k.entity_uscc = t.entity_uscc AND k.agency_id = t.agency_id
          ${g.from}
        WHERE ${where('t')} AND t.kind IN ('random', 'planned')
      ), decided AS (
        -- The pairs of tasks a suggestion already settled, as one key, left out by a join on it: one hash
        -- lookup per pair on both engines. PostgreSQL ran a correlated NOT EXISTS as a nested loop over
        -- every settled pair (demo scale: 50 s instead of under a second), and NOT IN over the key as a
        -- scan of them all per pair once they outgrew work_mem (city scale: 399,160 pairs, over 3 minutes).
        SELECT DISTINCT ma.task_id || '|' || mb.task_id AS pair
        FROM merge_members ma JOIN merge_members mb ON mb.suggestion_id = ma.suggestion_id
          JOIN merge_suggestions s ON s.id = ma.suggestion_id AND s.status IN ('declined', 'accepted')
      ), p AS (
        SELECT a.entity_uscc, a.id AS a_id, b.id AS b_id, a.agency_id AS a_agency, b.agency_id AS b_agency, a.inspected_on AS a_on,
               CAST(EXTRACT(YEAR FROM a.inspected_on) AS INTEGER) AS y
        FROM r a JOIN r b ON b.entity_uscc = a.entity_uscc AND b.grp = a.grp AND b.agency_id <> a.agency_id
          AND b.inspected_on >= a.inspected_on AND b.inspected_on < ${raw(dialect.addDays('a.inspected_on', String(params.window_days)))}
          AND (b.inspected_on > a.inspected_on OR b.id > a.id)
          LEFT JOIN decided d ON d.pair = a.task_id || '|' || b.task_id
        WHERE d.pair IS NULL
      ), ids AS (
        SELECT entity_uscc, y, a_id AS id, a_on AS on_day, a_agency AS agency_id FROM p
        UNION
        SELECT p.entity_uscc, p.y, p.b_id, t.inspected_on, p.b_agency FROM p JOIN inspections t ON t.id = p.b_id
      ), h AS (
        SELECT p.entity_uscc, p.y, count(*) AS pair_count, min(p.a_on) AS first_on FROM p GROUP BY p.entity_uscc, p.y
      ), ev AS (
        SELECT entity_uscc, y, count(DISTINCT agency_id) AS agency_count, ${raw(dialect.stringAgg('id', ',', ['on_day', 'id']))} AS evidence_ids
        FROM ids GROUP BY entity_uscc, y
      )
      SELECT 'entity' AS subject_kind, h.entity_uscc AS subject_id, e.region_code, CAST(NULL AS VARCHAR) AS agency_id, CAST(h.y AS VARCHAR) AS window_key,
             ev.evidence_ids, e.name AS subject_name, CAST(h.y AS VARCHAR) AS year, CAST(h.pair_count AS INTEGER) AS pair_count,
             CAST(ev.agency_count AS INTEGER) AS agency_count, CAST(h.first_on AS VARCHAR) AS first_on, ${num(params.window_days)} AS window_days
      FROM h JOIN ev ON ev.entity_uscc = h.entity_uscc AND ev.y = h.y JOIN entities e ON e.uscc = h.entity_uscc`;
  },
};
