// The audit log of a province: one hash chain per city, written under a lock per chain taken at the
// start of the writer's work, and anchored by several app servers, each in its own folder with the same key.
// Each property here was seen red once with the code that gives it taken out (the branch's report).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliStore, openTestStore, TEST_ENGINE, type TestStore } from './helpers/store.ts';
import { chainOf, recordAudit, verifyAuditLog, withAudit, EVERY_CHAIN, PROVINCE_CHAIN } from '../src/audit/audit-log.ts';
import { anchorPath } from '../src/audit/anchor.ts';
import { migrate } from '../src/store/migrate.ts';
import { subKey } from '../src/keys/keys.ts';
import type { Store } from '../src/store/store.ts';

// Every app server of this file, and the test itself, holds the same audit key (read when first used).
process.env.KEDU_AUDIT_KEY ??= randomBytes(32).toString('hex');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin/kedu.mjs');
const SERVER = join(ROOT, 'test/helpers/audit-app-server.ts');
const dir = mkdtempSync(join(tmpdir(), 'kedu-audit-chains-'));
const open: TestStore[] = [];
after(async () => {
  for (const t of open) await t.close();
  rmSync(dir, { recursive: true, force: true });
});
async function fresh(): Promise<Store> {
  const t = await openTestStore();
  open.push(t);
  return t.store;
}
const chainRows = async (store: Store, chain: string) =>
  (
    await store.query<{ seq: number; target: string; prev_hash: string; hash: string }>(
      'SELECT seq, target, prev_hash, hash FROM audit_log WHERE chain = $1 ORDER BY seq',
      [chain],
    )
  ).map((r) => ({ ...r, seq: Number(r.seq) }));

/** A promise and the function that settles it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
/** Whether p settles within ms. (The timer is kept referenced: a writer waiting on an in-process lock keeps nothing else alive.) */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

test("an entry goes to its region's city chain; none or the province's to the province chain; one change spanning chains lands in each", async () => {
  assert.deepEqual(['330106', '330106001', '330100', '330203', '330000', null, 'x'].map(chainOf), [
    '330100',
    '330100',
    '330100',
    '330200',
    PROVINCE_CHAIN,
    PROVINCE_CHAIN,
    PROVINCE_CHAIN,
  ]);
  const store = await fresh();
  await recordAudit(
    store,
    { actor: 'u1', action: 'test.step', target: 'A', regionCode: '330106' },
    { actor: 'u1', action: 'test.step', target: 'B', regionCode: '330203' },
    { actor: 'u1', action: 'test.step', target: 'C', regionCode: '330110' },
    { actor: 'u1', action: 'test.step', target: 'D' },
  );
  assert.deepEqual(
    (await chainRows(store, '330100')).map((r) => [r.seq, r.target]),
    [
      [1, 'A'],
      [2, 'C'],
    ],
  );
  assert.deepEqual(
    (await chainRows(store, '330200')).map((r) => [r.seq, r.target]),
    [[1, 'B']],
  );
  assert.deepEqual(
    (await chainRows(store, PROVINCE_CHAIN)).map((r) => [r.seq, r.target]),
    [[1, 'D']],
  );
  const v = await verifyAuditLog(store);
  assert.deepEqual(
    [v.ok, v.chains.map((c) => [c.chain, c.entries, c.anchored?.seq])],
    [
      true,
      [
        ['330100', 2, 2],
        ['330200', 1, 1],
        [PROVINCE_CHAIN, 1, 1],
      ],
    ],
  );
  // The chain's id is hashed with a city's entry: the same entry moved to another city's chain no longer verifies.
  await store.exec(`UPDATE audit_log SET chain = '330300' WHERE chain = '330200'`);
  const moved = await verifyAuditLog(store);
  assert.ok(
    moved.problems.some((p) => p.chain === '330300' && p.problem === 'edited'),
    JSON.stringify(moved.problems),
  );
  assert.ok(moved.problems.some((p) => p.chain === '330200' && p.problem === 'emptied'));
  assert.ok(moved.problems.every((p) => p.message.startsWith(p.chain === PROVINCE_CHAIN ? '省级链' : `${p.chain}链`)));
});

test("a change in one city holds its city's chain from its start: another city's writer commits meanwhile, its own city's and a province-level one wait", async () => {
  const store = await fresh();
  const working = gate();
  const started = gate();
  // A: an import in 330100 whose work takes until it is let go; it locked its city before its work began.
  const a = withAudit(store, '330106', async (tx) => {
    await tx.query('SELECT count(*) AS n FROM audit_log'); // its transaction has begun and seen the log
    started.open();
    await working.wait;
    return { result: null, audit: [{ actor: 'importer', action: 'test.import', target: 'A', regionCode: '330106' }] };
  });
  await started.wait;
  let c: Promise<void> | undefined;
  let p: Promise<void> | undefined;
  try {
    assert.ok(await settlesWithin(recordAudit(store, { actor: 'u', action: 'test.step', target: 'B', regionCode: '330203' }), 10_000));
    c = recordAudit(store, { actor: 'u', action: 'test.step', target: 'C', regionCode: '330110' });
    p = recordAudit(store, { actor: 'u', action: 'test.step', target: 'P' });
    assert.equal(await settlesWithin(c, 1_500), false, "a writer of A's city went ahead of A's commit");
    assert.equal(await settlesWithin(p, 500), false, "a province-level writer went ahead of A's commit");
  } finally {
    working.open();
    await a;
  }
  await c;
  await p;
  assert.deepEqual(
    (await chainRows(store, '330100')).map((r) => [r.seq, r.target]),
    [
      [1, 'A'],
      [2, 'C'],
    ],
  );
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.problems], [true, []]);
});

test("a province-level writer holds every chain: a city's writer waits for it", async () => {
  const store = await fresh();
  const working = gate();
  const started = gate();
  const a = withAudit(store, EVERY_CHAIN, async () => {
    started.open();
    await working.wait;
    return { result: null, audit: [{ actor: 'system', action: 'test.sweep', target: 'S', regionCode: '330106' }] };
  });
  await started.wait;
  let b: Promise<void> | undefined;
  try {
    b = recordAudit(store, { actor: 'u', action: 'test.step', target: 'B', regionCode: '330203' });
    assert.equal(await settlesWithin(b, 1_000), false, 'a city writer went ahead of a province-level one');
  } finally {
    working.open();
    await a;
  }
  await b;
  assert.equal((await verifyAuditLog(store)).ok, true);
});

test('a withAudit inside another runs under its locks when they cover it (no second lock, no wait on itself), and is refused when not', async () => {
  const store = await fresh();
  await withAudit(store, '330106', async (tx) => {
    await withAudit(tx, '330110', async () => ({
      result: null,
      audit: [{ actor: 'u', action: 'test.step', target: 'inner', regionCode: '330110' }],
    }));
    await assert.rejects(
      withAudit(tx, '330203', async () => ({ result: null, audit: [] })),
      /inside one that locked only 330100/,
    );
    return { result: null, audit: [{ actor: 'u', action: 'test.step', target: 'outer', regionCode: '330106' }] };
  });
  assert.deepEqual(
    (await chainRows(store, '330100')).map((r) => [r.seq, r.target]),
    [
      [1, 'inner'],
      [2, 'outer'],
    ],
  );
  assert.equal((await verifyAuditLog(store)).ok, true);
});

test('an entry for a chain the writer did not lock is refused, and nothing of its change lands', async () => {
  const store = await fresh();
  await assert.rejects(
    withAudit(store, '330106', async (tx) => {
      await tx.exec(`INSERT INTO lines (code, name) VALUES ('AUD', '审计测试')`);
      return { result: null, audit: [{ actor: 'u', action: 'test.step', target: 'X', regionCode: '330203' }] };
    }),
    /chain 330200 from a writer that locked only 330100/,
  );
  assert.equal((await store.query(`SELECT * FROM lines WHERE code = 'AUD'`)).length, 0);
  assert.equal((await verifyAuditLog(store)).entries, 0);
});

test(
  'PostgreSQL: a writer holding its transaction open after its append blocks its own city only',
  { skip: TEST_ENGINE !== 'postgres' },
  async () => {
    const store = await fresh();
    await recordAudit(store, { actor: 'u', action: 'test.step', target: 'first', regionCode: '330106' });
    const appended = gate();
    const commit = gate();
    // A appends to 330100 inside a transaction it keeps open: its chain's advisory lock is held until it commits.
    const a = store.transaction(async (tx) => {
      await recordAudit(tx, { actor: 'a', action: 'test.step', target: 'A', regionCode: '330106' });
      appended.open();
      await commit.wait;
    });
    await appended.wait;
    let c: Promise<void> | undefined;
    try {
      const b = recordAudit(store, { actor: 'b', action: 'test.step', target: 'B', regionCode: '330203' });
      assert.equal(await settlesWithin(b, 10_000), true, "another city's writer waited for A's commit");
      c = recordAudit(store, { actor: 'c', action: 'test.step', target: 'C', regionCode: '330110' });
      assert.equal(await settlesWithin(c, 1_500), false, "a writer of A's city went ahead of A's commit");
    } finally {
      commit.open();
      await a;
    }
    assert.equal(await settlesWithin(c!, 10_000), true);
    assert.deepEqual(
      (await chainRows(store, '330100')).map((r) => [r.seq, r.target]),
      [
        [1, 'first'],
        [2, 'A'],
        [3, 'C'],
      ],
    );
    const v = await verifyAuditLog(store);
    assert.deepEqual(
      [v.ok, v.chains.map((c) => [c.chain, c.entries])],
      [
        true,
        [
          ['330100', 3],
          ['330200', 1],
        ],
      ],
    );
  },
);

test('a log written before the chains (the province chain, its old anchor) still verifies after the migration, and grows', async () => {
  const store = await fresh();
  // The store as it was before migration 113: the old table, entries hashed and anchored by the old code's formulas.
  await store.exec('DROP TABLE audit_log');
  await store.exec(`CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, occurred_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL, target VARCHAR, region_code VARCHAR, detail VARCHAR, prev_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL)`);
  await store.exec(`DELETE FROM schema_migrations WHERE version = '113_audit_chains'`);
  const key = subKey('audit', 'kedu audit entries');
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= 4; seq++) {
    const e = [
      prev,
      seq,
      new Date(Date.UTC(2026, 0, seq)).toISOString(),
      'u1',
      'old.step',
      `O-${seq}`,
      seq % 2 ? '330106' : null,
      null,
    ] as const;
    const hash = createHmac('sm3', key).update(JSON.stringify(e), 'utf8').digest('hex');
    await store.exec('INSERT INTO audit_log VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)', [seq, e[2], e[3], e[4], e[5], e[6], e[7], prev, hash]);
    prev = hash;
  }
  const old = { location: store.location, keyedFrom: 1, seq: 4, hash: prev, at: new Date().toISOString() };
  const mac = createHmac('sm3', subKey('audit', 'kedu audit anchor'))
    .update(JSON.stringify([old.location, old.keyedFrom, old.seq, old.hash, old.at]), 'utf8')
    .digest('hex');
  mkdirSync(join(anchorPath(store.location), '..'), { recursive: true });
  writeFileSync(anchorPath(store.location), JSON.stringify({ ...old, mac }));

  assert.deepEqual(await migrate(store), ['113_audit_chains']);
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.entries, v.chains.map((c) => [c.chain, c.entries, c.anchored?.seq])], [true, 4, [[PROVINCE_CHAIN, 4, 4]]]);
  // The old anchor still catches the old chain's truncation.
  const [last] = await store.query<Record<string, unknown>>(`SELECT * FROM audit_log WHERE seq = 4`);
  await store.exec('DELETE FROM audit_log WHERE seq = 4');
  assert.deepEqual(
    (await verifyAuditLog(store)).problems.map((p) => [p.chain, p.seq, p.problem]),
    [[PROVINCE_CHAIN, 4, 'truncated']],
  );
  const cols = Object.keys(last);
  await store.exec(
    `INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    cols.map((c) => (c === 'occurred_at' ? new Date(String(last[c])) : (last[c] as string | number | null))),
  );
  // New writes: the province chain goes on from entry 4 (no audit.anchor entry), a city's chain begins.
  await recordAudit(
    store,
    { actor: 'u1', action: 'new.step', target: 'N-1' },
    { actor: 'u1', action: 'new.step', target: 'N-2', regionCode: '330106' },
  );
  const after = await verifyAuditLog(store);
  assert.deepEqual(
    [after.ok, after.chains.map((c) => [c.chain, c.entries, c.anchored?.seq, c.anchored?.keyedFrom])],
    [
      true,
      [
        ['330100', 1, 1, 1],
        [PROVINCE_CHAIN, 5, 5, 1],
      ],
    ],
  );
  assert.equal((await chainRows(store, PROVINCE_CHAIN))[4].prev_hash, prev);
});

/** Runs the app server script under its own anchor folder; resolves to what it printed. */
function server(
  folder: string,
  target: string,
  ...args: string[]
): Promise<{ ok: boolean; problems: { chain: string; seq: number; problem: string }[]; anchored: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SERVER, target, ...args], {
      env: { ...process.env, KEDU_KEY_DIR: folder, KEDU_AUDIT_ANCHOR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`app server exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!));
    });
  });
}

test('several app servers, each with its own anchor folder and the same key, on one database: one audit.anchor entry at most, each verifies, each catches what it anchored', async () => {
  const own = await cliStore(dir, 'chains');
  try {
    const target = own.args[1];
    const folders = [1, 2, 3].map((i) => join(dir, `server-${i}`));
    // A province chain kept before the key existed: the first server to start keys it, with one audit.anchor entry.
    let store = await own.open();
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= 3; seq++) {
      const e = [prev, seq, new Date().toISOString(), 'u1', 'legacy.step', `L-${seq}`, null, null] as const;
      const hash = createHash('sm3').update(JSON.stringify(e), 'utf8').digest('hex');
      await store.exec(
        'INSERT INTO audit_log (seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        [seq, e[2], e[3], e[4], e[5], e[6], e[7], prev, hash],
      );
      prev = hash;
    }
    await store.close();
    const regions = '330106,330203,330302,-';
    // PostgreSQL: the servers write at once; a DuckDB file has one writing process, so there one after another.
    const writes = folders.map((f) => () => server(f, target, 'write', '24', regions));
    const results = TEST_ENGINE === 'postgres' ? await Promise.all(writes.map((w) => w())) : [];
    if (TEST_ENGINE !== 'postgres') for (const w of writes) results.push(await w());
    for (const r of results) assert.deepEqual([r.ok, r.problems], [true, []]);

    store = await own.open();
    const anchors = await store.query<{ chain: string; detail: string }>(
      `SELECT chain, detail FROM audit_log WHERE action = 'audit.anchor'`,
    );
    await store.close();
    assert.deepEqual(
      anchors.map((a) => [a.chain, JSON.parse(a.detail).reason]),
      [[PROVINCE_CHAIN, 'unkeyed_chain']],
    );
    for (const f of folders) assert.deepEqual((await server(f, target, 'verify')).problems, []);

    // The daily anchoring on server 1: every chain anchored at its head now.
    const daily = spawnSync(process.execPath, [KEDU, ...own.args, 'audit', 'anchor'], {
      encoding: 'utf8',
      env: { ...process.env, KEDU_KEY_DIR: folders[0] },
    });
    assert.equal(daily.status, 0, daily.stdout + daily.stderr);
    assert.match(daily.stdout, /已锚定 4 条链/);
    // Server 3 writes on in 330300 (Wenzhou); someone then deletes those newest entries.
    const before = (await server(folders[0], target, 'verify')).anchored['330300'];
    const later = await server(folders[2], target, 'write', '3', '330302');
    assert.equal(later.anchored['330300'], before + 3);
    store = await own.open();
    await store.exec(`DELETE FROM audit_log WHERE chain = '330300' AND seq > $1`, [before]);
    await store.close();
    assert.deepEqual(
      (await server(folders[2], target, 'verify')).problems,
      [{ chain: '330300', seq: before + 3, problem: 'truncated' }],
      'the server whose anchor covers the deleted entries names them',
    );
    assert.deepEqual((await server(folders[0], target, 'verify')).problems, [], 'server 1 anchored 330300 before those entries');

    // Edited, deleted and inserted entries inside chains are named by every server.
    store = await own.open();
    await store.exec(`UPDATE audit_log SET actor = 'someone' WHERE chain = '330100' AND seq = 3`);
    await store.exec(`DELETE FROM audit_log WHERE chain = '330200' AND seq = 2`);
    await store.exec(`UPDATE audit_log SET seq = seq + 100 WHERE chain = '${PROVINCE_CHAIN}' AND seq >= 6`);
    const [p5] = await store.query<{ hash: string }>(`SELECT hash FROM audit_log WHERE chain = '${PROVINCE_CHAIN}' AND seq = 5`);
    await store.exec(
      `INSERT INTO audit_log (chain, seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash) VALUES ('${PROVINCE_CHAIN}', 6, $1, 'intruder', 'test.step', 'X', NULL, NULL, $2, $3)`,
      [new Date().toISOString(), p5.hash, 'f'.repeat(64)],
    );
    await store.close();
    for (const f of folders) {
      const found = (await server(f, target, 'verify')).problems.map((p) => `${p.chain}:${p.seq}:${p.problem}`);
      for (const expected of [
        '330100:3:edited',
        '330200:3:missing_before',
        `${PROVINCE_CHAIN}:6:edited`,
        `${PROVINCE_CHAIN}:106:missing_before`,
      ])
        assert.ok(found.includes(expected), `${f}: ${expected} not in ${found.join(', ')}`);
    }
    // The daily anchoring refuses the chains with problems (exit 3) and anchors none of them.
    const refused = spawnSync(process.execPath, [KEDU, ...own.args, 'audit', 'anchor', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, KEDU_KEY_DIR: folders[1] },
    });
    assert.equal(refused.status, 3, refused.stdout + refused.stderr);
    const anchoredNow = (JSON.parse(refused.stdout) as { anchored: { chain: string }[] }).anchored.map((a) => a.chain);
    assert.deepEqual(anchoredNow, ['330300'], 'only the chain that verifies');
  } finally {
    await own.drop();
  }
});
