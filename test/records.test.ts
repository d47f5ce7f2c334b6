// The record-kind registry (src/records): every kind names real tables and columns, the console's
// generated module is current, and the one scope condition limits lists, single records and exports
// alike — agency roles see a payment or a delivery only through a case of their own agency.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord } from './helpers/records.ts';
import { KINDS, KIND_SPECS, LIST_KINDS } from '../src/records/registry.ts';
import { getRecord, listRecords } from '../src/records/list.ts';
import { CONSOLE_MODULE_PATH, consoleModule } from '../src/records/console-module.ts';
import { exportRecords } from '../src/integration/export.ts';
import type { Caller } from '../src/auth/caller.ts';
import { raw } from '../src/store/sql.ts';

const sqlSelect = (table: string) => raw(`SELECT * FROM ${table}`);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-records-'));

// Two agencies in one county (富阳), a case of each, and a payment and a delivery of each case.
before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  const own = await caseRecord(store, { id: 'CASE-OWN', agency_id: 'AG-FY-ZHZF' });
  const other = await caseRecord(store, { id: 'CASE-OTHER', agency_id: 'AG-FY-SCJG' });
  for (const [n, c] of [
    ['1', own],
    ['2', other],
  ]) {
    await store.exec(
      `INSERT INTO payments (id, source_system, source_id, region_code, county_code, case_id, amount, due_on) VALUES ($1, 'test', $1, '330111', '330111', $2, 100, '2025-04-01')`,
      [`PAY-${n}`, c],
    );
    await store.exec(
      `INSERT INTO deliveries (id, source_system, source_id, region_code, county_code, case_id, method, sent_on) VALUES ($1, 'test', $1, '330111', '330111', $2, 'direct', '2025-03-21')`,
      [`DLV-${n}`, c],
    );
  }
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const staff: Caller = {
  userId: 'u-staff',
  username: 'fy_zhifa',
  displayName: '富阳综合执法',
  role: 'agency_staff',
  regionCode: '330111',
  agencyId: 'AG-FY-ZHZF',
};
const supervisor: Caller = { ...staff, userId: 'u-sup', username: 'fy_jiandu', role: 'supervisor', agencyId: null };

test('every kind names its table, key, id, order and scope columns as the schema has them', async () => {
  for (const kind of KINDS) {
    const spec = KIND_SPECS[kind];
    assert.equal(spec.kind, kind, `${kind}: the spec's name is its registry key`);
    const columns = new Set((await store.columns(sqlSelect(spec.table))).map((c) => c.name));
    // A writer spreads a row over tables of its own; otherwise every stored field is a column.
    if (!spec.writer)
      for (const f of spec.fields.filter((x) => x.stored !== false))
        assert.ok(columns.has(f.name), `${kind}.${f.name} is a column of ${spec.table}`);
    for (const c of spec.computed ?? []) assert.ok(columns.has(c.column), `${kind}: computed column ${c.column}`);
    for (const k of spec.key) {
      assert.ok(
        spec.fields.some((f) => f.name === k),
        `${kind}: key ${k} is a field`,
      );
      assert.ok(columns.has(k), `${kind}: key ${k} is a column of ${spec.table}`);
    }
    assert.ok(columns.has(spec.idColumn), `${kind}: id column ${spec.idColumn}`);
    if (spec.listOrder) assert.ok(columns.has(spec.listOrder), `${kind}: order column ${spec.listOrder}`);
    const scope = spec.agencyScope;
    if (scope && 'column' in scope) assert.ok(columns.has(scope.column), `${kind}: agency column ${scope.column}`);
    if (scope && 'link' in scope) {
      assert.ok(columns.has(scope.link.column), `${kind}: link column ${scope.link.column}`);
      const linked = new Set((await store.columns(sqlSelect(scope.link.table))).map((c) => c.name));
      assert.ok(linked.has('id') && linked.has(scope.link.agencyColumn), `${kind}: linked table ${scope.link.table}`);
    }
    const labels = spec.fields.map((f) => f.label);
    assert.equal(new Set(labels).size, labels.length, `${kind}: labels are distinct`);
  }
});

test("the console's generated module is current (npm run docs:import)", async () => {
  assert.equal(readFileSync(join(ROOT, CONSOLE_MODULE_PATH), 'utf8'), await consoleModule(ROOT), 'run npm run docs:import');
});

test('agency staff see payments and deliveries only through a case of their own agency; a supervisor sees all', async () => {
  for (const kind of ['payments', 'deliveries'] as const) {
    const mine = await listRecords(store, staff, kind, 1, 50);
    assert.deepEqual(
      mine.rows.map((r) => r.case_id),
      ['CASE-OWN'],
      kind,
    );
    const all = await listRecords(store, supervisor, kind, 1, 50);
    assert.equal(all.total, 2, kind);
  }
  assert.deepEqual(await getRecord(store, staff, 'payments', 'PAY-2'), { found: true, visible: false });
  const own = await getRecord(store, staff, 'payments', 'PAY-1');
  assert.ok(own.found && own.visible && own.record.case_id === 'CASE-OWN');
  assert.deepEqual(await getRecord(store, staff, 'payments', 'PAY-9'), { found: false });
});

test('an export uses the same scope as the lists', async () => {
  const out = join(dir, 'payments.csv');
  assert.equal(await exportRecords(store, staff, 'payments', 'csv', out), 1);
  assert.match(readFileSync(out, 'utf8'), /PAY-1/);
  assert.equal(await exportRecords(store, supervisor, 'payments', 'csv', join(dir, 'all.csv')), 2);
});

test('every listed kind lists in a fresh store without error', async () => {
  for (const kind of LIST_KINDS) {
    const page = await listRecords(store, supervisor, kind, 1, 5);
    assert.ok(page.total >= 0, kind);
  }
});
