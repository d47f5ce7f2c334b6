// The planted violations: each planted record is written to ground_truth with the rule it breaks, so
// the supervision models can be scored (precision and recall) against known answers.
import type { Sinks } from './tables.ts';

/**
 * The violation codes (the model library is scored against exactly these). Each names a rule that
 * normal demo records never break; docs/demo-data.md gives the rule and its legal basis.
 */
export const VIOLATIONS = [
  'repeat_inspection', // one entity inspected by ≥ 3 different agencies within 7 days, not jointly
  'over_frequency', // one entity inspected for one inspection item more often in a year than max_per_year
  'fine_outside_tier', // fine outside the range of the baseline tier the facts select
  'fined_despite_exemption', // fined although the no-penalty list applies (first offence, corrected, no harm, listed item)
  'case_overdue', // decided more than 90 days after filing, or still open after 90 days (行政处罚法 第六十条)
  'single_officer', // inspection or case without an assisting officer (行政处罚法 第四十二条)
  'expired_certificate', // inspection by an officer whose certificate had expired on that date
  'delegation_off_whitelist', // delegation of a service that is not on the service whitelist
  'delegation_unapproved', // delegation without approval (委托报批)
  'fake_service_visit', // service visit that the entity's follow-up answer says was an inspection
  'licence_overdue', // licence decided later than the item's time limit (行政许可法 第四十二条)
  'payment_overdue', // fine paid after its due date, or unpaid past it (行政处罚法 第六十七条)
  'delivery_overdue', // decision delivered more than 7 days after it was made (行政处罚法 第六十一条)
  // How fines are collected (src/demo/collection.ts, 行政处罚法 第六十七条至第七十一条):
  'payment_on_spot_not_allowed', // a fine above 100 yuan collected on the spot (第六十八条)
  'payment_handover_late', // money collected on the spot handed to the agency, or banked, after 2 working days, or not at all (第七十一条)
  'payment_no_receipt', // collected on the spot with no 专用票据 number (第七十条)
  // Money after the decision (src/demo/surcharge.ts, 行政处罚法 第七十二条, 行政强制法 第四十五条), subject the case:
  'surcharge_over_fine', // 加处罚款 summed above the fine (第七十二条 第一款第（一）项, 行政强制法 第四十五条 第二款)
  'surcharge_over_rate', // 加处罚款 summed above 3% of the fine per day from the 缴款期限 to the day paid (第七十二条)
  'payment_overpaid', // more than the fine paid besides 加处罚款 (a fine paid twice)
  'closed_unpaid', // a fine case closed with less than the fine paid (第六十六条)
  'followup_complaint', // a follow-up answer with a serious complaint (吃拿卡要, 态度粗暴, 未出示证件, 未告知权利, 程序不规范)
  'followup_visit_count', // a follow-up answer counting far more inspections in its month than the records hold
  'followup_nobody_came', // a follow-up answer saying nobody came, about a recorded inspection
  'followup_fine_mismatch', // a follow-up answer saying the enterprise was fined, about a case decided with a warning or no penalty
  'delegation_enforcement', // an act of enforcement (patrol, inspection, evidence, fine collection) delegated to a company (行政处罚法 第二十条)
  'commitment_unverified', // a 告知承诺 licence not verified within 60 working days (浙江省保障"最多跑一次"改革规定 第十四条)
  'licence_issue_late', // a granted licence whose certificate was issued after 10 working days, or not by then (行政许可法 第四十四条)
  'licence_no_one_time_notice', // a one-time notice to supplement sent after 5 working days (行政许可法 第三十二条)
  'licence_refusal_no_reason', // a refusal whose written decision gave no reasons nor the right to review (行政许可法 第三十八条)
  'licence_more_than_one_visit', // complete materials, the applicant came more than once (浙江省保障“最多跑一次”改革规定 第二条)
  'licence_repeated_supplement', // the applicant told to supplement twice or more (行政许可法 第三十二条)
  'licence_not_published', // a grant published after the 7th working day (行政许可法 第四十条; the term a setting)
  'licence_renewal_late', // a renewal decided after the licence it renews expired (行政许可法 第五十条)
  // The rules that shape an inspection (src/demo/inspection-rules.ts), subject the inspection:
  'not_reported', // a 双随机 or joint inspection not reported to the agency's head beforehand (最多跑一次规定 第三十六条)
  'good_credit_overchecked', // an entity its agency's directory classes A randomly inspected by it more than twice in a calendar year (第二十一条 第二款; src/demo/inspection-plans.ts), subject the entity
  'risk_inverted', // an agency whose 双随机 draws of a year (20 or more of classed entities) fall on C/D entities less than half as often as its directory holds them (第二十一条 第二款), subject the agency
  'random_not_published', // a 双随机 inspection's result not published within 20 working days (综合行政执法条例 第二十一条)
  'targeted_no_trigger', // a complaint inspection that names no ticket (优化营商环境条例 第五十四条 第二款)
  'penalty_no_notice', // a fine or warning with no notice of the right to a defence before it (行政处罚法 第六十二条)
  'penalty_no_legal_review', // a fine of 50,000 yuan or more with no legal review by the decision (第五十八条)
  'penalty_past_limitation', // a case filed more than two years after the violation (第三十六条)
  'case_not_transferred', // an amount involved of 50,000 yuan or more, fined or warned, never transferred to the police (移送规定 第十一条)
  'agency_not_competent', // a fine or warning decided by an agency of another line, not comprehensive enforcement (行政处罚法 第十七条)
  'cert_out_of_scope', // a case filed by an officer whose valid certificate states a scope covering neither its item nor its line (行政处罚法 第四十二条)
  'no_court_application', // a fine unpaid nine months after delivery (six to sue, three to apply), never taken to court (行政强制法 第五十三条)
  'court_no_demand', // a court application with no demand served, or one served fewer than ten days before (行政强制法 第五十四条)
  'penalty_not_published', // a fine of 10,000 yuan or more not published within 7 working days of the decision (行政处罚法 第四十八条)
  'decided_in_hearing_period', // a fine of 10,000 yuan or more (decided or noticed), or with a licence revoked or a halt ordered, decided by the 5th working day after the notice, no hearing asked for (行政处罚法 第六十三条、第六十四条)
  'hearing_not_held', // a hearing asked for on a fine of 10,000 yuan or more (decided or noticed), or with a licence revoked or a halt ordered, none held by the decision (行政处罚法 第六十三条)
  'heavier_after_defence', // a fine decided above the fine the notice named (行政处罚法 第四十五条 第二款)
  'summary_over_limit', // a fine above 3,000 yuan decided on the spot under the summary procedure (行政处罚法 第五十一条)
  'summary_sanction', // a sanction other than a fine or warning decided on the spot (行政处罚法 第五十一条)
  'hearing_notice_late', // a hearing held before the 7th working day after its notice (行政处罚法 第六十四条（二）)
  'hearing_host_investigator', // a hearing presided over by one of the case's officers (行政处罚法 第六十四条（四）)
  'surcharge_during_review', // a fine paid late whose 加处罚款 counts the days of a reconsideration within the days late (行政处罚法 第七十三条 第三款), within 3% a day of all of them
  'heard_no_legal_review', // a case heard (举行听证日期) with no legal review by the decision, whatever the amount (行政处罚法 第五十八条（二）)
  'hearing_fee', // a hearing fee charged on the party of a case that asked for a hearing (行政处罚法 第六十四条（七）)
  // Coercive measures (src/demo/coercion.ts, 行政强制法):
  'coercion_over_long', // sealed, seized or frozen beyond 30 days, or 60 with an approved extension (第二十五条、第三十二条)
  'coercion_no_decision', // a measure whose record names no decision document (第二十四条、第三十一条)
  'coercion_goods_not_returned', // released, and the goods not returned within 3 days (第二十八条)
  'coercion_repeat_seal', // a sealing of an entity while another agency's sealing of it is in force (第二十三条 第二款)
  'coercion_night_holiday', // an act of 强制执行 begun at night or on a legal holiday, not marked urgent (第四十三条)
  'coercion_urgent_late_approval', // an urgent measure approved more than 24 hours after its start (第十九条)
  'coercion_storage_fee', // a storage fee for sealed or seized goods charged to the enterprise (第二十六条 第三款)
  'coercion_on_minor_case', // a sealing or seizure of a case decided 不予处罚 (第五条; 优化营商环境条例 第五十九条)
  'coercion_not_released', // a sealing or seizure of a case decided with a warning or 不予处罚, released more than 7 days after the decision (第二十八条)
  'coercion_enforcement_no_demand', // an act of 强制执行 of a case with no 催告 served on or before its start (第三十五条)
  'coercion_fine_enforced_early', // a 划拨 or 拍卖 for a fine unpaid, begun on or before the 30th day of 加处罚款 (第四十六条)
  'coercion_demolition_not_announced', // a 强制拆除 not announced before it, or begun within the deadline it set (第四十四条)
  'coercion_demolition_before_appeal_period', // a 强制拆除 begun within the six months to sue from the decision's delivery (第四十四条)
  'coercion_not_restored', // an auction of a case whose decision a review revoked or changed, nothing returned within 30 days of the review (or the auction, if later) (第四十一条)
  // Inspections planned, coded and merged (src/demo/inspection-plans.ts):
  'uncoded_inspection', // an inspection of 2025 or later citing no 行政行为码
  'code_mismatch', // an inspection of 2025 or later citing a code not its own (another entity's, expired, other officers, forged)
  'unplanned_inspection', // routine inspections of an agency and item no plan item of their year covers (agency/year/item)
  'plan_off_target', // a plan item of a year ended by the as-of day whose target is a third or three times what was done (agency/year/item)
  'sampling_bias', // a draw of the year after the as-of year that repeats 80% of the as-of year's entities (agency/year/item)
  'unmerged_overlap', // planned visits of two agencies to one entity, related items, < 30 days apart, never considered for merging
  'low_rating_officer', // an officer the enterprises rate low whoever they inspect with
  'low_rating_agency', // an agency rated low across its officers
  // Penalty and people patterns (src/demo/patterns.ts):
  'light_fined_heavily', // first offence, corrected, no or minor harm, fined in the 从重 tier or at the statutory maximum (行政处罚法 第五条)
  'auxiliary_only', // a case whose lead and assisting officers are both auxiliary staff (第四十二条)
  'fined_without_correction', // an entity fined three times for one item within a year, none corrected (第二十八条)
  'uniform_fine', // an agency fining one item in a year at one amount although the facts select two tiers (第五条) (agency)
  'selective_enforcement', // an agency letting two cases off and fining two of the same facts at the top in a year (第五条) (agency)
  // Outcomes of 行政复议 and 行政诉讼 against penalty cases (src/demo/reviews.ts):
  'review_not_carried_out', // a reconsideration decision revoking, changing or ordering to act, not carried out within 30 days (行政复议法 第七十七条)
  'review_not_withdrawn', // a corrected penalty decision not withdrawn within 3 working days (行政处罚法 第四十八条)
  'review_correction_rate', // an agency and item with ≥ 5 outcomes in 365 days, more than 30% correcting the decision (agency/item)
  'review_repeat_corrected', // an agency and item corrected ≥ 3 times in 365 days (agency/item)
  'review_late_answer', // an answer more than 10 working days (reconsideration) or a defence more than 15 days (lawsuit) after the copy was received
  'review_head_absent', // an agency whose head did not appear in more than half of ≥ 3 lawsuits of one year (agency)
  // What follows a transfer to the police (src/demo/cases.ts, 行政执法机关移送涉嫌犯罪案件的规定):
  'case_materials_handover_late', // the police filed the case; goods and materials handed over more than 3 days after the notice, or never (第十二条)
  'case_declined_not_handled', // the police declined; no decision on the case 30 days after the notice (第十条)
  // Cases decided on the records of electronic monitoring devices (src/demo/devices.ts, 行政处罚法 第四十一条):
  'device_unpublished', // the device's place published after the violation, or never
  'device_uncalibrated', // the device not reviewed by the violation, or its calibration lapsed
  'device_repeat_same_day', // one party fined twice for one item on one device's records, the violations ≤ 1 day apart (第二十九条)
  // Charges on enterprises around licences and inspections (src/demo/fees.ts, 优化营商环境条例):
  'fee_off_catalogue', // an administrative fee, fund or deposit naming no 目录清单 number (第二十五条)
  'fee_passed_on', // an intermediary's fee for a service the agency commissioned, paid by the enterprise (第四十三条 第三款)
  'fee_designated_intermediary', // a charge by a provider the agency named (第四十三条 第二款)
  'fee_training_charged', // a training or rating fee charged with an inspection or licence (第十七条 第二款)
  'licence_supervision_fee', // a fee the agency or its unit charged with its licence or inspection, off the catalogue (行政许可法 第五十八条)
  // Goods confiscated by penalty decisions (src/demo/confiscated.ts, 行政处罚法 第七十四条):
  'conf_not_disposed', // not disposed of within 90 days of the confiscation (a county's setting), or disposed of later
  'conf_proceeds_not_paid', // proceeds of a disposal not paid to the treasury within 30 days (a county's setting), or paid later
  'conf_irregular_disposal', // goods valued ≥ 5,000 yuan sold off or disposed of otherwise, or disposed of for less than half their valuation
] as const;

export type Violation = (typeof VIOLATIONS)[number];

/** The record a ground-truth row points at: a table's row (by id) or an entity (by USCC). */
export type RecordKind =
  | 'inspection'
  | 'case'
  | 'licence'
  | 'delivery'
  | 'payment'
  | 'coercive_measure'
  | 'enterprise_charge'
  | 'confiscated_goods'
  | 'delegation'
  | 'service_visit'
  | 'entity'
  | 'plan_item'
  | 'officer'
  | 'agency'
  | 'followup_task'
  | 'review_outcome'
  | 'agency_item';

export class GroundTruth {
  readonly counts = new Map<Violation, number>(VIOLATIONS.map((v) => [v, 0]));

  constructor(private readonly out: Sinks) {}

  plant(violation: Violation, kind: RecordKind, recordId: string, regionCode: string, detail: Record<string, unknown>): void {
    this.out.ground_truth.push([violation, kind, recordId, regionCode, JSON.stringify(detail)]);
    this.counts.set(violation, this.counts.get(violation)! + 1);
  }
}
