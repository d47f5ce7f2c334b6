// The follow-up answers of the period with the record each is about (an inspection, a case or a service
// visit, through its task) and that record's agency and officer: the CTE `fa` the satisfaction
// indicators share. One join per subject kind, not three outer joins: a join on (kind, id) with an OR
// of kinds made DuckDB probe all three tables for every answer (demo scale: 380 ms → see docs/evaluation.md).
import { sql, type Sql } from '../../store/sql.ts';
import type { IndicatorContext } from './indicator.ts';

export function followupAnswers({ inRegion, during }: IndicatorContext, condition: Sql): Sql {
  return sql`fa AS (
    WITH a AS (
      SELECT a.id, a.region_code, a.satisfaction, a.says_inspection, ft.subject_kind, ft.subject_id
      FROM followup_answers a JOIN followup_tasks ft ON ft.id = a.task_id
      WHERE ${inRegion('a')} AND ${during('CAST(a.answered_at AS DATE)')} AND ${condition}
    )
    SELECT a.*, i.agency_id, i.lead_officer_id AS officer_id FROM a JOIN inspections i ON i.id = a.subject_id WHERE a.subject_kind = 'inspection'
    UNION ALL
    SELECT a.*, c.agency_id, c.lead_officer_id FROM a JOIN cases c ON c.id = a.subject_id WHERE a.subject_kind = 'case'
    UNION ALL
    SELECT a.*, v.agency_id, v.officer_id FROM a JOIN service_visits v ON v.id = a.subject_id WHERE a.subject_kind = 'service_visit'
  )`;
}
