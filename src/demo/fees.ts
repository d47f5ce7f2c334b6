// 涉企收费: what enterprises paid around a share of the licences and inspections — an intermediary's fee
// for the technical service an approval needs (评估、检测), an administrative fee or a deposit, a service
// fee (检测费) after an inspection. A normal charge keeps every rule the fee models read: a fee, fund or
// deposit names its 目录清单 number (优化营商环境条例 第二十五条); an intermediary's fee is for a service the
// enterprise commissioned itself, from a provider it chose (第四十三条); no training or rating fee comes
// with an inspection or a licence (第十七条 第二款).
// Planted, one rule broken per charge:
//   fee_off_catalogue            a fee, fund or deposit with no catalogue number
//   fee_passed_on                an intermediary's fee for a service the agency commissioned itself
//   fee_designated_intermediary  an intermediary's fee to a provider the agency named
//   fee_training_charged         a training or rating fee charged with the inspection or licence
//   licence_supervision_fee      a service or testing fee the agency or its unit charged with its own
//                                licence or inspection, naming no catalogue number (行政许可法 第五十八条)
// Near misses, never planted: a service fee (经营服务性收费) with no catalogue number; an intermediary's fee
// the enterprise commissioned, with the licence; a training fee the enterprise paid on its own, tied to no
// inspection or licence; the agency's unit charging a fee listed in the catalogue (a fee a law provides).
// Its own random stream per licence or inspection: the rest of the data is the same with or without it.
import { isoOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { deriveSeed, Rng } from './prng.ts';
import { SOURCE } from './tables.ts';
import type { Agency } from './world.ts';

/** Share of licences and of inspections that come with a charge. */
const SHARE = { licence: 0.15, inspection: 0.05 } as const;

/** Per mille of charges planted with each violation, and of each near miss. */
const PLANT = {
  offCatalogue: 15,
  passedOn: 15,
  designated: 15,
  training: 15,
  nearService: 20,
  nearTraining: 20,
  supervision: 15,
  nearSupervision: 15,
} as const;

const PROVIDERS = ['检测技术', '环境评估', '安全评价', '工程咨询', '测绘', '消防技术服务'];
const TOWNS = ['之江', '钱塘', '西溪', '湖滨', '望江', '良渚'];
const ASSOCIATIONS = ['食品行业协会', '餐饮行业协会', '建筑业协会', '物业管理协会'];

export interface ChargeInput {
  agency: Agency;
  /** The licence or the inspection the charge comes with. */
  kind: 'licence' | 'inspection';
  recordId: string;
  /** The day of the licence's application or the inspection. */
  day: number;
}

type Charge = {
  chargedBy: string;
  chargerKind: string;
  feeKind: string;
  catalogued: boolean;
  linked: boolean;
  commissioned: boolean;
  designated: boolean;
  amount: number;
};

const provider = (rng: Rng) => `杭州${rng.pick(TOWNS)}${rng.pick(PROVIDERS)}有限公司`;

/** Writes the charge of a licence or an inspection, if the draw gives one. */
export function makeCharge(ctx: Ctx, e: Entity, input: ChargeInput): void {
  const rng = Rng.of(ctx.seed, 'fees', input.recordId);
  if (!rng.chance(SHARE[input.kind])) return;
  const asOf = ctx.period.asOf;
  const charged = Math.min(asOf, input.day + rng.range(0, 10));
  const id = ctx.ids.next('SF');
  const region = e.township.code;
  const { agency } = input;
  // The normal charge of its kind of record.
  let c: Charge =
    input.kind === 'licence'
      ? rng.chance(0.6)
        ? intermediary(rng)
        : {
            chargedBy: agency.name,
            chargerKind: 'authority',
            feeKind: rng.chance(0.8) ? 'admin_fee' : 'deposit',
            catalogued: true,
            linked: true,
            commissioned: false,
            designated: false,
            amount: rng.range(2, 60) * 10,
          }
      : {
          chargedBy: provider(rng),
          chargerKind: 'intermediary',
          feeKind: 'service',
          catalogued: false,
          linked: true,
          commissioned: false,
          designated: false,
          amount: rng.range(3, 40) * 50,
        };
  let plant:
    'fee_off_catalogue' | 'fee_passed_on' | 'fee_designated_intermediary' | 'fee_training_charged' | 'licence_supervision_fee' | null =
    null;
  // Chosen by the record id's hash, outside the charge's stream.
  const u = deriveSeed(ctx.seed, 'fees-plant', input.recordId) % 1000;
  const [a, b, d, t, s, n, v, w] = cumulative([
    PLANT.offCatalogue,
    PLANT.passedOn,
    PLANT.designated,
    PLANT.training,
    PLANT.nearService,
    PLANT.nearTraining,
    PLANT.supervision,
    PLANT.nearSupervision,
  ]);
  const planted = u < t || (u >= n && u < v);
  if (planted && !ctx.keepPlant()) {
    // A plant not kept: the ordinary charge drawn above.
  } else if (u < a) {
    plant = 'fee_off_catalogue';
    c = {
      chargedBy: rng.chance(0.5) ? agency.name : `${agency.name.replace(/局$/, '')}所属服务中心`,
      chargerKind: rng.chance(0.5) ? 'authority' : 'affiliated',
      feeKind: rng.pick(['admin_fee', 'fund', 'deposit']),
      catalogued: false,
      linked: true,
      commissioned: false,
      designated: false,
      amount: rng.range(5, 200) * 10,
    };
  } else if (u < b) {
    plant = 'fee_passed_on';
    c = { ...intermediary(rng), commissioned: true };
  } else if (u < d) {
    plant = 'fee_designated_intermediary';
    c = { ...intermediary(rng), designated: true };
  } else if (u < t) {
    plant = 'fee_training_charged';
    c = training(rng, true);
  } else if (u < s) {
    // Near miss of fee_off_catalogue: a service fee names no catalogue number and is not judged.
    c = { ...c, chargedBy: provider(rng), chargerKind: 'intermediary', feeKind: 'service', catalogued: false };
  } else if (u < n) {
    // Near miss of fee_training_charged: a training fee the enterprise paid on its own.
    c = training(rng, false);
  } else if (u < w) {
    // The agency's own unit charges for testing or a service with the licence or inspection: planted
    // without a catalogue number; the near miss names one (a fee a law or 行政法规 provides).
    if (u < v) plant = 'licence_supervision_fee';
    const unit = rng.chance(0.7);
    c = {
      chargedBy: unit ? `${agency.name.replace(/局$/, '')}所属检验检测中心` : agency.name,
      chargerKind: unit ? 'affiliated' : 'authority',
      feeKind: rng.pick(['service', 'intermediary', 'other']),
      catalogued: u >= v,
      linked: true,
      commissioned: false,
      designated: false,
      amount: rng.range(5, 150) * 20,
    };
  }
  ctx.out.enterprise_charges.push([
    id,
    SOURCE,
    id,
    region,
    agency.id,
    e.uscc,
    c.chargedBy,
    c.chargerKind,
    c.feeKind,
    c.catalogued ? `ZJ-${c.feeKind === 'deposit' ? 'BZJ' : 'XZSY'}-2025-${String(1 + rng.int(120)).padStart(3, '0')}` : null,
    c.amount,
    isoOf(charged),
    c.linked && input.kind === 'licence' ? input.recordId : null,
    c.linked && input.kind === 'inspection' ? input.recordId : null,
    c.commissioned,
    c.designated,
    null,
  ]);
  if (plant)
    ctx.truth.plant(plant, 'enterprise_charge', id, region, {
      fee_kind: c.feeKind,
      [`${input.kind}_id`]: input.recordId,
      charged_on: isoOf(charged),
    });
}

/** Running sums: the upper bounds of the per-mille bands, in order. */
function cumulative(xs: readonly number[]): number[] {
  let sum = 0;
  return xs.map((x) => (sum += x));
}

/** An intermediary's fee the enterprise commissioned itself, from a provider it chose. */
function intermediary(rng: Rng): Charge {
  return {
    chargedBy: provider(rng),
    chargerKind: 'intermediary',
    feeKind: 'intermediary',
    catalogued: false,
    linked: true,
    commissioned: false,
    designated: false,
    amount: rng.range(20, 400) * 100,
  };
}

/** A training or rating fee of an association; linked: charged with the licence or inspection. */
function training(rng: Rng, linked: boolean): Charge {
  return {
    chargedBy: `杭州市${rng.pick(ASSOCIATIONS)}`,
    chargerKind: 'association',
    feeKind: rng.chance(0.7) ? 'training' : 'rating',
    catalogued: false,
    linked,
    commissioned: false,
    designated: false,
    amount: rng.range(3, 30) * 100,
  };
}
