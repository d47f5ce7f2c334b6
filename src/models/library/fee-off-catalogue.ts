// 目录清单外收费: an administrative fee, a government fund or a deposit charged on an enterprise whose record
// names no number of the published 目录清单 (优化营商环境条例 第二十五条: 对政府性基金、涉企行政事业性收费、
// 涉企保证金…实行目录清单管理并向社会公开，目录清单之外的前述收费和保证金一律不得执行). A
// government-priced service fee is on the catalogue too, but a record does not say whether a service is
// government-priced: service fees are left out rather than guessed.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, CHARGE_SUBJECT_COLUMNS } from './fee-fragments.ts';

export const feeOffCatalogue: ModelDefinition = {
  code: 'FEE_OFF_CATALOGUE',
  name: '目录清单外收费',
  description:
    '收费类别为行政事业性收费、政府性基金或涉企保证金，目录清单编号为空的涉企收费记录。经营服务性收费不判断（记录不能说明是否实行政府定价）；行政机关或其所属事业单位随许可、检查收取的经营服务性收费、中介服务费等由 LIC_SUPERVISION_FEE 判断，两者收费类别不重叠，同一笔收费只提示一次。',
  category: 'fees',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 25 },
  severity: 'high',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{charged_by}于{charged_on}向{subject_name}收取{fee_label}{amount}元{with_record}（相关部门：{agency_name}），记录中没有目录清单编号，可能在目录清单之外收费，请核实并说明。',
  groundTruth: { violation: 'fee_off_catalogue', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    SELECT ${CHARGE_SUBJECT_COLUMNS}
    FROM ${CHARGE_NAMES}
    WHERE ${where('f')} AND f.fee_kind IN ('admin_fee', 'fund', 'deposit') AND COALESCE(TRIM(f.catalogue_no), '') = ''`,
};
