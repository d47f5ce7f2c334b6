// 复议诉讼期限内强制拆除: a 强制拆除 begun while the party could still apply for review or sue against the
// decision it carries out. 行政强制法 第四十四条: 当事人在法定期限内不申请行政复议或者提起行政诉讼，又不拆除的，
// 行政机关可以依法强制拆除. The periods: 六十日 to apply for review (行政复议法 第二十条) and 六个月 to sue
// (行政诉讼法 第四十六条), both from the day the party knew of the decision; the longer, six months, ends the
// 法定期限. They run from the decision's delivery (the first delivered_on of the case's deliveries), or from
// the decision day when no delivery is recorded (the earliest the party can have known, so the period read
// ends no later than the true one and a hit stays a hit). Months are calendar months (a day the month lacks
// falls on its last day): a delivery on 2025-03-10 ends the period on 2025-09-10, a demolition that day is a
// hit and one on 2025-09-11 is not. A case with a review outcome recorded (复议 or 诉讼 brought) is left
// out: the demolition then waits for the outcome, which is another question. Not judged: a removal the
// record does not mark as a 强制拆除; one linked to no case, or to a case with no decision day.
import { raw, sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionDemolitionBeforeAppealPeriod: ModelDefinition = {
  code: 'COE_DEMOLITION_BEFORE_APPEAL_PERIOD',
  name: '复议诉讼期限内强制拆除',
  description:
    '标明为强制拆除的强制执行记录，所关联案件的决定自送达之日（无送达记录的自决定日期）起六个月的起诉期限（长于六十日的复议期限）尚未届满即开始实施（实施日期不晚于期限的最后一日），且该案件没有复议或诉讼记录。未标明强制拆除的、未关联案件的不判断。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 44,
    note: '期限自决定送达之日起算：行政诉讼法 第四十六条 六个月、行政复议法 第二十条 六十日，取其长者',
  },
  severity: 'high',
  params: [{ name: 'sue_months', label: '复议、诉讼期限（月，取其长者）', type: 'integer', default: 6, min: 2, max: 12 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施强制拆除（案件{case_ref}），{start_text}，申请复议、提起诉讼的期限至{expired_on}届满，记录中没有复议或诉讼，可能在法定期限届满前强制拆除，请核实并说明。',
  groundTruth: { violation: 'coercion_demolition_before_appeal_period', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    if (!Number.isInteger(params.sue_months)) throw new Error(`not a whole number of months: ${params.sue_months}`);
    const start = sql`COALESCE(dl.delivered_on, c.decided_on)`;
    const expired = sql`CAST(${start} + ${raw(`INTERVAL '${params.sue_months} months'`)} AS DATE)`;
    return sql`
    WITH dl AS (
      SELECT m.id, min(d.delivered_on) AS delivered_on
      FROM coercive_measures m JOIN deliveries d ON d.county_code = m.county_code AND d.case_id = m.case_id
      WHERE ${where('m')} AND m.measure = 'remove' AND m.demolition AND d.delivered_on IS NOT NULL
      GROUP BY m.id
    ), rv AS (
      SELECT DISTINCT m.id
      FROM coercive_measures m JOIN review_outcomes r ON r.county_code = m.county_code AND r.case_id = m.case_id
      WHERE ${where('m')} AND m.measure = 'remove' AND m.demolition
    )
    SELECT ${MEASURE_SUBJECT_COLUMNS}, COALESCE(c.source_id, c.id) AS case_ref,
           CASE WHEN dl.delivered_on IS NULL THEN '决定于' || CAST(c.decided_on AS VARCHAR) || '作出（记录中没有送达日期，自决定日期起算）'
                ELSE '决定书于' || CAST(dl.delivered_on AS VARCHAR) || '送达' END AS start_text,
           CAST(${expired} AS VARCHAR) AS expired_on
    FROM ${MEASURE_NAMES} JOIN cases c ON c.county_code = m.county_code AND c.id = m.case_id
      LEFT JOIN dl ON dl.id = m.id LEFT JOIN rv ON rv.id = m.id
    WHERE ${where('m')} AND m.measure = 'remove' AND m.demolition AND c.decided_on IS NOT NULL AND rv.id IS NULL
      AND m.started_on <= CAST(${asOf} AS DATE) AND m.started_on <= ${expired}`;
  },
};
