// Local models (本地模型): models a county writes itself from a template over the record-kind registry.
// docs/local-models.md.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, REGION } from './schemas.ts';
import { Severity } from './model-schemas.ts';

const FilterValue = Type.Union([
  Type.String({ maxLength: 200 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
  Type.Array(Type.Union([Type.String({ maxLength: 200 }), Type.Number()]), { maxItems: 50 }),
]);

/**
 * A template as the client sends it: sizes bounded here; kinds, fields, operators, severity and the
 * law it cites are checked by the capability (src/models/local/template.ts), which names the field in Chinese.
 */
export const TemplateBody = Type.Object({
  name: Type.String({ maxLength: 40 }),
  description: Type.String({ maxLength: 500 }),
  kind: Type.String({ maxLength: 40 }),
  filters: Type.Array(
    Type.Object({ field: Type.String({ maxLength: 64 }), op: Type.String({ maxLength: 16 }), value: Type.Optional(FilterValue) }),
    { maxItems: 10 },
  ),
  groupBy: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  dateField: Type.String({ maxLength: 64 }),
  windowDays: Type.Number(),
  threshold: Type.Number(),
  severity: Type.String({ maxLength: 10 }),
  explanation: Type.String({ maxLength: 500 }),
  basis: Type.Object({
    regulationId: Type.String({ maxLength: 80 }),
    article: Type.Optional(Type.Number()),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  }),
});
export const LocalModelBody = Type.Object({ regionCode: REGION, template: TemplateBody });
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const EnabledBody = Type.Object({ enabled: Type.Boolean() });

/** A stored template (as saved: checked). */
export const LocalTemplate = Type.Object({
  name: Type.String(),
  description: Type.String(),
  kind: Type.String(),
  filters: Type.Array(Type.Object({ field: Type.String(), op: Type.String(), value: Type.Optional(FilterValue) })),
  groupBy: Type.Optional(Nullable(Type.String())),
  dateField: Type.String(),
  windowDays: Type.Number(),
  threshold: Type.Number(),
  severity: Severity,
  explanation: Type.String(),
  basis: Type.Object({ regulationId: Type.String(), article: Type.Optional(Type.Number()), note: Type.Optional(Type.String()) }),
});

export const LocalModelSchema = Type.Object({
  kinds: Type.Array(
    Type.Object({
      kind: Type.String(),
      label: Type.String(),
      fields: Type.Array(
        Type.Object({
          name: Type.String(),
          label: Type.String(),
          type: Type.String(),
          values: Nullable(Type.Array(Type.Object({ code: Type.String(), label: Type.String() }))),
          /** Several codes in one cell: 等于/不等于/属于 compare per code (multipleLabel). */
          multiple: Type.Boolean(),
        }),
      ),
    }),
  ),
  operators: Type.Array(Type.Object({ op: Type.String(), label: Type.String(), multipleLabel: Nullable(Type.String()) })),
  placeholders: Type.Array(Type.String()),
});

export const LocalModel = Type.Object({
  code: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});
export const LocalModelList = Type.Object({ rows: Type.Array(LocalModel) });
export const LocalModelDetail = Type.Composite([
  LocalModel,
  Type.Object({
    versions: Type.Array(
      Type.Object({ version: Type.Integer(), template: LocalTemplate, createdAt: Type.String(), createdBy: Type.String() }),
    ),
  }),
]);

export const LocalPreview = Type.Object({
  regionCode: Type.String(),
  asOf: Type.String(),
  hits: Type.Integer(),
  millis: Type.Integer(),
  sample: Type.Array(
    Type.Object({
      subjectKind: Type.String(),
      subjectId: Type.String(),
      subjectName: Nullable(Type.String()),
      explanation: Type.String(),
      evidenceIds: Type.Array(Type.String()),
    }),
  ),
});

export type LocalTemplate = Static<typeof LocalTemplate>;
export type LocalModelSchema = Static<typeof LocalModelSchema>;
export type LocalModel = Static<typeof LocalModel>;
export type LocalModelDetail = Static<typeof LocalModelDetail>;
export type LocalPreview = Static<typeof LocalPreview>;
