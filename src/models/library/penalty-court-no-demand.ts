// 申请强制执行前未催告: an application to the people's court for enforcement with no demand (催告书) served
// before it, or one served fewer than ten days before. 行政强制法 第五十四条: 行政机关申请人民法院强制执行前，
// 应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的，行政机关可以…申请强制执行. "十日后" is read
// as every "N天内" (src/models/window.ts, the day of service not counted): an application on the tenth day
// after service is in time, one on the ninth is not. An empty demand is read as none only where the
// source system sends demand_served_on: a system with no case carrying it has no column to read, and
// would otherwise raise every application to the court it sends. A system that has sent the date once is
// judged on every application, those without it too (per system, not per agency, as PEN_NOT_PUBLISHED).
// A demand recorded on a coercive measure does not count: it is the agency's own enforcement (第三十五条).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { daysSql } from '../window.ts';
import { CASE_SUBJECT_COLUMNS, casesOfSystemsSending } from './sql-fragments.ts';

export const penaltyCourtNoDemand: ModelDefinition = {
  code: 'PEN_COURT_NO_DEMAND',
  name: '申请强制执行前未催告',
  description:
    '案件有申请人民法院强制执行的日期，但没有催告书送达日期，或催告书送达日期距申请日不足设定天数（默认十日；送达当日不计，第十日申请不计入）；只判断报送过催告书送达日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-qiangzhi-fa', article: 54 },
  severity: 'medium',
  params: [{ name: 'min_days', label: '催告书送达后至申请的天数', type: 'integer', default: 10, min: 1, max: 90 }],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}于{court_applied_on}就当事人{subject_name}“{item_name}”一案申请人民法院强制执行，{demand_text}，可能未依法催告当事人履行义务即申请强制执行，请核实并说明。',
  groundTruth: { violation: 'court_no_demand', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: carries('court_applied_on') },
  query: ({ params, where, dialect }) => {
    const days = daysSql(dialect, sql`c.demand_served_on`, sql`c.court_applied_on`);
    return sql`
    WITH ${casesOfSystemsSending('demand_served_on')}
    SELECT ${CASE_SUBJECT_COLUMNS},
           COALESCE(a.name, c.agency_id) AS agency_name, CAST(c.court_applied_on AS VARCHAR) AS court_applied_on,
           CASE WHEN c.demand_served_on IS NULL THEN '记录中没有催告书送达日期'
                ELSE '催告书于' || CAST(c.demand_served_on AS VARCHAR) || '送达，距申请仅' || CAST(CAST(${days} AS INTEGER) AS VARCHAR) || '日（不足' || CAST(${num(params.min_days)} AS VARCHAR) || '日）' END AS demand_text
    FROM cases c JOIN s ON s.source_system = c.source_system LEFT JOIN agencies a ON a.id = c.agency_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE ${where('c')} AND c.court_applied_on IS NOT NULL
      AND (c.demand_served_on IS NULL OR ${days} < ${num(params.min_days)})`;
  },
};
