// What every record generator of one run shares: the catalog lookups, the world, the sinks, the id
// counters, the ground truth, the day distributions and the planting rates.
import type { CatalogIndex } from './catalog-index.ts';
import { DayPicker, type Period } from './calendar.ts';
import type { GroundTruth } from './ground-truth.ts';
import type { Entity } from './entities.ts';
import type { ScaleProfile } from './scale.ts';
import type { Sinks } from './tables.ts';
import { Rng } from './prng.ts';
import type { World } from './world.ts';

/**
 * Probability that a subject is planted with each violation. The rates are set so that each kind
 * ends at roughly 0.5–2% of its subject table (docs/demo-data.md lists the measured shares); some
 * plants need a precondition (a listed item, a late enough date) and are skipped when it fails.
 */
export const PLANT = {
  repeatInspection: 0.008, // of entities
  overFrequency: 0.008, // of entities
  inspectionSingleOfficer: 0.006, // of inspections
  expiredCertificate: 0.018, // of inspections; succeeds only where the agency has an officer whose certificate had expired by then (about a third)
  caseSingleOfficer: 0.008, // of cases
  fineOutsideTier: 0.025, // of cases; only decided after the baselines took effect (about half)
  finedDespiteExemption: 0.025, // of cases; only items on the exemption list (about half)
  caseOverdue: 0.01, // of cases
  deliveryOverdue: 0.01, // of deliveries
  paymentOverdue: 0.012, // of payments
  licenceOverdue: 0.01, // of licences
  delegationOffWhitelist: 0.02, // of delegations
  delegationUnapproved: 0.02, // of delegations
  fakeServiceVisit: 0.01, // of service visits
  penaltyNoNotice: 0.01, // of cases decided with a fine or a warning
  penaltyNoLegalReview: 0.2, // of fines at or above MAJOR_FINE (a few percent of fines)
  penaltyPastLimitation: 0.008, // of cases
  caseNotTransferred: 0.01, // of cases decided with a fine or a warning
  agencyNotCompetent: 0.01, // of cases decided with a fine or a warning
  penaltyNotPublished: 0.04, // of fines at or above PUBLISH_FINE (cases.ts)
  fineNeverPaid: 0.02, // of payments due nine months or more before the as-of day (cases.ts; planted overdue payments besides)
  noCourtApplication: 0.35, // of fines unpaid nine months after delivery
  courtNoDemand: 0.2, // of court applications
  decidedInHearingPeriod: 0.12, // of fines at or above HEARING_FINE decided within the hearing period with no hearing asked for (cases.ts)
  hearingNotHeld: 0.15, // of hearings asked for on fines at or above HEARING_FINE
  heavierAfterDefence: 0.015, // of fines with a notice
  summaryOverLimit: 0.02, // of fines above SUMMARY_MAX_FINE
  summarySanction: 0.03, // of cases decided on the spot (cases.ts, sanctions)
  hearingNoticeLate: 0.15, // of hearings held with a notice day recorded
  hearingHostInvestigator: 0.15, // of hearings held with a host recorded
  heardNoLegalReview: 0.15, // of heard cases below MAJOR_FINE (cases.ts, heardReview); heard major fines planted by penaltyNoLegalReview count too
  hearingFee: 0.15, // of hearings asked for: a hearing fee charged on the party
} as const;

/** Sequential ids per record kind: 'INS000000042'. Deterministic because generation order is. */
export class Ids {
  private readonly n: Record<string, number> = Object.create(null);
  next(prefix: string): string {
    const v = (this.n[prefix] ?? 0) + 1;
    this.n[prefix] = v;
    return prefix + String(1e9 + v).slice(1); // 9 digits, zero-padded
  }
  /** The id next() will return, without taking it. */
  peek(prefix: string): string {
    return prefix + String(1e9 + (this.n[prefix] ?? 0) + 1).slice(1);
  }
}

export interface Days {
  inspection: DayPicker;
  case: DayPicker;
  licence: DayPicker;
  visit: DayPicker;
  hotline: DayPicker;
  delegation: DayPicker;
}

export function makeDays(period: Period): Days {
  // The seed: Hangzhou's 2025 H1 on-site inspections −62.83 %, cases −33.37 % year on year; services grow.
  return {
    inspection: new DayPicker(period, { trend: 0.5 }),
    case: new DayPicker(period, { trend: 0.7 }),
    licence: new DayPicker(period, { trend: 1.05 }),
    visit: new DayPicker(period, { trend: 1.6 }),
    hotline: new DayPicker(period, { weekendWeight: 0.6 }),
    delegation: new DayPicker(period, { weekendWeight: 0 }),
  };
}

export interface Provider {
  uscc: string;
  name: string;
  city: string;
}

export interface Ctx {
  seed: number;
  /** The 18 months the records cover, ending on the as-of day. */
  period: Period;
  profile: ScaleProfile;
  cat: CatalogIndex;
  world: World;
  out: Sinks;
  ids: Ids;
  truth: GroundTruth;
  days: Days;
  /** Third-party service companies met while generating entities: the providers of delegations. */
  providers: Provider[];
  /** Cases written so far per agency and penalty item ('AG-…|ITEM'): the pattern plants take pairs without any. */
  caseTally: Map<string, number>;
  /** Names the step the generation enters (the CLI prints each with the time the last one took). */
  stage: (name: string) => void;
  /**
   * Whether a plant the demo's rates chose is kept at this run's plant share (always at share 1). Every
   * plant asks once, after its own draws and before it changes a record; one not kept leaves a normal
   * record. Drawn from a stream of its own, so the demo's records do not change with it.
   */
  keepPlant: () => boolean;
  /** A count of plants (or near misses) of the demo scaled by the plant share, rounded. */
  plantCount: (n: number) => number;
}

/** keepPlant and plantCount for a run's seed and plant share (a share of 1 keeps every plant). */
export function plantThinning(seed: number, share: number): Pick<Ctx, 'keepPlant' | 'plantCount'> {
  const rng = Rng.of(seed, 'plant-share');
  return {
    keepPlant: share >= 1 ? () => true : () => rng.chance(share),
    plantCount: (n) => Math.round(n * share),
  };
}

export type { Entity };
