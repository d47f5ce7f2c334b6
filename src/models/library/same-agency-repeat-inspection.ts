// 同一部门短期重复检查: one agency inspects one entity again within a few days of an earlier inspection
// that found nothing. Targeted inspections (complaints, referrals, data monitoring: 优化营商环境条例
// 第五十四条 第二款) count on neither side. 浙江省综合行政执法条例
// 第十三条: 同一行政执法机关对同一检查对象实施多项行政检查的，原则上应当同时一次性开展. A re-check after
// an earlier inspection found issues is the normal follow-up, not a repeat. One hit per later inspection.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { TARGETED_KIND_LIST } from './sql-fragments.ts';

export const sameAgencyRepeatInspection: ModelDefinition = {
  code: 'INS_SAME_AGENCY_REPEAT',
  name: '同一部门重复检查',
  description:
    '同一部门对同一企业检查未发现问题后，在设定天数内（相隔不超过该天数）再次检查；发现问题后的复查，以及投诉举报、转办交办、数据监测引发的针对性检查不计入。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 13 },
  severity: 'medium',
  params: [{ name: 'window_days', label: '间隔天数（不超过）', type: 'integer', default: 7, min: 1, max: 365 }],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{previous_dates}检查该企业未发现问题后，又于{inspected_on}再次检查（相隔{gap_days}天，在{window_days}天内），且不是投诉举报等引发的针对性检查，可能未按规定一次性开展检查，请核实并说明。',
  realtime: { kind: 'inspections', subjectColumn: 'entity_uscc' },
  // A window over one entity's inspections by one agency: its hits follow from that entity's records alone.
  incremental: { by: 'entity_uscc', changes: { inspections: 'entity_uscc' }, names: ['entities', 'agencies'] },
  query: ({ params, where, dialect }) => {
    const from = raw(dialect.addDays('b.inspected_on', num(-params.window_days).render().text));
    const gap = raw(dialect.daysBetween('max(a.inspected_on)', 'b.inspected_on'));
    return sql`
      WITH b AS (
        SELECT t.id, t.region_code, t.agency_id, t.entity_uscc, t.inspected_on
        FROM inspections t WHERE ${where('t')} AND t.kind NOT IN ${TARGETED_KIND_LIST}
      ), pairs AS (
        SELECT b.id, b.region_code, b.agency_id, b.entity_uscc, b.inspected_on,
               ${raw(dialect.stringAgg('CAST(a.inspected_on AS VARCHAR)', '、', ['a.inspected_on', 'a.id']))} AS previous_dates,
               ${raw(dialect.stringAgg('a.id', ',', ['a.inspected_on', 'a.id']))} AS previous_ids, ${gap} AS gap_days
        FROM b JOIN inspections a ON a.entity_uscc = b.entity_uscc AND a.agency_id = b.agency_id
          AND a.inspected_on < b.inspected_on AND a.inspected_on >= ${from} AND a.kind NOT IN ${TARGETED_KIND_LIST}
        GROUP BY b.id, b.region_code, b.agency_id, b.entity_uscc, b.inspected_on
        HAVING count(*) FILTER (WHERE a.result <> 'compliant') = 0
      )
      SELECT 'inspection' AS subject_kind, p.id AS subject_id, p.region_code, p.agency_id, '' AS window_key,
             p.previous_ids || ',' || p.id AS evidence_ids, e.name AS subject_name, p.entity_uscc,
             COALESCE(g.name, p.agency_id) AS agency_name, p.previous_dates, CAST(p.inspected_on AS VARCHAR) AS inspected_on, p.gap_days
      FROM pairs p
        LEFT JOIN entities e ON e.uscc = p.entity_uscc
        LEFT JOIN agencies g ON g.id = p.agency_id`;
  },
};
