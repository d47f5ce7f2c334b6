import type { Role, User } from './api.ts';

/** Chinese labels of the roles (DESIGN.md "Who uses it"; the same as the server's ROLE_LABELS). */
export const ROLE_LABELS: Record<Role, string> = {
  supervisor: '监督员',
  agency_staff: '执法部门',
  officer: '执法人员',
  invited_supervisor: '特邀监督员',
  discipline_liaison: '纪检监察联络员',
  admin: '管理员',
};

export function roleLabel(user: Pick<User, 'role' | 'roleLabel'>): string {
  return user.roleLabel || (ROLE_LABELS as Record<string, string>)[user.role] || user.role;
}
