// 中介服务费转嫁企业: an intermediary's fee for a service the agency commissioned itself, paid by the
// enterprise (优化营商环境条例 第四十三条 第三款: 行政机关在行政审批过程中需要委托中介服务机构开展技术性服务的，
// …自行承担服务费用，不得转嫁给市场主体承担; 浙江省民营企业发展促进条例 第三十三条 第二款: 行政机关依法委托
// 中介服务机构实施中介服务的，不得向民营企业转嫁中介服务费用). Every row of enterprise_charges is a charge
// the enterprise paid, so the record of the commission is the whole finding.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, CHARGE_SUBJECT_COLUMNS } from './fee-fragments.ts';

export const feePassedOn: ModelDefinition = {
  code: 'FEE_PASSED_ON',
  name: '中介服务费转嫁企业',
  description: '收费类别为中介服务费、记录为行政机关自行委托中介服务机构开展的服务，费用却由企业缴纳的涉企收费记录。',
  category: 'fees',
  basis: {
    regulationId: 'youhua-yingshang-huanjing-tiaoli',
    article: 43,
    note: '第三款（自行承担服务费用，不得转嫁给市场主体承担）；另见浙江省民营企业发展促进条例 第三十三条 第二款（不得向民营企业转嫁中介服务费用）',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{subject_name}于{charged_on}向{charged_by}缴纳中介服务费{amount}元{with_record}，记录中该服务由{agency_name}自行委托，可能将应由机关承担的中介服务费用转由企业承担，请核实并说明。',
  groundTruth: { violation: 'fee_passed_on', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    SELECT ${CHARGE_SUBJECT_COLUMNS}
    FROM ${CHARGE_NAMES}
    WHERE ${where('f')} AND f.fee_kind = 'intermediary' AND f.commissioned_by_agency`,
};
