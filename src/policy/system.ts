// The resources every signed-in role shares or only the admin manages: the catalog (rules as data,
// public within the system), the home page's aggregate figures (of the caller's jurisdiction: see
// records.ts aggregateScope), user accounts, the audit log, system settings, webhook receivers; and the public portal,
// which needs no account at all; the assistant, which every signed-in role asks.
import { ROLE_LABELS } from '../auth/caller.ts';
import { REASONS, covers, definePolicy } from './policy.ts';

export const catalogPolicy = definePolicy<object, 'read'>({
  actions: ['read'],
  check: () => null,
});

export const dashboardPolicy = definePolicy<object, 'read'>({
  actions: ['read'],
  check: () => null,
});

/** Accounts: the admin creates and manages those of their jurisdiction (the CLI acts as the system admin). */
export const userPolicy = definePolicy<{ regionCode?: string }, 'create' | 'list' | 'update'>({
  actions: ['create', 'list', 'update'],
  check(caller, _action, { regionCode }) {
    if (caller.role !== 'admin') return `${ROLE_LABELS[caller.role]}不能管理账号`;
    return regionCode !== undefined && !covers(caller, regionCode) ? `该区划${REASONS.outside}` : null;
  },
});

/**
 * The audit log: the admin reads every entry, a supervisor those of their region's subtree (the query
 * scopes them, src/audit/audit-query.ts); verifying the chain, which spans every region, is the admin's.
 */
export const auditPolicy = definePolicy<object, 'read' | 'verify'>({
  actions: ['read', 'verify'],
  check(caller, action) {
    if (action === 'verify') return caller.role === 'admin' ? null : '仅管理员可以校验审计日志';
    return caller.role === 'admin' || caller.role === 'supervisor' ? null : '仅管理员和监督员可以查看审计日志';
  },
});

/** System settings (the model schedule …, src/settings): the admin's. */
export const settingsPolicy = definePolicy<object, 'configure'>({
  actions: ['configure'],
  check: (caller) => (caller.role === 'admin' ? null : '仅管理员可以修改系统设置'),
});

export const webhookPolicy = definePolicy<object, 'manage'>({
  actions: ['manage'],
  check: (caller) => (caller.role === 'admin' ? null : '仅管理员可以管理回调地址'),
});

/** The public portal (举报, 查询进度): anyone, no account; its abuse guard is src/clues/portal.ts's. */
export const portalPolicy = definePolicy<object, 'report' | 'follow'>({
  actions: ['report', 'follow'],
  check: () => null,
});

/** The assistant: every signed-in role asks; what it answers is scoped like the figures and records it reads (records.ts), and a conversation is its asker's own. */
export const assistantPolicy = definePolicy<{ ownerId?: string }, 'ask' | 'read'>({
  actions: ['ask', 'read'],
  check: (caller, _action, { ownerId }) => (ownerId === undefined || ownerId === caller.userId ? null : '只能查看本人的对话'),
});
