// 强制执行前未催告: an act of 行政强制执行 by the agency itself (第十二条: 划拨存款、汇款, 拍卖或者依法处理查封、
// 扣押的财物, 强制拆除、排除妨碍、恢复原状, 代履行) for a case, with no 催告书 served on or before the day it
// began. 行政强制法 第三十五条: 行政机关作出强制执行决定前，应当事先催告当事人履行义务. The 催告 is read on the
// act (demand_served_on) and on its case (cases.demand_served_on, the same 催告 when the records keep it
// there); either served on or before the day the act began answers the rule (a 催告 the day the act began
// is no hit: 第三十七条 lets the agency decide at once where the party is moving its goods away).
// Not judged: 查封、扣押、冻结 (强制措施, 第九条); an act linked to no case (the decision it carries out is
// not in the data); an urgent 代履行 (第五十二条: 立即实施代履行 to clear a road, river or public place
// needs no 催告); an act begun after the run's day. An empty 催告 is read as none only where a system sends
// the date: the act's source system has sent demand_served_on on a coercive measure, or its case's source
// system has sent it on a case, at least once. A source system that exports neither column has nothing
// to read, and would otherwise raise every act of enforcement it sends; a system that has sent the date
// once is judged on every act, those without it too (as PEN_NOT_PUBLISHED, per system, not per agency).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionEnforcementNoDemand: ModelDefinition = {
  code: 'COE_ENFORCEMENT_NO_DEMAND',
  name: '强制执行前未催告',
  description:
    '关联了处罚案件的划拨存款汇款、拍卖或依法处理查封扣押财物、强制拆除（排除妨碍、恢复原状）、代履行等强制执行记录，在实施日期当日或之前，强制执行记录和所关联案件上都没有催告书送达日期（没有记录，或送达日期晚于实施日期）。查封、扣押、冻结是强制措施，不在此列；未关联案件的、情况紧急立即实施的代履行（第五十二条）不判断；只判断报送过催告书送达日期的来源系统（强制执行记录的来源系统报送过强制执行记录上的催告书送达日期，或所关联案件的来源系统报送过案件上的催告书送达日期），两者都从未报送该项的不判断。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 35,
    note: '作出强制执行决定前应当事先催告；催告记在强制执行记录或所关联的案件上均可；立即代履行见第五十二条',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}（案件{case_ref}），{demand_text}，可能未事先催告当事人履行义务即强制执行，请核实并说明。',
  groundTruth: { violation: 'coercion_enforcement_no_demand', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ where, asOf }) => sql`
    WITH sm AS (
      SELECT DISTINCT source_system FROM coercive_measures WHERE demand_served_on IS NOT NULL
    ), sc AS (
      SELECT DISTINCT source_system FROM cases WHERE demand_served_on IS NOT NULL
    )
    SELECT ${MEASURE_SUBJECT_COLUMNS}, COALESCE(c.source_id, c.id) AS case_ref,
           CASE WHEN m.demand_served_on IS NULL AND c.demand_served_on IS NULL THEN '记录中没有催告书送达日期'
                ELSE '催告书送达日期为' || CAST(COALESCE(m.demand_served_on, c.demand_served_on) AS VARCHAR) || '，晚于实施日期' END AS demand_text
    FROM ${MEASURE_NAMES} JOIN cases c ON c.county_code = m.county_code AND c.id = m.case_id
      LEFT JOIN sm ON sm.source_system = m.source_system LEFT JOIN sc ON sc.source_system = c.source_system
    WHERE ${where('m')} AND (sm.source_system IS NOT NULL OR sc.source_system IS NOT NULL) AND m.measure IN ('transfer_funds', 'auction', 'remove', 'substitute')
      AND NOT (m.measure = 'substitute' AND m.urgent)
      AND m.started_on <= CAST(${asOf} AS DATE)
      AND (m.demand_served_on IS NULL OR m.demand_served_on > m.started_on)
      AND (c.demand_served_on IS NULL OR c.demand_served_on > m.started_on)`,
};
