// Scores each model against the demo generator's ground truth (planted violations): precision is the
// share of the model's clues whose subject was planted, recall the share of planted subjects it found.
import type { Store } from '../store/store.ts';
import type { ModelDefinition } from './model.ts';
import { regionPrefix } from '../domain/region.ts';

export interface ModelScore {
  code: string;
  name: string;
  violation: string;
  truth: number;
  hits: number;
  truePositives: number;
  precision: number;
  recall: number;
}

/**
 * A clue's subject is compared with ground_truth.record_id; the model's subject_kind must match the
 * ground-truth record_kind of its violation (the generator records planted violations at the same
 * grain the model reports them).
 */
export async function scoreModels(store: Store, models: readonly ModelDefinition[], regionCode = '330000'): Promise<ModelScore[]> {
  const scores: ModelScore[] = [];
  for (const m of models.filter((x) => x.groundTruth)) {
    const truth = new Set(
      (
        await store.query<{ record_id: string }>(
          'SELECT DISTINCT record_id FROM ground_truth WHERE violation = $1 AND record_kind = $2 AND region_code LIKE $3',
          [m.groundTruth!.violation, m.groundTruth!.recordKind, regionPrefix(regionCode) + '%'],
        )
      ).map((r) => r.record_id),
    );
    const clues = await store.query<{ evidence: string }>('SELECT evidence FROM clues WHERE model_code = $1 AND region_code LIKE $2', [
      m.code,
      regionPrefix(regionCode) + '%',
    ]);
    const subjects = new Set(clues.map((c) => (JSON.parse(c.evidence) as { subject: { id: string } }).subject.id));
    let tp = 0;
    for (const s of subjects) if (truth.has(s)) tp++;
    scores.push({
      code: m.code,
      name: m.name,
      violation: m.groundTruth!.violation,
      truth: truth.size,
      hits: subjects.size,
      truePositives: tp,
      precision: subjects.size ? tp / subjects.size : truth.size ? 0 : 1,
      recall: truth.size ? tp / truth.size : 1,
    });
  }
  return scores;
}
