// A supervision model (监督模型) is data: a code, a Chinese name and description, a category, the
// article it enforces, a severity, typed parameters with defaults, one SQL query that returns hits
// with their evidence, and a Chinese explanation template filled from each hit.
import type { Dialect } from '../store/dialect.ts';
import { raw, type Sql } from '../store/sql.ts';
import type { RealtimeState } from './realtime/state.ts';

export const MODEL_CATEGORIES = {
  inspection: '检查',
  penalty: '处罚',
  coercion: '行政强制',
  licensing: '许可',
  delegation: '委托',
  officer: '人员与主体',
  closure: '闭环',
  followup: '回访',
  fees: '涉企收费',
} as const;
export type ModelCategory = keyof typeof MODEL_CATEGORIES;
export type Severity = 'low' | 'medium' | 'high';

export interface ModelParam {
  name: string;
  label: string; // Chinese, for the console
  type: 'integer' | 'number';
  default: number;
  min: number;
  max: number;
}

export interface ModelBasis {
  regulationId: string; // an id in `regulations`
  article?: number; // an article number in `articles`, when the basis is one article
  note?: string; // e.g. a policy document named but not in the corpus
}

export type ParamValues = Record<string, number>;

/**
 * How a hit shows its problem, the triage's "strength of evidence" (src/models/triage/score.ts): a
 * record that breaks a rule by itself, a pattern over several records, what someone said (a follow-up
 * answer, a complaint), or a statistical outlier among peers.
 */
export type EvidenceStrength = 'record' | 'pattern' | 'report' | 'statistical';

/** What triage needs to know of a model beyond its subject kind; every field has a default (triage/profile.ts). */
export interface TriageProfile {
  /** Default: by subject kind (a record subject: record; entity, officer: pattern; agency: statistical; follow-up task: report). */
  evidence?: EvidenceStrength;
  /** The fact naming the money at stake, in yuan. Default: fine_amount, amount or fee, the first the hit has. */
  money?: string;
  /** File the hit under the officer this fact names (一人一档; a list: its first id), not under the enterprise. */
  officerFact?: string;
}

export interface QueryContext {
  dialect: Dialect;
  params: ParamValues;
  /** The rows this run may look at, for a table alias: region scope, and in real time the one subject. */
  where(alias: string): Sql;
  /** The date the run treats as today (a fixed clock in tests). */
  asOf: string;
}

/**
 * One row per hit. Required columns: subject_kind, subject_id, region_code, agency_id (or NULL),
 * window_key (what makes a hit distinct over time, '' if nothing), evidence_ids (comma-separated record
 * ids); any further columns are facts for the explanation template.
 */
export interface HitRow {
  subject_kind: string;
  subject_id: string;
  region_code: string;
  agency_id: string | null;
  window_key: string;
  evidence_ids: string;
  [fact: string]: unknown;
}

export interface ModelDefinition {
  code: string;
  name: string;
  description: string;
  category: ModelCategory;
  basis: ModelBasis;
  severity: Severity;
  params: ModelParam[];
  /** The evidence records' kind (a record table), for the clue detail page. */
  evidenceKind: string;
  query(ctx: QueryContext): Sql;
  /** Chinese, with {fact} and {param} placeholders. */
  explanation: string;
  /** The violation the demo generator plants for this model, and the record kind it names, for scoring. */
  groundTruth?: { violation: string; recordKind: string };
  /**
   * Judge one incoming record at once: which record kind, and the column that identifies the subject.
   * `mayHit`: what a record must show to make a hit (a case decided on a device's records, a summary
   * procedure): a record that fails it is not judged by the model's SQL at all.
   */
  realtime?: { kind: string; subjectColumn: string; mayHit?: RecordTest };
  /**
   * How an incremental run (src/models/incremental.ts) may narrow the model; absent, it runs fully,
   * which is always correct. `by`: the column naming the subject in the rows `where` filters (applied
   * as the real-time focus is); `changes`: every record table whose rows decide a subject's hits, with
   * the column of its rows that names the subject (its id column, or a link column whose old values
   * the import keeps: src/records/change-stamp.ts). Only where a subject's hits depend on its own
   * records alone: never on the day (a deadline still running as of today) nor on peers (a median).
   * `names`: tables read only for words of the explanation (LEFT JOINed, in no condition): a change
   * there changes no hit. Any other record table the query reads makes the run full when it changed.
   */
  incremental?: { by: string; changes: Record<string, string>; names?: string[] };
  /** How the hit is scored and bundled, where the subject kind's defaults do not fit. */
  triage?: TriageProfile;
  /** A model a county wrote itself (src/models/local): the region it runs over, and its version. */
  region?: string;
  version?: number;
}

/**
 * A necessary condition of a model's hit, read off one incoming record under the settings in force for
 * its region: false, and the model's SQL (a scan of the record's table at a city's scale) is not run for
 * it. It must never be false for a record the SQL would hit (test/models-record-tests.test.ts holds
 * every one to the demo's hits). The tests themselves: src/models/record-tests.ts.
 */
export interface RecordTest {
  /** The columns it reads: a record without one of them (a caller that sent its subject only) is judged by the SQL. */
  reads: readonly string[];
  /** `state`: the real-time state, when it is loaded for the record's kind (a test reading it may answer only then). */
  test(record: Readonly<Record<string, unknown>>, params: ParamValues, asOf: string, state?: RealtimeState): boolean;
}

// One formatter for every explanation: Number#toLocaleString builds a new one per call (17.7 µs against
// 0.4 µs measured), which made clue text the slowest part of a 200,000-hit run.
const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

/** Fills {name} placeholders from the hit's facts and the parameters; numbers get thousands separators. */
export function explain(template: string, facts: Record<string, unknown>, params: ParamValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = name in facts ? facts[name] : params[name];
    if (v === undefined || v === null) return whole;
    return typeof v === 'number' ? NUMBER.format(v) : String(v);
  });
}

export function defaultParams(model: ModelDefinition): ParamValues {
  return Object.fromEntries(model.params.map((p) => [p.name, p.default]));
}

/** Checks parameter values against the model's declared types and ranges; returns [name, message] or null. */
export function paramProblem(model: ModelDefinition, values: Record<string, unknown>): [string, string] | null {
  for (const [name, value] of Object.entries(values)) {
    const p = model.params.find((x) => x.name === name);
    if (!p) return [name, `模型 ${model.code} 没有参数 ${name}`];
    if (typeof value !== 'number' || !Number.isFinite(value)) return [name, `参数 ${p.label} 须为数字`];
    if (p.type === 'integer' && !Number.isInteger(value)) return [name, `参数 ${p.label} 须为整数`];
    if (value < p.min || value > p.max) return [name, `参数 ${p.label} 须在 ${p.min} 至 ${p.max} 之间`];
  }
  return null;
}

/** A validated numeric parameter as SQL text (parameters are checked by paramProblem before a run). */
export function num(n: number): Sql {
  if (!Number.isFinite(n)) throw new Error(`not a number: ${n}`);
  return raw(String(n));
}
