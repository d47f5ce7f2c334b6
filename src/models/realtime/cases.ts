// The penalty-case models judged in code when a case arrives (or is re-sent with its decision). Each
// mirrors its model's SQL in src/models/library/ (the reference).
import type { HitRow } from '../model.ts';
import { dayOf, isoOf } from './days.ts';
import type { Check, CheckContext, Hit, KindChecks } from './judge.ts';
import { levelsOf } from './inspections.ts';
import { uncertifiedOfficers } from './officers.ts';
import { isFined, TIERS, type BaselineVersion, type CaseFacts, type Tier } from './state.ts';

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
}

const one = (ctx: CheckContext, row: HitRow): Hit[] => [{ row, params: ctx.params }];
const fineOf = (r: CaseRow): number | null => (r.fine_amount === null ? null : Number(r.fine_amount));
const fined = (r: CaseRow): boolean => isFined({ decision: r.decision, fine: fineOf(r) });

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
  const list = (state.casesByEntity.get(r.entity_uscc) ?? []).filter((c) => c.item === r.item_code && isFined(c));
  const before = (a: CaseFacts, b: CaseFacts) => a.filed < b.filed || (a.filed === b.filed && a.id < b.id);
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

// 应免未免 (penalty-exempt-fined.ts): fined although the no-penalty list of its province, city or county applies.
const exemptFined: Check<CaseRow> = (r, ctx) => {
  const { state } = ctx;
  if (!fined(r) || !r.first_offence || !r.corrected || r.harm !== 'none') return [];
  const lists = levelsOf(r.region_code).filter((code) => state.exemptions.has(`${r.item_code}|${code}`));
  if (lists.length === 0) return [];
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

// 处罚决定无送达记录 (penalty-no-delivery.ts)
const noDelivery: Check<CaseRow> = (r, ctx) => {
  if ((r.decision !== 'fine' && r.decision !== 'warning') || r.decided_on === null) return [];
  const days = ctx.asOfDay - dayOf(r.decided_on);
  if (days <= ctx.params.after_days || ctx.state.cases.get(r.id)!.delivered) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    decided_on: r.decided_on,
    decision_label: r.decision === 'fine' ? '罚款' : '警告',
    as_of: ctx.asOf,
    days,
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

// 过罚不当 (penalty-out-of-tier.ts, sql-fragments.ts selectedTierCtes): the tier the facts select, its
// range over the baselines in force on the decision day (province, city, county), the fine outside it.
const outOfTier: Check<CaseRow> = (r, ctx) => {
  const { state } = ctx;
  const fine = fineOf(r);
  if (!fined(r) || fine === null || r.decided_on === null) return [];
  const day = dayOf(r.decided_on);
  const levels = levelsOf(r.region_code);
  const inForce = levels
    .map((code) => (state.baselines.get(`${r.item_code}|${code}`) ?? []).find((v) => v.from <= day && v.to > day) ?? null)
    .filter((v): v is BaselineVersion => v !== null);
  const listed = levels.some((code) => state.exemptions.has(`${r.item_code}|${code}`));
  const withMitigated = inForce.filter((v) => v.hasMitigated).length;
  let tier: Tier | 'exempt';
  if (listed && r.first_offence && r.corrected && r.harm === 'none') tier = 'exempt';
  else if (r.harm === 'serious') tier = 'severe';
  else if (r.first_offence && r.corrected) tier = inForce.length > 0 && withMitigated === inForce.length ? 'mitigated' : 'lenient';
  else if (r.first_offence || r.corrected) tier = 'lenient';
  else tier = 'general';
  // least / greatest over the levels ignore the levels without the tier (NULL when none has it).
  const bound = (end: 'min' | 'max'): number | null => {
    if (tier === 'exempt') return 0;
    const t = tier as (typeof TIERS)[number];
    const xs = inForce.map((v) => v[end][t]).filter((x): x is number => x !== undefined);
    return xs.length === 0 ? null : end === 'min' ? Math.min(...xs) : Math.max(...xs);
  };
  const tierMin = bound('min');
  const tierMax = bound('max');
  if (!(tier === 'exempt' || (tierMin !== null && fine < tierMin) || (tierMax !== null && fine > tierMax))) return [];
  return one(ctx, {
    ...caseHit(r),
    subject_name: subjectName(ctx, r.entity_uscc),
    item_name: itemName(ctx, r.item_code),
    facts_text: factsText(r),
    facts_tier_label: tierLabel(tier),
    stated_tier_label: tierLabel(r.tier),
    facts_tier: tier,
    tier_min: tierMin ?? 0,
    tier_max: tierMax ?? 0,
    fine_amount: fine,
    decided_on: r.decided_on,
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
  ],
  observe: (state, r) => state.putCase(r),
  checks: {
    PEN_ABOVE_STATUTORY: aboveStatutory,
    PEN_DOUBLE: double,
    PEN_EXEMPT_FINED: exemptFined,
    PEN_NO_DELIVERY: noDelivery,
    PEN_NO_PAYMENT: noPayment,
    PEN_OUT_OF_TIER: outOfTier,
    PEN_OVERDUE: overdue,
    PEN_SINGLE_OFFICER: singleOfficer,
    PEN_NO_CERT: uncertified,
  },
};
