// 针对性检查无来源编号: an inspection recorded as prompted by a complaint, a referral or data monitoring
// that names no ticket, referral or alert. Such inspections are exempt from the frequency, repeat and
// burden models (优化营商环境条例 第五十四条 第二款: 对通过投诉举报、转办交办、数据监测等发现的问题，应当有
// 针对性地进行检查) and from reporting beforehand (浙江省保障"最多跑一次"改革规定 第三十六条 第一项), so a
// routine inspection labelled targeted escapes them; the source's number is what shows it is not.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { TARGETED_KIND_LIST } from './sql-fragments.ts';

export const targetedNoTrigger: ModelDefinition = {
  code: 'INS_TARGETED_NO_TRIGGER',
  name: '针对性检查无线索来源',
  description: '检查类型登记为投诉举报、转办交办或数据监测检查，但没有登记所针对的工单、交办单或预警编号。',
  category: 'inspection',
  basis: {
    regulationId: 'youhua-yingshang-huanjing-tiaoli',
    article: 54,
    note: '第二款；另见《浙江省保障“最多跑一次”改革规定》第三十六条',
  },
  severity: 'low',
  params: [],
  evidenceKind: 'inspections',
  explanation:
    '数据显示，{agency_name}于{inspected_on}对该企业的检查登记为“{kind_label}”，但没有登记线索来源编号，可能是日常检查登记为针对性检查，请核实并说明。',
  groundTruth: { violation: 'targeted_no_trigger', recordKind: 'inspection' },
  realtime: { kind: 'inspections', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { inspections: 'id' }, names: ['entities', 'agencies'] },
  query: ({ where }) => sql`
    SELECT 'inspection' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, COALESCE(a.name, t.agency_id) AS agency_name, CAST(t.inspected_on AS VARCHAR) AS inspected_on,
           CASE t.kind WHEN 'complaint' THEN '投诉举报检查' WHEN 'referral' THEN '转办交办检查' ELSE '数据监测检查' END AS kind_label
    FROM inspections t LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies a ON a.id = t.agency_id
    WHERE ${where('t')} AND t.kind IN ${TARGETED_KIND_LIST} AND (t.trigger_ref IS NULL OR t.trigger_ref = '')`,
};
