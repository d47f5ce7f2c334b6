// 抽查不随机: an agency's draw for an item repeats the entities of its previous year's draw more often
// than chance allows. If this year's n entities were drawn at random from a pool of N, of which the k
// drawn last year are a part, the number K drawn again follows the hypergeometric distribution:
// mean n·k/N, variance n·(k/N)·(1−k/N)·(N−n)/(N−1). The model runs the one-sided hypergeometric test
// with the normal approximation and continuity correction, z = (K − mean − ½)/√variance, and raises a
// hit when z reaches z_min (3.09: p ≈ 0.001), K reaches min_repeat and K/n min_share — the last two
// keep small draws, where the approximation is poor, and draws weighted by risk (whose riskier
// entities come back more often by design) from being flagged on z alone. One hit per agency, item and
// year; the evidence is the tasks of the repeated entities.
import { sql, raw } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { planItemKey } from './unplanned-inspection.ts';

export const samplingBias: ModelDefinition = {
  code: 'INS_SAMPLING_BIAS',
  name: '双随机抽查不随机',
  description: '执法部门某检查事项当年抽中的检查对象与上一年度重复过多，超出随机抽取的概率范围（超几何分布单侧检验）。',
  category: 'inspection',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 54 },
  severity: 'medium',
  params: [
    { name: 'z_min', label: '检验统计量z下限（3.09≈p<0.001）', type: 'number', default: 3.09, min: 1, max: 10 },
    { name: 'min_repeat', label: '最少重复户数', type: 'integer', default: 5, min: 1, max: 100000 },
    { name: 'min_share', label: '重复户数占当年抽取户数比例下限', type: 'number', default: 0.3, min: 0, max: 1 },
  ],
  evidenceKind: 'inspection_tasks',
  explanation:
    '数据显示，{agency_name}{year}年“{item_name}”抽取{drawn}户，其中{repeated}户与上一年度抽中的{previous}户重复（名录{pool}户，随机抽取时预期约{expected}户），重复明显多于随机抽取的预期，抽取可能不随机，请核实抽取过程并说明。',
  groundTruth: { violation: 'sampling_bias', recordKind: 'plan_item' },
  query: ({ params, where, dialect }) => sql`
    WITH d AS (
      SELECT DISTINCT p.agency_id, p.inspection_item_code, p.plan_year, k.entity_uscc
      FROM inspection_tasks k JOIN inspection_plans p ON p.id = k.plan_id
      WHERE ${where('p')} AND k.origin = 'plan'
    ), pool AS (
      SELECT p.agency_id, p.inspection_item_code, p.plan_year, max(dr.pool_size) AS pool
      FROM inspection_plans p JOIN plan_draws dr ON dr.plan_id = p.id WHERE ${where('p')}
      GROUP BY p.agency_id, p.inspection_item_code, p.plan_year
    ), n AS (
      SELECT agency_id, inspection_item_code, plan_year, count(*) AS drawn FROM d GROUP BY agency_id, inspection_item_code, plan_year
    ), rep AS (
      SELECT cur.agency_id, cur.inspection_item_code, cur.plan_year, count(*) AS repeated
      FROM d cur JOIN d prev ON prev.agency_id = cur.agency_id AND prev.inspection_item_code = cur.inspection_item_code
        AND prev.plan_year = cur.plan_year - 1 AND prev.entity_uscc = cur.entity_uscc
      GROUP BY cur.agency_id, cur.inspection_item_code, cur.plan_year
    ), s AS (
      SELECT rep.*, cn.drawn, pn.drawn AS previous, CAST(pool.pool AS DOUBLE PRECISION) AS pool,
             CAST(cn.drawn AS DOUBLE PRECISION) * pn.drawn / pool.pool AS expected,
             CAST(cn.drawn AS DOUBLE PRECISION) * (CAST(pn.drawn AS DOUBLE PRECISION) / pool.pool) * (1 - CAST(pn.drawn AS DOUBLE PRECISION) / pool.pool)
               * (pool.pool - cn.drawn) / (pool.pool - 1) AS variance
      FROM rep
        JOIN n cn ON cn.agency_id = rep.agency_id AND cn.inspection_item_code = rep.inspection_item_code AND cn.plan_year = rep.plan_year
        JOIN n pn ON pn.agency_id = rep.agency_id AND pn.inspection_item_code = rep.inspection_item_code AND pn.plan_year = rep.plan_year - 1
        JOIN pool ON pool.agency_id = rep.agency_id AND pool.inspection_item_code = rep.inspection_item_code AND pool.plan_year = rep.plan_year
      WHERE pool.pool > 1 AND pool.pool >= cn.drawn
    ), hit AS (
      SELECT s.*, (s.repeated - s.expected - 0.5) / sqrt(s.variance) AS z FROM s
      WHERE s.variance > 0 AND s.repeated >= ${num(params.min_repeat)} AND s.repeated >= ${num(params.min_share)} * s.drawn
        AND (s.repeated - s.expected - 0.5) / sqrt(s.variance) >= ${num(params.z_min)}
    ), ev AS (
      SELECT h.agency_id, h.inspection_item_code, h.plan_year, ${raw(dialect.stringAgg('k.id', ',', ['k.entity_uscc', 'k.id']))} AS evidence_ids
      FROM hit h JOIN inspection_plans p ON p.agency_id = h.agency_id AND p.inspection_item_code = h.inspection_item_code AND p.plan_year = h.plan_year
        JOIN inspection_tasks k ON k.plan_id = p.id AND k.origin = 'plan'
      WHERE EXISTS (SELECT 1 FROM d prev WHERE prev.agency_id = h.agency_id AND prev.inspection_item_code = h.inspection_item_code
                      AND prev.plan_year = h.plan_year - 1 AND prev.entity_uscc = k.entity_uscc)
      GROUP BY h.agency_id, h.inspection_item_code, h.plan_year
    )
    SELECT 'plan_item' AS subject_kind, ${raw(planItemKey('h.agency_id', 'CAST(h.plan_year AS VARCHAR)', 'h.inspection_item_code'))} AS subject_id,
           a.region_code, h.agency_id, '' AS window_key, COALESCE(ev.evidence_ids, '') AS evidence_ids,
           COALESCE(a.name, h.agency_id) || ' ' || CAST(h.plan_year AS VARCHAR) || '年 ' || h.inspection_item_code AS subject_name,
           COALESCE(a.name, h.agency_id) AS agency_name, CAST(h.plan_year AS VARCHAR) AS year, COALESCE(ii.name, h.inspection_item_code) AS item_name,
           CAST(h.drawn AS INTEGER) AS drawn, CAST(h.previous AS INTEGER) AS previous, CAST(h.repeated AS INTEGER) AS repeated,
           CAST(h.pool AS INTEGER) AS pool, CAST(round(CAST(h.expected AS NUMERIC), 1) AS DOUBLE PRECISION) AS expected,
           CAST(round(CAST(h.z AS NUMERIC), 2) AS DOUBLE PRECISION) AS z
    FROM hit h JOIN agencies a ON a.id = h.agency_id
      LEFT JOIN inspection_items ii ON ii.code = h.inspection_item_code
      LEFT JOIN ev ON ev.agency_id = h.agency_id AND ev.inspection_item_code = h.inspection_item_code AND ev.plan_year = h.plan_year`,
};
