// Sanctions other than fines and the hearing's own rules: 简易程序作出罚款警告以外的处罚 (行政处罚法 第五十一条),
// 听证通知不足七日 (第六十四条（二）with 第八十五条), 听证由本案调查人员主持 (第六十四条（四）) and 向当事人收取
// 听证费用 (第六十四条（七）). For each: the hit, its explanation and evidence, the near misses, the boundaries
// (the 7th working day after the notice with the Labour Day holiday inside, and the 6th), agency scoping,
// imported records judged one by one as they arrive equal to the batch run; the format's reading of
// several sanctions in one cell and its refusals. Runs on DuckDB, and on PostgreSQL with
// KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedCaseItem, seedTwoCounties } from './helpers/fixtures.ts';
import { agency, caseRecord, enterpriseCharge } from './helpers/records.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-sanctions-'));

before(async () => {
  await seedTwoCounties(store);
  await seedCaseItem(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
});
const { hits, clearHits, hitsAsOf } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM cases');
  await store.exec('DELETE FROM enterprise_charges');
  await clearHits();
  invalidateRealtimeState(store); // the rows above went behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const explanations = async (code: string) => new Map((await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h]));

/** A case of 富阳's comprehensive enforcement bureau (filed 2025-03-01, told 2025-03-10, fined 2025-03-20; officers OF-1, OF-3). */
const kase = (r: Record<string, Value>) => caseRecord(store, { item_code: 'IT-1', ...r });

// ── 简易程序作出罚款警告以外的处罚 (第五十一条) ──────────────────────────────────────────────────────────

test('PEN_SUMMARY_SANCTION: a decision on the spot that also confiscates or revokes hits; the ordinary procedure, none recorded, no sanction pass', async () => {
  const fined = await kase({ procedure: 'summary', fine_amount: 200, sanctions: 'confiscate_proceeds' });
  const warned = await kase({ procedure: 'summary', decision: 'warning', fine_amount: null, sanctions: 'confiscate_goods;revoke_licence' });
  await kase({ procedure: 'ordinary', sanctions: 'confiscate_goods;revoke_licence' }); // the ordinary procedure may
  await kase({ procedure: null, sanctions: 'confiscate_proceeds' }); // no procedure sent: not judged
  await kase({ procedure: 'summary', fine_amount: 200, sanctions: null }); // a fine on the spot alone
  await kase({ procedure: 'summary', decision: 'warning', fine_amount: null }); // a warning on the spot alone
  assert.deepEqual(await hitsAsOf('PEN_SUMMARY_SANCTION', '2025-12-31'), [fined, warned].sort());
  const h = (await explanations('PEN_SUMMARY_SANCTION')).get(warned)!;
  assert.deepEqual(evidenceIds(h), [warned]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案适用简易程序，于2025-03-20当场作出的决定包含没收非法财物、吊销许可证件，简易程序只适用于一定数额以下的罚款或者警告，可能超出简易程序的适用范围，请核实并说明。',
  );
  // Not yet decided on the run's day.
  assert.deepEqual(await hitsAsOf('PEN_SUMMARY_SANCTION', '2025-03-19'), []);
});

// ── 听证通知不足七日 (第六十四条（二）、第八十五条) ──────────────────────────────────────────────────────

// Told of the hearing on Tuesday 2025-04-29: 1–5 May are the Labour Day holiday, so the working days after
// it are 30 April (1st), 6–9 May (2nd–5th), Monday 12 May (6th), Tuesday 13 May (7th).
const HEARD = { filed_on: '2025-04-01', notified_on: '2025-04-20', hearing_requested_on: '2025-04-22', hearing_notified_on: '2025-04-29' };

test('PEN_HEARING_NOTICE_LATE: a hearing on the 6th working day after its notice, a Saturday or a holiday before the 7th hits; the 7th passes', async () => {
  const sixth = await kase({ ...HEARD, hearing_held_on: '2025-05-12', decided_on: '2025-05-30' });
  const saturday = await kase({ ...HEARD, hearing_held_on: '2025-05-10', decided_on: '2025-05-30' });
  const holiday = await kase({ ...HEARD, hearing_held_on: '2025-05-03', decided_on: '2025-05-30' });
  const sameDay = await kase({ ...HEARD, hearing_held_on: '2025-04-29', decided_on: '2025-05-30' });
  await kase({ ...HEARD, hearing_held_on: '2025-05-13', decided_on: '2025-05-30' }); // the 7th working day
  await kase({ ...HEARD, hearing_held_on: '2025-05-20', decided_on: '2025-05-30' });
  await kase({ ...HEARD, hearing_notified_on: null, hearing_held_on: '2025-05-06', decided_on: '2025-05-30' }); // no notice day: not judged
  await kase({ ...HEARD, hearing_held_on: null, decided_on: '2025-05-30' }); // not (yet) heard
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOTICE_LATE', '2025-12-31'), [sixth, saturday, holiday, sameDay].sort());
  const h = (await explanations('PEN_HEARING_NOTICE_LATE')).get(sixth)!;
  assert.deepEqual(evidenceIds(h), [sixth]);
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案的听证通知于2025-04-29送达，听证于2025-05-12举行，早于通知后第7个工作日（2025-05-13），可能未在举行听证的七日前通知当事人，请核实并说明。',
  );
  // A hearing after the run's day is not judged yet; a county may count fewer days (a setting).
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOTICE_LATE', '2025-05-09'), [holiday, sameDay].sort());
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOTICE_LATE', '2025-12-31', { workdays: 6 }), [saturday, holiday, sameDay].sort());
});

// ── 听证由本案调查人员主持 (第六十四条（四）) ─────────────────────────────────────────────────────────────

const HOSTED = { ...HEARD, hearing_held_on: '2025-05-20', decided_on: '2025-05-30' };

test('PEN_HEARING_HOST_INVESTIGATOR: a hearing hosted by the lead or the assisting officer hits; another officer, or none recorded, passes', async () => {
  const lead = await kase({ ...HOSTED, hearing_host_id: 'OF-1' });
  const assist = await kase({ ...HOSTED, hearing_host_id: 'OF-3' });
  await kase({ ...HOSTED, hearing_host_id: 'OF-2' });
  await kase({ ...HOSTED, hearing_host_id: null });
  await kase({ ...HOSTED, assist_officer_id: null, hearing_host_id: 'OF-3' }); // no assisting officer named
  assert.deepEqual(await hitsAsOf('PEN_HEARING_HOST_INVESTIGATOR', '2025-12-31'), [lead, assist].sort());
  const byId = await explanations('PEN_HEARING_HOST_INVESTIGATOR');
  assert.deepEqual(evidenceIds(byId.get(lead)!), [lead]);
  assert.equal(
    byId.get(lead)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-05-20举行的听证由执法人员OF-1主持，该人员是本案的主办执法人员，可能由本案调查人员主持听证，请核实并说明。',
  );
  assert.match(byId.get(assist)!.explanation, /该人员是本案的协办执法人员/);
  assert.deepEqual(await hitsAsOf('PEN_HEARING_HOST_INVESTIGATOR', '2025-05-19'), []);
});

// ── 向当事人收取听证费用 (第六十四条（七）) ───────────────────────────────────────────────────────────────

const HEARING_FEE = { charged_by: '杭州市富阳区综合行政执法局', charger_kind: 'authority', fee_kind: 'hearing', amount: 300 };

test('PEN_HEARING_FEE: a hearing fee on the party after it asked the agency for a hearing hits; before the request, another agency, another fee pass', async () => {
  const heard = await kase({ ...HEARD, hearing_held_on: '2025-05-20', decided_on: '2025-05-30' });
  const fee = await enterpriseCharge(store, { ...HEARING_FEE, charged_on: '2025-05-20' });
  const onRequest = await enterpriseCharge(store, { ...HEARING_FEE, charged_on: '2025-04-22' }); // the day it was asked for
  await enterpriseCharge(store, { ...HEARING_FEE, charged_on: '2025-04-21' }); // before any hearing was asked for
  await enterpriseCharge(store, { ...HEARING_FEE, agency_id: 'AG-FY-SCJG', charged_on: '2025-05-20' }); // no case of this agency
  await enterpriseCharge(store, { ...HEARING_FEE, entity_uscc: '91330100MA27XXXX1J', charged_on: '2025-05-20' }); // not the party
  await enterpriseCharge(store, { ...HEARING_FEE, fee_kind: 'admin_fee', catalogue_no: 'ZJ-XZSY-2025-001', charged_on: '2025-05-20' });
  assert.deepEqual(await hitsAsOf('PEN_HEARING_FEE', '2025-12-31'), [fee, onRequest].sort());
  const h = (await explanations('PEN_HEARING_FEE')).get(fee)!;
  assert.deepEqual(evidenceIds(h), [fee, heard]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-05-20向杭州示例酒坊收取听证费300元，该企业于2025-04-22就杭州市富阳区综合行政执法局办理的“擅自占道经营”一案要求听证，可能由当事人承担了组织听证的费用，请核实并说明。',
  );
});

// ── 第六十三条's other kinds: a hearing due whatever the fine ────────────────────────────────────────────

test('PEN_HEARING_NOT_HELD also judges a fine that revokes a licence or orders a closure, whatever the amount; 暂扣 and 没收 do not count', async () => {
  const ASKED = { ...HEARD, hearing_notified_on: null, decided_on: '2025-05-30', fine_amount: 2000 };
  const revoked = await kase({ ...ASKED, sanctions: 'confiscate_goods;revoke_licence' });
  const closed = await kase({ ...ASKED, sanctions: 'close_down' });
  await kase({ ...ASKED, sanctions: 'revoke_licence', hearing_held_on: '2025-05-20' }); // heard
  await kase({ ...ASKED, sanctions: 'suspend_licence' }); // 暂扣 is not in 第六十三条
  await kase({ ...ASKED, sanctions: 'confiscate_proceeds' }); // 较大数额: no amount recorded
  await kase({ ...ASKED, sanctions: null });
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOT_HELD', '2025-12-31'), [revoked, closed].sort());
  assert.equal(
    (await explanations('PEN_HEARING_NOT_HELD')).get(revoked)!.explanation,
    '数据显示，当事人杭州示例酒坊于2025-04-22就“擅自占道经营”一案要求听证，杭州市富阳区综合行政执法局于2025-05-30作出罚款2,000元并没收非法财物、吊销许可证件的决定，记录中没有举行听证日期，可能当事人要求听证后未组织听证即作出处罚决定，请核实并说明。',
  );
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's cases with sanctions and hearing fees; the hits name the agency", async () => {
  const own = await kase({ agency_id: 'AG-FY-SCJG', procedure: 'summary', fine_amount: 200, sanctions: 'confiscate_proceeds' });
  const other = await kase({ procedure: 'summary', fine_amount: 200, sanctions: 'confiscate_proceeds' });
  await assertOwnAgencyOnly(store, 'cases', own, 2);
  await clearHits();
  await runModel(store, findModel('PEN_SUMMARY_SANCTION')!, { asOf: '2025-12-31' });
  assert.deepEqual(
    (await hits()).map((h) => [h.subject_id, h.agency_id]).sort(),
    [
      [own, 'AG-FY-SCJG'],
      [other, 'AG-FY-ZHZF'],
    ].sort(),
  );
  await store.exec('DELETE FROM cases');
  const fee = await enterpriseCharge(store, { ...HEARING_FEE, agency_id: 'AG-FY-SCJG' });
  await enterpriseCharge(store, HEARING_FEE);
  await assertOwnAgencyOnly(store, 'enterprise_charges', fee, 2);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const HEADER =
  '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,罚款金额,案件状态,适用程序,其他处罚种类,要求听证日期,听证通知送达日期,举行听证日期,听证主持人执法人员编号';
/** A case of 富阳 told on 2025-04-20, decided on 2025-05-30: `decision`, `fine`, then 适用程序,其他处罚种类,要求听证日期,听证通知送达日期,举行听证日期,听证主持人. */
const row = (no: string, decision: string, fine: string, tail: string) =>
  `fy-zhzf,${no},330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-04-01,否,否,危害轻微,OF-1,OF-3,2025-04-20,2025-05-30,${decision},${fine},已决定,${tail}`;
const CHARGE_HEADER =
  '来源系统,收费记录编号,区划代码,相关执法主体编码,缴费企业统一社会信用代码,收费单位,收费单位类型,收费类别,目录清单编号,收费金额,收费日期,是否行政机关委托,是否行政机关指定服务机构';
const charge = (no: string, kind: string, day: string) =>
  `fy-zhzf,${no},330111,AG-FY-ZHZF,91330100470102706G,杭州市富阳区综合行政执法局,行政机关,${kind},${kind === '听证费' ? '' : 'ZJ-XZSY-2025-001'},300,${day},否,否`;

test('cases and charges imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    row('SC-1', '罚款', '200', '当场处罚,没收违法所得,,,,'), // on the spot, with a confiscation
    row('SC-2', '警告', '', '简易程序,,,,,'), // a warning on the spot alone
    row('SC-3', '其他处罚', '', '普通程序,"吊销许可证件;没收非法财物",,,,'), // the ordinary procedure
    row('SC-4', '罚款', '20000', '普通程序,,2025-04-22,2025-04-29,2025-05-12,OF-1'), // the 6th working day; hosted by the lead
    row('SC-5', '罚款', '20000', '普通程序,,2025-04-22,2025-04-29,2025-05-13,OF-2'), // the 7th; another officer
  ];
  const charges = [charge('SF-1', '听证费', '2025-05-12'), charge('SF-2', '行政事业性收费', '2025-05-12')];
  const path = join(dir, 'sanctions.csv');
  const chargePath = join(dir, 'charges.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  writeFileSync(chargePath, [CHARGE_HEADER, ...charges].join('\n'));
  for (const [code, want] of [
    ['PEN_SUMMARY_SANCTION', ['SC-1']],
    ['PEN_HEARING_NOTICE_LATE', ['SC-4']],
    ['PEN_HEARING_HOST_INVESTIGATOR', ['SC-4']],
    ['PEN_HEARING_FEE', ['SF-1']],
  ] as const) {
    await store.exec('DELETE FROM cases');
    await store.exec('DELETE FROM enterprise_charges');
    await clearHits();
    invalidateRealtimeState(store);
    const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
    assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
    const feeReport = await importRows(store, await fileSource(chargePath), { kind: 'enterprise_charges', caller: SYSTEM_CALLER });
    assert.equal(feeReport.rowsOk, charges.length, JSON.stringify(feeReport.errors));
    const bySource = new Map(
      (
        await store.query<{ id: string; source_id: string }>(
          'SELECT id, source_id FROM cases UNION ALL SELECT id, source_id FROM enterprise_charges',
        )
      ).map((r) => [r.source_id, r.id]),
    );
    const found = async () => (await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h.explanation].join('|'));
    for (const table of ['cases', 'enterprise_charges'] as const)
      for (const stored of await store.query<Record<string, unknown>>(`SELECT * FROM ${table}`))
        await checkRecords(store, table, [stored], 'system', '2025-12-31');
    const realtime = await found();
    assert.deepEqual(realtime.map((h) => h.split('|')[0]).sort(), want.map((s) => bySource.get(s)).sort(), code);
    await clearHits();
    await runModel(store, findModel(code)!, { asOf: '2025-12-31' });
    assert.deepEqual(await found(), realtime, code);
  }
  const stored = await store.query<{ source_id: string; sanctions: string | null; decision: string }>(
    `SELECT source_id, sanctions, decision FROM cases WHERE source_id IN ('SC-1', 'SC-3') ORDER BY source_id`,
  );
  assert.deepEqual(
    stored.map((r) => [r.source_id, r.decision, r.sanctions]),
    [
      ['SC-1', 'fine', 'confiscate_proceeds'],
      ['SC-3', 'other', 'confiscate_goods;revoke_licence'],
    ],
  );
});

test('the format reads several sanctions in one cell in the list’s order and refuses contradictions in Chinese', async () => {
  const good = [
    row('OK-1', '罚款', '5000', '普通程序,吊销许可证件；没收非法财物、没收违法所得,,,,'),
    row('OK-2', '罚款', '5000', '普通程序,"revoke_licence,吊销执照",,,,'), // the same one twice: once
  ];
  const bad = [
    row('BAD-1', '不予处罚', '', '普通程序,没收违法所得,,,,'), // no penalty, yet a sanction
    row('BAD-2', '罚款', '5000', '普通程序,没收违法所得;罚没一切,,,,'), // no such kind
    row('BAD-3', '罚款', '20000', '普通程序,,2025-04-22,2025-04-21,2025-05-13,'), // told of the hearing before it was asked for
    row('BAD-4', '罚款', '20000', '普通程序,,2025-04-22,2025-05-14,2025-05-13,'), // told after the hearing
    row('BAD-5', '罚款', '20000', '普通程序,,2025-04-22,,,OF-2'), // a host, no hearing
    row('BAD-6', '其他处罚', '', '普通程序,,,,,'), // another penalty, none named
    row('BAD-7', '罚款', '20000', '普通程序,,,2025-04-29,,'), // a notice of a hearing nobody asked for
  ];
  const path = join(dir, 'format.csv');
  writeFileSync(path, [HEADER, ...good, ...bad].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, good.length, JSON.stringify(report.errors));
  const stored = await store.query<{ source_id: string; sanctions: string }>(`SELECT source_id, sanctions FROM cases ORDER BY source_id`);
  assert.deepEqual(
    stored.map((r) => [r.source_id, r.sanctions]),
    [
      ['OK-1', 'confiscate_proceeds;confiscate_goods;revoke_licence'],
      ['OK-2', 'revoke_licence'],
    ],
  );
  const messages = JSON.stringify(report.errors);
  assert.match(messages, /处理决定为不予处罚时不能填写其他处罚种类/);
  assert.match(messages, /罚没一切/);
  assert.match(messages, /听证通知送达日期不能早于要求听证日期/);
  assert.match(messages, /举行听证日期不能早于听证通知送达日期/);
  assert.match(messages, /填写听证主持人时须填写举行听证日期/);
  assert.match(messages, /处理决定为其他处罚时须填写其他处罚种类/);
  assert.match(messages, /填写听证通知送达日期时须填写要求听证日期/);
  assert.equal(report.errors.length >= bad.length, true);
});
