// Turns store rows into the shapes the API returns.
import type { Store } from '../store/store.ts';
import { ROLE_LABELS, isAgencyRole, type Caller } from '../auth/caller.ts';
import { callerAbilities, clueScopeLabel, consoleSourcesFor, recordScopeLabel } from '../policy/index.ts';
import type { UserOut } from './auth-schemas.ts';

export async function describeCaller(store: Store, c: Caller): Promise<UserOut> {
  const [region] = await store.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [c.regionCode]);
  const [agency] = c.agencyId ? await store.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [c.agencyId]) : [];
  return {
    id: c.userId,
    username: c.username,
    displayName: c.displayName,
    role: c.role,
    roleLabel: ROLE_LABELS[c.role],
    regionCode: c.regionCode,
    regionName: region?.name ?? c.regionCode,
    agencyId: c.agencyId,
    agencyName: agency?.name ?? null,
    agencyBound: isAgencyRole(c.role),
    scopeLabel: recordScopeLabel(c),
    clueScopeLabel: clueScopeLabel(c),
    can: callerAbilities(c),
    clueSources: [...consoleSourcesFor(c)],
  };
}
