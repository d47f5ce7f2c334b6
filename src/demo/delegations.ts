// Delegations (委托第三方服务) by the agencies: normally a service on the whitelist that applies to the
// agency (its city's or the province's list, its own line or a cross-line entry) and approved (委托报批);
// planted ones are off the list ("目录之外无委托") or not approved.
import type { ServiceWhitelistEntry } from '../catalog/types.ts';
import { regionContains } from '../domain/region.ts';
import { isoOf } from './calendar.ts';
import { PLANT, type Ctx, type Provider } from './context.ts';
import { Rng, Weighted } from './prng.ts';
import { SOURCE } from './tables.ts';
import type { Agency } from './world.ts';

/**
 * Services that may not be delegated, or that no list names: what a planted off-list delegation buys.
 * Each is an act of enforcement itself (巡查、检查、调查取证、收缴罚款、责令整改), given to a company:
 * also what DEL_ENFORCEMENT_TASK looks for (行政处罚法 第二十条、第二十一条).
 */
const OFF_LIST_SERVICES = [
  '委托第三方开展日常执法巡查',
  '聘请第三方人员参与现场检查',
  '委托第三方代为收缴罚款',
  '委托第三方开展案件调查取证',
  '委托第三方开展企业隐患排查并出具整改意见',
  '聘请协管员代为开具责令整改通知',
];

/** Mean delegations per agency over the period. */
const MEAN_PER_AGENCY = 3;

export function makeDelegations(ctx: Ctx): void {
  const { world, cat, out, truth, seed } = ctx;
  const whitelist = cat.catalog.serviceWhitelist;
  const cities = new Set(world.counties.map((c) => c.city.code));
  const counties = new Set(world.counties.map((c) => c.code));
  const byCity = new Map<string, Provider[]>();
  for (const p of ctx.providers) byCity.set(p.city, [...(byCity.get(p.city) ?? []), p]);
  if (ctx.providers.length === 0) return;

  const cityOf = (a: Agency) => `${a.region.slice(0, 4)}00`;
  const applies = (a: Agency, w: ServiceWhitelistEntry) =>
    (w.line_code === null || w.line_code === a.line) && regionContains(w.region_code, a.region);

  for (const a of world.agencies) {
    // Agencies of the places that have entities (and their cities): where the providers are.
    if (a.level === 'county' ? !counties.has(a.region) : a.level === 'city' ? !cities.has(a.region) : false) continue;
    const services = whitelist.filter((w) => applies(a, w));
    if (services.length === 0) continue;
    // The services of the agency's own line are what it mostly buys; cross-line ones (满意度调查) less often.
    const pickService = new Weighted(
      services,
      services.map((w) => (w.line_code === null ? 1 : 4)),
    );
    const rng = Rng.of(seed, 'delegations', a.id);
    const n = rng.count(a.level === 'province' ? MEAN_PER_AGENCY / 2 : MEAN_PER_AGENCY);
    const local = byCity.get(a.level === 'province' ? '330100' : cityOf(a)) ?? ctx.providers;
    for (let i = 0; i < n; i++) {
      const id = ctx.ids.next('DG');
      const provider = local[rng.int(local.length)];
      const day = ctx.days.delegation.pick(rng);
      const fee = Math.round((3_000 + 297_000 * rng.next() ** 2.5) / 100) * 100;
      const u = rng.next();
      // A plant not kept at the plant share: a listed, approved service, as normal.
      const keep = u < PLANT.delegationOffWhitelist + PLANT.delegationUnapproved && ctx.keepPlant();
      let code: string | null;
      let name: string;
      let approved = true;
      if (u < PLANT.delegationOffWhitelist && keep) {
        code = rng.chance(0.7) ? null : `ZDY-${a.region}-${String(i + 1).padStart(3, '0')}`;
        name = rng.pick(OFF_LIST_SERVICES);
        truth.plant('delegation_off_whitelist', 'delegation', id, a.region, { service_code: code, service_name: name });
        truth.plant('delegation_enforcement', 'delegation', id, a.region, { service_name: name, provider_uscc: provider.uscc });
      } else {
        const w = pickService.pick(rng);
        code = w.code;
        name = w.name;
        if (u >= PLANT.delegationOffWhitelist && u < PLANT.delegationOffWhitelist + PLANT.delegationUnapproved && keep) {
          approved = false;
          truth.plant('delegation_unapproved', 'delegation', id, a.region, { service_code: code });
        }
      }
      out.delegations.push([id, SOURCE, id, a.region, a.id, code, name, provider.name, provider.uscc, approved, fee, isoOf(day)]);
    }
  }
}
