// 补正告知超期: 行政许可法 第三十二条 第一款 第（四）项 — “申请材料不齐全或者不符合法定形式的，应当当场或者在五日内
// 一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理”. The five days are working
// days (第八十二条), counted on the working-day calendar (src/models/window.ts) from the day after the
// materials were received (received_on): a notice on the 5th working day is in time, on the 6th late.
// Judged only where the licence records both days; an application that needed no supplement has no notice.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';

export const licenceNoOneTimeNotice: ModelDefinition = {
  code: 'LIC_NO_ONE_TIME_NOTICE',
  name: '补正告知超期',
  description:
    '行政许可申请的一次性告知补正日期晚于收到申请材料之日起设定的工作日（默认五个工作日，法定节假日不计）。只判断同时记有收到申请材料日期和一次性告知补正日期的申请。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 32, note: '第一款第（四）项；期限以工作日计算，不含法定节假日（第八十二条）' },
  severity: 'low',
  params: [{ name: 'window_days', label: '一次告知期限（工作日）', type: 'integer', default: 5, min: 1, max: 30 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，{agency_name}于{received_on}收到“{item_name}”的申请材料，于{notified_on}一次性告知补正，超过收到材料之日起{window_days}个工作日的期限（至{deadline}），可能未按期一次告知需要补正的全部内容，请核实并说明。',
  groundTruth: { violation: 'licence_no_one_time_notice', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ params, where }) => sql`
    WITH t AS (
      SELECT t.* FROM licences t
      WHERE ${where('t')} AND t.received_on IS NOT NULL AND t.supplement_notified_on IS NOT NULL
        AND ${workdaysLateSql(sql`t.received_on`, sql`t.supplement_notified_on`, params.window_days)}
    )
    SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
           COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.received_on AS VARCHAR) AS received_on,
           CAST(t.supplement_notified_on AS VARCHAR) AS notified_on,
           ${workdayDeadlineSql(sql`t.received_on`, params.window_days)} AS deadline
    FROM t
      LEFT JOIN items it ON it.code = t.item_code
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies g ON g.id = t.agency_id`,
};
