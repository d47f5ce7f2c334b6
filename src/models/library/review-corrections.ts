// Corrections of an agency's penalty decisions by 行政复议 and 行政诉讼, per agency and item (the item of
// the case reviewed) over the window ending on the run's day (default 365 days: decided on the run's day
// or up to N days before it, the reading of src/models/window.ts):
//  - 纠错率偏高: among the outcomes decided in the window (upheld, revoked, changed, confirmed illegal,
//    ordered to act, dismissed; a settled or withdrawn application decides nothing and is left out), the
//    share that revoked, changed or confirmed illegal the decision is above a threshold, once the
//    outcomes reach a minimum count;
//  - 同一事项屡次被纠错: at least N such corrections, whatever the count of outcomes.
// Both are patterns of one agency's handling of one item: the subject is the pair (agency_item,
// "agency/item"), filed under the agency. 行政复议法 第一条 (防止和纠正违法的或者不当的行政行为，…监督和
// 保障行政机关依法行使职权) and 第三条 (坚持有错必纠).
import { raw, sql, type Sql } from '../../store/sql.ts';
import type { Dialect } from '../../store/dialect.ts';
import { num, type ModelDefinition, type ParamValues } from '../model.ts';

const DAY_MS = 86_400_000;

/** The first day of the window of `days` days before the run's day. */
export function windowFrom(asOf: string, days: number): string {
  return new Date(Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** Per agency and item: outcomes decided in the window, corrections among them, their ids (a CTE `g`). */
function corrections(where: (alias: string) => Sql, dialect: Dialect, params: ParamValues, asOf: string, having: Sql): Sql {
  return sql`
    WITH o AS (
      SELECT r.id, r.agency_id, c.item_code, r.decided_on,
             CASE WHEN r.outcome IN ('revoked', 'changed', 'confirmed_illegal') THEN 1 ELSE 0 END AS corrected
      FROM review_outcomes r JOIN cases c ON c.county_code = r.county_code AND c.id = r.case_id
      WHERE ${where('r')} AND r.outcome IS NOT NULL AND r.outcome <> 'settled' AND r.decided_on IS NOT NULL
        AND r.decided_on <= CAST(${asOf} AS DATE) AND r.decided_on >= CAST(${windowFrom(asOf, params.window_days)} AS DATE)
    ), g AS (
      SELECT agency_id, item_code, count(*) AS review_count, sum(corrected) AS corrected_count,
             ${raw(dialect.stringAgg('CASE WHEN corrected = 1 THEN id END', ',', ['decided_on', 'id']))} AS evidence_ids
      FROM o GROUP BY agency_id, item_code
      HAVING ${having}
    )
    SELECT 'agency_item' AS subject_kind, g.agency_id || '/' || g.item_code AS subject_id, a.region_code, g.agency_id, '' AS window_key,
           g.evidence_ids, COALESCE(a.name, g.agency_id) AS subject_name, g.item_code, COALESCE(i.name, g.item_code) AS item_name,
           CAST(g.review_count AS INTEGER) AS review_count, CAST(g.corrected_count AS INTEGER) AS corrected_count,
           CAST(round(CAST(100.0 * g.corrected_count / g.review_count AS NUMERIC), 1) AS FLOAT8) AS share_pct,
           ${windowFrom(asOf, params.window_days)} AS window_from, CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of
    FROM g JOIN agencies a ON a.id = g.agency_id LEFT JOIN items i ON i.code = g.item_code`;
}

const WINDOW = { name: 'window_days', label: '统计期间（日）', type: 'integer', default: 365, min: 30, max: 1096 } as const;

export const reviewCorrectionRate: ModelDefinition = {
  code: 'REV_CORRECTION_RATE',
  name: '复议诉讼纠错率偏高',
  description:
    '同一执法部门同一事项的处罚决定，统计日及之前设定天数（默认365日）内审结的行政复议决定和行政诉讼裁判（调解、撤回的不计）达到设定件数时，被撤销、变更或确认违法的比例超过设定阈值。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-fuyi-fa', article: 1, note: '防止和纠正违法的或者不当的行政行为；另见第三条第二款“坚持有错必纠”' },
  severity: 'medium',
  params: [
    WINDOW,
    { name: 'min_count', label: '最少审结件数', type: 'integer', default: 5, min: 1, max: 1000 },
    { name: 'max_share_pct', label: '纠错比例阈值（%）', type: 'number', default: 30, min: 1, max: 100 },
  ],
  evidenceKind: 'review_outcomes',
  explanation:
    '数据显示，{subject_name}“{item_name}”事项的处罚决定在{window_from}至{as_of}期间经行政复议、行政诉讼审结{review_count}件，其中被撤销、变更或确认违法{corrected_count}件，占{share_pct}%，高于{max_share_pct}%，可能存在共性执法问题，请核实原因并说明。',
  groundTruth: { violation: 'review_correction_rate', recordKind: 'agency_item' },
  triage: { evidence: 'statistical' },
  query: ({ params, where, dialect, asOf }) =>
    corrections(
      where,
      dialect,
      params,
      asOf,
      sql`count(*) >= ${num(params.min_count)} AND 100.0 * sum(corrected) > ${num(params.max_share_pct)} * count(*)`,
    ),
};

export const reviewRepeatCorrected: ModelDefinition = {
  code: 'REV_REPEAT_CORRECTED',
  name: '同一事项屡次被纠错',
  description:
    '同一执法部门同一事项的处罚决定，统计日及之前设定天数（默认365日）内经行政复议、行政诉讼被撤销、变更或确认违法达到设定次数（默认3次）。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-fuyi-fa', article: 3, note: '第二款“坚持有错必纠”' },
  severity: 'medium',
  params: [WINDOW, { name: 'min_times', label: '被纠错次数', type: 'integer', default: 3, min: 2, max: 100 }],
  evidenceKind: 'review_outcomes',
  explanation:
    '数据显示，{subject_name}“{item_name}”事项的处罚决定在{window_from}至{as_of}期间经行政复议、行政诉讼被撤销、变更或确认违法{corrected_count}次，达到{min_times}次，可能同类问题未得到纠正，请核实整改情况并说明。',
  groundTruth: { violation: 'review_repeat_corrected', recordKind: 'agency_item' },
  triage: { evidence: 'pattern' },
  query: ({ params, where, dialect, asOf }) => corrections(where, dialect, params, asOf, sql`sum(corrected) >= ${num(params.min_times)}`),
};
