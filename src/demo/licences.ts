// Licences (许可) of one entity: its registration if it was registered in the period (市场主体设立登记),
// and the licences of its industry (食品经营许可, 公众聚集场所消防安全检查, 建筑垃圾处置核准…).
// A normal licence is decided within its time limit counted in calendar days, which is never more
// than the same number of working days (行政许可法 第四十二条, 第八十二条), so it is in time under
// either reading; a planted licence_overdue takes longer than the limit plus the ten-day extension
// 第四十二条 allows, in working days, plus the longest holiday break.
import { isoOf } from './calendar.ts';
import type { LicenceInfo } from './catalog-index.ts';
import { PLANT, type Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import type { Rng } from './prng.ts';
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
    if (rng.chance(PLANT.licenceOverdue) && applied + late <= ctx.period.asOf) {
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
  ]);
}
