// 扫码评价低分集中: the enterprises' ratings of coded inspections (扫码评价) that fall low again and again
// for one officer, or across one agency. A rating is of a task; it counts for every officer on the
// task and for the task's (lead) agency. Low: 1 or 2 of 5. 浙江省综合行政执法条例 第三十七条: 行政执法机关
// 应当 … 接受社会监督. Two models share this file: the officer's, and the agency's, which leaves out
// agencies whose low ratings one officer accounts for (that is the officer's hit, not the agency's).
// Because a rating counts for every officer on the task, the colleague who went out with an officer
// rated low would be rated low on those visits too; the officer's model therefore tests each officer a
// second time without the ratings of tasks shared with a more clearly low-rated colleague (a higher z),
// and keeps only officers whose own visits still stand out.
import { sql, raw, type Sql } from '../../store/sql.ts';
import type { Dialect } from '../../store/dialect.ts';
import { num, type ModelDefinition, type ParamValues } from '../model.ts';

/** Ratings with a low flag and their year, one row per officer on the rated task. */
function ratedOfficers(where: (alias: string) => Sql, dialect: Dialect): Sql {
  return sql`SELECT q.id, q.agency_id, q.score, q.rated_at, q.y, q.low, ${raw(dialect.unnestCsv('q.officer_ids'))} AS officer_id
    FROM (SELECT r.*, CAST(EXTRACT(YEAR FROM CAST(r.rated_at AS DATE)) AS INTEGER) AS y, CASE WHEN r.score <= 2 THEN 1 ELSE 0 END AS low
          FROM inspection_ratings r WHERE ${where('r')}) q`;
}

/**
 * The binomial test's z of k low ratings out of n at the rate p0 (columns of `alias`); NULL, never a
 * division by zero, when p0 is 1 (every other rating of the agency low: no officer can stand out).
 */
const zOf = (alias: string) =>
  raw(`(${alias}.k - ${alias}.n * ${alias}.p0) / sqrt(nullif(${alias}.n * ${alias}.p0 * (1 - ${alias}.p0), 0))`);

/** Enough ratings, enough low ones, a large enough share of them. */
const enough = (p: ParamValues, n: string, low: string) =>
  sql`${raw(n)} >= ${num(p.min_ratings)} AND ${raw(low)} >= ${num(p.min_low)} AND ${raw(low)} >= ${num(p.min_low_share)} * ${raw(n)}`;

export const lowRatingOfficer: ModelDefinition = {
  code: 'INS_LOW_RATING_OFFICER',
  name: '执法人员扫码评价低分集中',
  description:
    '企业对某执法人员参与的检查扫码评价中，低分（1–2分）明显多于本部门其他人员（二项分布单侧检验），且不与低分更集中的同事同行时仍然如此。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 37 },
  severity: 'medium',
  params: [
    { name: 'min_ratings', label: '最少评价数', type: 'integer', default: 6, min: 1, max: 100000 },
    { name: 'min_low', label: '最少低分评价数（1–2分）', type: 'integer', default: 4, min: 1, max: 100000 },
    { name: 'z_min', label: '检验统计量z下限', type: 'number', default: 3, min: 1, max: 10 },
    { name: 'base_share', label: '本部门低分比例下限（基准）', type: 'number', default: 0.05, min: 0.001, max: 0.5 },
  ],
  evidenceKind: 'inspection_ratings',
  explanation:
    '数据显示，执法人员{subject_name}（{agency_name}）{year}年参与的检查共收到扫码评价{rating_count}条，其中低分（1–2分）{low_count}条（{low_pct}%），本部门其他评价的低分比例为{rest_pct}%，明显高于本部门其他人员，请核实企业评价低的原因并说明。',
  groundTruth: { violation: 'low_rating_officer', recordKind: 'officer' },
  // The officer's low ratings against the binomial distribution at the rest of the agency's rate
  // (never below base_share): z = (k − n·p0) / √(n·p0·(1−p0)), one-sided. An agency rated low across
  // the board raises p0, so its officers are not flagged for what all of them share. The officers that
  // pass (c) are tested again (g) on the ratings left when the tasks shared with a candidate of higher z
  // (ties: the smaller id) are taken out: a partner rated low only beside a low-rated colleague drops out.
  query: ({ params, where, dialect }) => sql`
    WITH o AS (${ratedOfficers(where, dialect)}
    ), own AS (
      SELECT o.officer_id, f.agency_id, o.y, count(*) AS n, sum(o.low) AS k
      FROM o JOIN officers f ON f.id = o.officer_id AND f.agency_id = o.agency_id GROUP BY o.officer_id, f.agency_id, o.y
    ), ag AS (
      SELECT r.agency_id, CAST(EXTRACT(YEAR FROM CAST(r.rated_at AS DATE)) AS INTEGER) AS y, count(*) AS n, sum(CASE WHEN r.score <= 2 THEN 1 ELSE 0 END) AS k
      FROM inspection_ratings r WHERE ${where('r')} GROUP BY r.agency_id, CAST(EXTRACT(YEAR FROM CAST(r.rated_at AS DATE)) AS INTEGER)
    ), t AS (
      SELECT own.*, greatest(CASE WHEN ag.n > own.n THEN CAST(ag.k - own.k AS DOUBLE PRECISION) / (ag.n - own.n) ELSE 0 END, ${num(params.base_share)}) AS p0
      FROM own JOIN ag ON ag.agency_id = own.agency_id AND ag.y = own.y
    ), c AS (
      SELECT t.*, ${zOf('t')} AS z FROM t
      WHERE t.n >= ${num(params.min_ratings)} AND t.k >= ${num(params.min_low)} AND ${zOf('t')} >= ${num(params.z_min)}
    ), shared AS (
      SELECT DISTINCT o.id, o.officer_id FROM o
        JOIN c ON c.officer_id = o.officer_id AND c.y = o.y
        JOIN o o2 ON o2.id = o.id AND o2.officer_id <> o.officer_id
        JOIN c c2 ON c2.officer_id = o2.officer_id AND c2.y = o2.y AND (c2.z > c.z OR (c2.z = c.z AND c2.officer_id < c.officer_id))
    ), alone AS (
      SELECT c.officer_id, c.y, c.p0, count(*) AS n, sum(o.low) AS k
      FROM c JOIN o ON o.officer_id = c.officer_id AND o.y = c.y AND o.agency_id = c.agency_id
        LEFT JOIN shared s ON s.id = o.id AND s.officer_id = o.officer_id
      WHERE s.id IS NULL GROUP BY c.officer_id, c.y, c.p0
    ), g AS (
      SELECT c.* FROM c JOIN alone ON alone.officer_id = c.officer_id AND alone.y = c.y
      WHERE alone.n >= ${num(params.min_ratings)} AND alone.k >= ${num(params.min_low)}
        AND ${zOf('alone')} >= ${num(params.z_min)}
    ), ev AS (
      SELECT o.officer_id, o.y, ${raw(dialect.stringAgg('o.id', ',', ['o.rated_at', 'o.id']))} AS evidence_ids
      FROM o JOIN g ON g.officer_id = o.officer_id AND g.y = o.y AND g.agency_id = o.agency_id WHERE o.low = 1 GROUP BY o.officer_id, o.y
    )
    SELECT 'officer' AS subject_kind, g.officer_id AS subject_id, f.region_code, g.agency_id, CAST(g.y AS VARCHAR) AS window_key, ev.evidence_ids,
           COALESCE(f.name, g.officer_id) AS subject_name, COALESCE(a.name, g.agency_id) AS agency_name, CAST(g.y AS VARCHAR) AS year,
           CAST(g.n AS INTEGER) AS rating_count, CAST(g.k AS INTEGER) AS low_count,
           CAST(round(100.0 * g.k / g.n, 1) AS DOUBLE PRECISION) AS low_pct, CAST(round(CAST(100 * g.p0 AS NUMERIC), 1) AS DOUBLE PRECISION) AS rest_pct,
           CAST(round(CAST(g.z AS NUMERIC), 2) AS DOUBLE PRECISION) AS z
    FROM g JOIN ev ON ev.officer_id = g.officer_id AND ev.y = g.y
      JOIN officers f ON f.id = g.officer_id LEFT JOIN agencies a ON a.id = g.agency_id`,
};

export const lowRatingAgency: ModelDefinition = {
  code: 'INS_LOW_RATING_AGENCY',
  name: '执法部门扫码评价低分集中',
  description: '企业对某执法部门检查的扫码评价中，低分（1–2分）评价普遍偏多（不集中于个别执法人员）。',
  category: 'inspection',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 37 },
  severity: 'medium',
  params: [
    { name: 'min_ratings', label: '最少评价数', type: 'integer', default: 15, min: 1, max: 100000 },
    { name: 'min_low', label: '最少低分评价数（1–2分）', type: 'integer', default: 4, min: 1, max: 100000 },
    { name: 'min_low_share', label: '低分评价占比下限', type: 'number', default: 0.3, min: 0, max: 1 },
    { name: 'max_officer_share', label: '单个执法人员占低分评价比例上限', type: 'number', default: 0.5, min: 0, max: 1 },
  ],
  evidenceKind: 'inspection_ratings',
  explanation:
    '数据显示，{subject_name}{year}年收到扫码评价{rating_count}条，其中低分（1–2分）{low_count}条，占{low_pct}%，分布于{officer_count}名执法人员，请核实企业评价低的原因并说明。',
  groundTruth: { violation: 'low_rating_agency', recordKind: 'agency' },
  query: ({ params, where, dialect }) => sql`
    WITH r AS (
      SELECT r.id, r.agency_id, r.rated_at, CAST(EXTRACT(YEAR FROM CAST(r.rated_at AS DATE)) AS INTEGER) AS y, CASE WHEN r.score <= 2 THEN 1 ELSE 0 END AS low
      FROM inspection_ratings r WHERE ${where('r')}
    ), g AS (
      SELECT agency_id, y, count(*) AS n, sum(low) AS low_count FROM r GROUP BY agency_id, y HAVING ${enough(params, 'count(*)', 'sum(low)')}
    ), o AS (${ratedOfficers(where, dialect)}
    ), top AS (
      SELECT o.agency_id, o.y, max(c) AS top_low, count(*) AS officer_count
      FROM (SELECT agency_id, y, officer_id, sum(low) AS c FROM o WHERE low = 1 GROUP BY agency_id, y, officer_id) o GROUP BY o.agency_id, o.y
    ), ev AS (
      SELECT r.agency_id, r.y, ${raw(dialect.stringAgg('r.id', ',', ['r.rated_at', 'r.id']))} AS evidence_ids
      FROM r JOIN g ON g.agency_id = r.agency_id AND g.y = r.y WHERE r.low = 1 GROUP BY r.agency_id, r.y
    )
    SELECT 'agency' AS subject_kind, g.agency_id AS subject_id, a.region_code, g.agency_id, CAST(g.y AS VARCHAR) AS window_key, ev.evidence_ids,
           COALESCE(a.name, g.agency_id) AS subject_name, CAST(g.y AS VARCHAR) AS year, CAST(g.n AS INTEGER) AS rating_count,
           CAST(g.low_count AS INTEGER) AS low_count, CAST(round(100.0 * g.low_count / g.n, 1) AS DOUBLE PRECISION) AS low_pct,
           CAST(top.officer_count AS INTEGER) AS officer_count
    FROM g JOIN ev ON ev.agency_id = g.agency_id AND ev.y = g.y JOIN top ON top.agency_id = g.agency_id AND top.y = g.y
      JOIN agencies a ON a.id = g.agency_id
    WHERE top.top_low < ${num(params.max_officer_share)} * g.low_count`,
};
