// Writers that read then write, landing at once in one city: each runs its read and its write under its
// city's audit chain lock, taken before its work begins, so a second writer reads what the first wrote.
// Pushes of a record that makes a real-time hit raise it once (no duplicate hit, no 500); clue numbers
// handed out at once in one city are unique. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { addUser } from './helpers/fixtures.ts';
import { login } from './helpers/clues.ts';
import { seedIngestReference, sampleRow } from './fixtures/ingest-samples.ts';
import { buildApp } from '../src/api/app.ts';
import { verifyAuditLog, withAudit } from '../src/audit/audit-log.ts';
import { reserveClueNumbers } from '../src/clues/numbering.ts';

const t = await openTestStore();
const { store } = t;
await seedIngestReference(store);
await addUser(store, 'hz_sup', 'supervisor', '330100');
const app = await buildApp({ store });
after(async () => {
  await app.close();
  await t.close();
});

const PUSHES = 10;

test(`${PUSHES} pushes at once of a record that makes a real-time hit: every one answers 200, one hit and one clue, the chains verify`, async () => {
  const cookie = await login(app, 'hz_sup');
  const record = { ...sampleRow('inspections', 40), source_id: 'RACE-1', assist_officer_id: '' }; // one officer: 单人执法
  const responses = await Promise.all(
    Array.from({ length: PUSHES }, () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/ingest/inspections',
        headers: { cookie },
        payload: { sourceSystem: 'zj-xzzf', records: [record] },
      }),
    ),
  );
  assert.deepEqual(
    responses.map((r) => r.statusCode),
    Array.from({ length: PUSHES }, () => 200),
    responses.map((r) => r.body).join('\n'),
  );
  const newClues = responses.reduce((n, r) => n + (r.json() as { realtime: { newClues: number } }).realtime.newClues, 0);
  assert.equal(newClues, 1);
  const hits = await store.query<{ id: string }>(`SELECT id FROM model_hits`);
  assert.equal(hits.length, 2); // 单人执法 and the other model the record hits, each once
  const clues = await store.query<{ id: string }>(`SELECT id FROM clues`);
  assert.equal(clues.length, 1);
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.problems], [true, []]);
  // Each push's batch entry and the one real-time entry, in the pushed records' city.
  const [n] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE chain = '330100' AND action = 'ingest.batch'`);
  assert.equal(Number(n.n), PUSHES);
});

test('clue numbers handed out at once, in one city and in two: unique, in one unbroken sequence per county', async () => {
  const year = new Date().getFullYear();
  const take = (region: string, i: number) =>
    withAudit(store, region, async (tx) => {
      const [number] = await reserveClueNumbers(tx, region, new Date());
      return { result: number, audit: [{ actor: 'test', action: 'test.number', target: `N-${i}`, regionCode: region }] };
    });
  const regions = Array.from({ length: 24 }, (_, i) => (i % 3 === 2 ? '330203' : i % 3 === 1 ? '330110' : '330111'));
  const numbers = await Promise.all(regions.map((r, i) => take(r, i)));
  assert.equal(new Set(numbers).size, numbers.length, numbers.join(', '));
  for (const county of ['330111', '330110', '330203']) {
    const mine = numbers.filter((_, i) => regions[i] === county).map((n) => Number(n.split('-').at(-1)));
    assert.deepEqual(
      mine.sort((a, b) => a - b),
      Array.from({ length: 8 }, (_, i) => i + 1),
      county,
    );
    assert.ok(numbers.filter((_, i) => regions[i] === county).every((n) => n.includes(`-${year}-`)));
  }
  const v = await verifyAuditLog(store);
  assert.deepEqual([v.ok, v.problems], [true, []]);
});
