// Triage and local models (docs/supervision-brain.md "Triage", docs/local-models.md).
// - triage: the files left at 预警 and the counts per procedure are read by supervisors and admins over
//   their jurisdiction and by agency staff and officers over their own agency's hits; the thresholds are
//   read by supervisors and admins, and set (or cleared) by admins for a region inside theirs.
// - local_model: supervisors and admins read the local models of their region, above it and inside it;
//   admins write them (create, change, preview on the live data, switch on or off) for a region inside
//   theirs. Other roles neither.
import { isAgencyRole, type Caller } from '../auth/caller.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import { NOTHING, REASONS, covers, definePolicy, regionSql } from './policy.ts';

export type TriageAction = 'read' | 'read_settings' | 'configure';

export const triagePolicy = definePolicy<{ regionCode?: string }, TriageAction>({
  actions: ['read', 'read_settings', 'configure'],
  check(caller, action, { regionCode }) {
    const outside = regionCode !== undefined && !covers(caller, regionCode) ? `该区划${REASONS.outside}` : null;
    const supervising = caller.role === 'admin' || caller.role === 'supervisor';
    switch (action) {
      case 'read':
        return supervising || (isAgencyRole(caller.role) && !!caller.agencyId) ? null : '无权查看研判分流';
      case 'read_settings':
        return supervising ? null : '仅监督员和管理员可以查看分流阈值';
      case 'configure':
        return caller.role === 'admin' ? outside : '仅管理员可以设置分流阈值';
    }
  },
});

/** The model hits (model_hits) a caller who may read triage counts and lists, as SQL over alias: the region's; agency roles their agency's. */
export function hitScope(caller: Caller, alias: string): Sql {
  if (!isAgencyRole(caller.role)) return sql`(${regionSql(caller, alias)})`;
  if (!caller.agencyId) return NOTHING;
  return sql`(${regionSql(caller, alias)} AND ${raw(`${alias}.agency_id`)} = ${caller.agencyId})`;
}

export type LocalModelAction = 'read' | 'write';

export const localModelPolicy = definePolicy<{ regionCode?: string }, LocalModelAction>({
  actions: ['read', 'write'],
  check(caller, action, { regionCode }) {
    const outside = regionCode !== undefined && !covers(caller, regionCode) ? `该区划${REASONS.outside}` : null;
    switch (action) {
      case 'read':
        return caller.role === 'admin' || caller.role === 'supervisor' ? null : '仅监督员和管理员可以查看本地模型';
      case 'write':
        return caller.role === 'admin' ? outside : '仅管理员可以编写本地模型';
    }
  },
});
