// Penalty and people patterns planted on their own cases, after every other record (src/demo/generate.ts
// calls it last, with a stream of its own), so that the rest of the data set is the same with or without
// them. Each planted case is a whole case (delivery, payment, procedure, follow-up) written by makeCase
// with forced facts, decision and officers; the entities are ones the generator gave no case, so no
// pattern meets a normal case of the same entity.
//   light_fined_heavily      first offence, corrected, minor harm, fined at the top of the 从重 tier (after
//                            the baselines took effect, so also outside the facts' tier: fine_outside_tier)
//   auxiliary_only           a normal case whose lead and assisting officers are both auxiliary staff
//   fined_without_correction three fines of one entity for one item, 60–150 days apart, none corrected
//   uniform_fine             seven fines of one agency and item in a year at one amount, the facts of
//                            four selecting 一般 and of three 从轻 (an amount both tiers allow)
//   selective_enforcement    one agency and item in a year, serious harm: two warnings, two fines at the
//                            top of the 从重 tier (at least 90% of the statutory maximum)
// Near misses, never planted: a light case fined at the top of its own tier; a case led by an auxiliary
// with an enforcement officer assisting; three uncorrected fines spread over more than 365 days; three
// fines within a year of which one was corrected; seven alike fines of one facts tier; four alike of
// seven; one warning beside two top fines.
// Every plant takes an agency and item that no case had so far (ctx.caseTally), so that no pattern meets
// normal cases or another plant of the same agency and item; the plants of single cases or entities that
// may share one (auxiliary_only, fined_without_correction) never take the agency and item of a planted
// uniform_fine.
import type { PenaltyItem } from './catalog-index.ts';
import { BASELINES_FROM, makeCase, type ForcedCase } from './cases.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { personName } from './names.ts';
import { Rng } from './prng.ts';
import { dayOf, isoOf } from './calendar.ts';
import { pickFine, selectTier, type Facts } from './rules.ts';
import type { Agency, County, Officer } from './world.ts';

/** Plants of each kind per entity of the world (about 0.5–1% of the cases or entities). */
export const PATTERN_RATE = {
  lightFinedHeavily: 0.007,
  auxiliaryOnly: 0.007,
  finedWithoutCorrection: 0.006,
  uniformFine: 0.0015,
  selectiveEnforcement: 0.0006,
} as const;

/** Severe-tier fines at or above this would count as serious money (src/models/score.ts): the plants stay below. */
const MAX_PLANT_FINE = 100_000;

/** Entities without cases, collected while generating (the first `limit` of them): the plants' parties. */
export class PatternPool {
  readonly entities: Entity[] = [];
  constructor(private readonly limit = 20_000) {}
  offer(e: Entity, hadCase: boolean): void {
    if (!hadCase && this.entities.length < this.limit) this.entities.push(e);
  }
}

export function makePatternPlants(ctx: Ctx, pool: PatternPool, entityCount: number): void {
  const rng = Rng.of(ctx.seed, 'patterns');
  const { period, cat, out, truth } = ctx;
  const from = Math.max(period.start, BASELINES_FROM);
  const items = [...cat.penalties.values()];
  let next = 0;
  let auxSeq = 0;
  // The agencies and items of the planted 一刀切 series: a fine more in the year lowers the share of its amount.
  const uniformPlants = new Set<string>();
  const pairOf = (e: Entity, p: PenaltyItem) => `${e.county.agencies.get(p.item.line_code)!.id}|${p.item.code}`;
  // fresh: an agency and item no case had so far (the plants judged over an agency's cases of an item).
  const take = (fresh = true): [Entity, PenaltyItem, Agency] | null => {
    // The first entity left with an item to plant on (which depends on its county only); the ones passed
    // over stay for later takes.
    const spent = new Set<County>();
    for (let j = next; j < pool.entities.length; j++) {
      const e = pool.entities[j];
      if (spent.has(e.county)) continue;
      const choices = items.filter(
        (p) =>
          e.county.agencies.has(p.item.line_code) &&
          !(fresh && ctx.caseTally.has(`${e.county.agencies.get(p.item.line_code)!.id}|${p.item.code}`)) &&
          (cat.allowed(p, e.county.city.code, 'severe')?.max ?? Infinity) < MAX_PLANT_FINE,
      );
      if (choices.length === 0 || choices.every((x) => uniformPlants.has(pairOf(e, x)))) {
        spent.add(e.county);
        continue;
      }
      [pool.entities[j], pool.entities[next]] = [pool.entities[next], e];
      next++;
      let p = choices[rng.int(choices.length)];
      // A non-fresh take never lands on a planted 一刀切's agency and item (it would add a fine to the
      // year the series is judged over, below 80% of one amount); drawn again only then, so the other
      // takes draw as before. (A fine beside a 选择性执法 series leaves its warnings and top fines as they are.)
      if (uniformPlants.has(pairOf(e, p))) {
        const rest = choices.filter((x) => !uniformPlants.has(pairOf(e, x)));
        p = rest[rng.int(rest.length)];
      }
      return [e, p, e.county.agencies.get(p.item.line_code)!];
    }
    return null;
  };
  const tierOf = (e: Entity, p: PenaltyItem, f: Facts) =>
    selectTier(f, cat.listed(p, e.county.city.code, e.county.code), cat.hasMitigated(p, e.county.city.code));
  const normalFine = (e: Entity, p: PenaltyItem, f: Facts): ForcedCase | null => {
    const tier = tierOf(e, p, f);
    const range = cat.allowed(p, e.county.city.code, tier);
    if (tier === 'exempt' || !range) return null;
    return { facts: f, decision: 'fine', tier, fine: pickFine(rng, range), duration: rng.range(10, 40) };
  };
  const auxiliary = (agency: Agency): Officer => {
    const id = `OFX${String(++auxSeq).padStart(6, '0')}`;
    out.officers.push([id, personName(rng), agency.id, agency.region, null, null, 'auxiliary']);
    return { id, expires: -1 };
  };
  const count = (rate: number) => Math.max(3, Math.round(entityCount * rate));
  /** The loops below alternate a plant (even turns) and a near miss (odd): whether turn i is made, the plants thinned. */
  const plantTurns = (rate: number) => {
    const plants = ctx.plantCount(count(rate));
    return (i: number) => i % 2 === 1 || i / 2 < plants;
  };
  // The plants of a kind are thinned to ctx.plantCount(count) at the run's plant share (the first ones; the
  // near misses all stay): a plant past it is not made.
  // Latest filing day that leaves `days` until the as-of day, and a day drawn in [from, latest].
  const dayIn = (lo: number, days: number): number | null => {
    const hi = period.asOf - days;
    return hi < lo ? null : lo + rng.int(hi - lo + 1);
  };

  // 一刀切 and 选择性执法: several parties of one county, one agency and item, within one calendar year.
  const makeSeries = (
    count: number,
    make: (
      agency: Agency,
      p: PenaltyItem,
      city: string,
      start: number,
    ) => { forced: ForcedCase[]; planted: boolean; detail: object } | null,
  ) => {
    const plants = ctx.plantCount(count);
    let planted = 0;
    for (let i = 0; i < count * 3; i++) {
      const t = take();
      if (!t) break;
      const [e, p, agency] = t;
      const start = yearWindow(ctx, 100);
      // Up to six more of its county registered before the year, the first ones left in the pool (a scan
      // that stops there: at Hangzhou scale the pool holds two million entities).
      const parties = [e];
      for (let j = next; j < pool.entities.length && parties.length < 7; j++) {
        const x = pool.entities[j];
        if (x.county === e.county && x.registered < (start ?? 0)) parties.push(x);
      }
      if (start === null || e.registered >= start) continue;
      const plan = make(agency, p, e.county.city.code, start);
      if (!plan || parties.length < plan.forced.length) continue;
      if (plan.planted && planted++ >= plants) continue;
      // The parties used here leave the pool.
      for (const x of parties.slice(1)) pool.entities.splice(pool.entities.indexOf(x), 1);
      plan.forced.forEach((f, k) =>
        makeCase(ctx, parties[k], rng, { agency, penalty: p, filed: start + 14 * k, inspectionId: null, force: f }),
      );
      if (plan.planted) {
        const v = plan.forced.every((f) => f.decision === 'fine') ? 'uniform_fine' : 'selective_enforcement';
        if (v === 'uniform_fine') uniformPlants.add(`${agency.id}|${p.item.code}`);
        truth.plant(v, 'agency', agency.id, agency.region, { item_code: p.item.code, ...plan.detail });
      }
    }
  };
  let uniform = 0;
  makeSeries(count(PATTERN_RATE.uniformFine), (_agency, p, city, start) => {
    const lenient = cat.allowed(p, city, 'lenient');
    const general = cat.allowed(p, city, 'general');
    if (!lenient || !general || lenient.max < general.min || general.min <= 0) return null;
    const amount = general.min; // allowed by both tiers
    const kind = uniform++ % 3; // 0: planted, 1: one facts tier only, 2: four alike of seven
    const facts = (k: number): Facts => ({ firstOffence: kind !== 1 && k >= 4, corrected: false, harm: 'minor' });
    const forced = Array.from({ length: 7 }, (_, k): ForcedCase => {
      const f = facts(k);
      const tier = f.firstOffence ? 'lenient' : 'general';
      const odd = kind === 2 && k % 2 === 1;
      return {
        facts: f,
        decision: 'fine',
        tier,
        fine: odd ? pickFine(rng, cat.allowed(p, city, tier)!) : amount,
        duration: rng.range(10, 30),
      };
    });
    if (kind === 2 && forced.filter((f) => f.fine === amount).length > 4) return null;
    return { forced, planted: kind === 0, detail: { year: isoOf(start).slice(0, 4), fine_amount: amount } };
  });
  let selective = 0;
  makeSeries(count(PATTERN_RATE.selectiveEnforcement), (_agency, p, city, start) => {
    const severe = cat.allowed(p, city, 'severe');
    if (!severe || severe.max < 0.9 * p.statutory.max) return null;
    const planted = selective++ % 2 === 0;
    const facts: Facts = { firstOffence: false, corrected: false, harm: 'serious' };
    const warn: ForcedCase = { facts, decision: 'warning', tier: 'severe', fine: null, duration: rng.range(10, 30) };
    const top: ForcedCase = { facts, decision: 'fine', tier: 'severe', fine: severe.max, duration: rng.range(10, 30) };
    const forced = planted ? [warn, { ...warn }, top, { ...top }] : [warn, top, { ...top }];
    return { forced, planted, detail: { year: isoOf(start).slice(0, 4), fine_amount: severe.max } };
  });

  // 小过重罚 and its near miss (a light case fined at the top of its own tier).
  const lightTurn = plantTurns(PATTERN_RATE.lightFinedHeavily);
  for (let i = 0; i < count(PATTERN_RATE.lightFinedHeavily) * 2; i++) {
    if (!lightTurn(i)) continue;
    const t = take();
    if (!t) break;
    const [e, p, agency] = t;
    const city = e.county.city.code;
    const facts: Facts = { firstOffence: true, corrected: true, harm: 'minor' };
    const tier = tierOf(e, p, facts);
    const own = cat.allowed(p, city, tier);
    const severe = cat.allowed(p, city, 'severe');
    const filed = dayIn(Math.max(from, e.registered), 60);
    if (!own || !severe || filed === null) continue;
    const planted = i % 2 === 0;
    const fine = planted ? severe.max : own.max;
    if (planted && fine <= cat.union(p, city, tier)!.max) continue;
    const id = caseId(ctx);
    makeCase(ctx, e, rng, {
      agency,
      penalty: p,
      filed,
      inspectionId: null,
      force: { facts, decision: 'fine', tier, fine, duration: rng.range(10, 50) },
    });
    if (planted) {
      const region = e.township.code;
      truth.plant('light_fined_heavily', 'case', id, region, { item_code: p.item.code, tier, fine_amount: fine, severe_min: severe.min });
      const union = cat.union(p, city, tier)!;
      truth.plant('fine_outside_tier', 'case', id, region, {
        item_code: p.item.code,
        tier,
        fine_amount: fine,
        tier_min: union.min,
        tier_max: union.max,
        also: 'light_fined_heavily',
      });
    }
  }

  // 辅助人员独立执法 and its near miss (an auxiliary lead with an enforcement officer assisting).
  const auxTurn = plantTurns(PATTERN_RATE.auxiliaryOnly);
  for (let i = 0; i < count(PATTERN_RATE.auxiliaryOnly) * 2; i++) {
    if (!auxTurn(i)) continue;
    const t = take(false);
    if (!t) break;
    const [e, p, agency] = t;
    const r = rng.next();
    const forced = normalFine(e, p, { firstOffence: rng.chance(0.5), corrected: rng.chance(0.5), harm: r < 0.5 ? 'minor' : 'serious' });
    const filed = dayIn(Math.max(period.start, e.registered), 60);
    if (!forced || filed === null) continue;
    const planted = i % 2 === 0;
    const lead = auxiliary(agency);
    forced.officers = [lead, planted ? auxiliary(agency) : agency.valid[rng.int(agency.valid.length)]];
    const id = caseId(ctx);
    makeCase(ctx, e, rng, { agency, penalty: p, filed, inspectionId: null, force: forced });
    if (planted)
      truth.plant('auxiliary_only', 'case', id, e.township.code, { lead_officer_id: lead.id, assist_officer_id: forced.officers[1]!.id });
  }

  // 以罚代管 and its near misses: three uncorrected fines within a year (60–150 days apart); the same
  // spread over more than 365 days; three within a year with the second corrected.
  const uncorrectedTurn = plantTurns(PATTERN_RATE.finedWithoutCorrection);
  for (let i = 0; i < count(PATTERN_RATE.finedWithoutCorrection) * 2; i++) {
    if (!uncorrectedTurn(i)) continue;
    const t = take(false);
    if (!t) break;
    const [e, p, agency] = t;
    const variant = i % 2 === 0 ? 'planted' : i % 4 === 1 ? 'spread' : 'corrected';
    const gaps = variant === 'spread' ? [rng.range(183, 200), rng.range(183, 200)] : [rng.range(60, 150), rng.range(60, 150)];
    const first = dayIn(Math.max(period.start, e.registered), gaps[0] + gaps[1] + 60);
    if (first === null) continue;
    const days = [first, first + gaps[0], first + gaps[0] + gaps[1]];
    const plans = days.map((_, k) =>
      normalFine(e, p, { firstOffence: k === 0, corrected: variant === 'corrected' && k === 1, harm: 'minor' }),
    );
    if (plans.some((x) => x === null)) continue;
    const ids: string[] = [];
    days.forEach((filed, k) => {
      ids.push(caseId(ctx));
      makeCase(ctx, e, rng, { agency, penalty: p, filed, inspectionId: null, force: plans[k]! });
    });
    if (variant === 'planted')
      truth.plant('fined_without_correction', 'entity', e.uscc, e.township.code, { item_code: p.item.code, case_ids: ids.join(',') });
  }
}

/** A year's window of `span` days for a series of cases decided in that year after the baselines, or null. */
function yearWindow(ctx: Ctx, span: number): number | null {
  const { period } = ctx;
  const year = Number(isoOf(period.asOf - span - 60).slice(0, 4));
  const start = Math.max(dayOf(`${year}-01-01`), period.start, BASELINES_FROM);
  const end = Math.min(dayOf(`${year}-12-31`), period.asOf);
  return start + span + 60 <= end ? start : null;
}

/** The id makeCase will give the next case (ids are sequential per prefix). */
function caseId(ctx: Ctx): string {
  return ctx.ids.peek('CS');
}
