// Rectification evidence as e-evidence: each uploaded file is stored under the attachments folder
// (KEDU_ATTACHMENTS_DIR, default data/attachments) by id, never by its given name, and its SHA-256
// and SM3 (GB/T 32905) digests are recorded with the upload, so a later copy can be shown identical.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { KeduError } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';
import type { Clock } from './clock.ts';
import { visibleClue, type ClueRow } from './workflow.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_UPLOAD = 10;

export const attachmentsRoot = (): string => resolve(process.env.KEDU_ATTACHMENTS_DIR ?? 'data/attachments');

export interface AttachmentRow {
  id: string;
  clue_id: string;
  region_code: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  sm3: string;
  storage_path: string;
  uploaded_by: string;
  uploaded_at: string;
}

/** Checks the caller may upload to the clue (before any byte is read); returns the clue. */
export async function clueForUpload(store: Store, caller: Caller, clueId: string): Promise<ClueRow> {
  const clue = await visibleClue(store, caller, clueId);
  authorize(caller, 'upload', { type: 'clue', clue });
  return clue;
}

export interface IncomingFile {
  fileName: string;
  contentType: string;
  stream: Readable;
  truncated(): boolean;
}

/** A file name safe to show and to send back in Content-Disposition (no path, no control characters). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'attachment';
}

/** A file read to the end and hashed, not yet saved: nothing of it is visible until commitAttachments. */
export interface ReceivedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  sm3: string;
  /** Where it waits, beside its final place. */
  partial: string;
}

/**
 * Streams one file of an upload to a partial file while hashing it. An upload's files are all received
 * before any is saved, so that one refused (too large, the 11th) leaves nothing behind: the route
 * discards what it received and answers 413.
 */
export async function receiveAttachment(file: IncomingFile): Promise<ReceivedFile> {
  const id = `AT-${randomUUID()}`;
  const partial = join(attachmentsRoot(), 'incoming', `${id}.part`);
  await mkdir(dirname(partial), { recursive: true });
  const sha256 = createHash('sha256');
  const sm3 = createHash('sm3');
  let size = 0;
  const hasher = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      sha256.update(chunk);
      sm3.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.stream, hasher, createWriteStream(partial));
    if (file.truncated()) throw new KeduError('too_large', `单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB：${file.fileName}`);
    if (size === 0) throw new KeduError('bad_request', `附件为空：${file.fileName}`, 'file');
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return {
    id,
    fileName: cleanFileName(file.fileName),
    contentType: file.contentType.slice(0, 100) || 'application/octet-stream',
    size,
    sha256: sha256.digest('hex'),
    sm3: sm3.digest('hex'),
    partial,
  };
}

/** Removes files received for an upload that was refused. */
export async function discardReceived(files: ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.partial, { force: true })));
}

/**
 * Saves the files of one upload together: each moved to its place, and their rows, timeline events
 * and audit entries written in one transaction; if that fails, none of the files stays.
 */
export async function commitAttachments(
  store: Store,
  caller: Caller,
  clue: ClueRow,
  files: ReceivedFile[],
  clock: Clock,
): Promise<AttachmentRow[]> {
  const at = clock();
  const rows: AttachmentRow[] = files.map((f) => ({
    id: f.id,
    clue_id: clue.id,
    region_code: clue.region_code,
    file_name: f.fileName,
    content_type: f.contentType,
    size_bytes: f.size,
    sha256: f.sha256,
    sm3: f.sm3,
    storage_path: join(String(at.getUTCFullYear()), clue.id, f.id).split('\\').join('/'),
    uploaded_by: caller.userId,
    uploaded_at: at.toISOString(),
  }));
  const moved: string[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const target = join(attachmentsRoot(), rows[i].storage_path);
      await mkdir(dirname(target), { recursive: true });
      await rename(f.partial, target);
      moved.push(target);
    }
    await withAudit(store, clue.region_code, async (tx) => {
      for (const row of rows) {
        await tx.exec(sql`INSERT INTO clue_attachments (id, clue_id, region_code, file_name, content_type, size_bytes, sha256, sm3, storage_path, uploaded_by, uploaded_at)
          VALUES (${row.id}, ${row.clue_id}, ${row.region_code}, ${row.file_name}, ${row.content_type}, ${row.size_bytes}, ${row.sha256}, ${row.sm3}, ${row.storage_path}, ${row.uploaded_by}, ${row.uploaded_at})`);
        await tx.exec(sql`INSERT INTO clue_events (id, clue_id, region_code, actor_user_id, action, from_status, to_status, comment, detail, occurred_at)
          VALUES (${`EV-${randomUUID()}`}, ${clue.id}, ${clue.region_code}, ${caller.userId}, 'attach', ${clue.status}, ${clue.status}, ${row.file_name},
            ${JSON.stringify({ attachmentId: row.id, sha256: row.sha256, sm3: row.sm3, size: row.size_bytes })}, ${row.uploaded_at})`);
      }
      return {
        result: null,
        audit: rows.map((row) => ({
          actor: caller.userId,
          action: 'clue.attach',
          target: clue.id,
          regionCode: clue.region_code,
          detail: { attachmentId: row.id, fileName: row.file_name, size: row.size_bytes, sha256: row.sha256, sm3: row.sm3 },
        })),
      };
    });
  } catch (e) {
    await Promise.all(moved.map((m) => rm(m, { force: true })));
    await discardReceived(files);
    throw e;
  }
  return rows;
}

export async function listAttachments(store: Store, clueIds: string[]): Promise<AttachmentRow[]> {
  if (clueIds.length === 0) return [];
  const rows: AttachmentRow[] = [];
  for (const id of clueIds)
    rows.push(...(await store.query<AttachmentRow>(sql`SELECT * FROM clue_attachments WHERE clue_id = ${id} ORDER BY uploaded_at, id`)));
  return rows;
}

/** Opens a stored attachment the caller may read (through its clue), checking its digest still matches. */
export async function openAttachment(
  store: Store,
  caller: Caller,
  id: string,
): Promise<{ row: AttachmentRow; stream: Readable; size: number }> {
  const [row] = await store.query<AttachmentRow>(sql`SELECT * FROM clue_attachments WHERE id = ${id}`);
  if (!row) throw new KeduError('not_found', `未找到附件 ${id}`);
  authorize(caller, 'read_evidence', { type: 'clue', clue: await visibleClue(store, caller, row.clue_id) });
  const path = join(attachmentsRoot(), row.storage_path);
  const info = await stat(path).catch(() => null);
  if (!info) throw new KeduError('not_found', `附件文件缺失：${id}`);
  return { row, stream: createReadStream(path), size: info.size };
}

/** Recomputes a stored file's SHA-256 and compares it with the one recorded at upload. */
export async function verifyAttachment(row: AttachmentRow): Promise<boolean> {
  const h = createHash('sha256');
  await pipeline(
    createReadStream(join(attachmentsRoot(), row.storage_path)),
    new Transform({
      transform(c, _e, d) {
        h.update(c);
        d();
      },
    }),
  );
  return h.digest('hex') === row.sha256;
}
