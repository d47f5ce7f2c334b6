// 送达超期: a penalty decision delivered more than 7 days after it was made, or still undelivered more
// than 7 days after it as of the run date (行政处罚法 第六十一条: 当事人不在场的，应当在七日内送达).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql } from './sql-fragments.ts';

export const penaltyDeliveryLate: ModelDefinition = {
  code: 'PEN_DELIVERY_LATE',
  name: '送达超期（处罚决定书未按期送达）',
  description: '行政处罚决定书自作出之日起超过七日才送达当事人，或超过七日仍未送达。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 61 },
  severity: 'medium',
  params: [{ name: 'limit_days', label: '送达期限（天）', type: 'integer', default: 7, min: 0, max: 90 }],
  evidenceKind: 'deliveries',
  explanation: '当事人{subject_name}“{item_name}”一案于{decided_on}作出处罚决定，{state}，距决定{days}天，超过{limit_days}天的送达期限。',
  groundTruth: { violation: 'delivery_overdue', recordKind: 'delivery' },
  realtime: { kind: 'deliveries', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`c.decided_on`, sql`COALESCE(d.delivered_on, CAST(${asOf} AS DATE))`);
    return sql`
    SELECT 'delivery' AS subject_kind, d.id AS subject_id, d.region_code, c.agency_id, '' AS window_key, d.id AS evidence_ids,
           c.id AS case_id, COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name,
           CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE WHEN d.delivered_on IS NULL THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '仍未送达（' || CAST(d.sent_on AS VARCHAR) || '寄出）'
                ELSE '于' || CAST(d.delivered_on AS VARCHAR) || '送达' END AS state,
           CAST(${days} AS INTEGER) AS days
    FROM deliveries d JOIN cases c ON c.id = d.case_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
    WHERE ${where('d')} AND c.decided_on IS NOT NULL AND c.decided_on <= CAST(${asOf} AS DATE) AND ${days} > ${num(params.limit_days)}`;
  },
};
