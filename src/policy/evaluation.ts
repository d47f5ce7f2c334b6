// Evaluation (效能评价), situation reports (态势分析通报) and case-file reviews (案卷评查): who may read
// which figures, drill down to the records behind them, open a profile, change the indicator scheme,
// issue a report, and organise or score a review.
//
// - admin, supervisor: everything of their region's subtree; only the admin changes the indicator
//   scheme and the review checklist; supervisors and admins issue reports and organise reviews.
// - agency_staff, officer: the figures of their own agency and its officers (not the region's
//   ranking), the records behind them and their own profiles; no reports, no reviews — those are the
//   supervising office's instruments on the agencies.
// - invited_supervisor: region figures only (no agency or officer ranking, no records, no profiles),
//   reports, the review checklist and rounds, and the case files assigned to them as a reviewer
//   (an invited supervisor may be drawn as a reviewer: the file and its case are theirs to score).
// - discipline_liaison: region figures and reports only.
import type { Caller } from '../auth/caller.ts';
import { ROLE_LABELS, isAgencyRole } from '../auth/caller.ts';
import { sql, raw, type Sql } from '../store/sql.ts';
import { REASONS, covers, definePolicy, regionSql } from './policy.ts';

/** Roles that see figures only, never the rows behind them. */
const figuresOnly = (caller: Caller) => caller.role === 'invited_supervisor' || caller.role === 'discipline_liaison';
const outside = (caller: Caller, regionCode: string | undefined) =>
  regionCode !== undefined && !covers(caller, regionCode) ? `该区划${REASONS.outside}` : null;

export type EvaluationAction = 'score' | 'drill' | 'profile' | 'configure';

/**
 * A scorecard or profile request: its level (region, agency, officer), the region asked for, and the
 * agency the subject belongs to (an agency's or officer's profile, a drill-down into an agency).
 */
export const evaluationPolicy = definePolicy<
  { level?: 'region' | 'agency' | 'officer'; regionCode?: string; agencyId?: string | null },
  EvaluationAction
>({
  actions: ['score', 'drill', 'profile', 'configure'],
  check(caller, action, { level, regionCode, agencyId }) {
    const out = outside(caller, regionCode);
    const ownAgency =
      isAgencyRole(caller.role) && agencyId !== undefined && agencyId !== caller.agencyId
        ? '执法部门只能查看本部门及本部门人员的评价'
        : null;
    switch (action) {
      case 'configure':
        return caller.role === 'admin' ? out : '仅管理员可以调整评价指标';
      case 'score':
        if (figuresOnly(caller) && level !== undefined && level !== 'region') return '您只能查看区划汇总评价';
        if (isAgencyRole(caller.role) && level === 'region') return '执法部门只能查看本部门及本部门人员的评价';
        return out;
      case 'drill':
      case 'profile':
        if (figuresOnly(caller)) return `${ROLE_LABELS[caller.role]}只能查看区划汇总评价，不查看逐条记录和画像`;
        return out ?? ownAgency;
    }
  },
});

/** Situation reports: read by the supervising office and those who watch it (not by the agencies reported on); issued by supervisors and admins. */
export const situationReportPolicy = definePolicy<{ regionCode?: string }, 'read' | 'generate'>({
  actions: ['read', 'generate'],
  check(caller, action, { regionCode }) {
    if (isAgencyRole(caller.role)) return '态势分析通报仅供监督机构查阅';
    if (action === 'generate' && caller.role !== 'supervisor' && caller.role !== 'admin') return '仅监督员和管理员可以生成通报';
    return outside(caller, regionCode);
  },
});

export type ReviewAction = 'read' | 'organize' | 'configure' | 'score';

/**
 * Case-file reviews: the checklist and the rounds of a region (read), one file (read: the region's
 * supervisors and its reviewer; score: its reviewer only), drawing a round (organize), the checklist
 * (configure: admin).
 */
export const reviewPolicy = definePolicy<{ regionCode?: string; reviewerId?: string }, ReviewAction>({
  actions: ['read', 'organize', 'configure', 'score'],
  check(caller, action, { regionCode, reviewerId }) {
    if (isAgencyRole(caller.role)) return '案卷评查由监督机构组织，执法部门不参与评分';
    if (caller.role === 'discipline_liaison') return `${ROLE_LABELS[caller.role]}不参与案卷评查`;
    const supervises = caller.role === 'supervisor' || caller.role === 'admin';
    switch (action) {
      case 'configure':
        return caller.role === 'admin' ? null : '仅管理员可以修改评查标准';
      case 'organize':
        return supervises ? outside(caller, regionCode) : '仅监督员和管理员可以组织案卷评查';
      case 'score':
        return reviewerId === caller.userId ? null : '只有分配的评查人员可以评分';
      case 'read':
        if (reviewerId !== undefined && reviewerId === caller.userId) return null;
        if (reviewerId !== undefined && !supervises) return '无权查看该评查案卷';
        return outside(caller, regionCode);
    }
  },
});

/** The review files of a round the caller reads, as SQL over alias: the region's for supervisors, their own for a reviewer. */
export function reviewFileScope(caller: Caller, alias: string): Sql {
  if (caller.role === 'supervisor' || caller.role === 'admin') return sql`(${regionSql(caller, alias)})`;
  return sql`${raw(`${alias}.reviewer_id`)} = ${caller.userId}`;
}
