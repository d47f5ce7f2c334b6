// Follow-up (回访, "后陈式"): campaigns per county, city and the province for each half-year and each
// subject kind, tasks for a sample of cases, inspections and service visits, and the answers. An
// answer about a service visit says whether it was in truth an inspection: never for a normal visit,
// always for a planted fake_service_visit.
import { instantOf, isoOf, dayOf, workSecond, yearOf, type Period } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { Rng, Weighted } from './prng.ts';
import { SOURCE } from './tables.ts';

export type SubjectKind = 'case' | 'inspection' | 'service_visit';

interface Half {
  key: string;
  label: string;
  start: number;
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
        halves.push({ key: `${y}H${h}`, label: `${y}年${h === 1 ? '上' : '下'}半年`, start, status: 'closed' });
      }
    }
    halves[halves.length - 1].status = 'active';
    halvesCache.set(period, halves);
  }
  return halves;
}
const KIND_LABEL: Record<SubjectKind, string> = { case: '行政处罚案件', inspection: '涉企行政检查', service_visit: '涉企服务' };
const MODES = [
  { mode: 'cloud', label: '云调研' },
  { mode: 'targeted', label: '差异访' },
  { mode: 'random', label: '双随机' },
] as const;
const SATISFACTION = new Weighted([5, 4, 3, 2, 1], [55, 30, 10, 3, 2]);
const SATISFACTION_TEXT = ['很不满意', '不太满意', '一般', '比较满意', '非常满意'];

function halfOf(halves: readonly Half[], day: number): Half {
  for (let i = halves.length - 1; i > 0; i--) if (day >= halves[i].start) return halves[i];
  return halves[0];
}

/** Writes the campaigns of the world; returns the id lookup used by offer(). */
export function writeCampaigns(ctx: Ctx): void {
  const { world, out, seed } = ctx;
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
        out.campaigns.push([
          campaignId(r.code, kind, h.key),
          r.code,
          `${r.name}${h.label}${KIND_LABEL[kind]}回访（${m.label}）`,
          r.level,
          kind,
          m.mode,
          instantOf(h.start, 9 * 3600),
          h.status,
        ]);
      }
    }
  }
}

const campaignId = (region: string, kind: SubjectKind, half: string): string => `CP-${region}-${kind}-${half}`;

function transcript(kind: SubjectKind, fake: boolean, rng: Rng, e: Entity, date: string, satisfaction: number): string {
  const opening = `回访员：您好，这里是${e.county.name}司法局行政执法监督回访，请问是${e.name}吗？企业：是的。`;
  const closing = `回访员：您对这次执法（服务）总体是否满意？企业：${SATISFACTION_TEXT[satisfaction - 1]}。`;
  if (kind === 'service_visit') {
    const body = fake
      ? rng.pick([
          `回访员：${date}有工作人员到贵单位开展上门服务，情况属实吗？企业：人是来了，说是服务，其实就是来检查的，查了台账还拍了照，让我们签了检查记录。`,
          `回访员：${date}的上门服务主要内容是什么？企业：讲是政策宣讲，实际上是检查，还指出了几个问题让我们限期整改。`,
        ])
      : rng.pick([
          `回访员：${date}有工作人员到贵单位开展上门服务，情况属实吗？企业：属实，主要是政策宣讲和合规指导，没有检查。`,
          `回访员：${date}的上门服务主要内容是什么？企业：帮我们解读了惠企政策，还给了些合规建议，挺有帮助。`,
        ]);
    return opening + body + closing;
  }
  if (kind === 'inspection') {
    return (
      opening +
      rng.pick([
        `回访员：${date}对贵单位的检查，检查人员是否出示执法证件并亮码检查？企业：出示了，也扫了码。`,
        `回访员：${date}的检查是否影响了正常经营？企业：时间不长，基本没有影响。`,
      ]) +
      closing
    );
  }
  return (
    opening +
    rng.pick([
      `回访员：关于${date}作出的处罚决定，办案人员是否告知了陈述、申辩的权利？企业：告知了。`,
      `回访员：办案过程中执法人员是否规范文明？企业：比较规范，讲清楚了依据。`,
    ]) +
    closing
  );
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
  ctx.out.followup_tasks.push([
    taskId,
    campaignId(region, kind, h.key),
    e.township.code,
    kind,
    subjectId,
    e.uscc,
    channel,
    answered ? 'answered' : unreachable ? 'unreachable' : 'pending',
  ]);
  if (!answered) return null;
  const satisfaction = fake ? rng.range(2, 3) : SATISFACTION.pick(rng);
  const id = ctx.ids.next('FA');
  const text = channel === 'phone' ? transcript(kind, fake, rng, e, isoOf(day), satisfaction) : null;
  ctx.out.followup_answers.push([
    id,
    SOURCE,
    id,
    taskId,
    e.township.code,
    instantOf(answeredDay, workSecond(rng)),
    satisfaction,
    kind === 'service_visit' ? fake : null,
    text,
  ]);
  return { taskId, answerId: id };
}
