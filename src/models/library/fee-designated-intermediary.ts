// 指定中介服务机构: a charge by a provider the agency named for the enterprise (优化营商环境条例 第四十三条
// 第二款: 行政机关不得为市场主体指定或者变相指定中介服务机构; 浙江省民营企业发展促进条例 第三十三条 第二款).
// The record says so itself (designated_by_agency); who chose a provider is not visible in the charges
// otherwise.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, CHARGE_SUBJECT_COLUMNS } from './fee-fragments.ts';

export const feeDesignatedIntermediary: ModelDefinition = {
  code: 'FEE_DESIGNATED_INTERMEDIARY',
  name: '指定中介服务机构',
  description:
    '记录为服务机构由行政机关指定或者变相指定、费用由企业缴纳的涉企收费记录（保管费以外的任何收费类别；指定机构保管查封、扣押财物收取的保管费由 COE_STORAGE_FEE 判断，不重复提示）。',
  category: 'fees',
  basis: {
    regulationId: 'youhua-yingshang-huanjing-tiaoli',
    article: 43,
    note: '第二款（行政机关不得为市场主体指定或者变相指定中介服务机构）；另见浙江省民营企业发展促进条例 第三十三条 第二款（不得利用职权指定或者变相指定中介服务机构）',
  },
  severity: 'medium',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{subject_name}于{charged_on}向{charged_by}缴纳{fee_label}{amount}元{with_record}，记录中该机构由{agency_name}指定，可能为企业指定或者变相指定了服务机构，请核实并说明。',
  groundTruth: { violation: 'fee_designated_intermediary', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    SELECT ${CHARGE_SUBJECT_COLUMNS}
    FROM ${CHARGE_NAMES}
    WHERE ${where('f')} AND f.designated_by_agency AND f.fee_kind <> 'storage'`,
};
