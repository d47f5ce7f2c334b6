// Records pushed through the ingestion API are judged at once by the real-time models of their kind.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { seedIngestReference, sampleRow } from './fixtures/ingest-samples.ts';
import { buildApp } from '../src/api/app.ts';
import { recordId } from '../src/records/record-id.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { realtimeIngest } from '../src/models/ingest-hook.ts';
import { realtimeState } from '../src/models/realtime/state.ts';

const t = await openTestStore();
await seedIngestReference(t.store);
await addUser(t.store, 'hz_sup', 'supervisor', '330100');
const app = await buildApp({ store: t.store, checkResponses: true });
after(async () => {
  await app.close();
  await t.close();
});

test('an inspection by one officer pushed by an agency system raises its 单人执法 clue in the same call', async () => {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hz_sup', password: PASSWORD } });
  const cookie = `kedu_session=${login.cookies.find((c) => c.name === 'kedu_session')!.value}`;
  const single = sampleRow('inspections', 10); // no assisting officer
  const paired = sampleRow('inspections', 11);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/inspections',
    headers: { cookie },
    payload: { sourceSystem: 'zj-xzzf', records: [single, paired] },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.landed, 2);
  assert.ok(body.realtime.newClues >= 1, JSON.stringify(body.realtime));
  const clues = await t.store.query<{ evidence: string }>(`SELECT evidence FROM clues WHERE model_code = 'INS_SINGLE_OFFICER'`);
  assert.deepEqual(
    clues.map((c) => JSON.parse(c.evidence).ids),
    [[recordId('inspections', 'zj-xzzf', single.source_id)]],
  );
  // Sent again, the same records raise nothing new.
  const again = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/ingest/inspections',
      headers: { cookie },
      payload: { sourceSystem: 'zj-xzzf', records: [single, paired] },
    })
  ).json();
  assert.equal(again.realtime.newClues, 0);
});

test('a pushed record and the clues it raises commit together: a push that fails after judging leaves neither', async () => {
  const caller = { ...SYSTEM_CALLER, userId: 'hz_sup', role: 'supervisor' as const, regionCode: '330100' };
  const record = { ...sampleRow('inspections', 20), source_id: 'ATOMIC-1', assist_officer_id: '' }; // one officer: 单人执法
  const id = recordId('inspections', 'zj-xzzf', record.source_id);
  const clueCount = async () =>
    Number((await t.store.query<{ n: number }>(`SELECT count(*) AS n FROM clues WHERE evidence LIKE '%' || $1 || '%'`, [id]))[0].n);
  const auditBefore = Number((await t.store.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0].n);

  let raised = 0;
  const failing = realtimeIngest(t.store, caller, 'inspections');
  await failing.prepare();
  await assert.rejects(
    importRows(t.store, recordsSource([record]), {
      kind: 'inspections',
      caller,
      sourceSystem: 'zj-xzzf',
      // The checks write their clue into the transaction; then the process fails before the commit.
      onLanded: async (tx, written) => {
        await failing.onLanded(tx, written);
        raised = failing.summary().newClues;
        throw new Error('crash before commit');
      },
    }),
    /crash before commit/,
  );
  failing.failed();
  assert.ok(raised >= 1);
  assert.equal((await t.store.query('SELECT id FROM inspections WHERE id = $1', [id])).length, 0);
  assert.equal(await clueCount(), 0);
  assert.equal(Number((await t.store.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0].n), auditBefore);
  // The state forgot what it learnt: the same record pushed again raises its clue.
  assert.ok(!realtimeState(t.store).isLoaded('inspections'));

  const pushed = realtimeIngest(t.store, caller, 'inspections');
  await pushed.prepare();
  const report = await importRows(t.store, recordsSource([record]), {
    kind: 'inspections',
    caller,
    sourceSystem: 'zj-xzzf',
    onLanded: pushed.onLanded,
  });
  assert.equal(report.inserted, 1);
  assert.equal(pushed.summary().newClues, raised);
  assert.equal(await clueCount(), raised);
  // One commit, its audit entries in order: the batch, then the real-time check that raised the clues
  // (the newest entries of the log, in the console's order: time, then chain, then seq within a chain).
  const audit = (
    await t.store.query<{ action: string; target: string }>('SELECT action, target FROM audit_log ORDER BY occurred_at, chain, seq')
  ).slice(auditBefore);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['ingest.batch', 'models.run'],
  );
  assert.ok(audit[1].target.split(',').includes('INS_SINGLE_OFFICER'), audit[1].target);
});
