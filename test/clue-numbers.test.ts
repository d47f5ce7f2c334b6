import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedInspectionWorld } from './helpers/fixtures.ts';
import { inspection } from './helpers/records.ts';
import { everyHitAClue, login, quietEnvironment } from './helpers/clues.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { readCatalog } from '../src/catalog/read-catalog.ts';
import { formatClueNumber, numberUnnumberedClues, numberingYear, regionShortName } from '../src/clues/numbering.ts';
import { buildApp } from '../src/api/app.ts';
import { withAudit } from '../src/audit/audit-log.ts';
import { intakeReport } from '../src/clues/intake.ts';
import { fixedClock } from '../src/clues/clock.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
before(async () => {
  await seedInspectionWorld(store);
  await everyHitAClue(store); // numbering is about the clues triage opens, whatever a hit's score
  await addUser(store, 'fy_sup', 'supervisor', '330111');
});
after(() => t.close());

const year = numberingYear(new Date());
const numbers = async (where = 'TRUE') =>
  (await store.query<{ number: string }>(`SELECT number FROM clues WHERE ${where} ORDER BY number`)).map((r) => r.number);

test('short names: the suffix of the level goes, and no two regions of Zhejiang share one', () => {
  assert.equal(regionShortName('富阳区'), '富阳');
  assert.equal(regionShortName('景宁畲族自治县'), '景宁');
  assert.equal(regionShortName('杭州市'), '杭州');
  assert.equal(regionShortName('浙江省'), '浙江');
  const names = readCatalog().regions.map((r) => regionShortName(r.name));
  assert.equal(new Set(names).size, names.length, '区划简称重复');
  assert.equal(formatClueNumber('富阳', 2026, 123), '富阳-2026-000123');
  assert.equal(formatClueNumber('富阳', 2026, 1234567), '富阳-2026-1234567');
});

test('a batch run numbers its clues per county and year; the next run, a real-time check and an intake continue the sequence', async () => {
  // Two repeated-inspection episodes in 富阳 (two entities), one in 西湖: three clues.
  for (const [uscc, region] of [
    ['91330100470102706G', '330111'],
    ['91330183MA2H0AAA1X', '330111'],
    ['91330000733796106P', '330106'],
  ]) {
    await inspection(store, { entity_uscc: uscc, region_code: region, inspected_on: '2025-05-01', result: 'compliant' });
    await inspection(store, { entity_uscc: uscc, region_code: region, inspected_on: '2025-05-04', result: 'compliant' });
  }
  const r = await runModel(store, findModel('INS_SAME_AGENCY_REPEAT')!, { asOf: '2025-12-31' });
  assert.equal(r.newClues, 3);
  assert.deepEqual(await numbers("region_code = '330111'"), [`富阳-${year}-000001`, `富阳-${year}-000002`]);
  assert.deepEqual(await numbers("region_code = '330106'"), [`西湖-${year}-000001`]);

  // Real time: a few hits take the VALUES path of the runner. The entity's first clue is closed, so its
  // file's new hits open a clue of their own rather than join it.
  await store.exec("UPDATE clues SET status = 'closed' WHERE bundle_subject LIKE 'entity|91330100470102706G|%'");
  await inspection(store, { entity_uscc: '91330100470102706G', inspected_on: '2025-06-01' });
  await inspection(store, { entity_uscc: '91330100470102706G', inspected_on: '2025-06-03' });
  const rt = await runModel(store, findModel('INS_SAME_AGENCY_REPEAT')!, {
    asOf: '2025-12-31',
    trigger: 'realtime',
    focus: { column: 'entity_uscc', values: ['91330100470102706G'] },
  });
  assert.equal(rt.newClues, 1);
  assert.deepEqual(await numbers("region_code = '330111'"), [`富阳-${year}-000001`, `富阳-${year}-000002`, `富阳-${year}-000003`]);

  // A removed clue's number is not handed out again.
  await store.exec(`DELETE FROM clues WHERE number = '富阳-${year}-000003'`);
  const intake = await withAudit(store, '330111', (tx) =>
    intakeReport(
      tx,
      { source: 'media', regionCode: '330111', content: '媒体报道某执法队检查时随意罚款，群众反映强烈。' },
      fixedClock(new Date().toISOString()),
      'test',
    ),
  );
  const [row] = await store.query<{ number: string }>(`SELECT number FROM clues WHERE id = '${intake.clueId}'`);
  assert.equal(row.number, `富阳-${year}-000004`);
});

test('the number is in the list, the detail and the search of the API', async () => {
  const app = await buildApp({ store });
  try {
    const cookie = await login(app, 'fy_sup');
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/clues?q=${encodeURIComponent(`富阳-${year}-000002`)}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200);
    const rows = res.json().rows as { id: string; number: string }[];
    assert.deepEqual(
      rows.map((x) => x.number),
      [`富阳-${year}-000002`],
    );
    const detail = await app.inject({ method: 'GET', url: `/api/v1/clues/${rows[0].id}`, headers: { cookie } });
    assert.equal(detail.json().clue.number, `富阳-${year}-000002`);
  } finally {
    await app.close();
  }
});

test('clues stored before numbers existed are numbered in the order they were found, in the year they were found', async () => {
  await store.exec(`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, status, created_at, updated_at)
    VALUES ('CL-OLD-2', '330111', NULL, 'media', NULL, 'old-2', 'low', '旧线索二', '旧线索二', 'new', '2024-03-02T02:00:00Z', '2024-03-02T02:00:00Z'),
           ('CL-OLD-1', '330111', NULL, 'media', NULL, 'old-1', 'low', '旧线索一', '旧线索一', 'new', '2024-03-01T02:00:00Z', '2024-03-01T02:00:00Z')`);
  assert.equal(await numberUnnumberedClues(store), 2);
  assert.deepEqual(await store.query(`SELECT id, number FROM clues WHERE id LIKE 'CL-OLD-%' ORDER BY id`), [
    { id: 'CL-OLD-1', number: '富阳-2024-000001' },
    { id: 'CL-OLD-2', number: '富阳-2024-000002' },
  ]);
  assert.equal(await numberUnnumberedClues(store), 0);
});
