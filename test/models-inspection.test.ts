import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';

const t = await openTestStore();
const { store } = t;
before(async () => {
  await seedTwoCounties(store);
  for (const id of ['AG-A', 'AG-B', 'AG-C']) await agency(store, id);
});
beforeEach(async () => { await store.exec('DELETE FROM inspections'); await store.exec('DELETE FROM clues'); await store.exec('DELETE FROM clue_events'); });
after(() => t.close());

const model = (code: string) => findModel(code)!;
const clues = () => store.query<{ title: string; explanation: string; evidence: string; region_code: string }>('SELECT * FROM clues ORDER BY id');

test('INS_REPEAT: three agencies inspecting one entity within 7 days raise one clue with the evidence', async () => {
  const a = await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  const b = await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  const c = await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-07' });
  const r = await runModel(store, model('INS_REPEAT'), { asOf: '2025-06-01' });
  assert.equal(r.newClues, 1);
  const [clue] = await clues();
  assert.equal(clue.explanation, '该企业在7天内被3个部门分别检查3次，未纳入联合检查（首次检查日期2025-05-01）。');
  assert.deepEqual(JSON.parse(clue.evidence).ids, [a, b, c]);
  assert.equal(clue.region_code, '330111');
});

test('INS_REPEAT near miss: the third agency comes on day 8, or the visits were one joint inspection', async () => {
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-08' });
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-07-01', kind: 'joint', joint_id: 'J1' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-07-01', kind: 'joint', joint_id: 'J1' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-07-02', kind: 'joint', joint_id: 'J1' });
  const r = await runModel(store, model('INS_REPEAT'), { asOf: '2025-08-01' });
  assert.equal(r.hits, 0);
});

test('running a model twice raises no second clue; a region setting changes the window', async () => {
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-08' });
  const { saveSetting } = await import('../src/models/settings.ts');
  const admin = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
  await saveSetting(store, admin, model('INS_REPEAT'), '330100', true, { window_days: 10 });
  assert.equal((await runModel(store, model('INS_REPEAT'))).newClues, 1);
  assert.equal((await runModel(store, model('INS_REPEAT'))).newClues, 0);
  assert.equal((await clues()).length, 1);
  await saveSetting(store, admin, model('INS_REPEAT'), '330111', false, {});
  await store.exec('DELETE FROM clues');
  assert.equal((await runModel(store, model('INS_REPEAT'))).hits, 0);
  await store.exec('DELETE FROM model_settings');
});

test('real time: the inspection that completes a repeated-inspection pattern raises the clue at once', async () => {
  const { checkRecords } = await import('../src/models/realtime.ts');
  await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-03' });
  const other = { entity_uscc: '91330000733796106P', region_code: '330106', agency_id: 'AG-C' };
  await inspection(store, { ...other, inspected_on: '2025-05-02' });
  assert.equal((await checkRecords(store, 'inspections', [other])).reduce((s, r) => s + r.newClues, 0), 0);
  const third = { agency_id: 'AG-C', inspected_on: '2025-05-04', entity_uscc: '91330100470102706G' };
  await inspection(store, third);
  const reports = await checkRecords(store, 'inspections', [third]);
  assert.equal(reports.reduce((s, r) => s + r.newClues, 0), 1);
  assert.equal((await clues()).length, 1);
});
