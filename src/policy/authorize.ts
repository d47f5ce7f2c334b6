// The one door: authorize(caller, action, resource) throws 403 with the policy's reason, or returns;
// can() answers the same question as a boolean; abilities() lists every action of a resource for a
// response's `can` object, so the console shows the buttons the server would accept and re-derives
// nothing from the role. Every route, the CLI and the jobs ask here (src/policy/CONTEXT.md).
import type { Caller } from '../auth/caller.ts';
import { KeduError, forbidden } from '../domain/errors.ts';
import type { Policy } from './policy.ts';
import { recordsPolicy } from './records.ts';
import { cluePolicy, cluesPolicy } from './clues.ts';
import { noticePolicy, noticesPolicy } from './notices.ts';
import { batchPolicy, batchesPolicy } from './imports.ts';
import { modelPolicy } from './models.ts';
import {
  assistantPolicy,
  auditPolicy,
  catalogPolicy,
  dashboardPolicy,
  portalPolicy,
  settingsPolicy,
  userPolicy,
  webhookPolicy,
} from './system.ts';
import { evaluationPolicy, reviewPolicy, situationReportPolicy } from './evaluation.ts';
import { campaignPolicy, followupResultsPolicy } from './followup.ts';
import { navigatorPolicy } from './navigator.ts';
import { localModelPolicy, triagePolicy } from './triage.ts';
import { inspectionWorkPolicy, inspectionsPolicy, mergeSuggestionPolicy } from './inspections.ts';

/** Every policy, by resource type. A new resource adds one line here (and its file). */
const POLICIES = {
  records: recordsPolicy,
  clue: cluePolicy,
  clues: cluesPolicy,
  notice: noticePolicy,
  notices: noticesPolicy,
  import_batch: batchPolicy,
  import_batches: batchesPolicy,
  model: modelPolicy,
  catalog: catalogPolicy,
  dashboard: dashboardPolicy,
  user: userPolicy,
  audit: auditPolicy,
  settings: settingsPolicy,
  webhook: webhookPolicy,
  portal: portalPolicy,
  assistant: assistantPolicy,
  evaluation: evaluationPolicy,
  situation_report: situationReportPolicy,
  case_review: reviewPolicy,
  followup_campaign: campaignPolicy,
  followup_results: followupResultsPolicy,
  navigator: navigatorPolicy,
  triage: triagePolicy,
  local_model: localModelPolicy,
  inspections: inspectionsPolicy,
  inspection_work: inspectionWorkPolicy,
  merge_suggestion: mergeSuggestionPolicy,
};

/** Resources anyone may act on without an account. */
const PUBLIC: ReadonlySet<ResourceType> = new Set(['portal']);

type Policies = typeof POLICIES;
export type ResourceType = keyof Policies;
type FactsOf<K extends ResourceType> = Policies[K] extends Policy<infer R, string> ? R : never;
export type ActionOf<K extends ResourceType> = Policies[K] extends Policy<unknown, infer A> ? A : never;
/** A resource as the policies take it: its type and its facts. */
export type Resource<K extends ResourceType = ResourceType> = { type: K } & FactsOf<K>;

function check<K extends ResourceType>(caller: Caller | null, action: ActionOf<K>, resource: Resource<K>): string | null {
  if (!caller) return PUBLIC.has(resource.type) ? null : 'unauthenticated';
  const policy = POLICIES[resource.type] as unknown as Policy<FactsOf<K>, ActionOf<K>>;
  return policy.check(caller, action, resource);
}

/** Throws 403 (401 without a caller) with the reason, unless the caller may take the action on the resource. */
export function authorize<K extends ResourceType>(caller: Caller | null, action: NoInfer<ActionOf<K>>, resource: Resource<K>): void {
  const reason = check(caller, action, resource);
  if (reason === 'unauthenticated') throw new KeduError('unauthenticated');
  if (reason !== null) throw forbidden(reason);
}

/** Why the caller may not take the action on the resource (the policy's Chinese reason), or null when they may. */
export function refusal<K extends ResourceType>(caller: Caller, action: NoInfer<ActionOf<K>>, resource: Resource<K>): string | null {
  return check(caller, action, resource);
}

export function can<K extends ResourceType>(caller: Caller | null, action: NoInfer<ActionOf<K>>, resource: Resource<K>): boolean {
  return check(caller, action, resource) === null;
}

/** Every action of the resource's policy → whether the caller may take it. */
export function abilities<K extends ResourceType>(caller: Caller, resource: Resource<K>): Record<ActionOf<K>, boolean> {
  const policy = POLICIES[resource.type] as unknown as Policy<FactsOf<K>, ActionOf<K>>;
  return Object.fromEntries(policy.actions.map((a) => [a, check(caller, a, resource) === null])) as Record<ActionOf<K>, boolean>;
}

/** The actions a caller may take at all, for the console's navigation and pages (GET /auth/me). */
export function callerAbilities(caller: Caller) {
  return {
    readRecords: can(caller, 'list', { type: 'records', kind: 'inspections' }),
    importRecords: can(caller, 'import', { type: 'records', kind: 'inspections' }),
    exportRecords: can(caller, 'export', { type: 'records', kind: 'inspections' }),
    readImports: can(caller, 'list', { type: 'import_batches' }),
    runModels: can(caller, 'run', { type: 'model' }),
    configureModels: can(caller, 'configure', { type: 'model' }),
    createClues: can(caller, 'create', { type: 'clues' }),
    manageClues: can(caller, 'manage', { type: 'clues' }),
    // Acting as the assigned agency on a clue of the caller's own agency (signing, rectifying): agency staff.
    rectifyClues:
      !!caller.agencyId &&
      can(caller, 'assigned_agency', {
        type: 'clue',
        clue: { id: '', region_code: caller.regionCode, agency_id: caller.agencyId, status: 'assigned', created_by: null, case_id: null },
      }),
    takeInHotline: can(caller, 'take_in_hotline', { type: 'clues' }),
    escalateClues: can(caller, 'escalate', { type: 'clues' }),
    issueNotices: can(caller, 'issue', { type: 'notices' }),
    manageUsers: can(caller, 'list', { type: 'user' }),
    readAudit: can(caller, 'read', { type: 'audit' }),
    manageWebhooks: can(caller, 'manage', { type: 'webhook' }),
    manageFollowup: can(caller, 'manage', { type: 'followup_campaign' }),
    readFollowupResults: can(caller, 'read', { type: 'followup_results' }),
    scoreRegions: can(caller, 'score', { type: 'evaluation', level: 'region' }),
    rankAgencies: can(caller, 'score', { type: 'evaluation', level: 'agency' }),
    drillEvaluation: can(caller, 'drill', { type: 'evaluation' }),
    configureEvaluation: can(caller, 'configure', { type: 'evaluation' }),
    readReports: can(caller, 'read', { type: 'situation_report' }),
    generateReports: can(caller, 'generate', { type: 'situation_report' }),
    readReviews: can(caller, 'read', { type: 'case_review' }),
    organizeReviews: can(caller, 'organize', { type: 'case_review' }),
    configureReviews: can(caller, 'configure', { type: 'case_review' }),
    assessCases: can(caller, 'assess', { type: 'navigator' }),
    reviewDecisions: can(caller, 'review', { type: 'navigator' }),
    readInspections: can(caller, 'read', { type: 'inspections' }),
    // Drawing and adjusting plans, coding and revoking tasks for the caller's own agency (an admin: any of the region).
    workInspections: can(caller, 'draw', { type: 'inspection_work', agencyId: caller.agencyId ?? '', regionCode: caller.regionCode }),
    suggestMerges: can(caller, 'suggest_merges', { type: 'inspections' }),
    // Accepting or declining the merge suggestions one's own agency's tasks are in.
    decideMerges: !!caller.agencyId && can(caller, 'decide', { type: 'merge_suggestion', memberAgencies: [caller.agencyId] }),
  };
}
export type CallerAbilities = ReturnType<typeof callerAbilities>;
