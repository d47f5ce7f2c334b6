// Who is asking, and what they may see. Every query of records goes through scopeFilter, so a
// county user never reads another county's rows and an agency user never another agency's.
import { regionPrefix } from '../domain/region.ts';
import { sql, raw, type Sql } from '../store/sql.ts';

export const ROLES = ['supervisor', 'agency_staff', 'officer', 'invited_supervisor', 'discipline_liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  supervisor: '监督员',
  agency_staff: '执法部门',
  officer: '执法人员',
  invited_supervisor: '特邀监督员',
  discipline_liaison: '纪检监察联络员',
  admin: '管理员',
};

/** Roles bound to one agency: they see only that agency's records. */
export const AGENCY_ROLES: readonly Role[] = ['agency_staff', 'officer'];

export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
}

/** The system itself (CLI batch jobs, the generator): the whole province. */
export const SYSTEM_CALLER: Caller = {
  userId: 'system',
  username: 'system',
  displayName: '系统',
  role: 'admin',
  regionCode: '330000',
  agencyId: null,
};

export function isAgencyRole(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}

/**
 * The WHERE condition that limits a table to the caller's jurisdiction.
 * alias: the table alias ('' for none). agencyColumn: the column naming the agency, or null for
 * tables without one (then agency roles see their region only, e.g. entities).
 */
export function scopeFilter(caller: Caller, alias = '', agencyColumn: string | null = 'agency_id'): Sql {
  const a = alias ? `${alias}.` : '';
  const region = sql`${raw(`${a}region_code`)} LIKE ${regionPrefix(caller.regionCode) + '%'}`;
  if (caller.agencyId && isAgencyRole(caller.role) && agencyColumn) {
    return sql`(${region} AND ${raw(`${a}${agencyColumn}`)} = ${caller.agencyId})`;
  }
  return sql`(${region})`;
}

/** Masks personal data (ID numbers, phone numbers) for roles that do not need it. */
export function maskPersonal(caller: Caller, value: string | null): string | null {
  if (value === null || caller.role === 'admin' || caller.role === 'discipline_liaison') return value;
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
