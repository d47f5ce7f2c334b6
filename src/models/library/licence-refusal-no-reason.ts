// 不予许可未说明理由: 行政许可法 第三十八条 第二款 — “行政机关依法作出不予行政许可的书面决定的，应当说明理由，并告知
// 申请人享有依法申请行政复议或者提起行政诉讼的权利。” A refused licence whose record says the written decision
// did not (reasons_given false). A refusal that does not say (NULL) is not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';

export const licenceRefusalNoReason: ModelDefinition = {
  code: 'LIC_REFUSAL_NO_REASON',
  name: '不予许可未说明理由',
  description:
    '不予许可的行政许可，记录为书面决定未说明理由并告知申请行政复议或者提起行政诉讼的权利（是否说明理由为“否”）；未填写的不判断。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 38, note: '第二款' },
  severity: 'medium',
  params: [],
  evidenceKind: 'licences',
  explanation:
    '数据显示，{agency_name}{decided_text}对“{item_name}”的申请作出不予许可决定，记录为未说明理由并告知申请行政复议或者提起行政诉讼的权利，可能未依法说明理由、告知救济权利，请核实并说明。',
  groundTruth: { violation: 'licence_refusal_no_reason', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ where }) => sql`
    SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
           COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.decided_on AS VARCHAR) AS decided_on,
           CASE WHEN t.decided_on IS NULL THEN '' ELSE '于' || CAST(t.decided_on AS VARCHAR) END AS decided_text
    FROM licences t
      LEFT JOIN items it ON it.code = t.item_code
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies g ON g.id = t.agency_id
    WHERE ${where('t')} AND t.result = 'refused' AND t.reasons_given = FALSE`,
};
