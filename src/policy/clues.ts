// Clues, their reports and their evidence files: who reads a clue, who acts on it as its region's
// supervisor or as its assigned agency, who adds files, who files new clues and takes in 12345 tickets.
// When an action may be taken (from which status) is the loop's table, src/clues/workflow.ts; who may
// take it is decided here.
//
// - admin, supervisor: the clues of their region's subtree; they act as its region supervisor.
// - agency_staff, officer: clues assigned to their own agency, from assignment to closing; staff act
//   as the assigned agency (sign, rectify, upload evidence), officers read.
// - invited_supervisor: the clues they filed, or that a report of theirs was joined to as a duplicate,
//   within their region — their own reports on it and its progress; not others' reports, not the
//   evidence (the records a model cites, the rectification files).
// - discipline_liaison: the clues of their region transferred to discipline inspection, with their
//   reports and evidence files.
import type { Caller } from '../auth/caller.ts';
import { ROLE_LABELS } from '../auth/caller.ts';
import { FINAL_STATUSES, SOURCE_LABELS, type ClueStatus } from '../domain/clues.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { EVERYTHING, REASONS, covers, definePolicy, regionSql } from './policy.ts';

/**
 * Statuses in which the assigned agency sees the clue: from assignment to closing (not before, not after
 * a transfer). A 简易 clue is the agency's from the start (self_check).
 */
export const AGENCY_VISIBLE_STATUSES: readonly ClueStatus[] = ['self_check', 'assigned', 'rectifying', 'submitted', 'returned', 'closed'];

/** What the clue policy reads of a clue. */
export interface ClueFacts {
  id: string;
  region_code: string;
  agency_id: string | null;
  status: ClueStatus;
  created_by: string | null;
  case_id: string | null;
}

/**
 * The two actors of the loop's table: the supervisor whose jurisdiction covers the clue's region, and
 * the staff of the agency it is assigned to. Admins act as either (the state rules still hold).
 */
export type ClueActor = 'region_supervisor' | 'assigned_agency';
export const ACTOR_LABELS: Record<ClueActor, string> = {
  region_supervisor: '线索所在辖区的监督员',
  assigned_agency: '承办单位的执法部门人员',
};

export type ClueAction = 'read' | ClueActor | 'upload' | 'read_evidence';

const mergedAway = (c: ClueFacts) => !!c.case_id && c.case_id !== c.id;

function actorProblem(caller: Caller, clue: ClueFacts, by: ClueActor): string | null {
  if (caller.role === 'admin') return null;
  const ok =
    by === 'region_supervisor'
      ? caller.role === 'supervisor' && covers(caller, clue.region_code)
      : caller.role === 'agency_staff' && !!caller.agencyId && caller.agencyId === clue.agency_id;
  return ok ? null : `仅${ACTOR_LABELS[by]}可以执行此操作`;
}

function readProblem(caller: Caller, clue: ClueFacts, reporter: boolean): string | null {
  const inRegion = covers(caller, clue.region_code);
  let ok: boolean;
  switch (caller.role) {
    case 'admin':
    case 'supervisor':
      ok = inRegion;
      break;
    case 'agency_staff':
    case 'officer':
      ok = !!caller.agencyId && clue.agency_id === caller.agencyId && AGENCY_VISIBLE_STATUSES.includes(clue.status);
      break;
    case 'invited_supervisor':
      ok = inRegion && (clue.created_by === caller.userId || reporter);
      break;
    case 'discipline_liaison':
      ok = inRegion && clue.status === 'transferred';
      break;
  }
  return ok ? null : '无权访问该线索';
}

/**
 * Who may add files to a clue: the assigned agency while it rectifies (its evidence), and the region's
 * supervisors while the clue is open (material found at intake or review).
 */
function uploadProblem(caller: Caller, clue: ClueFacts): string | null {
  if (mergedAway(clue)) return `线索已并入案件 ${clue.case_id}，请在案件上传材料`;
  if (caller.role === 'agency_staff') {
    if (actorProblem(caller, clue, 'assigned_agency')) return '仅承办单位可以上传整改材料';
    return clue.status === 'rectifying' || clue.status === 'returned' ? null : '签收后、提交整改前才能上传整改材料';
  }
  if (caller.role === 'supervisor' || caller.role === 'admin') {
    if (actorProblem(caller, clue, 'region_supervisor')) return '仅线索所在辖区的监督员可以上传材料';
    return FINAL_STATUSES.includes(clue.status) ? '线索已办结，不能再上传材料' : null;
  }
  return '您的角色不能上传材料';
}

export const cluePolicy = definePolicy<{ clue: ClueFacts; reporter?: boolean }, ClueAction>({
  actions: ['read', 'region_supervisor', 'assigned_agency', 'upload', 'read_evidence'],
  check(caller, action, { clue, reporter = false }) {
    switch (action) {
      case 'read':
        return readProblem(caller, clue, reporter);
      case 'region_supervisor':
      case 'assigned_agency':
        return actorProblem(caller, clue, action);
      case 'upload':
        return uploadProblem(caller, clue);
      case 'read_evidence':
        // Rectification evidence is record-level material: not for the invited supervisor, who follows progress.
        return (
          readProblem(caller, clue, reporter) ?? (caller.role === 'invited_supervisor' ? '特邀监督员可查看办理进度，不查看整改材料' : null)
        );
    }
  },
});

/** The console sources of a new clue: an invited supervisor reports as such; supervisors enter any. */
export const CONSOLE_SOURCES = ['invited', 'contact_point', 'media', 'followup'] as const;
export type ConsoleSource = (typeof CONSOLE_SOURCES)[number];

export function consoleSourcesFor(caller: Caller): readonly ConsoleSource[] {
  if (caller.role === 'invited_supervisor') return ['invited'];
  if (caller.role === 'supervisor' || caller.role === 'admin') return CONSOLE_SOURCES;
  return [];
}

/** The clues a caller reads, in words, for the workbench's title (the same rule as clueScope). */
export function clueScopeLabel(caller: Caller): string {
  switch (caller.role) {
    case 'admin':
    case 'supervisor':
      return '本辖区的线索';
    case 'agency_staff':
    case 'officer':
      return '本部门承办的线索';
    case 'invited_supervisor':
      return '本人反映的线索';
    case 'discipline_liaison':
      return '移送纪检监察的线索';
  }
}

export type CluesAction = 'list' | 'create' | 'manage' | 'take_in_hotline' | 'escalate';

/**
 * Clues as a whole, in a region: filing one (create, with its source), bulk assignment and merging
 * (manage), taking in 12345 tickets (take_in_hotline: pushed by the 12345 system's account or a
 * supervisor, into the region of the ticket — a ticket already stored counts by its own region), and
 * the overdue escalation run by hand (escalate; the server runs it hourly as the system).
 */
export const cluesPolicy = definePolicy<{ regionCode?: string; source?: string }, CluesAction>({
  actions: ['list', 'create', 'manage', 'take_in_hotline', 'escalate'],
  check(caller, action, { regionCode, source }) {
    const outside = regionCode !== undefined && !covers(caller, regionCode) ? `${regionCode} ${REASONS.outside}` : null;
    switch (action) {
      case 'list':
        return null;
      case 'create': {
        const allowed = consoleSourcesFor(caller);
        if (allowed.length === 0) return '您的角色不能录入线索';
        if (source !== undefined && !(allowed as readonly string[]).includes(source))
          return `您只能录入以下来源的线索：${allowed.map((s) => SOURCE_LABELS[s]).join('、')}`;
        return outside && `只能录入本辖区的线索：${outside}`;
      }
      case 'manage':
        return caller.role === 'supervisor' || caller.role === 'admin' ? outside : `${ROLE_LABELS[caller.role]}不能交办、并案`;
      case 'take_in_hotline':
        if (caller.role !== 'supervisor' && caller.role !== 'admin') return '仅监督员或接口账号可以推送、处理12345工单';
        return outside && `只能处理本辖区的工单：${outside}`;
      case 'escalate':
        return caller.role === 'admin' ? null : '仅管理员可以手动执行逾期升级';
    }
  },
});

/** The clues a caller may read, as SQL over alias (the same rule as cluePolicy 'read'). */
export function clueScope(caller: Caller, alias = 'c'): Sql {
  const a = alias ? `${alias}.` : '';
  const region = regionSql(caller, alias);
  switch (caller.role) {
    case 'admin':
    case 'supervisor':
      return sql`(${region})`;
    case 'agency_staff':
    case 'officer':
      return sql`(${raw(`${a}agency_id`)} = ${caller.agencyId ?? '-'} AND ${raw(`${a}status`)} IN (${joinSql(
        AGENCY_VISIBLE_STATUSES.map((s) => sql`${s}`),
        ', ',
      )}))`;
    case 'invited_supervisor':
      return sql`(${region} AND (${raw(`${a}created_by`)} = ${caller.userId}
        OR EXISTS (SELECT 1 FROM clue_reports r WHERE r.clue_id = ${raw(`${a}id`)} AND r.source_ref = ${caller.userId})))`;
    case 'discipline_liaison':
      return sql`(${region} AND ${raw(`${a}status`)} = 'transferred')`;
  }
}

/** The reports of a readable clue the caller may read, as SQL over alias: an invited supervisor their own, the rest all. */
export function reportScope(caller: Caller, alias = 'r'): Sql {
  return caller.role === 'invited_supervisor' ? sql`${raw(`${alias}.source_ref`)} = ${caller.userId}` : EVERYTHING;
}
