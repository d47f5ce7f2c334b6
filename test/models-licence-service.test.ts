// Licensing as the applicant lives it: at most one visit where the materials were complete (浙江省保障
// “最多跑一次”改革规定 第二条, LIC_MORE_THAN_ONE_VISIT), one notice of everything to supplement (行政许可法
// 第三十二条, LIC_REPEATED_SUPPLEMENT), a grant made public (第四十条, LIC_NOT_PUBLISHED: a term the county
// sets, 7 working days by default), a renewal decided before the old licence expires (第五十条,
// LIC_RENEWAL_LATE). For each: the hit and its explanation, the near misses, the boundary at N and N + 1,
// a county's own setting, licences judged one by one as they arrive equal to the batch run, licences
// imported through the public format — the contradictions it refuses — and an agency's staff seeing only
// their own agency's licences. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, realtimeAndBatch } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, copyRows } from './helpers/records.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-licence-service-'));
const FY = '91330100470102706G';

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  await store.copyIn('items', ['code', 'name', 'kind', 'line_code', 'time_limit_days'], [['LI-20', '测试许可', 'licence', 'CLE', 20]]);
});
const { hits, hitsAsOf, clearHits } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM licences');
  await clearHits();
  invalidateRealtimeState(store); // the rows below go behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });
const explanations = async (code: string) =>
  new Map((await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h.explanation]));
const AS_OF = '2025-12-31';

let n = 0;
/** A licence of 富阳's comprehensive enforcement bureau, applied for on Monday 24 February 2025, granted on Monday 3 March. */
async function licence(r: Record<string, Value>): Promise<string> {
  const row: Record<string, Value> = {
    id: `LS-${String(++n).padStart(3, '0')}`,
    source_system: 'test',
    source_id: `ls${n}`,
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    item_code: 'LI-20',
    entity_uscc: FY,
    applied_on: '2025-02-24',
    decided_on: '2025-03-03',
    result: 'granted',
    ...r,
  };
  const cols = Object.keys(row);
  await copyRows(store, 'licences', cols, [cols.map((c) => row[c])]);
  return String(row.id);
}

// ── 最多跑一次 第二条: one visit at most where the materials were complete ─────────────────────────────────

test('LIC_MORE_THAN_ONE_VISIT: an applicant with complete materials who came twice', async () => {
  const id = await licence({ visits: 2, supplement_count: 0 });
  assert.equal((await run('LIC_MORE_THAN_ONE_VISIT', AS_OF)).newHits, 1);
  assert.equal(
    (await explanations('LIC_MORE_THAN_ONE_VISIT')).get(id),
    '数据显示，申请人申请“测试许可”（杭州市富阳区综合行政执法局办理，申请日期2025-02-24），申请材料齐全，到现场2次，多于1次，可能未落实“最多跑一次”，请核实并说明。',
  );
  const [h] = await hits();
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
});

test('LIC_MORE_THAN_ONE_VISIT boundaries and near misses: one visit passes, two hit; not stated, or told to supplement, not judged', async () => {
  await licence({ visits: 1, supplement_count: 0 }); // the limit
  await licence({ visits: 0 }); // online
  const two = await licence({ visits: 2 }); // no supplement on record
  await licence({ visits: null, supplement_count: 0 }); // not stated
  await licence({ visits: 3, supplement_count: 1 }); // came again with what was missing
  await licence({ visits: 2, received_on: '2025-02-10', supplement_notified_on: '2025-02-12' });
  assert.deepEqual(await hitsAsOf('LIC_MORE_THAN_ONE_VISIT', AS_OF), [two]);
});

test("LIC_MORE_THAN_ONE_VISIT: a county's own limit (max_visits) is the one judged", async () => {
  await licence({ visits: 2, supplement_count: 0 });
  const three = await licence({ visits: 3, supplement_count: 0 });
  assert.deepEqual(await hitsAsOf('LIC_MORE_THAN_ONE_VISIT', AS_OF, { max_visits: 2 }), [three]);
});

// ── 行政许可法 第三十二条 第一款 第（四）项: everything to supplement told once ─────────────────────────────

test('LIC_REPEATED_SUPPLEMENT: told to supplement twice hits; once, never or not stated passes', async () => {
  const twice = await licence({ supplement_count: 2, received_on: '2025-02-10', supplement_notified_on: '2025-02-12' });
  await licence({ supplement_count: 1, received_on: '2025-02-10', supplement_notified_on: '2025-02-12' });
  await licence({ supplement_count: 0 });
  await licence({ supplement_count: null, received_on: '2025-02-10', supplement_notified_on: '2025-02-12' });
  assert.equal((await run('LIC_REPEATED_SUPPLEMENT', AS_OF)).newHits, 1);
  const byId = await explanations('LIC_REPEATED_SUPPLEMENT');
  assert.deepEqual([...byId.keys()], [twice]);
  assert.equal(
    byId.get(twice),
    '数据显示，杭州市富阳区综合行政执法局办理“测试许可”的申请（申请日期2025-02-24）时告知申请人补正2次，可能未一次告知需要补正的全部内容，请核实并说明。',
  );
});

test("LIC_REPEATED_SUPPLEMENT: a county's own count (min_count) — 3 passes 2", async () => {
  await licence({ supplement_count: 2 });
  const three = await licence({ supplement_count: 3 });
  assert.deepEqual(await hitsAsOf('LIC_REPEATED_SUPPLEMENT', AS_OF, { min_count: 3 }), [three]);
});

// ── 行政许可法 第四十条: a grant made public (the term a county's setting) ────────────────────────────────

test('LIC_NOT_PUBLISHED: a grant published on the 8th working day after the decision', async () => {
  const id = await licence({ published_on: '2025-03-13' });
  assert.equal((await run('LIC_NOT_PUBLISHED', AS_OF)).newHits, 1);
  assert.equal(
    (await explanations('LIC_NOT_PUBLISHED')).get(id),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-03准予“测试许可”许可，于2025-03-13公开准予决定，晚于设定的决定之日起7个工作日（至2025-03-12），可能未及时公开准予行政许可决定，请核实并说明。',
  );
});

test('LIC_NOT_PUBLISHED boundaries: the 7th working day passes, the 8th hits; over the May Day break too', async () => {
  await licence({ published_on: '2025-03-12' }); // 7th working day
  const eighth = await licence({ published_on: '2025-03-13' });
  // Granted Monday 28 April: 1–5 May are off, the 7th working day is 12 May.
  await licence({ decided_on: '2025-04-28', published_on: '2025-05-12' });
  const afterBreak = await licence({ decided_on: '2025-04-28', published_on: '2025-05-13' });
  assert.deepEqual(await hitsAsOf('LIC_NOT_PUBLISHED', AS_OF), [eighth, afterBreak].sort());
  assert.deepEqual(await hitsAsOf('LIC_NOT_PUBLISHED', AS_OF, { workdays: 8 }), []);
});

test('LIC_NOT_PUBLISHED near miss: no publication day, refused, pending and undecided licences are not judged', async () => {
  await licence({ published_on: null });
  await licence({ result: 'refused', reasons_given: true, published_on: '2025-06-30' });
  await licence({ result: 'pending', decided_on: null, published_on: '2025-06-30' });
  await licence({ decided_on: null, published_on: '2025-06-30' });
  assert.equal((await run('LIC_NOT_PUBLISHED', AS_OF)).hits, 0);
});

// ── 行政许可法 第五十条: a renewal decided before the old licence expires ────────────────────────────────

// Applied for on 24 February 2025; 26 March is 30 days on.
const RENEWAL = { renews_licence_no: 'JY-0001', applied_on: '2025-02-24', decided_on: '2025-03-27', prior_valid_until: '2025-03-26' };

test('LIC_RENEWAL_LATE: a renewal applied for 30 days before the old licence expired, decided the day after it expired', async () => {
  const id = await licence(RENEWAL);
  assert.equal((await run('LIC_RENEWAL_LATE', AS_OF)).newHits, 1);
  assert.equal(
    (await explanations('LIC_RENEWAL_LATE')).get(id),
    '数据显示，申请人于2025-02-24申请延续许可证JY-0001（有效期至2025-03-26），杭州市富阳区综合行政执法局于2025-03-27作出决定，晚于原许可有效期届满日期，可能未在有效期届满前作出是否准予延续的决定，请核实并说明。',
  );
});

test('LIC_RENEWAL_LATE boundaries: decided on the last valid day passes, the day after hits; applied 29 days before is not judged', async () => {
  await licence({ ...RENEWAL, decided_on: '2025-03-26' }); // on the last day of validity
  const late = await licence(RENEWAL); // the day after
  const lateApplication = await licence({ ...RENEWAL, prior_valid_until: '2025-03-25' }); // applied 29 days before
  await licence({ ...RENEWAL, result: 'refused', reasons_given: true, decided_on: '2025-03-20' });
  const refusedLate = await licence({ ...RENEWAL, result: 'refused', reasons_given: true }); // 是否准予延续: a refusal is a decision too
  await licence({ ...RENEWAL, result: 'pending', decided_on: null }); // still pending: not judged here
  await licence({ decided_on: '2025-04-30' }); // not a renewal
  assert.deepEqual(await hitsAsOf('LIC_RENEWAL_LATE', AS_OF), [late, refusedLate].sort());
  assert.deepEqual(await hitsAsOf('LIC_RENEWAL_LATE', AS_OF, { apply_days: 29 }), [late, lateApplication, refusedLate].sort());
});

// ── real time, who sees them, and the public format ─────────────────────────────────────────────────

test('licences judged one by one as they arrive raise, row for row, the hits the batch run raises', async () => {
  await licence({ visits: 1, supplement_count: 0 });
  await licence({ visits: 2, supplement_count: 0 });
  await licence({ visits: 4 });
  await licence({ visits: 3, supplement_count: 1 });
  await licence({ supplement_count: 2 });
  await licence({ supplement_count: 3, received_on: '2025-02-10', supplement_notified_on: '2025-02-12' });
  await licence({ published_on: '2025-03-12' });
  await licence({ published_on: '2025-03-13' });
  await licence({ decided_on: '2025-04-28', published_on: '2025-05-13' });
  await licence({ result: 'refused', published_on: '2025-06-30' });
  await licence({ ...RENEWAL, decided_on: '2025-03-26' });
  await licence(RENEWAL);
  await licence({ ...RENEWAL, prior_valid_until: '2025-03-25' });
  await licence({ ...RENEWAL, result: 'pending', decided_on: null });
  for (const [code, expected] of [
    ['LIC_MORE_THAN_ONE_VISIT', 2],
    ['LIC_REPEATED_SUPPLEMENT', 2],
    ['LIC_NOT_PUBLISHED', 2],
    ['LIC_RENEWAL_LATE', 1],
  ] as const) {
    const { realtime, batch } = await realtimeAndBatch(store, 'licences', code, AS_OF);
    assert.equal(realtime.length, expected, code);
    assert.deepEqual(realtime, batch, code);
  }
});

test("an agency's staff list only their own agency's licences; a supervisor of the county sees both; the hit names the licence's agency", async () => {
  const own = await licence({ agency_id: 'AG-FY-SCJG', visits: 2, supplement_count: 0 });
  await licence({ visits: 1 });
  await assertOwnAgencyOnly(store, 'licences', own, 2);
  await run('LIC_MORE_THAN_ONE_VISIT', AS_OF);
  const [h] = await hits();
  assert.equal(h.subject_id, own);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
});

const HEADER =
  '来源系统,许可编号,区划代码,执法主体编码,事项编码,申请人统一社会信用代码,收到申请材料日期,一次性告知补正日期,申请日期,决定日期,办理结果,申请人到现场次数,补正告知次数,准予决定公开日期,延续的原许可证号,原许可有效期届满日期';
async function importCsv(name: string, rows: string[]) {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return importRows(store, await fileSource(path), { kind: 'licences', caller: SYSTEM_CALLER });
}

test('licences imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const report = await importCsv('licences.csv', [
    'fy-zhzf,XK-1,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-24,,2025-02-24,2025-03-03,准予许可,2,0,2025-03-12,,', // two visits
    'fy-zhzf,XK-2,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-10,2025-02-12,2025-02-24,,办理中,2,2,,,', // told twice
    'fy-zhzf,XK-3,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-24,,2025-02-24,2025-03-03,准予许可,1,0,2025-03-13,,', // 8th working day
    'fy-zhzf,XK-4,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-24,,2025-02-24,2025-03-27,准予许可,1,0,2025-03-28,JY-0001,2025-03-26', // renewal late
    'fy-zhzf,XK-5,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-24,,2025-02-24,2025-03-26,准予许可,1,0,2025-03-26,JY-0002,2025-03-26', // in time
  ]);
  assert.equal(report.rowsOk, 5, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM licences')).map((r) => [r.source_id, r.id]),
  );
  for (const [code, source] of [
    ['LIC_MORE_THAN_ONE_VISIT', 'XK-1'],
    ['LIC_REPEATED_SUPPLEMENT', 'XK-2'],
    ['LIC_NOT_PUBLISHED', 'XK-3'],
    ['LIC_RENEWAL_LATE', 'XK-4'],
  ] as const) {
    const { realtime, batch } = await realtimeAndBatch(store, 'licences', code, '2025-03-31');
    assert.deepEqual(
      realtime.map((h) => h.split('|')[0]),
      [bySource.get(source)],
      code,
    );
    assert.deepEqual(realtime, batch, code);
  }
});

test('the format refuses contradictions: no supplement count 0 with a notice, publication before the decision or on a refusal, half a renewal, a renewal of an expired licence', async () => {
  const report = await importCsv('bad-licences.csv', [
    'fy-zhzf,XB-1,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-10,2025-02-12,2025-02-24,,办理中,1,0,,,',
    'fy-zhzf,XB-2,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,1,0,2025-03-02,,',
    'fy-zhzf,XB-3,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,不予许可,1,0,2025-03-05,,',
    'fy-zhzf,XB-4,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,,办理中,1,0,2025-03-05,,',
    'fy-zhzf,XB-5,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,1,0,,JY-0001,',
    'fy-zhzf,XB-6,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,1,0,,,2025-03-26',
    'fy-zhzf,XB-7,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,1,0,,JY-0001,2025-02-23',
    'fy-zhzf,XB-8,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,-1,0,,,',
  ]);
  assert.equal(report.rowsOk, 0);
  const messages = report.errors.map((e) => JSON.stringify(e));
  const expect = [
    '填写了一次性告知补正日期的，补正告知次数不能为0',
    '准予决定公开日期不能早于决定日期',
    '只有准予许可的才能填写准予决定公开日期',
    '只有准予许可的才能填写准予决定公开日期', // pending: and no decision day
    '填写准予决定公开日期时须填写决定日期',
    '延续的原许可证号和原许可有效期届满日期须同时填写',
    '延续的原许可证号和原许可有效期届满日期须同时填写',
    '延续申请的申请日期不能晚于原许可有效期届满日期',
    '申请人到现场次数',
  ];
  assert.equal(messages.length, expect.length, messages.join('\n'));
  expect.forEach((m, i) => assert.ok(messages[i].includes(m), `${i + 1}: ${messages[i]}`));
});
