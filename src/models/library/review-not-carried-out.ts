// 复议决定未履行: a reconsideration decision that revokes or changes the penalty decision, or orders the
// agency to act, which the agency has not carried out N days after it took effect (or carried out only
// later). 行政复议法 第七十七条: 被申请人应当履行行政复议决定书…；不履行或者无正当理由拖延履行的，行政复议
// 机关或者有关上级行政机关应当责令其限期履行. The article sets no number of days: the default of 30
// calendar days is the model's setting (a county may change it), and the clue asks whether a time limit
// was set in the decision itself. A decision takes effect when served (第七十五条), the day the record
// calls decided_on. Lawsuits are left out: a judgment is carried out under 行政诉讼法 第九十四条 to 第九十六条,
// with a court behind it. "N天内" as in src/models/window.ts: carried out on day D + N is in time.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { outcomeLabel, REVIEW_NAMES, REVIEW_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const reviewNotCarriedOut: ModelDefinition = {
  code: 'REV_NOT_CARRIED_OUT',
  name: '复议决定未履行',
  description:
    '行政复议决定撤销、变更原处罚决定或者责令被申请人履行，决定生效后超过设定天数（默认30日；第七十七条未规定期限，此为模型设定）仍未履行，或者超过该天数才履行；以履行日期计，尚未履行的以统计日计。行政诉讼的裁判不在此列。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-fuyi-fa',
    article: 77,
    note: '法律未规定履行期限，默认30日为本模型的设定；复议决定书送达即生效（第七十五条）',
  },
  severity: 'high',
  params: [{ name: 'limit_days', label: '履行期限（日）', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'review_outcomes',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案经行政复议，于{decided_on}决定{outcome_label}，{state}，距决定生效{days}天，超过{limit_days}天，可能未履行或拖延履行行政复议决定，请核实复议决定是否设定了履行期限及履行情况并说明。',
  groundTruth: { violation: 'review_not_carried_out', recordKind: 'review_outcome' },
  realtime: { kind: 'review_outcomes', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const act = sql`COALESCE(r.carried_out_on, CAST(${asOf} AS DATE))`;
    return sql`
    SELECT ${REVIEW_SUBJECT_COLUMNS}, CAST(r.decided_on AS VARCHAR) AS decided_on, ${outcomeLabel('r.outcome')} AS outcome_label,
           CASE WHEN r.carried_out_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未履行'
                ELSE '于' || CAST(r.carried_out_on AS VARCHAR) || '履行' END AS state,
           CAST(${daysSql(dialect, sql`r.decided_on`, act)} AS INTEGER) AS days
    FROM ${REVIEW_NAMES}
    WHERE ${where('r')} AND r.route = 'reconsideration' AND r.outcome IN ('revoked', 'changed', 'ordered_to_act')
      AND r.decided_on IS NOT NULL AND r.decided_on <= CAST(${asOf} AS DATE)
      AND ${daysLateSql(dialect, sql`r.decided_on`, act, params.limit_days)}`;
  },
};
