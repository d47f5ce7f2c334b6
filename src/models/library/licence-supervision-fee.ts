// 实施许可或监督检查收费: a charge by the agency itself or its 所属事业单位 that came with a licence or an
// inspection of that agency, naming no number of the published 目录清单 (行政许可法 第五十八条 第一款: 行政机关
// 实施行政许可和对行政许可事项进行监督检查，不得收取任何费用。但是，法律、行政法规另有规定的，依照其规定 —
// a fee a law or 行政法规 provides is listed in the catalogue, so a catalogue number is read as that
// exception). Charges another model already raises are left to it, so that one charge is raised once: an
// administrative fee, fund or deposit without a catalogue number (FEE_OFF_CATALOGUE), a training or rating
// fee (FEE_TRAINING_CHARGED), a storage fee of a sealing or seizure (COE_STORAGE_FEE). What is left is a
// service, intermediary or other fee the agency or its unit charged for the licence or inspection.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, CHARGE_SUBJECT_COLUMNS } from './fee-fragments.ts';

export const licenceSupervisionFee: ModelDefinition = {
  code: 'LIC_SUPERVISION_FEE',
  name: '实施许可或监督检查收费',
  description:
    '收费单位为行政机关本身或其所属事业单位、关联该机关的一项许可或一次检查、目录清单编号为空，收费类别为经营服务性收费、中介服务费或其他的涉企收费记录。行政事业性收费、政府性基金、涉企保证金由 FEE_OFF_CATALOGUE 判断，培训费、评比达标费由 FEE_TRAINING_CHARGED 判断，保管费由 COE_STORAGE_FEE 判断，本模型不重复提示。',
  category: 'licensing',
  basis: {
    regulationId: 'xingzheng-xuke-fa',
    article: 58,
    note: '第一款；法律、行政法规另有规定的收费列入目录清单，有目录清单编号的不判断',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{charged_by}（{charger_text}）于{charged_on}向{subject_name}收取{fee_label}{amount}元{with_record}（相关部门：{agency_name}），记录中没有目录清单编号，可能在实施行政许可或监督检查时收取费用，请核实并说明。',
  groundTruth: { violation: 'licence_supervision_fee', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    SELECT ${CHARGE_SUBJECT_COLUMNS},
           CASE WHEN f.charger_kind = 'authority' THEN '行政机关' ELSE '所属事业单位' END AS charger_text
    FROM ${CHARGE_NAMES}
    WHERE ${where('f')} AND f.charger_kind IN ('authority', 'affiliated') AND (f.licence_id IS NOT NULL OR f.inspection_id IS NOT NULL)
      AND f.fee_kind IN ('service', 'intermediary', 'other') AND COALESCE(TRIM(f.catalogue_no), '') = ''`,
};
