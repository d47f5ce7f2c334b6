// A record kind's list as 富阳's market regulator sees it (its own rows only) and as the county's
// supervisor sees it (every agency's): the agency scoping each agency record kind must keep.
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.ts';
import { listRecords } from '../../src/records/list.ts';
import type { Kind } from '../../src/records/registry.ts';

export async function assertOwnAgencyOnly(store: Store, kind: Kind, own: string, total: number): Promise<void> {
  const staff = {
    userId: 'u1',
    username: 'fy-scjg',
    displayName: '市场监管员',
    role: 'agency_staff',
    regionCode: '330111',
    agencyId: 'AG-FY-SCJG',
  } as const;
  const page = await listRecords(store, staff, kind, 1, 50);
  assert.deepEqual(
    page.rows.map((r) => r.id),
    [own],
  );
  assert.equal(page.rows[0].agency_name, '测试部门AG-FY-SCJG');
  const supervisor = { ...staff, username: 'fy-sup', role: 'supervisor', agencyId: null } as const;
  assert.equal((await listRecords(store, supervisor, kind, 1, 50)).total, total);
}
