// The model settings as the admin form needs them: what is in force for a region (the server's rule
// in src/models/settings.ts: defaults, overlaid by every setting on the region's path, outermost
// first), the check of one parameter value (src/models/model.ts paramProblem), and the explanation
// template split into text and placeholders. Pure: tested in test/web-models.test.ts.
import type { ModelEntry, ModelParamEntry, ModelSettingEntry } from '../api.ts';
import { regionPrefix } from '../clues/clue-rules.ts';

export function effectiveFor(
  model: Pick<ModelEntry, 'params' | 'settings'>,
  regionCode: string,
): { enabled: boolean; params: Record<string, number> } {
  const path = model.settings
    .filter((s) => regionCode.startsWith(regionPrefix(s.regionCode)))
    .sort((a, b) => regionPrefix(a.regionCode).length - regionPrefix(b.regionCode).length);
  let enabled = true;
  let params: Record<string, number> = Object.fromEntries(model.params.map((p) => [p.name, p.default]));
  for (const s of path) {
    enabled = s.enabled;
    params = { ...params, ...s.params };
  }
  return { enabled, params };
}

/** The setting stored for exactly this region, if any. */
export function ownSetting(model: Pick<ModelEntry, 'settings'>, regionCode: string): ModelSettingEntry | undefined {
  return model.settings.find((s) => s.regionCode === regionCode);
}

/** Why a value is refused, in the server's words (paramProblem), or null. */
export function paramProblem(p: ModelParamEntry, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `参数 ${p.label} 须为数字`;
  if (p.type === 'integer' && !Number.isInteger(value)) return `参数 ${p.label} 须为整数`;
  if (value < p.min || value > p.max) return `参数 ${p.label} 须在 ${p.min} 至 ${p.max} 之间`;
  return null;
}

export type TemplatePart = { text: string } | { name: string };

/** "在{window_days}天内" → [{text: '在'}, {name: 'window_days'}, {text: '天内'}]. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** "时间窗口（天）7；最少部门数 3" — the parameters in force, in the model's order. */
export function paramsText(params: readonly ModelParamEntry[]): string {
  return params.map((p) => `${p.label} ${p.value}`).join('；');
}
