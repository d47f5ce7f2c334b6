// Fee models (涉企收费, 优化营商环境条例 第十七条、第二十五条、第四十三条): for each, a hand-built charge that
// must hit (explanation and evidence checked) and the near misses that must not; a file imported through
// the public format, judged one record at a time as the ingest API lands them, equal to the batch run;
// contradictions and another agency's licence refused; an agency's staff see only their own charges.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, copyRows, enterpriseCharge, inspection } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';
import { recordId } from '../src/records/record-id.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-fees-'));

// Licences as the import stores them: their ids derived from the key, as a reference to them resolves.
const LIC_SCJG = recordId('licences', 'fy', 'XK-1');
const LIC_ZHZF = recordId('licences', 'fy', 'XK-2');

const CODES = ['FEE_OFF_CATALOGUE', 'FEE_PASSED_ON', 'FEE_DESIGNATED_INTERMEDIARY', 'FEE_TRAINING_CHARGED'];

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  await copyRows(store, 'items', ['code', 'name', 'kind', 'line_code'], [['LI-1', '食品经营许可', 'licence', 'MKT']]);
  // A licence of each of 富阳's two agencies, in the source system the imported charges come from.
  await copyRows(
    store,
    'licences',
    ['id', 'source_system', 'source_id', 'region_code', 'agency_id', 'item_code', 'entity_uscc', 'applied_on', 'decided_on', 'result'],
    [
      [LIC_SCJG, 'fy', 'XK-1', '330111', 'AG-FY-SCJG', 'LI-1', '91330100470102706G', '2025-03-01', '2025-03-10', 'granted'],
      [LIC_ZHZF, 'fy', 'XK-2', '330111', 'AG-FY-ZHZF', 'LI-1', '91330100470102706G', '2025-03-01', '2025-03-10', 'granted'],
    ],
  );
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  await store.exec('DELETE FROM enterprise_charges');
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const charge = (r: Record<string, Value>) => enterpriseCharge(store, r);
const run = (code: string) => runModel(store, findModel(code)!, { asOf: '2025-06-30' });

// ── 目录清单外收费 (第二十五条) ────────────────────────────────────────────────────────────────────────────

test('FEE_OFF_CATALOGUE: an administrative fee with no catalogue number', async () => {
  const id = await charge({
    charged_by: '富阳区某服务中心',
    charger_kind: 'affiliated',
    fee_kind: 'admin_fee',
    amount: 1500,
    licence_id: LIC_ZHZF,
  });
  const r = await run('FEE_OFF_CATALOGUE');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-ZHZF');
  assert.equal(
    h.explanation,
    '数据显示，富阳区某服务中心于2025-03-05向杭州示例酒坊收取行政事业性收费1,500元（随“食品经营许可”办理收取）（相关部门：杭州市富阳区综合行政执法局），记录中没有目录清单编号，可能在目录清单之外收费，请核实并说明。',
  );
});

test('FEE_OFF_CATALOGUE: a fund and a deposit without a number hit; the same with a number, a blank number, a service or an intermediary fee do not', async () => {
  const fund = await charge({ fee_kind: 'fund', charger_kind: 'authority', charged_by: '富阳区财政局' });
  const deposit = await charge({ fee_kind: 'deposit', charger_kind: 'authority', charged_by: '富阳区财政局' });
  const blank = await charge({ fee_kind: 'deposit', charger_kind: 'authority', charged_by: '富阳区财政局', catalogue_no: '  ' });
  await charge({ fee_kind: 'admin_fee', charger_kind: 'authority', charged_by: '富阳区财政局', catalogue_no: 'ZJ-XZSY-2025-031' });
  await charge({ fee_kind: 'deposit', charger_kind: 'authority', charged_by: '富阳区财政局', catalogue_no: 'ZJ-BZJ-2025-004' });
  await charge({ fee_kind: 'service' });
  await charge({ fee_kind: 'intermediary' });
  await run('FEE_OFF_CATALOGUE');
  assert.deepEqual(await hitIds('FEE_OFF_CATALOGUE'), [fund, deposit, blank].sort());
});

// ── 中介服务费转嫁企业 (第四十三条 第三款) ────────────────────────────────────────────────────────────────

test('FEE_PASSED_ON: an intermediary fee the agency commissioned, paid by the enterprise; one the enterprise commissioned is not', async () => {
  const id = await charge({ commissioned_by_agency: true, licence_id: LIC_ZHZF });
  await charge({ commissioned_by_agency: false, licence_id: LIC_ZHZF });
  await charge({ commissioned_by_agency: false, designated_by_agency: true });
  const r = await run('FEE_PASSED_ON');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(
    h.explanation,
    '数据显示，杭州示例酒坊于2025-03-05向杭州示例检测技术有限公司缴纳中介服务费12,000元（随“食品经营许可”办理收取），记录中该服务由杭州市富阳区综合行政执法局自行委托，可能将应由机关承担的中介服务费用转由企业承担，请核实并说明。',
  );
});

// ── 指定中介服务机构 (第四十三条 第二款) ──────────────────────────────────────────────────────────────────

test('FEE_DESIGNATED_INTERMEDIARY: a provider the agency named; one the enterprise chose is not', async () => {
  const id = await charge({ designated_by_agency: true, fee_kind: 'service', amount: 800 });
  await charge({ designated_by_agency: false });
  await charge({ commissioned_by_agency: true });
  const r = await run('FEE_DESIGNATED_INTERMEDIARY');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(
    h.explanation,
    '数据显示，杭州示例酒坊于2025-03-05向杭州示例检测技术有限公司缴纳经营服务性收费800元，记录中该机构由杭州市富阳区综合行政执法局指定，可能为企业指定或者变相指定了服务机构，请核实并说明。',
  );
});

// ── 借培训评比收费 (第十七条 第二款) ─────────────────────────────────────────────────────────────────────

test('FEE_TRAINING_CHARGED: a training fee with an inspection and a rating fee with a licence; a training fee on its own is not', async () => {
  const ins = await inspection(store, {});
  const training = await charge({
    fee_kind: 'training',
    charger_kind: 'association',
    charged_by: '富阳区餐饮行业协会',
    amount: 600,
    inspection_id: ins,
  });
  const rating = await charge({ fee_kind: 'rating', charger_kind: 'association', charged_by: '富阳区餐饮行业协会', licence_id: LIC_ZHZF });
  await charge({ fee_kind: 'training', charger_kind: 'association', charged_by: '富阳区餐饮行业协会' });
  await charge({ fee_kind: 'intermediary', inspection_id: ins });
  await run('FEE_TRAINING_CHARGED');
  assert.deepEqual(await hitIds('FEE_TRAINING_CHARGED'), [training, rating].sort());
  const h = (await hits()).find((x) => x.subject_id === training)!;
  assert.equal(
    h.explanation,
    `数据显示，富阳区餐饮行业协会于2025-03-05向杭州示例酒坊收取培训费600元（随2025-03-10的检查收取）（相关部门：杭州市富阳区综合行政执法局），可能借检查或审批强制企业参加培训、评比并收费，请核实并说明。`,
  );
});

// ── imported through the public format, judged one by one as they arrive ────────────────────────────────

const HEADER =
  '来源系统,收费记录编号,区划代码,相关执法主体编码,缴费企业统一社会信用代码,收费单位,收费单位类型,收费类别,目录清单编号,收费金额,收费日期,关联许可编号,关联检查编号,是否行政机关委托,是否行政机关指定服务机构';

test('charges imported through the CSV format: each model hits its own row, one by one as in the batch run', async () => {
  const rows = [
    'fy,SF-1,330111,AG-FY-SCJG,91330100470102706G,富阳区某服务中心,所属事业单位,行政事业性收费,,300,2025-03-02,XK-1,,否,否', // off the catalogue
    'fy,SF-2,330111,AG-FY-SCJG,91330100470102706G,杭州示例评估咨询有限公司,中介服务机构,中介服务费,,8000,2025-03-03,XK-1,,是,否', // passed on
    'fy,SF-3,330111,AG-FY-SCJG,91330100470102706G,杭州示例检测技术有限公司,中介服务机构,检测费,,5000,2025-03-04,XK-1,,否,是', // designated
    'fy,SF-4,330111,AG-FY-SCJG,91330100470102706G,富阳区食品行业协会,行业协会,培训费,,400,2025-03-05,XK-1,,否,否', // training with the licence
    'fy,SF-5,330111,AG-FY-SCJG,91330100470102706G,富阳区市场监督管理局,行政机关,行政事业性收费,ZJ-XZSY-2025-031,300,2025-03-06,XK-1,,否,否', // listed
    'fy,SF-6,330111,AG-FY-SCJG,91330100470102706G,富阳区食品行业协会,行业协会,培训费,,400,2025-03-07,,,否,否', // training on its own
  ];
  const path = join(dir, 'charges.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'enterprise_charges', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 6, JSON.stringify(report.errors));
  const stored = await store.query<{ id: string; source_id: string; licence_id: string | null }>(
    'SELECT id, source_id, licence_id FROM enterprise_charges ORDER BY source_id',
  );
  assert.ok(stored.every((r) => r.id.startsWith('fee-')));
  assert.deepEqual(
    stored.map((r) => r.licence_id),
    [LIC_SCJG, LIC_SCJG, LIC_SCJG, LIC_SCJG, LIC_SCJG, null],
  );

  for (const { id } of stored) await checkRecords(store, 'enterprise_charges', [{ id }], 'system', '2025-06-30');
  const realtime = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.length, 4);

  await clearHits();
  for (const code of CODES) await run(code);
  const batch = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  const bySource = new Map(stored.map((r) => [r.source_id, r.id]));
  assert.deepEqual(await hitIds('FEE_OFF_CATALOGUE'), [bySource.get('SF-1')]);
  assert.deepEqual(await hitIds('FEE_PASSED_ON'), [bySource.get('SF-2')]);
  assert.deepEqual(await hitIds('FEE_DESIGNATED_INTERMEDIARY'), [bySource.get('SF-3')]);
  assert.deepEqual(await hitIds('FEE_TRAINING_CHARGED'), [bySource.get('SF-4')]);
});

test('contradictions are refused in Chinese, and so is a charge naming another agency’s licence', async () => {
  const rows = [
    'fy,SF-11,330111,AG-FY-SCJG,91330100470102706G,富阳区食品行业协会,行业协会,培训费,,400,2025-03-05,,,是,否',
    'fy,SF-12,330111,AG-FY-SCJG,91330100470102706G,富阳区食品行业协会,行业协会,培训费,,400,2025-03-05,XK-1,INS-XH-1,否,否',
    'fy,SF-13,330111,AG-FY-SCJG,91330100470102706G,富阳区市场监督管理局,行政机关,行政事业性收费,,300,2025-03-05,,,否,是',
    'fy,SF-14,330111,AG-FY-SCJG,91330100470102706G,杭州示例评估咨询有限公司,中介服务机构,中介服务费,,8000,2025-03-03,,,是,是',
    'fy,SF-15,330111,AG-FY-SCJG,91330100470102706G,杭州示例评估咨询有限公司,中介服务机构,中介服务费,,8000,2025-03-03,XK-2,,否,否',
  ];
  const path = join(dir, 'bad-charges.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'enterprise_charges', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 0);
  const text = report.errors.map((e) => e.text).join('\n');
  assert.match(text, /行政机关委托的只能是中介服务/);
  assert.match(text, /关联许可编号与关联检查编号不能同时填写/);
  assert.match(text, /收费单位是行政机关本身的，不能填写由行政机关指定服务机构/);
  assert.match(text, /不能同时填写为企业指定服务机构/);
  assert.match(text, /是其他执法主体的行政许可：涉企收费须关联本执法主体（AG-FY-SCJG）的行政许可/);
  assert.equal(report.errors.length, 5, text);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's charges; a supervisor of the county sees both", async () => {
  const own = await charge({ agency_id: 'AG-FY-SCJG' });
  await charge({ agency_id: 'AG-FY-ZHZF' });
  await assertOwnAgencyOnly(store, 'enterprise_charges', own, 2);
});
