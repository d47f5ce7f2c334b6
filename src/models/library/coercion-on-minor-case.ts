// 轻微违法实施强制措施: a sealing or seizure linked to a case the agency itself decided not to punish (不予处罚,
// 行政处罚法 第三十三条: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚). 行政强制法 第五条: 采用非强制
// 手段可以达到行政管理目的的，不得设定和实施行政强制; 优化营商环境条例 第五十九条: 违法行为情节轻微或者社会危害较小
// 的，可以不实施行政强制. A case excused may still have needed the goods held (evidence that would be lost,
// goods a danger to health), so the hit is a possibility to explain, of low severity, not a finding. Cases
// merely of low harm but fined are left out: the agency judged them serious enough to punish.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { factsText, MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionOnMinorCase: ModelDefinition = {
  code: 'COE_ON_MINOR_CASE',
  name: '轻微违法实施查封扣押',
  description:
    '查封、扣押关联的案件已决定不予处罚（违法行为轻微等情形），提示核实当时是否可以采用说服教育、劝导示范、行政指导等非强制手段达到管理目的；冻结和各类强制执行不在此列，案件处以罚款或警告的不在此列。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 5,
    note: '优化营商环境条例 第五十九条：违法行为情节轻微或者社会危害较小的，可以不实施行政强制；不予处罚见行政处罚法 第三十三条',
  },
  severity: 'low',
  params: [],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施{measure_label}，关联案件于{decided_on}决定不予处罚（{facts}），可能存在采用非强制手段即可达到管理目的而实施{measure_label}的情形，请核实实施的必要性并说明。',
  groundTruth: { violation: 'coercion_on_minor_case', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id', mayHit: carries('case_id') },
  query: ({ where, asOf }) => sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS}, CAST(c.decided_on AS VARCHAR) AS decided_on, ${factsText('c')} AS facts
    FROM ${MEASURE_NAMES} JOIN cases c ON c.county_code = m.county_code AND c.id = m.case_id
    WHERE ${where('m')} AND m.measure IN ('seal', 'seize') AND m.started_on <= CAST(${asOf} AS DATE)
      AND c.decision = 'no_penalty' AND c.decided_on <= CAST(${asOf} AS DATE)`,
};
