// The model library over HTTP: what each model is and enforces, its settings in force for the caller's
// region, its clues over time; admins switch models and change parameters per region (audited).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { sql, raw } from '../store/sql.ts';
import { scopeFilter, type Caller } from '../auth/caller.ts';
import { regionContains, regionProblem } from '../domain/region.ts';
import { MODELS, findModel } from '../models/library/index.ts';
import { MODEL_CATEGORIES, type ModelDefinition } from '../models/model.ts';
import { effectiveSetting, loadSettings, saveSetting } from '../models/settings.ts';
import { runModels } from '../models/runner.ts';
import { callerOf } from './app.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

async function describe(store: Store, caller: Caller, m: ModelDefinition) {
  const settings = await loadSettings(store, m.code);
  const inForce = effectiveSetting(m, settings, caller.regionCode);
  const [article] = m.basis.article === undefined ? [] : await store.query<{ label: string; text: string | null; title: string }>(sql`
    SELECT a.label, a.text, r.title FROM articles a JOIN regulations r ON r.id = a.regulation_id
    WHERE a.regulation_id = ${m.basis.regulationId} AND a.number = ${m.basis.article}`);
  const [reg] = article ? [] : await store.query<{ title: string }>(sql`SELECT title FROM regulations WHERE id = ${m.basis.regulationId}`);
  return {
    code: m.code, name: m.name, description: m.description, category: m.category, categoryLabel: MODEL_CATEGORIES[m.category],
    severity: m.severity, explanation: m.explanation, evidenceKind: m.evidenceKind, realtime: !!m.realtime,
    basis: { ...m.basis, title: article?.title ?? reg?.title ?? m.basis.regulationId, label: article?.label ?? null, text: article?.text ?? null },
    params: m.params.map((p) => ({ ...p, value: inForce.params[p.name] })),
    enabled: inForce.enabled,
    settings: settings.filter((s) => regionContains(caller.regionCode, s.regionCode) || regionContains(s.regionCode, caller.regionCode)),
  };
}

export async function modelRoutes(app: FastifyInstance, store: Store): Promise<void> {
  app.get('/models', { schema: { tags: ['models'], summary: '监督模型库（含本辖区线索数）' } }, async (req) => {
    const caller = callerOf(req);
    const counts = new Map((await store.query<{ model_code: string; n: number; open: number }>(sql`
      SELECT t.model_code, count(*) AS n, sum(CASE WHEN t.status IN ('closed', 'dismissed') THEN 0 ELSE 1 END) AS open
      FROM clues t WHERE t.model_code IS NOT NULL AND ${scopeFilter(caller, 't')} GROUP BY t.model_code`)).map((r) => [r.model_code, r]));
    const rows = [];
    for (const m of MODELS) rows.push({ ...(await describe(store, caller, m)), clues: Number(counts.get(m.code)?.n ?? 0), openClues: Number(counts.get(m.code)?.open ?? 0) });
    return { rows };
  });

  app.get('/models/:code', {
    schema: { tags: ['models'], summary: '模型详情：依据条文、参数、线索按月趋势、最近运行', params: Type.Object({ code: Type.String({ maxLength: 40 }) }) },
  }, async (req) => {
    const caller = callerOf(req);
    const m = findModel((req.params as { code: string }).code);
    if (!m) throw notFound('未找到该模型');
    const byMonth = await store.query<{ month: string; n: number }>(sql`
      SELECT ${raw(store.dialect.monthKey('t.created_at'))} AS month, count(*) AS n FROM clues t
      WHERE t.model_code = ${m.code} AND ${scopeFilter(caller, 't')} GROUP BY 1 ORDER BY 1`);
    // Runs over the caller's region, a region above it (which covered it) or one inside it.
    const runs = (await store.query<{ id: string; region_code: string; trigger: string; started_at: string; millis: number; hits: number; new_clues: number }>(
      sql`SELECT * FROM model_runs WHERE model_code = ${m.code} ORDER BY started_at DESC LIMIT 200`))
      .filter((r) => regionContains(caller.regionCode, r.region_code) || regionContains(r.region_code, caller.regionCode))
      .slice(0, 20)
      .map((r) => ({ id: r.id, regionCode: r.region_code, trigger: r.trigger, startedAt: r.started_at, millis: r.millis, hits: r.hits, newClues: r.new_clues }));
    return { model: await describe(store, caller, m), cluesByMonth: byMonth.map((r) => ({ month: r.month, clues: Number(r.n) })), runs };
  });

  app.put('/models/:code/settings', {
    schema: {
      tags: ['models'], summary: '按区划启停模型、调整参数（管理员）',
      params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
      body: Type.Object({ regionCode: Type.String(), enabled: Type.Boolean(), params: Type.Record(Type.String(), Type.Number()) }),
    },
  }, async (req) => {
    const caller = callerOf(req);
    if (caller.role !== 'admin') throw forbidden('仅管理员可以调整模型设置');
    const m = findModel((req.params as { code: string }).code);
    if (!m) throw notFound('未找到该模型');
    const body = req.body as { regionCode: string; enabled: boolean; params: Record<string, number> };
    const rp = regionProblem(body.regionCode);
    if (rp) throw badRequest(rp, 'regionCode');
    if (!regionContains(caller.regionCode, body.regionCode)) throw forbidden('该区划不在您的辖区内');
    try {
      await saveSetting(store, caller, m, body.regionCode, body.enabled, body.params);
    } catch (e) {
      throw badRequest((e as Error).message, (e as { field?: string }).field);
    }
    return { model: await describe(store, caller, m) };
  });

  app.post('/models/run', {
    schema: {
      tags: ['models'], summary: '在本辖区运行模型（监督员、管理员）',
      body: Type.Object({ model: Type.Optional(Type.String({ maxLength: 40 })) }),
    },
  }, async (req) => {
    const caller = callerOf(req);
    if (caller.role !== 'admin' && caller.role !== 'supervisor') throw forbidden('仅监督员和管理员可以运行模型');
    const code = (req.body as { model?: string }).model;
    const list = code ? [findModel(code)].filter((m): m is ModelDefinition => !!m) : [...MODELS];
    if (code && list.length === 0) throw notFound('未找到该模型');
    return { reports: await runModels(store, list, { regionCode: caller.regionCode, trigger: 'batch', actor: caller.userId }) };
  });
}
