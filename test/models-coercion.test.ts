// Coercion models (行政强制措施: 查封、扣押、冻结): for each, a hand-built measure that must hit (explanation
// and evidence checked), the near misses that must not, the boundary at N and N + 1 days, and the real-time
// check equal to the batch run. Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelHits, evidenceIds } from './helpers/model-hits.ts';
import { assertOwnAgencyOnly } from './helpers/agency-scope.ts';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { agency, coerciveMeasure } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-coercion-'));

before(async () => {
  await seedTwoCounties(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
});
const { hits, hitIds, clearHits } = modelHits(store);
beforeEach(async () => {
  await store.exec('DELETE FROM coercive_measures');
  await clearHits();
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A seizure by 富阳's market regulator, started 2025-03-01 and released on the 20th with the goods returned that day. */
const measure = (r: Record<string, Value>) =>
  coerciveMeasure(store, { agency_id: 'AG-FY-SCJG', decision_no: '富市监强制〔2025〕1号', ...r });

/** The day `days` after 2025-03-01. */
const after0301 = (days: number) => new Date(Date.UTC(2025, 2, 1) + days * 86_400_000).toISOString().slice(0, 10);

const run = (code: string, asOf: string) => runModel(store, findModel(code)!, { asOf });

// ── 查封扣押冻结超期 (第二十五条、第三十二条) ──────────────────────────────────────────────────────────

test('COE_OVER_LONG: a seizure released after 31 days without an extension', async () => {
  const id = await measure({ ended_on: after0301(31), goods_returned_on: after0301(31) });
  const r = await run('COE_OVER_LONG', '2025-06-30');
  assert.equal(r.newHits, 1);
  const [h] = await hits();
  assert.deepEqual(evidenceIds(h), [id]);
  assert.equal(h.agency_id, 'AG-FY-SCJG');
  assert.equal(
    h.explanation,
    '数据显示，测试部门AG-FY-SCJG于2025-03-01对杭州示例酒坊实施扣押，至2025-04-01解除，共31日，记录未载明延长，超过30日的期限，可能超期扣押，请核实并说明。',
  );
});

test('COE_OVER_LONG boundaries: 30 / 31 days without extension, 60 / 61 with an approved one, an unapproved extension, testing days, in force', async () => {
  await measure({ ended_on: after0301(30), goods_returned_on: after0301(30) });
  const at31 = await measure({ ended_on: after0301(31), goods_returned_on: after0301(31) });
  await measure({
    measure: 'seal',
    extended: true,
    extension_approved: true,
    ended_on: after0301(60),
    goods_returned_on: null,
    status: 'disposed',
  });
  const ext61 = await measure({
    measure: 'seal',
    extended: true,
    extension_approved: true,
    ended_on: after0301(61),
    goods_returned_on: null,
    status: 'disposed',
  });
  const unapproved = await measure({
    extended: true,
    extension_approved: false,
    ended_on: after0301(45),
    goods_returned_on: after0301(45),
  });
  await measure({ testing_days: 10, ended_on: after0301(40), goods_returned_on: after0301(40) });
  const testing41 = await measure({ testing_days: 10, ended_on: after0301(41), goods_returned_on: after0301(41) });
  // 冻结 (第三十二条): the same thirty days, and no testing days left out.
  const freeze31 = await measure({ measure: 'freeze', testing_days: 10, ended_on: after0301(31), goods_returned_on: null });
  // Still in force: judged on the run's day.
  const open = await measure({ ended_on: null, goods_returned_on: null, status: 'in_force', started_on: '2025-05-30' });
  await run('COE_OVER_LONG', '2025-06-30'); // 2025-05-30 + 31 days
  assert.deepEqual((await hitIds('COE_OVER_LONG')).sort(), [at31, ext61, unapproved, testing41, freeze31, open].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.match(byId.get(ext61)!, /实施查封，至2025-05-01作出处理决定，共61日，记录载明经负责人批准延长，超过60日的期限/);
  assert.match(byId.get(unapproved)!, /记录载明延长但未载明经负责人批准，超过30日的期限/);
  assert.match(byId.get(testing41)!, /共41日，记录未载明延长，检测鉴定10日不计入，超过40日的期限/);
  assert.match(byId.get(freeze31)!, /实施冻结存款、汇款，.*超过30日的期限，可能超期冻结存款、汇款/);
  assert.match(byId.get(open)!, /截至2025-06-30仍在执行，共31日/);
  // A day earlier, the one in force has run 30 days: no hit.
  await clearHits();
  await run('COE_OVER_LONG', '2025-06-29');
  assert.ok(!(await hitIds('COE_OVER_LONG')).includes(open));
});

// ── 强制措施无决定书 (第二十四条、第三十一条、第十九条) ─────────────────────────────────────────────────

test('COE_NO_DECISION: a seizure and an urgent sealing without a decision document; a freezing after three days', async () => {
  const plain = await measure({ decision_no: null });
  const urgent = await measure({ measure: 'seal', decision_no: '  ', urgent: true });
  const freeze3 = await measure({
    measure: 'freeze',
    decision_no: null,
    started_on: '2025-06-27',
    ended_on: null,
    goods_returned_on: null,
    status: 'in_force',
  });
  const freeze4 = await measure({
    measure: 'freeze',
    decision_no: null,
    started_on: '2025-06-26',
    ended_on: null,
    goods_returned_on: null,
    status: 'in_force',
  });
  await measure({ urgent: true }); // urgent, with its document: no hit
  await measure({ started_on: '2025-07-01', decision_no: null, ended_on: null, goods_returned_on: null, status: 'in_force' }); // after the run's day
  await run('COE_NO_DECISION', '2025-06-30');
  assert.deepEqual((await hitIds('COE_NO_DECISION')).sort(), [plain, urgent, freeze4].sort());
  assert.ok(!(await hitIds('COE_NO_DECISION')).includes(freeze3));
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(plain),
    '数据显示，测试部门AG-FY-SCJG于2025-03-01对杭州示例酒坊实施扣押，记录中没有查封、扣押决定书文号，可能未制作或未交付决定书，请核实并说明。',
  );
  assert.match(byId.get(urgent)!, /实施查封（情况紧急当场实施，批准手续可以补办，决定书仍须当场交付），记录中没有查封、扣押决定书文号/);
  assert.match(byId.get(freeze4)!, /记录中没有冻结决定书文号/);
});

// ── 解除查封扣押后未退还财物 (第二十八条) ───────────────────────────────────────────────────────────

test('COE_GOODS_NOT_RETURNED: returned on the 4th day after release, or not at all; the 3rd day, a decision, a transfer or a freezing pass', async () => {
  const day4 = await measure({ goods_returned_on: '2025-03-24' });
  const never = await measure({ measure: 'seal', goods_returned_on: null });
  await measure({ goods_returned_on: '2025-03-23' }); // the 3rd day after the release
  await measure({ goods_returned_on: null, status: 'disposed' }); // confiscated by a decision
  await measure({ goods_returned_on: null, status: 'transferred' }); // transferred with the case (第二十一条)
  await measure({ measure: 'freeze', goods_returned_on: null }); // lifted by the bank (第三十三条)
  const recent = await measure({ ended_on: '2025-06-27', goods_returned_on: null }); // released 3 days before the run
  await run('COE_GOODS_NOT_RETURNED', '2025-06-30');
  assert.deepEqual((await hitIds('COE_GOODS_NOT_RETURNED')).sort(), [day4, never].sort());
  const byId = new Map((await hits()).map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(day4),
    '数据显示，测试部门AG-FY-SCJG于2025-03-01对杭州示例酒坊实施扣押，2025-03-20解除，财物于2025-03-24退还，超过解除后3日，可能未立即退还财物，请核实并说明。',
  );
  assert.match(byId.get(never)!, /实施查封，2025-03-20解除，截至2025-06-30没有财物退还记录/);
  // The next day, the recent release is 4 days old.
  await clearHits();
  await run('COE_GOODS_NOT_RETURNED', '2025-07-01');
  assert.ok((await hitIds('COE_GOODS_NOT_RETURNED')).includes(recent));
});

// ── through the import format, and in real time ─────────────────────────────────────────────────────

const CODES = ['COE_OVER_LONG', 'COE_NO_DECISION', 'COE_GOODS_NOT_RETURNED'];

test('measures imported through the format, judged one by one as they arrive, raise the hits the batch run raises', async () => {
  const header =
    '来源系统,强制措施编号,区划代码,执法主体编码,当事人统一社会信用代码,措施种类,决定书文号,实施日期,是否情况紧急当场实施,是否延长期限,延长是否经负责人批准,解除或处理日期,财物退还日期,主办执法人员编号,协办执法人员编号,措施状态';
  const rows = [
    'fy-scjg,QZ-1,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕1号,2025-03-01,否,否,否,2025-04-01,2025-04-01,OF-1,OF-3,已解除', // 31 days
    'fy-scjg,QZ-2,330111,AG-FY-SCJG,91330100470102706G,查封,,2025-03-01,是,否,否,2025-03-20,,OF-1,OF-3,已解除', // no document, goods kept
    'fy-scjg,QZ-3,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕3号,2025-03-01,否,是,是,2025-04-30,2025-05-02,OF-1,OF-3,已解除', // 60 days, 2 to return
    'fy-scjg,QZ-4,330111,AG-FY-SCJG,91330100470102706G,扣押,富市监强制〔2025〕4号,2025-03-01,否,否,否,2025-03-25,,OF-1,OF-3,已作出处理决定',
  ];
  const path = join(dir, 'measures.csv');
  writeFileSync(path, [header, ...rows].join('\n'));
  const report = await importRows(store, await fileSource(path), { kind: 'coercive_measures', caller: SYSTEM_CALLER });
  assert.equal(report.rowsOk, 4, JSON.stringify(report.errors));
  const ids = (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM coercive_measures ORDER BY source_id')).map(
    (r) => r.id,
  );
  assert.ok(ids.every((id) => id.startsWith('cm-')));

  // One by one, as the ingest API lands them.
  for (const id of ids) await checkRecords(store, 'coercive_measures', [{ id }], 'system', '2025-06-30');
  const realtime = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.equal(realtime.filter((h) => h.startsWith('COE_')).length, 3);

  await clearHits();
  for (const code of CODES) await run(code, '2025-06-30');
  const batch = (await hits()).map((h) => [h.model_code, h.subject_id, h.explanation].join('|'));
  assert.deepEqual(realtime, batch);
  const bySource = new Map(
    (await store.query<{ id: string; source_id: string }>('SELECT id, source_id FROM coercive_measures')).map((r) => [r.source_id, r.id]),
  );
  assert.deepEqual(await hitIds('COE_OVER_LONG'), [bySource.get('QZ-1')]);
  assert.deepEqual(await hitIds('COE_NO_DECISION'), [bySource.get('QZ-2')]);
  assert.deepEqual(await hitIds('COE_GOODS_NOT_RETURNED'), [bySource.get('QZ-2')]);
});

// ── who sees them ────────────────────────────────────────────────────────────────────────────────────

test("an agency's staff list only their own agency's measures; a supervisor of the county sees both", async () => {
  const own = await measure({});
  await measure({ agency_id: 'AG-FY-ZHZF' });
  await assertOwnAgencyOnly(store, 'coercive_measures', own, 2);
});
