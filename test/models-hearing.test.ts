// The right to a defence and a hearing: 告知后未待听证申请期满即作出决定 (行政处罚法 第六十三条、第六十四条（一）),
// 要求听证未组织听证 (第六十三条), 陈述申辩后罚款高于告知金额 (第四十五条 第二款) and 简易程序超出适用范围
// (第五十一条). For each: the hit, its explanation and evidence, the near misses, the boundaries (the 5th
// working day after the notice with a holiday inside, and the 6th; exactly the limit and just above), the
// county's settings, and imported cases judged one by one as they arrive equal to the batch run; the
// format's refusals. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedCaseItem, seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord } from './helpers/records.ts';
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
const dir = mkdtempSync(join(tmpdir(), 'kedu-hearing-'));

before(async () => {
  await seedTwoCounties(store);
  await seedCaseItem(store);
});
const { hits, clearHits, hitsAsOf } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM cases');
  await clearHits();
  invalidateRealtimeState(store); // the rows above went behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const explanations = async (code: string) => new Map((await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h]));

/** A case of 富阳's comprehensive enforcement bureau (filed 2025-03-01, told 2025-03-10, fined 2025-03-20). */
const kase = (r: Record<string, Value>) => caseRecord(store, { item_code: 'IT-1', ...r });

// ── 告知后未待听证申请期满即作出决定 (第六十三条、第六十四条（一）) ─────────────────────────────────────────

// Told on Tuesday 2025-04-29: the 5th working day after it is Friday 2025-05-09 (1–5 May are the Labour
// Day holiday), the 6th Monday 2025-05-12.
const TOLD = { notified_on: '2025-04-29', filed_on: '2025-04-01' };

test('PEN_DECIDED_IN_HEARING_PERIOD: a fine of 10,000 yuan decided on the 5th working day after the notice hits; the 6th, or the Saturday after the 5th, passes', async () => {
  const fifth = await kase({ ...TOLD, fine_amount: 10000, decided_on: '2025-05-09' });
  const sameDay = await kase({ ...TOLD, fine_amount: 50000, decided_on: '2025-04-29' });
  const inHoliday = await kase({ ...TOLD, fine_amount: 20000, decided_on: '2025-05-03' });
  await kase({ ...TOLD, fine_amount: 10000, decided_on: '2025-05-12' }); // the 6th working day
  await kase({ ...TOLD, fine_amount: 10000, decided_on: '2025-05-10' }); // a Saturday: the period ended the day before
  assert.deepEqual(await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31'), [fifth, sameDay, inHoliday].sort());
  const h = (await explanations('PEN_DECIDED_IN_HEARING_PERIOD')).get(fifth)!;
  assert.deepEqual(evidenceIds(h), [fifth]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-04-29告知拟作出的处罚，于2025-05-09即作出罚款10,000元的决定（罚款达到设定的较大数额10,000元），当事人要求听证的期限至2025-05-09届满，记录中没有要求听证日期，可能未待听证申请期满即作出处罚决定，请核实并说明。',
  );
  // Not yet decided on the run's day: no hit.
  assert.deepEqual(await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-05-08'), [sameDay, inHoliday].sort());
});

test('PEN_DECIDED_IN_HEARING_PERIOD near misses: under the amount, a hearing asked for, a warning, a decision before the notice, no notice; the province’s amount is a setting', async () => {
  const below = await kase({ ...TOLD, fine_amount: 9999, decided_on: '2025-05-06' });
  await kase({ ...TOLD, fine_amount: 20000, decided_on: '2025-05-06', hearing_requested_on: '2025-04-30', hearing_held_on: '2025-05-06' });
  await kase({ ...TOLD, decision: 'warning', fine_amount: null, decided_on: '2025-05-06' });
  await kase({ ...TOLD, fine_amount: 20000, decided_on: '2025-04-28' }); // PEN_NO_NOTICE's
  await kase({ ...TOLD, notified_on: null, fine_amount: 20000, decided_on: '2025-05-06' }); // PEN_NO_NOTICE's
  assert.deepEqual(await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31'), []);
  assert.deepEqual(await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31', { min_fine: 5000 }), [below]);
});

test('PEN_DECIDED_IN_HEARING_PERIOD judges what PEN_HEARING_NOT_HELD judges: a fine that revokes a licence or closes the business whatever the amount, and a 较大数额 the notice named, on the 5th working day; the 6th passes', async () => {
  const small = { ...TOLD, fine_amount: 2000 };
  const revoked = await kase({ ...small, sanctions: 'revoke_licence', decided_on: '2025-05-09' }); // the 5th working day
  await kase({ ...small, sanctions: 'revoke_licence', decided_on: '2025-05-12' }); // the 6th
  const closed = await kase({ ...small, sanctions: 'confiscate_goods;close_down', decided_on: '2025-05-06' });
  const told = await kase({ ...TOLD, fine_amount: 8000, proposed_fine: 12000, decided_on: '2025-05-09' }); // told 12,000, decided 8,000
  await kase({ ...TOLD, fine_amount: 8000, proposed_fine: 12000, decided_on: '2025-05-12' });
  await kase({ ...small, sanctions: 'suspend_licence', decided_on: '2025-05-06' }); // 暂扣 is not in 第六十三条
  await kase({ ...small, sanctions: 'confiscate_proceeds', decided_on: '2025-05-06' }); // 较大数额: no amount recorded
  await kase({
    ...small,
    sanctions: 'revoke_licence',
    decided_on: '2025-05-06',
    hearing_requested_on: '2025-04-30',
    hearing_held_on: '2025-05-06',
  });
  await kase({ ...small, fine_amount: 9000, proposed_fine: 9999, decided_on: '2025-05-06' }); // neither amount reaches it
  assert.deepEqual(await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31'), [revoked, closed, told].sort());
  const byId = await explanations('PEN_DECIDED_IN_HEARING_PERIOD');
  assert.equal(
    byId.get(closed)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-04-29告知拟作出的处罚，于2025-05-06即作出罚款2,000元并没收非法财物、责令关闭的决定（第六十三条所列的处罚种类，不论罚款金额），当事人要求听证的期限至2025-05-09届满，记录中没有要求听证日期，可能未待听证申请期满即作出处罚决定，请核实并说明。',
  );
  assert.match(byId.get(told)!.explanation, /即作出罚款8,000元的决定（告知的拟罚款金额达到设定的较大数额10,000元）/);
  // The province's amount is a setting: at 20,000 only the sanctions remain.
  assert.deepEqual(await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31', { min_fine: 20000 }), [revoked, closed].sort());
});

test('PEN_DECIDED_IN_HEARING_PERIOD judges a decision of a 第六十三条 kind without a fine — a warning with it, or 其他处罚 alone — on the 5th working day; the 6th, other kinds and a warning told a large fine pass', async () => {
  const none = { ...TOLD, fine_amount: null, tier: null };
  const revoked = await kase({ ...none, decision: 'other', sanctions: 'revoke_licence', decided_on: '2025-05-09' }); // the 5th working day
  await kase({ ...none, decision: 'other', sanctions: 'revoke_licence', decided_on: '2025-05-12' }); // the 6th
  const warnedClosed = await kase({ ...none, decision: 'warning', sanctions: 'close_down', decided_on: '2025-05-06' });
  const lowered = await kase({ ...none, decision: 'other', sanctions: 'confiscate_goods;lower_qualification', decided_on: '2025-04-29' }); // the notice day
  const barred = await kase({ ...none, decision: 'other', sanctions: 'bar_practice', decided_on: '2025-05-06' });
  const suspended = await kase({ ...none, decision: 'other', sanctions: 'suspend_business', decided_on: '2025-05-06' });
  await kase({ ...none, decision: 'other', sanctions: 'suspend_licence', decided_on: '2025-05-06' }); // 暂扣 is not in 第六十三条
  await kase({ ...none, decision: 'other', sanctions: 'confiscate_proceeds;confiscate_goods', decided_on: '2025-05-06' }); // 较大数额: no amount recorded
  await kase({ ...none, decision: 'other', sanctions: 'restrict_business', decided_on: '2025-05-06' }); // not among the kinds named
  await kase({ ...none, decision: 'warning', proposed_fine: 20000, decided_on: '2025-05-06' }); // told a large fine, decided a warning
  await kase({ ...none, decision: 'other', sanctions: 'revoke_licence', decided_on: '2025-05-06', hearing_requested_on: '2025-04-30' }); // asked for
  await kase({ ...none, decision: 'other', sanctions: 'revoke_licence', decided_on: '2025-04-28' }); // before the notice: PEN_NO_NOTICE's
  assert.deepEqual(
    await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31'),
    [revoked, warnedClosed, lowered, barred, suspended].sort(),
  );
  const byId = await explanations('PEN_DECIDED_IN_HEARING_PERIOD');
  assert.equal(
    byId.get(revoked)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案于2025-04-29告知拟作出的处罚，于2025-05-09即作出吊销许可证件的决定（第六十三条所列的处罚种类），当事人要求听证的期限至2025-05-09届满，记录中没有要求听证日期，可能未待听证申请期满即作出处罚决定，请核实并说明。',
  );
  assert.match(byId.get(warnedClosed)!.explanation, /即作出警告并责令关闭的决定（第六十三条所列的处罚种类）/);
  assert.match(byId.get(lowered)!.explanation, /即作出没收非法财物、降低资质等级的决定/);
  // The amount is a setting of fines; a kind of 第六十三条 is judged whatever it is.
  assert.equal((await hitsAsOf('PEN_DECIDED_IN_HEARING_PERIOD', '2025-12-31', { min_fine: 100000000 })).length, 5);
});

// ── 要求听证未组织听证 (第六十三条 第一款) ───────────────────────────────────────────────────────────────

const ASKED = { ...TOLD, hearing_requested_on: '2025-05-06', decided_on: '2025-05-30' };

test('PEN_HEARING_NOT_HELD: a hearing asked for on a fine of 较大数额, none held, or held after the decision; held on the decision day passes', async () => {
  const none = await kase({ ...ASKED, fine_amount: 10000 });
  const late = await kase({ ...ASKED, fine_amount: 30000, hearing_held_on: '2025-05-31' });
  const proposed = await kase({ ...ASKED, fine_amount: 8000, proposed_fine: 12000 }); // told 12,000, decided 8,000: the hearing was due
  await kase({ ...ASKED, fine_amount: 30000, hearing_held_on: '2025-05-30' }); // held on the decision day
  await kase({ ...ASKED, fine_amount: 9999 }); // no 较大数额: no right to a hearing
  await kase({ ...ASKED, decision: null, decided_on: null, status: 'open', fine_amount: null }); // not yet decided
  await kase({ ...ASKED, decision: 'warning', fine_amount: null });
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOT_HELD', '2025-12-31'), [none, late, proposed].sort());
  const byId = await explanations('PEN_HEARING_NOT_HELD');
  assert.deepEqual(evidenceIds(byId.get(none)!), [none]);
  assert.equal(
    byId.get(none)!.explanation,
    '数据显示，当事人杭州示例酒坊于2025-05-06就“擅自占道经营”一案要求听证，杭州市富阳区综合行政执法局于2025-05-30作出罚款10,000元的决定，记录中没有举行听证日期，可能当事人要求听证后未组织听证即作出处罚决定，请核实并说明。',
  );
  assert.match(byId.get(late)!.explanation, /听证于2025-05-31才举行，晚于决定日期/);
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOT_HELD', '2025-12-31', { min_fine: 20000 }), [late]);
});

test('PEN_HEARING_NOT_HELD judges a decision of a 第六十三条 kind without a fine: asked for, none held or held after the decision; held on the day, other kinds and a warning told a large fine pass', async () => {
  const none = { ...ASKED, fine_amount: null, tier: null };
  const suspended = await kase({ ...none, decision: 'other', sanctions: 'suspend_business' });
  const late = await kase({ ...none, decision: 'other', sanctions: 'revoke_licence', hearing_held_on: '2025-05-31' });
  const warned = await kase({ ...none, decision: 'warning', sanctions: 'confiscate_goods;bar_practice' });
  await kase({ ...none, decision: 'other', sanctions: 'close_down', hearing_held_on: '2025-05-30' }); // held on the decision day
  await kase({ ...none, decision: 'other', sanctions: 'suspend_licence' }); // 暂扣 is not in 第六十三条
  await kase({ ...none, decision: 'other', sanctions: 'confiscate_goods' }); // 较大数额: no amount recorded
  await kase({ ...none, decision: 'warning', proposed_fine: 20000 }); // told a large fine, decided a warning
  await kase({ ...none, decision: 'other', sanctions: 'revoke_licence', decided_on: '2026-01-05' }); // after the run's day
  assert.deepEqual(await hitsAsOf('PEN_HEARING_NOT_HELD', '2025-12-31'), [suspended, late, warned].sort());
  const byId = await explanations('PEN_HEARING_NOT_HELD');
  assert.equal(
    byId.get(suspended)!.explanation,
    '数据显示，当事人杭州示例酒坊于2025-05-06就“擅自占道经营”一案要求听证，杭州市富阳区综合行政执法局于2025-05-30作出责令停产停业的决定，记录中没有举行听证日期，可能当事人要求听证后未组织听证即作出处罚决定，请核实并说明。',
  );
  assert.match(byId.get(late)!.explanation, /作出吊销许可证件的决定，听证于2025-05-31才举行，晚于决定日期/);
  assert.match(byId.get(warned)!.explanation, /作出警告并没收非法财物、限制从业的决定/);
});

// ── 陈述申辩后罚款高于告知金额 (第四十五条 第二款) ─────────────────────────────────────────────────────

test('PEN_HEAVIER_AFTER_DEFENCE: a fine above the amount of the notice hits; equal, lower, or no amount told passes', async () => {
  const heavier = await kase({ proposed_fine: 10000, fine_amount: 12000 });
  const cent = await kase({ proposed_fine: 10000, fine_amount: 10000.01 });
  await kase({ proposed_fine: 10000, fine_amount: 10000 });
  await kase({ proposed_fine: 10000, fine_amount: 6000 }); // lowered after the defence
  await kase({ proposed_fine: null, fine_amount: 12000 });
  await kase({ proposed_fine: 500, decision: 'warning', fine_amount: null });
  assert.deepEqual(await hitsAsOf('PEN_HEAVIER_AFTER_DEFENCE', '2025-12-31'), [heavier, cent].sort());
  const h = (await explanations('PEN_HEAVIER_AFTER_DEFENCE')).get(heavier)!;
  assert.deepEqual(evidenceIds(h), [heavier]);
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案告知的拟罚款金额为10,000元，于2025-03-20决定罚款12,000元，高于告知金额，可能因当事人陈述、申辩而给予更重的处罚，请核实加重是否基于告知后新查明的事实（及是否重新告知）并说明。',
  );
});

// ── 简易程序超出适用范围 (第五十一条) ────────────────────────────────────────────────────────────────────

test('PEN_SUMMARY_OVER_LIMIT: a fine above 3,000 yuan decided on the spot hits; exactly 3,000, the ordinary procedure, none recorded, a warning pass', async () => {
  const over = await kase({ procedure: 'summary', fine_amount: 3000.5 });
  const big = await kase({ procedure: 'summary', fine_amount: 5000 });
  const limit = await kase({ procedure: 'summary', fine_amount: 3000 });
  await kase({ procedure: 'ordinary', fine_amount: 5000 });
  await kase({ procedure: null, fine_amount: 5000 });
  await kase({ procedure: 'summary', decision: 'warning', fine_amount: null });
  assert.deepEqual(await hitsAsOf('PEN_SUMMARY_OVER_LIMIT', '2025-12-31'), [over, big].sort());
  const h = (await explanations('PEN_SUMMARY_OVER_LIMIT')).get(big)!;
  assert.deepEqual(evidenceIds(h), [big]);
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案适用简易程序，于2025-03-20当场决定罚款5,000元，高于对法人或者其他组织当场罚款的3,000元，可能超出简易程序的适用范围，请核实并说明。',
  );
  // A county whose items follow another law's limit: 2,999 yuan (the fine at 3,000 hits); 5,000 (none does).
  assert.deepEqual(await hitsAsOf('PEN_SUMMARY_OVER_LIMIT', '2025-12-31', { max_fine: 2999 }), [over, big, limit].sort());
  assert.deepEqual(await hitsAsOf('PEN_SUMMARY_OVER_LIMIT', '2025-12-31', { max_fine: 5000 }), []);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const HEADER =
  '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,罚款金额,案件状态,适用程序,拟罚款金额,要求听证日期,举行听证日期,其他处罚种类';
/** A case of 富阳 told on 2025-04-29: `decided`, `fine`, then 适用程序,拟罚款金额,要求听证日期,举行听证日期, and its other sanctions. */
const row = (no: string, decided: string, fine: string, tail: string, sanctions = '') =>
  `fy-zhzf,${no},330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-04-01,否,否,危害轻微,OF-1,OF-3,2025-04-29,${decided},罚款,${fine},已决定,${tail},${sanctions}`;

test('cases imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    row('TZ-1', '2025-05-09', '20000', '普通程序,20000,,'), // decided on the 5th working day, no hearing asked for
    row('TZ-2', '2025-05-12', '20000', '普通程序,20000,,'), // the 6th
    row('TZ-3', '2025-05-30', '20000', '普通,20000,2025-05-06,'), // asked, never heard
    row('TZ-4', '2025-05-30', '20000', '普通程序,20000,2025-05-06,2025-05-20'), // asked and heard
    row('TZ-5', '2025-05-30', '24000', '普通程序,20000,2025-05-06,2025-05-20'), // heavier than told
    row('TZ-6', '2025-05-30', '3500', '当场处罚,3500,,'), // on the spot above 3,000
    row('TZ-7', '2025-05-30', '3000', '简易程序,3000,,'), // on the spot at 3,000
    row('TZ-8', '2025-05-30', '3500', ',,,'), // nothing sent: not judged
    row('TZ-9', '2025-05-09', '2000', '普通程序,2000,,', '吊销许可证件'), // revoked on the 5th working day, no hearing asked for
    row('TZ-10', '2025-05-12', '2000', '普通程序,2000,,', '吊销许可证件'), // the 6th
    row('TZ-11', '2025-05-09', '', '普通程序,,,', '责令停产停业').replace(',罚款,', ',其他处罚,'), // no fine, on the 5th working day
    row('TZ-12', '2025-05-30', '', '普通程序,,2025-05-06,', '吊销许可证件').replace(',罚款,', ',其他处罚,'), // no fine, asked, never heard
    row('TZ-13', '2025-05-30', '', '普通程序,,2025-05-06,', '暂扣许可证件').replace(',罚款,', ',其他处罚,'), // not a kind of 第六十三条
  ];
  const path = join(dir, 'hearing.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  for (const [code, want] of [
    ['PEN_DECIDED_IN_HEARING_PERIOD', ['TZ-1', 'TZ-9', 'TZ-11']],
    ['PEN_HEARING_NOT_HELD', ['TZ-3', 'TZ-12']],
    ['PEN_HEAVIER_AFTER_DEFENCE', ['TZ-5']],
    ['PEN_SUMMARY_OVER_LIMIT', ['TZ-6']],
  ] as const) {
    await store.exec('DELETE FROM cases');
    await clearHits();
    invalidateRealtimeState(store);
    const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
    assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
    const bySource = new Map(
      (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM cases')).map((r) => [r.source_id, r.id]),
    );
    const found = async () => (await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h.explanation].join('|'));
    for (const id of bySource.values()) {
      const [stored] = await store.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [id]);
      await checkRecords(store, 'cases', [stored], 'system', '2025-12-31');
    }
    const realtime = await found();
    assert.deepEqual(realtime.map((h) => h.split('|')[0]).sort(), want.map((s) => bySource.get(s)).sort(), code);
    await clearHits();
    await runModel(store, findModel(code)!, { asOf: '2025-12-31' });
    assert.deepEqual(await found(), realtime, code);
  }
  const [stored] = await store.query<{ procedure: string }>(`SELECT procedure FROM cases WHERE source_id = 'TZ-6'`);
  assert.equal(stored.procedure, 'summary');
});

test('the format refuses a hearing asked for before the notice, held before it was asked for or without a request, and an unknown procedure', async () => {
  const rows = [
    row('TZ-9', '2025-05-30', '20000', '普通程序,20000,2025-04-28,'), // asked before the notice
    row('TZ-10', '2025-05-30', '20000', '普通程序,20000,2025-05-06,2025-05-05'), // held before asked
    row('TZ-11', '2025-05-30', '20000', '普通程序,20000,,2025-05-20'), // held, never asked
    row('TZ-12', '2025-05-30', '20000', '特别程序,20000,,'),
  ];
  const path = join(dir, 'bad-hearing.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const messages = JSON.stringify(report.errors);
  assert.match(messages, /要求听证日期不能早于告知日期/);
  assert.match(messages, /举行听证日期不能早于要求听证日期/);
  assert.match(messages, /填写举行听证日期时须填写要求听证日期/);
  assert.match(messages, /特别程序/);
});
