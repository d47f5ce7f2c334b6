// Per-region switches and parameters of the models. A setting applies to its region's subtree; the
// most specific region wins, so Hangzhou can narrow a window that the province set.
import type { Store } from '../store/store.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionPrefix } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { defaultParams, paramProblem, type ModelDefinition, type ParamValues } from './model.ts';

export interface ModelSetting {
  regionCode: string;
  enabled: boolean;
  params: ParamValues;
}

export async function loadSettings(store: Store, modelCode: string): Promise<ModelSetting[]> {
  return (await loadAllSettings(store, modelCode)).get(modelCode) ?? [];
}

/** The settings of every model (or of one), by model code, in one query. */
export async function loadAllSettings(store: Store, modelCode?: string): Promise<Map<string, ModelSetting[]>> {
  const rows = await store.query<{ model_code: string; region_code: string; enabled: boolean; params: string }>(
    `SELECT model_code, region_code, enabled, params FROM model_settings${modelCode ? ' WHERE model_code = $1' : ''}`,
    modelCode ? [modelCode] : [],
  );
  const byModel = new Map<string, ModelSetting[]>();
  for (const r of rows) {
    (byModel.get(r.model_code) ?? byModel.set(r.model_code, []).get(r.model_code)!).push({
      regionCode: r.region_code,
      enabled: r.enabled,
      params: JSON.parse(r.params) as ParamValues,
    });
  }
  return byModel;
}

/** The setting in force for a region: defaults overlaid by every setting on its path, outermost first. */
export function effectiveSetting(
  model: ModelDefinition,
  settings: ModelSetting[],
  regionCode: string,
): { enabled: boolean; params: ParamValues } {
  const path = settings
    .filter((s) => regionCode.startsWith(regionPrefix(s.regionCode)))
    .sort((a, b) => regionPrefix(a.regionCode).length - regionPrefix(b.regionCode).length);
  let enabled = true;
  let params = defaultParams(model);
  for (const s of path) {
    enabled = s.enabled;
    params = { ...params, ...s.params };
  }
  return { enabled, params };
}

/** A run over `root` splits into groups: each overriding region's subtree runs with its own setting. */
export interface RunGroup {
  regionCode: string;
  enabled: boolean;
  params: ParamValues;
  exclude: string[];
}

export function runGroups(model: ModelDefinition, settings: ModelSetting[], root: string): RunGroup[] {
  const rootPrefix = regionPrefix(root);
  const inner = settings
    .map((s) => s.regionCode)
    .filter((code) => regionPrefix(code).startsWith(rootPrefix) && regionPrefix(code) !== rootPrefix);
  const heads = [root, ...new Set(inner)];
  return heads.map((code) => {
    const prefix = regionPrefix(code);
    const exclude = heads
      .filter((other) => other !== code && regionPrefix(other).startsWith(prefix) && regionPrefix(other) !== prefix)
      .map(regionPrefix);
    return { regionCode: code, ...effectiveSetting(model, settings, code), exclude };
  });
}

// Caches of the settings in force (the real-time state) hear of every change saved here.
const saved = new Set<(store: Store) => void>();
export function onSettingsSaved(fn: (store: Store) => void): void {
  saved.add(fn);
}

export async function saveSetting(
  store: Store,
  caller: Caller,
  model: ModelDefinition,
  regionCode: string,
  enabled: boolean,
  params: Record<string, unknown>,
): Promise<void> {
  const problem = paramProblem(model, params);
  if (problem) throw Object.assign(new Error(problem[1]), { field: problem[0] });
  await withAudit(store, regionCode, async (tx) => {
    await tx.exec('DELETE FROM model_settings WHERE model_code = $1 AND region_code = $2', [model.code, regionCode]);
    await tx.exec(
      'INSERT INTO model_settings (model_code, region_code, enabled, params, updated_at, updated_by) VALUES ($1,$2,$3,$4,$5,$6)',
      [model.code, regionCode, enabled, JSON.stringify(params), new Date().toISOString(), caller.userId],
    );
    return {
      result: null,
      audit: [{ actor: caller.userId, action: 'model.configure', target: model.code, regionCode, detail: { enabled, params } }],
    };
  });
  for (const fn of saved) fn(store);
}
