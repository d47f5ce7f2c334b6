// A hit as the runner stages it (one row of model_hits_stage, in STAGE_COLUMNS order) and as triage
// reads it.
import { createHash } from 'node:crypto';
import type { Value } from '../../store/store.ts';
import { raw } from '../../store/sql.ts';
import type { Severity } from '../model.ts';
import type { BundleKind } from './filing.ts';

export const STAGE_COLUMNS = [
  'dedupe_key',
  'id',
  'region_code',
  'agency_id',
  'model_code',
  'severity',
  'title',
  'explanation',
  'evidence',
  'params',
  'subject_kind',
  'subject_id',
  'window_key',
  'bundle_kind',
  'bundle_id',
  'amount',
] as const;

export interface StagedHit {
  dedupe_key: string;
  id: string;
  region_code: string;
  agency_id: string | null;
  model_code: string;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: string;
  params: string;
  subject_kind: string;
  subject_id: string;
  window_key: string;
  bundle_kind: BundleKind;
  /** null: the record the hit is about names the enterprise; triage looks it up. */
  bundle_id: string | null;
  amount: number | null;
}

export function stagedHit(row: readonly Value[]): StagedHit {
  return Object.fromEntries(STAGE_COLUMNS.map((c, i) => [c, row[i]])) as unknown as StagedHit;
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

/** A hit's id from its dedupe key (the batch path computes the same in SQL: md5 is in both engines). */
export const hitId = (dedupeKey: string): string => 'HT-' + md5(dedupeKey).slice(0, 20);

/** A clue's id from its dedupe key, likewise. */
export const clueId = (dedupeKey: string): string => 'CL-' + md5(dedupeKey).slice(0, 16);

export const INSERT_HITS =
  raw(`INSERT INTO model_hits (id, dedupe_key, model_code, region_code, agency_id, subject_kind, subject_id, window_key,
  severity, title, explanation, evidence, params, run_id, found_on, found_at, bundle_subject, bundle_key, amount,
  score, score_severity, score_evidence, score_money, score_repetition, score_history, clue_id)`);
export const INSERT_CLUES =
  raw(`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence,
  params, status, deadline, created_at, updated_at, procedure, bundle_subject, bundle_key, risk_score, hit_count, number)`);
export const INSERT_EVENTS = raw(
  'INSERT INTO clue_events (id, clue_id, region_code, actor_user_id, action, from_status, to_status, comment, detail, occurred_at)',
);
