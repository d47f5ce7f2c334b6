// The supervision history of the demo, planned clue by clue: what the supervisors and the agencies did
// with each clue from the day it was found to the as-of day — triage, assignment with the deadline of
// its severity, acceptance, evidence and rectification, review, returns, extensions, overdue
// escalation, dismissal, transfer — as the timeline events the real workflow would have written.
// Every step is checked against the workflow's own rules (TRANSITIONS, defaultDeadline, targetLevel,
// the extension limit) as it is planned, so the history never holds a step the console would refuse.
// Pure: no store, no clock; the same clue, seed and as-of day give the same plan.
import { createHash } from 'node:crypto';
import { addDays } from '../domain/dates.ts';
import type { Severity } from '../models/model.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import { defaultDeadline, transitionFor, type ClueStatus } from '../clues/workflow.ts';
import { LEVEL_LABELS, targetLevel, type EscalationLevel } from '../clues/escalation.ts';
import { dayOf, isoOf } from './calendar.ts';
import { Rng } from './prng.ts';

/** A clue as found: what the plan starts from. */
export interface FoundClue {
  id: string;
  regionCode: string;
  severity: Severity;
  /** The agency the finding concerns (the model's), or the one a supervisor would assign it to. */
  agencyId: string;
  /** When it was found (ms since the epoch). */
  foundAt: number;
  modelCode: string | null;
  /** 'simple': triage made it a 简易 clue, the agency's to check and close within `simpleDays`. */
  procedure?: string | null;
  simpleDays?: number;
}

export interface PlannedEvent {
  id: string;
  clueId: string;
  regionCode: string;
  /** 'supervisor' | 'agency' | 'system': whose desk took the step (the writer maps it to a user). */
  by: 'supervisor' | 'agency' | 'system';
  action: string;
  from: ClueStatus | null;
  to: ClueStatus | null;
  comment: string | null;
  detail: Record<string, unknown> | null;
  at: number;
}

/** What a clue looks like on the as-of day, and how it got there. */
export interface ClueHistory {
  clue: FoundClue;
  status: ClueStatus;
  /** 'simple' while a 简易 clue stays so; 'general' once sent to the full loop; null for other sources. */
  procedure: string | null;
  agencyId: string | null;
  deadline: string | null;
  rectification: string | null;
  escalationLevel: EscalationLevel | null;
  escalatedAt: number | null;
  updatedAt: number;
  events: PlannedEvent[];
  /** Evidence files uploaded with each submission: id, name and text (the writer stores them). */
  attachments: { id: string; at: number; fileName: string; text: string }[];
}

const DAY_MS = 86_400_000;
/** ms of a business day (Asia/Shanghai) at a second of that day. */
export const instantMs = (day: number, secondOfDay: number): number => day * DAY_MS + (secondOfDay - 8 * 3600) * 1000;
/** The business day of an instant. */
export const dayOfMs = (ms: number): number => Math.floor((ms + 8 * 3_600_000) / DAY_MS);
const workTime = (rng: Rng, day: number): number => instantMs(day, 8.5 * 3600 + rng.int(8 * 3600));

const DISMISS_REASONS = [
  '经核查，相关执法行为有合法依据，程序完备，不予立项',
  '经核查，该事项已由执法部门在发现前自行纠正，不再交办',
  '经调取执法记录仪和案卷核实，反映情况与事实不符',
  '经核查，系同一执法行为的重复登记，不予立项',
];
const TRANSFER_REASONS = [
  '经核查，执法人员涉嫌违规干预执法、徇私舞弊，依规移送纪检监察机关处理',
  '经核查，相关人员涉嫌滥用职权、玩忽职守，移送纪检监察机关依规依纪依法处理',
];
const RETURN_REASONS = [
  '整改材料不完整，未附整改前后对比材料，请补充后重新提交',
  '整改措施未针对问题根源，请对同类执法行为开展自查并补充说明',
  '未说明对相关责任人员的处理情况，请补充',
];
const EXTEND_REASONS = ['承办单位申请延期：涉及多个部门协调，需延长整改时间', '承办单位申请延期：需调取历史案卷逐件复核'];
const RECTIFICATIONS = [
  '已对涉及的执法行为逐件复核，纠正了存在的问题，对相关执法人员进行了批评教育，并组织全体执法人员开展专题培训。',
  '已完成自查整改：完善了执法程序指引，建立了案件审核台账，对同类问题开展了全面排查，未发现新的问题。',
  '针对反映的问题已约谈相关执法人员，调整了检查计划安排，纳入联合检查统筹，整改情况已在系统中登记。',
];
const SELF_CHECKS = [
  '已组织自查：经逐件核对相关执法记录，确属录入疏漏，已补正并对承办人员进行提醒。',
  '经自查，相关执法行为程序完备，已补充上传相关材料，问题已纠正。',
  '已对照模型提示逐项核实，已完成整改并在系统中登记，同类问题已开展排查。',
];
const UPGRADE_REASONS = ['同一主体问题较多，需转一般程序由监督机构交办整改', '自查说明未能说明问题成因，转一般程序办理'];
const RESUBMISSIONS = ['已按要求补充整改前后对比材料和同类执法行为自查清单，相关责任人员已作书面检查。'];

/** Deterministic event ids: the same plan gives the same ids. */
const eventId = (clueId: string, n: number): string => `EV-${createHash('md5').update(`${clueId}#${n}`).digest('hex').slice(0, 20)}`;

/** The day a 简易 clue's self-check is due: its simple days from the day it was found. */
export const selfCheckDeadline = (clue: FoundClue): string => addDays(isoOf(dayOfMs(clue.foundAt)), clue.simpleDays ?? 15);

/**
 * Plans one clue's history up to the as-of day. `rng` is the clue's own stream. Steps that would fall
 * after the as-of day are not taken: the clue is left where it stands on that day.
 */
export function planClue(clue: FoundClue, asOfIso: string, rng: Rng): ClueHistory {
  const asOf = dayOf(asOfIso);
  const h: ClueHistory = {
    clue,
    status: clue.procedure === 'simple' ? 'self_check' : 'new',
    procedure: clue.procedure ?? null,
    agencyId: null,
    deadline: null,
    rectification: null,
    escalationLevel: null,
    escalatedAt: null,
    updatedAt: clue.foundAt,
    events: [],
    attachments: [],
  };
  const event = (
    by: PlannedEvent['by'],
    action: string,
    to: ClueStatus | null,
    at: number,
    comment: string | null,
    detail: Record<string, unknown> | null,
  ) => {
    const from = h.status;
    // Steps are minutes apart at least: a timeline reads in the order things happened.
    at = Math.max(at, h.updatedAt + 60_000);
    if (to && action !== 'extend' && action !== 'escalate' && action !== 'attach') {
      // The workflow's own table decides whether the step is possible from here.
      const t = transitionFor(action);
      if (!t || !t.from.includes(from) || t.to !== to)
        throw new Error(`demo plan: ${action} from ${from} is not a transition of the workflow`);
    }
    h.events.push({
      id: eventId(clue.id, h.events.length),
      clueId: clue.id,
      regionCode: clue.regionCode,
      by,
      action,
      from,
      to: to ?? from,
      comment,
      detail,
      at,
    });
    if (to) h.status = to;
    h.updatedAt = at;
  };
  h.events.push({
    id: eventId(clue.id, 0),
    clueId: clue.id,
    regionCode: clue.regionCode,
    by: 'system',
    action: 'create',
    from: null,
    to: h.status,
    comment: null,
    detail: clue.procedure ? { procedure: clue.procedure } : null,
    at: clue.foundAt,
  });
  const found = dayOfMs(clue.foundAt);
  const within = (day: number) => day <= asOf;
  let day = found;

  // 简易: the agency checks and closes it itself within its days; now and then the office sends it to the full loop.
  if (h.status === 'self_check') {
    const days = clue.simpleDays ?? 15;
    h.agencyId = clue.agencyId;
    h.deadline = selfCheckDeadline(clue);
    if (rng.chance(0.12)) {
      day = found + rng.range(1, Math.max(1, Math.min(5, days - 1)));
      if (!within(day)) return h;
      event('supervisor', 'upgrade', 'new', workTime(rng, day), rng.pick(UPGRADE_REASONS), null);
      h.procedure = 'general';
      h.deadline = null;
    } else {
      day = found + rng.range(1, Math.max(1, days - 1));
      if (!within(day)) return h;
      event('agency', 'self_close', 'closed', workTime(rng, day), rng.pick(SELF_CHECKS), null);
      return h;
    }
  }

  // 研判 (or straight to 交办), 排除.
  day += rng.range(1, 3);
  if (!within(day)) return h;
  const skipTriage = rng.chance(0.25);
  if (rng.chance(0.07)) {
    event('supervisor', 'dismiss', 'dismissed', workTime(rng, day), rng.pick(DISMISS_REASONS), null);
    return h;
  }
  if (!skipTriage) {
    event('supervisor', 'triage', 'triaged', workTime(rng, day), null, null);
    day += rng.range(0, 3);
    if (!within(day)) return h;
  }

  // 交办, with the deadline of the clue's severity counted from the day of assignment.
  const assignAt = workTime(rng, day);
  h.agencyId = clue.agencyId;
  h.deadline = defaultDeadline(clue.severity, isoOf(day));
  event('supervisor', 'assign', 'assigned', assignAt, null, { agencyId: clue.agencyId, deadline: h.deadline });
  if (clue.severity === 'high' && rng.chance(0.04)) {
    const at = workTime(rng, day + rng.range(2, 8));
    if (within(dayOfMs(at))) event('supervisor', 'transfer', 'transferred', at, rng.pick(TRANSFER_REASONS), null);
    return h;
  }

  // 签收: the next working days, not the hour of assignment (a clue assigned in the last days of the
  // data still waits for it: the demo shows 已交办 as well as 整改中).
  day += rng.range(1, 3);
  if (!within(day)) return h;
  event('agency', 'accept', 'rectifying', workTime(rng, day) + 60_000, null, null);

  for (let round = 0; ; round++) {
    const deadlineDay = dayOf(h.deadline!);
    // 延期: asked for before the deadline, granted by the supervisor (at most maxExtensionDays).
    if (round === 0 && rng.chance(0.05)) {
      const extendDay = deadlineDay - rng.range(1, 4);
      if (extendDay > day && within(extendDay)) {
        const to = addDays(h.deadline!, rng.range(10, Math.min(20, CLUE_SETTINGS.maxExtensionDays)));
        event('supervisor', 'extend', null, workTime(rng, extendDay), rng.pick(EXTEND_REASONS), { from: h.deadline, to });
        h.deadline = to;
      }
    }
    const due = dayOf(h.deadline!);
    // Most agencies submit before the deadline; about one in six lets it pass first.
    const late = rng.chance(round === 0 ? 0.17 : 0.1);
    const submitDay = late ? due + rng.range(2, 40) : Math.max(day + 1, due - rng.range(0, Math.max(1, due - day - 1)));
    // 逾期升级: the server's hourly check raises an overdue clue the first hour of the day it is due to rise.
    for (let d = due + 1; d <= Math.min(submitDay, asOf); d++) {
      const level = targetLevel(clue.regionCode, h.deadline!, isoOf(d));
      if (level && rankOf(level) > rankOf(h.escalationLevel)) {
        const at = instantMs(d, 3600 + rng.int(600));
        event('system', 'escalate', null, at, `整改期限 ${h.deadline} 已过，逾期升级至${LEVEL_LABELS[level]}监督`, {
          from: h.escalationLevel,
          to: level,
          deadline: h.deadline,
        });
        h.escalationLevel = level;
        h.escalatedAt = at;
      }
    }
    if (!within(submitDay)) return h;
    // 上传材料, then 提交整改.
    const attachAt = workTime(rng, submitDay);
    const attachmentId = `AT-${createHash('md5').update(`${clue.id}#att${round}`).digest('hex').slice(0, 20)}`;
    const text = round === 0 ? rng.pick(RECTIFICATIONS) : rng.pick(RESUBMISSIONS);
    h.attachments.push({ id: attachmentId, at: attachAt, fileName: round === 0 ? '整改情况说明.txt' : '补充整改材料.txt', text });
    event('agency', 'attach', null, attachAt, null, { attachmentIds: [attachmentId], files: [h.attachments.at(-1)!.fileName] });
    h.rectification = text;
    event('agency', 'submit', 'submitted', attachAt + 120_000, null, { attachmentIds: [attachmentId] });

    // 审核: 销号, or 退回 with a new deadline (which clears an escalation: a new count begins).
    const reviewDay = submitDay + rng.range(1, 6);
    if (!within(reviewDay)) return h;
    if (round < 2 && rng.chance(round === 0 ? 0.15 : 0.08)) {
      const deadline = addDays(isoOf(reviewDay), rng.range(10, 15));
      event('supervisor', 'return', 'returned', workTime(rng, reviewDay), rng.pick(RETURN_REASONS), { deadline });
      h.deadline = deadline;
      h.escalationLevel = null;
      h.escalatedAt = null;
      day = reviewDay;
      continue;
    }
    event('supervisor', 'close', 'closed', workTime(rng, reviewDay), null, null);
    return h;
  }
}

const rankOf = (level: EscalationLevel | null): number => (level === null ? -1 : ['county', 'city', 'province'].indexOf(level));

/** The status a planned clue had at an instant (for the events written beside the plan, such as notices). */
export function statusAt(h: ClueHistory, at: number): ClueStatus {
  let status: ClueStatus = 'new';
  for (const e of h.events) if (e.at <= at && e.to) status = e.to;
  return status;
}

/**
 * Merges members into a lead's case (并案) at `at`: each member, still 'new' then, takes on the lead's
 * state and from then on every later step of the lead, as the workflow applies a case's actions to its
 * members (detail.viaCase). The lead and each member get a 'merge' event.
 */
export function mergeInto(lead: ClueHistory, members: ClueHistory[], at: number): void {
  const leadStatus = statusAt(lead, at);
  const later = lead.events.filter((e) => e.at > at);
  const n = lead.events.length;
  lead.events.splice(lead.events.length - later.length, 0, {
    id: eventId(lead.clue.id, n + 1000),
    clueId: lead.clue.id,
    regionCode: lead.clue.regionCode,
    by: 'supervisor',
    action: 'merge',
    from: leadStatus,
    to: leadStatus,
    comment: '同一执法主体的关联问题，并案办理',
    detail: { members: members.map((m) => m.clue.id) },
    at,
  });
  for (const m of members) {
    const create = m.events[0];
    m.events = [
      create,
      {
        id: eventId(m.clue.id, 1),
        clueId: m.clue.id,
        regionCode: m.clue.regionCode,
        by: 'supervisor',
        action: 'merge',
        from: 'new',
        to: leadStatus,
        comment: '同一执法主体的关联问题，并案办理',
        detail: { caseId: lead.clue.id },
        at,
      },
      ...later
        .filter((e) => e.action !== 'attach')
        .map((e, i) => ({
          ...e,
          id: eventId(m.clue.id, i + 2),
          clueId: m.clue.id,
          regionCode: m.clue.regionCode,
          detail: { ...(e.detail ?? {}), viaCase: lead.clue.id },
        })),
    ];
    m.status = lead.status;
    m.agencyId = lead.agencyId;
    m.deadline = lead.deadline;
    m.rectification = lead.rectification;
    m.escalationLevel = lead.escalationLevel;
    m.escalatedAt = lead.escalatedAt;
    m.updatedAt = Math.max(at, lead.updatedAt);
    m.attachments = [];
  }
}
