import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBStore } from '../src/store/duckdb/duckdb-store.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { exportRecords } from '../src/integration/export.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';

const t = await openTestStore();
const dir = mkdtempSync(join(tmpdir(), 'kedu-export-'));
before(() => seedTwoCounties(t.store));
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const fuyang = { ...SYSTEM_CALLER, regionCode: '330111' };

test('a CSV export holds the header and only the rows of the jurisdiction', async () => {
  const out = join(dir, 'cases.csv');
  assert.equal(await exportRecords(t.store, fuyang, 'cases', 'csv', out), 1);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^id,source_system,source_id,region_code/);
  assert.match(lines[1], /^CASE-FY-1,/);
});

test('a Parquet export can be read back with its types', async () => {
  const out = join(dir, 'cases.parquet');
  assert.equal(await exportRecords(t.store, { ...SYSTEM_CALLER, regionCode: '330100' }, 'cases', 'parquet', out), 2);
  const reader = await DuckDBStore.open(':memory:', 1);
  const rows = await reader.query(`SELECT id, fine_amount, filed_on FROM read_parquet('${out}') ORDER BY id`);
  await reader.close();
  assert.deepEqual(
    rows.map((r) => [r.id, Number(r.fine_amount), String(r.filed_on)]),
    [
      ['CASE-FY-1', 0, '2025-03-11'],
      ['CASE-XH-1', 5000, '2025-04-13'],
    ],
  );
});

test('every export is in the audit log', async () => {
  const rows = await t.store.query<{ action: string; target: string }>(
    `SELECT action, target FROM audit_log WHERE action = 'export.records'`,
  );
  assert.equal(rows.length, 2);
});
