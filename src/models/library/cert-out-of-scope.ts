// 执法证范围不含办理事项: a penalty case filed by a lead or assisting officer whose enforcement certificate,
// valid on the filing day, states a scope (certificates.scope: line or item codes, comma-separated) that
// covers neither the case's item nor the item's line. 行政处罚法 第四十二条: 行政处罚应当由具有行政执法资格的
// 执法人员实施 — a certificate is issued for a field of enforcement, and a case outside it may be handled
// without the 执法资格 it needs. Read as a possibility: a scope may be written in other words than the codes.
// A scope not stated (NULL) says nothing: an officer with any valid certificate of unstated scope passes;
// so does one with no valid certificate at all (PEN_NO_CERT's). Comprehensive enforcement's own code (CLE)
// covers every item of an agency of comprehensive enforcement, which holds items of other lines (the
// reading of AGENCY_NOT_COMPETENT).
import { raw, sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { officersMayBeOutOfScope } from '../record-tests.ts';

/** A certificate scope (alias ce) as ',CODE,CODE,' in upper case, separators folded. */
const NORM = raw(`(',' || upper(regexp_replace(ce.scope, '\\s*[,，、;；]\\s*', ',', 'g')) || ',')`);

export const certOutOfScope: ModelDefinition = {
  code: 'OFF_CERT_SCOPE',
  name: '执法证范围不含办理事项',
  description:
    '处罚案件的主办或协办人员在立案当日有效的执法证，载明的执法范围既不含该案的处罚事项编码，也不含该事项所属条线（综合行政执法部门的案件，执法范围含综合行政执法即可）；执法范围未载明的不计。',
  category: 'officer',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 42 },
  severity: 'medium',
  triage: { officerFact: 'officer_ids' },
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}于{filed_on}立案的“{item_name}”案件（当事人{subject_name}，该事项为{line_name}条线的事项）中，{officer_details}，可能由执法证范围不含该事项的人员办案，请核实其执法资格并说明。',
  groundTruth: { violation: 'cert_out_of_scope', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id', mayHit: officersMayBeOutOfScope },
  query: ({ where, dialect }) => sql`
    WITH p AS (
      SELECT t.id, t.filed_on, t.agency_id, t.item_code, t.lead_officer_id AS officer_id, 1 AS role_order, '主办' AS role FROM cases t WHERE ${where('t')}
      UNION ALL
      SELECT t.id, t.filed_on, t.agency_id, t.item_code, t.assist_officer_id, 2, '协办' FROM cases t
      WHERE ${where('t')} AND t.assist_officer_id IS NOT NULL AND t.assist_officer_id <> t.lead_officer_id
    ), judged AS (
      SELECT p.id, p.officer_id, p.role_order, p.role,
             sum(CASE WHEN ce.scope IS NULL THEN 1 ELSE 0 END) AS unstated,
             sum(CASE WHEN ce.scope IS NOT NULL AND (strpos(${NORM}, ',' || upper(p.item_code) || ',') > 0
                   OR strpos(${NORM}, ',' || i.line_code || ',') > 0
                   OR (a.line_code = 'CLE' AND strpos(${NORM}, ',CLE,') > 0)) THEN 1 ELSE 0 END) AS covering,
             min(ce.scope) AS scope
      FROM p JOIN certificates ce ON ce.officer_id = p.officer_id AND ce.status = 'valid'
          AND ce.issued_on <= p.filed_on AND ce.expires_on >= p.filed_on
        JOIN items i ON i.code = p.item_code JOIN agencies a ON a.id = p.agency_id
      GROUP BY p.id, p.officer_id, p.role_order, p.role
    ), agg AS (
      SELECT j.id, ${raw(
        dialect.stringAgg(`j.role || COALESCE(o.name, j.officer_id) || '的执法证执法范围为' || j.scope`, '、', ['j.role_order']),
      )} AS officer_details,
             ${raw(dialect.stringAgg('j.officer_id', ',', ['j.role_order']))} AS officer_ids
      FROM judged j LEFT JOIN officers o ON o.id = j.officer_id
      WHERE j.unstated = 0 AND j.covering = 0
      GROUP BY j.id
    )
    SELECT 'case' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           COALESCE(e.name, t.entity_uscc) AS subject_name, COALESCE(a.name, t.agency_id) AS agency_name,
           CAST(t.filed_on AS VARCHAR) AS filed_on, COALESCE(i.name, t.item_code) AS item_name,
           COALESCE(l.name, i.line_code, '') AS line_name, g.officer_details, g.officer_ids
    FROM agg g JOIN cases t ON t.id = g.id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies a ON a.id = t.agency_id
      LEFT JOIN items i ON i.code = t.item_code LEFT JOIN lines l ON l.code = i.line_code`,
};
