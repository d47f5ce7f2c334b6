// Ingestion: records pushed by agency systems, files uploaded in the console, the batches read back.
// A refused row is an object — {row, field, code, message} with the field's label and the line a
// person reads — so a client can point at the cell without parsing text. docs/ingest.md.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { IMPORT_KINDS, KIND_SPECS, type FieldSpec, type Kind } from '../records/registry.ts';
import { ROW_ERROR_CODES } from '../ingest/validate.ts';
import { Literals, Nullable } from './schemas.ts';

export const MAX_API_RECORDS = 10_000;
const SOURCE_SYSTEM = '^[A-Za-z0-9_.:-]{1,64}$';

export const ImportKind = Literals(IMPORT_KINDS, { description: '数据类别' });

export const RowError = Type.Object({
  /** 行号: the row of the file (the header is row 1), or the record's position in an API call or a JSON file. */
  row: Type.Integer(),
  /** The field's name (entity_uscc); empty when the error concerns the whole row. */
  field: Type.String(),
  code: Literals(ROW_ERROR_CODES, {
    description:
      'required 必填为空 | invalid 格式或规则不符 | unknown_reference 引用不存在 | outside_jurisdiction 超出权限 | unreadable 无法读取',
  }),
  message: Type.String(),
  /** The field's Chinese label (统一社会信用代码). */
  label: Nullable(Type.String()),
  /** 第12行 entity_uscc（统一社会信用代码）：统一社会信用代码校验位错误 */
  text: Type.String(),
});

export const ImportReport = Type.Object({
  batchId: Type.String(),
  kind: ImportKind,
  sourceSystem: Type.String(),
  fileName: Nullable(Type.String()),
  format: Type.String({ description: 'csv | xlsx | jsonl | json | records' }),
  encoding: Nullable(Type.String()),
  rowsRead: Type.Integer({ description: '读取行数' }),
  rowsOk: Type.Integer({ description: '校验通过行数' }),
  rowsBad: Type.Integer({ description: '被拒绝行数' }),
  landed: Type.Integer({ description: '入库记录数 = inserted + updated + unchanged' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  duplicates: Type.Integer({ description: '同一批次内重复、被后一行取代的行数' }),
  seconds: Type.Number(),
  rowsPerSecond: Type.Integer(),
  timings: Type.Object({ read: Type.Number(), load: Type.Number(), merge: Type.Number(), commit: Type.Number() }),
  errors: Type.Array(RowError, { description: '前100条错误' }),
  notes: Type.Array(Type.String()),
  initialPasswords: Type.Optional(
    Type.Array(Type.Object({ username: Type.String(), displayName: Type.String(), password: Type.String() }), {
      description: '导入用户名单时新建账号的一次性初始密码：仅在本次响应中返回一次，系统只保存其哈希',
    }),
  ),
  errorsUrl: Nullable(Type.String({ description: '错误明细CSV的下载地址（无错误时为 null）' })),
  realtime: Type.Optional(
    Nullable(
      Type.Object(
        {
          models: Type.Integer({ description: '运行的实时校验次数' }),
          newHits: Type.Integer({ description: '新的模型命中（经研判分流，可能并入已有线索或仅作预警）' }),
          newClues: Type.Integer({ description: '新生成的问题线索' }),
          millis: Type.Integer(),
        },
        { description: '接口推送的记录入库后立即运行的实时模型校验' },
      ),
    ),
  ),
});

export const BatchOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  sourceSystem: Type.String(),
  fileName: Nullable(Type.String()),
  regionCode: Type.String(),
  rowsTotal: Type.Integer(),
  rowsOk: Type.Integer(),
  rowsBad: Type.Integer(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  errorsUrl: Nullable(Type.String()),
});
export const BatchList = Type.Object({ total: Type.Integer(), items: Type.Array(BatchOut) });
export const BatchDetail = Type.Object({ batch: BatchOut, errors: Type.Array(RowError) });
export const BatchQuery = Type.Object({
  kind: Type.Optional(ImportKind),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export const BatchParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const UploadBody = Type.Object({
  kind: ImportKind,
  sourceSystem: Type.Optional(Type.String({ pattern: SOURCE_SYSTEM, description: '来源系统编码（文件中无 source_system 列时使用）' })),
  file: Type.String({ format: 'binary', description: '导入文件' }),
});

const TYPE_HINTS: Record<FieldSpec['type'], string> = {
  string: '文本',
  date: '日期 YYYY-MM-DD',
  timestamp: '时间（ISO 8601；无时区按北京时间）',
  decimal: '金额（元，≥0，至多两位小数）',
  boolean: '是/否（true/false）',
  enum: '枚举',
  uscc: '统一社会信用代码',
  region: '区划代码',
  integer: '整数',
  code: '编码（字母和数字，可含“-”）',
};

/** A record of a kind: every field documented; values are checked row by row, not by the schema. */
function recordSchema(kind: Kind): TSchema {
  const properties: Record<string, TSchema> = {};
  for (const f of KIND_SPECS[kind].fields) {
    const values = f.values ? `：${f.values.map((v) => `${v.code}（${v.label}）`).join('、')}` : '';
    properties[f.name] = Type.Optional(
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()], {
        description: `${f.label}${f.required ? '（必填）' : ''}。${TYPE_HINTS[f.type]}${values}${f.note ? `。${f.note}` : ''}`,
        examples: [f.example],
      }),
    );
  }
  return Type.Object(properties, { additionalProperties: true, description: `${KIND_SPECS[kind].label}记录；字段也可用中文列名` });
}

export const ingestBody = (kind: Kind) =>
  Type.Object({
    sourceSystem: Type.String({ pattern: SOURCE_SYSTEM, description: '来源系统编码；记录自带 source_system 时以记录为准' }),
    records: Type.Array(
      recordSchema(kind) as ReturnType<typeof Type.Record<ReturnType<typeof Type.String>, ReturnType<typeof Type.Unknown>>>,
      {
        minItems: 1,
        maxItems: MAX_API_RECORDS,
      },
    ),
  });

export type ImportReport = Static<typeof ImportReport>;
export type RowError = Static<typeof RowError>;
export type BatchOut = Static<typeof BatchOut>;
