// The records a campaign follows up — penalty cases (after the decision), inspections and service
// visits — read alike: id, region, agency, the officer in charge, the entity, the day, what it was about.
import { sql, raw, type Sql } from '../store/sql.ts';

export const SUBJECT_KINDS = {
  case: { label: '行政处罚案件', after: '案后回访' },
  inspection: { label: '涉企行政检查', after: '检查后回访' },
  service_visit: { label: '涉企服务', after: '服务后回访' },
} as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;
export const isSubjectKind = (k: string): k is SubjectKind => k in SUBJECT_KINDS;

export interface SubjectRecord {
  id: string;
  region_code: string;
  agency_id: string;
  officer_id: string | null;
  entity_uscc: string;
  on_day: string;
  what: string;
  decision: string | null;
  fine_amount: number | null;
}

/** One kind's records as SubjectRecord columns (alias r for filters), with agency and entity names. */
export function recordsSql(kind: SubjectKind, where: (alias: string) => Sql): Sql {
  const cols = (day: string, officer: string, what: string, decision: string, fine: string) =>
    raw(
      `r.id, r.region_code, r.agency_id, ${officer} AS officer_id, r.entity_uscc, CAST(${day} AS VARCHAR) AS on_day, ${what} AS what, ` +
        `${decision} AS decision, ${fine} AS fine_amount`,
    );
  switch (kind) {
    case 'case':
      return sql`SELECT ${cols('r.decided_on', 'r.lead_officer_id', 'COALESCE(i.name, r.item_code)', 'r.decision', 'CAST(r.fine_amount AS DOUBLE PRECISION)')}
        FROM cases r LEFT JOIN items i ON i.code = r.item_code WHERE r.decided_on IS NOT NULL AND ${where('r')}`;
    case 'inspection':
      return sql`SELECT ${cols('r.inspected_on', 'r.lead_officer_id', 'COALESCE(ii.name, r.inspection_item_code)', 'CAST(NULL AS VARCHAR)', 'CAST(NULL AS DOUBLE PRECISION)')}
        FROM inspections r LEFT JOIN inspection_items ii ON ii.code = r.inspection_item_code WHERE ${where('r')}`;
    case 'service_visit':
      return sql`SELECT ${cols('r.visited_on', 'r.officer_id', 'r.topic', 'CAST(NULL AS VARCHAR)', 'CAST(NULL AS DOUBLE PRECISION)')}
        FROM service_visits r WHERE ${where('r')}`;
  }
}

/** The day column of a kind's table (for period filters). */
export const DAY_COLUMN: Record<SubjectKind, string> = { case: 'decided_on', inspection: 'inspected_on', service_visit: 'visited_on' };
