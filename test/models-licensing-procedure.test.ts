// The licensing procedure around the decision (行政许可法): the certificate issued within 10 working days
// of a decision to grant (第四十四条, LIC_ISSUE_LATE), the one-time notice of what to supplement within 5
// working days of receiving the materials (第三十二条, LIC_NO_ONE_TIME_NOTICE), a refusal with its reasons
// and the right to review (第三十八条 第二款, LIC_REFUSAL_NO_REASON). For each: the hit and its explanation,
// the near misses, the boundary at N and N + 1 working days (a holiday break inside the window once),
// licences judged one by one as they arrive equal to the batch run, and licences imported through the
// public format — the contradictions it refuses. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, realtimeAndBatch } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { copyRows } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import { saveSetting } from '../src/models/settings.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-licensing-procedure-'));
const FY = '91330100470102706G';

before(async () => {
  await seedTwoCounties(store);
  await store.copyIn('items', ['code', 'name', 'kind', 'line_code', 'time_limit_days'], [['LI-20', '测试许可', 'licence', 'CLE', 20]]);
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  await store.exec('DELETE FROM licences');
  await clearHits();
  invalidateRealtimeState(store); // the rows below go behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADMIN = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });
const explanations = async (code: string) =>
  new Map((await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h.explanation]));

let n = 0;
/** A licence of 富阳's comprehensive enforcement bureau, applied for on 2025-02-24, granted on Monday 3 March 2025. */
async function licence(r: Record<string, Value>): Promise<string> {
  const row: Record<string, Value> = {
    id: `LC-${++n}`,
    source_system: 'test',
    source_id: `lc${n}`,
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

// ── 第四十四条: the certificate within 10 working days of the decision ─────────────────────────────────

test('LIC_ISSUE_LATE: a certificate issued on the 11th working day after the grant; a licence with no issue date is not judged', async () => {
  const late = await licence({ issued_on: '2025-03-18' });
  await licence({ decided_on: '2025-04-28', issued_on: null }); // an empty column says nothing
  assert.equal((await run('LIC_ISSUE_LATE', '2025-06-30')).newHits, 1);
  const byId = await explanations('LIC_ISSUE_LATE');
  assert.deepEqual([...byId.keys()], [late]);
  assert.equal(
    byId.get(late),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-03准予“测试许可”许可，于2025-03-18颁发证件，超过作出决定之日起10个工作日的期限（至2025-03-17），可能未按期颁发、送达行政许可证件，请核实并说明。',
  );
  const [h] = await hits();
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.deepEqual((JSON.parse(h.evidence) as { ids: string[] }).ids.length, 1);
});

test('LIC_ISSUE_LATE boundaries: the 10th working day passes, the 11th hits; over the May Day break 17 calendar days are 10 working days', async () => {
  await licence({ issued_on: '2025-03-17' }); // 10th working day
  const eleventh = await licence({ issued_on: '2025-03-18' });
  await licence({ decided_on: '2025-04-28', issued_on: '2025-05-15' }); // 10th working day: 1–5 May are off
  const afterBreak = await licence({ decided_on: '2025-04-28', issued_on: '2025-05-16' });
  await run('LIC_ISSUE_LATE', '2025-12-31');
  assert.deepEqual((await hitIds('LIC_ISSUE_LATE')).sort(), [eleventh, afterBreak].sort());
});

test('LIC_ISSUE_LATE near miss: no issue date, refused, pending and undecided licences are not judged', async () => {
  await licence({ issued_on: null }); // due by 2025-03-17
  await licence({ result: 'refused', reasons_given: true, decided_on: '2025-01-02' });
  await licence({ result: 'pending', decided_on: null });
  await licence({ decided_on: null });
  assert.equal((await run('LIC_ISSUE_LATE', '2025-03-17')).hits, 0);
  assert.equal((await run('LIC_ISSUE_LATE', '2025-12-31')).hits, 0); // long after the 10th working day
});

test("LIC_ISSUE_LATE: a county's own period (window_days) is the one judged", async () => {
  const id = await licence({ issued_on: '2025-03-18' });
  const model = findModel('LIC_ISSUE_LATE')!;
  await saveSetting(store, ADMIN, model, '330111', true, { window_days: 11 });
  try {
    await run('LIC_ISSUE_LATE', '2025-12-31');
    assert.deepEqual(await hitIds('LIC_ISSUE_LATE'), []);
    await saveSetting(store, ADMIN, model, '330111', true, { window_days: 10 });
    await run('LIC_ISSUE_LATE', '2025-12-31');
    assert.deepEqual(await hitIds('LIC_ISSUE_LATE'), [id]);
  } finally {
    await store.exec('DELETE FROM model_settings');
  }
});

// ── 第三十二条 第一款 第（四）项: the one-time notice within 5 working days of receipt ─────────────────────

test('LIC_NO_ONE_TIME_NOTICE: told what to supplement on the 6th working day after the materials came in', async () => {
  const id = await licence({
    received_on: '2025-03-03',
    supplement_notified_on: '2025-03-11',
    applied_on: '2025-03-20',
    decided_on: null,
    result: 'pending',
  });
  assert.equal((await run('LIC_NO_ONE_TIME_NOTICE', '2025-06-30')).newHits, 1);
  const byId = await explanations('LIC_NO_ONE_TIME_NOTICE');
  assert.equal(
    byId.get(id),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-03收到“测试许可”的申请材料，于2025-03-11一次性告知补正，超过收到材料之日起5个工作日的期限（至2025-03-10），可能未按期一次告知需要补正的全部内容，请核实并说明。',
  );
});

test('LIC_NO_ONE_TIME_NOTICE boundaries: the 5th working day passes, the 6th hits; over the National Day break too', async () => {
  await licence({ received_on: '2025-03-03', supplement_notified_on: '2025-03-10', applied_on: '2025-03-20', decided_on: '2025-03-25' });
  const sixth = await licence({
    received_on: '2025-03-03',
    supplement_notified_on: '2025-03-11',
    applied_on: '2025-03-20',
    decided_on: '2025-03-25',
  });
  // Received Tuesday 30 September: 1–8 October are off, Saturday 11 October is worked; the 5th working day is 14 October.
  await licence({ received_on: '2025-09-30', supplement_notified_on: '2025-10-14', applied_on: '2025-10-20', decided_on: '2025-10-27' });
  const holiday = await licence({
    received_on: '2025-09-30',
    supplement_notified_on: '2025-10-15',
    applied_on: '2025-10-20',
    decided_on: '2025-10-27',
  });
  await run('LIC_NO_ONE_TIME_NOTICE', '2025-12-31');
  assert.deepEqual((await hitIds('LIC_NO_ONE_TIME_NOTICE')).sort(), [sixth, holiday].sort());
});

test('LIC_NO_ONE_TIME_NOTICE near miss: no supplement needed, or no receipt day recorded', async () => {
  await licence({ received_on: '2025-02-24' });
  await licence({ received_on: null, supplement_notified_on: '2025-02-20' });
  await licence({ received_on: '2025-01-02', supplement_notified_on: null });
  assert.equal((await run('LIC_NO_ONE_TIME_NOTICE', '2025-12-31')).hits, 0);
});

// ── 第三十八条 第二款: a refusal with its reasons and the right to review ───────────────────────────────

test('LIC_REFUSAL_NO_REASON: a refusal recorded without reasons; with reasons, unstated, or granted, it passes', async () => {
  const id = await licence({ result: 'refused', reasons_given: false, decided_on: '2025-03-20' });
  const undated = await licence({ result: 'refused', reasons_given: false, decided_on: null });
  await licence({ result: 'refused', reasons_given: true });
  await licence({ result: 'refused', reasons_given: null });
  await licence({ result: 'granted', issued_on: '2025-03-05' });
  assert.equal((await run('LIC_REFUSAL_NO_REASON', '2025-12-31')).newHits, 2);
  const byId = await explanations('LIC_REFUSAL_NO_REASON');
  assert.deepEqual([...byId.keys()].sort(), [id, undated].sort());
  assert.equal(
    byId.get(id),
    '数据显示，杭州市富阳区综合行政执法局于2025-03-20对“测试许可”的申请作出不予许可决定，记录为未说明理由并告知申请行政复议或者提起行政诉讼的权利，可能未依法说明理由、告知救济权利，请核实并说明。',
  );
  assert.match(byId.get(undated)!, /^数据显示，杭州市富阳区综合行政执法局对“测试许可”的申请作出不予许可决定/);
});

// ── real time, and the public format ──────────────────────────────────────────────────────────────

test('licences judged one by one as they arrive raise, row for row, the hits the batch run raises', async () => {
  await licence({ issued_on: '2025-03-17' });
  await licence({ issued_on: '2025-03-18' });
  await licence({ decided_on: '2025-04-28', issued_on: null }); // no issue date: not judged
  await licence({
    received_on: '2025-09-30',
    supplement_notified_on: '2025-10-14',
    applied_on: '2025-10-20',
    decided_on: null,
    result: 'pending',
  });
  await licence({
    received_on: '2025-09-30',
    supplement_notified_on: '2025-10-15',
    applied_on: '2025-10-20',
    decided_on: null,
    result: 'pending',
  });
  await licence({ result: 'refused', reasons_given: false });
  await licence({ result: 'refused', reasons_given: false, decided_on: null });
  await licence({ result: 'refused', reasons_given: true });
  await licence({ result: 'refused', reasons_given: null }); // not stated: not judged
  await licence({ received_on: '2025-03-03', supplement_notified_on: null, applied_on: '2025-03-20', decided_on: null, result: 'pending' }); // complete on arrival
  for (const [code, expected] of [
    ['LIC_ISSUE_LATE', 1],
    ['LIC_NO_ONE_TIME_NOTICE', 1],
    ['LIC_REFUSAL_NO_REASON', 2],
  ] as const) {
    const { realtime, batch } = await realtimeAndBatch(store, 'licences', code, '2025-12-31');
    assert.equal(realtime.length, expected, code);
    assert.deepEqual(realtime, batch, code);
  }
});

const HEADER =
  '来源系统,许可编号,区划代码,执法主体编码,事项编码,申请人统一社会信用代码,收到申请材料日期,一次性告知补正日期,申请日期,决定日期,办理结果,证件颁发日期,是否说明理由并告知救济权利';
async function importCsv(name: string, rows: string[]) {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return importRows(store, await fileSource(path), { kind: 'licences', caller: SYSTEM_CALLER });
}

test('licences imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const report = await importCsv('licences.csv', [
    'fy-zhzf,XK-1,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-24,,2025-02-24,2025-03-03,准予许可,2025-03-18,', // 11th working day
    'fy-zhzf,XK-2,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-02-24,,2025-02-24,2025-03-03,准予许可,2025-03-17,', // 10th
    'fy-zhzf,XK-3,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-03-03,2025-03-11,2025-03-20,,办理中,,', // notice on the 6th
    'fy-zhzf,XK-4,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-03-03,2025-03-10,2025-03-20,,办理中,,', // on the 5th
    'fy-zhzf,XK-5,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-03-03,2025-03-20,不予许可,,否',
    'fy-zhzf,XK-6,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-03-03,2025-03-20,不予许可,,是',
  ]);
  assert.equal(report.rowsOk, 6, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM licences')).map((r) => [r.source_id, r.id]),
  );
  for (const [code, source] of [
    ['LIC_ISSUE_LATE', 'XK-1'],
    ['LIC_NO_ONE_TIME_NOTICE', 'XK-3'],
    ['LIC_REFUSAL_NO_REASON', 'XK-5'],
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

test('the format refuses contradictions: a certificate before the decision or on a refusal, reasons on a grant, a notice before receipt or after acceptance', async () => {
  const report = await importCsv('bad-licences.csv', [
    'fy-zhzf,XB-1,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,2025-03-02,',
    'fy-zhzf,XB-2,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,不予许可,2025-03-05,否',
    'fy-zhzf,XB-3,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,2025-03-03,准予许可,2025-03-05,是',
    'fy-zhzf,XB-4,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-03-03,2025-03-01,2025-03-10,,办理中,,',
    'fy-zhzf,XB-5,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-03-03,2025-03-12,2025-03-10,,办理中,,',
    'fy-zhzf,XB-6,330111,AG-FY-ZHZF,LI-20,91330100470102706G,2025-03-12,,2025-03-10,,办理中,,',
    'fy-zhzf,XB-7,330111,AG-FY-ZHZF,LI-20,91330100470102706G,,,2025-02-24,,办理中,,否',
  ]);
  assert.equal(report.rowsOk, 0);
  const messages = report.errors.map((e) => JSON.stringify(e));
  const expect = [
    '证件颁发日期不能早于决定日期',
    '只有准予许可的才能填写证件颁发日期',
    '只有不予许可的才能填写是否说明理由并告知救济权利',
    '一次性告知补正日期不能早于收到申请材料日期',
    '申请日期（受理日期）不能早于一次性告知补正日期',
    '申请日期（受理日期）不能早于收到申请材料日期',
    '只有不予许可的才能填写是否说明理由并告知救济权利',
  ];
  assert.equal(messages.length, expect.length, messages.join('\n'));
  expect.forEach((m, i) => assert.ok(messages[i].includes(m), `${i + 1}: ${messages[i]}`));
});
