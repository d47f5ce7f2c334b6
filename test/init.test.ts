// kedu init, as a user runs it: a fresh store gets the schema and the shipped reference data and no
// demo records; the first administrator's password comes from standard input, never the command line;
// a second run changes nothing and keeps the administrator.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliStore } from './helpers/store.ts';
import { login } from '../src/auth/users.ts';
import { readCatalog } from '../src/catalog/load-reference.ts';
import { ensureDemo } from '../src/demo/bootstrap.ts';
import { initCounty } from './helpers/county.ts';

const KEDU = join(import.meta.dirname, '..', 'bin', 'kedu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'kedu-init-'));
const own = await cliStore(dir, 'init');
after(async () => {
  await own.drop();
  rmSync(dir, { recursive: true, force: true });
});

const kedu = (args: string[], input = '') =>
  spawnSync(process.execPath, [KEDU, ...own.args, ...args], { input, encoding: 'utf8', timeout: 120_000 });

test('kedu init loads the shipped reference data, no demo records, and creates the admin from stdin', { timeout: 600_000 }, async () => {
  const refused = kedu(['init']);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /--password-stdin/);

  const weak = kedu(['init', '--password-stdin'], 'short\n');
  assert.equal(weak.status, 2);
  assert.match(weak.stderr, /管理员账号未创建：密码/);

  const first = kedu(['init', '--admin', 'county_admin', '--password-stdin'], 'Init-Admin-2025\n');
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /已创建管理员 county_admin/);
  const again = kedu(['init', '--password-stdin'], 'Another-Pass-2025\n');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /未改动/);
  assert.match(again.stdout, /已有管理员 county_admin，未新建/);

  const store = await own.open();
  try {
    const count = async (t: string) => Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0].n);
    const catalog = readCatalog();
    assert.equal(await count('items'), catalog.items.length);
    assert.equal(await count('inspection_items'), catalog.inspectionItems.length);
    assert.equal(await count('regions'), catalog.regions.length);
    for (const t of ['agencies', 'officers', 'entities', 'inspections', 'cases', 'clues']) assert.equal(await count(t), 0, t);
    assert.equal(await count('users'), 1);
    assert.ok((await login(store, 'county_admin', 'Init-Admin-2025')).token, 'the admin logs in with the password from stdin');
    assert.equal((await login(store, 'county_admin', 'Another-Pass-2025')).token, null);
    const [audit] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'user.create'`);
    assert.equal(Number(audit.n), 1);
  } finally {
    await store.close();
  }
});

test(
  'npm start on a county’s own store adds no demo data and no demo accounts (their password is public)',
  { timeout: 600_000 },
  async () => {
    const store = await own.open();
    try {
      await initCounty(store);
      const said: string[] = [];
      assert.deepEqual(await ensureDemo(store, (m) => said.push(m)), []);
      assert.match(said.join('\n'), /不创建演示账号/);
      const users = await store.query<{ username: string }>('SELECT username FROM users ORDER BY username');
      assert.deepEqual(
        users.map((u) => u.username),
        ['county_admin'],
      );
      const [{ n }] = await store.query<{ n: number }>('SELECT count(*) AS n FROM inspections');
      assert.equal(Number(n), 0);
    } finally {
      await store.close();
    }
  },
);
