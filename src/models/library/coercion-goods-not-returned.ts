// 解除后未退还财物: a sealing or seizure released (解除), and the goods not returned within a few days of
// the release (行政强制法 第二十八条 第二款: 解除查封、扣押应当立即退还财物). "立即" names no count of days; the
// parameter (default three days, read as every "N天内": a return on the release day + 3 is in time) leaves
// room for a record entered a day late and for goods that must be carried back, no more. Only releases:
// goods confiscated or destroyed by a decision (处理决定) or transferred with the case (第二十一条) are not
// returned, and a freezing is lifted by the bank (第三十三条), with no goods to hand back.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionGoodsNotReturned: ModelDefinition = {
  code: 'COE_GOODS_NOT_RETURNED',
  name: '解除查封扣押后未退还财物',
  description:
    '查封、扣押已解除，解除之日后超过规定天数（默认三日，解除当日不计）财物退还日期仍为空，或退还日期晚于该期限；作出没收等处理决定或移送的、冻结存款汇款的不在此列。',
  category: 'coercion',
  basis: { regulationId: 'xingzheng-qiangzhi-fa', article: 28, note: '“立即退还”未规定天数，默认以解除后三日为限，可按地区调整' },
  severity: 'medium',
  params: [{ name: 'return_days', label: '解除后退还期限（日）', type: 'integer', default: 3, min: 0, max: 30 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}，{ended_on}解除，{state}，超过解除后{return_days}日，可能未立即退还财物，请核实并说明。',
  groundTruth: { violation: 'coercion_goods_not_returned', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ dialect, params, where, asOf }) => {
    const day = sql`CAST(${asOf} AS DATE)`;
    // Returned after the run's day (a run as of an earlier day): not yet returned on that day.
    const pending = sql`(m.goods_returned_on IS NULL OR m.goods_returned_on > ${day})`;
    const returned = sql`CASE WHEN ${pending} THEN ${day} ELSE m.goods_returned_on END`;
    return sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS}, CAST(m.ended_on AS VARCHAR) AS ended_on,
           CASE WHEN ${pending} THEN '截至' || CAST(${day} AS VARCHAR) || '没有财物退还记录'
                ELSE '财物于' || CAST(m.goods_returned_on AS VARCHAR) || '退还' END AS state,
           CAST(${daysSql(dialect, sql`m.ended_on`, returned)} AS INTEGER) AS days
    FROM ${MEASURE_NAMES}
    WHERE ${where('m')} AND m.measure IN ('seal', 'seize') AND m.status = 'released' AND m.ended_on <= ${day}
      AND ${daysLateSql(dialect, sql`m.ended_on`, returned, params.return_days)}`;
  },
};
