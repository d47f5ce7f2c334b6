// Reading triage for the console: the files left at 预警 (no clue: shown on dashboards and profiles)
// and the counts per procedure, both within the caller's scope (their region; agency roles their
// agency's hits only).
import type { Store } from '../../store/store.ts';
import { sql } from '../../store/sql.ts';
import type { Caller } from '../../auth/caller.ts';
import { hitScope } from '../../policy/index.ts';
import { findModel } from '../library/index.ts';
import { PROCEDURES, PROCEDURE_LABELS, type Procedure } from './procedure.ts';
import { fileOf } from './present.ts';

/** The files at 预警 in the caller's scope, highest score first. */
export async function listWarnings(store: Store, caller: Caller, page: { page: number; pageSize: number; q?: string }) {
  const scope = hitScope(caller, 'h');
  const q = page.q?.trim();
  const like = q ? `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  const where = like
    ? sql`h.clue_id IS NULL AND ${scope} AND (h.title LIKE ${like} ESCAPE '\\' OR h.bundle_subject LIKE ${like} ESCAPE '\\')`
    : sql`h.clue_id IS NULL AND ${scope}`;
  const [total] = await store.query<{ n: number }>(sql`SELECT count(DISTINCT h.bundle_key) AS n FROM model_hits h WHERE ${where}`);
  const rows = await store.query<{
    bundle_key: string;
    bundle_subject: string;
    region_code: string;
    agency_id: string | null;
    hits: number;
    score: number;
    models: number;
    model_code: string;
    last_found: string;
    title: string;
  }>(sql`SELECT h.bundle_key, min(h.bundle_subject) AS bundle_subject, min(h.region_code) AS region_code, min(h.agency_id) AS agency_id,
      count(*) AS hits, max(h.score) AS score, count(DISTINCT h.model_code) AS models, min(h.model_code) AS model_code,
      max(h.found_on) AS last_found, min(h.title) AS title
    FROM model_hits h WHERE ${where}
    GROUP BY h.bundle_key ORDER BY max(h.score) DESC, h.bundle_key LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  return {
    total: Number(total.n),
    page: page.page,
    pageSize: page.pageSize,
    rows: rows.map((r) => ({
      key: r.bundle_key,
      file: fileOf(r.bundle_subject, r.hits)!,
      regionCode: r.region_code,
      agencyId: r.agency_id,
      hits: Number(r.hits),
      score: Number(r.score),
      models: Number(r.models),
      modelName: findModel(r.model_code)?.name ?? r.model_code,
      lastFound: String(r.last_found).slice(0, 10),
      title: r.title,
    })),
  };
}

/** Hits and files per procedure in the caller's scope (a file without a clue is 预警). */
export async function triageSummary(store: Store, caller: Caller) {
  const rows = await store.query<{ procedure: string; files: number; hits: number }>(sql`
    SELECT CASE WHEN h.clue_id IS NULL THEN 'warning' WHEN c.procedure = 'simple' THEN 'simple' ELSE 'general' END AS procedure,
           count(DISTINCT COALESCE(h.clue_id, h.bundle_key)) AS files, count(*) AS hits
    FROM model_hits h LEFT JOIN clues c ON c.id = h.clue_id WHERE ${hitScope(caller, 'h')} GROUP BY 1`);
  return PROCEDURES.map((p: Procedure) => {
    const r = rows.find((x) => x.procedure === p);
    return { procedure: p, label: PROCEDURE_LABELS[p], files: Number(r?.files ?? 0), hits: Number(r?.hits ?? 0) };
  });
}
