// Scores each model against the demo generator's ground truth (planted violations): precision is the
// share of the model's hit subjects that were planted, recall the share of planted subjects it hit.
// And the triage of those hits: how many files ended at each procedure, and whether the planted
// violations that call for the full loop (SERIOUS) all sit in a 一般 clue.
import type { Store } from '../store/store.ts';
import type { ModelDefinition } from './model.ts';
import { regionPrefix } from '../domain/region.ts';
import { PROCEDURES, type Procedure } from './triage/procedure.ts';

/** Precision and recall below this at demo scale fail CI (docs/supervision-brain.md). */
export const MIN_SCORE = 0.9;

/** The scored models (those with plants) below `min` in precision or recall. */
export const belowMinScore = (scores: readonly ModelScore[], min = MIN_SCORE): ModelScore[] =>
  scores.filter((s) => s.truth > 0 && (s.precision < min || s.recall < min));

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
 * A hit's subject is compared with ground_truth.record_id; the model's subject_kind must match the
 * ground-truth record_kind of its violation (the generator records planted violations at the same
 * grain the model reports them). Every hit counts, whatever its procedure: triage decides what a team
 * works on, not what the model found.
 */
export async function scoreModels(store: Store, models: readonly ModelDefinition[], regionCode = '330000'): Promise<ModelScore[]> {
  const scores: ModelScore[] = [];
  const prefix = regionPrefix(regionCode) + '%';
  for (const m of models.filter((x) => x.groundTruth)) {
    const truth = new Set(
      (
        await store.query<{ record_id: string }>(
          'SELECT DISTINCT record_id FROM ground_truth WHERE violation = $1 AND record_kind = $2 AND region_code LIKE $3',
          [m.groundTruth!.violation, m.groundTruth!.recordKind, prefix],
        )
      ).map((r) => r.record_id),
    );
    const subjects = new Set(
      (
        await store.query<{ subject_id: string }>(
          'SELECT DISTINCT subject_id FROM model_hits WHERE model_code = $1 AND region_code LIKE $2',
          [m.code, prefix],
        )
      ).map((r) => r.subject_id),
    );
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

/**
 * The planted violations the full loop must hold, for the calibration: the demo plants about one
 * record in sixty with a violation, far above the rate the seed's figures imply (6,388 clues handled in
 * a year from 33 million records; hangzhou scale keeps a twentieth of the demo's plants), so the
 * queue cannot hold them all — it must hold the serious ones:
 *  - money: a fine imposed outside its tier or despite the no-penalty list, of 十万元 or more;
 *  - a pattern of conduct: an officer planted with `officerPlants` or more violations (inspections
 *    or cases without a valid certificate, or alone) in the data's eighteen months.
 */
export const SERIOUS = {
  amount: 100_000,
  moneyViolations: ['fine_outside_tier', 'fined_despite_exemption'],
  officerPlants: 4,
  officerViolations: ['expired_certificate', 'single_officer'],
} as const;

export interface TriageFigures {
  hits: number;
  /** Files (subject and period) with at least one hit, and at each procedure (a file without a clue is 预警). */
  files: number;
  filesByProcedure: Record<Procedure, number>;
  hitsByProcedure: Record<Procedure, number>;
  planted: number;
  /** Planted violations whose hit sits in a clue of each procedure (or in no hit at all: missed). */
  plantedByProcedure: Record<Procedure | 'missed', number>;
  serious: number;
  seriousInGeneral: number;
  /** Serious planted violations outside the full loop (record kind and id), for a look at why. */
  seriousOutside: { violation: string; recordKind: string; recordId: string; procedure: Procedure | 'missed' }[];
}

interface Plant {
  violation: string;
  record_kind: string;
  record_id: string;
  detail: string | null;
}

/** Which planted violations are serious (SERIOUS), by record kind and id. */
export function seriousPlants(plants: readonly Plant[]): Plant[] {
  const officerOf = (p: Plant): string | null => {
    if (!(SERIOUS.officerViolations as readonly string[]).includes(p.violation) || !p.detail) return null;
    const d = JSON.parse(p.detail) as { officer_id?: string; lead_officer_id?: string };
    return d.officer_id ?? d.lead_officer_id ?? null;
  };
  const perOfficer = new Map<string, number>();
  for (const p of plants) {
    const o = officerOf(p);
    if (o) perOfficer.set(o, (perOfficer.get(o) ?? 0) + 1);
  }
  return plants.filter((p) => {
    if ((SERIOUS.moneyViolations as readonly string[]).includes(p.violation) && p.detail) {
      const fine = Number((JSON.parse(p.detail) as { fine_amount?: number }).fine_amount);
      if (fine >= SERIOUS.amount) return true;
    }
    const o = officerOf(p);
    return o !== null && (perOfficer.get(o) ?? 0) >= SERIOUS.officerPlants;
  });
}

/**
 * The triage of the hits of a region against the ground truth (`kedu models score`, the bench). Only
 * the plants some model of `models` is scored against count: ground_truth also lists what is no
 * violation (the similar-case families of src/demo/case-facts.ts), which no model can hit.
 */
export async function triageFigures(store: Store, models: readonly ModelDefinition[], regionCode = '330000'): Promise<TriageFigures> {
  const prefix = regionPrefix(regionCode) + '%';
  const zero = () => Object.fromEntries(PROCEDURES.map((p) => [p, 0])) as Record<Procedure, number>;
  const files = await store.query<{ procedure: Procedure; files: number; hits: number }>(
    `SELECT COALESCE(c.procedure, 'warning') AS procedure, count(DISTINCT COALESCE(h.clue_id, h.bundle_key)) AS files, count(*) AS hits
     FROM model_hits h LEFT JOIN clues c ON c.id = h.clue_id WHERE h.region_code LIKE $1 GROUP BY 1`,
    [prefix],
  );
  const filesByProcedure = zero();
  const hitsByProcedure = zero();
  for (const r of files) {
    const p = (PROCEDURES as readonly string[]).includes(r.procedure) ? r.procedure : 'general';
    filesByProcedure[p] += Number(r.files);
    hitsByProcedure[p] += Number(r.hits);
  }
  // Where each planted record's hits went: the most serious procedure among them.
  const rank: Record<Procedure | 'missed', number> = { missed: 0, warning: 1, simple: 2, general: 3 };
  const where = new Map<string, Procedure>();
  const placed = await store.query<{ subject_kind: string; subject_id: string; procedure: Procedure }>(
    `SELECT h.subject_kind, h.subject_id, COALESCE(c.procedure, CASE WHEN h.clue_id IS NULL THEN 'warning' ELSE 'general' END) AS procedure
     FROM model_hits h LEFT JOIN clues c ON c.id = h.clue_id WHERE h.region_code LIKE $1`,
    [prefix],
  );
  for (const r of placed) {
    const key = `${r.subject_kind}|${r.subject_id}`;
    const before = where.get(key);
    if (!before || rank[r.procedure] > rank[before]) where.set(key, r.procedure);
  }
  const scored = new Set(models.flatMap((m) => (m.groundTruth ? [m.groundTruth.violation] : [])));
  const plants = (
    await store.query<Plant>('SELECT violation, record_kind, record_id, detail FROM ground_truth WHERE region_code LIKE $1', [prefix])
  ).filter((p) => scored.has(p.violation));
  const placeOf = (p: Plant): Procedure | 'missed' => where.get(`${p.record_kind}|${p.record_id}`) ?? 'missed';
  const plantedByProcedure = { ...zero(), missed: 0 };
  for (const p of plants) plantedByProcedure[placeOf(p)]++;
  const serious = seriousPlants(plants);
  const outside = serious.filter((p) => placeOf(p) !== 'general');
  return {
    hits: files.reduce((s, r) => s + Number(r.hits), 0),
    files: files.reduce((s, r) => s + Number(r.files), 0),
    filesByProcedure,
    hitsByProcedure,
    planted: plants.length,
    plantedByProcedure,
    serious: serious.length,
    seriousInGeneral: serious.length - outside.length,
    seriousOutside: outside.map((p) => ({
      violation: p.violation,
      recordKind: p.record_kind,
      recordId: p.record_id,
      procedure: placeOf(p),
    })),
  };
}
