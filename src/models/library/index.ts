// The model library: every supervision model, in the order the console lists them.
import type { ModelDefinition } from '../model.ts';
import { repeatInspection } from './repeat-inspection.ts';
import { penaltyOutOfTier } from './penalty-out-of-tier.ts';
import { penaltyExemptFined } from './penalty-exempt-fined.ts';
import { penaltyDeviation } from './penalty-deviation.ts';
import { penaltyDispersion } from './penalty-dispersion.ts';
import { penaltyMaxShare } from './penalty-max-share.ts';
import { penaltyOverdue } from './penalty-overdue.ts';
import { penaltyDouble } from './penalty-double.ts';
import { penaltyDeliveryLate } from './penalty-delivery-late.ts';
import { penaltyPaymentOverdue } from './penalty-payment-overdue.ts';
import { paymentOnSpotNotAllowed } from './payment-on-spot-not-allowed.ts';
import { paymentHandoverLate } from './payment-handover-late.ts';
import { paymentNoReceipt } from './payment-no-receipt.ts';
import { paymentSurchargeOverFine } from './payment-surcharge-over-fine.ts';
import { paymentSurchargeOverRate } from './payment-surcharge-over-rate.ts';
import { paymentSurchargeDuringReview } from './payment-surcharge-during-review.ts';
import { paymentOverpaid } from './payment-overpaid.ts';
import { penaltyClosedUnpaid } from './penalty-closed-unpaid.ts';
import { penaltyGrowth } from './penalty-growth.ts';
import { penaltySingleOfficer } from './penalty-single-officer.ts';
import { penaltyAboveStatutory } from './penalty-above-statutory.ts';
import { penaltyNoDelivery } from './penalty-no-delivery.ts';
import { overFrequencyInspection } from './over-frequency-inspection.ts';
import { offListInspection } from './off-list-inspection.ts';
import { inspectionBurden } from './inspection-burden.ts';
import { singleOfficerInspection } from './single-officer-inspection.ts';
import { uncertifiedInspection } from './uncertified-inspection.ts';
import { uncodedInspection } from './uncoded-inspection.ts';
import { fakeServiceVisit } from './fake-service-visit.ts';
import { sameAgencyRepeatInspection } from './same-agency-repeat-inspection.ts';
import { officerOverload } from './officer-overload.ts';
import { overdueLicence } from './overdue-licence.ts';
import { unsupervisedLicence } from './unsupervised-licence.ts';
import { licenceIssueLate } from './licence-issue-late.ts';
import { licenceNoOneTimeNotice } from './licence-no-one-time-notice.ts';
import { licenceRefusalNoReason } from './licence-refusal-no-reason.ts';
import { licenceMoreThanOneVisit } from './licence-more-than-one-visit.ts';
import { licenceRepeatedSupplement } from './licence-repeated-supplement.ts';
import { licenceNotPublished } from './licence-not-published.ts';
import { licenceRenewalLate } from './licence-renewal-late.ts';
import { offListDelegation } from './off-list-delegation.ts';
import { unapprovedDelegation } from './unapproved-delegation.ts';
import { delegationFee } from './delegation-fee.ts';
import { providerConcentration } from './provider-concentration.ts';
import { officerEntityPair } from './officer-entity-pair.ts';
import { outlierOfficer } from './outlier-officer.ts';
import { closureNewUntriaged } from './closure-new-untriaged.ts';
import { closureAssignedOverdue } from './closure-assigned-overdue.ts';
import { closureSubmittedUnreviewed } from './closure-submitted-unreviewed.ts';
import { closureReturnedRepeatedly } from './closure-returned-repeatedly.ts';
import { followupLowSatisfaction } from './followup-low-satisfaction.ts';
import { followupComplaintAfterCase } from './followup-complaint-after-case.ts';
import { uncertifiedCase } from './uncertified-case.ts';
import { penaltyNoPayment } from './penalty-no-payment.ts';
import { inspectionCaseNotFiled } from './inspection-case-not-filed.ts';
import { hotlineOverdue } from './hotline-overdue.ts';
import { uncodedTaskInspection } from './uncoded-task-inspection.ts';
import { codeMismatchInspection } from './code-mismatch-inspection.ts';
import { unplannedInspection } from './unplanned-inspection.ts';
import { planDeviation } from './plan-deviation.ts';
import { samplingBias } from './sampling-bias.ts';
import { lowRatingAgency, lowRatingOfficer } from './low-rating.ts';
import { unmergedOverlap } from './unmerged-overlap.ts';
import { followupVisitCount } from './followup-visit-count.ts';
import { followupNobodyCame } from './followup-nobody-came.ts';
import { followupFineMismatch } from './followup-fine-mismatch.ts';
import { followupComplaint } from './followup-complaint.ts';
import { delegationEnforcementTask } from './delegation-enforcement-task.ts';
import { targetedNoTrigger } from './targeted-no-trigger.ts';
import { penaltyNoNotice } from './penalty-no-notice.ts';
import { penaltyNoLegalReview } from './penalty-no-legal-review.ts';
import { penaltyPastLimitation } from './penalty-past-limitation.ts';
import { caseNotTransferred } from './case-not-transferred.ts';
import { agencyNotCompetent } from './agency-not-competent.ts';
import { coercionOverLong } from './coercion-over-long.ts';
import { coercionNoDecision } from './coercion-no-decision.ts';
import { coercionGoodsNotReturned } from './coercion-goods-not-returned.ts';
import { penaltyLightHeavy } from './penalty-light-heavy.ts';
import { penaltyUniform } from './penalty-uniform.ts';
import { penaltyRepeatUncorrected } from './penalty-repeat-uncorrected.ts';
import { penaltySelective } from './penalty-selective.ts';
import { auxiliaryOnlyCase, auxiliaryOnlyInspection } from './auxiliary-only.ts';
import { reviewNotCarriedOut } from './review-not-carried-out.ts';
import { reviewNotWithdrawn } from './review-not-withdrawn.ts';
import { reviewLateAnswer } from './review-late-answer.ts';
import { reviewHeadAbsent } from './review-head-absent.ts';
import { caseMaterialsHandoverLate } from './case-materials-handover-late.ts';
import { caseDeclinedNotHandled } from './case-declined-not-handled.ts';
import { reviewCorrectionRate, reviewRepeatCorrected } from './review-corrections.ts';
import { deviceUnpublished } from './device-unpublished.ts';
import { deviceUnchecked } from './device-unchecked.ts';
import { deviceRepeatSameDay } from './device-repeat-same-day.ts';
import { feeOffCatalogue } from './fee-off-catalogue.ts';
import { feePassedOn } from './fee-passed-on.ts';
import { feeDesignatedIntermediary } from './fee-designated-intermediary.ts';
import { feeTrainingCharged } from './fee-training-charged.ts';
import { confiscatedNotDisposed } from './confiscated-not-disposed.ts';
import { confiscatedProceedsNotPaid } from './confiscated-proceeds-not-paid.ts';
import { confiscatedIrregularDisposal } from './confiscated-irregular-disposal.ts';
import { penaltyNoCourtApplication } from './penalty-no-court-application.ts';
import { penaltyCourtNoDemand } from './penalty-court-no-demand.ts';
import { penaltyNotPublished } from './penalty-not-published.ts';
import { penaltyDecidedInHearingPeriod } from './penalty-decided-in-hearing-period.ts';
import { penaltyHearingNotHeld } from './penalty-hearing-not-held.ts';
import { penaltyHeavierAfterDefence } from './penalty-heavier-after-defence.ts';
import { penaltySummaryOverLimit } from './penalty-summary-over-limit.ts';
import { penaltySummarySanction } from './penalty-summary-sanction.ts';
import { penaltyHearingNoticeLate } from './penalty-hearing-notice-late.ts';
import { penaltyHearingHostInvestigator } from './penalty-hearing-host-investigator.ts';
import { penaltyHearingFee } from './penalty-hearing-fee.ts';
import { penaltyHeardNoLegalReview } from './penalty-heard-no-legal-review.ts';
import { coercionRepeatSeal } from './coercion-repeat-seal.ts';
import { certOutOfScope } from './cert-out-of-scope.ts';
import { coercionNightHoliday } from './coercion-night-holiday.ts';
import { coercionUrgentLateApproval } from './coercion-urgent-late-approval.ts';
import { coercionStorageFee } from './coercion-storage-fee.ts';
import { coercionNotReleased } from './coercion-not-released.ts';
import { coercionOnMinorCase } from './coercion-on-minor-case.ts';
import { coercionFreezeOverAmount } from './coercion-freeze-over-amount.ts';
import { coercionNotRestored } from './coercion-not-restored.ts';
import { licenceSupervisionFee } from './licence-supervision-fee.ts';
import { inspectionNotReported } from './inspection-not-reported.ts';
import { randomInspectionNotPublished } from './random-inspection-not-published.ts';
import { goodCreditOverchecked } from './good-credit-overchecked.ts';
import { riskInverted } from './risk-inverted.ts';
import { coercionEnforcementNoDemand } from './coercion-enforcement-no-demand.ts';
import { coercionFineEnforcedEarly } from './coercion-fine-enforced-early.ts';
import { coercionDemolitionNotAnnounced } from './coercion-demolition-not-announced.ts';
import { coercionDemolitionBeforeAppealPeriod } from './coercion-demolition-before-appeal-period.ts';

export const MODELS: readonly ModelDefinition[] = [
  repeatInspection,
  penaltyOutOfTier,
  penaltyExemptFined,
  penaltyDeviation,
  penaltyDispersion,
  penaltyMaxShare,
  penaltyOverdue,
  penaltyDouble,
  penaltyDeliveryLate,
  penaltyPaymentOverdue,
  paymentOnSpotNotAllowed,
  paymentHandoverLate,
  paymentNoReceipt,
  paymentSurchargeOverFine,
  paymentSurchargeOverRate,
  paymentOverpaid,
  penaltyClosedUnpaid,
  penaltyGrowth,
  penaltySingleOfficer,
  penaltyAboveStatutory,
  penaltyNoDelivery,
  uncertifiedCase,
  penaltyNoPayment,
  overFrequencyInspection,
  offListInspection,
  inspectionBurden,
  singleOfficerInspection,
  uncertifiedInspection,
  uncodedInspection,
  fakeServiceVisit,
  sameAgencyRepeatInspection,
  officerOverload,
  inspectionCaseNotFiled,
  uncodedTaskInspection,
  codeMismatchInspection,
  unplannedInspection,
  planDeviation,
  samplingBias,
  unmergedOverlap,
  lowRatingOfficer,
  lowRatingAgency,
  overdueLicence,
  unsupervisedLicence,
  licenceIssueLate,
  licenceNoOneTimeNotice,
  licenceRefusalNoReason,
  licenceMoreThanOneVisit,
  licenceRepeatedSupplement,
  licenceNotPublished,
  licenceRenewalLate,
  offListDelegation,
  unapprovedDelegation,
  delegationFee,
  providerConcentration,
  officerEntityPair,
  outlierOfficer,
  closureNewUntriaged,
  closureAssignedOverdue,
  closureSubmittedUnreviewed,
  closureReturnedRepeatedly,
  hotlineOverdue,
  followupLowSatisfaction,
  followupComplaintAfterCase,
  followupVisitCount,
  followupNobodyCame,
  followupFineMismatch,
  followupComplaint,
  delegationEnforcementTask,
  targetedNoTrigger,
  penaltyNoNotice,
  penaltyNoLegalReview,
  penaltyPastLimitation,
  caseNotTransferred,
  agencyNotCompetent,
  coercionOverLong,
  coercionNoDecision,
  coercionGoodsNotReturned,
  penaltyLightHeavy,
  penaltyUniform,
  penaltyRepeatUncorrected,
  penaltySelective,
  auxiliaryOnlyCase,
  auxiliaryOnlyInspection,
  reviewNotCarriedOut,
  reviewNotWithdrawn,
  reviewCorrectionRate,
  reviewRepeatCorrected,
  deviceUnpublished,
  deviceUnchecked,
  deviceRepeatSameDay,
  feeOffCatalogue,
  feePassedOn,
  feeDesignatedIntermediary,
  feeTrainingCharged,
  confiscatedNotDisposed,
  confiscatedProceedsNotPaid,
  confiscatedIrregularDisposal,
  penaltyNoCourtApplication,
  penaltyCourtNoDemand,
  penaltyNotPublished,
  coercionRepeatSeal,
  certOutOfScope,
  coercionNightHoliday,
  coercionUrgentLateApproval,
  coercionStorageFee,
  coercionNotReleased,
  coercionOnMinorCase,
  coercionFreezeOverAmount,
  coercionNotRestored,
  licenceSupervisionFee,
  penaltyDecidedInHearingPeriod,
  penaltyHearingNotHeld,
  penaltyHeavierAfterDefence,
  penaltySummaryOverLimit,
  penaltySummarySanction,
  penaltyHearingNoticeLate,
  penaltyHearingHostInvestigator,
  penaltyHearingFee,
  reviewLateAnswer,
  reviewHeadAbsent,
  caseMaterialsHandoverLate,
  caseDeclinedNotHandled,
  inspectionNotReported,
  randomInspectionNotPublished,
  goodCreditOverchecked,
  riskInverted,
  coercionEnforcementNoDemand,
  coercionFineEnforcedEarly,
  coercionDemolitionNotAnnounced,
  coercionDemolitionBeforeAppealPeriod,
  penaltyHeardNoLegalReview,
  paymentSurchargeDuringReview,
];

export function findModel(code: string): ModelDefinition | undefined {
  return MODELS.find((m) => m.code === code);
}
