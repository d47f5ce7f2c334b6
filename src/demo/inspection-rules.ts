// What a demo inspection shows of the rules that shape it: the day it was reported to the agency's head
// beforehand (reported_on, 浙江省保障“最多跑一次”改革规定 第三十六条) and the day its result was published
// (published_on, 浙江省综合行政执法条例 第二十一条). Chosen by hashes of the agency and the inspection id,
// outside the generator's stream, so the other records stay as they were.
//
// Six agencies in ten send reported_on at all, and (by another hash) six in ten send published_on; the
// others leave the column empty on every record, and the models judge no agency that never fills it.
//
// reported_on, in an agency that sends it: on a 双随机 or joint inspection (no exemption of 第三十六条 covers
// them) the day before or up to five days before, one in ten on the day itself (the near miss: a report on
// the day of the inspection is before it). Plants (not_reported, subject the inspection): NOT_REPORTED of
// those dated one to five days after the inspection, or left empty (only once the agency has sent a day,
// so that the model judges it). Complaint and planned
// inspections (exemptions (一) and (四)) carry it on one in five records, the others empty (near misses).
//
// published_on, in an agency that sends it: a 双随机 inspection's result published within
// PUBLISH_WORKDAYS working days (the demo's setting), one in ten on the last day (the near miss). Plants
// (random_not_published, subject the inspection): NOT_PUBLISHED of those whose term ended by the as-of day
// published one to thirty days after the term, or left empty (only once the agency has published one). Other kinds: published within the
// term on half their records, else empty (not judged).
import { dayOf, isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import { deriveSeed, Rng } from './prng.ts';
import { workdayDeadline } from '../domain/workdays.ts';

/** The term of publication the demo's records keep (INS_RANDOM_NOT_PUBLISHED's default). */
export const PUBLISH_WORKDAYS = 20;
/** Share of judged inspections planted unreported, and of judged random inspections planted unpublished. */
const NOT_REPORTED = 0.03;
const NOT_PUBLISHED = 0.03;

/** Whether an agency fills the column at all. */
const sends = (ctx: Ctx, what: string, agencyId: string) => deriveSeed(ctx.seed, 'inspection-rules-sends', what, agencyId) % 10 < 6;

/** The agencies that have sent a reported_on so far (the generator's order is fixed). */
const reportingOf = new WeakMap<Ctx, Set<string>>();
function reporting(ctx: Ctx): Set<string> {
  let s = reportingOf.get(ctx);
  if (!s) reportingOf.set(ctx, (s = new Set()));
  return s;
}

const publishingOf = new WeakMap<Ctx, Set<string>>();
function publishing(ctx: Ctx): Set<string> {
  let s = publishingOf.get(ctx);
  if (!s) publishingOf.set(ctx, (s = new Set()));
  return s;
}

/** [reported_on, published_on] of one inspection. */
export function inspectionRules(
  ctx: Ctx,
  p: { id: string; agencyId: string; kind: string; day: number; region: string },
): [string | null, string | null] {
  const { id, agencyId, kind, day, region } = p;
  const asOf = ctx.period.asOf;
  const iso = (d: number | null) => (d === null || d > asOf ? null : isoOf(d));
  let reported: number | null = null;
  if (sends(ctx, 'reported', agencyId)) {
    const rng = Rng.of(ctx.seed, 'inspection-reported', id);
    const seen = reporting(ctx);
    const late = day + rng.range(1, 5);
    if ((kind === 'random' || kind === 'joint') && rng.chance(NOT_REPORTED) && (late <= asOf || seen.has(agencyId)) && ctx.keepPlant()) {
      // Left empty only where the agency has sent a day already, so that it is judged at all.
      reported = late <= asOf && (rng.chance(0.5) || !seen.has(agencyId)) ? late : null;
      ctx.truth.plant('not_reported', 'inspection', id, region, { kind, inspected_on: isoOf(day), reported_on: iso(reported) });
    } else if (kind === 'random' || kind === 'joint') reported = rng.chance(0.1) ? day : day - rng.range(1, 5);
    else if (rng.chance(0.2)) reported = day - rng.range(0, 3);
    if (reported !== null && reported <= asOf) seen.add(agencyId);
  }
  let published: number | null = null;
  if (sends(ctx, 'published', agencyId)) {
    const rng = Rng.of(ctx.seed, 'inspection-published', id);
    const deadline = workdayDeadline(isoOf(day), PUBLISH_WORKDAYS);
    if (deadline !== null) {
      const last = dayOf(deadline);
      const seen = publishing(ctx);
      const late = last + rng.range(1, 30);
      if (kind === 'random' && last + 1 <= asOf && rng.chance(NOT_PUBLISHED) && (late <= asOf || seen.has(agencyId)) && ctx.keepPlant()) {
        // Left empty only where the agency has published a result already, so that it is judged at all.
        published = late <= asOf && (rng.chance(0.5) || !seen.has(agencyId)) ? late : null;
        ctx.truth.plant('random_not_published', 'inspection', id, region, {
          inspected_on: isoOf(day),
          deadline,
          published_on: iso(published),
        });
      } else if (kind === 'random') published = rng.chance(0.1) ? last : day + rng.range(1, Math.max(1, last - day));
      else if (rng.chance(0.5)) published = day + rng.range(1, Math.max(1, last - day));
      if (published !== null && published <= asOf) seen.add(agencyId);
    }
  }
  return [iso(reported), iso(published)];
}
