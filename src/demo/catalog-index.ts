// Lookups over the reference catalog that the generator needs at every record: which inspection items
// and licences concern an industry, which penalty items an inspection can lead to, the baseline tiers
// of an item in a city, whether an item is on the exemption list there. Built once per run.
import type { BaselineTier, Catalog, InspectionItem, Item, TierName } from '../catalog/types.ts';
import { INDUSTRIES, industriesOf } from './industries.ts';
import { Weighted } from './prng.ts';
import { allowedRange, unionRange, type Range } from './rules.ts';

/** Relative share of inspections per line (the rest of the lines share what is left). */
const LINE_INSPECTION_SHARE: Readonly<Record<string, number>> = {
  MKT: 0.33,
  CLE: 0.22,
  FIR: 0.2,
  EMG: 0.05,
  HRS: 0.04,
  ENV: 0.04,
  TRN: 0.03,
  HSG: 0.03,
  COM: 0.02,
  CTR: 0.015,
  HLT: 0.01,
};
const OTHER_LINE_SHARE = 0.01;

export function lineInspectionShare(line: string): number {
  return LINE_INSPECTION_SHARE[line] ?? OTHER_LINE_SHARE;
}

export interface PenaltyItem {
  item: Item;
  statutory: Range;
  /** Tiers of the province baseline. */
  province: Map<TierName, BaselineTier>;
  /** City refinements: city code → tiers. */
  cities: Map<string, Map<TierName, BaselineTier>>;
  /** Regions whose exemption list names the item: '330000' (all) or city codes. */
  exemptIn: Set<string>;
}

export interface InspectionItemInfo {
  ii: InspectionItem;
  index: number;
  line: string;
  /** Penalty items (with a baseline) an irregularity found by this inspection leads to. */
  penalties: PenaltyItem[];
}

export interface LicenceInfo {
  item: Item;
  registration: boolean;
}

export class CatalogIndex {
  readonly inspectionItems: InspectionItemInfo[];
  /** Per industry: the inspection items that concern it, drawn by line share. */
  readonly inspectionsFor: Weighted<InspectionItemInfo>[];
  /** Per industry: the inspection items that concern it, grouped by line (joint inspections draw one per line). */
  readonly inspectionLinesFor: Map<string, InspectionItemInfo[]>[];
  readonly licencesFor: LicenceInfo[][];
  readonly registrationLicence: LicenceInfo | null;
  readonly penalties: Map<string, PenaltyItem>;
  /** Lines that have inspection items: the lines the small demo world gives agencies. */
  readonly activeLines: Set<string>;

  constructor(readonly catalog: Catalog) {
    const items = new Map(catalog.items.map((i) => [i.code, i]));
    this.penalties = new Map();
    for (const b of catalog.baselines) {
      const item = items.get(b.item_code);
      if (!item || item.fine_min == null || item.fine_max == null) continue;
      let p = this.penalties.get(item.code);
      if (!p) {
        p = { item, statutory: { min: item.fine_min, max: item.fine_max }, province: new Map(), cities: new Map(), exemptIn: new Set() };
        this.penalties.set(item.code, p);
      }
      const tiers = new Map(b.tiers.map((t) => [t.tier, t]));
      if (b.region_code === '330000') p.province = tiers;
      else p.cities.set(b.region_code, tiers);
    }
    // An item with only a city baseline is usable only there; keep it simple: require the province one.
    for (const [code, p] of this.penalties) if (p.province.size === 0) this.penalties.delete(code);
    for (const e of catalog.exemptions) this.penalties.get(e.item_code)?.exemptIn.add(e.region_code);

    const parent = (ii: InspectionItem) => items.get(ii.item_code);
    const penaltyList = [...this.penalties.values()];
    this.inspectionItems = catalog.inspectionItems.map((ii, index) => {
      const basis = parent(ii)?.basis_regulation_id;
      const sameLine = penaltyList.filter((p) => p.item.line_code === ii.line_code);
      const sameLaw = sameLine.filter((p) => basis && p.item.basis_regulation_id === basis);
      return { ii, index, line: ii.line_code, penalties: sameLaw.length ? sameLaw : sameLine };
    });
    this.activeLines = new Set(this.inspectionItems.map((x) => x.line));

    const perLine = new Map<string, number>();
    this.inspectionsFor = INDUSTRIES.map((_, ind) => {
      const eligible = this.inspectionItems.filter((x) => {
        const inds = industriesOf(x.ii.name);
        return inds.length === 0 || inds.includes(ind);
      });
      perLine.clear();
      for (const x of eligible) perLine.set(x.line, (perLine.get(x.line) ?? 0) + 1);
      return new Weighted(
        eligible,
        eligible.map((x) => lineInspectionShare(x.line) / perLine.get(x.line)!),
      );
    });
    this.inspectionLinesFor = this.inspectionsFor.map((w) => {
      const m = new Map<string, InspectionItemInfo[]>();
      for (const x of w.values) m.set(x.line, [...(m.get(x.line) ?? []), x]);
      return m;
    });

    const licences = catalog.items.filter((i) => i.kind === 'licence' && i.time_limit_days != null);
    const registration = licences.find((i) => i.name.includes('设立登记'));
    this.registrationLicence = registration ? { item: registration, registration: true } : null;
    this.licencesFor = INDUSTRIES.map((_, ind) =>
      licences.filter((i) => i !== registration && industriesOf(i.name).includes(ind)).map((item) => ({ item, registration: false })),
    );
  }

  /** The tiers that apply to an item in a city: the province baseline and, if any, the city's refinement. */
  tiersFor(p: PenaltyItem, cityCode: string, tier: TierName): (BaselineTier | undefined)[] {
    const city = p.cities.get(cityCode);
    return city ? [p.province.get(tier), city.get(tier)] : [p.province.get(tier)];
  }

  allowed(p: PenaltyItem, cityCode: string, tier: TierName): Range | null {
    return allowedRange(this.tiersFor(p, cityCode, tier));
  }

  union(p: PenaltyItem, cityCode: string, tier: TierName): Range | null {
    return unionRange(this.tiersFor(p, cityCode, tier));
  }

  hasMitigated(p: PenaltyItem, cityCode: string): boolean {
    return p.province.has('mitigated') && (p.cities.get(cityCode)?.has('mitigated') ?? true);
  }

  /** On the exemption list for a case in this county (a province entry, or its city's or county's own list). */
  listed(p: PenaltyItem, cityCode: string, countyCode: string): boolean {
    return p.exemptIn.has('330000') || p.exemptIn.has(cityCode) || p.exemptIn.has(countyCode);
  }
}
