// 借培训评比收费: a training, rating or award fee charged with an inspection or an approval of the agency
// (优化营商环境条例 第十七条 第二款: 不得强制或者变相强制市场主体参加评比、达标、表彰、培训、考核、考试以及
// 类似活动，不得借前述活动向市场主体收费或者变相收费; 浙江省民营企业发展促进条例 第三十四条). A training fee
// an enterprise paid on its own, tied to no inspection or licence, is not judged: the link to the
// agency's act is what suggests it was not voluntary.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, CHARGE_SUBJECT_COLUMNS } from './fee-fragments.ts';

export const feeTrainingCharged: ModelDefinition = {
  code: 'FEE_TRAINING_CHARGED',
  name: '借培训评比收费',
  description: '收费类别为培训费或评比达标费、且关联一次检查或一项许可的涉企收费记录；未关联检查或许可的不判断。',
  category: 'fees',
  basis: {
    regulationId: 'youhua-yingshang-huanjing-tiaoli',
    article: 17,
    note: '第二款（不得借前述活动向市场主体收费或者变相收费）；另见浙江省民营企业发展促进条例 第三十四条',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{charged_by}于{charged_on}向{subject_name}收取{fee_label}{amount}元{with_record}（相关部门：{agency_name}），可能借检查或审批强制企业参加培训、评比并收费，请核实并说明。',
  groundTruth: { violation: 'fee_training_charged', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    SELECT ${CHARGE_SUBJECT_COLUMNS}
    FROM ${CHARGE_NAMES}
    WHERE ${where('f')} AND f.fee_kind IN ('training', 'rating') AND (f.inspection_id IS NOT NULL OR f.licence_id IS NOT NULL)`,
};
