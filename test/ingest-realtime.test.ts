// Records pushed through the ingestion API are judged at once by the real-time models of their kind.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { seedIngestReference, sampleRow } from './fixtures/ingest-samples.ts';
import { buildApp } from '../src/api/app.ts';
import { recordId } from '../src/ingest/record-id.ts';

const t = await openTestStore();
await seedIngestReference(t.store);
await addUser(t.store, 'hz_sup', 'supervisor', '330100');
const app = await buildApp({ store: t.store });
after(async () => { await app.close(); await t.close(); });

test('an inspection by one officer pushed by an agency system raises its 单人执法 clue in the same call', async () => {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hz_sup', password: PASSWORD } });
  const cookie = `kedu_session=${login.cookies.find((c) => c.name === 'kedu_session')!.value}`;
  const single = sampleRow('inspections', 10); // no assisting officer
  const paired = sampleRow('inspections', 11);
  const res = await app.inject({ method: 'POST', url: '/api/v1/ingest/inspections', headers: { cookie }, payload: { sourceSystem: 'zj-xzzf', records: [single, paired] } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.landed, 2);
  assert.ok(body.realtime.newClues >= 1, JSON.stringify(body.realtime));
  const clues = await t.store.query<{ evidence: string }>(`SELECT evidence FROM clues WHERE model_code = 'INS_SINGLE_OFFICER'`);
  assert.deepEqual(clues.map((c) => JSON.parse(c.evidence).ids), [[recordId('inspections', 'zj-xzzf', single.source_id)]]);
  // Sent again, the same records raise nothing new.
  const again = (await app.inject({ method: 'POST', url: '/api/v1/ingest/inspections', headers: { cookie }, payload: { sourceSystem: 'zj-xzzf', records: [single, paired] } })).json();
  assert.equal(again.realtime.newClues, 0);
});
