// 重复检查 / 多头检查: one entity inspected by several agencies within a few days, not merged into a
// joint inspection. Each cluster of such inspections is one hit; its window starts at the first of them.
// An entity not (yet) in the register is judged all the same, in the region its inspections name.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const repeatInspection: ModelDefinition = {
  code: 'INS_REPEAT',
  name: '重复检查（多头检查）',
  description: '同一企业在短期内被多个部门分别检查、未纳入联合检查，增加企业负担。',
  category: 'inspection',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 54 },
  severity: 'high',
  params: [
    { name: 'window_days', label: '时间窗口（天）', type: 'integer', default: 7, min: 1, max: 90 },
    { name: 'min_agencies', label: '最少部门数', type: 'integer', default: 3, min: 2, max: 10 },
  ],
  evidenceKind: 'inspections',
  explanation: '该企业在{window_days}天内被{agency_count}个部门分别检查{inspection_count}次，未纳入联合检查（首次检查日期{window_key}）。',
  groundTruth: { violation: 'repeat_inspection', recordKind: 'entity' },
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  query: ({ params, where, dialect }) => {
    const end = raw(dialect.addDays('a.inspected_on', String(params.window_days)));
    return sql`
      WITH ins AS (
        SELECT t.id, t.entity_uscc, t.agency_id, t.region_code, t.inspected_on FROM inspections t WHERE ${where('t')} AND t.kind <> 'joint'
      ), gaps AS (
        -- A cheap necessary condition first: min_agencies inspections within the window means the
        -- (min_agencies-1)-th earlier inspection of the entity lies inside it. Only those entities are
        -- self-joined (city scale, same run: 5.1 s → 0.7 s, the same 1,747 hits).
        SELECT i.entity_uscc, i.inspected_on,
               lag(i.inspected_on, ${num(params.min_agencies - 1)}) OVER (PARTITION BY i.entity_uscc ORDER BY i.inspected_on) AS earlier
        FROM ins i
      ), candidates AS (
        SELECT DISTINCT g.entity_uscc FROM gaps g
        WHERE g.earlier IS NOT NULL AND g.earlier > ${raw(dialect.addDays('g.inspected_on', String(-params.window_days)))}
      ), near AS (
        SELECT ins.* FROM ins JOIN candidates c ON c.entity_uscc = ins.entity_uscc
      ), starts AS (
        -- Each day with an inspection once: two inspections on the start day would count each one twice.
        SELECT DISTINCT entity_uscc, inspected_on FROM near
      ), windows AS (
        SELECT a.entity_uscc, a.inspected_on AS start_on, count(DISTINCT b.agency_id) AS agency_count, count(*) AS inspection_count,
               min(b.region_code) AS record_region,
               ${raw(dialect.stringAgg('b.id', ',', ['b.inspected_on', 'b.id']))} AS evidence_ids
        FROM starts a JOIN near b ON b.entity_uscc = a.entity_uscc AND b.inspected_on >= a.inspected_on AND b.inspected_on < ${end}
        GROUP BY a.entity_uscc, a.inspected_on
        HAVING count(DISTINCT b.agency_id) >= ${num(params.min_agencies)}
      )
      SELECT 'entity' AS subject_kind, w.entity_uscc AS subject_id, COALESCE(e.region_code, w.record_region) AS region_code,
             CAST(NULL AS VARCHAR) AS agency_id, CAST(w.start_on AS VARCHAR) AS window_key, w.evidence_ids, w.agency_count,
             w.inspection_count, e.name AS subject_name
      FROM windows w LEFT JOIN entities e ON e.uscc = w.entity_uscc
      WHERE NOT EXISTS (
        SELECT 1 FROM windows p WHERE p.entity_uscc = w.entity_uscc AND p.start_on < w.start_on
          AND p.start_on > ${raw(dialect.addDays('w.start_on', String(-params.window_days)))})`;
  },
};
