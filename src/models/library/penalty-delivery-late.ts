// 送达超期: a penalty decision not delivered within 7 days of being made (行政处罚法 第六十一条: 当事人
// 不在场的，行政机关应当在七日内…送达). The 七日 are working days (第八十五条), counted on the working-day
// calendar (src/models/window.ts). Delivery by post or by public notice (公告) is judged on the day it was
// sent: the agency controls the sending, not the post (民事诉讼法's rules of service by post, which
// 第六十一条 refers to); direct and electronic delivery on the day of delivery, and an undelivered one as
// of the run's date.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql, workdaysSql } from '../window.ts';

export const penaltyDeliveryLate: ModelDefinition = {
  code: 'PEN_DELIVERY_LATE',
  name: '处罚决定书送达超期',
  description:
    '行政处罚决定作出后，超过规定的工作日（默认七个工作日，法定节假日不计）才送达；邮寄和公告送达以寄出或公告之日计，直接送达和电子送达以送达之日计，尚未送达的以统计日计。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 61, note: '“七日”为工作日，不含法定节假日（第八十五条）' },
  severity: 'medium',
  params: [{ name: 'limit_days', label: '送达期限（工作日）', type: 'integer', default: 7, min: 1, max: 60 }],
  evidenceKind: 'deliveries',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{decided_on}作出处罚决定，{state}，晚于{limit_days}个工作日的送达期限（{deadline}），可能送达超期，请核实并说明。',
  groundTruth: { violation: 'delivery_overdue', recordKind: 'delivery' },
  realtime: { kind: 'deliveries', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const act = sql`CASE WHEN d.method IN ('post', 'notice') THEN d.sent_on ELSE COALESCE(d.delivered_on, CAST(${asOf} AS DATE)) END`;
    return sql`
    SELECT 'delivery' AS subject_kind, d.id AS subject_id, d.region_code, c.agency_id, '' AS window_key, d.id AS evidence_ids,
           c.id AS case_id, COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
           CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE WHEN d.method = 'post' THEN '于' || CAST(d.sent_on AS VARCHAR) || '邮寄'
                WHEN d.method = 'notice' THEN '于' || CAST(d.sent_on AS VARCHAR) || '公告送达'
                WHEN d.delivered_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未送达'
                ELSE '于' || CAST(d.delivered_on AS VARCHAR) || '送达' END AS state,
           ${workdayDeadlineSql(sql`c.decided_on`, params.limit_days)} AS deadline,
           CAST(${workdaysSql(sql`c.decided_on`, act)} AS INTEGER) AS workdays
    FROM deliveries d JOIN cases c ON c.county_code = d.county_code AND c.id = d.case_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE ${where('d')} AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE)
      AND ${workdaysLateSql(sql`c.decided_on`, act, params.limit_days)}`;
  },
};
