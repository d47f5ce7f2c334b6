// The model library: every role reads what the models are and enforce; supervisors and admins run
// them over their jurisdiction; admins switch them and set their parameters per region inside theirs.
// A model's runs are shown to those whose region the run covered or lies inside.
import type { Caller } from '../auth/caller.ts';
import { regionContains } from '../domain/region.ts';
import { REASONS, covers, definePolicy } from './policy.ts';

export type ModelAction = 'read' | 'run' | 'configure';

export const modelPolicy = definePolicy<{ regionCode?: string }, ModelAction>({
  actions: ['read', 'run', 'configure'],
  check(caller, action, { regionCode }) {
    const outside = regionCode !== undefined && !covers(caller, regionCode) ? `该区划${REASONS.outside}` : null;
    switch (action) {
      case 'read':
        return null;
      case 'run':
        return caller.role === 'admin' || caller.role === 'supervisor' ? outside : '仅监督员和管理员可以运行模型';
      case 'configure':
        return caller.role === 'admin' ? outside : '仅管理员可以调整模型设置';
    }
  },
});

/** A run (or a setting) of a region is the caller's business when either region contains the other. */
export const onCallerPath = (caller: Caller, regionCode: string): boolean =>
  regionContains(caller.regionCode, regionCode) || regionContains(regionCode, caller.regionCode);
