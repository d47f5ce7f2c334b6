// SQL fragments of the fee models (涉企收费, 优化营商环境条例; not a model itself): a charge on an enterprise
// joined to the enterprise that paid and the agency it relates to, and the wording of its kind.
import { raw } from '../../store/sql.ts';

/**
 * A charge (alias f), the enterprise that paid it (e), the agency it relates to (a), and the licence (l,
 * its item li) or inspection (ins) it came with: one county's, as the import keeps them.
 */
export const CHARGE_NAMES =
  raw(`enterprise_charges f LEFT JOIN entities e ON e.uscc = f.entity_uscc LEFT JOIN agencies a ON a.id = f.agency_id
  LEFT JOIN licences l ON l.county_code = f.county_code AND l.id = f.licence_id LEFT JOIN items li ON li.code = l.item_code
  LEFT JOIN inspections ins ON ins.county_code = f.county_code AND ins.id = f.inspection_id`);

/** 行政事业性收费 … of a charge's fee_kind. */
export const FEE_LABEL = `CASE f.fee_kind WHEN 'admin_fee' THEN '行政事业性收费' WHEN 'fund' THEN '政府性基金' WHEN 'deposit' THEN '涉企保证金'
  WHEN 'service' THEN '经营服务性收费' WHEN 'intermediary' THEN '中介服务费' WHEN 'training' THEN '培训费'
  WHEN 'rating' THEN '评比达标费' WHEN 'storage' THEN '保管费' WHEN 'hearing' THEN '听证费' ELSE '其他收费' END`;

/**
 * The hit columns of one charge as its own subject and evidence, with the payer's, the charging body's
 * and the agency's names, the amount, the day and the kind of fee; `with_record`: "（随“食品经营许可”办理收取）"
 * or "（随2025-03-10的检查收取）" when the charge names the licence or inspection it came with, else ''.
 */
export const CHARGE_SUBJECT_COLUMNS = chargeSubjectColumns('f.id');

/** CHARGE_SUBJECT_COLUMNS with other evidence: an expression of the ids, comma-separated (the charge's first). */
export function chargeSubjectColumns(evidence: string) {
  return raw(`'enterprise_charge' AS subject_kind, f.id AS subject_id, f.region_code, f.agency_id,
  '' AS window_key, ${evidence} AS evidence_ids, f.entity_uscc, COALESCE(e.name, f.entity_uscc) AS subject_name,
  COALESCE(a.name, f.agency_id) AS agency_name, f.charged_by, f.amount, CAST(f.charged_on AS VARCHAR) AS charged_on,
  ${FEE_LABEL} AS fee_label,
  CASE WHEN f.licence_id IS NOT NULL THEN '（随“' || COALESCE(li.name, l.item_code, f.licence_id) || '”办理收取）'
       WHEN f.inspection_id IS NOT NULL THEN '（随' || COALESCE(CAST(ins.inspected_on AS VARCHAR) || '的', '') || '检查收取）'
       ELSE '' END AS with_record`);
}
