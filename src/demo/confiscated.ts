// 罚没物品: the illegal goods (非法财物) confiscated by a share of the fines the market-regulation (food and
// counterfeit goods included), comprehensive-enforcement (城市管理: street stalls, vehicles, tools) and
// agriculture (fake seeds, pesticides) agencies decide, and what became of them (行政处罚法 第七十四条).
// A normal row keeps every rule the confiscated-goods models read: disposed of within 90 days of the
// confiscation (the day not counted; CONF_NOT_DISPOSED's default); goods of 5,000 yuan or more auctioned,
// never sold off or disposed of otherwise; a sale or auction bringing in at least half the valuation; the
// proceeds paid to the treasury within 30 days of the disposal. Goods still waiting on the as-of day are
// within their term, and so are proceeds not yet paid.
// Planted, one rule each (the row keeps the others):
//   conf_not_disposed        disposed of 91–200 days after the confiscation, or not at all by the as-of day
//   conf_proceeds_not_paid   auctioned, the proceeds paid 31–90 days after, or not paid by the as-of day
//   conf_irregular_disposal  goods of 5,000 yuan or more sold off (变卖) or disposed of otherwise, or
//                            auctioned for 10–45 % of the valuation
// Near misses, listed in ground_truth as 'near_miss' with the model they stand beside: disposed of on day
// 90; proceeds paid on day 30; goods valued 4,999 yuan sold off; an auction bringing in exactly half.
// Its own random stream per case: the rest of the data is the same with or without it.
import { isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { deriveSeed, Rng } from './prng.ts';
import { SOURCE } from './tables.ts';
import type { Agency } from './world.ts';

/** The defaults of the models (CONF_NOT_DISPOSED, CONF_PROCEEDS_NOT_PAID, CONF_IRREGULAR_DISPOSAL). */
export const CONF_DISPOSAL_DAYS = 90;
export const CONF_PAYMENT_DAYS = 30;
export const CONF_AUCTION_VALUE = 5000;
export const CONF_MIN_RATIO_PCT = 50;

/** The label of a near miss in ground_truth: no violation, the record a model must not hit. */
export const NEAR_MISS = 'near_miss';

/** Share of a line's fines that confiscate goods, and what it confiscates: [name, unit, value range in yuan]. */
const LINES: Readonly<Record<string, { share: number; goods: readonly (readonly [string, string, number, number])[] }>> = {
  MKT: {
    share: 0.18,
    goods: [
      ['假冒注册商标白酒', '瓶', 2000, 60000],
      ['过期预包装食品', '千克', 200, 3000],
      ['无中文标签进口食品', '箱', 500, 20000],
      ['侵权运动鞋', '双', 1000, 40000],
      ['不合格电线电缆', '卷', 3000, 50000],
    ],
  },
  CLE: {
    share: 0.12,
    goods: [
      ['占道经营用三轮车', '辆', 300, 4000],
      ['违规户外广告牌', '块', 500, 8000],
      ['非法运营电动自行车', '辆', 800, 4500],
      ['违法搭建材料', '批', 1000, 15000],
    ],
  },
  AGR: {
    share: 0.2,
    goods: [
      ['假劣农药', '千克', 500, 12000],
      ['未审定农作物种子', '千克', 1000, 30000],
      ['违禁渔具', '套', 200, 6000],
    ],
  },
};

/** Per mille of confiscated goods planted with each violation, and set on each near miss. */
const PLANT = { notDisposed: 15, notPaid: 25, irregular: 15, nearDisposed: 15, nearPaid: 15, nearValue: 10, nearRatio: 10 } as const;

export interface GoodsInput {
  agency: Agency;
  caseId: string;
  region: string;
  /** The day the fine (and the confiscation) was decided. */
  decided: number;
}

/** Writes the goods a fined case confiscated, if its line confiscates and the draw gives some. */
export function confiscate(ctx: Ctx, e: Entity, input: GoodsInput): void {
  const line = LINES[input.agency.line];
  if (!line) return;
  const rng = Rng.of(ctx.seed, 'confiscated', input.caseId);
  if (!rng.chance(line.share)) return;
  const { out, truth } = ctx;
  const asOf = ctx.period.asOf;
  const id = ctx.ids.next('MW');
  const [name, unit, lo, hi] = rng.pick(line.goods);
  const confiscated = input.decided;
  let value: number | null = rng.chance(0.1) ? null : roundValue(lo + (hi - lo) * rng.next() ** 2);
  // The disposal a normal row gets: goods of CONF_AUCTION_VALUE or more are auctioned (or destroyed, handed over).
  const r = rng.next();
  let disposal: string =
    r < 0.35
      ? 'destroy'
      : r < 0.45
        ? 'transfer'
        : r < 0.5
          ? 'return'
          : r < 0.85 || value === null || value >= CONF_AUCTION_VALUE
            ? 'auction'
            : r < 0.95
              ? 'sold'
              : 'other';
  let disposedAfter = rng.chance(0.06) ? CONF_DISPOSAL_DAYS : rng.range(7, CONF_DISPOSAL_DAYS);
  let paidAfter = rng.range(1, CONF_PAYMENT_DAYS);
  let ratio = 0.6 + 0.7 * rng.next(); // proceeds as a share of the valuation
  let plant: 'not_disposed' | 'not_paid' | 'irregular' | null = null;
  let near: string | null = null;
  // Chosen by the case id's hash, outside the goods' stream.
  let u = deriveSeed(ctx.seed, 'confiscated-plant', input.caseId) % 1000;
  const take = (n: number) => (u < n ? true : ((u -= n), false));
  const planted = u < PLANT.notDisposed + PLANT.notPaid + PLANT.irregular;
  if (planted && !ctx.keepPlant()) {
    // A plant not kept: ordinary goods.
  } else if (take(PLANT.notDisposed)) {
    plant = 'not_disposed';
    disposedAfter = rng.range(CONF_DISPOSAL_DAYS + 1, 200);
    // Still waiting on the as-of day: it must have waited past the term by then, else the plant is dropped.
    if (confiscated + disposedAfter > asOf && asOf - confiscated <= CONF_DISPOSAL_DAYS) {
      plant = null;
      disposedAfter = rng.range(7, CONF_DISPOSAL_DAYS);
    }
  } else if (take(PLANT.notPaid)) {
    plant = 'not_paid';
    disposal = 'auction';
    value ??= roundValue(lo + (hi - lo) * rng.next());
    paidAfter = rng.chance(0.5) ? rng.range(CONF_PAYMENT_DAYS + 1, 90) : 10_000;
  } else if (take(PLANT.irregular)) {
    plant = 'irregular';
    if (rng.chance(0.5)) {
      disposal = rng.chance(0.7) ? 'sold' : 'other';
      value = Math.max(value ?? 0, CONF_AUCTION_VALUE) + roundValue(rng.range(0, 20) * 500);
    } else {
      disposal = 'auction';
      value ??= roundValue(lo + (hi - lo) * rng.next());
      ratio = 0.1 + 0.35 * rng.next();
    }
  } else if (take(PLANT.nearDisposed)) {
    near = 'CONF_NOT_DISPOSED';
    disposedAfter = CONF_DISPOSAL_DAYS;
  } else if (take(PLANT.nearPaid)) {
    near = 'CONF_PROCEEDS_NOT_PAID';
    disposal = 'auction';
    value ??= roundValue(lo + (hi - lo) * rng.next());
    paidAfter = CONF_PAYMENT_DAYS;
  } else if (take(PLANT.nearValue)) {
    near = 'CONF_IRREGULAR_DISPOSAL';
    disposal = 'sold';
    value = CONF_AUCTION_VALUE - 1;
  } else if (take(PLANT.nearRatio)) {
    near = 'CONF_IRREGULAR_DISPOSAL';
    disposal = 'auction';
    value = roundValue(Math.max(value ?? 0, 1000));
    ratio = CONF_MIN_RATIO_PCT / 100;
  }

  const disposedDay = confiscated + disposedAfter;
  const disposed = disposedDay <= asOf ? disposedDay : null;
  const earns = disposal === 'auction' || disposal === 'sold' || disposal === 'other';
  // Not disposed of yet: nothing else can be said of the goods. A plant that needs the disposal is dropped.
  if (disposed === null && plant !== 'not_disposed') plant = null;
  if (disposed === null) near = null;
  const proceeds = disposed !== null && earns ? (value === null ? roundValue(lo + (hi - lo) * rng.next()) : round2(value * ratio)) : null;
  let paid: number | null = proceeds !== null ? disposed! + paidAfter : null;
  if (paid !== null && paid > asOf) {
    paid = null;
    // Not paid by the as-of day: a plant only once the term has run out by then, a near miss never.
    if (plant === 'not_paid' && asOf - disposed! <= CONF_PAYMENT_DAYS) plant = null;
    if (near === 'CONF_PROCEEDS_NOT_PAID') near = null;
  }
  if (plant === 'not_paid' && proceeds === null) plant = null;

  out.confiscated_goods.push([
    id,
    SOURCE,
    id,
    input.region,
    input.agency.id,
    input.caseId,
    e.uscc,
    name,
    rng.range(1, 200),
    unit,
    value,
    isoOf(confiscated),
    disposed === null ? null : disposal,
    disposed === null ? null : isoOf(disposed),
    proceeds,
    paid === null ? null : isoOf(paid),
  ]);
  const detail = {
    confiscated_on: isoOf(confiscated),
    disposal: disposed === null ? null : disposal,
    disposed_on: disposed === null ? null : isoOf(disposed),
    estimated_value: value,
    proceeds,
    proceeds_paid_on: paid === null ? null : isoOf(paid),
  };
  if (plant === 'not_disposed') truth.plant('conf_not_disposed', 'confiscated_goods', id, input.region, detail);
  if (plant === 'not_paid') truth.plant('conf_proceeds_not_paid', 'confiscated_goods', id, input.region, detail);
  if (plant === 'irregular') truth.plant('conf_irregular_disposal', 'confiscated_goods', id, input.region, detail);
  if (near) out.ground_truth.push([NEAR_MISS, 'confiscated_goods', id, input.region, JSON.stringify({ model: near, ...detail })]);
}

/** A valuation: whole hundreds of yuan. */
const roundValue = (v: number) => Math.max(100, Math.round(v / 100) * 100);
const round2 = (v: number) => Math.round(v * 100) / 100;
