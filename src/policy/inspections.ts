// Inspections (涉企行政检查): plans and their draws, tasks with their 行政行为码, merge suggestions and
// the burden they relieve. Who may do what:
// - admin: everything in the province.
// - supervisor: reads the plans, tasks, suggestions and ratings of their region's subtree; computes
//   merge suggestions there and sees the burden; draws and decides nothing for an agency.
// - agency_staff: their own agency's plans and tasks (and a joint task one of theirs was merged into);
//   draws and adjusts their plans, makes ad-hoc tasks, revokes tasks, accepts or declines the
//   suggestions their tasks are in.
// - officer: reads their agency's plans and tasks (to print a notice).
// - invited supervisor, discipline liaison: none of it.
// A code's public verification and the enterprise's rating need no account (src/api/inspection-routes.ts).
import { ROLE_LABELS, isAgencyRole, type Caller } from '../auth/caller.ts';
import { raw, sql, type Sql } from '../store/sql.ts';
import { NOTHING, REASONS, covers, definePolicy, regionAgencyScope, regionSql } from './policy.ts';

const READERS: ReadonlySet<string> = new Set(['admin', 'supervisor', 'agency_staff', 'officer']);
const reads = (caller: Caller) => READERS.has(caller.role);
const readRefusal = (caller: Caller) => `${ROLE_LABELS[caller.role]}不查看检查计划和检查任务`;

export type InspectionsAction = 'read' | 'suggest_merges' | 'read_burden';

/** Inspections of a region as a whole: reading them at all; merge suggestions and the burden (its supervisors). */
export const inspectionsPolicy = definePolicy<{ regionCode?: string }, InspectionsAction>({
  actions: ['read', 'suggest_merges', 'read_burden'],
  check(caller, action, { regionCode }) {
    if (!reads(caller)) return readRefusal(caller);
    if (action === 'read') return null;
    if (caller.role !== 'supervisor' && caller.role !== 'admin') return '仅监督员可以生成合并建议和查看检查负担';
    return regionCode === undefined || covers(caller, regionCode) ? null : `该区划${REASONS.outside}`;
  },
});

export type InspectionWorkAction = 'draw' | 'adjust' | 'create_task' | 'revoke';

/** Acting for an agency on its plans and tasks: its own staff, or an administrator over its region. */
export const inspectionWorkPolicy = definePolicy<{ agencyId: string; regionCode: string }, InspectionWorkAction>({
  actions: ['draw', 'adjust', 'create_task', 'revoke'],
  check(caller, _action, { agencyId, regionCode }) {
    if (caller.role === 'admin' && covers(caller, regionCode)) return null;
    if (caller.role === 'agency_staff' && caller.agencyId === agencyId) return null;
    return caller.role === 'agency_staff'
      ? '只能操作本部门的检查计划和检查任务'
      : `${ROLE_LABELS[caller.role]}不能代执法部门抽取、调整或赋码，请由执法部门操作`;
  },
});

export type MergeSuggestionAction = 'decide';

/** Accepting or declining a merge: the staff of an agency the suggestion names. */
export const mergeSuggestionPolicy = definePolicy<{ memberAgencies: readonly string[] }, MergeSuggestionAction>({
  actions: ['decide'],
  check(caller, _action, { memberAgencies }) {
    return caller.role === 'agency_staff' && !!caller.agencyId && memberAgencies.includes(caller.agencyId)
      ? null
      : '只有合并建议涉及的执法部门可以确认或拒绝';
  },
});

/** Plans and their draws, as SQL over alias: region, and for agency roles their agency. */
export function planScope(caller: Caller, alias: string): Sql {
  return reads(caller) ? regionAgencyScope(caller, alias) : NOTHING;
}

/** Tasks, as SQL over alias: region (the entity's), and for agency roles their agency's tasks and the joint tasks theirs were merged into. */
export function taskScope(caller: Caller, alias: string): Sql {
  if (!reads(caller)) return NOTHING;
  const region = regionSql(caller, alias);
  if (!isAgencyRole(caller.role) || !caller.agencyId) return sql`(${region})`;
  const a = raw(alias);
  return sql`(${region} AND (${a}.agency_id = ${caller.agencyId} OR EXISTS (SELECT 1 FROM inspection_tasks m WHERE m.joint_task_id = ${a}.id AND m.agency_id = ${caller.agencyId})))`;
}

/** Merge suggestions, as SQL over alias: region, and for agency roles those with a task of theirs. */
export function suggestionScope(caller: Caller, alias: string): Sql {
  if (!reads(caller)) return NOTHING;
  const region = regionSql(caller, alias);
  if (!isAgencyRole(caller.role) || !caller.agencyId) return sql`(${region})`;
  return sql`(${region} AND EXISTS (SELECT 1 FROM merge_members mm WHERE mm.suggestion_id = ${raw(alias)}.id AND mm.agency_id = ${caller.agencyId}))`;
}
