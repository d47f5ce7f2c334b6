// The model library over HTTP: what each model is and enforces, its settings in force for the caller's
// region, its clues over time; admins switch models and change parameters per region (audited).
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { regionProblem } from '../domain/region.ts';
import { abilities, authorize, clueScope, onCallerPath } from '../policy/index.ts';
import { MODELS, findModel } from '../models/library/index.ts';
import { MODEL_CATEGORIES, type ModelDefinition } from '../models/model.ts';
import { effectiveSetting, loadAllSettings, saveSetting } from '../models/settings.ts';
import { runModels } from '../models/runner.ts';
import { enabledLocalModels } from '../models/local/local-models.ts';
import { exclusiveRun, RunInProgress } from '../models/run-lock.ts';
import { callerOf, type Api } from './app.ts';
import { clockFor } from '../clues/clock.ts';
import { ModelCodeParams, ModelDetail, ModelEntry, ModelRunReport, RunBody, SettingBody, type ModelRunRow } from './model-schemas.ts';
import { errors, Nullable } from './schemas.ts';
import { Type } from '@sinclair/typebox';
import { KeduError, badRequest, notFound } from '../domain/errors.ts';

interface Basis {
  title: string;
  label: string | null;
  text: string | null;
}

/** The basis (regulation title, article label and text) of each model, in two queries for the whole list. */
async function loadBases(store: Store, models: readonly ModelDefinition[]): Promise<Map<string, Basis>> {
  const ids = [...new Set(models.map((m) => m.basis.regulationId))];
  const list = joinSql(
    ids.map((id) => sql`${id}`),
    ', ',
  );
  const titles = new Map(
    (await store.query<{ id: string; title: string }>(sql`SELECT id, title FROM regulations WHERE id IN (${list})`)).map((r) => [
      r.id,
      r.title,
    ]),
  );
  const articles = new Map(
    (
      await store.query<{ regulation_id: string; number: number; label: string; text: string | null }>(
        sql`SELECT regulation_id, number, label, text FROM articles WHERE regulation_id IN (${list})`,
      )
    ).map((a) => [`${a.regulation_id}#${a.number}`, a]),
  );
  return new Map(
    models.map((m) => {
      const a = m.basis.article === undefined ? undefined : articles.get(`${m.basis.regulationId}#${m.basis.article}`);
      return [m.code, { title: titles.get(m.basis.regulationId) ?? m.basis.regulationId, label: a?.label ?? null, text: a?.text ?? null }];
    }),
  );
}

async function describeModels(store: Store, caller: Caller, models: readonly ModelDefinition[]) {
  const [allSettings, bases] = [await loadAllSettings(store), await loadBases(store, models)];
  return models.map((m) => {
    const settings = allSettings.get(m.code) ?? [];
    const inForce = effectiveSetting(m, settings, caller.regionCode);
    return {
      code: m.code,
      name: m.name,
      description: m.description,
      category: m.category,
      categoryLabel: MODEL_CATEGORIES[m.category],
      severity: m.severity,
      explanation: m.explanation,
      evidenceKind: m.evidenceKind,
      realtime: !!m.realtime,
      basis: { ...m.basis, ...bases.get(m.code)! },
      params: m.params.map((p) => ({ ...p, value: inForce.params[p.name] })),
      enabled: inForce.enabled,
      settings: settings.filter((s) => onCallerPath(caller, s.regionCode)),
      can: abilities(caller, { type: 'model' }),
    };
  });
}

const describe = async (store: Store, caller: Caller, m: ModelDefinition) => (await describeModels(store, caller, [m]))[0];

export async function modelRoutes(app: Api, store: Store, asOf?: string): Promise<void> {
  app.get(
    '/models',
    {
      schema: {
        tags: ['models'],
        summary: '监督模型库（含本人可见范围的线索数）',
        response: { 200: Type.Object({ rows: Type.Array(ModelEntry) }), ...errors(401) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const counts = new Map(
        (
          await store.query<{ model_code: string; n: number; open: number }>(sql`
      SELECT t.model_code, count(*) AS n, sum(CASE WHEN t.status IN ('closed', 'dismissed') THEN 0 ELSE 1 END) AS open
      FROM clues t WHERE t.model_code IS NOT NULL AND ${clueScope(caller, 't')} GROUP BY t.model_code`)
        ).map((r) => [r.model_code, r]),
      );
      const rows = (await describeModels(store, caller, MODELS)).map((d) => ({
        ...d,
        clues: Number(counts.get(d.code)?.n ?? 0),
        openClues: Number(counts.get(d.code)?.open ?? 0),
      }));
      return { rows };
    },
  );

  app.get(
    '/models/:code',
    {
      schema: {
        tags: ['models'],
        summary: '模型详情：依据条文、参数、线索按月趋势、最近运行',
        params: ModelCodeParams,
        response: { 200: ModelDetail, ...errors(401, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const m = findModel(req.params.code);
      if (!m) throw notFound('未找到该模型');
      const byMonth = await store.query<{ month: string; n: number }>(sql`
      SELECT ${raw(store.dialect.monthKey('t.created_at'))} AS month, count(*) AS n FROM clues t
      WHERE t.model_code = ${m.code} AND ${clueScope(caller, 't')} GROUP BY 1 ORDER BY 1`);
      // Runs over the caller's region, a region above it (which covered it) or one inside it.
      const runs = (
        await store.query<{
          id: string;
          region_code: string;
          trigger: ModelRunRow['trigger'];
          started_at: string;
          millis: number;
          hits: number;
          new_clues: number;
        }>(sql`SELECT * FROM model_runs WHERE model_code = ${m.code} ORDER BY started_at DESC LIMIT 200`)
      )
        .filter((r) => onCallerPath(caller, r.region_code))
        .slice(0, 20)
        .map((r) => ({
          id: r.id,
          regionCode: r.region_code,
          trigger: r.trigger,
          startedAt: r.started_at,
          millis: r.millis,
          hits: r.hits,
          newClues: r.new_clues,
        }));
      return { model: await describe(store, caller, m), cluesByMonth: byMonth.map((r) => ({ month: r.month, clues: Number(r.n) })), runs };
    },
  );

  app.put(
    '/models/:code/settings',
    {
      schema: {
        tags: ['models'],
        summary: '按区划启停模型、调整参数（管理员）',
        params: ModelCodeParams,
        body: SettingBody,
        response: { 200: Type.Object({ model: ModelEntry }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'configure', { type: 'model' });
      const m = findModel(req.params.code);
      if (!m) throw notFound('未找到该模型');
      const body = req.body;
      const rp = regionProblem(body.regionCode);
      if (rp) throw badRequest(rp, 'regionCode');
      authorize(caller, 'configure', { type: 'model', regionCode: body.regionCode });
      try {
        await saveSetting(store, caller, m, body.regionCode, body.enabled, body.params);
      } catch (e) {
        throw badRequest((e as Error).message, (e as { field?: string }).field);
      }
      return { model: await describe(store, caller, m) };
    },
  );

  app.post(
    '/models/run',
    {
      schema: {
        tags: ['models'],
        summary: '在本辖区运行模型（监督员、管理员）',
        body: RunBody,
        response: {
          200: Type.Object({
            runId: Nullable(Type.String({ description: '整库运行的编号（单个模型运行时为 null）' })),
            reports: Type.Array(ModelRunReport),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      authorize(caller, 'run', { type: 'model', regionCode: caller.regionCode });
      const code = req.body.model;
      const list = code ? [findModel(code)].filter((m): m is ModelDefinition => !!m) : [...MODELS, ...(await enabledLocalModels(store))];
      if (code && list.length === 0) throw notFound('未找到该模型');
      // A server judging as of another day finds its clues on that day.
      const now = asOf ? clockFor(asOf)() : undefined;
      const incremental = req.body.incremental === true;
      const run = async () =>
        (
          await runModels(store, list, { regionCode: caller.regionCode, trigger: 'batch', actor: caller.userId, asOf, now, incremental })
        ).map(({ scope, ...r }) => (scope ? { ...r, incremental: scope } : r));
      if (code) return { runId: null, reports: await run() };
      // The whole library: one run at a time over a region (src/models/run-lock.ts).
      try {
        return await exclusiveRun(store, { regionCode: caller.regionCode, trigger: 'batch', actor: caller.userId }, async (runId) => ({
          runId,
          reports: await run(),
        }));
      } catch (e) {
        if (e instanceof RunInProgress) throw new KeduError('conflict', e.message, undefined, { runningRunId: e.running.runId });
        throw e;
      }
    },
  );
}
