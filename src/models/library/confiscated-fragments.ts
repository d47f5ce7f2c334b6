// SQL fragments of the confiscated-goods models (confiscated-*.ts; not a model itself): one row of
// 罚没物品 (alias g) as its own subject, with the party's and the agency's names, and the Chinese name
// of its disposal.
import { raw } from '../../store/sql.ts';

/** 公开拍卖 / 销毁 / … of a disposal column. */
export const DISPOSAL_LABEL = raw(`CASE g.disposal WHEN 'auction' THEN '公开拍卖' WHEN 'destroy' THEN '销毁'
  WHEN 'transfer' THEN '移交有关部门' WHEN 'return' THEN '退还' WHEN 'sold' THEN '变卖' WHEN 'other' THEN '其他'
  ELSE COALESCE(g.disposal, '') END`);

/** The hit columns of one row of confiscated goods (alias g) as its own subject (join GOODS_NAMES). */
export const GOODS_SUBJECT_COLUMNS = raw(`'confiscated_goods' AS subject_kind, g.id AS subject_id, g.region_code, g.agency_id,
  '' AS window_key, g.id AS evidence_ids, g.case_id, g.entity_uscc, COALESCE(e.name, g.entity_uscc) AS subject_name,
  COALESCE(a.name, g.agency_id) AS agency_name, g.description, CAST(g.confiscated_on AS VARCHAR) AS confiscated_on`);
export const GOODS_NAMES = raw(
  'confiscated_goods g LEFT JOIN entities e ON e.uscc = g.entity_uscc LEFT JOIN agencies a ON a.id = g.agency_id',
);
