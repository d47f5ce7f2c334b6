// Triage (研判分流): the thresholds that choose a file's procedure per region, the files left at 预警 and
// the counts per procedure. docs/supervision-brain.md, "Triage".
import { Type, type Static } from '@sinclair/typebox';
import { Keyed, Literals, Nullable, Page, REGION } from './schemas.ts';
import { Severity } from './model-schemas.ts';

export const Procedure = Literals(['warning', 'simple', 'general']);

const ThresholdFields = {
  /** A file scoring this much becomes a 简易 clue. */
  simpleMin: Type.Integer(),
  /** … this much, with a hit of generalSeverity or above, a 一般 clue. */
  generalMin: Type.Integer(),
  generalSeverity: Severity,
  /** Days the agency has to close a 简易 clue. */
  simpleDays: Type.Integer(),
};
export const TriageThresholds = Type.Object(ThresholdFields);

/** A region's thresholds to save: checked by the capability, which names the field in Chinese. */
export const ThresholdsBody = Type.Object({
  simpleMin: Type.Number(),
  generalMin: Type.Number(),
  generalSeverity: Type.String({ maxLength: 10 }),
  simpleDays: Type.Number(),
});
export const RegionParams = Type.Object({ regionCode: REGION });

export const TriageSettings = Type.Object({
  regionCode: Type.String(),
  /** The thresholds in force for the caller's region, and the region whose setting they come from (null: the defaults). */
  inForce: Type.Object({ ...ThresholdFields, from: Nullable(Type.String()) }),
  defaults: TriageThresholds,
  /** The settings on the caller's path (inherited) and inside their jurisdiction. */
  settings: Type.Array(Type.Object({ ...ThresholdFields, regionCode: Type.String(), updatedAt: Type.String(), updatedBy: Type.String() })),
  /** The points of a hit's risk score (src/models/triage/score.ts SCORE). */
  score: Type.Object({
    severity: Keyed(['low', 'medium', 'high'], Type.Integer()),
    evidence: Type.Record(Type.String(), Type.Integer()),
    money: Type.Array(Type.Object({ from: Type.Number(), points: Type.Integer() })),
    repetition: Type.Object({ each: Type.Integer(), max: Type.Integer() }),
    history: Type.Object({ each: Type.Integer(), max: Type.Integer(), days: Type.Integer() }),
    max: Type.Integer(),
  }),
});

export const TriageSummary = Type.Object({
  rows: Type.Array(Type.Object({ procedure: Procedure, label: Type.String(), files: Type.Integer(), hits: Type.Integer() })),
});

/** The file (案卷) hits are filed under: 一企一档, 一人一档, or one agency's pattern under one model. */
export const HitFile = Type.Object({ kind: Type.String(), label: Type.String(), id: Type.String(), hitCount: Type.Integer() });

export const TriageWarning = Type.Object({
  key: Type.String(),
  file: HitFile,
  regionCode: Type.String(),
  agencyId: Nullable(Type.String()),
  hits: Type.Integer(),
  score: Type.Integer(),
  models: Type.Integer(),
  modelName: Type.String(),
  lastFound: Type.String(),
  title: Type.String(),
});
export const WarningQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export const WarningPage = Page(TriageWarning);

export type Procedure = Static<typeof Procedure>;
export type TriageThresholds = Static<typeof TriageThresholds>;
export type TriageSettings = Static<typeof TriageSettings>;
export type TriageSummary = Static<typeof TriageSummary>;
export type TriageWarning = Static<typeof TriageWarning>;
export type WarningPage = Static<typeof WarningPage>;
