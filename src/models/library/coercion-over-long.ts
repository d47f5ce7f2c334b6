// 查封、扣押、冻结超期: a measure in force, or ended, beyond its term. 行政强制法 第二十五条: 查封、扣押的期限
// 不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日 — and the days of
// testing, inspection, quarantine or appraisal are not counted (第三款). 第三十二条 sets the same thirty
// days, and thirty more with approval, for 冻结存款、汇款 (no days left out). "三十日" is read as every "N天内"
// (src/models/window.ts): the day the measure starts is not counted, so a measure ended on day D + 30 is in
// time and one ended on D + 31, or still in force then, is not. An extension counts only when the record
// says the agency head approved it.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { daysSql } from '../window.ts';
import { IS_COERCIVE_MEASURE, MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionOverLong: ModelDefinition = {
  code: 'COE_OVER_LONG',
  name: '查封扣押冻结超期',
  description:
    '查封、扣押或冻结自实施之日起（当日不计）到解除或作出处理决定之日、仍在执行的到统计日，超过期限（默认三十日；记录载明延长经负责人批准的，再加延长期限，默认三十日）；查封、扣押记录载明的检测、检验、检疫或技术鉴定天数不计入。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 25,
    note: '冻结存款、汇款的期限见第三十二条（同为三十日，经批准可延长不超过三十日）；法律、行政法规另有规定的，按地区调整期限参数',
  },
  severity: 'high',
  params: [
    { name: 'limit_days', label: '期限（日）', type: 'integer', default: 30, min: 1, max: 365 },
    { name: 'extension_days', label: '经批准可延长（日）', type: 'integer', default: 30, min: 0, max: 365 },
  ],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}，{state}，共{days}日，{extension_text}，超过{allowed}日的期限，可能超期{measure_label}，请核实并说明。',
  groundTruth: { violation: 'coercion_over_long', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ dialect, params, where, asOf }) => {
    // Ended after the run's day (a run as of an earlier day): in force on that day.
    const open = sql`(m.ended_on IS NULL OR m.ended_on > CAST(${asOf} AS DATE))`;
    const end = sql`CASE WHEN ${open} THEN CAST(${asOf} AS DATE) ELSE m.ended_on END`;
    const testing = sql`CASE WHEN m.measure = 'freeze' THEN 0 ELSE COALESCE(m.testing_days, 0) END`;
    const allowed = sql`(${num(params.limit_days)} + CASE WHEN m.extended AND m.extension_approved THEN ${num(params.extension_days)} ELSE 0 END + ${testing})`;
    return sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS},
           CASE WHEN ${open} THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍在执行'
                WHEN m.status = 'released' THEN '至' || CAST(m.ended_on AS VARCHAR) || '解除'
                WHEN m.status = 'transferred' THEN '至' || CAST(m.ended_on AS VARCHAR) || '移送'
                ELSE '至' || CAST(m.ended_on AS VARCHAR) || '作出处理决定' END AS state,
           CAST(${daysSql(dialect, sql`m.started_on`, end)} AS INTEGER) AS days,
           CAST(${allowed} AS INTEGER) AS allowed,
           CASE WHEN m.extended AND m.extension_approved THEN '记录载明经负责人批准延长'
                WHEN m.extended THEN '记录载明延长但未载明经负责人批准'
                ELSE '记录未载明延长' END
             || CASE WHEN ${testing} > 0 THEN '，检测鉴定' || CAST(${testing} AS VARCHAR) || '日不计入' ELSE '' END AS extension_text
    FROM ${MEASURE_NAMES}
    WHERE ${where('m')} AND ${IS_COERCIVE_MEASURE} AND m.started_on <= CAST(${asOf} AS DATE)
      AND ${daysSql(dialect, sql`m.started_on`, end)} > ${allowed}`;
  },
};
