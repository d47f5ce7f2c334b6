// Who may do what with plans, tasks, merges and ratings, and the SQL that keeps every read inside it.
//
// - admin: everything in the province.
// - supervisor: reads the plans, tasks, suggestions and ratings of their region's subtree; computes
//   merge suggestions there and sees the burden; draws and decides nothing for an agency.
// - agency_staff: their own agency's plans and tasks (a joint task where one of its tasks was merged
//   in); draws and adjusts their plans, makes ad-hoc tasks, revokes tasks, accepts or declines the
//   suggestions their tasks are in.
// - officer: reads their agency's plans and tasks (to print a notice).
// - invited supervisor, discipline liaison: none of it (the public verify page is open to all).
import { isAgencyRole, ROLE_LABELS, scopeFilter, type Caller } from '../auth/caller.ts';
import { regionContains } from '../domain/region.ts';
import { forbidden } from '../domain/errors.ts';
import { raw, sql, type Sql } from '../store/sql.ts';

const READERS = new Set(['admin', 'supervisor', 'agency_staff', 'officer']);

export function assertReadsInspections(caller: Caller): void {
  if (!READERS.has(caller.role)) throw forbidden(`${ROLE_LABELS[caller.role]}不查看检查计划和检查任务`);
}

/** Plans and their draws: region, and for agency roles their agency. */
export function planScope(caller: Caller, alias: string): Sql {
  assertReadsInspections(caller);
  return scopeFilter(caller, alias, 'agency_id');
}

/** Tasks: region (the entity's), and for agency roles their agency's tasks and the joint tasks theirs were merged into. */
export function taskScope(caller: Caller, alias: string): Sql {
  assertReadsInspections(caller);
  const region = scopeFilter(caller, alias, null);
  if (!isAgencyRole(caller.role) || !caller.agencyId) return region;
  const a = raw(alias);
  return sql`(${region} AND (${a}.agency_id = ${caller.agencyId} OR EXISTS (SELECT 1 FROM inspection_tasks m WHERE m.joint_task_id = ${a}.id AND m.agency_id = ${caller.agencyId})))`;
}

/** Suggestions: region, and for agency roles those with a task of theirs. */
export function suggestionScope(caller: Caller, alias: string): Sql {
  assertReadsInspections(caller);
  const region = scopeFilter(caller, alias, null);
  if (!isAgencyRole(caller.role) || !caller.agencyId) return region;
  return sql`(${region} AND EXISTS (SELECT 1 FROM merge_members mm WHERE mm.suggestion_id = ${raw(alias)}.id AND mm.agency_id = ${caller.agencyId}))`;
}

/** Draw, adjust, make or revoke a task of an agency: its own staff, or an administrator. */
export function assertActsForAgency(caller: Caller, agencyId: string, regionCode: string): void {
  if (caller.role === 'admin' && regionContains(caller.regionCode, regionCode)) return;
  if (caller.role === 'agency_staff' && caller.agencyId === agencyId) return;
  throw forbidden(
    caller.role === 'agency_staff'
      ? '只能操作本部门的检查计划和检查任务'
      : `${ROLE_LABELS[caller.role]}不能代执法部门抽取、调整或赋码，请由执法部门操作`,
  );
}

/** Compute merge suggestions and read the burden of a region: its supervisors and administrators. */
export function assertSupervises(caller: Caller, regionCode: string): void {
  if ((caller.role === 'supervisor' || caller.role === 'admin') && regionContains(caller.regionCode, regionCode)) return;
  throw forbidden(
    caller.role === 'supervisor' || caller.role === 'admin' ? '该区划不在您的辖区内' : '仅监督员可以生成合并建议和查看检查负担',
  );
}
