// Where a hit is filed: the subject whose file (档) it joins. An enterprise's hits — on itself, its
// inspections, cases, licences, deliveries … — go to one file (一企一档); an officer's conduct to the
// officer's (一人一档); what only an agency's figures show (a share, a growth, a dispersion) to one file
// per agency and model, a systemic pattern. The rules are data (SUBJECTS) and run twice: in SQL for a
// batch run's staged hits, in code for the few hits of a real-time check.
import type { Sql } from '../../store/sql.ts';
import { sql, raw } from '../../store/sql.ts';
import type { EvidenceStrength, ModelDefinition } from '../model.ts';

export const BUNDLE_KINDS = ['entity', 'officer', 'agency'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

export const BUNDLE_LABELS: Record<BundleKind, string> = {
  entity: '一企一档',
  officer: '一人一档',
  agency: '系统性问题',
};

/** What the subject of a hit is called in a sentence: 该企业, 该执法人员, 该部门. */
export const BUNDLE_NOUNS: Record<BundleKind, string> = { entity: '该企业', officer: '该执法人员', agency: '该部门' };

/**
 * Record subjects filed under the enterprise they name: directly (table.entityColumn) or through the
 * record they belong to (a delivery or payment through its case). A subject kind not listed here and
 * not an entity or officer (agency, delegation, clue, kinds added later) is a systemic pattern.
 */
export const SUBJECTS: Readonly<Record<string, { table: string; entityColumn: string; via?: { column: string; table: string } }>> = {
  case: { table: 'cases', entityColumn: 'entity_uscc' },
  inspection: { table: 'inspections', entityColumn: 'entity_uscc' },
  licence: { table: 'licences', entityColumn: 'entity_uscc' },
  service_visit: { table: 'service_visits', entityColumn: 'entity_uscc' },
  followup_task: { table: 'followup_tasks', entityColumn: 'entity_uscc' },
  hotline_ticket: { table: 'hotline_tickets', entityColumn: 'entity_uscc' },
  delivery: { table: 'deliveries', entityColumn: 'entity_uscc', via: { column: 'case_id', table: 'cases' } },
  payment: { table: 'payments', entityColumn: 'entity_uscc', via: { column: 'case_id', table: 'cases' } },
  coercive_measure: { table: 'coercive_measures', entityColumn: 'entity_uscc' },
  enterprise_charge: { table: 'enterprise_charges', entityColumn: 'entity_uscc' },
  confiscated_goods: { table: 'confiscated_goods', entityColumn: 'entity_uscc' },
  review_outcome: { table: 'review_outcomes', entityColumn: 'entity_uscc', via: { column: 'case_id', table: 'cases' } },
};

/** The default strength of evidence of a subject kind (a model may name its own: ModelDefinition.triage.evidence). */
export function defaultEvidence(subjectKind: string): EvidenceStrength {
  if (subjectKind === 'entity' || subjectKind === 'officer') return 'pattern';
  if (subjectKind === 'agency') return 'statistical';
  if (subjectKind === 'followup_task') return 'report';
  return 'record';
}

const MONEY_FACTS = ['fine_amount', 'amount', 'fee'];

/** The fact of a hit naming the money at stake, among the facts the model's hits carry. */
export function moneyFact(model: ModelDefinition, facts: ReadonlySet<string>): string | null {
  if (model.triage?.money) return facts.has(model.triage.money) ? model.triage.money : null;
  return MONEY_FACTS.find((f) => facts.has(f)) ?? null;
}

/** A hit's file: its kind and id; id null: to be looked up through the record it names (SUBJECTS). */
export interface Filing {
  kind: BundleKind;
  id: string | null;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The county of a region code, the file of a systemic hit that names no agency. */
export const countyOf = (region: string): string => region.slice(0, 6);

/** Where a hit is filed, before any lookup (the rules of fileSql, in code). */
export function fileHit(
  model: ModelDefinition,
  hit: { subject_kind: string; subject_id: string; agency_id: string | null; region_code: string },
  facts: Record<string, unknown>,
): Filing {
  const officerFact = model.triage?.officerFact;
  if (officerFact && text(facts[officerFact])) return { kind: 'officer', id: text(facts[officerFact]).split(',')[0] };
  if (hit.subject_kind === 'entity' || hit.subject_kind === 'officer') return { kind: hit.subject_kind, id: hit.subject_id };
  if (text(facts.entity_uscc)) return { kind: 'entity', id: text(facts.entity_uscc) };
  if (SUBJECTS[hit.subject_kind]) return { kind: 'entity', id: null };
  return systemic(hit);
}

/** A systemic file: the hit's agency, or its county when it names none. */
export function systemic(hit: { agency_id: string | null; region_code: string }): Filing {
  return { kind: 'agency', id: hit.agency_id || countyOf(hit.region_code) };
}

/** The subject of a file, kept across periods (its history): systemic files are per agency and model. */
export function bundleSubject(model: ModelDefinition, kind: BundleKind, id: string): string {
  return `${kind}|${id}|${kind === 'agency' ? model.code : ''}`;
}

/** The period a hit is bundled in: the year of the day it was found. */
export const periodOf = (asOf: string): string => asOf.slice(0, 4);

/**
 * The same rules as fileHit, as SQL over the hit alias `h` whose columns are `columns`: two
 * expressions, the file's kind and id (id NULL: to be looked up through the record).
 */
export function fileSql(model: ModelDefinition, columns: ReadonlySet<string>, col: (name: string) => string): { kind: Sql; id: Sql } {
  const whens: [string, string, string][] = [];
  const officerFact = model.triage?.officerFact;
  if (officerFact && columns.has(officerFact)) {
    const v = `CAST(${col(officerFact)} AS VARCHAR)`;
    whens.push([`COALESCE(${v}, '') <> ''`, `'officer'`, `split_part(${v}, ',', 1)`]);
  }
  whens.push([`h.subject_kind IN ('entity', 'officer')`, 'h.subject_kind', 'h.subject_id']);
  if (columns.has('entity_uscc')) {
    const v = `CAST(${col('entity_uscc')} AS VARCHAR)`;
    whens.push([`COALESCE(${v}, '') <> ''`, `'entity'`, v]);
  }
  const listed = Object.keys(SUBJECTS)
    .map((k) => `'${k}'`)
    .join(', ');
  whens.push([`h.subject_kind IN (${listed})`, `'entity'`, 'CAST(NULL AS VARCHAR)']);
  const agency = `COALESCE(h.agency_id, substr(h.region_code, 1, 6))`;
  const cases = (i: 1 | 2, dflt: string) => `CASE ${whens.map((w) => `WHEN ${w[0]} THEN ${w[i]}`).join(' ')} ELSE ${dflt} END`;
  return { kind: raw(cases(1, `'agency'`)), id: raw(cases(2, agency)) };
}

/**
 * Statements that look up the enterprise of staged hits filed under a record (bundle_id NULL), one per
 * subject kind present, then file what no enterprise was found for as systemic.
 */
export function resolveStagedSql(kinds: readonly string[]): Sql[] {
  const out: Sql[] = [];
  for (const kind of kinds) {
    const s = SUBJECTS[kind];
    if (!s) continue;
    // A record reaches its case in its own county (the import keeps them in one). The look-up is a CTE:
    // Citus reads it from the record tables first, then updates the stage (a plain table) from its rows.
    const source = s.via
      ? `SELECT r.id, t.${s.entityColumn} AS entity FROM ${s.table} r JOIN ${s.via.table} t ON t.county_code = r.county_code AND t.id = r.${s.via.column}`
      : `SELECT r.id, r.${s.entityColumn} AS entity FROM ${s.table} r`;
    out.push(sql`WITH x AS (${raw(source)} WHERE r.id IN (SELECT subject_id FROM model_hits_stage WHERE subject_kind = ${kind} AND bundle_id IS NULL))
      UPDATE model_hits_stage SET bundle_id = x.entity FROM x
      WHERE model_hits_stage.subject_kind = ${kind} AND model_hits_stage.bundle_id IS NULL AND x.id = model_hits_stage.subject_id`);
  }
  out.push(sql`UPDATE model_hits_stage SET bundle_kind = 'agency', bundle_id = COALESCE(agency_id, substr(region_code, 1, 6))
    WHERE bundle_id IS NULL OR bundle_id = ''`);
  return out;
}
