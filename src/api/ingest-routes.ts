// Ingestion: batches from agency systems and the console's 新建计划 (POST /ingest/:kind, JSON), file uploads from the console
// (POST /imports, multipart), and the batches read back (GET /imports, /imports/:id, its error file).
// Every batch is one transaction; see docs/ingest.md.
import type { FastifyRequest } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { processTempDir } from '../ingest/temp-dirs.ts';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../store/store.ts';
import { IMPORT_KINDS, KIND_SPECS, type Kind } from '../records/registry.ts';
import { FileProblem, ImportForbidden, importRoleProblem, importRows, type ImportRequest } from '../ingest/import-batch.ts';
import { realtimeIngest } from '../models/ingest-hook.ts';
import { readyStoredKeys } from '../ingest/merge.ts';
import { fileSource, recordsSource, type RowSource } from '../ingest/sources.ts';
import { batchErrorCsv, batchRowErrors, findBatch, listBatches } from '../ingest/batches.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import {
  BatchDetail,
  BatchList,
  BatchParams,
  BatchQuery,
  ImportReport,
  MAX_API_RECORDS,
  UploadBody,
  ingestBody,
} from './ingest-schemas.ts';
import { badRequest, forbidden, KeduError } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';

/** A batch of MAX_API_RECORDS records in JSON: the only JSON bodies above the server's 1 MB default. */
const MAX_BATCH_BODY_BYTES = 50 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const errorsUrl = (id: string, rowsBad: number) => (rowsBad > 0 ? `/api/v1/imports/${id}/errors.csv` : null);
/** An import's report as the API answers it: with the address of its error file. */
export const withUrl = (r: Awaited<ReturnType<typeof importRows>>) => ({ ...r, errorsUrl: errorsUrl(r.batchId, r.rowsBad) });

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

export async function ingestRoutes(app: Api, store: Store, asOf?: string): Promise<void> {
  // Own scope: the multipart parser applies to these routes only.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
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
            body: ingestBody(kind),
            response: { 200: ImportReport, ...errors(400, 401, 403, 413) },
          },
        },
        async (req) => {
          const body = req.body;
          // Records from agency systems are judged at once by the real-time models of their kind, inside the
          // transaction that lands them.
          const realtime = realtimeIngest(store, callerOf(req), kind, asOf);
          await realtime.prepare();
          // The table's key filter (DuckDB), so no push scans the key columns: loaded once.
          await readyStoredKeys(store, kind);
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
          body: UploadBody,
          response: { 200: ImportReport, ...errors(400, 401, 403, 413) },
        },
      },
      async (req) => {
        const body = req.body;
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
          querystring: BatchQuery,
          response: { 200: BatchList, ...errors(400, 401, 403) },
        },
      },
      async (req) => {
        const q = req.query;
        authorize(callerOf(req), 'list', { type: 'import_batches' });
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
          params: BatchParams,
          response: { 200: BatchDetail, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const caller = callerOf(req);
        const found = await findBatch(store, caller, req.params.id);
        return {
          batch: { ...found.batch, errorsUrl: errorsUrl(found.batch.id, found.batch.rowsBad) },
          errors: batchRowErrors(caller, found.batch, found.errors),
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
          params: BatchParams,
          produces: ['text/csv'],
          response: { 200: Type.String({ description: 'text/csv' }), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const found = await findBatch(store, callerOf(req), req.params.id);
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
