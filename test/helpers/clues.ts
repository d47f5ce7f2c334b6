// Helpers for the clue loop's tests: log in through the API, and put a clue straight into any status.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/store.ts';
import { sql } from '../../src/store/sql.ts';
import { PASSWORD } from './fixtures.ts';
import { businessDate } from '../../src/clues/clock.ts';
import { addDays } from '../../src/domain/dates.ts';

/** Background jobs off (tests drive escalation and delivery themselves); evidence files in a temporary folder. */
export function quietEnvironment(): string {
  process.env.KEDU_BACKGROUND_JOBS = 'off';
  const dir = mkdtempSync(join(tmpdir(), 'kedu-attachments-'));
  process.env.KEDU_ATTACHMENTS_DIR = dir;
  return dir;
}

export async function login(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'kedu_session');
  return `kedu_session=${cookie!.value}`;
}

export const today = (): string => businessDate(new Date());
export const inDays = (n: number): string => addDays(today(), n);

export interface ClueFields {
  id: string;
  status?: string;
  regionCode?: string;
  agencyId?: string | null;
  severity?: string;
  deadline?: string | null;
  createdBy?: string | null;
  source?: string;
  title?: string;
  explanation?: string;
  caseId?: string | null;
}

/** Inserts a clue as it would stand in `status` (a deadline when the status runs one). */
export async function insertClue(store: Store, f: ClueFields): Promise<void> {
  const status = f.status ?? 'new';
  const now = new Date().toISOString();
  const deadline =
    f.deadline !== undefined
      ? f.deadline
      : ['assigned', 'rectifying', 'returned', 'submitted', 'closed'].includes(status)
        ? inDays(5)
        : null;
  await store.exec(sql`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence, params, status, deadline,
      created_at, updated_at, created_by, case_id)
    VALUES (${f.id}, ${f.regionCode ?? '330111'}, ${f.agencyId === undefined ? 'AG-FY-ZHZF' : f.agencyId}, ${f.source ?? 'model'}, NULL, ${f.id},
      ${f.severity ?? 'high'}, ${f.title ?? `测试线索 ${f.id}`}, ${f.explanation ?? '执法检查中存在程序问题，需要核查。'}, NULL, NULL, ${status}, CAST(${deadline} AS DATE),
      ${now}, ${now}, ${f.createdBy ?? null}, ${f.caseId ?? null})`);
}

/** An evidence record for a clue, as an upload would leave it (the file itself is not needed by the workflow). */
export async function insertAttachment(store: Store, clueId: string, id = `AT-${clueId}`): Promise<string> {
  await store.exec(sql`INSERT INTO clue_attachments (id, clue_id, region_code, file_name, content_type, size_bytes, sha256, sm3, storage_path, uploaded_by, uploaded_at)
    VALUES (${id}, ${clueId}, '330111', 'evidence.pdf', 'application/pdf', 1, ${'0'.repeat(64)}, ${'0'.repeat(64)}, 'none', 'test', ${new Date().toISOString()})`);
  return id;
}

/**
 * Triage thresholds under which every model hit opens a 一般 clue (the full loop): for tests about the
 * clue loop that start from a model's hit, whatever its risk score (src/models/triage/procedure.ts).
 */
export async function everyHitAClue(store: Store): Promise<void> {
  await store.exec(
    `INSERT INTO triage_settings (region_code, simple_min, general_min, general_severity, simple_days, updated_at, updated_by)
     VALUES ('330000', 0, 0, 'low', 15, '2025-01-01T00:00:00Z', 'test')`,
  );
}
