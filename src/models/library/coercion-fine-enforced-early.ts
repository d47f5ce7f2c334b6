// 加处罚款未满三十日即强制执行: an act of 划拨存款、汇款 or 拍卖 for a fine still unpaid on the day it began,
// begun before 加处罚款 had run more than thirty days. 行政强制法 第四十六条 第一款: 行政机关依照本法第四十五条
// 规定实施加处罚款或者滞纳金超过三十日，经催告当事人仍不履行的，具有行政强制执行权的行政机关可以强制执行.
// The day count: 加处罚款 runs from the day after the payment's due day (行政处罚法 第七十二条: 到期不缴纳罚款的，
// 每日按罚款数额的百分之三加处罚款), so due_on + 1 is its 1st day and due_on + 30 its 30th; "超过三十日" is
// the 31st day on (src/models/window.ts: within 30 days of due_on is early). An act on due_on + 30 hits, one
// on due_on + 31 does not. The payment read is the case's earliest due payment not paid by the day the act
// began (paid_on empty or later); a case whose payments were all paid by then, or with no payment record,
// is not judged, nor an act begun on or before the due day (the fine is not yet overdue: an auction then
// disposes of seized goods, 第四十六条 does not reach it). Not judged either: 查封、扣押、冻结, 强制拆除, 代履行 (not 金钱给付 enforcement); an act linked
// to no case; an act begun after the run's day. Whether a 催告 came first is COE_ENFORCEMENT_NO_DEMAND's.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { daysSql } from '../window.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionFineEnforcedEarly: ModelDefinition = {
  code: 'COE_FINE_ENFORCED_EARLY',
  name: '加处罚款未满三十日即强制执行',
  description:
    '关联了罚款案件的划拨存款汇款、拍卖或依法处理查封扣押财物记录，实施之日该案件仍有未缴的缴款记录，实施日期在其中最早的缴款期限之后、且距该期限不超过设定天数（默认30日：加处罚款自缴款期限次日起算，缴款期限后第1至30日实施的计入，第31日起不计入）。缴款期限当日或之前实施的、所有缴款记录在实施前已缴清的、没有缴款记录的、未关联案件的不判断；强制拆除、代履行不在此列。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 46,
    note: '第一款；加处罚款自缴款期限届满次日起算（行政处罚法 第七十二条），超过三十日、经催告仍不履行的方可强制执行',
  },
  severity: 'medium',
  params: [{ name: 'min_days', label: '加处罚款须超过的天数', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}（案件{case_ref}），该案罚款缴款期限为{due_on}，实施之日仍未缴纳，{surcharge_text}，可能在加处罚款未超过三十日时即强制执行，请核实并说明。',
  groundTruth: { violation: 'coercion_fine_enforced_early', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ params, where, asOf, dialect }) => {
    const days = daysSql(dialect, sql`u.due_on`, sql`m.started_on`);
    return sql`
    WITH u AS (
      SELECT m.id, min(p.due_on) AS due_on
      FROM coercive_measures m JOIN payments p ON p.county_code = m.county_code AND p.case_id = m.case_id
      WHERE ${where('m')} AND m.measure IN ('transfer_funds', 'auction')
        AND (p.paid_on IS NULL OR p.paid_on > m.started_on)
      GROUP BY m.id
    )
    SELECT ${MEASURE_SUBJECT_COLUMNS}, COALESCE(c.source_id, c.id) AS case_ref, CAST(u.due_on AS VARCHAR) AS due_on,
           '加处罚款自缴款期限次日起算至实施之日为' || CAST(CAST(${days} AS INTEGER) AS VARCHAR) || '日' AS surcharge_text
    FROM ${MEASURE_NAMES} JOIN u ON u.id = m.id JOIN cases c ON c.county_code = m.county_code AND c.id = m.case_id
    WHERE ${where('m')} AND m.measure IN ('transfer_funds', 'auction') AND c.decision = 'fine'
      AND m.started_on <= CAST(${asOf} AS DATE) AND ${days} >= 1 AND ${days} <= ${num(params.min_days)}`;
  },
};
