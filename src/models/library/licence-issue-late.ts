// 准予许可后未按期颁发证件: 行政许可法 第四十四条 — “行政机关作出准予行政许可的决定，应当自作出决定之日起十日内
// 向申请人颁发、送达行政许可证件，或者加贴标签、加盖检验、检测、检疫印章。” The ten days are working days
// (第八十二条), counted on the working-day calendar (src/models/window.ts) from the day after the decision:
// a certificate issued on the 10th working day is in time, on the 11th late. A granted licence with no
// issue date is not judged: an empty column says nothing (a licensing system that exports no certificate
// dates would make every granted licence a hit). Refused and pending licences are not judged.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';

export const licenceIssueLate: ModelDefinition = {
  code: 'LIC_ISSUE_LATE',
  name: '准予许可后未按期颁发证件',
  description:
    '准予许可的行政许可，证件颁发（送达）日期晚于决定之日起设定的工作日（默认十个工作日，法定节假日不计）；没有证件颁发日期的不作判断。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 44, note: '期限以工作日计算，不含法定节假日（第八十二条）' },
  severity: 'medium',
  params: [{ name: 'window_days', label: '颁发证件期限（工作日）', type: 'integer', default: 10, min: 1, max: 60 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，{agency_name}于{decided_on}准予“{item_name}”许可，于{issued_on}颁发证件，超过作出决定之日起{window_days}个工作日的期限（至{deadline}），可能未按期颁发、送达行政许可证件，请核实并说明。',
  groundTruth: { violation: 'licence_issue_late', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ params, where }) => {
    return sql`
      WITH t AS (
        SELECT t.* FROM licences t
        WHERE ${where('t')} AND t.result = 'granted' AND t.decided_on IS NOT NULL AND t.issued_on IS NOT NULL
          AND ${workdaysLateSql(sql`t.decided_on`, sql`t.issued_on`, params.window_days)}
      )
      SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
             e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
             COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.decided_on AS VARCHAR) AS decided_on,
             CAST(t.issued_on AS VARCHAR) AS issued_on, ${workdayDeadlineSql(sql`t.decided_on`, params.window_days)} AS deadline
      FROM t
        LEFT JOIN items it ON it.code = t.item_code
        LEFT JOIN entities e ON e.uscc = t.entity_uscc
        LEFT JOIN agencies g ON g.id = t.agency_id`;
  },
};
