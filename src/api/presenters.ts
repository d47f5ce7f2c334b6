// Turns store rows into the shapes the API returns.
import type { Store } from '../store/store.ts';
import { ROLE_LABELS, type Caller } from '../auth/caller.ts';

export async function describeCaller(store: Store, c: Caller) {
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
  };
}
