// The audit log as an attacker with write access to the database (and not to the key folder) would
// try it: edit an entry and recompute every later hash, delete the newest entries, empty the log,
// insert one; each is named by `verifyAuditLog` and by `kedu audit verify` (exit code 3).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliStore, openTestStore, type TestStore } from './helpers/store.ts';
import { EVERY_CHAIN, anchorAuditLog, recordAudit, verifyAuditLog, withAudit, type AuditEntry } from '../src/audit/audit-log.ts';
import { anchorPath } from '../src/audit/anchor.ts';
import { keyDir } from '../src/keys/keys.ts';
import type { Store } from '../src/store/store.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { sampleRow, seedIngestReference } from './fixtures/ingest-samples.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin/kedu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'kedu-audit-test-'));
const open: TestStore[] = [];
after(async () => {
  for (const t of open) await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh store whose log holds five entries. */
async function fiveEntries(): Promise<Store> {
  const t = await openTestStore();
  open.push(t);
  for (let i = 1; i <= 5; i++)
    await recordAudit(t.store, { actor: 'u1', action: 'test.step', target: `T-${i}`, regionCode: '330111', detail: { i } });
  return t.store;
}

const problemsOf = async (store: Store) => (await verifyAuditLog(store)).problems.map((p) => [p.seq, p.problem]);

/** What an attacker without the key can do: rehash every entry from `from` on with plain SM3, the old scheme. */
async function rehashFrom(store: Store, from: number): Promise<void> {
  const rows = await store.query<AuditEntry>('SELECT * FROM audit_log ORDER BY seq');
  let prev = rows.find((r) => Number(r.seq) === from - 1)?.hash ?? '0'.repeat(64);
  for (const r of rows.filter((x) => Number(x.seq) >= from)) {
    const canonical = JSON.stringify([prev, Number(r.seq), r.occurred_at, r.actor, r.action, r.target, r.region_code, r.detail]);
    const hash = createHash('sm3').update(canonical, 'utf8').digest('hex');
    await store.exec('UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3', [prev, hash, Number(r.seq)]);
    prev = hash;
  }
}

test('an untouched chain verifies against its anchor', async () => {
  const store = await fiveEntries();
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.entries, v.problems], [true, 5, []]);
  assert.deepEqual([v.anchor?.chains['330100']?.seq, v.anchor?.chains['330100']?.keyedFrom], [5, 1]);
});

test('the audit key is a 0600 file outside the database, made on first use', async () => {
  await fiveEntries();
  const key = join(keyDir(), 'audit.key');
  assert.ok(existsSync(key));
  assert.equal(statSync(key).mode & 0o777, 0o600);
  assert.match(readFileSync(key, 'utf8').trim(), /^[0-9a-f]{64}$/);
});

test('an edited entry is named, also when every later hash is recomputed', async () => {
  const store = await fiveEntries();
  await store.exec(`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = 3`);
  assert.deepEqual(await problemsOf(store), [[3, 'edited']]);
  // The forger recomputes the chain from the edited entry on: without the key the hashes cannot match.
  await rehashFrom(store, 3);
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, false);
  assert.deepEqual(
    v.problems.map((p) => [p.seq, p.problem]),
    [
      [3, 'edited'],
      [4, 'edited'],
      [5, 'edited'],
      [5, 'rewritten'],
    ],
  );
});

test('a chain rewritten whole, from the first entry, is caught too', async () => {
  const store = await fiveEntries();
  await store.exec(`UPDATE audit_log SET actor = 'someone-else'`);
  await rehashFrom(store, 1);
  assert.deepEqual((await problemsOf(store)).at(-1), [5, 'rewritten']);
});

test('deleting the newest entries is named by the anchor', async () => {
  const store = await fiveEntries();
  await store.exec('DELETE FROM audit_log WHERE seq >= 4');
  const v = await verifyAuditLog(store);
  assert.deepEqual(
    v.problems.map((p) => [p.seq, p.problem]),
    [[5, 'truncated']],
  );
  assert.match(v.problems[0].message, /第4条至第5条审计记录缺失/);
});

test('after the newest entries are deleted, the next entry follows the newest one left (the head is read past what the process saw)', async () => {
  const store = await fiveEntries(); // this process wrote entry 5: the head is looked for from there first
  await store.exec('DELETE FROM audit_log WHERE seq >= 4');
  await recordAudit(store, { actor: 'u1', action: 'test.after_delete', target: 'T-6', regionCode: '330111' });
  const rows = await store.query<AuditEntry>('SELECT * FROM audit_log ORDER BY seq');
  assert.deepEqual(
    rows.map((r) => Number(r.seq)),
    [1, 2, 3, 4],
  );
  assert.equal(rows[3].action, 'test.after_delete');
  assert.equal(rows[3].prev_hash, rows[2].hash);
});

test('an emptied log is named by the anchor', async () => {
  const store = await fiveEntries();
  await store.exec('DELETE FROM audit_log');
  const v = await verifyAuditLog(store);
  assert.deepEqual(
    v.problems.map((p) => [p.seq, p.problem]),
    [[5, 'emptied']],
  );
  assert.match(v.problems[0].message, /审计日志为空/);
});

test('a deleted entry is named by the gap it leaves', async () => {
  const store = await fiveEntries();
  await store.exec('DELETE FROM audit_log WHERE seq = 2');
  const v = await verifyAuditLog(store);
  assert.deepEqual(
    v.problems.map((p) => [p.seq, p.problem]),
    [[3, 'missing_before']],
  );
  assert.match(v.problems[0].message, /第2条至第2条/);
});

test('an entry inserted with a forged hash and renumbered chain is caught where the chain breaks', async () => {
  const store = await fiveEntries();
  await store.exec('UPDATE audit_log SET seq = seq + 10 WHERE seq >= 3');
  const [prev] = await store.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 2');
  await store.exec(
    'INSERT INTO audit_log (chain, seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
    ['330100', 3, new Date().toISOString(), 'intruder', 'test.step', 'X', '330111', null, prev.hash, 'f'.repeat(64)],
  );
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, false);
  assert.ok(
    v.problems.some((p) => p.seq === 13),
    JSON.stringify(v.problems),
  );
});

test('a forged or missing anchor is named', async () => {
  const store = await fiveEntries();
  const path = anchorPath(store.location);
  const anchor = JSON.parse(readFileSync(path, 'utf8')) as { seq: number };
  writeFileSync(path, JSON.stringify({ ...anchor, seq: 2 }));
  assert.deepEqual(await problemsOf(store), [[0, 'anchor_invalid']]);
  rmSync(path);
  assert.deepEqual(await problemsOf(store), [[0, 'anchor_missing']]);
});

test('a state change and its audit entry land together or not at all', async () => {
  const store = await fiveEntries();
  await assert.rejects(
    withAudit(store, EVERY_CHAIN, async (tx) => {
      await tx.exec(`INSERT INTO lines (code, name) VALUES ('AUD', '审计测试')`);
      throw new Error('handler failed');
    }),
  );
  assert.equal((await store.query(`SELECT * FROM lines WHERE code = 'AUD'`)).length, 0);
  assert.equal((await verifyAuditLog(store)).entries, 5);
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    await tx.exec(`INSERT INTO lines (code, name) VALUES ('AUD', '审计测试')`);
    return { result: null, audit: [{ actor: 'u1', action: 'line.create', target: 'AUD' }] };
  });
  const v = await verifyAuditLog(store);
  // The line's entry has no region: it is the province chain's first.
  assert.deepEqual([v.ok, v.entries, v.anchor?.chains['330100']?.seq, v.anchor?.chains.province?.seq], [true, 6, 5, 1]);
});

test('concurrent writers still produce one unbroken chain', async () => {
  const store = await fiveEntries();
  await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(store, { actor: 'u2', action: 'test.parallel', target: String(i) })));
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.entries, v.anchor?.chains['330100']?.seq, v.anchor?.chains.province?.seq], [true, 25, 5, 20]);
});

test('a change with thousands of entries (a bulk action) lands them all in order, and the chain verifies', async () => {
  const store = await fiveEntries();
  const entries = Array.from({ length: 2_500 }, (_, i) => ({
    actor: 'u1',
    action: 'clue.assign',
    target: `CL-${i}`,
    regionCode: '330111',
    detail: { i },
  }));
  await recordAudit(store, ...entries);
  const rows = await store.query<{ seq: number; target: string }>('SELECT seq, target FROM audit_log WHERE seq > 5 ORDER BY seq');
  assert.equal(rows.length, 2_500);
  assert.deepEqual(
    [rows[0], rows[1_999], rows[2_499]].map((r) => [Number(r.seq), r.target]),
    [
      [6, 'CL-0'],
      [2_005, 'CL-1999'],
      [2_505, 'CL-2499'],
    ],
  );
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.entries, v.problems], [true, 2_505, []]);
});

test('a chain kept before the audit key existed is anchored once, with an entry saying so, and stays protected', async () => {
  const t = await openTestStore();
  open.push(t);
  const { store } = t;
  // Three entries as the code before the key wrote them: plain SM3, no anchor.
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= 3; seq++) {
    const e = [prev, seq, new Date().toISOString(), 'u1', 'legacy.step', `L-${seq}`, '330111', null] as const;
    const hash = createHash('sm3').update(JSON.stringify(e), 'utf8').digest('hex');
    await store.exec(
      'INSERT INTO audit_log (seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
      [seq, e[2], e[3], e[4], e[5], e[6], e[7], prev, hash],
    );
    prev = hash;
  }
  assert.deepEqual(await problemsOf(store), [[0, 'anchor_missing']]);
  assert.equal(await anchorAuditLog(store), true);
  assert.equal(await anchorAuditLog(store), false, 'anchored once');
  const [entry] = await store.query<{ seq: number; action: string; detail: string }>(
    `SELECT seq, action, detail FROM audit_log WHERE seq = 4`,
  );
  assert.equal(entry.action, 'audit.anchor');
  assert.equal(JSON.parse(entry.detail).reason, 'unkeyed_chain');
  await recordAudit(store, { actor: 'u1', action: 'test.step', target: 'after' });
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.entries, v.anchor?.chains.province?.keyedFrom, v.anchor?.chains.province?.seq], [true, 5, 4, 5]);
  // The old entries are covered by the first keyed one: an edit there, rehashed in the old scheme, breaks the link.
  await store.exec(`UPDATE audit_log SET actor = 'x' WHERE seq = 2`);
  await rehashFrom(store, 2);
  await store.exec(`UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 3) WHERE seq = 4`);
  assert.ok((await problemsOf(store)).some(([seq, p]) => seq === 4 && p === 'edited'));
});

test('kedu audit verify exits 0 on an intact log and 3 naming a truncated or emptied one', async () => {
  const own = await cliStore(dir, 'audit');
  try {
    const store = await own.open();
    for (let i = 1; i <= 4; i++) await recordAudit(store, { actor: 'u1', action: 'test.step', target: `T-${i}` });
    await store.close();
    const verify = () => spawnSync(process.execPath, [KEDU, ...own.args, 'audit', 'verify'], { encoding: 'utf8', timeout: 60_000 });
    const good = verify();
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /审计日志完好：4 条记录.*与库外锚点一致（至第4条/);
    const tamper = async (statement: string) => {
      const s = await own.open();
      await s.exec(statement);
      await s.close();
    };
    await tamper('DELETE FROM audit_log WHERE seq = 4');
    const cut = verify();
    assert.equal(cut.status, 3, cut.stdout + cut.stderr);
    assert.match(cut.stdout, /第4条至第4条审计记录缺失：锚点记录日志至少到第4条/);
    await tamper('DELETE FROM audit_log');
    const empty = verify();
    assert.equal(empty.status, 3);
    assert.match(empty.stdout, /审计日志为空，但锚点记录日志至少到第4条/);
    const json = spawnSync(process.execPath, [KEDU, ...own.args, 'audit', 'verify', '--json'], { encoding: 'utf8' });
    assert.equal(JSON.parse(json.stdout).problems[0].problem, 'emptied');
  } finally {
    await own.drop();
  }
});

test('many writers at once, imports among them, all finish (no writer waits for a connection a waiting one holds)', async () => {
  const store = await fiveEntries();
  await seedIngestReference(store);
  const imports = Array.from({ length: 8 }, (_, i) =>
    importRows(store, recordsSource([sampleRow('inspections', 100 + i)]), { kind: 'inspections', caller: SYSTEM_CALLER }),
  );
  const writes = Array.from({ length: 8 }, (_, i) => recordAudit(store, { actor: 'u3', action: 'test.concurrent', target: String(i) }));
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('deadlocked: the writers did not finish within 30 s')), 30_000);
  });
  try {
    await Promise.race([Promise.all([...imports, ...writes]), stuck]);
  } finally {
    clearTimeout(timer);
  }
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.entries], [true, 5 + 8 + 8]);
});
