// 多次要求补正: 行政许可法 第三十二条 第一款 第（四）项 — “申请材料不齐全或者不符合法定形式的，应当当场或者在五日内
// 一次告知申请人需要补正的全部内容”. An application whose applicant was told to supplement the materials
// more than once (supplement_count ≥ min_count, default 2). A record that does not state the count is
// not judged.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';

export const licenceRepeatedSupplement: ModelDefinition = {
  code: 'LIC_REPEATED_SUPPLEMENT',
  name: '多次要求补正',
  description: '行政许可申请记录的补正告知次数达到设定的次数（默认2次）；补正告知次数未填的不判断。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 32, note: '第一款第（四）项：一次告知申请人需要补正的全部内容' },
  severity: 'low',
  params: [{ name: 'min_count', label: '补正告知次数达到', type: 'integer', default: 2, min: 2, max: 10 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，{agency_name}办理“{item_name}”的申请（申请日期{applied_on}）时告知申请人补正{supplement_count}次，可能未一次告知需要补正的全部内容，请核实并说明。',
  groundTruth: { violation: 'licence_repeated_supplement', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ params, where }) => sql`
    SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
           COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.applied_on AS VARCHAR) AS applied_on, t.supplement_count
    FROM licences t
      LEFT JOIN items it ON it.code = t.item_code
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies g ON g.id = t.agency_id
    WHERE ${where('t')} AND t.supplement_count IS NOT NULL AND t.supplement_count >= ${num(params.min_count)}`,
};
