import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { recordAudit, verifyAuditLog, withAudit } from '../src/audit/audit-log.ts';

const t = await openTestStore();
const { store } = t;
after(() => t.close());

beforeEach(async () => {
  await store.exec('DELETE FROM audit_log');
  for (let i = 1; i <= 5; i++)
    await recordAudit(store, { actor: 'u1', action: 'test.step', target: `T-${i}`, regionCode: '330111', detail: { i } });
});

test('an untouched chain verifies', async () => {
  assert.deepEqual(await verifyAuditLog(store), { ok: true, entries: 5, problems: [] });
});

test('an edited entry is named', async () => {
  await store.exec(`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = 3`);
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, false);
  assert.deepEqual(
    v.problems.map((p) => [p.seq, p.problem]),
    [[3, 'edited']],
  );
});

test('a deleted entry is named by the gap it leaves', async () => {
  await store.exec('DELETE FROM audit_log WHERE seq = 2');
  const v = await verifyAuditLog(store);
  assert.deepEqual(
    v.problems.map((p) => [p.seq, p.problem]),
    [[3, 'missing_before']],
  );
  assert.match(v.problems[0].message, /第2条至第2条/);
});

test('an entry inserted with a forged hash and renumbered chain is caught where the chain breaks', async () => {
  // The forger shifts later entries up and slips one in at seq 3, hashing it correctly by itself.
  await store.exec('UPDATE audit_log SET seq = seq + 10 WHERE seq >= 3');
  const { hashEntry } = await import('../src/audit/audit-log.ts');
  const [prev] = await store.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 2');
  const forged = {
    seq: 3,
    occurred_at: new Date().toISOString(),
    actor: 'intruder',
    action: 'test.step',
    target: 'X',
    region_code: '330111',
    detail: null,
    prev_hash: prev.hash,
  };
  await store.exec('INSERT INTO audit_log VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)', [
    forged.seq,
    forged.occurred_at,
    forged.actor,
    forged.action,
    forged.target,
    forged.region_code,
    forged.detail,
    forged.prev_hash,
    hashEntry(forged),
  ]);
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, false);
  assert.ok(
    v.problems.some((p) => p.seq === 13),
    JSON.stringify(v.problems),
  );
});

test('a state change and its audit entry land together or not at all', async () => {
  await assert.rejects(
    withAudit(store, async (tx) => {
      await tx.exec(`INSERT INTO lines (code, name) VALUES ('AUD', '审计测试')`);
      throw new Error('handler failed');
    }),
  );
  assert.equal((await store.query(`SELECT * FROM lines WHERE code = 'AUD'`)).length, 0);
  assert.equal((await verifyAuditLog(store)).entries, 5);
  await withAudit(store, async (tx) => {
    await tx.exec(`INSERT INTO lines (code, name) VALUES ('AUD', '审计测试')`);
    return { result: null, audit: [{ actor: 'u1', action: 'line.create', target: 'AUD' }] };
  });
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, true);
  assert.equal(v.entries, 6);
});

test('concurrent writers still produce one unbroken chain', async () => {
  await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(store, { actor: 'u2', action: 'test.parallel', target: String(i) })));
  const v = await verifyAuditLog(store);
  assert.equal(v.ok, true);
  assert.equal(v.entries, 25);
});

test('a change with thousands of entries (a bulk action) lands them all in order, and the chain verifies', async () => {
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
  assert.deepEqual(await verifyAuditLog(store), { ok: true, entries: 2_505, problems: [] });
});
