// The rules of discretion (行政处罚裁量) as code, in one place for every reader: which baseline governs a
// case (the most local one in force), which tier its facts select and on what condition, whether the
// no-penalty list exempts it, and whether a decision keeps to all of that. The discretion navigator
// explains a case with these functions; the penalty models' real-time checks judge every landed decision
// with the same functions; the models' SQL (src/models/library/sql-fragments.ts, selectedTierCtes) states
// the same rule for the batch, and test/models-realtime.test.ts holds the two to the same rows.
//
// Layering ("1+8"): a city's or county's refinement REPLACES the province's baseline for the item; the
// two are never merged (docs/catalog.md). Zhejiang publishes province-wide baselines and lets cities
// refine them (浙江省行政处罚裁量权基准规定 第二条 and 第三条); a refinement that only narrowed a union of
// both would not be a refinement.
import { robustZ } from '../domain/robust-stats.ts';
import { TIER_NAMES, type Baseline, type BaselineTier, type Exemption, type TierName } from './types.ts';

/** Codes of the levels whose baselines and lists may apply to a region: province, city, county (most local last). */
export function regionLevels(regionCode: string): [province: string, city: string, county: string] {
  return [`${regionCode.slice(0, 2)}0000`, `${regionCode.slice(0, 4)}00`, regionCode.slice(0, 6)];
}

/** The level of a baseline's or list entry's region code. */
export function levelName(code: string): 'province' | 'city' | 'county' {
  return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';
}

export type BaselineRecord = Pick<Baseline, 'id' | 'item_code' | 'region_code' | 'title' | 'effective_from'> & {
  tiers: readonly Pick<BaselineTier, 'tier' | 'fine_min' | 'fine_max' | 'conditions'>[];
};

export interface EffectiveBaseline<B extends BaselineRecord = BaselineRecord> {
  /** The baseline that governs: the most local level with a version in force on the day. */
  baseline: B;
  /** Broader baselines in force on the day that it replaces (the province's, when a city refines it). */
  replaces: B[];
}

/**
 * Every baseline by item and region, each region's versions in effective order. `effective` is THE rule of
 * which baseline governs a case; everything that reads baselines goes through it.
 */
export class BaselineBook<B extends BaselineRecord = BaselineRecord> {
  private readonly byKey = new Map<string, B[]>();

  constructor(baselines: Iterable<B>) {
    for (const b of baselines) {
      const key = `${b.item_code}|${b.region_code}`;
      const list = this.byKey.get(key);
      if (list) list.push(b);
      else this.byKey.set(key, [b]);
    }
    for (const list of this.byKey.values()) list.sort((a, b) => (a.effective_from < b.effective_from ? -1 : 1));
  }

  /** The version of one region's baseline in force on a day ('YYYY-MM-DD'): the latest that took effect by then. */
  inForce(itemCode: string, regionCode: string, day: string): B | null {
    const list = this.byKey.get(`${itemCode}|${regionCode}`);
    if (!list) return null;
    let found: B | null = null;
    for (const b of list) if (b.effective_from <= day) found = b;
    return found;
  }

  /**
   * The baseline governing an item in a region (a county or township code, or a city's) on a day: the
   * county's if one is in force, else the city's, else the province's; null when none is in force.
   */
  effective(itemCode: string, regionCode: string, day: string): EffectiveBaseline<B> | null {
    const inForce = [...new Set(regionLevels(regionCode))].map((code) => this.inForce(itemCode, code, day));
    for (let i = inForce.length - 1; i >= 0; i--) {
      const b = inForce[i];
      if (b) return { baseline: b, replaces: inForce.slice(0, i).filter((x): x is B => x !== null) };
    }
    return null;
  }

  /** The baselines of an item, every region and version (for a page that lists them). */
  ofItem(itemCode: string): B[] {
    return [...this.byKey.entries()].filter(([k]) => k.startsWith(`${itemCode}|`)).flatMap(([, v]) => v);
  }
}

export type Harm = 'none' | 'minor' | 'serious';

/** The facts of an offence that select a tier. */
export interface OffenceFacts {
  firstOffence: boolean;
  /** Corrected in time (及时改正). */
  corrected: boolean;
  harm: Harm;
  /** Months since an earlier penalty for the same act, when there was one (the navigator asks; stored cases do not say). */
  repeatWithinMonths?: number | null;
}

/** An article a conclusion rests on. */
export interface Citation {
  regulationId: string;
  article: number;
}

const XZCF = 'xingzheng-chufa-fa';
const JIZHUN = 'zhejiang-xingzheng-chufa-cailiangquan-jizhun-guiding';

export interface TierChoice {
  tier: TierName;
  /** The condition that selected it, in Chinese. */
  condition: string;
  citations: Citation[];
}

/**
 * The tier the facts select (the rule the models, the demo generator and the navigator share):
 *   1. listed, first offence, corrected in time, no harm            → exempt    (行政处罚法 第三十三条, the list)
 *   2. serious harm, or the same act again within a year             → severe    (the baselines' 从重 conditions)
 *   3. first offence and corrected in time                           → mitigated (第三十二条) where the baseline has it, else lenient
 *   4. first offence or corrected in time                            → lenient   (第三十二条)
 *   5. otherwise                                                     → general   (裁量权基准规定 第五条)
 * Rule 2's repeat is a fact only the navigator asks for; a stored case has none, so it never diverges
 * from the models' reading of the same record.
 */
export function selectTier(facts: OffenceFacts, listed: boolean, hasMitigated: boolean): TierChoice {
  const { firstOffence, corrected, harm } = facts;
  if (listed && firstOffence && corrected && harm === 'none')
    return {
      tier: 'exempt',
      condition: '初次违法、及时改正且未造成危害后果，该事项列入轻微违法不予处罚清单',
      citations: [{ regulationId: XZCF, article: 33 }],
    };
  if (harm === 'serious') return { tier: 'severe', condition: '造成较大危害后果（从重情形）', citations: [] };
  if (facts.repeatWithinMonths != null && facts.repeatWithinMonths <= 12)
    return { tier: 'severe', condition: '一年内因同一违法行为受过行政处罚又实施（从重情形）', citations: [] };
  if (firstOffence && corrected)
    return hasMitigated
      ? {
          tier: 'mitigated',
          condition: '初次违法且及时改正，主动消除或者减轻违法行为危害后果（减轻情形）',
          citations: [{ regulationId: XZCF, article: 32 }],
        }
      : {
          tier: 'lenient',
          condition: '初次违法且及时改正（基准未设减轻档次，适用从轻）',
          citations: [{ regulationId: XZCF, article: 32 }],
        };
  if (firstOffence || corrected)
    return {
      tier: 'lenient',
      condition: firstOffence ? '初次违法（从轻情形）' : '及时改正（从轻情形）',
      citations: [{ regulationId: XZCF, article: 32 }],
    };
  return {
    tier: 'general',
    condition: '非初次违法、未及时改正，无从重情节（一般情形）',
    citations: [{ regulationId: JIZHUN, article: 5 }],
  };
}

/** The exemption-list entries for an item that apply in a region: the province's, its city's and its county's lists. */
export function listEntries<E extends Pick<Exemption, 'item_code' | 'region_code'>>(
  exemptions: Iterable<E>,
  itemCode: string,
  regionCode: string,
): E[] {
  const levels = regionLevels(regionCode);
  return [...exemptions].filter((x) => x.item_code === itemCode && levels.includes(x.region_code));
}

export type ExemptionStatus = 'applies' | 'may_apply' | 'not_applicable';

export interface ExemptionFinding {
  status: ExemptionStatus;
  /** Why, in Chinese. */
  reason: string;
}

/**
 * Whether 行政处罚法 第三十三条 exempts the offence. `applies`: the item is listed and the offence is a first
 * one, corrected in time, without harm (不予处罚; the models flag a fine then). `may_apply`: the article's
 * discretionary sentences — listed, first offence, minor harm, corrected (可以不予行政处罚), or unlisted but
 * corrected without harm, which exempts only if the officer finds the violation minor (违法行为轻微).
 */
export function exemptionFinding(facts: OffenceFacts, listed: boolean): ExemptionFinding {
  const { firstOffence, corrected, harm } = facts;
  if (listed && firstOffence && corrected && harm === 'none')
    return { status: 'applies', reason: '该事项列入轻微违法不予处罚清单，当事人初次违法、及时改正且未造成危害后果，依法不予行政处罚。' };
  if (listed && firstOffence && corrected && harm === 'minor')
    return {
      status: 'may_apply',
      reason:
        '该事项列入轻微违法不予处罚清单，当事人初次违法且危害后果轻微并及时改正，依第三十三条第一款可以不予行政处罚，由执法机关裁量。',
    };
  if (!listed && corrected && harm === 'none')
    return {
      status: 'may_apply',
      reason:
        '该事项未列入轻微违法不予处罚清单；违法行为及时改正且未造成危害后果，如属“违法行为轻微”，依第三十三条第一款不予行政处罚，需结合情节认定。',
    };
  const missing = [
    !listed && '该事项未列入轻微违法不予处罚清单',
    !firstOffence && '非初次违法',
    !corrected && '未及时改正',
    harm === 'serious' ? '造成较大危害后果' : harm === 'minor' && '造成了危害后果',
  ].filter((x): x is string => typeof x === 'string');
  return { status: 'not_applicable', reason: `不适用不予处罚：${missing.join('、')}。` };
}

/** A decision as made or proposed. */
export interface DecisionFacts {
  decision: 'fine' | 'warning' | 'no_penalty';
  /** Yuan; for a fine. */
  fine: number | null;
}

/** The peer group a fine is compared with (PEN_DEVIATION: same city, item and tier, within the look-back). */
export interface PeerFines {
  count: number;
  median: number;
  mad: number;
}

export interface DeviationRule {
  /** Robust z above which a fine deviates. */
  z: number;
  /** Fewer peers than this: no comparison. */
  minCases: number;
  /** Floor of the spread, as a share of the median. */
  minSpreadShare: number;
}

export type TierPosition = 'inside' | 'above' | 'below';

export interface DecisionReview {
  /** Where the decision sits against the tier the facts select; null without a baseline in force. */
  position: TierPosition | null;
  /** A fine outside the tier's range, or any fine where the tier is 不予处罚 (PEN_OUT_OF_TIER). */
  outOfTier: boolean;
  /** A fine although the exemption applies (PEN_EXEMPT_FINED). */
  exemptionIgnored: boolean;
  /** The fine's robust distance from its peers' median; null when there is no fine or too few peers. */
  robustZ: number | null;
  /** Deviates strongly from the peers' median (PEN_DEVIATION). */
  deviates: boolean;
  /** Should go to review (复核). */
  review: boolean;
  /** The reasons, in Chinese. */
  reasons: string[];
}

const yuan = (n: number) => `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n)}元`;

/**
 * Judges a decision against the tier the facts select (`range`: the tier's fines in the governing
 * baseline, null when none is in force), the exemption, and the fines of its peers. The three flags
 * are the models' readings: the real-time checks raise a clue on them for fines, as the batch SQL does.
 */
export function reviewDecision(
  d: DecisionFacts,
  tier: TierName,
  range: { min: number; max: number } | null,
  exemption: ExemptionStatus,
  peers: PeerFines | null,
  rule: DeviationRule,
): DecisionReview {
  const fined = d.decision === 'fine' && d.fine !== null && d.fine > 0;
  const reasons: string[] = [];
  let position: TierPosition | null = null;
  if (tier === 'exempt') {
    position = d.decision === 'no_penalty' ? 'inside' : 'above';
    if (position === 'above')
      reasons.push(`案情适用“不予处罚”，拟作出${d.decision === 'fine' ? `罚款${yuan(d.fine ?? 0)}` : '警告'}的决定，重于该档次。`);
  } else if (range) {
    const label = `“${TIER_NAMES[tier]}”档次（${yuan(range.min)}至${yuan(range.max)}）`;
    if (fined) {
      position = d.fine! < range.min ? 'below' : d.fine! > range.max ? 'above' : 'inside';
      if (position === 'below') reasons.push(`罚款${yuan(d.fine!)}低于${label}的下限。`);
      if (position === 'above') reasons.push(`罚款${yuan(d.fine!)}高于${label}的上限。`);
    } else if (d.decision === 'warning') {
      position = range.min === 0 ? 'inside' : 'below';
      if (position === 'below') reasons.push(`仅给予警告，轻于${label}（该档次最低罚款${yuan(range.min)}）。`);
    } else {
      position = exemption === 'may_apply' ? 'inside' : 'below';
      if (position === 'below') reasons.push(`不予处罚，但案情不符合不予处罚条件，应在${label}内处罚。`);
    }
  }
  const outOfTier = fined && (tier === 'exempt' || (range !== null && position !== 'inside'));
  const exemptionIgnored = fined && exemption === 'applies';
  if (exemptionIgnored) reasons.push('依法应不予处罚（首违不罚、轻微违法不予处罚清单），却作出罚款决定。');
  let z: number | null = null;
  let deviates = false;
  if (fined && peers && peers.count >= rule.minCases) {
    z = robustZ(d.fine!, peers.median, peers.mad, rule.minSpreadShare);
    deviates = z > rule.z;
    if (deviates)
      reasons.push(
        `罚款偏离同类案件中位数${yuan(peers.median)}，稳健Z值${z.toFixed(1)}，超过阈值${rule.z}（同类案件${peers.count}件，中位数绝对偏差${yuan(peers.mad)}）。`,
      );
  }
  const review = position === 'above' || position === 'below' || outOfTier || exemptionIgnored || deviates;
  return { position, outOfTier, exemptionIgnored, robustZ: z, deviates, review, reasons };
}
