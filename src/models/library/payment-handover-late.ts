// 当场收缴罚款未按期交至行政机关或缴付银行: 行政处罚法 第七十一条 — the officer hands money collected on the
// spot to the agency within 二日 of collecting it, and the agency pays it into the designated bank within
// 二日; the 二日 are working days (第八十五条), counted on the working-day calendar (src/models/window.ts).
// Not yet handed over (or not yet banked) counts as on the run's day.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';
import { PAYMENT_NAMES, PAYMENT_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const paymentHandoverLate: ModelDefinition = {
  code: 'PAY_HANDOVER_LATE',
  name: '当场收缴罚款未按期交至行政机关或缴付银行',
  description:
    '当场收缴的罚款，交至行政机关的日期晚于收缴之日后的规定工作日（默认二个工作日，法定节假日不计），或缴付银行的日期晚于交至行政机关之日后的规定工作日；尚未交至或尚未缴付的以统计日计。水上收缴自抵岸之日起算，记录不载明抵岸日期，按收缴日期计。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 71, note: '“二日”为工作日，不含法定节假日（第八十五条）' },
  severity: 'high',
  params: [{ name: 'limit_days', label: '交至和缴付期限（工作日）', type: 'integer', default: 2, min: 1, max: 30 }],
  evidenceKind: 'payments',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案罚款{amount}元由执法人员{collected_by}于{paid_on}当场收缴，{state}，可能未在{limit_days}个工作日内交至行政机关或缴付指定的银行，请核实并说明。',
  groundTruth: { violation: 'payment_handover_late', recordKind: 'payment' },
  realtime: { kind: 'payments', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const n = params.limit_days;
    const today = sql`CAST(${asOf} AS DATE)`;
    const handover = sql`COALESCE(p.handed_over_on, ${today})`;
    const handoverLate = workdaysLateSql(sql`p.paid_on`, handover, n);
    const bankLate = sql`(p.handed_over_on IS NOT NULL AND p.handed_over_on <= ${today}
      AND ${workdaysLateSql(sql`p.handed_over_on`, sql`COALESCE(p.banked_on, ${today})`, n)})`;
    return sql`
    SELECT ${PAYMENT_SUBJECT_COLUMNS},
           CASE WHEN ${handoverLate} THEN
                  CASE WHEN p.handed_over_on IS NULL THEN '截至' || CAST(${today} AS VARCHAR) || '没有交至行政机关的记录'
                       ELSE '于' || CAST(p.handed_over_on AS VARCHAR) || '交至行政机关' END
                  || '，晚于' || ${workdayDeadlineSql(sql`p.paid_on`, n)} || '的期限'
                ELSE '于' || CAST(p.handed_over_on AS VARCHAR) || '交至行政机关，' ||
                  CASE WHEN p.banked_on IS NULL THEN '截至' || CAST(${today} AS VARCHAR) || '没有缴付银行的记录'
                       ELSE '于' || CAST(p.banked_on AS VARCHAR) || '缴付银行' END
                  || '，晚于' || ${workdayDeadlineSql(sql`p.handed_over_on`, n)} || '的期限' END AS state
    FROM ${PAYMENT_NAMES}
    WHERE ${where('p')} AND p.method = 'on_spot' AND p.paid_on IS NOT NULL AND p.paid_on <= ${today}
      AND (${handoverLate} OR ${bankLate})`;
  },
};
