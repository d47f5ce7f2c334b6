import type { User } from './api.ts';
// The server's table (src/auth/caller.ts is pure: no Node APIs), so the two cannot drift apart.
import { ROLE_LABELS } from '../../src/auth/caller.ts';

/** Chinese labels of the roles (DESIGN.md "Who uses it"). */
export { ROLE_LABELS };

export function roleLabel(user: Pick<User, 'role' | 'roleLabel'>): string {
  return user.roleLabel || (ROLE_LABELS as Record<string, string>)[user.role] || user.role;
}
