// The penalty-case models judged in code when a case arrives (or is re-sent with its decision). Each
// mirrors its model's SQL in src/models/library/ (the reference).
import type { HitRow } from '../model.ts';
import { dayOf, isoOf } from './days.ts';
import { addYears } from '../../domain/dates.ts';
import { workdaysBetween } from '../../domain/workdays.ts';
import { workdaysLate } from '../window.ts';
import type { Check, CheckContext, Hit, KindChecks } from './judge.ts';
import { levelsOf } from './inspections.ts';
import { auxiliaryOnlyNames, uncertifiedOfficers } from './officers.ts';
import { byId, isFined, type CaseFacts, type ModelGroups, type RealtimeState } from './state.ts';
import { spreadOf } from '../../domain/robust-stats.ts';
import { COMPREHENSIVE_LINE } from '../library/agency-not-competent.ts';
import { exemptionFinding, reviewDecision, selectTier, type Harm } from '../../catalog/discretion.ts';

/** A case as the cases table stores it (the columns the checks read). */
export interface CaseRow {
  id: string;
  region_code: string;
  agency_id: string;
  item_code: string;
  entity_uscc: string;
  inspection_id: string | null;
  filed_on: string;
  first_offence: boolean;
  corrected: boolean;
  harm: string;
  lead_officer_id: string;
  assist_officer_id: string | null;
  decided_on: string | null;
  decision: string | null;
  tier: string | null;
  fine_amount: number | null;
  status: string;
  occurred_on: string | null;
  notified_on: string | null;
  legal_review_on: string | null;
  amount_involved: number | null;
  transferred_on: string | null;
  source_system: string;
}

const one = (ctx: CheckContext, row: HitRow): Hit[] => [{ row, params: ctx.params }];
const fineOf = (r: CaseRow): number | null => (r.fine_amount === null ? null : Number(r.fine_amount));
const fined = (r: CaseRow): boolean => isFined({ decision: r.decision, fine: fineOf(r) });
/** A fine or a warning decided: what the delivery, notice, transfer and competence checks judge. */
const penalised = (r: CaseRow): r is CaseRow & { decided_on: string } =>
  (r.decision === 'fine' || r.decision === 'warning') && r.decided_on !== null;
const decisionLabel = (r: CaseRow) => (r.decision === 'fine' ? '罚款' : r.decision === 'warning' ? '警告' : '其他处罚');

const TIER_LABELS: Record<string, string> = {
  exempt: '不予处罚',
  mitigated: '减轻处罚',
  lenient: '从轻处罚',
  general: '一般',
  severe: '从重处罚',
};
/** sql-fragments.ts tierLabel */
export const tierLabel = (tier: string | null): string => (tier === null ? '未载明' : (TIER_LABELS[tier] ?? tier));

/** sql-fragments.ts factsText */
const factsText = (r: CaseRow): string =>
  `${r.first_offence ? '初次违法' : '非初次违法'}、${r.corrected ? '已及时改正' : '未及时改正'}、${
    r.harm === 'none' ? '未造成危害后果' : r.harm === 'minor' ? '危害后果轻微' : '造成较大危害后果'
  }`;

/** The columns most case hits start with: the case as subject and evidence. */
function caseHit(r: CaseRow): Pick<HitRow, 'subject_kind' | 'subject_id' | 'region_code' | 'agency_id' | 'window_key' | 'evidence_ids'> {
  return { subject_kind: 'case', subject_id: r.id, region_code: r.region_code, agency_id: r.agency_id, window_key: '', evidence_ids: r.id };
}

const subjectName = (ctx: CheckContext, uscc: string) => ctx.state.entity(uscc)?.name ?? uscc;
const itemName = (ctx: CheckContext, code: string) => ctx.state.items.get(code)?.name ?? code;

// 超出法定罚款幅度 (penalty-above-statutory.ts)
const aboveStatutory: Check<CaseRow> = (r, ctx) => {
  const item = ctx.state.items.get(r.item_code);
  const fine = fineOf(r);
  if (!item || !fined(r) || fine === null) return [];
  const above = item.fineMax !== null && fine > item.fineMax;
  const below = item.fineMin !== null && fine < item.fineMin && r.tier !== 'mitigated' && r.tier !== 'exempt';
  if (!above && !below) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: item.name,
    fine_amount: fine,
    fine_min: item.fineMin,
    fine_max: item.fineMax,
    direction: above ? '高于' : '低于',
    stated_tier_label: tierLabel(r.tier),
  });
};

// 一事二罚 (penalty-double.ts): the later of two fines of one entity for one item filed within window_days.
// The record is judged as the later case, and as the earlier case of later ones within their windows.
const double: Check<CaseRow> = (r, ctx) => {
  const { state } = ctx;
  if (!fined(r)) return [];
  const me = state.cases.get(r.id)!;
  const list = state.casesOf(r.entity_uscc).filter((c) => c.item === r.item_code && isFined(c));
  const before = (a: CaseFacts, b: CaseFacts) => a.filed < b.filed || (a.filed === b.filed && byId(a, b) < 0);
  const hits: Hit[] = [];
  for (const b of list) {
    const group = ctx.groups.of(b.region);
    if (!group?.enabled) continue;
    const W = group.params.window_days;
    if (b !== me && !(before(me, b) && b.filed <= me.filed + W)) continue;
    let a: CaseFacts | null = null;
    for (const c of list) if (c !== b && before(c, b) && b.filed <= c.filed + W && (!a || before(a, c))) a = c;
    if (!a) continue;
    hits.push({
      row: {
        subject_kind: 'case',
        subject_id: b.id,
        region_code: b.region,
        agency_id: b.agency,
        window_key: '',
        evidence_ids: `${a.id},${b.id}`,
        subject_name: subjectName(ctx, b.entity),
        item_name: itemName(ctx, b.item),
        first_filed_on: isoOf(a.filed),
        first_agency: state.agencyName(a.agency),
        first_fine: a.fine,
        filed_on: isoOf(b.filed),
        agency_name: state.agencyName(b.agency),
        fine_amount: b.fine,
        gap_days: b.filed - a.filed,
      },
      params: group.params,
    });
  }
  return hits;
};

/** The decision of a case row, as the discretion rules read it. */
const decisionOf = (r: CaseRow) => ({ decision: r.decision as 'fine' | 'warning' | 'no_penalty', fine: fineOf(r) });
const factsOf = (r: CaseRow) => ({ firstOffence: r.first_offence, corrected: r.corrected, harm: r.harm as Harm });

// 应免未免 (penalty-exempt-fined.ts): fined although the no-penalty list of its province, city or county applies.
const exemptFined: Check<CaseRow> = (r, ctx) => {
  const { state } = ctx;
  if (!fined(r)) return [];
  const lists = levelsOf(r.region_code).filter((code) => state.exemptions.has(`${r.item_code}|${code}`));
  const finding = exemptionFinding(factsOf(r), lists.length > 0);
  // The tier and the peers do not matter to this reading: only whether a fine ignores the exemption.
  if (!reviewDecision(decisionOf(r), 'general', null, finding.status, null, NO_PEERS).exemptionIgnored) return [];
  const names = [...new Set(lists.map((code) => state.regionNames.get(code) ?? code))].sort();
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    facts_text: factsText(r),
    list_regions: names.join('、'),
    stated_tier_label: tierLabel(r.tier),
    fine_amount: fineOf(r),
    decided_on: r.decided_on,
  });
};

/** No peer comparison (a check that reads only the tier or the exemption). */
const NO_PEERS = { z: Infinity, minCases: Infinity, minSpreadShare: 0 };

// 处罚决定无送达记录 (penalty-no-delivery.ts)
const noDelivery: Check<CaseRow> = (r, ctx) => {
  if (!penalised(r)) return [];
  if (!workdaysLate(r.decided_on, ctx.asOf, ctx.params.after_days) || ctx.state.cases.get(r.id)!.delivered) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    decided_on: r.decided_on,
    decision_label: decisionLabel(r),
    as_of: ctx.asOf,
    workdays: workdaysBetween(r.decided_on, ctx.asOf),
  });
};

// 罚款决定无缴款记录 (penalty-no-payment.ts)
const noPayment: Check<CaseRow> = (r, ctx) => {
  if (!fined(r) || r.decided_on === null) return [];
  const days = ctx.asOfDay - dayOf(r.decided_on);
  if (days <= ctx.params.after_days || ctx.state.cases.get(r.id)!.paid) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    decided_on: r.decided_on,
    fine_amount: fineOf(r),
    as_of: ctx.asOf,
    days,
  });
};

// 过罚不当 (penalty-out-of-tier.ts, sql-fragments.ts selectedTierCtes): the tier the facts select in the
// baseline governing the decision day (src/catalog/discretion.ts), the fine outside its range.
const outOfTier: Check<CaseRow> = (r, ctx) => {
  const { state } = ctx;
  const fine = fineOf(r);
  if (!fined(r) || fine === null || r.decided_on === null) return [];
  const governing = state.baselines.effective(r.item_code, r.region_code, r.decided_on)?.baseline;
  const listed = levelsOf(r.region_code).some((code) => state.exemptions.has(`${r.item_code}|${code}`));
  const { tier } = selectTier(factsOf(r), listed, governing?.tiers.some((t) => t.tier === 'mitigated') ?? false);
  const t = governing?.tiers.find((x) => x.tier === tier);
  const range = t ? { min: t.fine_min, max: t.fine_max } : null;
  const finding = exemptionFinding(factsOf(r), listed);
  if (!reviewDecision(decisionOf(r), tier, range, finding.status, null, NO_PEERS).outOfTier) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    facts_text: factsText(r),
    facts_tier_label: tierLabel(tier),
    stated_tier_label: tierLabel(r.tier),
    facts_tier: tier,
    tier_min: tier === 'exempt' ? 0 : (range?.min ?? 0),
    tier_max: tier === 'exempt' ? 0 : (range?.max ?? 0),
    fine_amount: fine,
    decided_on: r.decided_on,
  });
};

/**
 * The peer group a case belongs to for PEN_DEVIATION (penalty-deviation.ts) — its city and stated tier,
 * `city|tier` — when it is a fine decided in the look-back window ending on asOf; else null. The one
 * definition of a peer: the check below and the navigator's history both group by it.
 */
export function peerGroupOf(c: CaseFacts, asOfDay: number, lookbackDays: number): string | null {
  if (c.tier === null || c.decided === null || c.decided > asOfDay || c.decided <= asOfDay - lookbackDays || !isFined(c)) return null;
  return `${c.region.slice(0, 4)}|${c.tier}`;
}

/**
 * PEN_DEVIATION's peers of a decision: the fines of its peer group (same item, city and stated tier, in
 * the window), among the cases of the run group the region falls in (a batch run forms its groups so).
 */
export function deviationPeers(
  state: RealtimeState,
  groups: ModelGroups,
  region: string,
  item: string,
  tier: string,
  asOfDay: number,
  lookbackDays: number,
): number[] {
  const key = `${region.slice(0, 4)}|${tier}`;
  const group = groups.groups.length > 1 ? groups.of(region) : undefined;
  const fines: number[] = [];
  for (const c of state.casesByItem.get(item) ?? []) {
    if (peerGroupOf(c, asOfDay, lookbackDays) !== key || (group !== undefined && groups.of(c.region) !== group)) continue;
    fines.push(c.fine!);
  }
  return fines;
}

/** The robust z as the SQL rounds it: DuckDB casts a double to DECIMAL(18,3), then round(…, 1). */
const roundZ = (z: number) => Math.round(Math.round(z * 1000) / 100) / 10;

// 裁量偏离 (penalty-deviation.ts): a fine far from the median of its peers, in robust units.
const deviation: Check<CaseRow> = (r, ctx) => {
  const fine = fineOf(r);
  if (!fined(r) || fine === null || r.tier === null || r.decided_on === null) return [];
  const { params } = ctx;
  const day = dayOf(r.decided_on);
  if (day > ctx.asOfDay || day <= ctx.asOfDay - params.lookback_days) return [];
  const peers = spreadOf(deviationPeers(ctx.state, ctx.groups, r.region_code, r.item_code, r.tier, ctx.asOfDay, params.lookback_days));
  if (!peers) return [];
  const rule = { z: params.z, minCases: params.min_cases, minSpreadShare: params.min_spread_share };
  const review = reviewDecision(decisionOf(r), 'general', null, 'not_applicable', peers, rule);
  if (!review.deviates) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    tier_label: tierLabel(r.tier),
    fine_amount: fine,
    peer_count: peers.count,
    median_fine: peers.median,
    mad: peers.mad,
    robust_z: roundZ(review.robustZ!),
  });
};

// 超期办案 (penalty-overdue.ts)
const overdue: Check<CaseRow> = (r, ctx) => {
  if (r.decided_on === null && r.status !== 'open') return [];
  const filed = dayOf(r.filed_on);
  if (filed > ctx.asOfDay) return [];
  const days = (r.decided_on === null ? ctx.asOfDay : dayOf(r.decided_on)) - filed;
  if (days <= ctx.params.limit_days) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    filed_on: r.filed_on,
    state: r.decided_on === null ? `截至${ctx.asOf}仍未作出处罚决定` : `于${r.decided_on}作出处罚决定`,
    days,
  });
};

// 案件单人办理 (penalty-single-officer.ts)
const singleOfficer: Check<CaseRow> = (r, ctx) => {
  if (r.assist_officer_id !== null && r.assist_officer_id !== '' && r.assist_officer_id !== r.lead_officer_id) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    filed_on: r.filed_on,
    officer_name: ctx.state.officerName(r.lead_officer_id) ?? r.lead_officer_id,
    lead_officer_id: r.lead_officer_id,
  });
};

// 无证办案 (uncertified-case.ts)
const uncertified: Check<CaseRow> = (r, ctx) => {
  const { state } = ctx;
  const bad = uncertifiedOfficers(state, r.lead_officer_id, r.assist_officer_id, dayOf(r.filed_on));
  if (!bad) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: state.entity(r.entity_uscc)?.name ?? r.entity_uscc,
    entity_uscc: r.entity_uscc,
    agency_name: state.agencyName(r.agency_id),
    on_day: r.filed_on,
    ...bad,
  });
};

// 重大处罚决定无法制审核记录 (penalty-no-legal-review.ts)
const noLegalReview: Check<CaseRow> = (r, ctx) => {
  const fine = fineOf(r);
  if (r.decision !== 'fine' || r.decided_on === null || fine === null || fine < ctx.params.major_fine) return [];
  if (r.legal_review_on !== null && r.legal_review_on <= r.decided_on) return [];
  if (!ctx.state.reviewSystems.has(r.source_system)) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    decided_on: r.decided_on,
    fine_amount: fine,
    review_text: r.legal_review_on === null ? '案件没有法制审核记录' : `法制审核日期为${r.legal_review_on}，晚于决定日期`,
  });
};

// 处罚决定前无告知记录 (penalty-no-notice.ts)
const noNotice: Check<CaseRow> = (r, ctx) => {
  if (r.decided_on === null || !(penalised(r) || r.decision === 'other')) return [];
  if (r.notified_on !== null && r.notified_on <= r.decided_on) return [];
  if (!ctx.state.noticeSystems.has(r.source_system)) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    decided_on: r.decided_on,
    decision_label: decisionLabel(r),
    notice_text: r.notified_on === null ? '案件没有告知日期记录' : `告知日期为${r.notified_on}，晚于决定日期`,
  });
};

// 超过追责时效立案 (penalty-past-limitation.ts)
const pastLimitation: Check<CaseRow> = (r, ctx) => {
  if (r.occurred_on === null || !(r.filed_on > addYears(r.occurred_on, ctx.params.years))) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    occurred_on: r.occurred_on,
    filed_on: r.filed_on,
  });
};

// 小过重罚 (penalty-light-heavy.ts): a light case (first offence, corrected, no or minor harm) fined at
// the top — the governing baseline's 从重 tier, 从重 stated, or near the statutory maximum without one.
const lightHeavy: Check<CaseRow> = (r, ctx) => {
  const fine = fineOf(r);
  if (!fined(r) || fine === null || r.decided_on === null || !r.first_offence || !r.corrected) return [];
  if (r.harm !== 'none' && r.harm !== 'minor') return [];
  const severe = ctx.state.baselines.effective(r.item_code, r.region_code, r.decided_on)?.baseline.tiers.find((t) => t.tier === 'severe');
  const severeMin = severe?.fine_min ?? null;
  const severeMax = severe?.fine_max ?? null;
  const statutoryMax = ctx.state.items.get(r.item_code)?.fineMax ?? null;
  const pct = ctx.params.near_max_pct;
  const nearMax = severeMin === null && statutoryMax !== null && statutoryMax > 0 && fine >= (pct * statutoryMax) / 100;
  const inSevere = severeMin !== null && fine >= severeMin;
  if (r.tier !== 'severe' && !inSevere && !nearMax) return [];
  const yuan = (x: number) => String(Math.round(x));
  const topText = inSevere
    ? severeMax === null
      ? null
      : `达到裁量基准“从重处罚”档次（${yuan(severeMin)}元至${yuan(severeMax)}元）`
    : severeMin === null && statutoryMax !== null && fine >= (pct * statutoryMax) / 100
      ? `决定日没有施行的裁量基准从重档次，罚款达到法定最高额${yuan(statutoryMax)}元的${String(pct)}%以上`
      : '决定书载明从重处罚';
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    facts_text: factsText(r),
    stated_tier_label: tierLabel(r.tier),
    fine_amount: fine,
    decided_on: r.decided_on,
    severe_min: severeMin,
    statutory_max: statutoryMax,
    top_text: topText,
  });
};

// 以罚代管 (penalty-repeat-uncorrected.ts): the entity's earliest series of min_fines fines or more for
// the record's item within window_days, none of them corrected. The subject is the entity, the window
// the series' first case: the record is judged by the series of its entity and item as they stand now.
const repeatUncorrected: Check<CaseRow> = (r, ctx) => {
  if (!fined(r)) return [];
  const { state, params, groups, group } = ctx;
  const byGroup = groups.groups.length > 1;
  const fines = state
    .casesOf(r.entity_uscc)
    .filter((c) => c.item === r.item_code && isFined(c))
    .filter((c) => !byGroup || groups.of(c.region) === group)
    .sort((a, b) => a.filed - b.filed || byId(a, b));
  for (let i = 0; i < fines.length; i++) {
    const a = fines[i];
    if (a.corrected) continue;
    let j = i;
    while (j + 1 < fines.length && fines[j + 1].filed - a.filed <= params.window_days) j++;
    const series = fines.slice(i, j + 1);
    if (series.length < params.min_fines || series.some((c) => c.corrected)) continue;
    const last = series[series.length - 1].filed;
    const agencies = new Set(fines.filter((c) => c.filed >= a.filed && c.filed <= last).map((c) => state.agencyName(c.agency)!));
    return one(ctx, {
      subject_kind: 'entity',
      subject_id: r.entity_uscc,
      region_code: a.region,
      agency_id: a.agency,
      window_key: `${a.item}|${a.id}`,
      evidence_ids: series.map((c) => c.id).join(','),
      subject_name: subjectName(ctx, r.entity_uscc),
      item_name: itemName(ctx, r.item_code),
      first_filed_on: isoOf(a.filed),
      last_filed_on: isoOf(last),
      span_days: last - a.filed,
      fine_count: series.length,
      fine_total: Math.round(series.reduce((s, c) => s + c.fine!, 0) * 100) / 100,
      agency_names: [...agencies].sort().join('、'),
    });
  }
  return [];
};

// 辅助人员独立办案 (auxiliary-only.ts)
const auxiliaryOnly: Check<CaseRow> = (r, ctx) => {
  const names = auxiliaryOnlyNames(ctx.state, r.lead_officer_id, r.assist_officer_id);
  if (names === null) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    agency_name: ctx.state.agencyName(r.agency_id),
    on_day: r.filed_on,
    lead_officer_id: r.lead_officer_id,
    officer_names: names,
  });
};

// 达到移送金额的案件未移送公安机关 (case-not-transferred.ts)
const notTransferred: Check<CaseRow> = (r, ctx) => {
  const amount = r.amount_involved === null ? null : Number(r.amount_involved);
  if (!penalised(r)) return [];
  if (amount === null || amount < ctx.params.threshold || r.transferred_on !== null) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    amount_involved: amount,
    decided_on: r.decided_on,
    decision_label: decisionLabel(r),
  });
};

// 处罚主体与事项条线不符 (agency-not-competent.ts)
const notCompetent: Check<CaseRow> = (r, ctx) => {
  if (!penalised(r)) return [];
  const { state } = ctx;
  const agency = state.agencies.get(r.agency_id);
  const item = state.items.get(r.item_code);
  if (!agency) return [];
  const entrusted = agency.legalStatus === 'entrusted';
  if (!entrusted && (!item || agency.line === item.line || agency.line === COMPREHENSIVE_LINE)) return [];
  const line = (code: string) => state.lineNames.get(code) ?? code;
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    agency_name: agency.name,
    decided_on: r.decided_on,
    decision_label: decisionLabel(r),
    reason_text: entrusted
      ? '该主体登记为受委托组织，决定以其自身名义作出'
      : `该主体为${line(agency.line)}条线，该事项为${line(item!.line)}条线的事项`,
  });
};

export const caseChecks: KindChecks<CaseRow> = {
  parts: ['certificates', 'cases'],
  columns: [
    'id',
    'region_code',
    'agency_id',
    'item_code',
    'entity_uscc',
    'inspection_id',
    'filed_on',
    'first_offence',
    'corrected',
    'harm',
    'lead_officer_id',
    'assist_officer_id',
    'decided_on',
    'decision',
    'tier',
    'fine_amount',
    'status',
    'occurred_on',
    'notified_on',
    'legal_review_on',
    'amount_involved',
    'transferred_on',
    'source_system',
  ],
  observe: (state, r) => state.putCase(r),
  checks: {
    PEN_ABOVE_STATUTORY: aboveStatutory,
    PEN_DOUBLE: double,
    PEN_EXEMPT_FINED: exemptFined,
    PEN_NO_DELIVERY: noDelivery,
    PEN_NO_PAYMENT: noPayment,
    PEN_OUT_OF_TIER: outOfTier,
    PEN_DEVIATION: deviation,
    PEN_OVERDUE: overdue,
    PEN_SINGLE_OFFICER: singleOfficer,
    PEN_NO_CERT: uncertified,
    PEN_NO_LEGAL_REVIEW: noLegalReview,
    PEN_NO_NOTICE: noNotice,
    PEN_PAST_LIMITATION: pastLimitation,
    PEN_LIGHT_HEAVY: lightHeavy,
    PEN_REPEAT_UNCORRECTED: repeatUncorrected,
    OFF_AUX_CASE: auxiliaryOnly,
    CASE_NOT_TRANSFERRED: notTransferred,
    AGENCY_NOT_COMPETENT: notCompetent,
  },
};
