// 决定被撤销后未退还: an act of 强制执行 that took money or goods — 划拨存款、汇款 or 拍卖（依法处理）查封、扣押的
// 财物 — on a case whose penalty decision a 行政复议 or 行政诉讼 then revoked or changed, with no return of the
// money or goods N days after the review decision (or after the act, if it came later), or a return later
// than that. 行政强制法 第四十一条: 在执行中或者执行完毕后，据以执行的行政决定被撤销、变更，或者执行错误的，
// 应当恢复原状或者退还财物. The article names no term: the default of 30 days (read as every "N天内" of
// src/models/window.ts: a return on day D + 30 is in time) is the model's setting. 强制拆除 and 代履行 leave no
// money or goods to return (恢复原状 is not in the record) and are not judged; a decision changed may still
// leave part of the money due, which the hit asks the agency to explain.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS, outcomeLabel, routeLabel } from './sql-fragments.ts';

export const coercionNotRestored: ModelDefinition = {
  code: 'COE_NOT_RESTORED_AFTER_REVERSAL',
  name: '决定被撤销变更后未退还执行款物',
  description:
    '划拨存款汇款、拍卖或依法处理财物的强制执行所关联案件，其处罚决定经行政复议或行政诉讼被撤销、变更，自复议决定或裁判生效之日（执行在其后的，自执行之日）起超过设定天数（默认三十日，当日不计；第四十一条未规定期限，此为模型设定）仍无退还日期，或者退还晚于该期限；强制拆除、代履行不在此列。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 41,
    note: '“恢复原状或者退还财物”未规定期限，默认三十日为本模型的设定，可按地区调整；不能退还的依法给予赔偿',
  },
  severity: 'high',
  params: [{ name: 'restore_days', label: '撤销变更后退还期限（日）', type: 'integer', default: 30, min: 0, max: 365 }],
  evidenceKind: 'coercive_measures',
  groundTruth: { violation: 'coercion_not_restored', recordKind: 'coercive_measure' },
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}，关联案件的处罚决定经{route_label}于{review_decided_on}被{outcome_label}，{state}，历时{days}日，超过{restore_days}日，可能未退还执行的款物，请核实并说明。',
  realtime: { kind: 'coercive_measures', subjectColumn: 'id', mayHit: carries('case_id') },
  query: ({ dialect, params, where, asOf }) => {
    const day = sql`CAST(${asOf} AS DATE)`;
    // The first review of the case that revoked or changed its decision, by the run's day.
    const from = sql`CASE WHEN m.started_on > r.decided_on THEN m.started_on ELSE r.decided_on END`;
    const pending = sql`(m.goods_returned_on IS NULL OR m.goods_returned_on > ${day})`;
    const returned = sql`CASE WHEN ${pending} THEN ${day} ELSE m.goods_returned_on END`;
    return sql`
    WITH r AS (
      SELECT county_code, case_id, decided_on, outcome, route,
             row_number() OVER (PARTITION BY county_code, case_id ORDER BY decided_on, id) AS rn
      FROM review_outcomes
      WHERE outcome IN ('revoked', 'changed') AND decided_on <= ${day}
    )
    SELECT ${MEASURE_SUBJECT_COLUMNS}, CAST(r.decided_on AS VARCHAR) AS review_decided_on,
           ${outcomeLabel('r.outcome')} AS outcome_label, ${routeLabel('r.route')} AS route_label,
           CASE WHEN ${pending} THEN '截至' || CAST(${day} AS VARCHAR) || '没有退还记录'
                ELSE '于' || CAST(m.goods_returned_on AS VARCHAR) || '退还' END AS state,
           CAST(${daysSql(dialect, from, returned)} AS INTEGER) AS days
    FROM ${MEASURE_NAMES} JOIN r ON r.county_code = m.county_code AND r.case_id = m.case_id AND r.rn = 1
    WHERE ${where('m')} AND m.measure IN ('transfer_funds', 'auction') AND m.started_on <= ${day}
      AND ${daysLateSql(dialect, from, returned, params.restore_days)}`;
  },
};
