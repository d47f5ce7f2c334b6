// The discretion navigator (裁量导航): for a case being decided — an item, a region, the facts and perhaps
// a proposed decision — the legal basis verbatim, the statutory range, the tier the facts select from the
// governing baseline and the condition that selected it, whether 行政处罚法 第三十三条 or the no-penalty
// list exempts it, the history of decisions for the item (region and province-wide), a verdict on the
// proposal, and the most similar past cases. A plain function of (store, caller, request): the HTTP
// route, the CLI and the assistant call it alike. It writes nothing.
//
// The tier, the exemption and the verdict come from src/catalog/discretion.ts, the functions the penalty
// models' real-time checks judge every landed decision with; the deviation rule's parameters are the
// 裁量偏离 model's (PEN_DEVIATION) in force for the region. So what the navigator tells an officer is
// what the supervisor's models will say of the decision.
import type { Store } from '../store/store.ts';
import { businessDate } from '../domain/dates.ts';
import { regionContains, regionPrefix, regionProblem } from '../domain/region.ts';
import { spreadOf } from '../domain/robust-stats.ts';
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { exemptionFinding, levelName, listEntries, reviewDecision, selectTier, type DeviationRule } from '../catalog/discretion.ts';
import { TIER_NAMES, type Item, type TierName } from '../catalog/types.ts';
import { findModel } from '../models/library/index.ts';
import { defaultParams } from '../models/model.ts';
import { dayOf } from '../models/realtime/days.ts';
import { readyState, type CaseFacts, type RealtimeState } from '../models/realtime/state.ts';
import { NavigatorError, badInput } from './errors.ts';
import { itemHistory, memoized, peerFines } from './history.ts';
import { checkRequest } from './input.ts';
import { searchItems } from './item-search.ts';
import { articleRef, navReference, type NavReference } from './reference.ts';
import type { AssessResult, SimilarCase } from './schema.ts';
import { highlight, rankSimilar, similarIndex } from './similar.ts';

/** Similar cases returned. */
export const SIMILAR_LIMIT = 5;
const DEVIATION = findModel('PEN_DEVIATION')!;
const TIER_ORDER = Object.keys(TIER_NAMES) as TierName[];

const yuan = (n: number) => `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n)}元`;

/** The penalty item a request names: its code, or the one item its name or everyday words clearly point to. */
export function resolveItem(ref: NavReference, query: string): Item {
  const byCode = ref.items.get(query) ?? ref.items.get(query.toUpperCase());
  if (byCode) {
    if (byCode.kind !== 'penalty') throw badInput('item', `${byCode.code}“${byCode.name}”不是行政处罚事项`);
    return byCode;
  }
  const matches = searchItems(ref.penaltyItems, ref.synonyms, ref.lineNames, query, 6);
  if (matches.length === 0 || matches[0].score < 45)
    throw new NavigatorError('not_found', 'item', `未找到与“${query}”对应的处罚事项，请换一种说法或输入事项编码`);
  const top = matches.filter((m) => m.score === matches[0].score);
  if (top.length > 1) throw badInput('item', `“${query}”对应多个处罚事项，请选择其一：${top.map((m) => `${m.code} ${m.name}`).join('；')}`);
  return ref.items.get(matches[0].code)!;
}

/** The caller's cases: their region's subtree, and for agency roles their agency's (the rule of the policy's aggregateScope). */
export function callerAccepts(caller: Caller): (c: CaseFacts) => boolean {
  // An agency role bound to no agency sees no case, as aggregateScope gives it none.
  if (isAgencyRole(caller.role) && !caller.agencyId) return () => false;
  const prefix = regionPrefix(caller.regionCode);
  const agency = isAgencyRole(caller.role) ? caller.agencyId : null;
  return (c) => c.region.startsWith(prefix) && (agency === null || c.agency === agency);
}

export interface AssessOptions {
  /** The case being decided (执法精灵): left out of its own similar cases. */
  excludeCaseId?: string;
  /** The day assessments are made as of when the request names none (the demo server's fixed day); default today. */
  today?: string;
  /** Receives the milliseconds each phase took (the bench's breakdown); nothing is timed without it. */
  phases?: (phase: AssessPhase, ms: number) => void;
}

/** The phases of an assessment, in order, as the bench reports them. */
export const ASSESS_PHASES = ['setup', 'baseline', 'statistics', 'verdict', 'retrieval', 'texts', 'explanation'] as const;
export type AssessPhase = (typeof ASSESS_PHASES)[number];

export async function assess(store: Store, caller: Caller, request: unknown, opts: AssessOptions = {}): Promise<AssessResult> {
  let mark = opts.phases ? performance.now() : 0;
  const lap = (phase: AssessPhase) => {
    if (!opts.phases) return;
    const now = performance.now();
    opts.phases(phase, now - mark);
    mark = now;
  };
  const r = checkRequest(request, opts.today ?? businessDate(new Date()));
  const ref = await navReference(store);
  const item = resolveItem(ref, r.item);

  const problem = regionProblem(r.regionCode);
  if (problem) throw badInput('regionCode', problem);
  const regionName = ref.regionNames.get(r.regionCode);
  if (!regionName) throw badInput('regionCode', `未知区划：${r.regionCode}`);
  if (!regionContains(caller.regionCode, r.regionCode))
    throw new NavigatorError('forbidden', 'regionCode', `区划${regionName}（${r.regionCode}）不在您的管辖范围内`);

  const state = await readyState(store, ['cases'], r.asOf);
  const index = await similarIndex(store, state, ref.seg);
  const { facts } = r;
  const notes: string[] = [];
  const nameOf = (code: string) => ref.regionNames.get(code) ?? code;

  lap('setup');

  // ── the law ──
  const violated = item.basis_regulation_id ? articleRef(ref, item.basis_regulation_id, item.basis_article) : null;
  const penalty = item.penalty_regulation_id ? articleRef(ref, item.penalty_regulation_id, item.penalty_article) : null;
  for (const a of [violated, penalty])
    if (a && !a.held && !notes.some((n) => n.includes(a.title)))
      notes.push(`《${a.title}》条文未收录，本系统不持有其文本；事项及罚款幅度按目录登记，请以正式文本为准。`);
  if (item.fine_note) notes.push(`法定幅度的适用条件：${item.fine_note}`);

  // ── the baseline and the tier ──
  const governing = ref.book.effective(item.code, r.regionCode, r.asOf);
  const entries = listEntries(ref.exemptions, item.code, r.regionCode);
  const listed = entries.length > 0;
  const hasMitigated = governing?.baseline.tiers.some((t) => t.tier === 'mitigated') ?? false;
  const choice = selectTier(facts, listed, hasMitigated);
  const tierRow = governing?.baseline.tiers.find((t) => t.tier === choice.tier);
  const range = tierRow ? { min: tierRow.fine_min, max: tierRow.fine_max } : null;
  if (!governing) notes.push(`${r.asOf}该事项没有生效的裁量基准，仅能按法定幅度裁量。`);
  else if (governing.replaces.length)
    notes.push(
      `适用${governing.baseline.title}，它取代${governing.replaces.map((b) => b.title).join('、')}（细化基准替代上级基准，不与其合并）。`,
    );

  // ── the exemption ──
  const finding = exemptionFinding(facts, listed);
  const article33 = articleRef(ref, 'xingzheng-chufa-fa', 33);

  lap('baseline');

  // ── the history ──
  const { params, rule, history, peerSpread } = statistics(state, ref, item, { code: r.regionCode, name: regionName }, choice.tier, r.asOf);
  const peers = peerSpread && peerSpread.count >= rule.minCases ? peerSpread : null;
  lap('statistics');

  // ── the verdict on a proposal ──
  let verdict: AssessResult['verdict'] = null;
  if (r.proposed) {
    const fine = r.proposed.decision === 'fine' ? (r.proposed.fine ?? null) : null;
    const review = reviewDecision({ decision: r.proposed.decision, fine }, choice.tier, range, finding.status, peers, rule);
    const reasons = [...review.reasons];
    if (fine !== null && item.fine_max !== null && fine > item.fine_max)
      reasons.unshift(`罚款${yuan(fine)}超过法定最高罚款${yuan(item.fine_max)}。`);
    if ((facts.illegalGains ?? 0) > 0 && /没收违法所得/.test(item.fine_note ?? '') && !r.proposed.confiscation)
      reasons.push(`当事人有违法所得${yuan(facts.illegalGains!)}，罚则规定没收违法所得，拟作决定未予没收。`);
    const beyondLaw = reasons.length > review.reasons.length;
    if (reasons.length === 0) reasons.push('拟作决定与案情适用的裁量档次相符。');
    verdict = {
      decision: r.proposed.decision,
      fine,
      position: review.position,
      robustZ: review.robustZ === null ? null : Math.round(review.robustZ * 100) / 100,
      zThreshold: rule.z,
      review: review.review || beyondLaw,
      reasons,
    };
  }

  // ── the recommendation ──
  const recommendation = recommend(choice.tier, range, finding.status, peers, facts.illegalGains ?? 0, item);

  lap('verdict');

  // ── similar cases ──
  const ranked = rankSimilar(
    index,
    {
      item: item.code,
      regionCode: r.regionCode,
      firstOffence: facts.firstOffence,
      corrected: facts.corrected,
      harm: facts.harm,
      fine: r.proposed?.decision === 'fine' ? (r.proposed.fine ?? null) : null,
      text: facts.text ?? null,
      accept: callerAccepts(caller),
      exclude: opts.excludeCaseId,
    },
    SIMILAR_LIMIT,
  );
  // Only the caller's cases were candidates (callerAccepts, the policy's rule for their scope).
  lap('retrieval');
  const texts = index.texts(ranked.map((x) => x.c));
  lap('texts');
  const similar: SimilarCase[] = ranked.map(({ c, score, why, sharedTerms }) => ({
    id: c.id,
    regionCode: c.region,
    regionName: nameOf(c.region.slice(0, 6)) + (c.region.length > 6 ? ` ${nameOf(c.region)}` : ''),
    agencyName: state.agencyName(c.agency),
    entityName: state.entity(c.entity)?.name ?? null,
    decidedOn: c.decided === null ? null : new Date(c.decided * 86_400_000).toISOString().slice(0, 10),
    decision: c.decision,
    tier: c.tier,
    fine: c.fine,
    facts: { firstOffence: c.firstOffence, corrected: c.corrected, harm: c.harm },
    score,
    why,
    sharedTerms,
    text: highlight(ref.seg, texts.get(c) ?? '', sharedTerms),
  }));

  if ((facts.amountInvolved ?? 0) >= 10_000 && /货值金额不足一万元/.test(item.fine_note ?? ''))
    notes.push(`货值金额${yuan(facts.amountInvolved!)}已达一万元以上，应按货值金额的倍数处罚，上述固定数额幅度不适用。`);
  if (facts.cooperation) notes.push('当事人积极配合调查，可在所适用档次内从轻确定数额（裁量权基准规定 第五条：认错认罚和补救措施）。');

  const result: AssessResult = {
    asOf: r.asOf,
    item: { code: item.code, name: item.name, lineCode: item.line_code, lineName: ref.lineNames.get(item.line_code) ?? item.line_code },
    region: { code: r.regionCode, name: regionName },
    law: { violated, penalty, statutory: { min: item.fine_min, max: item.fine_max, note: item.fine_note } },
    baseline: governing
      ? {
          id: governing.baseline.id,
          title: governing.baseline.title,
          regionCode: governing.baseline.region_code,
          regionName: nameOf(governing.baseline.region_code),
          level: levelName(governing.baseline.region_code),
          effectiveFrom: governing.baseline.effective_from,
          replaces: governing.replaces.map((b) => ({ id: b.id, title: b.title, regionName: nameOf(b.region_code) })),
          tiers: governing.baseline.tiers.map((t) => ({
            tier: t.tier,
            label: TIER_NAMES[t.tier],
            min: t.fine_min,
            max: t.fine_max,
            conditions: t.conditions,
          })),
        }
      : null,
    tier: {
      tier: choice.tier,
      label: TIER_NAMES[choice.tier],
      min: choice.tier === 'exempt' ? 0 : (range?.min ?? null),
      max: choice.tier === 'exempt' ? 0 : (range?.max ?? null),
      condition: choice.condition,
      citations: choice.citations.map((c) => articleRef(ref, c.regulationId, c.article)),
    },
    exemption: {
      status: finding.status,
      reason: finding.reason,
      entries: entries.map((e) => ({
        id: e.id,
        regionCode: e.region_code,
        regionName: nameOf(e.region_code),
        conditions: e.conditions,
        list: e.list_regulation_id ? articleRef(ref, e.list_regulation_id, null) : null,
      })),
      citations: [article33],
    },
    history: {
      lookbackDays: params.lookback_days,
      minDecisions: rule.minCases,
      region: history.region,
      province: history.province,
      peers: {
        scope: `${nameOf(`${r.regionCode.slice(0, 4)}00`)}同事项“${TIER_NAMES[choice.tier]}”档次`,
        tier: choice.tier,
        count: peerSpread?.count ?? 0,
        median: peers?.median ?? null,
        mad: peers?.mad ?? null,
      },
    },
    recommendation,
    verdict,
    similar,
    notes,
  };
  lap('explanation');
  return result;
}

/**
 * The history of the item in the region and province-wide, and the spread of the peers a decision at
 * `tier` in the region is measured against (PEN_DEVIATION's, with its parameters in force for the
 * region). Kept per item until a case of the item lands (`memoized`).
 */
function statistics(
  state: RealtimeState,
  ref: NavReference,
  item: Item,
  region: { code: string; name: string },
  tier: TierName,
  asOf: string,
) {
  const groups = state.groups(DEVIATION);
  const params = { ...defaultParams(DEVIATION), ...(groups.of(region.code)?.params ?? {}) };
  const rule: DeviationRule = { z: params.z, minCases: params.min_cases, minSpreadShare: params.min_spread_share };
  const window = { asOfDay: dayOf(asOf), lookbackDays: params.lookback_days };
  const history = itemHistory(
    state,
    item.code,
    region,
    { code: '330000', name: ref.regionNames.get('330000') ?? '330000' },
    window,
    rule.minCases,
    item.fine_max,
  );
  // With one run group in force the peers are those of the city and tier, whichever county asks.
  const peerScope = groups.groups.length > 1 ? region.code : region.code.slice(0, 4);
  const peerSpread = memoized(state, item.code, `peers|${peerScope}|${tier}|${window.asOfDay}|${window.lookbackDays}`, () =>
    spreadOf(peerFines(state, groups, region.code, item.code, tier, window)),
  );
  return { params, rule, history, peerSpread };
}

/**
 * Loads what an assessment reads — the catalog view, the real-time state's cases, the similar-case
 * index — and computes every item's history in each county that has its cases and the peers of each
 * tier as of `asOf`, so that the first officer does not wait for them (a server calls this at start).
 * Returns how many decided cases the index holds.
 */
export async function readyNavigator(store: Store, asOf = businessDate(new Date())): Promise<number> {
  const ref = await navReference(store);
  const state = await readyState(store, ['cases'], asOf);
  const index = await similarIndex(store, state, ref.seg);
  for (const item of ref.penaltyItems) {
    const counties = new Set<string>();
    for (const c of state.casesByItem.get(item.code) ?? []) counties.add(c.region.slice(0, 6));
    for (const code of counties) {
      const name = ref.regionNames.get(code);
      if (name) for (const tier of TIER_ORDER) statistics(state, ref, item, { code, name }, tier, asOf);
    }
    // Give way between items: a request arriving meanwhile is not held up by the whole catalog.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return index.size;
}

/** What the navigator advises, in Chinese, with the range. */
function recommend(
  tier: AssessResult['tier']['tier'],
  range: { min: number; max: number } | null,
  exemption: 'applies' | 'may_apply' | 'not_applicable',
  peers: { median: number } | null,
  gains: number,
  item: Item,
): AssessResult['recommendation'] {
  const confiscate = gains > 0 && /没收违法所得/.test(item.fine_note ?? '') ? `，并没收违法所得${yuan(gains)}` : '';
  if (tier === 'exempt')
    return {
      decision: 'no_penalty',
      min: 0,
      max: 0,
      text: '建议不予行政处罚（《中华人民共和国行政处罚法》第三十三条），责令改正并对当事人进行教育。',
    };
  if (!range) {
    const statutory =
      item.fine_min !== null && item.fine_max !== null ? `在法定幅度${yuan(item.fine_min)}至${yuan(item.fine_max)}内` : '依法';
    return {
      decision: 'fine',
      min: item.fine_min,
      max: item.fine_max,
      text: `没有生效的裁量基准档次，建议${statutory}裁量${confiscate}。`,
    };
  }
  const median =
    peers && peers.median >= range.min && peers.median <= range.max ? `，同档次历史罚款中位数${yuan(peers.median)}可作参照` : '';
  const may = exemption === 'may_apply' ? '可以不予处罚；如予处罚，' : '';
  const decision = range.min === 0 && range.max === 0 ? 'warning' : 'fine';
  const what = range.min === 0 ? `可给予警告或处${yuan(range.max)}以下罚款` : `在${yuan(range.min)}至${yuan(range.max)}内确定罚款数额`;
  return { decision, min: range.min, max: range.max, text: `${may}建议适用“${TIER_NAMES[tier]}”档次，${what}${median}${confiscate}。` };
}
