// The indicator library: every evaluation indicator, in the order the console lists them (by group).
import type { IndicatorDefinition } from './indicator.ts';
import { activeOfficerRate } from './active-officer-rate.ts';
import { certifiedCaseRate } from './certified-case-rate.ts';
import { certifiedOfficerRate } from './certified-officer-rate.ts';
import { delegationApprovedRate } from './delegation-approved-rate.ts';
import { delegationListedRate } from './delegation-listed-rate.ts';
import { inspectionsPerHundred } from './inspections-per-hundred.ts';
import { serviceVisitShare } from './service-visit-share.ts';
import { clueEscalationRate } from './clue-escalation-rate.ts';
import { clueOnTimeRate } from './clue-on-time-rate.ts';
import { jointInspectionRate } from './joint-inspection-rate.ts';
import { noticeAnsweredRate } from './notice-answered-rate.ts';
import { rectificationFirstPassRate } from './rectification-first-pass-rate.ts';
import { caseOverdueRate } from './case-overdue-rate.ts';
import { caseReviewScore } from './case-review-score.ts';
import { certifiedInspectionRate } from './certified-inspection-rate.ts';
import { codeInspectionRate } from './code-inspection-rate.ts';
import { deliveryOnTimeRate } from './delivery-on-time-rate.ts';
import { exemptionAppliedRate } from './exemption-applied-rate.ts';
import { overFrequencyRate } from './over-frequency-rate.ts';
import { penaltyDeviationRate } from './penalty-deviation-rate.ts';
import { repeatInspectionRate } from './repeat-inspection-rate.ts';
import { singleOfficerCaseRate } from './single-officer-case-rate.ts';
import { singleOfficerInspectionRate } from './single-officer-inspection-rate.ts';
import { caseAverageDays } from './case-average-days.ts';
import { fineCollectionRate } from './fine-collection-rate.ts';
import { inspectionCoverage } from './inspection-coverage.ts';
import { inspectionFindingRate } from './inspection-finding-rate.ts';
import { licenceOnTimeRate } from './licence-on-time-rate.ts';
import { modelClueRate } from './model-clue-rate.ts';
import { paymentOverdueRate } from './payment-overdue-rate.ts';
import { enforcementComplaintRate } from './enforcement-complaint-rate.ts';
import { fakeServiceRate } from './fake-service-rate.ts';
import { followupSatisfaction } from './followup-satisfaction.ts';
import { hotlineClosedRate } from './hotline-closed-rate.ts';

export const INDICATORS: readonly IndicatorDefinition[] = [
  // 队伍建设
  certifiedOfficerRate,
  activeOfficerRate,
  certifiedCaseRate,
  // 体制机制
  delegationApprovedRate,
  delegationListedRate,
  serviceVisitShare,
  inspectionsPerHundred,
  // 执法协同
  jointInspectionRate,
  clueOnTimeRate,
  rectificationFirstPassRate,
  clueEscalationRate,
  noticeAnsweredRate,
  // 执法规范
  codeInspectionRate,
  repeatInspectionRate,
  overFrequencyRate,
  singleOfficerInspectionRate,
  certifiedInspectionRate,
  caseOverdueRate,
  penaltyDeviationRate,
  exemptionAppliedRate,
  singleOfficerCaseRate,
  deliveryOnTimeRate,
  caseReviewScore,
  // 执法效能
  inspectionCoverage,
  inspectionFindingRate,
  caseAverageDays,
  licenceOnTimeRate,
  paymentOverdueRate,
  fineCollectionRate,
  modelClueRate,
  // 群众满意
  followupSatisfaction,
  fakeServiceRate,
  enforcementComplaintRate,
  hotlineClosedRate,
];

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.code === code);
}
