// The pages of every listed kind on the demo, against the plain query a page stands for: the caller's
// rows in the list's order, cut by LIMIT/OFFSET, each with the names of its codes from the whole
// reference tables. listRecords builds the same page another way (the page first, then the names of
// its codes: src/records/list.ts), so rows, order, columns, names, masking and the total must agree.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoStore } from './helpers/demo-store.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { LIST_KINDS, KIND_SPECS, type Kind } from '../src/records/registry.ts';
import { listRecords, type ListFilter } from '../src/records/list.ts';
import { recordNames, recordOrder } from '../src/records/list-query.ts';
import { presentRecord, recordScope } from '../src/policy/index.ts';
import { unsealRow } from '../src/privacy/personal-data.ts';
import { sql, raw } from '../src/store/sql.ts';
import type { Caller } from '../src/auth/caller.ts';

const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
after(() => t.close());

const supervisor: Caller = {
  userId: 'u-sup',
  username: 'sup',
  displayName: '监督',
  role: 'supervisor',
  regionCode: '330111',
  agencyId: null,
};

/** The agency of the county with the most inspections: its staff list many rows of most kinds. */
async function busyAgency(): Promise<string> {
  const [row] = await store.query<{ agency_id: string }>(
    `SELECT agency_id FROM inspections WHERE region_code LIKE '330111%' GROUP BY agency_id ORDER BY count(*) DESC, agency_id LIMIT 1`,
  );
  return row.agency_id;
}

async function reference(caller: Caller, kind: Kind, page: number, pageSize: number, filter: ListFilter) {
  const spec = KIND_SPECS[kind];
  const scope = (await recordScope(store, caller, kind))('t');
  const order = recordOrder(kind, spec.listOrder!, filter);
  const names = recordNames(kind);
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${raw(spec.table)} t WHERE ${scope}`);
  const rows = await store.query<Record<string, unknown>>(
    sql`SELECT t.*${names.columns} FROM ${raw(spec.table)} t${names.joins} WHERE ${scope} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  return { total: Number(total.n), rows: rows.map((r) => presentRecord(caller, kind, unsealRow(spec.table, r))) };
}

test('every listed kind: its pages are the plain query’s rows, in its order, with the same names and total', async () => {
  const staff: Caller = { ...supervisor, userId: 'u-staff', username: 'staff', role: 'agency_staff', agencyId: await busyAgency() };
  let multiPage = 0;
  const named = new Set<string>();
  for (const kind of LIST_KINDS)
    for (const caller of [supervisor, staff]) {
      const pageSize = 7;
      const { total } = await reference(caller, kind, 1, pageSize, {});
      const last = Math.max(1, Math.ceil(total / pageSize));
      if (last > 3) multiPage++;
      const cases: [number, ListFilter][] = [
        [1, {}],
        [2, {}],
        [Math.min(3, last), {}],
        [last, {}],
        [last + 1, {}],
        [2, { order: 'asc' }],
        // Many rows share a region: the key orders them.
        [2, { sort: 'region_code', order: 'asc' }],
        [Math.max(1, last - 1), { sort: 'region_code', order: 'desc' }],
      ];
      for (const [page, filter] of cases) {
        const label = `${kind} ${caller.role} page ${page} ${JSON.stringify(filter)}`;
        const want = await reference(caller, kind, page, pageSize, filter);
        const got = await listRecords(store, caller, kind, page, pageSize, filter);
        assert.equal(got.total, want.total, label);
        assert.deepEqual(got.rows, want.rows, label);
        if (want.rows.length) assert.deepEqual(Object.keys(got.rows[0]), Object.keys(want.rows[0]), label);
        for (const r of got.rows) for (const [c, v] of Object.entries(r)) if (c.endsWith('_name') && v !== null) named.add(c);
      }
    }
  assert.ok(multiPage >= 10, `kinds with more than three pages: ${multiPage}`);
  for (const c of ['agency_name', 'entity_name', 'region_name', 'lead_officer_name', 'assist_officer_name', 'officer_name'])
    assert.ok(named.has(c), `${c} compared on rows that hold one`);
});
