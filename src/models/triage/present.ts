// What a supervisor reads of triage on a clue's page: the file (档) the clue is, its score explained
// part by part in Chinese, and every hit it holds, each with its own score and explanation.
import type { Store } from '../../store/store.ts';
import { sql } from '../../store/sql.ts';
import { findModel } from '../library/index.ts';
import type { Severity } from '../model.ts';
import { BUNDLE_LABELS, BUNDLE_KINDS, type BundleKind } from './filing.ts';
import { PROCEDURE_LABELS, type Procedure } from './procedure.ts';
import { explainScore, scoreSentence, type ScoreParts } from './score.ts';

/** The kind of a file from its subject (kind|id|model). */
export function bundleKindOf(subject: string | null): BundleKind | null {
  const kind = subject?.split('|')[0];
  return (BUNDLE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as BundleKind) : null;
}

/** A clue's procedure as the console shows it: 预警 never has a clue; NULL (other sources) is the full loop. */
export function procedureOf(procedure: string | null): { procedure: Exclude<Procedure, 'warning'>; procedureLabel: string } {
  const p = procedure === 'simple' ? 'simple' : 'general';
  return { procedure: p, procedureLabel: PROCEDURE_LABELS[p] };
}

interface HitRow {
  id: string;
  model_code: string;
  subject_kind: string;
  subject_id: string;
  window_key: string;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: string;
  found_on: string;
  amount: number | string | null;
  score: number;
  score_severity: number;
  score_evidence: number;
  score_money: number;
  score_repetition: number;
  score_history: number;
}

/** At most this many hits on a clue's page (a systemic file can hold thousands); the count is the clue's hit_count. */
export const HITS_SHOWN = 200;

/** The hits of a clue, best first, each with its score in parts and in words. */
export async function clueHits(store: Store, clueId: string, subject: string | null) {
  const kind = bundleKindOf(subject) ?? 'entity';
  const rows = await store.query<HitRow>(
    sql`SELECT id, model_code, subject_kind, subject_id, window_key, severity, title, explanation, evidence, found_on, amount, score,
           score_severity, score_evidence, score_money, score_repetition, score_history
        FROM model_hits WHERE clue_id = ${clueId} ORDER BY score DESC, found_at, id LIMIT ${HITS_SHOWN}`,
  );
  return rows.map((r) => {
    const parts: ScoreParts = {
      severity: Number(r.score_severity),
      evidence: Number(r.score_evidence),
      money: Number(r.score_money),
      repetition: Number(r.score_repetition),
      history: Number(r.score_history),
    };
    const amount = r.amount === null ? null : Number(r.amount);
    const facts = { severity: r.severity, amount, bundleKind: kind };
    return {
      id: r.id,
      modelCode: r.model_code,
      modelName: findModel(r.model_code)?.name ?? r.model_code,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      window: r.window_key,
      severity: r.severity,
      title: r.title,
      explanation: r.explanation,
      evidence: JSON.parse(r.evidence) as {
        kind: string;
        ids: string[];
        subject?: { kind: string; id: string };
        facts?: Record<string, unknown>;
      },
      foundOn: String(r.found_on).slice(0, 10),
      amount,
      score: Number(r.score),
      scoreParts: explainScore(parts, facts),
      scoreText: scoreSentence(parts, facts),
    };
  });
}

/** The file a clue is: its kind (一企一档 …) and the hits' count. */
export function fileOf(subject: string | null, hitCount: number | null) {
  const kind = bundleKindOf(subject);
  return kind ? { kind, label: BUNDLE_LABELS[kind], id: subject!.split('|')[1], hitCount: Number(hitCount ?? 0) } : null;
}
