// 案后投诉: the entity of a penalty case files a 12345 ticket about enforcement conduct while the case
// runs or within N days after its decision — a sign that the party felt the case was handled unfairly
// (行政处罚法 第七十五条: 有权申诉或者检举). A ticket concerns enforcement by its category or a word in its
// content, the same test the clue intake applies to hotline tickets (src/clues/settings.ts).
import { sql, raw, joinSql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql, maskTextSql } from './sql-fragments.ts';
import { HOTLINE_ENFORCEMENT } from '../../clues/settings.ts';

export const followupComplaintAfterCase: ModelDefinition = {
  code: 'FUP_COMPLAINT_AFTER_CASE',
  name: '案后执法投诉',
  description: '行政处罚案件的当事人在办案期间或处罚决定后规定天数内，通过12345热线反映执法问题。',
  category: 'followup',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 75 },
  severity: 'medium',
  triage: { evidence: 'report' },
  params: [{ name: 'window_days', label: '决定后天数', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'hotline_tickets',
  explanation:
    '数据显示，{subject_name}“{item_name}”一案（{agency_name}，{filed_on}立案{decision_text}）办理期间或决定后{window_days}天内，' +
    '当事人{ticket_count}次通过12345热线反映执法问题，首次于{first_ticket_on}反映“{first_ticket}”，办案过程可能存在问题，请核实并说明。',
  realtime: { kind: 'hotline_tickets', subjectColumn: 'entity_uscc' },
  query: ({ params, where, dialect }) => {
    const categories = joinSql(
      HOTLINE_ENFORCEMENT.categories.map((c) => sql`${c}`),
      ', ',
    );
    const words = joinSql(
      HOTLINE_ENFORCEMENT.keywords.map((k) => sql`h.content LIKE ${`%${k}%`}`),
      ' OR ',
    );
    const until = dialectSql(dialect.addDays, sql`COALESCE(c.decided_on, c.filed_on)`, sql`${num(params.window_days)}`);
    return sql`
    WITH t AS (
      SELECT c.id AS case_id, h.id AS ticket_id, h.received_at, h.content,
             ROW_NUMBER() OVER (PARTITION BY c.id ORDER BY h.received_at, h.id) AS rn
      FROM cases c JOIN hotline_tickets h ON h.entity_uscc = c.entity_uscc
        AND CAST(h.received_at AS DATE) >= c.filed_on AND CAST(h.received_at AS DATE) <= ${until}
      -- The ticket test mentions c so that it runs on the few joined pairs, not on every ticket (21 LIKEs).
      WHERE ${where('c')} AND CASE WHEN c.filed_on IS NULL THEN FALSE ELSE (h.category IN (${categories}) OR ${words}) END
    ), g AS (
      SELECT case_id, count(*) AS ticket_count, ${raw(dialect.stringAgg('ticket_id', ',', ['received_at', 'ticket_id']))} AS evidence_ids FROM t GROUP BY case_id
    )
    SELECT 'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, g.evidence_ids,
           COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name, COALESCE(a.name, c.agency_id) AS agency_name,
           CAST(c.filed_on AS VARCHAR) AS filed_on,
           CASE WHEN c.decided_on IS NULL THEN '，尚未作出决定' ELSE '，' || CAST(c.decided_on AS VARCHAR) || '作出决定' END AS decision_text,
           CAST(g.ticket_count AS INTEGER) AS ticket_count, CAST(CAST(f.received_at AS DATE) AS VARCHAR) AS first_ticket_on, ${maskTextSql('f.content')} AS first_ticket
    FROM g JOIN cases c ON c.id = g.case_id JOIN t f ON f.case_id = g.case_id AND f.rn = 1
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code LEFT JOIN agencies a ON a.id = c.agency_id`;
  },
};
