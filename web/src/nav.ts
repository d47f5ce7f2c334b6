// The left navigation: one place per capability (README's feature list), and who sees it. Routes come from this
// list (app.tsx maps each path to its page); an entry whose capability is not built yet is hidden —
// from the menu and the routes — until it lands (set `built: true` and add its page). Who sees an entry
// is the server's word: the ability it needs (GET /auth/me `can`, decided by src/policy), never a role.
// The browser test walks every entry as every role, so a new entry is tested the moment it is added.
import type { User } from './api.ts';

type Ability = keyof User['can'];

export interface NavLeaf {
  path: string;
  label: string;
  built?: boolean;
  /** Only users with one of these abilities see the entry; absent = every signed-in user. */
  needs?: Ability[];
}

export interface NavGroup {
  key: string;
  label: string;
  children: NavLeaf[];
  needs?: Ability[];
}

export type NavEntry = NavLeaf | NavGroup;

export function isGroup(entry: NavEntry): entry is NavGroup {
  return 'children' in entry;
}

export const NAV: NavEntry[] = [
  { path: '/', label: '首页', built: true },
  {
    key: 'catalog',
    label: '规则库',
    children: [
      { path: '/catalog/regions', label: '区划', built: true },
      { path: '/catalog/lines', label: '条线', built: true },
      { path: '/catalog/agencies', label: '执法主体', built: true },
      { path: '/catalog/regulations', label: '法规', built: true },
      { path: '/catalog/items', label: '执法事项', built: true },
      { path: '/catalog/inspection-items', label: '检查事项', built: true },
      { path: '/catalog/baselines', label: '裁量基准', built: true },
      { path: '/catalog/exemptions', label: '免罚清单', built: true },
      { path: '/catalog/services', label: '服务清单', built: true },
    ],
  },
  {
    key: 'records',
    label: '执法数据',
    needs: ['readRecords'],
    children: [
      { path: '/records/licences', label: '行政许可', built: true },
      { path: '/records/inspections', label: '行政检查', built: true },
      { path: '/records/cases', label: '处罚案件', built: true },
      { path: '/records/deliveries', label: '文书送达', built: true },
      { path: '/records/payments', label: '罚没款缴纳', built: true },
      { path: '/records/coercive-measures', label: '行政强制措施', built: true },
      { path: '/records/confiscated-goods', label: '罚没物品', built: true },
      { path: '/records/enterprise-charges', label: '涉企收费', built: true },
      { path: '/records/review-outcomes', label: '复议诉讼结果', built: true },
      { path: '/records/service-visits', label: '服务走访', built: true },
      { path: '/records/hotline-tickets', label: '12345工单', built: true },
      { path: '/records/delegations', label: '第三方委托', built: true },
      { path: '/records/officers', label: '执法人员', built: true },
      { path: '/records/entities', label: '经营主体', built: true },
    ],
  },
  {
    key: 'inspections',
    label: '检查计划',
    needs: ['readInspections'],
    children: [
      { path: '/inspections/plans', label: '年度计划', built: true },
      { path: '/inspections/tasks', label: '检查任务', built: true },
      // The region supervisors run suggestions; an agency's staff answer those its tasks are in.
      { path: '/inspections/merge', label: '综合查一次', built: true, needs: ['suggestMerges', 'decideMerges'] },
    ],
  },
  { path: '/import', label: '数据导入', built: true, needs: ['importRecords', 'readImports'] },
  { path: '/models', label: '监督模型', built: true },
  { path: '/clues', label: '问题线索', built: true },
  { path: '/command', label: '协同指挥', built: true },
  { path: '/notices', label: '监督文书', built: true },
  { path: '/navigator', label: '裁量导航', built: true, needs: ['assessCases'] },
  { path: '/assistant', label: 'AI助手', built: true },
  { path: '/follow-up', label: '回访', built: true, needs: ['manageFollowup', 'readFollowupResults'] },
  {
    key: 'evaluation',
    label: '效能评价',
    children: [
      { path: '/evaluation', label: '评价排名', built: true },
      { path: '/evaluation/indicators', label: '指标体系', built: true },
      { path: '/evaluation/reports', label: '态势通报', built: true, needs: ['readReports'] },
      { path: '/evaluation/reviews', label: '案卷评查', built: true, needs: ['readReviews'] },
      // Full screen, outside the shell (app.tsx): the command centre's 驾驶舱.
      { path: '/cockpit', label: '驾驶舱', built: true },
    ],
  },
  // The public portal itself is /portal, outside the console (no account); this is the console side.
  { path: '/social', label: '大监督', built: true },
  { path: '/audit', label: '审计日志', built: true, needs: ['readAudit'] },
  { path: '/admin', label: '系统管理', built: true, needs: ['manageUsers'] },
];

/**
 * The nav leaf a path belongs to: the leaf itself, or the longest leaf path it extends
 * (/catalog/regulations/xingzheng-chufa-fa belongs to 法规).
 */
export function leafFor(pathname: string, entries: NavEntry[] = NAV): NavLeaf | undefined {
  let best: NavLeaf | undefined;
  for (const leaf of allLeaves(entries)) {
    const match = leaf.path === pathname || (leaf.path !== '/' && pathname.startsWith(`${leaf.path}/`));
    if (match && (!best || leaf.path.length > best.path.length)) best = leaf;
  }
  return best;
}

function visible(needs: Ability[] | undefined, user: Pick<User, 'can'>): boolean {
  return !needs || needs.some((a) => user.can[a]);
}

/** The navigation as the given user sees it: the built entries their abilities open. */
export function navFor(user: Pick<User, 'can'>, entries: NavEntry[] = NAV): NavEntry[] {
  return entries
    .filter((entry) => visible(entry.needs, user) && (isGroup(entry) || entry.built))
    .map((entry) => (isGroup(entry) ? { ...entry, children: entry.children.filter((c) => c.built && visible(c.needs, user)) } : entry))
    .filter((entry) => !isGroup(entry) || entry.children.length > 0);
}

/** The title of a page: its entry's label (with its group), for document.title. */
export function pageTitle(pathname: string): string | undefined {
  const leaf = allLeaves().find((l) => l.path === leafFor(pathname)?.path);
  return leaf?.label;
}

export function allLeaves(entries: NavEntry[] = NAV): Array<NavLeaf & { group?: string }> {
  return entries.flatMap((entry) => (isGroup(entry) ? entry.children.map((c) => ({ ...c, group: entry.label })) : [entry]));
}
