// Who is asking: the roles (one registry), the caller of a request or a command, and the system itself.
// What each role may see and do is decided by the policy layer, src/policy.

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
