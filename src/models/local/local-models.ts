// Local models kept in the store: created and changed by admins of a region (each save a new version,
// the old kept), switched on and off, previewed on the live data before that, and run with the library
// (runModels takes them beside MODELS; each runs over its own region). Every change is audited.
import type { Store } from '../../store/store.ts';
import { sql } from '../../store/sql.ts';
import { withAudit } from '../../audit/audit-log.ts';
import { regionContains } from '../../domain/region.ts';
import type { Caller } from '../../auth/caller.ts';
import { badRequest, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policy/index.ts';
import { explain, type ModelDefinition } from '../model.ts';
import { queryHits } from '../runner.ts';
import { localModel, templateProblem, type Template } from './template.ts';

interface Row {
  code: string;
  region_code: string;
  name: string;
  version: number;
  enabled: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Checks a template against the registry and the law texts in the store; throws a 400 naming the field. */
async function checkTemplate(store: Store, t: Template): Promise<void> {
  const p = templateProblem(t);
  if (p) throw badRequest(p[1], p[0]);
  const [reg] = await store.query<{ id: string }>(sql`SELECT id FROM regulations WHERE id = ${t.basis.regulationId}`);
  if (!reg) throw badRequest(`法规库中没有该法规：${t.basis.regulationId}`, 'basis.regulationId');
  if (t.basis.article !== undefined) {
    const [a] = await store.query(
      sql`SELECT 1 AS ok FROM articles WHERE regulation_id = ${t.basis.regulationId} AND number = ${t.basis.article}`,
    );
    if (!a) throw badRequest(`该法规没有第${t.basis.article}条`, 'basis.article');
  }
}

const mayWrite = (caller: Caller, regionCode: string): void => authorize(caller, 'write', { type: 'local_model', regionCode });

const present = (r: Row) => ({
  code: r.code,
  regionCode: r.region_code,
  name: r.name,
  version: Number(r.version),
  enabled: !!r.enabled,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** The local models a caller may see: of their region, above it (which run over it) or inside it. */
export async function listLocalModels(store: Store, caller: Caller) {
  const rows = await store.query<Row>('SELECT * FROM local_models ORDER BY code');
  return rows
    .filter((r) => regionContains(caller.regionCode, r.region_code) || regionContains(r.region_code, caller.regionCode))
    .map(present);
}

async function loadRow(store: Store, caller: Caller, code: string): Promise<Row> {
  const [row] = await store.query<Row>(sql`SELECT * FROM local_models WHERE code = ${code}`);
  if (!row || !(regionContains(caller.regionCode, row.region_code) || regionContains(row.region_code, caller.regionCode)))
    throw notFound(`未找到本地模型 ${code}`);
  return row;
}

/** One local model with every version's template. */
export async function getLocalModel(store: Store, caller: Caller, code: string) {
  const row = await loadRow(store, caller, code);
  const versions = await store.query<{ version: number; template: string; created_at: string; created_by: string }>(
    sql`SELECT version, template, created_at, created_by FROM local_model_versions WHERE code = ${code} ORDER BY version DESC`,
  );
  return {
    ...present(row),
    versions: versions.map((v) => ({
      version: Number(v.version),
      template: JSON.parse(v.template) as Template,
      createdAt: v.created_at,
      createdBy: v.created_by,
    })),
  };
}

/** Creates a local model (off until switched on) or saves a new version of one; audited. */
export async function saveLocalModel(store: Store, caller: Caller, input: { code?: string; regionCode: string; template: Template }) {
  mayWrite(caller, input.regionCode);
  await checkTemplate(store, input.template);
  const code = await withAudit(store, input.regionCode, async (tx) => {
    const now = new Date().toISOString();
    let code = input.code;
    let version = 1;
    if (code) {
      const row = await loadRow(tx, caller, code);
      mayWrite(caller, row.region_code);
      if (row.region_code !== input.regionCode) throw badRequest('本地模型的区划不能更改', 'regionCode');
      version = Number(row.version) + 1;
      await tx.exec(sql`UPDATE local_models SET name = ${input.template.name}, version = ${version}, updated_at = ${now}, updated_by = ${caller.userId}
        WHERE code = ${code}`);
    } else {
      const [n] = await tx.query<{ n: number }>(sql`SELECT count(*) AS n FROM local_models WHERE region_code = ${input.regionCode}`);
      code = `LOC-${input.regionCode}-${String(Number(n.n) + 1).padStart(3, '0')}`;
      await tx.exec(sql`INSERT INTO local_models (code, region_code, name, version, enabled, created_at, created_by, updated_at, updated_by)
        VALUES (${code}, ${input.regionCode}, ${input.template.name}, 1, FALSE, ${now}, ${caller.userId}, ${now}, ${caller.userId})`);
    }
    await tx.exec(sql`INSERT INTO local_model_versions (code, version, template, created_at, created_by)
      VALUES (${code}, ${version}, ${JSON.stringify(input.template)}, ${now}, ${caller.userId})`);
    return {
      result: code,
      audit: [
        {
          actor: caller.userId,
          action: version === 1 ? 'local_model.create' : 'local_model.update',
          target: code,
          regionCode: input.regionCode,
          detail: { version, template: input.template },
        },
      ],
    };
  });
  return getLocalModel(store, caller, code);
}

/** Switches a local model on or off; audited. */
export async function setLocalModelEnabled(store: Store, caller: Caller, code: string, enabled: boolean) {
  const row = await loadRow(store, caller, code);
  mayWrite(caller, row.region_code);
  await withAudit(store, row.region_code, async (tx) => {
    await tx.exec(
      sql`UPDATE local_models SET enabled = ${enabled}, updated_at = ${new Date().toISOString()}, updated_by = ${caller.userId} WHERE code = ${code}`,
    );
    return {
      result: null,
      audit: [
        {
          actor: caller.userId,
          action: 'local_model.enable',
          target: code,
          regionCode: row.region_code,
          detail: { enabled, version: Number(row.version) },
        },
      ],
    };
  });
  return getLocalModel(store, caller, code);
}

/** The local models switched on, at their latest version, as models of the library. */
export async function enabledLocalModels(store: Store): Promise<ModelDefinition[]> {
  const rows = await store.query<{ code: string; region_code: string; version: number; template: string }>(
    `SELECT m.code, m.region_code, m.version, v.template FROM local_models m JOIN local_model_versions v ON v.code = m.code AND v.version = m.version
     WHERE m.enabled ORDER BY m.code`,
  );
  return rows.map((r) => ({
    ...localModel(r.code, JSON.parse(r.template) as Template),
    region: r.region_code,
    version: Number(r.version),
  }));
}

/** At most this many explanations in a preview. */
const SAMPLE = 5;

/**
 * What a template would find on the live data, over the caller's region (or the model's, if narrower),
 * as of `asOf`: the hit count and a few hits with their filled explanations. Nothing is written.
 */
export async function previewTemplate(store: Store, caller: Caller, regionCode: string, t: Template, asOf: string) {
  mayWrite(caller, regionCode);
  await checkTemplate(store, t);
  const model = localModel('LOC-PREVIEW', t);
  const started = performance.now();
  const hits = await queryHits(store, model, { regionCode, enabled: true, params: {}, exclude: [] }, asOf);
  return {
    regionCode,
    asOf,
    hits: hits.length,
    millis: Math.round(performance.now() - started),
    sample: hits.slice(0, SAMPLE).map((h) => ({
      subjectKind: h.subject_kind,
      subjectId: h.subject_id,
      subjectName: typeof h.subject_name === 'string' ? h.subject_name : null,
      explanation: explain(model.explanation, h, {}),
      evidenceIds: String(h.evidence_ids).split(',').slice(0, 20),
    })),
  };
}
