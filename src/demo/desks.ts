// The people behind the demo's supervision history: the supervision office of every county, city and
// the province that has clues (a county's 司法局执法监督科) and a desk at every agency that receives
// one (承办人). The named demo accounts (fy_jiandu, fy_zhifa …) stand for their own office or agency;
// the others are created here — `jd<region code>` and `zf_<agency id>`, with the demo's public
// password — so that every step on a timeline names a person who may take it, and a visitor can sign
// in as any of them.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { createUsers, type NewUser } from '../auth/users.ts';
import { regionLevel } from '../domain/region.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';

export interface Desks {
  /** The supervisor desk of a numbering unit (a county-level, city or province code). */
  supervisor(unit: string): Caller;
  /** The staff desk of an agency. */
  agency(agencyId: string): Caller;
  /** An account of the role in the region, if any (the invited supervisor, the liaison). */
  named(username: string): Caller | undefined;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Caller['role'];
  region_code: string;
  agency_id: string | null;
}

const toCaller = (u: UserRow): Caller => ({
  userId: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  regionCode: u.region_code,
  agencyId: u.agency_id,
});

export const supervisorDeskName = (unit: string): string => `jd${unit}`;
export const agencyDeskName = (agencyId: string): string => `zf_${agencyId}`;

/** Finds or creates the desks of the given units and agencies. */
export async function ensureDesks(store: Store, units: readonly string[], agencyIds: readonly string[]): Promise<Desks> {
  const users = await store.query<UserRow>('SELECT id, username, display_name, role, region_code, agency_id FROM users WHERE NOT disabled');
  // The named accounts first: one supervisor per region, one staff account per agency.
  const bySupervisorRegion = new Map<string, UserRow>();
  const byAgency = new Map<string, UserRow>();
  for (const u of [...users].sort((a, b) => (a.username < b.username ? -1 : 1))) {
    if (u.role === 'supervisor' && !bySupervisorRegion.has(u.region_code)) bySupervisorRegion.set(u.region_code, u);
    if (u.role === 'agency_staff' && u.agency_id && !byAgency.has(u.agency_id)) byAgency.set(u.agency_id, u);
  }
  const regions = new Map(
    (await store.query<{ code: string; name: string }>("SELECT code, name FROM regions WHERE level <> 'township'")).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const agencies = new Map(
    (await store.query<{ id: string; name: string; region_code: string }>('SELECT id, name, region_code FROM agencies')).map((a) => [
      a.id,
      a,
    ]),
  );
  const fresh: NewUser[] = [];
  for (const unit of new Set(units)) {
    if (bySupervisorRegion.has(unit) || !regions.has(unit)) continue;
    const level = regionLevel(unit);
    const city = regions.get(`${unit.slice(0, 4)}00`) ?? '';
    const displayName =
      level === 'province'
        ? '省司法厅执法监督处'
        : level === 'city'
          ? `${city}司法局执法监督处`
          : `${city}${regions.get(unit)}司法局执法监督科`;
    fresh.push({ username: supervisorDeskName(unit), displayName, password: DEMO_PASSWORD, role: 'supervisor', regionCode: unit });
  }
  for (const id of new Set(agencyIds)) {
    const a = agencies.get(id);
    if (byAgency.has(id) || !a) continue;
    fresh.push({
      username: agencyDeskName(id),
      displayName: `${a.name}承办人`,
      password: DEMO_PASSWORD,
      role: 'agency_staff',
      regionCode: a.region_code.slice(0, 6),
      agencyId: id,
    });
  }
  if (fresh.length) {
    const created = await createUsers(store, fresh, 'system', { sharedPassword: true, demo: true });
    for (const c of created) {
      const row: UserRow = {
        id: c.userId,
        username: c.username,
        display_name: c.displayName,
        role: c.role,
        region_code: c.regionCode,
        agency_id: c.agencyId,
      };
      if (c.role === 'supervisor') bySupervisorRegion.set(c.regionCode, row);
      else if (c.agencyId) byAgency.set(c.agencyId, row);
    }
  }
  const named = new Map(users.map((u) => [u.username, u]));
  return {
    supervisor: (unit) => {
      const u = bySupervisorRegion.get(unit) ?? bySupervisorRegion.get(`${unit.slice(0, 4)}00`) ?? bySupervisorRegion.get('330000');
      if (!u) throw new Error(`demo: no supervisor desk for ${unit}`);
      return toCaller(u);
    },
    agency: (id) => {
      const u = byAgency.get(id);
      if (!u) throw new Error(`demo: no desk at agency ${id}`);
      return toCaller(u);
    },
    named: (username) => {
      const u = named.get(username);
      return u ? toCaller(u) : undefined;
    },
  };
}

/** The agency a clue without one goes to: the county's 综合行政执法 body, else its first agency. */
export async function defaultAgencies(store: Store): Promise<Map<string, string>> {
  const rows = await store.query<{ id: string; region_code: string; line_code: string }>(
    sql`SELECT id, region_code, line_code FROM agencies ORDER BY CASE WHEN line_code = 'CLE' THEN 0 ELSE 1 END, id`,
  );
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.region_code)) out.set(r.region_code, r.id);
  return out;
}
