// Service visits (涉企服务, "服务做加法"): an officer calls on an entity to explain policy or guide
// compliance, not to inspect. A sample is followed up; a planted fake_service_visit is one whose
// follow-up answer says it was really an inspection (假服务真检查).
import { isoOf } from './calendar.ts';
import { PLANT, type Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { followUp } from './followup.ts';
import type { Rng } from './prng.ts';
import { SOURCE } from './tables.ts';

const MEAN_VISITS = 1.9;
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  MKT: ['食品安全合规指导', '惠企政策宣讲', '信用修复指导', '广告合规提醒', '年报公示辅导'],
  CLE: ['门前三包责任宣传', '垃圾分类指导', '户外招牌设置指导', '建筑垃圾处置政策解读'],
  FIR: ['消防安全培训', '火灾隐患自查指导', '消防设施维护提醒'],
  EMG: ['安全生产帮扶', '安全生产标准化指导'],
  HRS: ['劳动用工合规指导', '稳岗政策宣讲'],
  ENV: ['环保政策解读', '排污许可辅导'],
};
const GENERAL_TOPICS = ['惠企政策宣讲', '违法风险自查清单解读', '营商环境走访', '企业诉求收集'];

export function makeServiceVisits(ctx: Ctx, e: Entity, rng: Rng): void {
  const lines = [...ctx.cat.inspectionLinesFor[e.industry].keys()];
  const n = rng.count(MEAN_VISITS);
  const first = e.registered + 1;
  for (let i = 0; i < n; i++) {
    const line = lines.length && rng.chance(0.85) ? lines[rng.int(lines.length)] : 'MKT';
    const agency = ctx.world.agencyFor(e.county, line, rng);
    if (!agency) continue;
    const day = ctx.days.visit.pickFrom(rng, first);
    const id = ctx.ids.next('SV');
    const topic = rng.chance(0.8) ? rng.pick(TOPICS[line] ?? GENERAL_TOPICS) : rng.pick(GENERAL_TOPICS);
    const officer = ctx.world.officer(agency, day, rng);
    ctx.out.service_visits.push([id, SOURCE, id, e.township.code, agency.id, e.uscc, isoOf(day), topic, officer.id]);
    const fake = day + 30 <= ctx.period.asOf && rng.chance(PLANT.fakeServiceVisit) && ctx.keepPlant();
    const answer = followUp(ctx, rng, 'service_visit', id, e, day, 0.35, { agencyId: agency.id, officerId: officer.id }, fake);
    if (fake && answer) {
      ctx.truth.plant('fake_service_visit', 'service_visit', id, e.township.code, {
        task_id: answer.taskId,
        answer_id: answer.answerId,
        visited_on: isoOf(day),
      });
    }
  }
}
