// What happens when follow-up answers land — a call outcome through the import (file or API), a
// survey answer: each reached answer is analysed (its transcript and its per-question answers read
// through the campaign's questionnaire) and its findings stored; the task takes the outcome; a share
// of the reached AI calls is drawn for a human second call with a deadline. All inside the transaction
// that lands the answers.
import type { Row, Store, Value } from '../store/store.ts';
import { sql, type Sql } from '../store/sql.ts';
import type { AuditEntryInput } from '../audit/audit-log.ts';
import { addDays } from '../domain/dates.ts';
import { analyzeText, type Analysis, type Finding } from './analyze.ts';
import { levelOfScore } from './categories.ts';
import { lexicon } from './lexicon.ts';
import { DEFAULT_QUESTIONNAIRES, parseAnswers, type Questionnaire } from './questionnaire.ts';
import { isSubjectKind, type SubjectKind } from './records.ts';
import { DEFAULT_SETTINGS, type CampaignSettings } from './campaigns.ts';
import { rankOf } from './selection.ts';

export interface AnswerRow {
  id: string;
  task_id: string;
  region_code: string;
  answered_at: string;
  satisfaction: number | null;
  says_inspection: boolean | null;
  transcript: string | null;
  outcome: string | null;
  channel: string | null;
  answers: string | null;
}

const dayOf = (instant: string): string => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);

/** One answer read whole: its text analysed, its per-question answers read through the questionnaire. */
export function analyzeAnswer(a: AnswerRow, q: Questionnaire | null, kind: SubjectKind | null, analyze = analyzeText): Analysis {
  const on = dayOf(a.answered_at);
  const given = parseAnswers(a.answers);
  const texts = [a.transcript ?? ''];
  const questions = q?.questions ?? [];
  for (const x of questions) if (x.maps === 'comment' && typeof given[x.id] === 'string') texts.push(given[x.id]);
  const text = analyze(texts.filter(Boolean).join('\n'), on);
  const findings: Finding[] = [...text.findings];
  const categories = new Set(text.categories);
  const claims = new Set(findings.filter((f) => f.kind === 'claim').map((f) => f.code));
  const add = (
    kind: Finding['kind'],
    code: Finding['code'],
    sentence: string,
    value: number | null = null,
    period: [string, string] | null = null,
  ) => {
    if (kind === 'complaint') {
      if (categories.has(code as never)) return;
      categories.add(code as never);
    } else if (claims.has(code) && code !== 'visit_count') return;
    claims.add(code);
    findings.push({
      kind,
      code,
      serious: kind === 'complaint' && ['bribery', 'rude', 'no_id', 'rights', 'procedure'].includes(code),
      value,
      periodFrom: period?.[0] ?? null,
      periodTo: period?.[1] ?? null,
      sentence,
    });
  };
  let score = a.satisfaction;
  let fineSaid: number | null = null;
  for (const x of questions) {
    const v = given[x.id];
    if (v === undefined || v === '') continue;
    const said = `${x.text}：${v}`;
    switch (x.maps) {
      case 'satisfaction':
        score ??= /^[1-5]$/.test(v) ? Number(v) : null;
        break;
      case 'visited':
        if (v === '否') add('claim', 'nobody_came', said);
        break;
      case 'showed_id':
        if (v === '否') add('complaint', 'no_id', said);
        break;
      case 'told_rights':
        if (v === '否') add('complaint', 'rights', said);
        break;
      case 'asked_favour':
        if (v === '是') add('complaint', 'bribery', said);
        break;
      case 'visit_count':
        if (/^\d+$/.test(v)) add('claim', 'visit_count', said, Number(v), [`${on.slice(0, 8)}01`, on]);
        break;
      case 'fine_amount':
        if (/^\d+(\.\d+)?$/.test(v)) fineSaid = Number(v);
        break;
      case 'decision':
        if (v === '罚款') add('claim', 'fined', said);
        break;
      case 'service_or_inspection':
        if (v === '检查') {
          add('complaint', 'fake_service', said);
          add('claim', 'inspection', said);
        } else if (v === '没有人来过') add('claim', 'nobody_came', said);
        break;
    }
  }
  if (fineSaid !== null) {
    const f = findings.find((x) => x.code === 'fined');
    if (f && f.value === null) f.value = fineSaid;
  }
  if (a.says_inspection === true && kind === 'service_visit') {
    add('complaint', 'fake_service', '企业表示该次上门服务实为检查');
    add('claim', 'inspection', '企业表示该次上门服务实为检查');
  }
  const complaints = findings.filter((f) => f.kind === 'complaint');
  return {
    // The respondent's own score wins over what the words suggest.
    satisfaction: score !== null ? levelOfScore(score) : complaints.length ? 'dissatisfied' : text.satisfaction,
    categories: [...categories],
    praise: text.praise,
    findings: [...complaints, ...findings.filter((f) => f.kind === 'claim')],
  };
}

/** The stored rows of one answer's analysis: a followup_analyses row and its followup_findings rows. */
export function analysisRows(a: AnswerRow, r: Analysis, lexiconVersion: string, at: string): { analysis: Value[]; findings: Value[][] } {
  return {
    analysis: [a.id, a.task_id, a.region_code, r.satisfaction, r.categories.join(','), r.praise, lexiconVersion, at],
    findings: r.findings.map((f) => [
      a.id,
      a.task_id,
      a.region_code,
      f.kind,
      f.code,
      f.serious,
      f.value,
      f.periodFrom,
      f.periodTo,
      f.sentence.slice(0, 500),
    ]),
  };
}
export const ANALYSIS_COLUMNS = ['answer_id', 'task_id', 'region_code', 'satisfaction', 'categories', 'praise', 'lexicon', 'analysed_at'];
export const FINDING_COLUMNS = [
  'answer_id',
  'task_id',
  'region_code',
  'kind',
  'code',
  'serious',
  'value',
  'period_from',
  'period_to',
  'sentence',
];

interface TaskContext {
  id: string;
  subject_kind: string;
  campaign_id: string;
  questionnaire: string | null;
  settings: string | null;
  seed: string | null;
}

const inList = (ids: readonly string[]): Sql => ids.map((i) => sql`${i}`).reduce((a, b) => sql`${a}, ${b}`);

/**
 * Analyses answers and stores the analyses and findings. `replace`: the answers may have been analysed
 * before (a re-sent outcome, a new lexicon): their earlier rows go first. Rows are bulk-loaded
 * (`copyIn`): a VALUES insert of thousands of parameters took DuckDB seconds per batch.
 */
export async function storeAnalyses(
  tx: Store,
  answers: readonly AnswerRow[],
  tasks: Map<string, TaskContext>,
  opts: { replace?: boolean; now?: Date } = {},
): Promise<number> {
  if (answers.length === 0) return 0;
  const lex = lexicon();
  const at = (opts.now ?? new Date()).toISOString();
  if (opts.replace ?? true) {
    const ids = answers.map((a) => a.id);
    for (let i = 0; i < ids.length; i += 500) {
      await tx.exec(sql`DELETE FROM followup_findings WHERE answer_id IN (${inList(ids.slice(i, i + 500))})`);
      await tx.exec(sql`DELETE FROM followup_analyses WHERE answer_id IN (${inList(ids.slice(i, i + 500))})`);
    }
  }
  const analyses: Value[][] = [];
  const findings: Value[][] = [];
  for (const a of answers) {
    if ((a.outcome ?? 'reached') !== 'reached') continue;
    const t = tasks.get(a.task_id);
    const kind = t && isSubjectKind(t.subject_kind) ? t.subject_kind : null;
    const q = t?.questionnaire ? (JSON.parse(t.questionnaire) as Questionnaire) : kind ? DEFAULT_QUESTIONNAIRES[kind] : null;
    const rows = analysisRows(a, analyzeAnswer(a, q, kind), lex.version, at);
    analyses.push(rows.analysis);
    findings.push(...rows.findings);
  }
  await tx.copyIn('followup_analyses', ANALYSIS_COLUMNS, analyses);
  if (findings.length) await tx.copyIn('followup_findings', FINDING_COLUMNS, findings);
  return analyses.length;
}

async function taskContexts(tx: Store, taskIds: readonly string[]): Promise<Map<string, TaskContext>> {
  const out = new Map<string, TaskContext>();
  const unique = [...new Set(taskIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await tx.query<TaskContext>(sql`
      SELECT t.id, t.subject_kind, t.campaign_id, c.questionnaire, c.settings, c.seed
      FROM followup_tasks t LEFT JOIN campaigns c ON c.id = t.campaign_id WHERE t.id IN (${inList(unique.slice(i, i + 500))})`);
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

const settingsOf = (t: TaskContext): CampaignSettings => ({
  ...DEFAULT_SETTINGS,
  ...(t.settings ? (JSON.parse(t.settings) as Partial<CampaignSettings>) : {}),
});

/**
 * The human second call (人工复核): of a campaign's reached AI calls, `secondCallShare` are drawn, each
 * by its rank under the campaign's seed — exactly round(share × reached) over all the batches that
 * brought them, the rest marked skipped — each due `secondCallDays` after the day it was drawn.
 */
export async function drawSecondCalls(
  tx: Store,
  campaignIds: readonly string[],
  today: string,
): Promise<{ drawn: number; campaigns: string[] }> {
  let drawn = 0;
  const touched: string[] = [];
  for (const id of campaignIds) {
    const [c] = await tx.query<{ seed: string | null; settings: string | null }>(
      sql`SELECT seed, settings FROM campaigns WHERE id = ${id}`,
    );
    if (!c) continue;
    const s = { ...DEFAULT_SETTINGS, ...(c.settings ? (JSON.parse(c.settings) as Partial<CampaignSettings>) : {}) };
    const reached = await tx.query<{ id: string; second_call_status: string | null }>(sql`
      SELECT t.id, t.second_call_status FROM followup_tasks t WHERE t.campaign_id = ${id} AND EXISTS (
        SELECT 1 FROM followup_answers a WHERE a.task_id = t.id AND COALESCE(a.channel, 'phone') = 'phone' AND COALESCE(a.outcome, 'reached') = 'reached')`);
    const fresh = reached.filter((r) => r.second_call_status === null);
    if (fresh.length === 0) continue;
    const already = reached.filter((r) => r.second_call_status === 'pending' || r.second_call_status === 'done').length;
    const need = Math.max(0, Math.round(s.secondCallShare * reached.length) - already);
    const seed = c.seed ?? id;
    const order = fresh.map((r) => r.id).sort((a, b) => (rankOf(seed, `second|${a}`) < rankOf(seed, `second|${b}`) ? -1 : 1));
    const pick = order.slice(0, need);
    const skip = order.slice(need);
    const due = addDays(today, s.secondCallDays);
    for (let i = 0; i < pick.length; i += 500)
      await tx.exec(
        sql`UPDATE followup_tasks SET second_call_status = 'pending', second_call_due = ${due}, changed_at = current_timestamp WHERE id IN (${inList(pick.slice(i, i + 500))})`,
      );
    for (let i = 0; i < skip.length; i += 500)
      await tx.exec(
        sql`UPDATE followup_tasks SET second_call_status = 'skipped', changed_at = current_timestamp WHERE id IN (${inList(skip.slice(i, i + 500))})`,
      );
    drawn += pick.length;
    if (pick.length) touched.push(id);
  }
  return { drawn, campaigns: touched };
}

/**
 * Lands answers inside the transaction `tx`: analyses, task statuses (answered / unreachable /
 * refused; a human call closes its second call), the second-call draw. Returns the audit entries.
 */
export async function landAnswers(tx: Store, answers: readonly AnswerRow[], actor: string, today: string): Promise<AuditEntryInput[]> {
  if (answers.length === 0) return [];
  const tasks = await taskContexts(
    tx,
    answers.map((a) => a.task_id),
  );
  const analysed = await storeAnalyses(tx, answers, tasks);
  // A task takes its best outcome: answered beats refused beats unreachable; human calls close the second call.
  const byTask = new Map<string, AnswerRow[]>();
  for (const a of answers) if (tasks.has(a.task_id)) (byTask.get(a.task_id) ?? byTask.set(a.task_id, []).get(a.task_id)!).push(a);
  for (const [taskId, list] of byTask) {
    const human = list.some((a) => a.channel === 'human');
    const first = list.filter((a) => a.channel !== 'human');
    const outcome = first.some((a) => (a.outcome ?? 'reached') === 'reached')
      ? 'answered'
      : first.some((a) => a.outcome === 'refused')
        ? 'refused'
        : first.length
          ? 'unreachable'
          : null;
    if (outcome) {
      await tx.exec(
        sql`UPDATE followup_tasks SET status = ${outcome}, changed_at = current_timestamp WHERE id = ${taskId} AND (status <> 'answered' OR ${outcome} = 'answered')`,
      );
    }
    if (human)
      await tx.exec(sql`UPDATE followup_tasks SET second_call_status = 'done', changed_at = current_timestamp WHERE id = ${taskId}`);
  }
  const campaigns = [...new Set([...tasks.values()].filter((t) => t.campaign_id && settingsOf(t)).map((t) => t.campaign_id))];
  const second = await drawSecondCalls(tx, campaigns, today);
  return [
    {
      actor,
      action: 'followup.land',
      target: campaigns.join(',').slice(0, 200) || null,
      regionCode: answers[0].region_code,
      detail: { answers: answers.length, analysed, secondCallsDrawn: second.drawn, lexicon: lexicon().version },
    },
  ];
}

/** The rows the import hands over (as stored) as answers. */
export const asAnswers = (rows: readonly Row[]): AnswerRow[] => rows as unknown as AnswerRow[];

/**
 * Analyses the answers that have no analysis yet (or, with `all`, every reached answer — after the
 * lexicon changed), in batches; returns how many (`kedu followup analyze [--all]`, the bench). Answers
 * that land through the import, the outcome API or the survey are analysed as they land; the demo
 * generator analyses its answers as it writes them.
 */
export async function analyzePending(store: Store, opts: { all?: boolean; regionCode?: string; batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? 5000;
  let total = 0;
  const region = opts.regionCode ?? '';
  for (;;) {
    const rows = await store.query<AnswerRow>(sql`
      SELECT a.id, a.task_id, a.region_code, CAST(a.answered_at AS VARCHAR) AS answered_at, a.satisfaction, a.says_inspection, a.transcript, a.outcome, a.channel, a.answers
      FROM followup_answers a
      WHERE COALESCE(a.outcome, 'reached') = 'reached' AND a.region_code LIKE ${region + '%'}
        AND NOT EXISTS (SELECT 1 FROM followup_analyses x WHERE x.answer_id = a.id ${opts.all ? sql`AND x.lexicon = ${lexicon().version}` : sql``})
      ORDER BY a.id LIMIT ${batch}`);
    if (rows.length === 0) return total;
    await store.transaction(async (tx) => {
      await storeAnalyses(
        tx,
        rows,
        await taskContexts(
          tx,
          rows.map((r) => r.task_id),
        ),
        { replace: !!opts.all },
      );
    });
    total += rows.length;
  }
}
