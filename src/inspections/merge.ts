// 综合查一次: across the agencies of a region, open planned tasks that would visit the same entity for
// the same or related items (scenarios.ts) within a window become a suggested joint inspection, with a
// lead agency proposed and the visits it saves counted (优化营商环境条例 第五十四条: 针对同一检查对象的
// 多个检查事项，应当尽可能合并或者纳入跨部门联合抽查范围). Each agency in it accepts or declines with a
// reason; when all have accepted, the tasks become one joint task with one code (浙江省综合行政执法条例
// 第十四条: the initiating agency leads a joint action), and the members' codes are revoked.
//
// The work is split where each side is fast: SQL keeps only tasks that have a related task of the same
// entity within the window (window functions over the region's tasks), and a linear pass over those,
// in entity, group and date order, forms the clusters: a cluster starts at its first task and takes the
// related tasks planned within window_days of that start.
import { createHash, randomUUID } from 'node:crypto';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { businessDate } from '../domain/dates.ts';
import { badRequest, KeduError, notFound } from '../domain/errors.ts';
import { regionPrefix } from '../domain/region.ts';
import { splitCodes } from '../domain/lists.ts';
import { joinSql, raw, sql, type Sql } from '../store/sql.ts';
import type { Store, Value } from '../store/store.ts';
import { invalidateRealtimeState } from '../models/realtime/state.ts';
import { authorize, suggestionScope } from '../policy/index.ts';
import { mergeGroupSql, readScenarios, scenarioName } from '../catalog/joint-scenarios.ts';
import { issueTasks, type TaskRow } from './tasks.ts';
import { displayCode } from './action-code.ts';

/** The columns of merge_suggestions in the order every bulk write (a run, the demo) gives them. */
export const SUGGESTION_COLUMNS = [
  'id',
  'run_id',
  'region_code',
  'entity_uscc',
  'scenario',
  'lead_agency_id',
  'task_count',
  'agency_count',
  'visits_saved',
  'first_on',
  'last_on',
  'status',
  'joint_task_id',
  'created_at',
  'decided_at',
];

/** 衢州's monitoring of one enterprise visited by several agencies looks at 30 days. */
export const DEFAULT_WINDOW_DAYS = 30;

export interface SuggestOptions {
  regionCode: string;
  windowDays?: number;
  /** Only tasks planned from this day (default: today): a suggestion is about visits still to come. */
  from?: string;
  now?: Date;
}

export interface SuggestReport {
  runId: string;
  regionCode: string;
  windowDays: number;
  /** Open planned tasks looked at in the region. */
  tasks: number;
  /** Of them, tasks with a related task of the same entity within the window. */
  candidates: number;
  suggestions: number;
  tasksInSuggestions: number;
  visitsSaved: number;
  millis: { query: number; cluster: number; write: number };
}

interface Candidate {
  id: string;
  entity_uscc: string;
  grp: string;
  agency_id: string;
  region_code: string;
  day: number;
}

interface Cluster {
  entity: string;
  grp: string;
  region: string;
  members: Candidate[];
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The lead: the agency with most tasks in the cluster, then the one whose first task comes first, then by id. */
export function leadAgency(members: readonly { agency_id: string; day: number }[]): string {
  const stats = new Map<string, { n: number; first: number }>();
  for (const m of members) {
    const s = stats.get(m.agency_id) ?? { n: 0, first: Infinity };
    s.n++;
    s.first = Math.min(s.first, m.day);
    stats.set(m.agency_id, s);
  }
  return [...stats].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first || (a[0] < b[0] ? -1 : 1))[0][0];
}

/** Clusters of rows sorted by entity, group, day, id: each starts at a task and takes those within the window; two agencies at least. */
export function clusterTasks(rows: readonly Candidate[], windowDays: number): Cluster[] {
  const out: Cluster[] = [];
  let i = 0;
  while (i < rows.length) {
    const start = rows[i];
    let j = i + 1;
    while (
      j < rows.length &&
      rows[j].entity_uscc === start.entity_uscc &&
      rows[j].grp === start.grp &&
      rows[j].day < start.day + windowDays
    )
      j++;
    const members = rows.slice(i, j);
    if (members.length >= 2 && new Set(members.map((m) => m.agency_id)).size >= 2)
      out.push({ entity: start.entity_uscc, grp: start.grp, region: start.region_code, members });
    i = j;
  }
  return out;
}

export const suggestionId = (taskIds: readonly string[]): string =>
  'MS-' +
  createHash('md5')
    .update([...taskIds].sort().join(','))
    .digest('hex')
    .slice(0, 16);

/**
 * Computes merge suggestions over the open planned tasks of a region (its supervisors and admins).
 * Tasks already in a suggestion — pending, accepted or declined — are not suggested again.
 */
export async function suggestMerges(store: Store, caller: Caller, opts: SuggestOptions): Promise<SuggestReport> {
  authorize(caller, 'suggest_merges', { type: 'inspections', regionCode: opts.regionCode });
  const windowDays = opts.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 180) throw badRequest('合并时间窗口须为1至180天', 'windowDays');
  const now = opts.now ?? new Date();
  const from = opts.from ?? businessDate(now);
  const t0 = performance.now();
  const { from: groupFrom, group } = mergeGroupSql(readScenarios());
  const open = sql`t.region_code LIKE ${regionPrefix(opts.regionCode) + '%'} AND t.status = 'open' AND t.origin IN ('plan', 'adhoc')
      AND t.planned_on >= CAST(${from} AS DATE)`;
  const [{ n: tasks }] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM inspection_tasks t WHERE ${open}`);
  // A task qualifies when the previous or next related task of its entity is within the window.
  const rows = await store.query<{
    id: string;
    entity_uscc: string;
    grp: string;
    agency_id: string;
    region_code: string;
    planned_on: string;
  }>(sql`
    WITH g AS (
      SELECT t.id, t.entity_uscc, t.agency_id, t.region_code, t.planned_on, ${group} AS grp
      FROM inspection_tasks t ${groupFrom}
      WHERE ${open} AND NOT EXISTS (SELECT 1 FROM merge_members mm WHERE mm.task_id = t.id)
    ), w AS (
      SELECT g.*, lag(g.planned_on) OVER (PARTITION BY g.entity_uscc, g.grp ORDER BY g.planned_on, g.id) AS prev_on,
             lead(g.planned_on) OVER (PARTITION BY g.entity_uscc, g.grp ORDER BY g.planned_on, g.id) AS next_on
      FROM g
    )
    SELECT id, entity_uscc, grp, agency_id, region_code, planned_on FROM w
    WHERE (prev_on IS NOT NULL AND prev_on > ${raw(store.dialect.addDays('w.planned_on', String(-windowDays)))})
       OR (next_on IS NOT NULL AND next_on < ${raw(store.dialect.addDays('w.planned_on', String(windowDays)))})
    ORDER BY entity_uscc, grp, planned_on, id`);
  const t1 = performance.now();
  const candidates: Candidate[] = rows.map((r) => ({ ...r, day: dayNumber(r.planned_on) }));
  const clusters = clusterTasks(candidates, windowDays);
  const t2 = performance.now();
  const runId = `MR-${randomUUID()}`;
  const at = now.toISOString();
  const suggestions: Value[][] = [];
  const members: Value[][] = [];
  let saved = 0;
  for (const c of clusters) {
    const id = suggestionId(c.members.map((m) => m.id));
    const agencies = new Set(c.members.map((m) => m.agency_id));
    saved += c.members.length - 1;
    suggestions.push([
      id,
      runId,
      c.region,
      c.entity,
      c.grp,
      leadAgency(c.members),
      c.members.length,
      agencies.size,
      c.members.length - 1,
      isoDay(c.members[0].day),
      isoDay(c.members[c.members.length - 1].day),
      'pending',
      null,
      at,
      null,
    ]);
    for (const m of c.members) members.push([id, m.id, m.agency_id, m.region_code, null, null, null, null]);
  }
  const report: SuggestReport = {
    runId,
    regionCode: opts.regionCode,
    windowDays,
    tasks: Number(tasks),
    candidates: candidates.length,
    suggestions: clusters.length,
    tasksInSuggestions: members.length,
    visitsSaved: saved,
    millis: { query: 0, cluster: 0, write: 0 },
  };
  await withAudit(store, opts.regionCode, async (tx) => {
    await tx.copyIn('merge_suggestions', SUGGESTION_COLUMNS, suggestions);
    await tx.copyIn(
      'merge_members',
      ['suggestion_id', 'task_id', 'agency_id', 'region_code', 'decision', 'reason', 'decided_by', 'decided_at'],
      members,
    );
    const { millis: _m, ...detail } = report;
    return {
      result: undefined,
      audit: [{ actor: caller.userId, action: 'merge.suggest', target: runId, regionCode: opts.regionCode, detail }],
    };
  });
  const t3 = performance.now();
  report.millis = { query: Math.round(t1 - t0), cluster: Math.round(t2 - t1), write: Math.round(t3 - t2) };
  return report;
}

// ── reading suggestions ─────────────────────────────────────────────────────────────────────────

export type SuggestionStatus = 'pending' | 'accepted' | 'declined';
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = { pending: '待确认', accepted: '已合并', declined: '未合并' };

export interface SuggestionMember {
  taskId: string;
  agencyId: string;
  agencyName: string | null;
  itemCode: string | null;
  itemName: string | null;
  plannedOn: string;
  decision: 'accept' | 'decline' | null;
  reason: string | null;
  decidedAt: string | null;
}

export interface Suggestion {
  id: string;
  regionCode: string;
  entityUscc: string;
  entityName: string | null;
  scenario: string;
  scenarioName: string;
  leadAgencyId: string;
  leadAgencyName: string | null;
  taskCount: number;
  agencyCount: number;
  visitsSaved: number;
  firstOn: string;
  lastOn: string;
  status: SuggestionStatus;
  jointTaskId: string | null;
  jointCode: string | null;
  createdAt: string;
  decidedAt: string | null;
  members: SuggestionMember[];
}

interface SuggestionRow {
  id: string;
  region_code: string;
  entity_uscc: string;
  entity_name: string | null;
  scenario: string;
  lead_agency_id: string;
  lead_name: string | null;
  task_count: number;
  agency_count: number;
  visits_saved: number;
  first_on: string;
  last_on: string;
  status: SuggestionStatus;
  joint_task_id: string | null;
  joint_code: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface SuggestionFilter {
  status?: SuggestionStatus;
  regionCode?: string;
  /** Only those waiting for this agency's decision. */
  awaitingAgency?: string;
}

export async function listSuggestions(store: Store, caller: Caller, filter: SuggestionFilter, page: number, pageSize: number) {
  authorize(caller, 'read', { type: 'inspections' });
  const where: Sql[] = [suggestionScope(caller, 's')];
  if (filter.status) where.push(sql`s.status = ${filter.status}`);
  if (filter.regionCode) where.push(sql`s.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  if (filter.awaitingAgency)
    where.push(
      sql`EXISTS (SELECT 1 FROM merge_members w WHERE w.suggestion_id = s.id AND w.agency_id = ${filter.awaitingAgency} AND w.decision IS NULL)`,
    );
  const cond = joinSql(where, ' AND ');
  const [n] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM merge_suggestions s WHERE ${cond}`);
  const rows = await store.query<SuggestionRow>(sql`
    SELECT s.*, e.name AS entity_name, a.name AS lead_name, j.code AS joint_code
    FROM merge_suggestions s
      LEFT JOIN entities e ON e.uscc = s.entity_uscc
      LEFT JOIN agencies a ON a.id = s.lead_agency_id
      LEFT JOIN inspection_tasks j ON j.id = s.joint_task_id
    WHERE ${cond}
    ORDER BY CASE s.status WHEN 'pending' THEN 0 ELSE 1 END, s.first_on, s.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const members = rows.length
    ? await membersOf(
        store,
        rows.map((r) => r.id),
      )
    : new Map<string, SuggestionMember[]>();
  return { total: Number(n.n), rows: rows.map((r) => present(r, members.get(r.id) ?? [])) };
}

async function membersOf(store: Store, ids: readonly string[]): Promise<Map<string, SuggestionMember[]>> {
  const rows = await store.query<{
    suggestion_id: string;
    task_id: string;
    agency_id: string;
    agency_name: string | null;
    inspection_item_code: string | null;
    item_name: string | null;
    planned_on: string;
    decision: 'accept' | 'decline' | null;
    reason: string | null;
    decided_at: string | null;
  }>(sql`
    SELECT m.suggestion_id, m.task_id, m.agency_id, a.name AS agency_name, t.inspection_item_code, ii.name AS item_name, t.planned_on,
           m.decision, m.reason, m.decided_at
    FROM merge_members m JOIN inspection_tasks t ON t.id = m.task_id
      LEFT JOIN agencies a ON a.id = m.agency_id LEFT JOIN inspection_items ii ON ii.code = t.inspection_item_code
    WHERE m.suggestion_id IN (${joinSql(
      ids.map((i) => sql`${i}`),
      ', ',
    )})
    ORDER BY t.planned_on, m.task_id`);
  const out = new Map<string, SuggestionMember[]>();
  for (const r of rows) {
    const list = out.get(r.suggestion_id) ?? [];
    list.push({
      taskId: r.task_id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      itemCode: r.inspection_item_code,
      itemName: r.item_name,
      plannedOn: r.planned_on,
      decision: r.decision,
      reason: r.reason,
      decidedAt: r.decided_at,
    });
    out.set(r.suggestion_id, list);
  }
  return out;
}

const present = (r: SuggestionRow, members: SuggestionMember[]): Suggestion => ({
  id: r.id,
  regionCode: r.region_code,
  entityUscc: r.entity_uscc,
  entityName: r.entity_name,
  scenario: r.scenario,
  scenarioName: scenarioName(r.scenario),
  leadAgencyId: r.lead_agency_id,
  leadAgencyName: r.lead_name,
  taskCount: Number(r.task_count),
  agencyCount: Number(r.agency_count),
  visitsSaved: Number(r.visits_saved),
  firstOn: r.first_on,
  lastOn: r.last_on,
  status: r.status,
  jointTaskId: r.joint_task_id,
  jointCode: r.joint_code ? displayCode(r.joint_code) : null,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  members,
});

export async function getSuggestion(store: Store, caller: Caller, id: string): Promise<Suggestion> {
  authorize(caller, 'read', { type: 'inspections' });
  const [r] = await store.query<SuggestionRow>(sql`
    SELECT s.*, e.name AS entity_name, a.name AS lead_name, j.code AS joint_code
    FROM merge_suggestions s LEFT JOIN entities e ON e.uscc = s.entity_uscc LEFT JOIN agencies a ON a.id = s.lead_agency_id
      LEFT JOIN inspection_tasks j ON j.id = s.joint_task_id
    WHERE s.id = ${id} AND ${suggestionScope(caller, 's')}`);
  if (!r) throw notFound('未找到该合并建议');
  return present(r, (await membersOf(store, [id])).get(id) ?? []);
}

// ── deciding ────────────────────────────────────────────────────────────────────────────────────

export interface DecisionInput {
  decision: 'accept' | 'decline';
  reason: string;
}

/**
 * An agency's answer to a suggestion its tasks are in (its staff). A decline ends the suggestion; the
 * last acceptance makes the joint task: the lead agency's, on the entity, from the earliest member's
 * window start (not before today) to the latest's end, with every member's officers, one new code;
 * the members' codes are revoked as merged.
 */
export async function decideSuggestion(
  store: Store,
  caller: Caller,
  id: string,
  input: DecisionInput,
  now = new Date(),
): Promise<Suggestion> {
  const s = await getSuggestion(store, caller, id);
  const reason = input.reason.trim();
  if (input.decision !== 'accept' && input.decision !== 'decline') throw badRequest('decision 须为 accept 或 decline', 'decision');
  if (reason.length < 2) throw badRequest('请写明理由', 'reason');
  if (reason.length > 500) throw badRequest('理由不能超过500字', 'reason');
  authorize(caller, 'decide', { type: 'merge_suggestion', memberAgencies: s.members.map((m) => m.agencyId) });
  if (s.status !== 'pending') throw new KeduError('illegal_transition', `该合并建议${SUGGESTION_STATUS_LABELS[s.status]}，不能再确认`);
  const mine = s.members.filter((m) => m.agencyId === caller.agencyId);
  if (mine.every((m) => m.decision !== null)) throw new KeduError('illegal_transition', '本部门已对该建议作出决定');
  const at = now.toISOString();
  await withAudit(store, s.regionCode, async (tx) => {
    const audit: AuditEntryInput[] = [
      {
        actor: caller.userId,
        action: 'merge.decide',
        target: id,
        regionCode: s.regionCode,
        detail: { agency: caller.agencyId, decision: input.decision, reason },
      },
    ];
    await tx.exec(sql`UPDATE merge_members SET decision = ${input.decision}, reason = ${reason}, decided_by = ${caller.userId}, decided_at = ${at}
      WHERE suggestion_id = ${id} AND agency_id = ${caller.agencyId} AND decision IS NULL`);
    // The tasks may have changed since the suggestion was made: a member revoked or merged elsewhere ends it.
    const tasks = await tx.query<TaskRow>(
      sql`SELECT t.* FROM inspection_tasks t JOIN merge_members m ON m.task_id = t.id WHERE m.suggestion_id = ${id} ORDER BY t.planned_on, t.id`,
    );
    if (tasks.some((t) => t.status !== 'open'))
      throw new KeduError('illegal_transition', '建议中的任务已撤销或已并入其他联合检查，该建议失效');
    if (input.decision === 'decline') {
      await tx.exec(sql`UPDATE merge_suggestions SET status = 'declined', decided_at = ${at} WHERE id = ${id}`);
    } else {
      const [pending] = await tx.query<{ n: number }>(
        sql`SELECT count(*) AS n FROM merge_members WHERE suggestion_id = ${id} AND decision IS NULL`,
      );
      if (Number(pending.n) === 0) {
        const lead = tasks.find((t) => t.agency_id === s.leadAgencyId) ?? tasks[0];
        const today = businessDate(now);
        const earliest = tasks.reduce((a, t) => (t.valid_from < a ? t.valid_from : a), tasks[0].valid_from);
        const latest = tasks.reduce((a, t) => (t.valid_to > a ? t.valid_to : a), tasks[0].valid_to);
        const officers = [...new Set([lead, ...tasks.filter((t) => t !== lead)].flatMap((t) => splitCodes(t.officer_ids)))];
        const [joint] = await issueTasks(
          tx,
          [
            {
              region_code: lead.region_code,
              agency_id: s.leadAgencyId,
              origin: 'joint',
              plan_id: null,
              draw_id: null,
              draw_rank: null,
              merge_id: id,
              inspection_item_code: null,
              entity_uscc: s.entityUscc,
              planned_on: lead.planned_on,
              valid_from: earliest > today ? earliest : today,
              valid_to: latest,
              officer_ids: officers.join(','),
              reason: `综合查一次：${s.scenarioName}`,
            },
          ],
          caller.userId,
          now,
        );
        await tx.exec(sql`UPDATE inspection_tasks SET status = 'merged', joint_task_id = ${joint.id}, reason = ${`已并入联合检查 ${joint.id}`}, revoked_at = ${at}
          WHERE id IN (${joinSql(
            tasks.map((t) => sql`${t.id}`),
            ', ',
          )})`);
        await tx.exec(
          sql`UPDATE merge_suggestions SET status = 'accepted', joint_task_id = ${joint.id}, decided_at = ${at} WHERE id = ${id}`,
        );
        audit.push({
          actor: caller.userId,
          action: 'task.create',
          target: joint.id,
          regionCode: joint.region_code,
          detail: { origin: 'joint', code: joint.code, suggestion: id, members: tasks.map((t) => t.id), lead: s.leadAgencyId },
        });
      }
    }
    return { result: undefined, audit };
  });
  // A joint code changes what the repeat and burden checks count as one visit.
  invalidateRealtimeState(store);
  return getSuggestion(store, caller, id);
}

// ── the burden before and after ─────────────────────────────────────────────────────────────────

export interface BurdenFigures {
  /** Planned visits of the region's entities (entities with at least one). */
  entities: number;
  visits: number;
  /** Entities visited more than the threshold. */
  over: number;
  /** Entities by number of visits: [1, 2, 3, 4, 5, 6 or more]. */
  histogram: number[];
}

export interface Burden {
  regionCode: string;
  year: number;
  threshold: number;
  /** Every planned task its own visit (as planned, no merge). */
  planned: BurdenFigures;
  /** Merged tasks counted once, as one joint visit (as things stand). */
  merged: BurdenFigures;
  /** As if every pending suggestion were accepted too. */
  ifAccepted: BurdenFigures;
  suggestions: { pending: number; accepted: number; declined: number };
}

/** A region's inspection burden per entity for a year: planned, after accepted merges, and if all pending ones were accepted. */
export async function burden(store: Store, caller: Caller, regionCode: string, year: number, threshold: number): Promise<Burden> {
  authorize(caller, 'read_burden', { type: 'inspections', regionCode });
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) throw badRequest('阈值须为1至100的整数', 'threshold');
  const region = regionPrefix(regionCode) + '%';
  const from = `${year}-01-01`,
    to = `${year}-12-31`;
  const rows = await store.query<{ planned: number; merged: number; if_accepted: number; n: number }>(sql`
    WITH t AS (
      SELECT t.id, t.entity_uscc, t.origin, t.status FROM inspection_tasks t
      WHERE t.region_code LIKE ${region} AND t.planned_on >= CAST(${from} AS DATE) AND t.planned_on <= CAST(${to} AS DATE) AND t.status <> 'revoked'
    ), pend AS (
      SELECT m.task_id, s.id AS sid FROM merge_members m JOIN merge_suggestions s ON s.id = m.suggestion_id
      WHERE s.status = 'pending' AND s.region_code LIKE ${region}
    ), e AS (
      SELECT t.entity_uscc,
             count(*) FILTER (WHERE t.origin <> 'joint') AS planned,
             count(*) FILTER (WHERE t.status = 'open') AS merged,
             count(*) FILTER (WHERE t.status = 'open' AND p.sid IS NULL) + count(DISTINCT p.sid) AS if_accepted
      FROM t LEFT JOIN pend p ON p.task_id = t.id
      GROUP BY t.entity_uscc
    )
    SELECT planned, merged, if_accepted, count(*) AS n FROM e GROUP BY planned, merged, if_accepted`);
  const figures = (pick: (r: (typeof rows)[number]) => number): BurdenFigures => {
    const f: BurdenFigures = { entities: 0, visits: 0, over: 0, histogram: [0, 0, 0, 0, 0, 0] };
    for (const r of rows) {
      const v = Number(pick(r)),
        n = Number(r.n);
      if (v <= 0) continue;
      f.entities += n;
      f.visits += v * n;
      if (v > threshold) f.over += n;
      f.histogram[Math.min(v, 6) - 1] += n;
    }
    return f;
  };
  const [c] = await store.query<{ pending: number; accepted: number; declined: number }>(sql`
    SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'accepted') AS accepted,
           count(*) FILTER (WHERE status = 'declined') AS declined
    FROM merge_suggestions WHERE region_code LIKE ${region} AND first_on >= CAST(${from} AS DATE) AND first_on <= CAST(${to} AS DATE)`);
  return {
    regionCode,
    year,
    threshold,
    planned: figures((r) => r.planned),
    merged: figures((r) => r.merged),
    ifAccepted: figures((r) => r.if_accepted),
    suggestions: { pending: Number(c.pending), accepted: Number(c.accepted), declined: Number(c.declined) },
  };
}
