// Follow-up (回访, "后陈式"): campaigns per county, city and the province for each half-year and each
// subject kind, tasks for a sample of cases, inspections and service visits, the calls' outcomes and
// answers, and their analysis (the real analyser, src/followup/land.ts, run on every answer as it is
// written). An answer about a service visit says whether it was in truth an inspection: never for a
// normal visit, always for a planted fake_service_visit. Planted too, each listed in ground_truth on
// its task: serious complaints, counts of visits the records do not hold, "nobody came" about a
// recorded inspection, and a fine on a case that ended in a warning or no penalty.
import { instantOf, isoOf, dayOf, workSecond, yearOf, type Period } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { Rng, Weighted } from './prng.ts';
import { SOURCE } from './tables.ts';
import { analysisRows, analyzeAnswer, type AnswerRow } from '../followup/land.ts';
import { analyzeText, type Analysis } from '../followup/analyze.ts';
import { DEFAULT_QUESTIONNAIRES } from '../followup/questionnaire.ts';
import { DEFAULT_SETTINGS } from '../followup/campaigns.ts';
import { lexicon } from '../followup/lexicon.ts';
import * as P from './followup-phrases.ts';

export type SubjectKind = 'case' | 'inspection' | 'service_visit';

interface Half {
  key: string;
  label: string;
  start: number;
  /** The half's last day. */
  end: number;
  status: 'closed' | 'active';
}

const halvesCache = new WeakMap<Period, Half[]>();

/** The half-years the period touches, oldest first; the last (the as-of day's) is still active. */
export function halvesOf(period: Period): Half[] {
  let halves = halvesCache.get(period);
  if (!halves) {
    halves = [];
    for (let y = yearOf(period.start); y <= yearOf(period.end); y++) {
      for (const h of [1, 2]) {
        const start = dayOf(`${y}-${h === 1 ? '01' : '07'}-01`);
        const next = dayOf(h === 1 ? `${y}-07-01` : `${y + 1}-01-01`);
        if (next <= period.start || start > period.end) continue;
        halves.push({ key: `${y}H${h}`, label: `${y}年${h === 1 ? '上' : '下'}半年`, start, end: next - 1, status: 'closed' });
      }
    }
    halves[halves.length - 1].status = 'active';
    halvesCache.set(period, halves);
  }
  return halves;
}
const KIND_LABEL: Record<SubjectKind, string> = { case: '行政处罚案件', inspection: '涉企行政检查', service_visit: '涉企服务' };
const MODES = [
  { mode: 'cloud', label: '云调研', rule: 'all' },
  { mode: 'targeted', label: '差异访', rule: null },
  { mode: 'random', label: '双随机', rule: 'random' },
] as const;
const SATISFACTION = new Weighted([5, 4, 3, 2, 1], [55, 30, 10, 3, 2]);

/** Shares of the answered phone calls planted with each contradiction (docs/demo-data.md gives the measured counts). */
const PLANT_FOLLOWUP = {
  complaint: 0.03, // of answered tasks (phone: in words; survey: a structured answer)
  manyVisits: 0.05, // of answered phone calls about an inspection
  nobodyCame: 0.04, // of answered phone calls about an inspection
  finedAnyway: 0.25, // of answered phone calls about a case that ended in a warning or no penalty
  secondCall: 0.2, // of answered phone calls: drawn for a human second call
};

function halfOf(halves: readonly Half[], day: number): Half {
  for (let i = halves.length - 1; i > 0; i--) if (day >= halves[i].start) return halves[i];
  return halves[0];
}
const campaignMode = new Map<string, (typeof MODES)[number]>();

export function writeCampaigns(ctx: Ctx): void {
  const { world, out, seed } = ctx;
  campaignMode.clear();
  const regions: { code: string; name: string; level: 'province' | 'city' | 'county' }[] = [
    { code: '330000', name: '浙江省', level: 'province' },
    ...world.cities.map((c) => ({ code: c.code, name: c.name, level: 'city' as const })),
    ...world.counties.map((c) => ({ code: c.code, name: `${c.city.name}${c.name}`, level: 'county' as const })),
  ];
  for (const r of regions) {
    const rng = Rng.of(seed, 'campaigns', r.code);
    for (const h of halvesOf(ctx.period)) {
      for (const kind of ['case', 'inspection', 'service_visit'] as const) {
        const m = rng.pick(MODES);
        const id = campaignId(r.code, kind, h.key);
        campaignMode.set(id, m);
        const created = instantOf(h.start, 9 * 3600);
        out.campaigns.push([
          id,
          r.code,
          `${r.name}${h.label}${KIND_LABEL[kind]}回访（${m.label}）`,
          r.level,
          kind,
          m.mode,
          created,
          h.status,
          isoOf(h.start),
          isoOf(h.end),
          null, // the default questionnaire of the kind
          JSON.stringify(DEFAULT_SETTINGS),
          m.mode === 'random' ? `demo-${seed}-${id}` : null,
          created,
          null,
          'system',
        ]);
      }
    }
  }
}

const campaignId = (region: string, kind: SubjectKind, half: string): string => `CP-${region}-${kind}-${half}`;

// The analysis of a pool's text depends on the text and the day only: computed once per pair.
const analysed = new Map<string, Analysis>();
function cachedText(text: string, on: string): Analysis {
  const key = `${on}|${text}`;
  let a = analysed.get(key);
  if (!a) {
    if (analysed.size >= 200_000) analysed.clear();
    a = analyzeText(text, on);
    analysed.set(key, a);
  }
  return a;
}

export interface FollowedRecord {
  agencyId: string;
  officerId: string | null;
  /** Cases: the decision and the fine. */
  decision?: string | null;
  fine?: number | null;
}

type Plant = 'followup_complaint' | 'followup_visit_count' | 'followup_nobody_came' | 'followup_fine_mismatch' | null;

/** What an answer is drawn from: keep says whether a plant drawn is kept at the plant share. */
interface Answering {
  kind: SubjectKind;
  fake: boolean;
  t: Rng;
  rec: FollowedRecord;
  score: number;
  keep: () => boolean;
}

/** The words of a phone call and what was planted in them; a plant not kept leaves everyday words (never another plant's). */
function phoneCall({ kind, fake, t, rec, score, keep }: Answering): { text: string; plant: Plant } {
  let plant: Plant = null;
  let said: string;
  const u = t.next();
  const band: Plant = fake
    ? null
    : kind === 'inspection' && u < PLANT_FOLLOWUP.manyVisits
      ? 'followup_visit_count'
      : kind === 'inspection' && u < PLANT_FOLLOWUP.manyVisits + PLANT_FOLLOWUP.nobodyCame
        ? 'followup_nobody_came'
        : kind === 'case' && rec.decision !== 'fine' && u < PLANT_FOLLOWUP.finedAnyway
          ? 'followup_fine_mismatch'
          : null;
  const kept = band !== null && keep();
  if (fake)
    said = t.pick([
      '企业：人是来了，说是服务，其实就是来检查的，查了台账还拍了照，让我们签了检查记录。',
      '企业：讲是政策宣讲，实际上是检查，还指出了几个问题让我们限期整改。',
    ]);
  else if (band === 'followup_visit_count' && kept) [said, plant] = [t.pick(P.MANY_VISITS), band];
  else if (band === 'followup_nobody_came' && kept) [said, plant] = [t.pick(P.NOBODY_CAME), band];
  else if (band === 'followup_fine_mismatch' && kept) [said, plant] = [t.pick(P.FINED_ANYWAY(t.range(5, 50) * 100)), band];
  else if (band === null && t.chance(PLANT_FOLLOWUP.complaint) && keep())
    [said, plant] = [t.pick(P.COMPLAINTS[kind]), 'followup_complaint'];
  else said = (kind === 'case' && t.chance(0.4) && P.caseOutcome(rec.decision ?? null, rec.fine ?? null)) || t.pick(P.EVERYDAY[kind]);
  const closing = P.CLOSING[plant || fake ? Math.min(score, 2) : score];
  return { text: P.OPENING + t.pick(P.ASK[kind]) + said + closing, plant };
}

/** A survey's per-question answers (the default questionnaire of the kind), and what was planted in them. */
function surveyAnswers({ kind, fake, t, rec, score, keep }: Answering): { answers: Record<string, string>; plant: Plant } {
  const complaint = !fake && t.chance(PLANT_FOLLOWUP.complaint) && keep();
  const a: Record<string, string> = {};
  if (kind === 'inspection') {
    a.q_visited = '是';
    a.q_id = complaint ? '否' : '是';
    a.q_count = String(t.range(1, 2));
    a.q_favour = '否';
  } else if (kind === 'case') {
    a.q_rights = complaint ? '否' : '是';
    a.q_decision = rec.decision === 'fine' ? '罚款' : rec.decision === 'warning' ? '警告' : '不予处罚';
    if (rec.decision === 'fine' && rec.fine) a.q_amount = String(rec.fine);
    a.q_favour = '否';
  } else {
    a.q_kind = fake ? '检查' : '服务';
    if (!fake) a.q_helpful = t.chance(0.85) ? '是' : '否';
    // The service questionnaire asks about no complaint: one is written in the comment box.
    if (complaint) a.q_comment = t.pick(P.COMPLAINTS.service_visit).replace(/^企业：/, '');
  }
  if (!complaint && !fake && t.chance(0.15)) a.q_comment = t.pick(P.EVERYDAY[kind]).replace(/^企业：/, '');
  a.q_sat = String(complaint || fake ? Math.min(score, 2) : score);
  return { answers: a, plant: complaint ? 'followup_complaint' : null };
}

/**
 * Maybe raises a follow-up task about a subject (probability p) and its answer. fake: the planted
 * case of a service visit that the entity calls an inspection; the task is then certain and answered.
 * Returns the task and answer ids when an answer was written.
 */
export function followUp(
  ctx: Ctx,
  rng: Rng,
  kind: SubjectKind,
  subjectId: string,
  e: Entity,
  day: number,
  p: number,
  rec: FollowedRecord,
  fake = false,
): { taskId: string; answerId: string } | null {
  if (!fake && !rng.chance(p)) return null;
  const h = halfOf(halvesOf(ctx.period), day);
  const r = rng.next();
  const region = r < 0.85 ? e.county.code : r < 0.95 ? e.county.city.code : '330000';
  const taskId = ctx.ids.next('FT');
  const channel = fake || rng.chance(0.6) ? 'phone' : 'link';
  const answeredDay = day + rng.range(3, 30);
  const unreachable = !fake && channel === 'phone' && rng.chance(0.1);
  const answered = !unreachable && answeredDay <= ctx.period.asOf && (fake || rng.chance(0.85));
  // What the call or survey says comes from a stream of the task's own, drawn from one number of the
  // entity's (as the transcript's one pick used to be), so the entity's other records stay as they were.
  const t = new Rng(rng.int(0x7fffffff));
  const cid = campaignId(region, kind, h.key);
  const mode = campaignMode.get(cid);
  const second = channel === 'phone' && answered && t.chance(PLANT_FOLLOWUP.secondCall);
  const secondDue = answeredDay + DEFAULT_SETTINGS.secondCallDays;
  const secondDone = second && secondDue <= ctx.period.asOf;
  ctx.out.followup_tasks.push([
    taskId,
    cid,
    e.township.code,
    kind,
    subjectId,
    e.uscc,
    channel,
    answered ? 'answered' : unreachable ? 'unreachable' : 'pending',
    rec.agencyId,
    rec.officerId,
    null,
    mode?.rule ?? null,
    mode?.mode === 'targeted' ? '演示数据：按比例生成' : null,
    instantOf(Math.min(day + 1, ctx.period.asOf), 9 * 3600),
    channel === 'phone' && answered ? (second ? (secondDone ? 'done' : 'pending') : 'skipped') : null,
    second ? isoOf(secondDue) : null,
  ]);
  if (unreachable && answeredDay <= ctx.period.asOf) {
    const id = ctx.ids.next('FA');
    pushAnswer(ctx, {
      id,
      task_id: taskId,
      region_code: e.township.code,
      answered_at: instantOf(answeredDay, workSecond(t)),
      satisfaction: null,
      says_inspection: null,
      transcript: null,
      outcome: 'unreachable',
      channel: 'phone',
      answers: null,
    });
  }
  if (!answered) return null;
  const satisfaction = fake ? rng.range(2, 3) : SATISFACTION.pick(rng);
  const id = ctx.ids.next('FA');
  const at = instantOf(answeredDay, workSecond(rng));
  const answering: Answering = { kind, fake, t, rec, score: satisfaction, keep: ctx.keepPlant };
  const call = channel === 'phone' ? phoneCall(answering) : null;
  const survey = channel === 'link' ? surveyAnswers(answering) : null;
  const score = survey ? Number(survey.answers.q_sat) : call?.plant ? Math.min(satisfaction, 2) : satisfaction;
  const row: AnswerRow = {
    id,
    task_id: taskId,
    region_code: e.township.code,
    answered_at: at,
    satisfaction: score,
    says_inspection: kind === 'service_visit' ? fake : null,
    transcript: call?.text ?? null,
    outcome: 'reached',
    channel,
    answers: survey ? JSON.stringify(survey.answers) : null,
  };
  pushAnswer(ctx, row);
  writeAnalysis(ctx, row, kind);
  const plant = call?.plant ?? survey?.plant ?? null;
  if (plant)
    ctx.truth.plant(plant, 'followup_task', taskId, e.township.code, {
      answer_id: id,
      subject_id: subjectId,
      answered_on: isoOf(answeredDay),
    });
  if (secondDone) {
    const hid = ctx.ids.next('FA');
    const hrow: AnswerRow = {
      ...row,
      id: hid,
      answered_at: instantOf(secondDue - 1, workSecond(t)),
      satisfaction: null,
      says_inspection: null,
      transcript: P.SECOND_CALL,
      channel: 'human',
      answers: null,
    };
    pushAnswer(ctx, hrow);
    writeAnalysis(ctx, hrow, kind);
  }
  return { taskId, answerId: id };
}

/** The analysis rows of one answer, by the same analyser answers landing in production go through. */
function writeAnalysis(ctx: Ctx, row: AnswerRow, kind: SubjectKind): void {
  const rows = analysisRows(row, analyzeAnswer(row, DEFAULT_QUESTIONNAIRES[kind], kind, cachedText), lexicon().version, row.answered_at);
  ctx.out.followup_analyses.push(rows.analysis);
  for (const f of rows.findings) ctx.out.followup_findings.push(f);
}

/** An answer row in the table's column order (tables.ts). */
function pushAnswer(ctx: Ctx, a: AnswerRow): void {
  ctx.out.followup_answers.push([
    a.id,
    SOURCE,
    a.id,
    a.task_id,
    a.region_code,
    a.answered_at,
    a.satisfaction,
    a.says_inspection,
    a.transcript,
    a.outcome,
    a.channel,
    a.answers,
  ]);
}
