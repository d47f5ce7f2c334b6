// Acting on what was heard: campaign reports (reached rate, satisfaction by agency and by question,
// problems found and solved), the results per agency and officer that the evaluation reads (双向激励
// 评价: praise counts as well as complaints), and the daily check list of an agency's duty team
// (驻队日查) — the follow-up problems still open.
import type { Store } from '../store/store.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize, can, clueScope, followupResultsScope, regionScope } from '../policy/index.ts';
import { regionPrefix } from '../domain/region.ts';
import { CATEGORIES, CATEGORY_CODES, SATISFACTION, type Satisfaction } from './categories.ts';
import { getCampaign, summaryOf, type Campaign } from './campaigns.ts';
import { isShown, parseAnswers } from './questionnaire.ts';

/** The models whose clues are follow-up problems (a clue names its task, or the service visit for 假服务真检查). */
export const FOLLOWUP_MODELS = ['FUP_VISIT_COUNT', 'FUP_NOBODY_CAME', 'FUP_FINE_MISMATCH', 'FUP_COMPLAINT'] as const;
export const FAKE_SERVICE_MODEL = 'INS_FAKE_SERVICE';
const OPEN = sql`c.status NOT IN ('closed', 'dismissed', 'transferred')`;

/** Dedupe keys of the model hits about a campaign's tasks (their clues bundle them: model_hits.clue_id): SELECT k. */
function problemKeys(campaignId: string): Sql {
  const models = FOLLOWUP_MODELS.map((m) => `('${m}')`).join(', ');
  return sql`
    SELECT m.code || '|followup_task|' || t.id || '|' AS k FROM followup_tasks t CROSS JOIN (VALUES ${raw(models)}) AS m(code) WHERE t.campaign_id = ${campaignId}
    UNION ALL SELECT ${FAKE_SERVICE_MODEL + '|service_visit|'} || t.subject_id || '|' FROM followup_tasks t WHERE t.campaign_id = ${campaignId} AND t.subject_kind = 'service_visit'`;
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);

export interface CampaignReport {
  campaign: ReturnType<typeof summaryOf>;
  totals: {
    tasks: number;
    contacted: number;
    reached: number;
    unreachable: number;
    refused: number;
    pending: number;
    reachedRate: number;
    secondCalls: { drawn: number; done: number; overdue: number };
  };
  satisfaction: Record<Satisfaction, number> & { satisfiedRate: number };
  byAgency: {
    agencyId: string;
    agencyName: string;
    answers: number;
    satisfied: number;
    dissatisfied: number;
    satisfiedRate: number;
    averageScore: number | null;
    complaints: number;
    praise: number;
  }[];
  byQuestion: { questionId: string; text: string; type: string; answers: { value: string; count: number }[] }[];
  categories: { code: string; label: string; count: number }[];
  problems: {
    found: number;
    solved: number;
    open: number;
    rows: { clueId: string; title: string; status: string; modelCode: string | null; agencyName: string | null }[];
  };
}

export async function campaignReport(store: Store, caller: Caller, id: string, today: string): Promise<CampaignReport> {
  const c: Campaign = await getCampaign(store, caller, id);
  const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${c.region_code}`);
  const [t] = await store.query<Record<string, number>>(sql`
    SELECT count(*) AS tasks,
      sum(CASE WHEN t.status IN ('answered', 'unreachable', 'refused') THEN 1 ELSE 0 END) AS contacted,
      sum(CASE WHEN t.status = 'answered' THEN 1 ELSE 0 END) AS reached,
      sum(CASE WHEN t.status = 'unreachable' THEN 1 ELSE 0 END) AS unreachable,
      sum(CASE WHEN t.status = 'refused' THEN 1 ELSE 0 END) AS refused,
      sum(CASE WHEN t.status = 'pending' THEN 1 ELSE 0 END) AS pending,
      sum(CASE WHEN t.second_call_status IN ('pending', 'done') THEN 1 ELSE 0 END) AS drawn,
      sum(CASE WHEN t.second_call_status = 'done' THEN 1 ELSE 0 END) AS done,
      sum(CASE WHEN t.second_call_status = 'pending' AND t.second_call_due < CAST(${today} AS DATE) THEN 1 ELSE 0 END) AS overdue
    FROM followup_tasks t WHERE t.campaign_id = ${c.id}`);
  const n = (k: string) => Number(t[k] ?? 0);
  const answers = await store.query<{
    agency_id: string | null;
    agency_name: string | null;
    satisfaction: Satisfaction;
    categories: string;
    praise: boolean;
    score: number | null;
    answers: string | null;
  }>(sql`
    SELECT t.agency_id, ag.name AS agency_name, x.satisfaction, x.categories, x.praise, a.satisfaction AS score, a.answers
    FROM followup_tasks t JOIN followup_answers a ON a.task_id = t.id JOIN followup_analyses x ON x.answer_id = a.id
      LEFT JOIN agencies ag ON ag.id = t.agency_id
    WHERE t.campaign_id = ${c.id} AND COALESCE(a.channel, 'phone') <> 'human'`);
  const sat = { satisfied: 0, neutral: 0, dissatisfied: 0, unknown: 0 } as Record<Satisfaction, number>;
  const cats = new Map<string, number>(CATEGORY_CODES.map((k) => [k, 0]));
  const agencies = new Map<string, CampaignReport['byAgency'][number] & { scoreSum: number; scored: number }>();
  const perQuestion = new Map<string, Map<string, number>>();
  for (const a of answers) {
    sat[a.satisfaction] = (sat[a.satisfaction] ?? 0) + 1;
    const list = a.categories ? a.categories.split(',') : [];
    for (const k of list) cats.set(k, (cats.get(k) ?? 0) + 1);
    const key = a.agency_id ?? '';
    const g =
      agencies.get(key) ??
      agencies
        .set(key, {
          agencyId: key,
          agencyName: a.agency_name ?? '（未知部门）',
          answers: 0,
          satisfied: 0,
          dissatisfied: 0,
          satisfiedRate: 0,
          averageScore: null,
          complaints: 0,
          praise: 0,
          scoreSum: 0,
          scored: 0,
        })
        .get(key)!;
    g.answers++;
    if (a.satisfaction === 'satisfied') g.satisfied++;
    if (a.satisfaction === 'dissatisfied') g.dissatisfied++;
    if (list.length) g.complaints++;
    if (a.praise) g.praise++;
    if (a.score !== null) {
      g.scoreSum += Number(a.score);
      g.scored++;
    }
    const given = parseAnswers(a.answers);
    for (const q of c.questionnaire.questions) {
      const v = given[q.id];
      if (v === undefined || q.type === 'text' || !isShown(q, given)) continue;
      const m = perQuestion.get(q.id) ?? perQuestion.set(q.id, new Map()).get(q.id)!;
      m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const problems = await store.query<{
    id: string;
    title: string;
    status: string;
    model_code: string | null;
    agency_name: string | null;
  }>(sql`
    SELECT c.id, c.title, c.status, c.model_code, ag.name AS agency_name
    FROM clues c JOIN (SELECT DISTINCT h.clue_id FROM model_hits h JOIN (${problemKeys(c.id)}) k ON k.k = h.dedupe_key) x ON x.clue_id = c.id
      LEFT JOIN agencies ag ON ag.id = c.agency_id ORDER BY c.created_at, c.id`);
  const answered = answers.length;
  return {
    campaign: summaryOf(c, region?.name ?? null),
    totals: {
      tasks: n('tasks'),
      contacted: n('contacted'),
      reached: n('reached'),
      unreachable: n('unreachable'),
      refused: n('refused'),
      pending: n('pending'),
      reachedRate: rate(n('reached'), n('contacted')),
      secondCalls: { drawn: n('drawn'), done: n('done'), overdue: n('overdue') },
    },
    satisfaction: { ...sat, satisfiedRate: rate(sat.satisfied, answered) },
    byAgency: [...agencies.values()]
      .map(({ scoreSum, scored, ...g }) => ({
        ...g,
        satisfiedRate: rate(g.satisfied, g.answers),
        averageScore: scored ? Math.round((scoreSum / scored) * 100) / 100 : null,
      }))
      .sort((a, b) => b.answers - a.answers || a.agencyName.localeCompare(b.agencyName)),
    byQuestion: c.questionnaire.questions
      .filter((q) => q.type !== 'text')
      .map((q) => ({
        questionId: q.id,
        text: q.text,
        type: q.type,
        answers: [...(perQuestion.get(q.id) ?? new Map<string, number>()).entries()]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => (q.options ? q.options.indexOf(a.value) - q.options.indexOf(b.value) : a.value.localeCompare(b.value))),
      })),
    categories: CATEGORY_CODES.map((code) => ({ code, label: CATEGORIES[code].label, count: cats.get(code) ?? 0 })),
    problems: {
      found: problems.length,
      solved: problems.filter((p) => p.status === 'closed').length,
      open: problems.filter((p) => !['closed', 'dismissed', 'transferred'].includes(p.status)).length,
      rows: problems.map((p) => ({ clueId: p.id, title: p.title, status: p.status, modelCode: p.model_code, agencyName: p.agency_name })),
    },
  };
}

export interface FollowupResult {
  /** An agency id, or an officer id. */
  id: string;
  name: string;
  agencyId: string;
  answers: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  satisfiedRate: number;
  praise: number;
  complaints: number;
  seriousComplaints: number;
  /** Follow-up problems raised as clues (collisions and serious complaints) about them. */
  problems: number;
}

/**
 * Follow-up results for the evaluation (双向激励评价), per agency or per officer in charge of the
 * followed-up records, over answers given between `from` and `to` (inclusive), in the caller's scope:
 * the region's for supervisors, the own agency's for agency roles. Praise counts as well as complaints.
 */
export async function followupResults(
  store: Store,
  caller: Caller,
  opts: { by: 'agency' | 'officer'; from: string; to: string; regionCode?: string },
): Promise<FollowupResult[]> {
  authorize(caller, 'read', { type: 'followup_results', regionCode: opts.regionCode });
  const scope = [followupResultsScope(caller, 't')];
  if (opts.regionCode) scope.push(sql`t.region_code LIKE ${regionPrefix(opts.regionCode) + '%'}`);
  const where = scope.reduce((a, b) => sql`${a} AND ${b}`);
  const key = opts.by === 'agency' ? raw('t.agency_id') : raw('t.officer_id');
  const rows = await store.query<Record<string, string | number | null>>(sql`
    SELECT ${key} AS id, max(t.agency_id) AS agency_id, count(*) AS answers,
      sum(CASE WHEN x.satisfaction = 'satisfied' THEN 1 ELSE 0 END) AS satisfied,
      sum(CASE WHEN x.satisfaction = 'neutral' THEN 1 ELSE 0 END) AS neutral,
      sum(CASE WHEN x.satisfaction = 'dissatisfied' THEN 1 ELSE 0 END) AS dissatisfied,
      sum(CASE WHEN x.praise THEN 1 ELSE 0 END) AS praise,
      sum(CASE WHEN COALESCE(x.categories, '') <> '' THEN 1 ELSE 0 END) AS complaints,
      sum(CASE WHEN EXISTS (SELECT 1 FROM followup_findings f WHERE f.answer_id = a.id AND f.serious) THEN 1 ELSE 0 END) AS serious
    FROM followup_answers a JOIN followup_tasks t ON t.id = a.task_id JOIN followup_analyses x ON x.answer_id = a.id
    WHERE ${where} AND ${key} IS NOT NULL AND CAST(a.answered_at AS DATE) >= CAST(${opts.from} AS DATE) AND CAST(a.answered_at AS DATE) <= CAST(${opts.to} AS DATE)
    GROUP BY ${key}`);
  const names = new Map(
    (
      await store.query<{ id: string; name: string }>(
        opts.by === 'agency'
          ? sql`SELECT a.id, a.name FROM agencies a WHERE a.id IN (SELECT DISTINCT t.agency_id FROM followup_tasks t WHERE ${where})`
          : sql`SELECT o.id, o.name FROM officers o WHERE o.id IN (SELECT DISTINCT t.officer_id FROM followup_tasks t WHERE ${where})`,
      )
    ).map((r) => [r.id, r.name]),
  );
  const problems = new Map(
    (
      await store.query<{ id: string; n: number }>(sql`
      SELECT ${key} AS id, count(DISTINCT c.id) AS n FROM followup_tasks t CROSS JOIN (VALUES ${raw(FOLLOWUP_MODELS.map((m) => `('${m}')`).join(', '))}) AS m(code)
        JOIN model_hits h ON h.dedupe_key = m.code || '|followup_task|' || t.id || '|' JOIN clues c ON c.id = h.clue_id
      WHERE ${where} AND CAST(c.created_at AS DATE) >= CAST(${opts.from} AS DATE) AND CAST(c.created_at AS DATE) <= CAST(${opts.to} AS DATE) GROUP BY ${key}`)
    ).map((r) => [r.id, Number(r.n)]),
  );
  return rows
    .map((r) => {
      const answers = Number(r.answers);
      const id = String(r.id);
      return {
        id,
        name: names.get(id) ?? id,
        agencyId: String(r.agency_id),
        answers,
        satisfied: Number(r.satisfied),
        neutral: Number(r.neutral),
        dissatisfied: Number(r.dissatisfied),
        satisfiedRate: rate(Number(r.satisfied), answers),
        praise: Number(r.praise),
        complaints: Number(r.complaints),
        seriousComplaints: Number(r.serious),
        problems: problems.get(id) ?? 0,
      };
    })
    .sort((a, b) => b.answers - a.answers || a.id.localeCompare(b.id));
}

export interface DutyItem {
  clueId: string;
  title: string;
  status: string;
  modelCode: string | null;
  agencyId: string | null;
  agencyName: string | null;
  deadline: string | null;
  overdue: boolean;
  foundOn: string;
  explanation: string;
}

/**
 * 驻队日查: the follow-up problems still open, most urgent first — for agency staff those assigned to
 * their agency (as the clue loop shows them), for supervisors those of their region (one agency's with
 * `agencyId`); and for supervisors the human second calls due.
 */
export async function dutyList(
  store: Store,
  caller: Caller,
  opts: { today: string; agencyId?: string },
): Promise<{
  today: string;
  problems: DutyItem[];
  secondCalls: { taskId: string; campaignId: string; entityName: string | null; due: string; overdue: boolean }[];
}> {
  authorize(caller, 'read', { type: 'followup_results' });
  // The clues the caller reads on the loop (an agency its own, once assigned); a supervisor may narrow to one agency.
  const scope: Sql[] = [clueScope(caller, 'c')];
  if (opts.agencyId) scope.push(sql`c.agency_id = ${opts.agencyId}`);
  const models = [...FOLLOWUP_MODELS, FAKE_SERVICE_MODEL].map((m) => sql`${m}`).reduce((a, b) => sql`${a}, ${b}`);
  const rows = await store.query<{
    id: string;
    title: string;
    status: string;
    model_code: string | null;
    agency_id: string | null;
    agency_name: string | null;
    deadline: string | null;
    created_at: string;
    explanation: string;
  }>(sql`
    SELECT c.id, c.title, c.status, c.model_code, c.agency_id, ag.name AS agency_name, CAST(c.deadline AS VARCHAR) AS deadline, CAST(c.created_at AS VARCHAR) AS created_at, c.explanation
    FROM clues c LEFT JOIN agencies ag ON ag.id = c.agency_id
    WHERE ${scope.reduce((a, b) => sql`${a} AND ${b}`)} AND ${OPEN} AND (c.model_code IN (${models}) OR c.source = 'followup')
    ORDER BY CASE WHEN c.deadline IS NOT NULL AND c.deadline < CAST(${opts.today} AS DATE) THEN 0 ELSE 1 END, c.deadline, c.created_at, c.id
    LIMIT 500`);
  const problems = rows.map((r) => ({
    clueId: r.id,
    title: r.title,
    status: r.status,
    modelCode: r.model_code,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    deadline: r.deadline,
    overdue: !!r.deadline && r.deadline < opts.today && ['assigned', 'rectifying', 'returned'].includes(r.status),
    foundOn: r.created_at.slice(0, 10),
    explanation: r.explanation,
  }));
  // Second calls are the campaign's business: those who run campaigns see them.
  const secondCalls = !can(caller, 'manage', { type: 'followup_campaign' })
    ? []
    : (
        await store.query<{ id: string; campaign_id: string; entity_name: string | null; due: string }>(sql`
          SELECT t.id, t.campaign_id, e.name AS entity_name, CAST(t.second_call_due AS VARCHAR) AS due FROM followup_tasks t
            LEFT JOIN entities e ON e.uscc = t.entity_uscc
          WHERE ${regionScope(caller, 't')} AND t.second_call_status = 'pending'
            ${opts.agencyId ? sql`AND t.agency_id = ${opts.agencyId}` : sql``}
          ORDER BY t.second_call_due, t.id LIMIT 500`)
      ).map((r) => ({ taskId: r.id, campaignId: r.campaign_id, entityName: r.entity_name, due: r.due, overdue: r.due < opts.today }));
  return { today: opts.today, problems, secondCalls };
}

export const SATISFACTION_LABELS = SATISFACTION;
