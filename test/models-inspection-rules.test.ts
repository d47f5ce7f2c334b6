// The rules that shape an inspection, as its records show them: 现场检查未事先报告 (INS_NOT_REPORTED,
// 浙江省保障“最多跑一次”改革规定 第三十六条) and 随机抽查结果未及时公开 (INS_RANDOM_NOT_PUBLISHED, 浙江省综合行政
// 执法条例 第二十一条 第一款). For each: hand-built records that must hit (explanation and evidence checked), the
// near misses that must not (the exempt kinds, a source that never sends the column), the boundaries (a report
// on the day / the day after; published on the 20th working day / the 21st, and the run's day either side);
// inspections imported through the public format, judged one by one as they arrive and equal to the batch
// run; a publication before the inspection refused in Chinese; an agency's staff see only their own rows.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds, realtimeAndBatch } from './helpers/model-hits.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, copyRows, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import { recordId } from '../src/records/record-id.ts';
import { judge } from '../src/models/realtime/judge.ts';
import { invalidateRealtimeState, readyState, realtimeState } from '../src/models/realtime/state.ts';
import { realtimeIngest } from '../src/models/ingest-hook.ts';

const FOUR = ['INS_NOT_REPORTED', 'INS_RANDOM_NOT_PUBLISHED', 'INS_GOOD_CREDIT_OVERCHECKED', 'INS_RISK_INVERTED'];

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-inspection-rules-'));

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
});
const { hits, hitIds, clearHits, hitsAsOf } = modelHits(store, { settings: true });
beforeEach(async () => {
  await store.exec('DELETE FROM inspections');
  await store.exec('DELETE FROM inspection_objects');
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (code: string, asOf = '2025-12-31') => runModel(store, findModel(code)!, { asOf });

/** A 双随机 inspection by 富阳's market regulator on Monday 2025-03-10, reported the Friday before. */
const random = (r: Record<string, Value>) =>
  inspection(store, { agency_id: 'AG-FY-SCJG', kind: 'random', inspected_on: '2025-03-10', reported_on: '2025-03-07', ...r });

// ── 现场检查未事先报告 (第三十六条) ──────────────────────────────────────────────────────────────────────

test('INS_NOT_REPORTED: a 双随机 inspection reported the day after it, and a joint one never reported', async () => {
  const after1 = await random({ reported_on: '2025-03-11' });
  const joint = await random({ kind: 'joint', joint_id: 'LH-1', reported_on: null });
  const r = await run('INS_NOT_REPORTED');
  assert.equal(r.newHits, 2);
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(after1)!), [after1]);
  assert.equal(byId.get(after1)!.agency_id, 'AG-FY-SCJG');
  assert.equal(
    byId.get(after1)!.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-10对杭州示例酒坊实施双随机抽查，事先报告日期为2025-03-11，晚于检查日期，该类检查不在可不事先报告的情形之列，可能未事先向本机关负责人报告检查对象、检查理由，请核实并说明。',
  );
  assert.match(byId.get(joint)!.explanation, /实施联合检查，记录中没有事先报告负责人的日期，/);
});

test('INS_NOT_REPORTED boundaries and near misses: the day itself is before; the exempt kinds; a source or agency that never sends the day', async () => {
  await random({ reported_on: '2025-03-10' }); // on the day of the inspection: dates only, taken as before it
  const dayAfter = await random({ reported_on: '2025-03-11' });
  const none = await random({ reported_on: null });
  // 第三十六条 (一) 投诉、举报、转办、交办; (三) 巡查、检验检测发现的问题; (四) 年度监督检查计划.
  for (const kind of ['complaint', 'referral', 'monitoring', 'planned']) await random({ kind, reported_on: null });
  await random({ inspected_on: '2026-01-05', reported_on: null }); // after the run's day
  // The same agency's other system never sends the day; nor does 富阳's 综合行政执法局.
  await random({ source_system: 'other', reported_on: null });
  await random({ agency_id: 'AG-FY-ZHZF', reported_on: null });
  await run('INS_NOT_REPORTED');
  assert.deepEqual((await hitIds('INS_NOT_REPORTED')).sort(), [dayAfter, none].sort());
  // Once that system sends a day on any record, its unreported 双随机 inspections are judged.
  const other = (await store.query<{ id: string }>("SELECT id FROM inspections WHERE source_system = 'other'"))[0].id;
  await random({ source_system: 'other', kind: 'complaint', reported_on: '2025-03-01' });
  assert.deepEqual(await hitsAsOf('INS_NOT_REPORTED', '2025-12-31'), [dayAfter, none, other].sort());
});

// ── 随机抽查结果未及时公开 (第二十一条 第一款) ───────────────────────────────────────────────────────────

test('INS_RANDOM_NOT_PUBLISHED: published on the 20th working day is in time, on the 21st is late; unpublished past the term', async () => {
  // From Monday 2025-03-10, the 20th working day is Tuesday 2025-04-08 (清明 2025-04-04 to 04-06 off).
  await random({ published_on: '2025-04-08' });
  const late = await random({ published_on: '2025-04-09' });
  const never = await random({ published_on: null, inspected_on: '2025-03-11' });
  for (const kind of ['complaint', 'joint', 'planned']) await random({ kind, published_on: null }); // not a 双随机 抽查
  await random({ source_system: 'other', published_on: null }); // a system that never sends the day
  await random({ agency_id: 'AG-FY-ZHZF', published_on: null });
  await run('INS_RANDOM_NOT_PUBLISHED');
  assert.deepEqual((await hitIds('INS_RANDOM_NOT_PUBLISHED')).sort(), [late, never].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h]));
  assert.deepEqual(evidenceIds(byId.get(late)!), [late]);
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-10对杭州示例酒坊实施双随机抽查，按设定的20个工作日应于2025-04-08前公开抽查情况及查处结果，于2025-04-09才公开，可能未及时向社会公开，请核实并说明。',
  );
  assert.match(byId.get(never)!.explanation, /应于2025-04-09前公开抽查情况及查处结果，截至2025-12-31记录中没有公开日期，/);
});

test("INS_RANDOM_NOT_PUBLISHED: unpublished is judged only once the term is over on the run's day; a county's term of 5 working days", async () => {
  await random({ published_on: '2025-03-12' }); // the agency sends the day
  const open = await random({ published_on: null });
  assert.deepEqual(await hitsAsOf('INS_RANDOM_NOT_PUBLISHED', '2025-04-08'), []);
  assert.deepEqual(await hitsAsOf('INS_RANDOM_NOT_PUBLISHED', '2025-04-09'), [open]);
  // A publication after the run's day is not yet known on it.
  await store.exec(`UPDATE inspections SET published_on = DATE '2025-04-20' WHERE id = '${open}'`);
  assert.deepEqual(await hitsAsOf('INS_RANDOM_NOT_PUBLISHED', '2025-04-10'), [open]);
  // Five working days from 2025-03-10 end on 2025-03-17: published 03-17 in time, 03-18 late.
  const day6 = await random({ published_on: '2025-03-18' });
  await random({ published_on: '2025-03-17' });
  assert.deepEqual(await hitsAsOf('INS_RANDOM_NOT_PUBLISHED', '2025-03-31', { workdays: 5 }), [day6, open].sort());
});

// ── 信用良好企业被频繁抽查 (第二十一条 第二款) ──────────────────────────────────────────────────────────

const WINERY = '91330100470102706G';
const TECH = '91330000733796106P';

/** The agency's 检查对象名录 entry of an entity, with its credit class. */
const listed = (agencyId: string, uscc: string, credit: string | null) =>
  copyRows(
    store,
    'inspection_objects',
    ['id', 'source_system', 'region_code', 'agency_id', 'entity_uscc', 'credit_class'],
    [[recordId('inspection_objects', agencyId, uscc), 'test', '330111', agencyId, uscc, credit]],
  );

/** n 双随机 inspections of an entity by an agency in one year, a month apart from February. */
async function randomly(agencyId: string, uscc: string, year: number, n: number, kind = 'random'): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      await inspection(store, {
        agency_id: agencyId,
        entity_uscc: uscc,
        kind,
        inspected_on: `${year}-${String(i + 2).padStart(2, '0')}-10`,
      }),
    );
  return out;
}

test('INS_GOOD_CREDIT_OVERCHECKED: an A-class entity inspected by 双随机 three times in a year by one agency; twice is not more than 2', async () => {
  await listed('AG-FY-SCJG', WINERY, 'A');
  const three = await randomly('AG-FY-SCJG', WINERY, 2025, 3);
  await randomly('AG-FY-SCJG', WINERY, 2024, 2); // the year before: twice, at the limit
  const r = await run('INS_GOOD_CREDIT_OVERCHECKED');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_id, WINERY);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
  assert.deepEqual(evidenceIds(h), three);
  assert.equal(
    h.explanation,
    '数据显示，测试部门AG-FY-SCJG检查对象名录中信用等级为A类的杭州示例酒坊，2025年被该部门双随机抽查3次，超过设定的2次，可能未对信用较好的企业适当减少抽查，请核实并说明。',
  );
});

test('INS_GOOD_CREDIT_OVERCHECKED near misses: B class, no class, not listed, other kinds, two agencies adding up, years apart; a county limit of 3', async () => {
  await listed('AG-FY-SCJG', WINERY, 'B');
  await randomly('AG-FY-SCJG', WINERY, 2025, 4); // class B: not judged
  await listed('AG-FY-ZHZF', WINERY, null);
  await randomly('AG-FY-ZHZF', WINERY, 2025, 3); // not classed
  await randomly('AG-FY-SCJG', TECH, 2025, 3); // not in the directory
  await listed('AG-FY-ZHZF', TECH, 'A');
  await randomly('AG-FY-ZHZF', TECH, 2025, 2);
  await randomly('AG-FY-ZHZF', TECH, 2025, 2, 'planned'); // planned ones are not 抽查
  await randomly('AG-FY-ZHZF', TECH, 2024, 2); // 2 + 2 over two years
  await randomly('AG-FY-SCJG', TECH, 2025, 1); // another agency's (unlisted) draw
  await run('INS_GOOD_CREDIT_OVERCHECKED');
  assert.deepEqual(await hitIds('INS_GOOD_CREDIT_OVERCHECKED'), []);
  // The third 双随机 inspection by 综合执法 in 2025 hits; a county's limit of 3 lets it through.
  await randomly('AG-FY-ZHZF', TECH, 2025, 1);
  assert.deepEqual(await hitsAsOf('INS_GOOD_CREDIT_OVERCHECKED', '2025-12-31'), [TECH]);
  assert.deepEqual(await hitsAsOf('INS_GOOD_CREDIT_OVERCHECKED', '2025-12-31', { max_per_year: 3 }), []);
});

// ── 抽查未向高风险倾斜 (第二十一条 第二款) ───────────────────────────────────────────────────────────────

/** 富阳's market regulator's directory of ten: E-1 to E-4 classed C or D (40%), E-5 to E-10 A or B. */
async function directoryOfTen(): Promise<void> {
  for (let i = 1; i <= 10; i++) await listed('AG-FY-SCJG', `E-${i}`, 'DCCDABBABA'[i - 1]);
}

/** 双随机 inspections of the entities named, one a week through 2025 from `from` (the nth of the year). */
async function drawsOf(usccs: string[], from = 0, kind = 'random'): Promise<string[]> {
  const out: string[] = [];
  for (const [i, uscc] of usccs.entries()) {
    const day = new Date(Date.UTC(2025, 0, 6 + 7 * (from + i))).toISOString().slice(0, 10);
    out.push(await inspection(store, { agency_id: 'AG-FY-SCJG', entity_uscc: uscc, kind, inspected_on: day }));
  }
  return out;
}
const good = (n: number) => Array.from({ length: n }, (_, i) => `E-${5 + (i % 6)}`);

test('INS_RISK_INVERTED: 3 of 20 draws on C/D entities (15%) where the directory holds 40% is below half of it', async () => {
  await directoryOfTen();
  const ids = await drawsOf(['E-1', 'E-2', 'E-3', ...good(17)]);
  const r = await run('INS_RISK_INVERTED');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_kind, 'agency');
  assert.equal(h.subject_id, 'AG-FY-SCJG');
  assert.deepEqual(evidenceIds(h), ids);
  assert.equal(
    h.explanation,
    '数据显示，测试部门AG-FY-SCJG2025年对检查对象名录中已分级企业双随机抽查20次，其中C、D类企业3次（占15%），而C、D类企业在其名录已分级企业中占40%，抽查可能未向信用较差、风险较高的企业倾斜，请核实并说明。',
  );
  // In real time, as the twentieth inspection arrives (the hook hands over its agency): the same hit.
  const batch = (await hits()).map((x) => [x.subject_id, x.explanation, ...evidenceIds(x)].join('|'));
  await clearHits();
  await checkRecords(store, 'inspections', [{ id: ids[19], agency_id: 'AG-FY-SCJG', entity_uscc: 'E-10' }], 'system', '2025-12-31');
  assert.deepEqual(
    (await hits())
      .filter((x) => x.model_code === 'INS_RISK_INVERTED')
      .map((x) => [x.subject_id, x.explanation, ...evidenceIds(x)].join('|')),
    batch,
  );
});

test('INS_RISK_INVERTED boundaries and near misses: 4 of 20 is half, not below; 19 draws are too few; other kinds, unlisted entities; a county ratio', async () => {
  await directoryOfTen();
  await drawsOf(['E-1', 'E-2', 'E-3', 'E-4', ...good(16)]);
  await drawsOf(['E-1', 'E-2'], 0, 'planned'); // not 抽查
  await drawsOf(['X-1', 'X-2', 'X-3'], 20); // not in the directory
  assert.deepEqual(await hitsAsOf('INS_RISK_INVERTED', '2025-12-31'), []);
  await store.exec('DELETE FROM inspections');
  await drawsOf(good(19));
  assert.deepEqual(await hitsAsOf('INS_RISK_INVERTED', '2025-12-31'), []);
  await drawsOf(good(1), 19);
  assert.deepEqual(await hitsAsOf('INS_RISK_INVERTED', '2025-12-31'), ['AG-FY-SCJG']);
  // A directory with no C or D entity: nothing to lean towards.
  await store.exec("UPDATE inspection_objects SET credit_class = 'B' WHERE credit_class IN ('C', 'D')");
  assert.deepEqual(await hitsAsOf('INS_RISK_INVERTED', '2025-12-31'), []);
  // 3 of 20 against 40%: below half, not below a county's 0.3 of it (12%).
  await store.exec('DELETE FROM inspections');
  await store.exec('DELETE FROM inspection_objects');
  await directoryOfTen();
  await drawsOf(['E-1', 'E-2', 'E-3', ...good(17)]);
  assert.deepEqual(await hitsAsOf('INS_RISK_INVERTED', '2025-12-31', { max_ratio: 0.3 }), []);
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const HEADER =
  '来源系统,检查编号,区划代码,执法主体编码,检查事项编码,被检查对象统一社会信用代码,检查日期,检查类型,线索来源编号,联合检查编号,主办执法人员编号,协办执法人员编号,是否亮码检查,行政行为码,检查结果,事先报告日期,结果公开日期';

test('inspections imported with their report and publication days, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const rows = [
    'fy,JC-1,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-05-06,双随机,,,OF-1,OF-3,是,,合格,2025/5/7,2025-07-01', // reported after, published late
    'fy,JC-2,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-05-12,投诉举报,GD-1,,OF-1,OF-3,是,,合格,,', // exempt, not a 抽查
    'fy,JC-3,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-05-13,随机抽查,,,OF-1,OF-3,是,,合格,2025-05-13,2025-05-20', // in order
    'fy,JC-4,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-05-14,综合查一次,,LH-9,OF-1,OF-3,是,,合格,,', // joint, never reported
    'fy,JC-5,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-06-10,双随机抽查,,,OF-1,OF-3,是,,合格,2025-06-09,2025-06-12', // the third 双随机 of an A-class entity
  ];
  await listed('AG-FY-SCJG', WINERY, 'A');
  const path = join(dir, 'inspections.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 5, JSON.stringify(report.errors));
  const stored = await store.query<{
    id: string;
    source_id: string;
    kind: string;
    reported_on: string | null;
    published_on: string | null;
  }>(
    'SELECT id, source_id, kind, CAST(reported_on AS VARCHAR) AS reported_on, CAST(published_on AS VARCHAR) AS published_on FROM inspections ORDER BY source_id',
  );
  assert.deepEqual(
    stored.map((r) => [r.kind, r.reported_on, r.published_on]),
    [
      ['random', '2025-05-07', '2025-07-01'],
      ['complaint', null, null],
      ['random', '2025-05-13', '2025-05-20'],
      ['joint', null, null],
      ['random', '2025-06-09', '2025-06-12'],
    ],
  );
  // As the ingest hook hands them over: the id and the entity (the subject of the credit model).
  for (const { id } of stored) await checkRecords(store, 'inspections', [{ id, entity_uscc: WINERY }], 'system', '2025-07-31');
  const codes = ['INS_NOT_REPORTED', 'INS_RANDOM_NOT_PUBLISHED', 'INS_GOOD_CREDIT_OVERCHECKED'];
  const realtime = (await hits())
    .filter((h) => codes.includes(h.model_code))
    .map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 4, realtime.join('\n'));
  await clearHits();
  for (const code of codes) await run(code, '2025-07-31');
  assert.deepEqual(
    (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|')),
    realtime,
  );
  const bySource = new Map(stored.map((r) => [r.source_id, r.id]));
  assert.deepEqual((await hitIds('INS_NOT_REPORTED')).sort(), [bySource.get('JC-1'), bySource.get('JC-4')].sort());
  assert.deepEqual(await hitIds('INS_RANDOM_NOT_PUBLISHED'), [bySource.get('JC-1')]);
  const [credit] = (await hits()).filter((h) => h.model_code === 'INS_GOOD_CREDIT_OVERCHECKED');
  assert.equal(credit.subject_id, WINERY);
  assert.deepEqual(evidenceIds(credit), [bySource.get('JC-1'), bySource.get('JC-3'), bySource.get('JC-5')]);
});

test('judged in code as each stored row arrives, the four models raise the batch run hit for hit (text and evidence)', async () => {
  await listed('AG-FY-SCJG', WINERY, 'A');
  await directoryOfTen();
  await random({ reported_on: '2025-03-11', published_on: '2025-05-30' }); // reported after, published late
  await random({ inspected_on: '2025-04-10', reported_on: null, published_on: null }); // neither, by 2025-12-31
  await random({ inspected_on: '2025-05-12', reported_on: '2025-05-12', published_on: '2025-05-13' }); // the third draw of an A entity
  await drawsOf(['E-1', 'E-2', 'E-3', ...good(17)]); // draws leaning away from C/D
  await random({ kind: 'planned', inspected_on: '2025-06-02', reported_on: null }); // exempt
  invalidateRealtimeState(store);
  const [row] = await store.query<Record<string, unknown>>(`SELECT * FROM inspections WHERE inspected_on = '2025-05-12'`);
  const judged = await judge(await readyState(store, ['inspections'], '2025-12-31'), 'inspections', row, '2025-12-31');
  for (const code of FOUR) assert.ok(judged.find((j) => j.model.code === code)?.hits, `${code}: judged in code`);
  for (const code of FOUR) {
    const { realtime, batch } = await realtimeAndBatch(store, 'inspections', code, '2025-12-31');
    assert.ok(batch.length > 0, code);
    assert.deepEqual(realtime, batch, code);
  }
});

test('a 检查对象名录 entry pushed through the API counts at once in code: an entity classed A after two draws', async () => {
  await listed('AG-FY-SCJG', WINERY, 'B');
  const ids = await randomly('AG-FY-SCJG', WINERY, 2025, 3);
  invalidateRealtimeState(store);
  const arrive = async (id: string) =>
    (
      await checkRecords(store, 'inspections', await store.query('SELECT * FROM inspections WHERE id = $1', [id]), 'system', '2025-12-31')
    ).find((r) => r.code === 'INS_GOOD_CREDIT_OVERCHECKED')?.newHits;
  for (const id of ids) assert.equal(await arrive(id), 0);
  const entry = { region_code: '330111', agency_id: 'AG-FY-SCJG', entity_uscc: WINERY, credit_class: 'A' };
  const report = await importRows(store, recordsSource([entry]), {
    kind: 'inspection_objects',
    caller: SYSTEM_CALLER,
    sourceSystem: 'test',
    onLanded: realtimeIngest(store, SYSTEM_CALLER, 'inspection_objects').onLanded,
  });
  assert.equal(report.updated, 1, JSON.stringify(report.errors));
  assert.ok(realtimeState(store).isLoaded('inspections'), 'the push kept the state');
  const [fourth] = await randomly('AG-FY-SCJG', WINERY, 2025, 1);
  assert.equal(await arrive(fourth), 1);
  const realtime = (await hits())
    .filter((h) => h.model_code === 'INS_GOOD_CREDIT_OVERCHECKED')
    .map((h) => [h.explanation, ...evidenceIds(h)]);
  assert.deepEqual(await hitsAsOf('INS_GOOD_CREDIT_OVERCHECKED', '2025-12-31'), [WINERY]);
  assert.deepEqual(
    (await hits()).map((h) => [h.explanation, ...evidenceIds(h)]),
    realtime,
  );
});

test('a publication before the inspection is refused in Chinese; a report after it lands for the model', async () => {
  const rows = [
    'fy,JC-11,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-05-06,双随机,,,OF-1,OF-3,是,,合格,2025-05-01,2025-05-05',
    'fy,JC-12,330111,AG-FY-SCJG,II-1,91330100470102706G,2025-05-06,双随机,,,OF-1,OF-3,是,,合格,2025-05-09,2025-05-06',
  ];
  const path = join(dir, 'bad-inspections.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 1);
  const text = report.errors.map((e) => e.text).join('\n');
  assert.match(text, /结果公开日期不能早于检查日期/);
  assert.equal(report.errors.length, 1, text);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's inspections with these days; a supervisor of the county sees both", async () => {
  const own = await random({ reported_on: '2025-03-11', published_on: '2025-04-09' });
  await random({ agency_id: 'AG-FY-ZHZF', reported_on: '2025-03-11' });
  await assertOwnAgencyOnly(store, 'inspections', own, 2);
});
