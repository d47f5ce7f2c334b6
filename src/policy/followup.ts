// Follow-up (回访): campaigns are the supervising office's — supervisors and admins create, draw and
// read those of their region's subtree (tasks, call lists, invitations, answers, reports). Results by
// agency or officer and the duty team's daily list are read by them and by the agency roles, for their
// own agency only; invited supervisors and liaisons read neither (the answers are record-level data).
// The public survey needs no account: its signed single-use token is the permission
// (src/followup/survey.ts).
import type { Caller } from '../auth/caller.ts';
import { isAgencyRole } from '../auth/caller.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import { NOTHING, REASONS, covers, definePolicy, regionSql } from './policy.ts';

export const campaignPolicy = definePolicy<{ regionCode?: string }, 'read' | 'manage'>({
  actions: ['read', 'manage'],
  check(caller, _action, { regionCode }) {
    if (caller.role !== 'supervisor' && caller.role !== 'admin') return '仅监督员和管理员可以管理回访活动';
    return regionCode !== undefined && !covers(caller, regionCode) ? `该回访活动${REASONS.outside}` : null;
  },
});

export const followupResultsPolicy = definePolicy<{ regionCode?: string }, 'read'>({
  actions: ['read'],
  check(caller, _action, { regionCode }) {
    if (caller.role === 'invited_supervisor' || caller.role === 'discipline_liaison') return '无权查看回访评价结果';
    if (isAgencyRole(caller.role) && !caller.agencyId) return '执法部门账号未指定所属执法主体';
    return regionCode !== undefined && !covers(caller, regionCode) ? `该区划${REASONS.outside}` : null;
  },
});

/** Rows naming an agency (agencyColumn) and a region that the caller's follow-up results cover: the region's, and for agency roles their own agency's. */
export function followupResultsScope(caller: Caller, alias: string, agencyColumn = 'agency_id'): Sql {
  if (caller.role === 'invited_supervisor' || caller.role === 'discipline_liaison') return NOTHING;
  if (!isAgencyRole(caller.role)) return sql`(${regionSql(caller, alias)})`;
  return sql`(${regionSql(caller, alias)} AND ${raw(`${alias}.${agencyColumn}`)} = ${caller.agencyId ?? '-'})`;
}
