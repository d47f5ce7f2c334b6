// Plans (年度检查计划) through the import path, their 双随机 draw and its reproduction from the stored
// seed, dynamic adjustment with a reason, and who sees and acts on what. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore } from './helpers/store.ts';
import { AGENCIES, FY, FY_ENTITIES, NEXT_YEAR, XH_ENTITIES, planRow, seedInspectionWorld } from './helpers/inspection-world.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { callerForUsername } from '../src/auth/users.ts';
import type { Caller } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';
import { checkDraw, drawPlan, drawsOf } from '../src/inspections/draw.ts';
import { adjustPlan, listPlans, planDetail } from '../src/inspections/plans.ts';
import { listTasks } from '../src/inspections/tasks.ts';
import { KeduError } from '../src/domain/errors.ts';
import { SeedStream, drawOrder } from '../src/inspections/sampling.ts';
import { sql } from '../src/store/sql.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-plans-'));
const as: Record<string, Caller> = {};
process.env.KEDU_CODE_KEY = 'a'.repeat(64);

before(async () => {
  await seedInspectionWorld(store);
  for (const u of ['admin', 'fy_scjg', 'fy_xf', 'fy_jiandu', 'xh_jiandu', 'xh_scjg', 'fy_officer', 'hz_teyao'])
    as[u] = (await callerForUsername(store, u))!;
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const planId = (n: number) => recordId('inspection_plans', 'fy-plan', `JH-${n}`);
const importPlans = (rows: Record<string, string>[], caller = as.fy_scjg) =>
  importRows(store, recordsSource(rows), { kind: 'inspection_plans', caller });

test('plan rows import through the same path as records; each bad row gets its own Chinese error naming the field', async () => {
  const r = await importPlans([
    planRow(1),
    planRow(2, { inspection_item_code: 'FIR-I001-01' }), // another line's item
    planRow(3, { inspection_item_code: 'NOPE-1' }), // not on the published list
    planRow(4, { officer_ids: 'OF-M1,OF-M5' }), // OF-M5's certificate ends mid-year
    planRow(5, { officer_ids: 'OF-M1,OF-M6' }), // OF-M6's certificate is revoked
    planRow(6, { method: 'targeted', entity_usccs: `${FY_ENTITIES[0]},91330111MA99999999` }), // second: bad check character
    planRow(7, { method: 'targeted', entity_usccs: `${FY_ENTITIES[0]},${XH_ENTITIES[0]}` }), // 西湖's entity, outside the caller's county
    planRow(8, { starts_on: '2020-03-01', ends_on: '2020-05-01', plan_year: '2020' }), // a window in the past
    planRow(9, { officer_ids: 'OF-F1,OF-M1' }), // an officer of another agency
    planRow(10, { method: 'targeted', entity_usccs: FY_ENTITIES.slice(0, 12).join('、'), target_count: '5' }),
  ]);
  assert.equal(r.rowsOk, 2, r.errors.map((e) => e.text).join('\n'));
  assert.equal(r.rowsBad, 8);
  const expect: [number, RegExp][] = [
    [2, /^第2条 inspection_item_code（检查事项编码）：检查事项 FIR-I001-01（.+）属于 FIR 条线，不是本执法主体（MKT 条线）的检查事项/],
    [3, /^第3条 inspection_item_code（检查事项编码）：涉企行政检查事项不存在：NOPE-1/],
    [4, /^第4条 officer_ids（执法人员库）：执法人员 OF-M5（陈静）在检查时段.+无有效执法证：行政执法证有效期至\d{4}-06-30/],
    [5, /^第5条 officer_ids（执法人员库）：执法人员 OF-M6（杨磊）.+行政执法证已吊销或注销/],
    [6, /^第6条 entity_usccs（检查对象）：91330111MA99999999：统一社会信用代码校验位错误/],
    [7, /^第7条 entity_usccs（检查对象）：检查对象 .+ 不在经营主体库中（未登记或不在您的辖区）/],
    [8, /^第8条 ends_on（结束日期）：检查时段已过：结束日期 2020-05-01 早于今天/],
    [9, /^第9条 officer_ids（执法人员库）：执法人员 OF-F1（消防员1）不属于执法主体 AG-FY-MKT/],
  ];
  for (const [row, re] of expect)
    assert.ok(
      r.errors.some((e) => re.test(e.text)),
      `row ${row}: ${r.errors.map((e) => e.text).join('\n')}`,
    );
  const [n] = await store.query<{ n: number }>('SELECT count(*) AS n FROM inspection_plans');
  assert.equal(Number(n.n), 2);
});

test('a CSV file with Chinese headers imports too, and agency staff may import only their own agency’s plans', async () => {
  const header = '计划事项编号,区划代码,执法主体编码,计划年度,计划名称,检查事项编码,抽取方式,计划检查户数,开始日期,结束日期,来源系统';
  const good = `JH-CSV,${FY},${AGENCIES.fyFir},${NEXT_YEAR},消防安全双随机,FIR-I001-01,双随机抽查,8,${NEXT_YEAR}-04-01,${NEXT_YEAR}-10-31,fy-plan`;
  const path = join(dir, 'plans.csv');
  writeFileSync(path, `${header}\n${good}\n`);
  const own = await importRows(store, await fileSource(path), { kind: 'inspection_plans', caller: as.fy_xf });
  assert.equal(own.rowsOk, 1, own.errors.map((e) => e.text).join('\n'));
  const other = await importRows(store, await fileSource(path), { kind: 'inspection_plans', caller: as.fy_scjg });
  assert.equal(other.rowsBad, 1);
  assert.match(other.errors[0].text, /执法部门账号只能导入本部门（AG-FY-MKT）的记录/);
});

test('a draw takes the target from the directory with a stored seed, two certified officers per task, and is audited', async () => {
  const r = await drawPlan(store, as.fy_scjg, planId(1));
  assert.equal(r.tasks.length, 10);
  assert.equal(r.draw.pool_size, 40, 'the catering part of the directory');
  assert.match(r.draw.seed!, /^[0-9a-f]{32}$/);
  const entities = new Set(r.tasks.map((x) => x.entity_uscc));
  assert.equal(entities.size, 10);
  for (const task of r.tasks) {
    assert.ok(FY_ENTITIES.slice(0, 40).includes(task.entity_uscc));
    const officers = task.officer_ids.split(',');
    assert.equal(officers.length, 2);
    assert.equal(new Set(officers).size, 2);
    // OF-M5 (certificate ends mid-year) and OF-M6 (revoked) never serve a task.
    for (const o of officers) assert.ok(['OF-M1', 'OF-M2', 'OF-M3', 'OF-M4'].includes(o), o);
    assert.ok(task.valid_from >= `${NEXT_YEAR}-03-01` && task.valid_to <= `${NEXT_YEAR}-11-30`);
    assert.match(task.code, /^1[0-9A-HJKMNP-TV-Z]{15}$/);
  }
  // The draw is the seed's order of the pool: the first ten.
  const [audit] = await store.query<{ detail: string }>(
    sql`SELECT detail FROM audit_log WHERE action = 'plan.draw' AND target = ${planId(1)}`,
  );
  const detail = JSON.parse(audit.detail) as { seed: string; poolSize: number; drawn: number };
  assert.equal(detail.seed, r.draw.seed);
  assert.deepEqual([detail.poolSize, detail.drawn], [40, 10]);
  await assert.rejects(drawPlan(store, as.fy_scjg, planId(1)), (e: KeduError) => e.code === 'conflict' && /已抽取/.test(e.message));
});

test('the stored seed reproduces the draw exactly; a task changed in the database, or a changed directory, is reported', async () => {
  const [draw] = await drawsOf(store, as.fy_scjg, { planId: planId(1) });
  const ok = await checkDraw(store, draw);
  assert.equal(ok.ok, true, ok.message);
  assert.equal(ok.ranks, 10);
  // The same order from the seed alone, computed here independently of the draw code's task making.
  const pool = await store.query<{ entity_uscc: string; risk_class: string }>(
    sql`SELECT entity_uscc, risk_class FROM inspection_objects WHERE agency_id = ${AGENCIES.fyMkt} AND object_type = 'catering'`,
  );
  const weights: Record<string, number> = { low: 1, medium: 2, high: 3, severe: 4 };
  const order = drawOrder(
    new SeedStream(draw.seed!),
    pool.map((p) => ({ id: p.entity_uscc, weight: weights[p.risk_class] })),
  );
  const tasks = await store.query<{ entity_uscc: string }>(
    sql`SELECT entity_uscc FROM inspection_tasks WHERE draw_id = ${draw.id} ORDER BY draw_rank`,
  );
  assert.deepEqual(
    tasks.map((x) => x.entity_uscc),
    order.slice(0, 10),
  );

  const victim = FY_ENTITIES[59];
  const [first] = await store.query<{ id: string; entity_uscc: string }>(
    sql`SELECT id, entity_uscc FROM inspection_tasks WHERE draw_id = ${draw.id} AND draw_rank = 3`,
  );
  await store.exec(sql`UPDATE inspection_tasks SET entity_uscc = ${victim} WHERE id = ${first.id}`);
  const bad = await checkDraw(store, draw);
  assert.equal(bad.ok, false);
  assert.deepEqual(bad.mismatches, [{ rank: 3, taskId: first.id, expected: first.entity_uscc, found: victim }]);
  await store.exec(sql`UPDATE inspection_tasks SET entity_uscc = ${first.entity_uscc} WHERE id = ${first.id}`);

  await store.exec(
    sql`UPDATE inspection_objects SET risk_class = 'low' WHERE agency_id = ${AGENCIES.fyMkt} AND entity_uscc = ${FY_ENTITIES[2]}`,
  );
  const changed = await checkDraw(store, draw);
  assert.equal(changed.ok, false);
  assert.match(changed.message, /名录或其风险、信用等级已变动/);
  await store.exec(
    sql`UPDATE inspection_objects SET risk_class = 'high' WHERE agency_id = ${AGENCIES.fyMkt} AND entity_uscc = ${FY_ENTITIES[2]}`,
  );
  assert.equal((await checkDraw(store, draw)).ok, true);
});

test('weighted draws favour the riskier entities: over many seeds, severe-risk entities are drawn about four times as often as low-risk ones', () => {
  const pool = Array.from({ length: 40 }, (_, i) => ({ id: `E${i}`, weight: [1, 2, 3, 4][i % 4] }));
  const hits = [0, 0, 0, 0];
  for (let s = 0; s < 400; s++) for (const id of drawOrder(new SeedStream(`seed-${s}`), pool).slice(0, 4)) hits[Number(id.slice(1)) % 4]++;
  const ratio = hits[3] / hits[0];
  assert.ok(ratio > 2.8 && ratio < 5.5, `severe/low ${ratio.toFixed(2)} (${hits.join(', ')})`);
});

test("the first k of a draw are the whole order's first k, for any k, with weights and with ties of weight", () => {
  const pool = Array.from({ length: 500 }, (_, i) => ({ id: `E${String(i).padStart(3, '0')}`, weight: [1, 2, 0.5, 4][i % 4] }));
  for (const s of ['a', 'b', 'c']) {
    const whole = drawOrder(new SeedStream(s), pool);
    assert.equal(whole.length, 500);
    for (const k of [0, 1, 2, 7, 50, 124, 125, 126, 499, 500, 600])
      assert.deepEqual(drawOrder(new SeedStream(s), pool, k), whole.slice(0, k), `seed ${s}, k ${k}`);
  }
});

test('adjustments need a reason and are audited: more entities by a supplementary draw, fewer by revoking, one replaced', async () => {
  await assert.rejects(adjustPlan(store, as.fy_scjg, planId(1), { kind: 'target', targetCount: 12, reason: '' }), /须写明原因/);
  const up = await adjustPlan(store, as.fy_scjg, planId(1), { kind: 'target', targetCount: 13, reason: '上级部署专项检查，增加户数' });
  assert.equal(up.added.length, 3);
  const firstDraw = (
    await store.query<{ entity_uscc: string }>(sql`SELECT entity_uscc FROM inspection_tasks WHERE plan_id = ${planId(1)}`)
  ).map((x) => x.entity_uscc);
  assert.equal(new Set(firstDraw).size, 13, 'the supplementary draw leaves out the entities already drawn');
  const down = await adjustPlan(store, as.fy_scjg, planId(1), { kind: 'target', targetCount: 11, reason: '人员调整，减少户数' });
  assert.equal(down.revoked.length, 2);
  const [task] = await store.query<{ id: string }>(
    sql`SELECT id FROM inspection_tasks WHERE plan_id = ${planId(1)} AND status = 'open' ORDER BY draw_rank LIMIT 1`,
  );
  const rep = await adjustPlan(store, as.fy_scjg, planId(1), { kind: 'replace', taskId: task.id, reason: '企业已注销' });
  assert.deepEqual(rep.revoked, [task.id]);
  assert.equal(rep.added.length, 1);
  const detail = await planDetail(store, as.fy_scjg, planId(1));
  assert.equal(detail.plan.target_count, 11);
  assert.equal(detail.adjustments.length, 3);
  assert.equal(detail.tasks.open, 11);
  assert.equal(detail.draws.length, 3, 'the first draw and two supplementary ones');
  for (const d of await drawsOf(store, as.fy_scjg, { planId: planId(1) })) assert.equal((await checkDraw(store, d)).ok, true, d.id);
  const audits = await store.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE target = ${planId(1)} ORDER BY seq`);
  assert.deepEqual(
    audits.map((a) => a.action),
    ['plan.draw', 'plan.adjust', 'plan.draw', 'plan.adjust', 'plan.adjust', 'plan.draw'],
  );
});

test('who sees and does what: another county sees nothing, a supervisor reads but cannot draw, an invited supervisor reads no plans', async () => {
  assert.equal((await listPlans(store, as.xh_jiandu, {}, 1, 50)).total, 0);
  assert.equal((await listTasks(store, as.xh_scjg, {}, 1, 50)).total, 0);
  assert.ok((await listPlans(store, as.fy_jiandu, {}, 1, 50)).total >= 2);
  assert.ok((await listTasks(store, as.fy_officer, {}, 1, 50)).total >= 11);
  // 富阳's fire brigade sees its own plan only.
  const fire = await listPlans(store, as.fy_xf, {}, 1, 50);
  assert.deepEqual(
    fire.rows.map((p) => p.agency_id),
    [AGENCIES.fyFir],
  );
  await assert.rejects(drawPlan(store, as.fy_jiandu, planId(10)), (e: KeduError) => e.code === 'forbidden');
  await assert.rejects(drawPlan(store, as.xh_scjg, planId(10)), (e: KeduError) => e.code === 'not_found');
  await assert.rejects(listPlans(store, as.hz_teyao, {}, 1, 10), (e: KeduError) => e.code === 'forbidden');
  const targeted = await drawPlan(store, as.admin, planId(10));
  assert.equal(targeted.tasks.length, 5);
  for (const x of targeted.tasks) assert.ok(FY_ENTITIES.slice(0, 12).includes(x.entity_uscc));
});
