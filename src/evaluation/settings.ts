// Per-region weights, targets, switches and groups of the indicators. A setting applies to its region's
// subtree; field by field, the most specific region that sets a field wins (NULL inherits), so a city
// can raise one target of the province's scheme and keep its weights. Every change is audited.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { EVERY_CHAIN, withAudit } from '../audit/audit-log.ts';
import { regionPrefix } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { INDICATOR_GROUPS, targetProblem, type IndicatorDefinition } from './indicators/indicator.ts';

export interface IndicatorSetting {
  indicatorCode: string;
  regionCode: string;
  enabled: boolean | null;
  weight: number | null;
  target: number | null;
  groupCode: string | null;
  updatedAt?: string;
  updatedBy?: string;
}

export interface InForce {
  enabled: boolean;
  weight: number;
  target: number;
  group: string;
}

export interface EvaluationGroup {
  code: string;
  name: string;
  builtIn: boolean;
}

/** Thrown for a setting a user may correct; the field names the input. */
export class SettingError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export async function loadIndicatorSettings(store: Store): Promise<IndicatorSetting[]> {
  const rows = await store.query<{
    indicator_code: string;
    region_code: string;
    enabled: boolean | null;
    weight: number | null;
    target: number | null;
    group_code: string | null;
    updated_at: string;
    updated_by: string;
  }>('SELECT * FROM indicator_settings ORDER BY indicator_code, region_code');
  return rows.map((r) => ({
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    enabled: r.enabled,
    weight: r.weight === null ? null : Number(r.weight),
    target: r.target === null ? null : Number(r.target),
    groupCode: r.group_code,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** The definition's defaults overlaid, field by field, by the settings on the region's path, outermost first. */
export function settingsInForce(def: IndicatorDefinition, settings: readonly IndicatorSetting[], regionCode: string): InForce {
  const path = settings
    .filter((s) => s.indicatorCode === def.code && regionCode.startsWith(regionPrefix(s.regionCode)))
    .sort((a, b) => regionPrefix(a.regionCode).length - regionPrefix(b.regionCode).length);
  const inForce: InForce = { enabled: true, weight: def.weight, target: def.target, group: def.group };
  for (const s of path) {
    if (s.enabled !== null) inForce.enabled = s.enabled;
    if (s.weight !== null) inForce.weight = s.weight;
    if (s.target !== null) inForce.target = s.target;
    if (s.groupCode !== null) inForce.group = s.groupCode;
  }
  return inForce;
}

export async function listGroups(store: Store): Promise<EvaluationGroup[]> {
  const custom = await store.query<{ code: string; name: string }>('SELECT code, name FROM evaluation_groups ORDER BY created_at, code');
  return [
    ...Object.entries(INDICATOR_GROUPS).map(([code, name]) => ({ code, name, builtIn: true })),
    ...custom.map((g) => ({ code: g.code, name: g.name, builtIn: false })),
  ];
}

export async function addGroup(store: Store, caller: Caller, code: string, name: string): Promise<EvaluationGroup> {
  if (!/^[a-z][a-z0-9_]{1,31}$/.test(code)) throw new SettingError('分组编码应为2至32位小写字母、数字或下划线，以字母开头', 'code');
  const clean = name.trim();
  if (clean.length < 2 || clean.length > 20) throw new SettingError('分组名称应为2至20个字', 'name');
  const groups = await listGroups(store);
  if (groups.some((g) => g.code === code)) throw new SettingError(`分组编码 ${code} 已存在`, 'code');
  if (groups.some((g) => g.name === clean)) throw new SettingError(`分组名称“${clean}”已存在`, 'name');
  return withAudit(store, EVERY_CHAIN, async (tx) => {
    await tx.exec(
      sql`INSERT INTO evaluation_groups (code, name, created_by, created_at) VALUES (${code}, ${clean}, ${caller.userId}, ${new Date()})`,
    );
    return {
      result: { code, name: clean, builtIn: false },
      audit: [{ actor: caller.userId, action: 'evaluation.group.add', target: code, detail: { name: clean } }],
    };
  });
}

export interface SettingPatch {
  enabled?: boolean | null;
  weight?: number | null;
  target?: number | null;
  groupCode?: string | null;
}

/** Writes the setting of one indicator for one region (the fields given; null clears a field), audited with before and after. */
export async function saveIndicatorSetting(
  store: Store,
  caller: Caller,
  def: IndicatorDefinition,
  regionCode: string,
  patch: SettingPatch,
): Promise<IndicatorSetting> {
  if (patch.weight !== undefined && patch.weight !== null && !(Number.isFinite(patch.weight) && patch.weight >= 0 && patch.weight <= 100))
    throw new SettingError('权重应为0至100之间的数', 'weight');
  if (patch.target !== undefined && patch.target !== null) {
    const problem = targetProblem(def, patch.target);
    if (problem) throw new SettingError(problem, 'target');
  }
  if (patch.groupCode !== undefined && patch.groupCode !== null && !(await listGroups(store)).some((g) => g.code === patch.groupCode))
    throw new SettingError(`没有编码为 ${patch.groupCode} 的指标分组`, 'groupCode');
  const all = await loadIndicatorSettings(store);
  const before = all.find((s) => s.indicatorCode === def.code && s.regionCode === regionCode) ?? null;
  const after: IndicatorSetting = {
    indicatorCode: def.code,
    regionCode,
    enabled: patch.enabled !== undefined ? patch.enabled : (before?.enabled ?? null),
    weight: patch.weight !== undefined ? patch.weight : (before?.weight ?? null),
    target: patch.target !== undefined ? patch.target : (before?.target ?? null),
    groupCode: patch.groupCode !== undefined ? patch.groupCode : (before?.groupCode ?? null),
  };
  const at = new Date();
  return withAudit(store, regionCode, async (tx) => {
    await tx.exec(sql`
      INSERT INTO indicator_settings (indicator_code, region_code, enabled, weight, target, group_code, updated_at, updated_by)
      VALUES (${def.code}, ${regionCode}, ${after.enabled}, ${after.weight}, ${after.target}, ${after.groupCode}, ${at}, ${caller.userId})
      ON CONFLICT (indicator_code, region_code) DO UPDATE SET enabled = excluded.enabled, weight = excluded.weight,
        target = excluded.target, group_code = excluded.group_code, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    const strip = (s: IndicatorSetting | null) => s && { enabled: s.enabled, weight: s.weight, target: s.target, groupCode: s.groupCode };
    return {
      result: { ...after, updatedAt: at.toISOString(), updatedBy: caller.userId },
      audit: [
        {
          actor: caller.userId,
          action: 'indicator.settings',
          target: def.code,
          regionCode,
          detail: { before: strip(before), after: strip(after) },
        },
      ],
    };
  });
}
