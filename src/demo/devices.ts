// 电子技术监控设备 (非现场执法): the cameras, speed and noise monitors of the transport, comprehensive
// enforcement (城市管理) and ecology-environment agencies, and the cases decided on their records
// (cases.device_id). A normal device was reviewed (法制和技术审核) and its place published before it
// was put to use, well before the period, and its calibration runs past the as-of day: 行政处罚法
// 第四十一条 holds for every case citing it. Each agency has a few such devices per county; a share of
// its cases decided with a fine or a warning cites one.
// Planted, each on a device of its own so that no other case meets it:
//   device_unpublished      the device's place published after the violation, or never
//   device_uncalibrated     no review, a review after the violation, or a calibration that lapsed before it
//   device_repeat_same_day  the case written twice: the same party, item and device, the second violation
//                           on the same day or the next, both fined (第二十九条); the copy is the plant
// Near misses: a place published on the day of the violation; a review on that day; a calibration valid
// through that day; a device with no calibration on record; a copy two days after the first violation.
// Its own random stream per case: the rest of the data is the same with or without it.
import { dayOf, isoOf } from './calendar.ts';
import { COLUMNS, SOURCE } from './tables.ts';
import { DEMAND_DAYS, HEARING_FINE, HEARING_WORKDAYS, SUE_MONTHS } from './rules.ts';
import { workdaysLate } from '../domain/workdays.ts';
import { addMonths } from '../domain/dates.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { deriveSeed, Rng } from './prng.ts';
import type { Agency } from './world.ts';

/** Share of a line's decided penalty cases on a device's records, and the kinds of its devices. */
const LINES: Readonly<Record<string, { share: number; kinds: readonly string[] }>> = {
  TRN: { share: 0.5, kinds: ['camera', 'speed'] },
  CLE: { share: 0.35, kinds: ['camera', 'noise'] },
  ENV: { share: 0.2, kinds: ['noise', 'camera', 'other'] },
};

/** Normal devices per agency and county. */
const POOL = 4;

/** Per mille of device cases planted with each violation, and with each near miss. */
const PLANT = { unpublished: 20, uncalibrated: 20, repeat: 25, nearPublished: 15, nearChecked: 25, nearRepeat: 15 } as const;

/** The window of 同一设备短期内对同一事项重复罚款 (DEV_REPEAT_SAME_DAY's default). */
export const DEVICE_REPEAT_DAYS = 1;

const ROADS = ['文一路', '解放路', '延安路', '建国路', '环城北路', '中山路', '人民路', '滨江大道', '学院路', '体育场路'];
const SPOTS = ['与', '口东侧', '口西侧', '隧道入口', '桥南', '公交站旁'];

const pools = new WeakMap<Ctx, Map<string, string[]>>();

function writeDevice(
  ctx: Ctx,
  rng: Rng,
  agency: Agency,
  region: string,
  d: { inUse: number; reviewed: number | null; published: number | null; calibrated: number | null },
): string {
  const id = ctx.ids.next('SB');
  const kinds = LINES[agency.line].kinds;
  const road = rng.pick(ROADS);
  const spot = rng.pick(SPOTS);
  const location = spot === '与' ? `${road}与${rng.pick(ROADS.filter((r) => r !== road))}交叉口` : `${road}${rng.range(1, 400)}号${spot}`;
  const iso = (n: number | null) => (n === null ? null : isoOf(n));
  ctx.out.monitoring_devices.push([
    id,
    SOURCE,
    id,
    region,
    agency.id,
    rng.pick(kinds),
    location,
    iso(d.reviewed),
    iso(d.published),
    iso(d.calibrated),
    isoOf(d.inUse),
    null,
  ]);
  return id;
}

/** A normal device of the agency in the case's county (made on first use). */
function poolDevice(ctx: Ctx, agency: Agency, e: Entity, rng: Rng): string {
  let byAgency = pools.get(ctx);
  if (!byAgency) pools.set(ctx, (byAgency = new Map()));
  const key = `${agency.id}|${e.county.code}`;
  let pool = byAgency.get(key);
  if (!pool) {
    const own = Rng.of(ctx.seed, 'device-pool', key);
    pool = [];
    for (let k = 0; k < POOL; k++) {
      // In use since 3.3–4 years before the period: before any violation a case may name, even one filed a year past the two-year limit.
      const inUse = ctx.period.start - own.range(1200, 1460);
      pool.push(
        writeDevice(ctx, own, agency, e.county.code, {
          inUse,
          reviewed: inUse - own.range(5, 30),
          published: inUse - own.range(1, 10),
          calibrated: ctx.period.asOf + own.range(30, 365),
        }),
      );
    }
    byAgency.set(key, pool);
  }
  return rng.pick(pool);
}

export interface DeviceInput {
  agency: Agency;
  caseId: string;
  occurred: string;
  decided: number | null;
  decision: string | null;
  /** No violation was planted on the case: it may be copied as a repeat. */
  clean: boolean;
}

/**
 * The device whose records a case was decided on (null: none), and whether the case is to be written
 * again as a repeat (the gap in days from the first violation) — by repeatCase, after it is written.
 */
export function caseDevice(ctx: Ctx, e: Entity, input: DeviceInput): { deviceId: string | null; repeatGap: number | null } {
  const none = { deviceId: null, repeatGap: null };
  const line = LINES[input.agency.line];
  if (!line || input.decided === null || (input.decision !== 'fine' && input.decision !== 'warning')) return none;
  const rng = Rng.of(ctx.seed, 'device', input.caseId);
  if (!rng.chance(line.share)) return none;
  const occurred = dayOf(input.occurred);
  const region = e.county.code;
  const u = deriveSeed(ctx.seed, 'device-plant', input.caseId) % 1000;
  const normal = { inUse: occurred - rng.range(30, 200), calibrated: ctx.period.asOf + rng.range(30, 365) };
  const reviewedBefore = normal.inUse - rng.range(5, 30);
  const publishedBefore = normal.inUse - rng.range(1, 10);
  let at = 0;
  const within = (n: number) => u >= at && u < (at += n);
  // A plant not kept at the run's plant share (ctx.keepPlant) takes a normal device of the pool instead.
  if (within(PLANT.unpublished)) {
    if (!ctx.keepPlant()) return { deviceId: poolDevice(ctx, input.agency, e, rng), repeatGap: null };
    const published = rng.chance(0.5) ? null : occurred + rng.range(1, 60);
    const deviceId = writeDevice(ctx, rng, input.agency, region, { ...normal, reviewed: reviewedBefore, published });
    ctx.truth.plant('device_unpublished', 'case', input.caseId, e.township.code, {
      device_id: deviceId,
      occurred_on: input.occurred,
      published_on: published === null ? null : isoOf(published),
    });
    return { deviceId, repeatGap: null };
  }
  if (within(PLANT.uncalibrated)) {
    if (!ctx.keepPlant()) return { deviceId: poolDevice(ctx, input.agency, e, rng), repeatGap: null };
    const how = rng.int(3);
    const reviewed = how === 0 ? null : how === 1 ? occurred + rng.range(1, 30) : reviewedBefore;
    const calibrated = how === 2 ? occurred - rng.range(1, 90) : normal.calibrated;
    const deviceId = writeDevice(ctx, rng, input.agency, region, { ...normal, reviewed, published: publishedBefore, calibrated });
    ctx.truth.plant('device_uncalibrated', 'case', input.caseId, e.township.code, {
      device_id: deviceId,
      occurred_on: input.occurred,
      reviewed_on: reviewed === null ? null : isoOf(reviewed),
      calibrated_until: isoOf(calibrated),
    });
    return { deviceId, repeatGap: null };
  }
  if (within(PLANT.nearPublished))
    return {
      deviceId: writeDevice(ctx, rng, input.agency, region, { ...normal, reviewed: reviewedBefore, published: occurred }),
      repeatGap: null,
    };
  if (within(PLANT.nearChecked)) {
    const how = rng.int(3);
    const d =
      how === 0
        ? { ...normal, reviewed: occurred, published: publishedBefore }
        : how === 1
          ? { ...normal, reviewed: reviewedBefore, published: publishedBefore, calibrated: occurred }
          : { ...normal, reviewed: reviewedBefore, published: publishedBefore, calibrated: null };
    return { deviceId: writeDevice(ctx, rng, input.agency, region, d), repeatGap: null };
  }
  // A repeat needs a fine, a case with no plant of its own, and room before the as-of day for the copy's decision.
  const repeat = within(PLANT.repeat) ? rng.range(0, DEVICE_REPEAT_DAYS) : within(PLANT.nearRepeat) ? DEVICE_REPEAT_DAYS + 1 : null;
  const deviceId = poolDevice(ctx, input.agency, e, rng);
  // A repeat within DEVICE_REPEAT_DAYS is planted (thinned at the plant share: not kept, no copy); beyond it, a near miss.
  const fits =
    repeat !== null &&
    input.clean &&
    input.decision === 'fine' &&
    input.decided + repeat <= ctx.period.asOf &&
    (repeat > DEVICE_REPEAT_DAYS || ctx.keepPlant());
  return { deviceId, repeatGap: fits ? repeat : null };
}

const COL = (name: string) => COLUMNS.cases.indexOf(name as (typeof COLUMNS.cases)[number]);

/**
 * Writes a case again, `gap` days later (the violation, filing, notice, review and decision), on the
 * same device: a second fine for what may be one violation. Left decided: no delivery, no payment yet.
 * Planted when the gap is within DEVICE_REPEAT_DAYS; beyond it, a near miss.
 */
export function repeatCase(ctx: Ctx, row: readonly unknown[], gap: number): string {
  // The sink may have added columns of its own (county_code) to the row it took.
  const copy = row.slice(0, COLUMNS.cases.length) as (string | number | boolean | null)[];
  const id = ctx.ids.next('CS');
  copy[COL('id')] = id;
  copy[COL('source_id')] = id;
  for (const c of ['filed_on', 'occurred_on', 'notified_on', 'legal_review_on', 'decided_on', 'hearing_requested_on', 'hearing_held_on']) {
    const v = copy[COL(c)];
    if (typeof v === 'string') copy[COL(c)] = isoOf(dayOf(v) + gap);
  }
  copy[COL('status')] = 'decided';
  // Shifted, weekends and holidays move: the hearing's notice is not sent again (PEN_HEARING_NOTICE_LATE).
  copy[COL('hearing_notified_on')] = null;
  // What the police decided is the original case's (its days are not shifted): the copy carries none.
  for (const c of ['police_decision', 'police_decided_on', 'materials_handed_over_on']) copy[COL(c)] = null;
  // Published on its decision day; with no delivery recorded, taken to court after a demand once the
  // months to sue have run from the decision (PEN_NO_COURT_APPLICATION, PEN_COURT_NO_DEMAND: in time).
  const decided = copy[COL('decided_on')];
  copy[COL('published_on')] = decided;
  copy[COL('demand_served_on')] = null;
  copy[COL('court_applied_on')] = null;
  if (typeof decided === 'string' && copy[COL('decision')] === 'fine') {
    const expired = dayOf(addMonths(decided, SUE_MONTHS));
    if (expired + DEMAND_DAYS + 5 <= ctx.period.asOf) {
      copy[COL('demand_served_on')] = isoOf(expired + 5);
      copy[COL('court_applied_on')] = isoOf(expired + DEMAND_DAYS + 5);
    }
  }
  // Shifted, the decision may fall inside the hearing period of its notice (weekends and holidays move):
  // a fine of 较大数额 then had its hearing asked for on the notice day and held on the decision day.
  const notified = copy[COL('notified_on')];
  const fine = Number(copy[COL('fine_amount')] ?? 0);
  if (
    typeof decided === 'string' &&
    typeof notified === 'string' &&
    notified <= decided &&
    fine >= HEARING_FINE &&
    copy[COL('hearing_requested_on')] === null &&
    workdaysLate(notified, decided, HEARING_WORKDAYS) === false
  ) {
    copy[COL('hearing_requested_on')] = notified;
    copy[COL('hearing_held_on')] = decided;
    // Heard, the decision is reviewed by its day (PEN_HEARD_NO_LEGAL_REVIEW: the decision day, a near miss).
    const reviewed = copy[COL('legal_review_on')];
    if (typeof reviewed !== 'string' || reviewed > decided) copy[COL('legal_review_on')] = decided;
  }
  ctx.out.cases.push(copy);
  if (gap <= DEVICE_REPEAT_DAYS)
    ctx.truth.plant('device_repeat_same_day', 'case', id, String(copy[COL('region_code')]), {
      first_case_id: row[COL('id')],
      device_id: row[COL('device_id')],
      occurred_on: copy[COL('occurred_on')],
      gap_days: gap,
    });
  return id;
}
