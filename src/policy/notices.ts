// Notices (监督提示单, 执法监督通知书, 移送函): who issues, reads and answers them.
// - admin, supervisor: issue from the clues they supervise, to agencies of their jurisdiction; read their
//   own office's notices and those the levels above issued to their region's agencies; enter a paper
//   reply to a notice of their region.
// - agency_staff: read and answer the advisory and supervision notices addressed to their agency
//   (officers read them); never transfer letters.
// - discipline_liaison: read and answer the transfer letters of their region.
// - invited_supervisor: none.
import type { Caller } from '../auth/caller.ts';
import { regionPrefix } from '../domain/region.ts';
import { sql, type Sql } from '../store/sql.ts';
import { NOTHING, covers, definePolicy, regionSql } from './policy.ts';

export interface NoticeFacts {
  region_code: string;
  agency_id: string | null;
  kind: string;
}

export type NoticeAction = 'read' | 'respond';

export const noticePolicy = definePolicy<{ notice: NoticeFacts; agencyRegion?: string | null }, NoticeAction>({
  actions: ['read', 'respond'],
  check(caller, action, { notice: n, agencyRegion }) {
    const transfer = n.kind === 'transfer';
    let ok: boolean;
    switch (caller.role) {
      case 'admin':
        ok = true;
        break;
      case 'supervisor':
        ok =
          action === 'read'
            ? covers(caller, n.region_code) || (!!agencyRegion && covers(caller, agencyRegion))
            : covers(caller, n.region_code);
        break;
      case 'agency_staff':
        ok = !transfer && !!caller.agencyId && n.agency_id === caller.agencyId;
        break;
      case 'officer':
        ok = action === 'read' && !transfer && !!caller.agencyId && n.agency_id === caller.agencyId;
        break;
      case 'discipline_liaison':
        ok = transfer && covers(caller, n.region_code);
        break;
      case 'invited_supervisor':
        ok = false;
    }
    return ok ? null : action === 'read' ? '无权查看该文书' : '无权答复该文书';
  },
});

export type NoticesAction = 'issue';

/** Issuing a notice from clues (each also checked as its region supervisor) to an agency of the region. */
export const noticesPolicy = definePolicy<{ agencyRegion?: string }, NoticesAction>({
  actions: ['issue'],
  check(caller, _action, { agencyRegion }) {
    if (caller.role !== 'supervisor' && caller.role !== 'admin') return '仅监督员可以制发文书';
    if (caller.role !== 'admin' && agencyRegion !== undefined && !covers(caller, agencyRegion)) return '只能向本辖区的执法主体制发文书';
    return null;
  },
});

/** The notices a caller may read, as SQL over alias n (the same rule as noticePolicy 'read'). */
export function noticeScope(caller: Caller): Sql {
  const region = regionSql(caller, 'n');
  switch (caller.role) {
    case 'admin':
    case 'supervisor':
      return sql`(${region} OR n.agency_id IN (SELECT id FROM agencies WHERE region_code LIKE ${regionPrefix(caller.regionCode) + '%'}))`;
    case 'agency_staff':
    case 'officer':
      return sql`(n.agency_id = ${caller.agencyId ?? '-'} AND n.kind <> 'transfer')`;
    case 'discipline_liaison':
      return sql`(n.kind = 'transfer' AND ${region})`;
    case 'invited_supervisor':
      return NOTHING;
  }
}
