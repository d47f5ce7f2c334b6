// The navigator keeps what it computed from an item's cases (the history, the peers' spread) and the
// facts texts of the similar cases out of the store, until the state learns a case: a decision pushed
// through the ingestion API changes its item's history at once, the same as SQL over the rows; a case
// sent again under another item leaves the first item's history; the other items' figures stay right;
// and the similar cases show the text as it was last sent.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { addUser } from './helpers/fixtures.ts';
import { login } from './helpers/clues.ts';
import { agency, caseRecord, pushedCase } from './helpers/records.ts';
import { buildApp } from '../src/api/app.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { assess, readyNavigator, type AssessResult } from '../src/navigator/index.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { recordId } from '../src/records/record-id.ts';

const ASOF = '2025-12-31';
const FY = '330111'; // 富阳区
const t = await openTestStore();
const { store } = t;
const app = await buildApp({ store, asOf: ASOF });
after(async () => {
  await app.close();
  await t.close();
});

before(async () => {
  await loadReference(store);
  await agency(store, 'AG-FY-ZHZF', FY, 'CLE');
  await agency(store, 'AG-FY-SCJG', FY, 'MKT');
  await addUser(store, 'hz_sup', 'supervisor', '330100');
  // Two items with a dozen fines each, so that both have a median.
  for (let i = 0; i < 12; i++) {
    await caseRecord(store, { item_code: 'CLE-P022', fine_amount: 600 + 20 * i, decided_on: `2025-0${1 + (i % 9)}-10` });
    await caseRecord(store, {
      item_code: 'MKT-P001',
      agency_id: 'AG-FY-SCJG',
      fine_amount: 10_000 + 1000 * i,
      decided_on: `2025-0${1 + (i % 9)}-12`,
    });
  }
  invalidateRealtimeState(store);
});

const ask = (item: string, text?: string) =>
  assess(store, SYSTEM_CALLER, {
    item,
    regionCode: FY,
    asOf: ASOF,
    facts: { firstOffence: false, corrected: false, harm: 'minor', text },
    proposed: { decision: 'fine', fine: 800 },
  });

/** The figures of an item's history in 富阳 by SQL over the stored rows. */
async function sqlHistory(item: string): Promise<{ decisions: number; fined: number; max: number }> {
  const [r] = await store.query<Record<string, number>>(`
    SELECT count(*) AS decisions, sum(CASE WHEN decision = 'fine' AND fine_amount > 0 THEN 1 ELSE 0 END) AS fined,
      max(fine_amount) AS max
    FROM cases WHERE item_code = '${item}' AND region_code LIKE '${FY}%' AND decision IS NOT NULL
      AND decided_on > CAST('2024-01-01' AS DATE) AND decided_on <= CAST('${ASOF}' AS DATE)`);
  return { decisions: Number(r.decisions), fined: Number(r.fined), max: Number(r.max) };
}
/** A decision pushed through the ingestion API, as an agency's system sends it. */
const push = async (itemCode: string, fine: string, facts: string, sourceId = 'FRESH-1') => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/cases',
    headers: { cookie: await login(app, 'hz_sup') },
    payload: {
      sourceSystem: 'fy-zhzf',
      records: [pushedCase(sourceId, { item_code: itemCode, fine_amount: fine, facts })],
    },
  });
  assert.equal(res.statusCode, 200, res.body);
};

const figures = (a: AssessResult) => ({
  decisions: a.history.region.decisions,
  fined: a.history.region.fined,
  max: a.history.region.fines!.max,
});

test('a decision that lands changes its item’s history at once; one sent again under another item leaves the first', async () => {
  // The figures are computed and kept (as on a running server) before anything lands.
  assert.deepEqual(figures(await ask('CLE-P022')), await sqlHistory('CLE-P022'));
  assert.deepEqual(figures(await ask('MKT-P001')), await sqlHistory('MKT-P001'));
  const before = figures(await ask('CLE-P022'));

  // A new, largest fine of CLE-P022: its history counts it; MKT-P001's is unchanged and still right.
  await push('CLE-P022', '990', '当事人将装修垃圾倾倒在溪边竹林里。');
  const landed = figures(await ask('CLE-P022'));
  assert.deepEqual(landed, await sqlHistory('CLE-P022'));
  assert.deepEqual(landed, { decisions: before.decisions + 1, fined: before.fined + 1, max: 990 });
  assert.deepEqual(figures(await ask('MKT-P001')), await sqlHistory('MKT-P001'));
  const id = recordId('cases', 'fy-zhzf', 'FRESH-1');
  const found = (await ask('CLE-P022', '装修垃圾倾倒在溪边竹林')).similar.find((s) => s.id === id);
  assert.equal(found?.text.map((p) => p.text).join(''), '当事人将装修垃圾倾倒在溪边竹林里。');

  // The same case sent again as MKT-P001: it leaves CLE-P022's history and joins MKT-P001's; the
  // similar cases show the text as sent the second time.
  const mktBefore = figures(await ask('MKT-P001'));
  await push('MKT-P001', '30000', '当事人在溪边竹林旁无照经营农家乐。');
  assert.deepEqual(figures(await ask('CLE-P022')), before);
  // Nor is it among CLE-P022's similar cases any more, even asked with the text it had there.
  const gone = await ask('CLE-P022', '装修垃圾倾倒在溪边竹林');
  assert.ok(gone.similar.length > 0);
  assert.ok(!gone.similar.some((s) => s.id === id), 'a case sent again under another item left its first item');
  assert.deepEqual(figures(await ask('CLE-P022')), await sqlHistory('CLE-P022'));
  const moved = figures(await ask('MKT-P001'));
  assert.deepEqual(moved, await sqlHistory('MKT-P001'));
  assert.equal(moved.decisions, mktBefore.decisions + 1);
  const again = (await ask('MKT-P001', '溪边竹林无照经营农家乐')).similar.find((s) => s.id === id);
  assert.equal(again?.text.map((p) => p.text).join(''), '当事人在溪边竹林旁无照经营农家乐。');
});

/** PEN_DEVIATION's peers of a general-tier fine in 富阳 (杭州, same item and tier) by SQL: count and median. */
async function sqlPeers(item: string): Promise<{ count: number; median: number }> {
  const rows = await store.query<{ fine: number }>(`
    SELECT fine_amount AS fine FROM cases WHERE item_code = '${item}' AND region_code LIKE '3301%' AND tier = 'general'
      AND decision = 'fine' AND fine_amount > 0
      AND decided_on > CAST('2024-01-01' AS DATE) AND decided_on <= CAST('${ASOF}' AS DATE)`);
  const fines = rows.map((r) => Number(r.fine)).sort((a, b) => a - b);
  const mid = (fines.length - 1) / 2;
  return { count: fines.length, median: (fines[Math.floor(mid)] + fines[Math.ceil(mid)]) / 2 };
}
const peerFigures = (a: AssessResult) => ({ count: a.history.peers.count, median: a.history.peers.median });

test('figures computed ahead at start, and again after each landing, are those of the rows as they are then', async () => {
  // As a server starts: the state, the index and every item's figures computed before anyone asks.
  invalidateRealtimeState(store);
  await readyNavigator(store, ASOF);
  const start = await ask('CLE-P022');
  assert.deepEqual(figures(start), await sqlHistory('CLE-P022'));
  assert.deepEqual(peerFigures(start), await sqlPeers('CLE-P022'));

  // A landing with nobody asking in between: the figures computed again after it count it.
  await push('CLE-P022', '1500', '当事人将建筑垃圾倾倒在河道旁空地。', 'FRESH-2');
  await new Promise((resolve) => setImmediate(resolve));
  const landed = await ask('CLE-P022');
  assert.deepEqual(figures(landed), await sqlHistory('CLE-P022'));
  assert.equal(figures(landed).decisions, figures(start).decisions + 1);
  assert.deepEqual(peerFigures(landed), await sqlPeers('CLE-P022'));
  assert.equal(peerFigures(landed).count, peerFigures(start).count + 1);

  // Two landings in one turn, asked at once: still the rows as they are.
  await Promise.all([
    push('CLE-P022', '1600', '当事人将建筑垃圾倾倒在桥下。', 'FRESH-3'),
    push('CLE-P022', '1700', '当事人将建筑垃圾倾倒在田边。', 'FRESH-4'),
  ]);
  const twice = await ask('CLE-P022');
  assert.deepEqual(figures(twice), await sqlHistory('CLE-P022'));
  assert.deepEqual(peerFigures(twice), await sqlPeers('CLE-P022'));
  assert.equal(figures(twice).decisions, figures(start).decisions + 3);
  // The other item's figures were left as they were, and are right.
  assert.deepEqual(figures(await ask('MKT-P001')), await sqlHistory('MKT-P001'));
});
