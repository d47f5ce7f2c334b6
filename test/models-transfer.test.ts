// 行刑衔接 (行政执法机关移送涉嫌犯罪案件的规定): a case whose amount involved reaches the county's transfer
// amount, decided with a fine or a warning, not transferred to the police; and 主体不适格 (行政处罚法 第十七条):
// a penalty decided by an agency of another line that is not comprehensive enforcement, or by a 受委托组织 in
// its own name. For each: the hit, its explanation and evidence, the near misses, the threshold exactly at
// and one yuan below, and imported cases judged one by one as they arrive equal to the batch run. Runs on
// DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds, runAsOf } from './helpers/model-hits.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord } from './helpers/records.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import type { ParamValues } from '../src/models/model.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-transfer-'));

before(async () => {
  await seedTwoCounties(store);
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'],
    [
      ['IT-1', '擅自占道经营', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 1000, 10000],
      ['IT-2', '未按规定公示信息', 'penalty', 'MKT', 'xingzheng-chufa-fa', 33, 100, 10000],
    ],
  );
  await store.copyIn('regions', ['code', 'name', 'parent_code', 'level'], [['330111001', '富春街道', '330111', 'township']]);
  await store.copyIn(
    'agencies',
    ['id', 'name', 'line_code', 'region_code', 'level', 'parent_id', 'legal_status'],
    [
      ['AG-FY-SCJG', '杭州市富阳区市场监督管理局', 'MKT', '330111', 'county', null, 'organ'],
      ['AG-FY-001-CLE', '杭州市富阳区富春街道综合行政执法队', 'CLE', '330111001', 'township', 'AG-FY-ZHZF', 'entrusted'],
      ['AG-FY-001-MKT', '杭州市富阳区富春市场监督管理所', 'MKT', '330111001', 'township', 'AG-FY-SCJG', 'authorized'],
    ],
  );
});
const { hits, hitIds, clearHits } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM cases');
  await clearHits();
  invalidateRealtimeState(store); // the rows above went behind the real-time state's back
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a model as of a day; with params, under 富阳's own setting of them (the county sets its transfer amount). */
const run = (code: string, asOf: string, params?: ParamValues) => runAsOf(store, code, asOf, params);
/** A case as stored: the whole row, which the real-time code checks judge (a bare id goes to the focused SQL). */
const storedRow = async (id: string) => (await store.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [id]))[0];

/** A case of 富阳's comprehensive enforcement bureau, fined on 2025-03-20. */
const kase = (r: Record<string, Value>) => caseRecord(store, { item_code: 'IT-1', ...r });

// ── 应移送未移送、以罚代刑 (第三条、第十一条) ───────────────────────────────────────────────────────────

test('CASE_NOT_TRANSFERRED: an amount involved of 80,000 yuan, fined, never transferred', async () => {
  const id = await kase({ amount_involved: 80000, fine_amount: 8000 });
  const r = await run('CASE_NOT_TRANSFERRED', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案涉案金额为80,000元（达到设定的移送金额50,000元），于2025-03-20作出罚款决定，记录中没有移送公安机关的日期，可能应当移送公安机关而未移送、以行政处罚代替移送，请核实是否达到适用的立案追诉标准及移送情况并说明。',
  );
});

test('CASE_NOT_TRANSFERRED boundaries: exactly the threshold hits, one yuan below passes; a warning hits; transferred, let off, open or no amount pass', async () => {
  const at = await kase({ amount_involved: 50000 });
  await kase({ amount_involved: 49999 });
  await kase({ amount_involved: 49999.99 });
  const warned = await kase({ amount_involved: 120000, decision: 'warning', fine_amount: null });
  await kase({ amount_involved: 120000, transferred_on: '2025-03-05', transfer_no: '富综执移〔2025〕1号' }); // transferred before the fine
  await kase({ amount_involved: 120000, transferred_on: '2025-04-02' }); // transferred after the fine: the fine stands (第十一条 第二款、第三款)
  await kase({ amount_involved: 120000, decision: 'no_penalty', fine_amount: null, tier: 'exempt' });
  await kase({ amount_involved: 120000, decision: null, decided_on: null, fine_amount: null, tier: null, status: 'open' });
  await kase({ amount_involved: null, fine_amount: 9000 });
  await run('CASE_NOT_TRANSFERRED', '2025-06-30');
  assert.deepEqual((await hitIds('CASE_NOT_TRANSFERRED')).sort(), [at, warned].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(warned)!, /涉案金额为120,000元（达到设定的移送金额50,000元），于2025-03-20作出警告决定/);
  // The county sets the amount from the standard that applies: at 120,001 yuan neither hits, at 120,000 both.
  await clearHits();
  await run('CASE_NOT_TRANSFERRED', '2025-06-30', { threshold: 120001 });
  assert.deepEqual(await hitIds('CASE_NOT_TRANSFERRED'), []);
  await clearHits();
  await run('CASE_NOT_TRANSFERRED', '2025-06-30', { threshold: 120000 });
  assert.deepEqual(await hitIds('CASE_NOT_TRANSFERRED'), [warned]);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

/**
 * Imports `rows` under `header` as a CSV file, judges each stored case one by one as the ingest API lands
 * it (the whole row, so the code check), then runs the model in batch: the hits of both, by case source id.
 */
async function importedAndJudged(file: string, header: string, rows: string[], code: string) {
  const path = join(dir, file);
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, rows.length, JSON.stringify(report.errors));
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM cases')).map((r) => [r.source_id, r.id]),
  );
  const found = async () => (await hits()).filter((h) => h.model_code === code).map((h) => [h.subject_id, h.explanation].join('|'));
  for (const id of bySource.values()) await checkRecords(store, 'cases', [await storedRow(id)], 'system', '2025-06-30');
  const realtime = await found();
  await clearHits();
  await run(code, '2025-06-30');
  return { bySource, realtime, batch: await found() };
}

test('cases imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const header =
    '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,罚款金额,案件状态,违法经营额,移送公安机关日期,移送书文号';
  const rows = [
    'fy-zhzf,AJ-1,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,8000,已决定,60000,,', // 以罚代刑
    'fy-zhzf,AJ-2,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,8000,已决定,49999,,', // one yuan below
    'fy-zhzf,AJ-3,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,8000,已决定,60000,2025-03-06,富综执移〔2025〕3号', // transferred
    'fy-zhzf,AJ-4,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,警告,,已决定,50000,,', // warned at the threshold
  ];
  const { bySource, realtime, batch } = await importedAndJudged('cases.csv', header, rows, 'CASE_NOT_TRANSFERRED');
  assert.deepEqual(realtime.map((h) => h.split('|')[0]).sort(), [bySource.get('AJ-1'), bySource.get('AJ-4')].sort());
  assert.deepEqual(realtime, batch);
});

test('the format refuses a transfer document without a transfer date, and a transfer before the filing', async () => {
  const header =
    '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,案件状态,涉案金额,移送日期,移送文号';
  const rows = [
    'fy-zhzf,AJ-5,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,办理中,60000,,富综执移〔2025〕5号',
    'fy-zhzf,AJ-6,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,办理中,60000,2025-02-27,富综执移〔2025〕6号',
    'fy-zhzf,AJ-7,330111,AG-FY-ZHZF,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,办理中,-5,,',
  ];
  const path = join(dir, 'bad-cases.csv');
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const messages = JSON.stringify(report.errors);
  assert.match(messages, /填写移送书文号时须填写移送公安机关日期/);
  assert.match(messages, /移送公安机关日期不能早于立案日期/);
  assert.match(messages, /涉案金额/);
});

// ── 处罚主体不适格 (行政处罚法 第十七条、第三十八条) ─────────────────────────────────────────────────────

test('AGENCY_NOT_COMPETENT: a market regulator fining an item of comprehensive enforcement; a 受委托组织 fining in its own name', async () => {
  const mkt = await kase({ agency_id: 'AG-FY-SCJG' });
  const entrusted = await kase({ agency_id: 'AG-FY-001-CLE', decision: 'warning', fine_amount: null });
  await kase({ agency_id: 'AG-FY-ZHZF', item_code: 'IT-2' }); // comprehensive enforcement on an item handed over from another line
  await kase({ agency_id: 'AG-FY-ZHZF' }); // its own line
  await kase({ agency_id: 'AG-FY-SCJG', item_code: 'IT-2' }); // its own line
  await kase({ agency_id: 'AG-FY-001-MKT', item_code: 'IT-2' }); // an organisation a law authorises acts in its own name
  await kase({ agency_id: 'AG-FY-SCJG', decision: 'no_penalty', fine_amount: null, tier: 'exempt' }); // no penalty decided
  await kase({ agency_id: 'AG-FY-SCJG', decision: null, decided_on: null, fine_amount: null, tier: null, status: 'open' }); // not decided yet
  await run('AGENCY_NOT_COMPETENT', '2025-06-30');
  assert.deepEqual((await hitIds('AGENCY_NOT_COMPETENT')).sort(), [mkt, entrusted].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.equal(byId.get(mkt)!.agency_id, 'AG-FY-SCJG');
  assert.deepEqual(evidenceIds(byId.get(mkt)!), [mkt]);
  assert.equal(
    byId.get(mkt)!.explanation,
    '数据显示，杭州市富阳区市场监督管理局于2025-03-20对当事人杭州示例酒坊作出“擅自占道经营”的罚款决定，该主体为市场监管条线，该事项为综合行政执法条线的事项，可能超出法定职权范围或不具有行政主体资格，请核实该主体的处罚权来源（法定职权、综合行政执法划转或委托）并说明。',
  );
  assert.match(
    byId.get(entrusted)!.explanation,
    /富春街道综合行政执法队于2025-03-20.*作出“擅自占道经营”的警告决定，该主体登记为受委托组织，决定以其自身名义作出/,
  );
});

test('penalties of other agencies imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const header =
    '来源系统,案件编号,区划代码,执法主体编码,处罚事项编码,当事人统一社会信用代码,立案日期,是否首次违法,是否及时改正,危害后果,主办执法人员编号,协办执法人员编号,告知日期,决定日期,处理决定,罚款金额,案件状态';
  const rows = [
    'fy-scjg,AJ-11,330111,AG-FY-SCJG,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,3000,已决定', // another line
    'fy-zhzf,AJ-12,330111,AG-FY-ZHZF,IT-2,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,3000,已决定', // comprehensive enforcement
    'fy-zhzf,AJ-13,330111001,AG-FY-001-CLE,IT-1,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,罚款,3000,已决定', // entrusted
    'fy-scjg,AJ-14,330111,AG-FY-SCJG,IT-2,91330100470102706G,2025-03-01,否,否,危害轻微,OF-1,OF-3,2025-03-10,2025-03-20,警告,,已决定', // its own line
  ];
  const { bySource, realtime, batch } = await importedAndJudged('agency-cases.csv', header, rows, 'AGENCY_NOT_COMPETENT');
  assert.deepEqual(realtime.map((h) => h.split('|')[0]).sort(), [bySource.get('AJ-11'), bySource.get('AJ-13')].sort());
  assert.deepEqual(batch, realtime);
});
