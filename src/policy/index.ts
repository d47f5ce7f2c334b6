// The policy layer: who may do what to which resource (src/policy/CONTEXT.md).
export {
  authorize,
  can,
  refusal,
  abilities,
  callerAbilities,
  type CallerAbilities,
  type Resource,
  type ResourceType,
} from './authorize.ts';
export {
  recordScope,
  aggregateScope,
  importScope,
  boundAgency,
  recordScopeLabel,
  presentRecord,
  citedRecords,
  agencyLinkSql,
  KIND_LABELS,
} from './records.ts';
export { RECORD_KINDS, RECORD_ACCESS, isRecordKind, type RecordKind } from './record-kinds.ts';
export {
  clueScope,
  clueScopeLabel,
  reportScope,
  consoleSourcesFor,
  CONSOLE_SOURCES,
  AGENCY_VISIBLE_STATUSES,
  ACTOR_LABELS,
} from './clues.ts';
export type { ClueActor, ClueFacts, ConsoleSource } from './clues.ts';
export { noticeScope } from './notices.ts';
export { batchScope } from './imports.ts';
export { onCallerPath } from './models.ts';
export { maskFor, maskRow, maskSql, seesInClear, type PersonalKind } from './personal-data.ts';
export { reviewFileScope } from './evaluation.ts';
export { followupResultsScope } from './followup.ts';
export { planScope, taskScope, suggestionScope } from './inspections.ts';
export { regionScope, regionAgencyScope } from './policy.ts';
export { covers } from './policy.ts';
export { hitScope } from './triage.ts';
