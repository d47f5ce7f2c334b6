// The clue loop as data (发现 → 交办 → 整改 → 销号): one table of transitions saying from which statuses
// an action may be taken, the status it leads to, which actor takes it (whether a caller is that actor
// is src/policy/clues.ts's to say) and what it needs. `applyTransition` is the only code that changes a clue's status by a user's action; it checks
// the table, writes the change, the timeline event, webhooks and the audit entry in one transaction.
// The tests walk the same table, so a row added here is tested for every role and status at once.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql, joinSql } from '../store/sql.ts';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { addDays, isIsoDate } from '../domain/dates.ts';
import type { Caller } from '../auth/caller.ts';
import { CLUE_SOURCES, CLUE_STATUSES, FINAL_STATUSES, SOURCE_LABELS, type ClueSource, type ClueStatus } from '../domain/clues.ts';
import { ACTOR_LABELS, authorize, can, type ClueActor } from '../policy/index.ts';
import type { Severity } from '../models/model.ts';
import { KeduError, badRequest, forbidden, notFound } from '../domain/errors.ts';
import { enqueueWebhook, type WebhookEvent } from '../integration/webhooks.ts';
import { clueNotification, notify } from '../notifications/notify.ts';
import { CLUE_SETTINGS } from './settings.ts';
import { todayOf, type Clock } from './clock.ts';

export { CLUE_STATUSES, FINAL_STATUSES, CLUE_SOURCES, SOURCE_LABELS, type ClueStatus, type ClueSource };

export const STATUS_LABELS: Record<ClueStatus, string> = {
  new: '待研判',
  self_check: '简易自查',
  triaged: '已研判',
  assigned: '已交办',
  rectifying: '整改中',
  submitted: '待审核',
  returned: '退回整改',
  closed: '已销号',
  dismissed: '已排除',
  transferred: '已移送纪检监察',
};

export const OPEN_STATUSES: readonly ClueStatus[] = CLUE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
/** Statuses in which the agency's deadline runs: a clue in one of them past its deadline is overdue. */
export const DEADLINE_STATUSES: readonly ClueStatus[] = ['self_check', 'assigned', 'rectifying', 'returned'];
/** Who may take an action: its region's supervisor or its assigned agency (decided in src/policy/clues.ts). */
export type ActorKind = ClueActor;
/** What an action needs in its request: a comment (the reason), an agency, a rectification report, evidence files. */
export type Requirement = 'comment' | 'agency' | 'rectification' | 'evidence';

export interface Transition {
  action: string;
  label: string;
  from: readonly ClueStatus[];
  to: ClueStatus;
  by: ActorKind;
  requires: readonly Requirement[];
  /** Set the deadline: from the request, else from the severity (assign), else keep it (return). */
  deadline?: 'set' | 'optional';
  /** Move a 简易 clue to the full loop (一般): its procedure changes and its self-check deadline ends. */
  procedure?: 'general';
  webhook?: WebhookEvent;
  /** The in-app notification the step raises (src/notifications/kinds.ts), to the agency or the office. */
  notify?: 'assigned' | 'returned' | 'submitted' | 'transferred';
}

export const TRANSITIONS = [
  { action: 'triage', label: '研判', from: ['new'], to: 'triaged', by: 'region_supervisor', requires: [] },
  // 简易: the agency checks a light clue itself and closes it with a note (docs/supervision-brain.md,
  // "Triage"); the supervisor may send it to the full loop instead, as a file that grows does by itself.
  { action: 'self_close', label: '自查办结', from: ['self_check'], to: 'closed', by: 'assigned_agency', requires: ['comment'] },
  {
    action: 'upgrade',
    label: '转一般程序',
    from: ['self_check'],
    to: 'new',
    by: 'region_supervisor',
    requires: ['comment'],
    procedure: 'general',
  },
  {
    action: 'assign',
    label: '交办',
    from: ['new', 'triaged', 'assigned'],
    to: 'assigned',
    by: 'region_supervisor',
    requires: ['agency'],
    deadline: 'set',
    webhook: 'clue.assigned',
    notify: 'assigned',
  },
  { action: 'accept', label: '签收', from: ['assigned'], to: 'rectifying', by: 'assigned_agency', requires: [] },
  {
    action: 'submit',
    label: '提交整改',
    from: ['rectifying', 'returned'],
    to: 'submitted',
    by: 'assigned_agency',
    requires: ['rectification', 'evidence'],
    webhook: 'clue.submitted',
    notify: 'submitted',
  },
  { action: 'close', label: '销号', from: ['submitted'], to: 'closed', by: 'region_supervisor', requires: [], webhook: 'clue.closed' },
  {
    action: 'return',
    label: '退回',
    from: ['submitted'],
    to: 'returned',
    by: 'region_supervisor',
    requires: ['comment'],
    deadline: 'optional',
    webhook: 'clue.returned',
    notify: 'returned',
  },
  { action: 'dismiss', label: '排除', from: ['new', 'triaged'], to: 'dismissed', by: 'region_supervisor', requires: ['comment'] },
  {
    action: 'transfer',
    label: '移送纪检监察',
    from: ['new', 'self_check', 'triaged', 'assigned', 'rectifying', 'submitted', 'returned'],
    to: 'transferred',
    by: 'region_supervisor',
    requires: ['comment'],
    webhook: 'clue.transferred',
    notify: 'transferred',
  },
] as const satisfies readonly Transition[];

export type ClueAction = (typeof TRANSITIONS)[number]['action'];
export const CLUE_ACTIONS = TRANSITIONS.map((t) => t.action) as ClueAction[];

/** Labels of every timeline event, transitions and the rest. */
export const EVENT_LABELS: Record<string, string> = {
  ...Object.fromEntries(TRANSITIONS.map((t) => [t.action, t.label])),
  create: '发现',
  link: '重复线索并入',
  extend: '延期',
  escalate: '逾期升级',
  merge: '并案',
  attach: '上传材料',
  notice: '制发文书',
  join: '新命中并入',
};

export { ACTOR_LABELS };

export const transitionFor = (action: string): Transition | undefined =>
  (TRANSITIONS as readonly Transition[]).find((t) => t.action === action);

/** A clue as stored. */
export interface ClueRow {
  id: string;
  region_code: string;
  agency_id: string | null;
  source: ClueSource;
  model_code: string | null;
  dedupe_key: string;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: string | null;
  params: string | null;
  status: ClueStatus;
  deadline: string | null;
  created_at: string;
  updated_at: string;
  case_id: string | null;
  entity_uscc: string | null;
  subject_name: string | null;
  created_by: string | null;
  rectification: string | null;
  basis: string | null;
  escalation_level: string | null;
  escalated_at: string | null;
  number: string | null;
  /** Clues raised by the models: simple (简易) or general (一般); NULL (other sources): general. */
  procedure: string | null;
  bundle_subject: string | null;
  bundle_key: string | null;
  risk_score: number | null;
  hit_count: number | null;
}

// ── who may act ───────────────────────────────────────────────────────────────────────────────

/** Why the caller may not act as `by` on the clue, or null when they may (the policy's answer). */
export function actorProblem(caller: Caller, clue: ClueRow, by: ActorKind): string | null {
  return can(caller, by, { type: 'clue', clue }) ? null : `仅${ACTOR_LABELS[by]}可以执行此操作`;
}

/** The transitions the caller could take on the clue now: the policy says who, the table says from which status. */
export function allowedActions(caller: Caller, clue: ClueRow): ClueAction[] {
  if (clue.case_id && clue.case_id !== clue.id) return [];
  return TRANSITIONS.filter((t) => (t.from as readonly string[]).includes(clue.status) && !actorProblem(caller, clue, t.by)).map(
    (t) => t.action,
  );
}

/**
 * Everything the caller may do with the clue now, for the console's buttons: each transition, and
 * extending the deadline, uploading files, merging it into a case, issuing a notice on it.
 */
export function clueAbilities(caller: Caller, clue: ClueRow): Record<ClueAction | 'extend' | 'upload' | 'merge' | 'notice', boolean> {
  const allowed = allowedActions(caller, clue);
  const merged = !!clue.case_id && clue.case_id !== clue.id;
  const supervises = !merged && can(caller, 'region_supervisor', { type: 'clue', clue });
  return {
    ...(Object.fromEntries(CLUE_ACTIONS.map((a) => [a, allowed.includes(a)])) as Record<ClueAction, boolean>),
    extend: supervises && DEADLINE_STATUSES.includes(clue.status) && !!clue.deadline,
    upload: can(caller, 'upload', { type: 'clue', clue }),
    merge: supervises && !FINAL_STATUSES.includes(clue.status),
    notice: supervises && can(caller, 'issue', { type: 'notices' }) && clue.status !== 'dismissed',
  };
}

// ── loading ───────────────────────────────────────────────────────────────────────────────────

export async function loadClue(store: Store, id: string): Promise<ClueRow | undefined> {
  const [row] = await store.query<ClueRow>(sql`SELECT * FROM clues WHERE id = ${id}`);
  return row;
}

async function reportedBy(store: Store, caller: Caller, clueId: string): Promise<boolean> {
  if (caller.role !== 'invited_supervisor') return false;
  const [r] = await store.query(sql`SELECT 1 AS ok FROM clue_reports WHERE clue_id = ${clueId} AND source_ref = ${caller.userId}`);
  return !!r;
}

/** Loads a clue the caller may read: 404 when there is none, 403 when it lies outside their scope. */
export async function visibleClue(store: Store, caller: Caller, id: string): Promise<ClueRow> {
  const clue = await loadClue(store, id);
  if (!clue) throw notFound(`未找到线索 ${id}`);
  authorize(caller, 'read', { type: 'clue', clue, reporter: await reportedBy(store, caller, id) });
  return clue;
}

/** The clues merged into a case (not the case's own clue). */
export async function caseMembers(store: Store, caseId: string): Promise<ClueRow[]> {
  return store.query<ClueRow>(sql`SELECT * FROM clues WHERE case_id = ${caseId} AND id <> ${caseId} ORDER BY id`);
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────

export interface ClueEvent {
  id: string;
  clue_id: string;
  region_code: string;
  actor_user_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  detail: string | null;
  occurred_at: string;
}

export async function insertEvent(tx: Store, e: Omit<ClueEvent, 'id' | 'detail'> & { detail?: unknown }): Promise<ClueEvent> {
  const row: ClueEvent = {
    ...e,
    id: `EV-${randomUUID()}`,
    detail: e.detail === undefined || e.detail === null ? null : JSON.stringify(e.detail),
  };
  await tx.exec(sql`INSERT INTO clue_events (id, clue_id, region_code, actor_user_id, action, from_status, to_status, comment, detail, occurred_at)
    VALUES (${row.id}, ${row.clue_id}, ${row.region_code}, ${row.actor_user_id}, ${row.action}, ${row.from_status}, ${row.to_status}, ${row.comment}, ${row.detail}, ${row.occurred_at})`);
  return row;
}

export interface TransitionInput {
  action: string;
  comment?: string;
  agencyId?: string;
  deadline?: string;
  rectification?: string;
  attachmentIds?: string[];
}

export interface TransitionResult {
  clue: ClueRow;
  event: ClueEvent;
  members: string[];
}

const MIN_RECTIFICATION = 10;

function illegal(clue: ClueRow, t: Transition): KeduError {
  const from = t.from.map((s) => `「${STATUS_LABELS[s]}」`).join('、');
  return new KeduError(
    'illegal_transition',
    `线索 ${clue.id} 当前状态为「${STATUS_LABELS[clue.status]}」，不能${t.label}；${t.label}仅适用于${from}状态的线索`,
  );
}

/** Checks a requested deadline: a real date, not before today. */
export function deadlineProblem(deadline: string, today: string): string | null {
  if (!isIsoDate(deadline)) return `整改期限不是有效日期：${deadline}`;
  if (deadline < today) return `整改期限不能早于今天（${today}）`;
  return null;
}

export const defaultDeadline = (severity: Severity, today: string): string =>
  addDays(today, CLUE_SETTINGS.deadlineDays[severity] ?? CLUE_SETTINGS.deadlineDays.medium);

/** The outward JSON of a clue in webhook bodies. */
export function webhookClue(c: ClueRow) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    regionCode: c.region_code,
    agencyId: c.agency_id,
    severity: c.severity,
    title: c.title,
    deadline: c.deadline,
    source: c.source,
    caseId: c.case_id,
  };
}

/**
 * Takes one action on one clue. Checks, in order: the clue exists (404) and the caller may read it
 * (403); it is not a clue merged into a case (409: act on the case); the action is known (400); the
 * caller is the actor the table names (403); the clue's status allows it (409 illegal_transition);
 * the request carries what the action needs (400). Then writes the clue and the members of its case,
 * one timeline event each, webhooks, and the audit entries, together.
 */
export async function applyTransition(
  store: Store,
  caller: Caller,
  clueId: string,
  input: TransitionInput,
  clock: Clock,
): Promise<TransitionResult> {
  return withAudit(store, caller.regionCode, async (tx) => {
    const clue = await visibleClue(tx, caller, clueId);
    if (clue.case_id && clue.case_id !== clue.id) {
      throw new KeduError('illegal_transition', `线索 ${clue.id} 已并入案件 ${clue.case_id}，请对案件办理`);
    }
    const t = transitionFor(input.action);
    if (!t) throw badRequest(`未知的操作：${input.action}（可选：${CLUE_ACTIONS.join(', ')}）`, 'action');
    const who = actorProblem(caller, clue, t.by);
    if (who) throw forbidden(`无权${t.label}线索 ${clue.id}：${who}`);
    if (!(t.from as readonly string[]).includes(clue.status)) throw illegal(clue, t);
    const members = await caseMembers(tx, clue.id);
    for (const m of members) {
      const p = actorProblem(caller, m, t.by);
      if (p) throw forbidden(`无权${t.label}案件 ${clue.id}：其中的线索 ${m.id} 不在您的辖区内`);
    }

    const today = todayOf(clock);
    const now = clock().toISOString();
    const comment = input.comment?.trim() || null;
    const next = {
      agency_id: clue.agency_id,
      deadline: clue.deadline,
      rectification: clue.rectification,
      escalation_level: clue.escalation_level,
      escalated_at: clue.escalated_at,
    };
    const detail: Record<string, unknown> = {};

    if (t.requires.includes('comment') && !comment) throw badRequest(`${t.label}须填写理由`, 'comment');
    if (t.requires.includes('agency')) {
      if (!input.agencyId) throw badRequest('交办须指定承办单位', 'agencyId');
      const [agency] = await tx.query<{ id: string; region_code: string }>(
        sql`SELECT id, region_code FROM agencies WHERE id = ${input.agencyId}`,
      );
      if (!agency) throw badRequest(`执法主体不存在：${input.agencyId}`, 'agencyId');
      if (!can(caller, 'manage', { type: 'clues', regionCode: agency.region_code })) {
        throw badRequest(`只能交办给本辖区的执法主体：${input.agencyId} 不在您的辖区内`, 'agencyId');
      }
      next.agency_id = agency.id;
      detail.agencyId = agency.id;
      if (clue.agency_id && clue.agency_id !== agency.id) detail.previousAgencyId = clue.agency_id;
    }
    if (t.deadline) {
      if (input.deadline !== undefined) {
        const p = deadlineProblem(input.deadline, today);
        if (p) throw badRequest(p, 'deadline');
        next.deadline = input.deadline;
      } else if (t.deadline === 'set') {
        next.deadline = defaultDeadline(clue.severity, today);
      }
      if (next.deadline !== clue.deadline) {
        detail.deadline = next.deadline;
        // A new deadline starts a new count: an earlier escalation no longer applies.
        next.escalation_level = null;
        next.escalated_at = null;
      }
    }
    if (t.procedure) {
      // The full loop sets its own deadline when the clue is assigned.
      next.deadline = null;
      next.escalation_level = null;
      next.escalated_at = null;
      detail.procedure = t.procedure;
    }
    if (t.requires.includes('rectification')) {
      const text = input.rectification?.trim() ?? '';
      if (text.length < MIN_RECTIFICATION) throw badRequest(`整改情况须至少${MIN_RECTIFICATION}个字`, 'rectification');
      next.rectification = text;
    }
    if (t.requires.includes('evidence')) {
      const ids = [...new Set(input.attachmentIds ?? [])];
      if (ids.length === 0) throw badRequest('提交整改须附整改证明材料（先上传附件）', 'attachmentIds');
      const found = await tx.query<{ id: string }>(
        sql`SELECT id FROM clue_attachments WHERE clue_id = ${clue.id} AND id IN (${joinSql(
          ids.map((i) => sql`${i}`),
          ', ',
        )})`,
      );
      const missing = ids.filter((i) => !found.some((f) => f.id === i));
      if (missing.length) throw badRequest(`附件不属于该线索：${missing.join(', ')}`, 'attachmentIds');
      detail.attachmentIds = ids;
    }

    const ids = [clue.id, ...members.map((m) => m.id)];
    await tx.exec(sql`UPDATE clues SET status = ${t.to}, procedure = ${t.procedure ?? clue.procedure}, agency_id = ${next.agency_id}, deadline = CAST(${next.deadline} AS DATE),
      rectification = ${next.rectification}, escalation_level = ${next.escalation_level}, escalated_at = CAST(${next.escalated_at} AS TIMESTAMPTZ), updated_at = ${now}
      WHERE id IN (${joinSql(
        ids.map((i) => sql`${i}`),
        ', ',
      )})`);
    const event = await insertEvent(tx, {
      clue_id: clue.id,
      region_code: clue.region_code,
      actor_user_id: caller.userId,
      action: t.action,
      from_status: clue.status,
      to_status: t.to,
      comment,
      occurred_at: now,
      detail: Object.keys(detail).length ? detail : null,
    });
    const audit: AuditEntryInput[] = [
      {
        actor: caller.userId,
        action: `clue.${t.action}`,
        target: clue.id,
        regionCode: clue.region_code,
        detail: { from: clue.status, to: t.to, comment, ...detail, ...(members.length ? { members: members.map((m) => m.id) } : {}) },
      },
    ];
    for (const m of members) {
      await insertEvent(tx, {
        clue_id: m.id,
        region_code: m.region_code,
        actor_user_id: caller.userId,
        action: t.action,
        from_status: m.status,
        to_status: t.to,
        comment,
        occurred_at: now,
        detail: { ...detail, viaCase: clue.id },
      });
      audit.push({
        actor: caller.userId,
        action: `clue.${t.action}`,
        target: m.id,
        regionCode: m.region_code,
        detail: { from: m.status, to: t.to, viaCase: clue.id },
      });
    }
    const updated = (await loadClue(tx, clue.id))!;
    if (t.webhook) {
      await enqueueWebhook(
        tx,
        t.webhook,
        updated.region_code,
        { clue: webhookClue(updated), members: members.map((m) => m.id), actor: caller.userId, comment },
        clock(),
      );
    }
    if (t.notify) await notify(tx, [clueNotification(updated, { kind: t.notify, at: new Date(now), key: event.id, comment })]);
    return { result: { clue: updated, event, members: members.map((m) => m.id) }, audit };
  });
}

// ── deadlines, cases ──────────────────────────────────────────────────────────────────────────

/** Extends a running deadline with a reason: the region's supervisor; later than now, at most maxExtensionDays. */
export async function extendDeadline(
  store: Store,
  caller: Caller,
  clueId: string,
  input: { deadline: string; reason: string },
  clock: Clock,
): Promise<TransitionResult> {
  return withAudit(store, caller.regionCode, async (tx) => {
    const clue = await visibleClue(tx, caller, clueId);
    if (clue.case_id && clue.case_id !== clue.id)
      throw new KeduError('illegal_transition', `线索 ${clue.id} 已并入案件 ${clue.case_id}，请对案件办理`);
    const who = actorProblem(caller, clue, 'region_supervisor');
    if (who) throw forbidden(`无权延期线索 ${clue.id}：${who}`);
    if (!DEADLINE_STATUSES.includes(clue.status) || !clue.deadline) {
      throw new KeduError(
        'illegal_transition',
        `线索 ${clue.id} 当前状态为「${STATUS_LABELS[clue.status]}」，没有进行中的整改期限，不能延期`,
      );
    }
    const reason = input.reason?.trim();
    if (!reason) throw badRequest('延期须填写理由', 'reason');
    if (!isIsoDate(input.deadline)) throw badRequest(`新期限不是有效日期：${input.deadline}`, 'deadline');
    const today = todayOf(clock);
    if (input.deadline <= clue.deadline || input.deadline < today)
      throw badRequest(`新期限须晚于原期限（${clue.deadline}）且不早于今天`, 'deadline');
    const limit = addDays(clue.deadline, CLUE_SETTINGS.maxExtensionDays);
    if (input.deadline > limit) throw badRequest(`一次最多延期${CLUE_SETTINGS.maxExtensionDays}天（至 ${limit}）`, 'deadline');
    const members = await caseMembers(tx, clue.id);
    const now = clock().toISOString();
    const ids = [clue.id, ...members.map((m) => m.id)];
    await tx.exec(
      sql`UPDATE clues SET deadline = CAST(${input.deadline} AS DATE), updated_at = ${now} WHERE id IN (${joinSql(
        ids.map((i) => sql`${i}`),
        ', ',
      )})`,
    );
    const detail = { from: clue.deadline, to: input.deadline };
    const event = await insertEvent(tx, {
      clue_id: clue.id,
      region_code: clue.region_code,
      actor_user_id: caller.userId,
      action: 'extend',
      from_status: clue.status,
      to_status: clue.status,
      comment: reason,
      occurred_at: now,
      detail,
    });
    for (const m of members) {
      await insertEvent(tx, {
        clue_id: m.id,
        region_code: m.region_code,
        actor_user_id: caller.userId,
        action: 'extend',
        from_status: m.status,
        to_status: m.status,
        comment: reason,
        occurred_at: now,
        detail: { ...detail, viaCase: clue.id },
      });
    }
    return {
      result: { clue: (await loadClue(tx, clue.id))!, event, members: members.map((m) => m.id) },
      audit: [
        {
          actor: caller.userId,
          action: 'clue.extend',
          target: clue.id,
          regionCode: clue.region_code,
          detail: { ...detail, reason, members: members.map((m) => m.id) },
        },
      ],
    };
  });
}

/**
 * Merges clues into one supervision case led by `caseId` (default: the first). The others take the
 * case's status, agency and deadline, and from then on follow it: every action on the case applies to
 * them, and they cannot be acted on alone.
 */
export async function mergeClues(
  store: Store,
  caller: Caller,
  clueIds: string[],
  caseId: string | undefined,
  comment: string | undefined,
  clock: Clock,
) {
  const ids = [...new Set(clueIds)];
  const leadId = caseId ?? ids[0];
  if (!ids.includes(leadId)) ids.unshift(leadId);
  if (ids.length < 2) throw badRequest('并案至少需要两条线索', 'clueIds');
  return withAudit(store, caller.regionCode, async (tx) => {
    const clues: ClueRow[] = [];
    for (const id of ids) {
      const c = await visibleClue(tx, caller, id);
      const p = actorProblem(caller, c, 'region_supervisor');
      if (p) throw forbidden(`无权并案：${p}（线索 ${id}）`);
      if (FINAL_STATUSES.includes(c.status)) throw new KeduError('illegal_transition', `线索 ${id} 已${STATUS_LABELS[c.status]}，不能并案`);
      if (c.case_id && c.case_id !== c.id) throw new KeduError('illegal_transition', `线索 ${id} 已并入案件 ${c.case_id}`);
      if (id !== leadId && c.case_id === c.id && (await caseMembers(tx, id)).length > 0) {
        throw new KeduError('illegal_transition', `线索 ${id} 本身是案件，请以它为主线索并案`);
      }
      clues.push(c);
    }
    const lead = clues.find((c) => c.id === leadId)!;
    const now = clock().toISOString();
    const others = clues.filter((c) => c.id !== leadId);
    await tx.exec(sql`UPDATE clues SET case_id = ${leadId}, updated_at = ${now} WHERE id = ${leadId}`);
    await tx.exec(sql`UPDATE clues SET case_id = ${leadId}, status = ${lead.status}, agency_id = ${lead.agency_id}, deadline = CAST(${lead.deadline} AS DATE),
      escalation_level = ${lead.escalation_level}, escalated_at = CAST(${lead.escalated_at} AS TIMESTAMPTZ), updated_at = ${now}
      WHERE id IN (${joinSql(
        others.map((c) => sql`${c.id}`),
        ', ',
      )})`);
    const note = comment?.trim() || null;
    await insertEvent(tx, {
      clue_id: leadId,
      region_code: lead.region_code,
      actor_user_id: caller.userId,
      action: 'merge',
      from_status: lead.status,
      to_status: lead.status,
      comment: note,
      occurred_at: now,
      detail: { members: others.map((c) => c.id) },
    });
    for (const c of others) {
      await insertEvent(tx, {
        clue_id: c.id,
        region_code: c.region_code,
        actor_user_id: caller.userId,
        action: 'merge',
        from_status: c.status,
        to_status: lead.status,
        comment: note,
        occurred_at: now,
        detail: { caseId: leadId },
      });
    }
    const members = (await caseMembers(tx, leadId)).map((c) => c.id);
    return {
      result: { caseId: leadId, members },
      audit: [
        {
          actor: caller.userId,
          action: 'clue.merge',
          target: leadId,
          regionCode: lead.region_code,
          detail: { added: others.map((c) => c.id), members, comment: note },
        },
      ],
    };
  });
}
