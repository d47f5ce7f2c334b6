// The model library (监督模型): what each model is and enforces, its settings in force, its runs.
import { Type, type Static } from '@sinclair/typebox';
import { MODEL_CATEGORIES } from '../models/model.ts';
import { Can, Literals, Nullable, REGION } from './schemas.ts';

export const Severity = Literals(['low', 'medium', 'high']);

export const ModelParamEntry = Type.Object({
  name: Type.String(),
  /** Chinese, with the unit: 时间窗口（天）. */
  label: Type.String(),
  type: Literals(['integer', 'number']),
  default: Type.Number(),
  min: Type.Number(),
  max: Type.Number(),
  /** The value in force for the caller's region. */
  value: Type.Number(),
});
/** One stored setting: it applies to its region's subtree; the most specific region wins. */
export const ModelSettingEntry = Type.Object({
  regionCode: Type.String(),
  enabled: Type.Boolean(),
  params: Type.Record(Type.String(), Type.Number()),
});
export const ModelEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  category: Literals(Object.keys(MODEL_CATEGORIES) as (keyof typeof MODEL_CATEGORIES)[]),
  categoryLabel: Type.String(),
  severity: Severity,
  /** Template with {fact} and {param} placeholders. */
  explanation: Type.String(),
  /** The record kind of the evidence (inspections, cases, …, or clues for the closure models). */
  evidenceKind: Type.String(),
  realtime: Type.Boolean(),
  basis: Type.Object({
    regulationId: Type.String(),
    article: Type.Optional(Type.Integer()),
    /** A policy named but not in the corpus. */
    note: Type.Optional(Type.String()),
    title: Type.String(),
    /** 第五十四条; null when the basis is a whole regulation or the article is not stored. */
    label: Nullable(Type.String()),
    text: Nullable(Type.String()),
  }),
  params: Type.Array(ModelParamEntry),
  /** In force for the caller's region. */
  enabled: Type.Boolean(),
  /** Settings on the caller's path and in their subtree. */
  settings: Type.Array(ModelSettingEntry),
  can: Can(['read', 'run', 'configure']),
  /** Clues of the caller's scope (the list only). */
  clues: Type.Optional(Type.Integer()),
  openClues: Type.Optional(Type.Integer()),
});
export const ModelRunRow = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  trigger: Literals(['batch', 'schedule', 'realtime']),
  startedAt: Type.String(),
  millis: Type.Integer(),
  hits: Type.Integer(),
  newClues: Type.Integer(),
});
export const ModelDetail = Type.Object({
  model: ModelEntry,
  cluesByMonth: Type.Array(Type.Object({ month: Type.String(), clues: Type.Integer() })),
  runs: Type.Array(ModelRunRow),
});
export const ModelRunReport = Type.Object({
  code: Type.String(),
  name: Type.String(),
  millis: Type.Integer(),
  hits: Type.Integer(),
  newClues: Type.Integer(),
  queryMillis: Type.Integer(),
  incremental: Type.Optional(
    Type.Union([
      Type.Object({
        subjects: Type.Integer({ description: '只看了这些有变化的对象' }),
        since: Type.String({ description: '上次运行的变化水位' }),
      }),
      Type.Object({ full: Type.String({ description: '全量运行的原因，如“首次运行”' }) }),
    ]),
  ),
});
export const ModelCodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const SettingBody = Type.Object({ regionCode: REGION, enabled: Type.Boolean(), params: Type.Record(Type.String(), Type.Number()) });
export const RunBody = Type.Object({
  model: Type.Optional(Type.String({ maxLength: 40 })),
  incremental: Type.Optional(
    Type.Boolean({ description: '增量运行：声明可增量的模型只看上次运行以来有变化的记录所涉对象（首次运行、参数改过时全量）' }),
  ),
});

export type ModelEntry = Static<typeof ModelEntry>;
export type ModelParamEntry = Static<typeof ModelParamEntry>;
export type ModelSettingEntry = Static<typeof ModelSettingEntry>;
export type ModelRunRow = Static<typeof ModelRunRow>;
export type ModelDetail = Static<typeof ModelDetail>;
export type ModelRunReport = Static<typeof ModelRunReport>;
