// SQL fragments of the device models (非现场执法, 行政处罚法 第四十一条; not a model itself): a case decided
// on the evidence of an electronic monitoring device, joined to the device, the party, the item and the
// agency, and the wording of the device in an explanation.
import { raw } from '../../store/sql.ts';

/** A case (alias c) decided with a penalty on a device's evidence, its device (d), party (e), item (i) and agency (a). */
export const DEVICE_CASE_NAMES = raw(`cases c JOIN monitoring_devices d ON d.county_code = c.county_code AND d.id = c.device_id
  LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code LEFT JOIN agencies a ON a.id = c.agency_id`);

/** The cases the device models judge: a fine or a warning decided, on a device's evidence, with the day of the violation. */
export const DEVICE_CASE_DECIDED = raw(`c.device_id IS NOT NULL AND c.decision IN ('fine', 'warning') AND c.decided_on IS NOT NULL
  AND c.occurred_on IS NOT NULL`);

/** "测速设备（文三路与学院路交叉口东侧）" of a device alias. */
export const deviceText = (d: string) =>
  raw(`(CASE ${d}.device_kind WHEN 'camera' THEN '视频监控设备' WHEN 'speed' THEN '测速设备' WHEN 'noise' THEN '噪声监测设备'
    ELSE '电子技术监控设备' END || '（' || ${d}.location || '）')`);

/** The columns of a case hit with its device: the case as subject and evidence, names for the explanation. */
export const DEVICE_CASE_COLUMNS = raw(`'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key,
  c.id AS evidence_ids, COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
  COALESCE(a.name, c.agency_id) AS agency_name, CAST(c.occurred_on AS VARCHAR) AS occurred_on,
  CAST(c.decided_on AS VARCHAR) AS decided_on, CASE c.decision WHEN 'fine' THEN '罚款' ELSE '警告' END AS decision_label`);
