// Licences (许可) of one entity: its registration if it was registered in the period (市场主体设立登记),
// and the licences of its industry (食品经营许可, 公众聚集场所消防安全检查, 建筑垃圾处置核准…).
// A normal licence is decided within its time limit counted in calendar days, which is never more
// than the same number of working days (行政许可法 第四十二条, 第八十二条), so it is in time under
// either reading; a planted licence_overdue takes longer than the limit plus the ten-day extension
// 第四十二条 allows, in working days, plus the longest holiday break.
import { workdayDeadline, workdaysNeeded } from '../domain/workdays.ts';
import { dayOf, isoOf } from './calendar.ts';
import type { LicenceInfo } from './catalog-index.ts';
import { PLANT, type Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { Rng } from './prng.ts';
import { makeCharge } from './fees.ts';
import { SOURCE } from './tables.ts';

/** Mean industry licences per entity whose industry has licence items. */
const MEAN_LICENCES = 2.4;

export function makeLicences(ctx: Ctx, e: Entity, rng: Rng): void {
  const reg = ctx.cat.registrationLicence;
  const first = e.registered + 1;
  if (reg && e.registered - 3 >= ctx.period.start) {
    writeLicence(ctx, e, rng, reg, e.registered - rng.range(0, Math.min(3, reg.item.time_limit_days!)), true);
  }
  const options = ctx.cat.licencesFor[e.industry];
  if (options.length === 0) return;
  const n = rng.count(MEAN_LICENCES);
  for (let i = 0; i < n; i++) writeLicence(ctx, e, rng, options[rng.int(options.length)], ctx.days.licence.pickFrom(rng, first), false);
}

function writeLicence(ctx: Ctx, e: Entity, rng: Rng, l: LicenceInfo, applied: number, registration: boolean): void {
  const agency = ctx.world.agencyFor(e.county, l.item.line_code, rng);
  if (!agency) return;
  const limit = l.item.time_limit_days!;
  const id = ctx.ids.next('LC');
  const region = e.township.code;
  let decided: number | null;
  if (registration) {
    decided = e.registered; // the registration date is the day the licence was granted
  } else {
    // Working days → calendar days: 7/5, plus up to 8 days of a Spring Festival or National Day break.
    const late = Math.ceil(((limit + 10) * 7) / 5) + 9 + rng.range(1, 60);
    if (rng.chance(PLANT.licenceOverdue) && applied + late <= ctx.period.asOf && ctx.keepPlant()) {
      decided = applied + late;
      ctx.truth.plant('licence_overdue', 'licence', id, region, {
        item_code: l.item.code,
        applied_on: isoOf(applied),
        decided_on: isoOf(decided),
        days: late,
        time_limit_days: limit,
      });
    } else {
      decided = applied + Math.min(limit, Math.floor((limit + 1) * rng.next() ** 1.3));
      if (decided > ctx.period.asOf) decided = null; // pending, still inside its time limit on the as-of day
    }
  }
  const result = decided === null ? 'pending' : registration || rng.chance(0.94) ? 'granted' : 'refused';
  const terms = registration ? NO_TERMS : licenceTerms(ctx, id, region, l, applied, decided, result);
  if (terms.decided !== undefined) decided = terms.decided;
  const proc = licenceProcedure(ctx, id, region, applied, decided, result, registration);
  const svc = licenceService(ctx, id, region, l, applied, decided, result, registration, proc.notified !== null);
  ctx.out.licences.push([
    id,
    SOURCE,
    id,
    region,
    agency.id,
    l.item.code,
    e.uscc,
    isoOf(applied),
    decided === null ? null : isoOf(decided),
    result,
    terms.promised,
    terms.extended,
    terms.excluded,
    terms.commitment,
    terms.verified === null ? null : isoOf(terms.verified),
    proc.received === null ? null : isoOf(proc.received),
    proc.notified === null ? null : isoOf(proc.notified),
    proc.issued === null ? null : isoOf(proc.issued),
    proc.reasons,
    svc.visits,
    svc.supplements,
    svc.published === null ? null : isoOf(svc.published),
    svc.renews,
    svc.validUntil === null ? null : isoOf(svc.validUntil),
  ]);
  makeCharge(ctx, e, { agency, kind: 'licence', recordId: id, day: applied });
}

interface Terms {
  promised: number | null;
  extended: number | null;
  excluded: number | null;
  commitment: boolean | null;
  verified: number | null;
  /** A decision day moved onto a limit (a near miss); undefined: as drawn. */
  decided?: number;
}
const NO_TERMS: Terms = { promised: null, extended: null, excluded: null, commitment: null, verified: null };

const wd = (from: number, n: number): number => dayOf(workdayDeadline(isoOf(from), n)!);

/**
 * The terms of a licence beyond its dates, from a stream of its own (the rest of the data stays as it
 * was): the agency's promised time limit (承诺期限), an approved extension or time 第四十五条 leaves out
 * (near misses: decided on the last day they allow), and 告知承诺制 with its verification within 60
 * working days (浙江省保障"最多跑一次"改革规定 第十二条、第十四条). Planted: a decision after the promise
 * though within the statutory limit (licence_overdue), a commitment licence never or late verified
 * (commitment_unverified).
 */
function licenceTerms(
  ctx: Ctx,
  id: string,
  region: string,
  l: LicenceInfo,
  applied: number,
  decided: number | null,
  result: string,
): Terms {
  const rng = Rng.of(ctx.seed, 'licence-terms', id);
  const limit = l.item.time_limit_days!;
  const t: Terms = { ...NO_TERMS };
  const u = rng.next();
  const used = decided === null ? null : workdaysNeeded(isoOf(applied), isoOf(decided))!;
  const overdue = used !== null && used > limit; // planted licence_overdue already
  if (used !== null && !overdue && u < 0.12) {
    // A promise shorter than the statutory limit, kept — or, planted, broken by one to five working days.
    if (used >= 3 && rng.chance(0.2) && ctx.keepPlant()) {
      t.promised = Math.max(1, used - rng.range(1, Math.min(5, used - 1)));
      ctx.truth.plant('licence_overdue', 'licence', id, region, { promised_days: t.promised, used_days: used, time_limit_days: limit });
    } else t.promised = Math.min(limit, Math.max(used, Math.ceil(limit / 2)));
  } else if (decided !== null && !overdue && u < 0.16) {
    // Decided on the last working day an approved extension (第四十二条: ten days) or left-out time allows.
    const extra = rng.range(3, 10);
    if (rng.chance(0.5)) t.extended = extra;
    else t.excluded = extra;
    const day = wd(applied, limit + extra);
    if (day <= ctx.period.asOf) t.decided = day;
    else t.extended = t.excluded = null;
  }
  if (result === 'granted' && decided !== null && rng.chance(0.25)) {
    t.commitment = true;
    const due = wd(t.decided ?? decided, COMMITMENT_CHECK_DAYS);
    const judged = due < ctx.period.asOf;
    if (judged && rng.chance(0.05) && ctx.keepPlant()) {
      t.verified = rng.chance(0.5) ? null : Math.min(due + rng.range(1, 30), ctx.period.asOf);
      ctx.truth.plant('commitment_unverified', 'licence', id, region, {
        decided_on: isoOf(t.decided ?? decided),
        verified_on: t.verified === null ? null : isoOf(t.verified),
      });
    } else {
      // Verified within the 60 working days; one in ten on the last of them.
      t.verified = rng.chance(0.1) ? due : wd(t.decided ?? decided, rng.range(5, COMMITMENT_CHECK_DAYS - 1));
      if (t.verified > ctx.period.asOf) t.verified = null; // not yet: still inside the period on the as-of day
    }
  } else if (result === 'granted') t.commitment = false;
  return t;
}

/** 浙江省保障"最多跑一次"改革规定 第十四条: 告知承诺 licences are checked within 60 working days. */
const COMMITMENT_CHECK_DAYS = 60;

interface Procedure {
  received: number | null;
  notified: number | null;
  issued: number | null;
  reasons: boolean | null;
}

/** Planted shares of the procedure violations (行政许可法 第三十二条、第三十八条、第四十四条). */
const PROCEDURE = {
  supplement: 0.3, // of licences: the materials were incomplete and the applicant was told what to supplement
  noticeLate: 0.03, // of those: told after the 5th working day (licence_no_one_time_notice)
  issueLate: 0.015, // of granted licences judged on the as-of day: certificate after the 10th working day (licence_issue_late)
  refusalNoReason: 0.12, // of refusals: the written decision gave no reasons (licence_refusal_no_reason)
} as const;
/** 第三十二条 第一款 第（四）项: 五日内; 第四十四条: 十日内 (working days, 第八十二条). */
const NOTICE_DAYS = 5;
const ISSUE_DAYS = 10;

/**
 * The procedure around the decision, from a stream of its own (the rest of the data stays as it was):
 * when the materials came in (received_on; the application is accepted on applied_on), the one-time
 * notice of what to supplement, the certificate of a granted licence, the reasons of a refusal. Normal
 * records keep every period — one in ten exactly on its last working day (the near misses); planted
 * ones break it. A registration's certificate (营业执照) is issued the day it is granted.
 */
function licenceProcedure(
  ctx: Ctx,
  id: string,
  region: string,
  applied: number,
  decided: number | null,
  result: string,
  registration: boolean,
): Procedure {
  const rng = Rng.of(ctx.seed, 'licence-procedure', id);
  const p: Procedure = { received: null, notified: null, issued: null, reasons: null };
  if (registration) {
    p.received = applied;
    p.issued = decided;
    return p;
  }
  if (rng.chance(PROCEDURE.supplement)) {
    // Received 20 to 45 days before acceptance; told within 5 working days, then the applicant supplemented.
    p.received = applied - rng.range(20, 45);
    const late = rng.chance(PROCEDURE.noticeLate) ? wd(p.received, NOTICE_DAYS + rng.range(1, 6)) : null;
    // A late notice not kept at the plant share is told in time, as a normal record is.
    const planted = late !== null && late <= applied && ctx.keepPlant();
    const notified =
      late !== null && (planted || late > applied) ? late : wd(p.received, rng.chance(0.1) ? NOTICE_DAYS : rng.range(1, NOTICE_DAYS - 1));
    if (notified <= applied) {
      p.notified = notified;
      if (planted)
        ctx.truth.plant('licence_no_one_time_notice', 'licence', id, region, {
          received_on: isoOf(p.received),
          notified_on: isoOf(notified),
        });
    } else p.notified = p.received;
  } else if (rng.chance(0.8)) p.received = applied; // complete: accepted the day it came in
  if (result === 'granted' && decided !== null) {
    const due = wd(decided, ISSUE_DAYS);
    const late = due < ctx.period.asOf && rng.chance(PROCEDURE.issueLate) ? wd(decided, ISSUE_DAYS + rng.range(1, 20)) : null;
    // Not issued by the as-of day: the record has no issue date, which the model does not judge.
    if (late !== null && late > ctx.period.asOf) p.issued = null;
    else if (late !== null && ctx.keepPlant()) {
      p.issued = late;
      ctx.truth.plant('licence_issue_late', 'licence', id, region, { decided_on: isoOf(decided), issued_on: isoOf(p.issued) });
    } else {
      p.issued = rng.chance(0.1) ? due : wd(decided, rng.range(1, ISSUE_DAYS - 1));
      if (p.issued > ctx.period.asOf) p.issued = null; // not yet: still inside the period on the as-of day
    }
  } else if (result === 'refused') {
    p.reasons = !(rng.chance(PROCEDURE.refusalNoReason) && ctx.keepPlant());
    if (!p.reasons)
      ctx.truth.plant('licence_refusal_no_reason', 'licence', id, region, { decided_on: decided === null ? null : isoOf(decided) });
  }
  return p;
}

interface Service {
  visits: number | null;
  supplements: number | null;
  published: number | null;
  renews: string | null;
  validUntil: number | null;
}

/** Planted shares of the service violations (最多跑一次 第二条, 行政许可法 第三十二条、第四十条、第五十条). */
const SERVICE = {
  visitsRecorded: 0.7, // of licences: the system records the applicant's visits
  moreVisits: 0.02, // of those with complete materials: came 2–4 times (licence_more_than_one_visit)
  repeatedSupplement: 0.05, // of applications told to supplement: told 2–3 times (licence_repeated_supplement)
  publishedRecorded: 0.8, // of granted licences: the system records the publication day
  publishLate: 0.02, // of those judged on the as-of day: published after the 7th working day (licence_not_published)
  renewal: 0.1, // of decided licences: a renewal of an earlier licence of the same item
} as const;
/** The default publication term of LIC_NOT_PUBLISHED (a county's setting; 第四十条 names none). */
const PUBLISH_DAYS = 7;
/** 行政许可法 第五十条 第一款: a renewal is applied for 三十日前 the licence expires. */
const RENEW_APPLY_DAYS = 30;

/**
 * What the applicant lived through, from a stream of its own (the rest of the data stays as it was):
 * visits to the office, how often told to supplement, when a grant was published, and for a share of
 * decided licences a renewal of an earlier licence with the day it expired. Near misses: one visit with
 * complete materials, two or three visits where the applicant had to supplement (outside 第二条's
 * 申请材料齐全), one supplement notice, publication on the 7th working day, a renewal decided on the day the
 * old licence expires, and one decided after it but applied for less than 30 days before. A renewal can
 * only be decided late after a timely application when the decision took more than 30 days: plants are
 * drawn among those (the licences decided late, or on an approved extension).
 */
function licenceService(
  ctx: Ctx,
  id: string,
  region: string,
  l: LicenceInfo,
  applied: number,
  decided: number | null,
  result: string,
  registration: boolean,
  supplemented: boolean,
): Service {
  const rng = Rng.of(ctx.seed, 'licence-service', id);
  const s: Service = { visits: null, supplements: null, published: null, renews: null, validUntil: null };
  if (registration) {
    s.visits = rng.range(0, 1);
    s.supplements = 0;
    s.published = decided;
    return s;
  }
  const recorded = rng.chance(SERVICE.visitsRecorded);
  if (supplemented) {
    s.supplements = 1;
    if (rng.chance(SERVICE.repeatedSupplement) && ctx.keepPlant()) {
      s.supplements = rng.range(2, 3);
      ctx.truth.plant('licence_repeated_supplement', 'licence', id, region, {
        applied_on: isoOf(applied),
        supplement_count: s.supplements,
      });
    }
    if (recorded) s.visits = rng.range(1, 3); // came again to hand in what was missing: not judged
  } else if (recorded) {
    s.supplements = 0;
    if (rng.chance(SERVICE.moreVisits) && ctx.keepPlant()) {
      s.visits = rng.range(2, 4);
      ctx.truth.plant('licence_more_than_one_visit', 'licence', id, region, { applied_on: isoOf(applied), visits: s.visits });
    } else s.visits = rng.range(0, 1);
  }
  if (result === 'granted' && decided !== null && rng.chance(SERVICE.publishedRecorded)) {
    const due = wd(decided, PUBLISH_DAYS);
    const late = due < ctx.period.asOf && rng.chance(SERVICE.publishLate) ? wd(decided, PUBLISH_DAYS + rng.range(1, 15)) : null;
    if (late !== null && late > ctx.period.asOf) s.published = null;
    else if (late !== null && ctx.keepPlant()) {
      s.published = late;
      ctx.truth.plant('licence_not_published', 'licence', id, region, { decided_on: isoOf(decided), published_on: isoOf(s.published) });
    } else {
      s.published = rng.chance(0.1) ? due : wd(decided, rng.range(1, PUBLISH_DAYS - 1));
      if (s.published > ctx.period.asOf) s.published = null; // not yet on the as-of day
    }
  }
  if (decided === null) return s;
  const long = decided - applied > RENEW_APPLY_DAYS; // the only renewals that can be decided late after a timely application
  if (!(long ? rng.chance(0.6) : rng.chance(SERVICE.renewal))) return s;
  s.renews = `${l.item.code}-${rng.range(100000, 999999)}`;
  const u = rng.next();
  // A late renewal not kept at the plant share is decided before the old licence expired (not applied late).
  if (long && u < 0.5 && ctx.keepPlant()) {
    // Applied 30 or more days before the old licence expired, decided after it.
    s.validUntil = decided - rng.range(1, Math.min(20, decided - applied - RENEW_APPLY_DAYS));
    ctx.truth.plant('licence_renewal_late', 'licence', id, region, {
      applied_on: isoOf(applied),
      prior_valid_until: isoOf(s.validUntil),
      decided_on: isoOf(decided),
    });
  } else if (long && u >= 0.5 && u < 0.7) {
    s.validUntil = applied + rng.range(10, RENEW_APPLY_DAYS - 1); // applied late: decided after expiry, not judged
  } else {
    // Decided before the old licence expired; one in ten on its last day, half of the long ones.
    const onLastDay = rng.chance(long ? 0.5 : 0.1);
    s.validUntil = Math.max(decided, applied + RENEW_APPLY_DAYS) + (onLastDay ? 0 : rng.range(1, 60));
  }
  return s;
}
