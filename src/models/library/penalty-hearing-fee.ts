// 向当事人收取听证费用: a charge for a hearing (听证费) on an enterprise that asked the agency for a hearing
// in a penalty case. 行政处罚法 第六十四条（七）: 当事人不承担行政机关组织听证的费用. The case is the latest
// one of the charge's agency on the same enterprise with a hearing asked for by the day of the charge; a
// hearing fee with no such case (another agency's, or before any hearing was asked for) is not judged here.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, chargeSubjectColumns } from './fee-fragments.ts';

export const penaltyHearingFee: ModelDefinition = {
  code: 'PEN_HEARING_FEE',
  name: '向当事人收取听证费用',
  description:
    '收费类别为听证费的涉企收费记录，缴费企业是同一执法主体一件行政处罚案件的当事人，且在收费日或之前已要求听证；找不到这样的案件的不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 64, note: '第六十四条（七）：当事人不承担行政机关组织听证的费用' },
  severity: 'high',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{charged_by}于{charged_on}向{subject_name}收取听证费{amount}元，该企业于{hearing_requested_on}就{agency_name}办理的“{item_name}”一案要求听证，可能由当事人承担了组织听证的费用，请核实并说明。',
  groundTruth: { violation: 'hearing_fee', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    WITH x AS (
      SELECT f.county_code, f.id, k.id AS case_id,
             row_number() OVER (PARTITION BY f.county_code, f.id ORDER BY k.hearing_requested_on DESC, k.id) AS rn
      FROM enterprise_charges f JOIN cases k ON k.county_code = f.county_code AND k.agency_id = f.agency_id
        AND k.entity_uscc = f.entity_uscc AND k.hearing_requested_on IS NOT NULL AND k.hearing_requested_on <= f.charged_on
      WHERE ${where('f')} AND f.fee_kind = 'hearing'
    )
    SELECT ${chargeSubjectColumns("f.id || ',' || k.id")},
           CAST(k.hearing_requested_on AS VARCHAR) AS hearing_requested_on, COALESCE(i.name, k.item_code) AS item_name
    FROM x JOIN ${CHARGE_NAMES} ON f.county_code = x.county_code AND f.id = x.id
      JOIN cases k ON k.county_code = x.county_code AND k.id = x.case_id LEFT JOIN items i ON i.code = k.item_code
    WHERE x.rn = 1`,
};
