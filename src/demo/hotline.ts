// 12345 hotline tickets (“民呼我为”): complaints and requests from the public about an entity or a
// place, routed to the agency of the line; and, after a planted repeated inspection, sometimes the
// entity's own complaint about being inspected too often (检查扰企).
import { instantOf } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Entity } from './entities.ts';
import { Weighted, type Rng } from './prng.ts';
import { SOURCE } from './tables.ts';

const MEAN_TICKETS = 1.9;

interface Topic {
  line: string;
  category: string;
  templates: readonly ((e: Entity) => string)[];
}

const TOPICS: readonly Topic[] = [
  {
    line: 'MKT',
    category: '市场监管',
    templates: [
      (e) => `市民反映${e.name}销售过期食品，要求相关部门核查处理。`,
      (e) => `来电人称在${e.name}购买的商品存在质量问题，商家拒绝退换，要求协调处理。`,
      (e) => `反映${e.name}价格标示不清，结账时价格与标价不一致。`,
      (e) => `反映${e.township.name}一商户无证无照经营，要求查处。`,
    ],
  },
  {
    line: 'CLE',
    category: '城市管理',
    templates: [
      (e) => `反映${e.name}长期占道经营，影响行人通行。`,
      (e) => `反映${e.township.name}有商户夜间施工噪声扰民。`,
      (e) => `反映${e.name}门口垃圾未分类堆放，气味难闻。`,
      (e) => `反映${e.township.name}路边有人随意倾倒建筑垃圾。`,
    ],
  },
  {
    line: 'FIR',
    category: '消防安全',
    templates: [(e) => `反映${e.name}疏散通道被杂物堵塞，存在消防安全隐患。`, (e) => `反映${e.name}店内电动自行车违规充电。`],
  },
  {
    line: 'ENV',
    category: '生态环境',
    templates: [(e) => `反映${e.name}夜间排放刺鼻气味，影响周边居民。`, (e) => `反映${e.township.name}河道有不明污水排入。`],
  },
  {
    line: 'HRS',
    category: '劳动保障',
    templates: [(e) => `来电人反映${e.name}拖欠工资两个月，要求协调支付。`, (e) => `反映${e.name}未与员工签订劳动合同。`],
  },
  { line: 'EMG', category: '安全生产', templates: [(e) => `反映${e.name}生产车间存在安全隐患，工人未佩戴防护用品。`] },
];

/** Weights of the topics (市场监管 and 城市管理 dominate 12345 enforcement tickets). */
const TOPIC_WEIGHTS = [0.36, 0.34, 0.1, 0.08, 0.08, 0.04];
/** Per industry: topics of the lines that inspect it weigh four times more (排污 is about a factory, not a café). */
const topicPickers = new WeakMap<object, Weighted<Topic>[]>();
function topicsFor(ctx: Ctx, industry: number): Weighted<Topic> {
  let perIndustry = topicPickers.get(ctx.cat);
  if (!perIndustry) topicPickers.set(ctx.cat, (perIndustry = []));
  let w = perIndustry[industry];
  if (!w) {
    const lines = ctx.cat.inspectionLinesFor[industry];
    w = perIndustry[industry] = new Weighted(
      TOPICS,
      TOPICS.map((t, i) => TOPIC_WEIGHTS[i] * (lines.has(t.line) ? 4 : 1)),
    );
  }
  return w;
}

function status(rng: Rng, day: number, asOf: number): string {
  if (asOf - day < 15 && rng.chance(0.5)) return 'open';
  const r = rng.next();
  return r < 0.88 ? 'closed' : r < 0.97 ? 'answered' : 'open';
}

export function makeHotlineTickets(ctx: Ctx, e: Entity, rng: Rng): void {
  const n = rng.count(MEAN_TICKETS);
  for (let i = 0; i < n; i++) {
    const topic = topicsFor(ctx, e.industry).pick(rng);
    const day = ctx.days.hotline.pickFrom(rng, e.registered + 1);
    const agency = ctx.world.agencyFor(e.county, topic.line, rng);
    const id = ctx.ids.next('HT');
    const aboutEntity = rng.chance(0.7);
    ctx.out.hotline_tickets.push([
      id,
      SOURCE,
      id,
      e.township.code,
      instantOf(day, rng.int(86_400)),
      topic.category,
      topic.templates[rng.int(topic.templates.length)](e),
      aboutEntity ? e.uscc : null,
      agency?.id ?? null,
      status(rng, day, ctx.period.asOf),
    ]);
  }
}

/** The entity's own complaint after being inspected by several agencies in one week (a clue for 重复检查). */
export function complainAboutRepeat(ctx: Ctx, e: Entity, rng: Rng, day: number): void {
  const id = ctx.ids.next('HT');
  const received = Math.min(ctx.period.asOf, day + rng.range(1, 10));
  ctx.out.hotline_tickets.push([
    id,
    SOURCE,
    id,
    e.township.code,
    instantOf(received, 32_400 + rng.int(28_800)),
    '涉企执法监督',
    `${e.name}反映：一周内先后有多个部门上门检查，检查内容有重复，影响正常经营，希望统筹安排、减少重复检查。`,
    e.uscc,
    null,
    status(rng, received, ctx.period.asOf),
  ]);
}
