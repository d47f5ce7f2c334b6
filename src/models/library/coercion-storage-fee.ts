// 向当事人收取查封扣押保管费: a storage fee (保管费) an enterprise paid for goods or places an agency sealed or
// seized (行政强制法 第二十六条 第三款: 因查封、扣押发生的保管费用由行政机关承担). The charge is the agency's
// when the agency charged it itself, its 所属事业单位 did, or a keeper the agency commissioned (第二十六条
// 第二款: 委托第三人保管) or named did; a storage fee the enterprise paid a warehouse of its own choosing is
// not judged. The sealing or seizure is the one the charge names (coercive_measure_id), or, when it names
// none, the latest sealing or seizure of that agency on that enterprise started by the day of the charge.
// A storage fee of a keeper the agency named is judged here only, not by FEE_DESIGNATED_INTERMEDIARY.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CHARGE_NAMES, chargeSubjectColumns } from './fee-fragments.ts';

export const coercionStorageFee: ModelDefinition = {
  code: 'COE_STORAGE_FEE',
  name: '向当事人收取查封扣押保管费',
  description:
    '收费类别为保管费、由行政机关本身、其所属事业单位、受其委托或由其指定的机构向企业收取，且关联该机关的一次查封或扣押（未填关联强制措施的，该机关在收费日或之前对该企业实施过查封、扣押）的涉企收费记录；企业自行选择仓储机构的保管费不判断。指定机构收取的保管费只由本模型提示，FEE_DESIGNATED_INTERMEDIARY 不再重复。',
  category: 'coercion',
  basis: { regulationId: 'xingzheng-qiangzhi-fa', article: 26, note: '第三款（因查封、扣押发生的保管费用由行政机关承担）' },
  severity: 'high',
  params: [],
  evidenceKind: 'enterprise_charges',
  explanation:
    '数据显示，{charged_by}（{charger_text}）于{charged_on}向{subject_name}收取保管费{amount}元，{agency_name}于{measure_started_on}对其实施了{measure_label}，可能由当事人承担了查封、扣押的保管费用，请核实并说明。',
  groundTruth: { violation: 'coercion_storage_fee', recordKind: 'enterprise_charge' },
  realtime: { kind: 'enterprise_charges', subjectColumn: 'id' },
  query: ({ where }) => sql`
    WITH c AS (
      SELECT f.county_code, f.id, f.agency_id, f.entity_uscc, f.charged_on, f.coercive_measure_id
      FROM enterprise_charges f
      WHERE ${where('f')} AND f.fee_kind = 'storage'
        AND (f.charger_kind IN ('authority', 'affiliated') OR f.commissioned_by_agency OR f.designated_by_agency)
    ),
    x AS (
      SELECT c.county_code, c.id, m.id AS measure_id,
             row_number() OVER (PARTITION BY c.county_code, c.id ORDER BY m.started_on DESC, m.id) AS rn
      FROM c JOIN coercive_measures m ON m.county_code = c.county_code AND m.agency_id = c.agency_id
        AND m.measure IN ('seal', 'seize')
        AND ((c.coercive_measure_id IS NOT NULL AND m.id = c.coercive_measure_id)
          OR (c.coercive_measure_id IS NULL AND m.entity_uscc = c.entity_uscc AND m.started_on <= c.charged_on))
    )
    SELECT ${chargeSubjectColumns("f.id || ',' || m.id")},
           CASE WHEN f.charger_kind = 'authority' THEN '行政机关'
                WHEN f.charger_kind = 'affiliated' THEN '所属事业单位'
                WHEN f.commissioned_by_agency THEN '受行政机关委托保管'
                ELSE '由行政机关指定' END AS charger_text,
           CAST(m.started_on AS VARCHAR) AS measure_started_on,
           CASE m.measure WHEN 'seal' THEN '查封' ELSE '扣押' END AS measure_label
    FROM x JOIN ${CHARGE_NAMES} ON f.county_code = x.county_code AND f.id = x.id
      JOIN coercive_measures m ON m.county_code = x.county_code AND m.id = x.measure_id
    WHERE x.rn = 1`,
};
