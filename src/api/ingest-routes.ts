// Ingestion: batches from agency systems (POST /ingest/:kind, JSON), file uploads from the console
// (POST /imports, multipart), and the batches read back (GET /imports, /imports/:id, its error file).
// Every batch is one transaction; see docs/ingest.md.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { Type, type TSchema } from '@sinclair/typebox';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { processTempDir } from '../ingest/temp-dirs.ts';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../store/store.ts';
import { IMPORT_KINDS, KIND_SPECS, type FieldSpec, type Kind } from '../records/registry.ts';
import {
  FileProblem,
  ImportForbidden,
  importRoleProblem,
  importRows,
  type ImportReport,
  type ImportRequest,
} from '../ingest/import-batch.ts';
import { realtimeIngest } from '../models/ingest-hook.ts';
import { fileSource, recordsSource, type RowSource } from '../ingest/sources.ts';
import { batchErrorCsv, findBatch, formattedErrors, listBatches } from '../ingest/batches.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, KeduError, notFound } from './errors.ts';

export const MAX_API_RECORDS = 10_000;
/** A batch of MAX_API_RECORDS records in JSON: the only JSON bodies above the server's 1 MB default. */
const MAX_BATCH_BODY_BYTES = 50 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const SOURCE_SYSTEM = '^[A-Za-z0-9_.:-]{1,64}$';

const ErrorOut = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }) });

const ReportOut = Type.Object({
  batchId: Type.String(),
  kind: Type.String(),
  sourceSystem: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  format: Type.String({ description: 'csv | xlsx | jsonl | json | records' }),
  encoding: Type.Union([Type.String(), Type.Null()]),
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
  errors: Type.Array(Type.String(), { description: '前100条错误，如“第12条 entity_uscc（统一社会信用代码）：统一社会信用代码校验位错误”' }),
  notes: Type.Array(Type.String()),
  initialPasswords: Type.Optional(
    Type.Array(Type.Object({ username: Type.String(), displayName: Type.String(), password: Type.String() }), {
      description: '导入用户名单时新建账号的一次性初始密码：仅在本次响应中返回一次，系统只保存其哈希',
    }),
  ),
  errorsUrl: Type.Union([Type.String(), Type.Null()], { description: '错误明细CSV的下载地址（无错误时为 null）' }),
  realtime: Type.Optional(
    Type.Union(
      [
        Type.Object({
          models: Type.Integer({ description: '运行的实时校验次数' }),
          newClues: Type.Integer({ description: '新生成的问题线索' }),
          millis: Type.Integer(),
        }),
        Type.Null(),
      ],
      { description: '接口推送的记录入库后立即运行的实时模型校验' },
    ),
  ),
});

const BatchOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  sourceSystem: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
  rowsTotal: Type.Integer(),
  rowsOk: Type.Integer(),
  rowsBad: Type.Integer(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  errorsUrl: Type.Union([Type.String(), Type.Null()]),
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

const errorsUrl = (id: string, rowsBad: number) => (rowsBad > 0 ? `/api/v1/imports/${id}/errors.csv` : null);
const withUrl = (r: ImportReport) => ({ ...r, errorsUrl: errorsUrl(r.batchId, r.rowsBad) });

async function runImport(
  store: Store,
  req: FastifyRequest,
  kind: Kind,
  source: RowSource,
  sourceSystem?: string,
  onLanded?: ImportRequest['onLanded'],
) {
  try {
    return withUrl(await importRows(store, source, { kind, caller: callerOf(req), sourceSystem, onLanded }));
  } catch (e) {
    if (e instanceof ImportForbidden) throw forbidden(e.message);
    if (e instanceof FileProblem) throw badRequest(e.message);
    throw e;
  }
}

interface Upload {
  dir: string;
  path: string;
  fileName: string;
}
const uploads = new WeakMap<FastifyRequest, Upload>();

export async function ingestRoutes(app: FastifyInstance, store: Store, asOf?: string): Promise<void> {
  // Own scope: the multipart parser applies to these routes only.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 },
      // The upload goes to a temporary file, read from there like a CLI import (streamed, any size).
      async onFile(this: FastifyRequest, part: MultipartFile) {
        const dir = await processTempDir('kedu-upload-');
        const fileName = basename(part.filename || 'upload');
        const path = join(dir, 'upload' + (fileName.match(/\.[A-Za-z0-9]+$/)?.[0] ?? ''));
        uploads.set(this, { dir, path, fileName });
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) throw new KeduError('too_large', `上传文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024}MB`);
        (part as unknown as { value: string }).value = fileName;
      },
    });
    scope.addHook('onResponse', async (req) => {
      const u = uploads.get(req);
      if (u) await rm(u.dir, { recursive: true, force: true });
    });

    for (const kind of IMPORT_KINDS) {
      const spec = KIND_SPECS[kind];
      scope.post(
        `/ingest/${kind}`,
        {
          bodyLimit: MAX_BATCH_BODY_BYTES,
          schema: {
            tags: ['ingest'],
            summary: `报送${spec.label}记录（${kind}）`,
            description:
              `一次至多 ${MAX_API_RECORDS} 条；同一 (sourceSystem, source_id) 重复报送时更新原记录、不重复。` +
              '整批在一个事务中写入；有误的记录逐条报告（不影响其他记录），辖区外的记录同样逐条拒绝。',
            body: Type.Object({
              sourceSystem: Type.String({ pattern: SOURCE_SYSTEM, description: '来源系统编码；记录自带 source_system 时以记录为准' }),
              records: Type.Array(recordSchema(kind), { minItems: 1, maxItems: MAX_API_RECORDS }),
            }),
            response: { 200: ReportOut, 400: ErrorOut, 403: ErrorOut },
          },
        },
        async (req) => {
          const body = req.body as { sourceSystem: string; records: unknown[] };
          // Records from agency systems are judged at once by the real-time models of their kind, inside the
          // transaction that lands them.
          const realtime = realtimeIngest(store, callerOf(req), kind, asOf);
          await realtime.prepare();
          try {
            const report = await runImport(store, req, kind, recordsSource(body.records), body.sourceSystem, realtime.onLanded);
            return { ...report, realtime: report.landed > 0 ? realtime.summary() : null };
          } catch (e) {
            realtime.failed();
            throw e;
          }
        },
      );
    }

    scope.post(
      '/imports',
      {
        // A role that may not import is refused before the upload is read.
        onRequest: async (req) => {
          const problem = importRoleProblem(callerOf(req));
          if (problem) throw forbidden(problem);
        },
        schema: {
          tags: ['ingest'],
          summary: '上传导入文件（控制台）',
          description: 'multipart/form-data：kind、file（.csv UTF-8/GBK、.xlsx、.jsonl、.json），可选 sourceSystem。',
          consumes: ['multipart/form-data'],
          body: Type.Object({
            kind: Type.Union(
              IMPORT_KINDS.map((k) => Type.Literal(k)),
              { description: '数据类别' },
            ),
            sourceSystem: Type.Optional(
              Type.String({ pattern: SOURCE_SYSTEM, description: '来源系统编码（文件中无 source_system 列时使用）' }),
            ),
            file: Type.String({ format: 'binary', description: '导入文件' }),
          }),
          response: { 200: ReportOut, 400: ErrorOut, 403: ErrorOut, 413: ErrorOut },
        },
      },
      async (req) => {
        const body = req.body as { kind: Kind; sourceSystem?: string };
        const upload = uploads.get(req);
        if (!upload) throw badRequest('请上传文件（字段 file）', 'file');
        return runImport(store, req, body.kind, await fileSourceOr400(upload), body.sourceSystem);
      },
    );

    scope.get(
      '/imports',
      {
        schema: {
          tags: ['ingest'],
          summary: '导入批次（本辖区）',
          querystring: Type.Object({
            kind: Type.Optional(Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k)))),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          }),
          response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(BatchOut) }) },
        },
      },
      async (req) => {
        const q = req.query as { kind?: string; limit?: number; offset?: number };
        const { total, items } = await listBatches(store, callerOf(req), { kind: q.kind, limit: q.limit ?? 50, offset: q.offset ?? 0 });
        return { total, items: items.map((b) => ({ ...b, errorsUrl: errorsUrl(b.id, b.rowsBad) })) };
      },
    );

    scope.get(
      '/imports/:id',
      {
        schema: {
          tags: ['ingest'],
          summary: '导入批次详情',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: Type.Object({ batch: BatchOut, errors: Type.Array(Type.String()) }), 403: ErrorOut, 404: ErrorOut },
        },
      },
      async (req) => {
        const found = await visibleBatch(store, req);
        return {
          batch: { ...found.batch, errorsUrl: errorsUrl(found.batch.id, found.batch.rowsBad) },
          errors: formattedErrors(found.batch, found.errors),
        };
      },
    );

    scope.get(
      '/imports/:id/errors.csv',
      {
        schema: {
          tags: ['ingest'],
          summary: '下载导入批次的错误明细（CSV，UTF-8 带 BOM）',
          description: '被拒绝的行连同错误信息；修改后可直接重新导入（行号、错误信息两列会被忽略）。仅辖区覆盖该批次的用户可下载。',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: Type.String({ description: 'text/csv' }), 403: ErrorOut, 404: ErrorOut },
        },
      },
      async (req, reply: FastifyReply) => {
        const found = await visibleBatch(store, req);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="${found.batch.id}-errors.csv"; filename*=UTF-8''${encodeURIComponent(`${found.batch.kindLabel}导入错误-${found.batch.id}.csv`)}`,
        );
        return batchErrorCsv(callerOf(req), found.batch.kind, found.errors);
      },
    );
  });
}

async function fileSourceOr400(upload: Upload): Promise<RowSource> {
  try {
    return await fileSource(upload.path, upload.fileName);
  } catch (e) {
    if (e instanceof FileProblem) throw badRequest(e.message, 'file');
    throw e;
  }
}

async function visibleBatch(store: Store, req: FastifyRequest) {
  const { id } = req.params as { id: string };
  const found = await findBatch(store, callerOf(req), id);
  if (!found.found) throw notFound('导入批次不存在');
  if (!found.visible) throw forbidden('该导入批次不在您的辖区内');
  return found;
}
