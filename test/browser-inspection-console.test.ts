// The staff's side of inspections in a real browser: an agency's staff open their plan, draw it, check
// that the draw reproduces from its seed, adjust it (a reason is required: the server's Chinese error
// shows next to the field), open a drawn task and print its A6 notice with the code and the QR code of
// its verify page; the county's supervisor runs the merge suggestions, both agencies accept one, and
// the burden chart shows one visit fewer. Scope: an agency's staff see neither another agency's plan of
// their county nor another county's, in the list or by its address. Debian's Chromium through
// playwright-core, web/dist served by buildApp over a fresh store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { openTestStore } from './helpers/store.ts';
import { choose, cspViolations, requireBrowserSetup, signIn, startBrowserServer } from './helpers/browser.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { PASSWORD } from './helpers/fixtures.ts';
import { AGENCIES, FY_ENTITIES, NEXT_YEAR, XH, XH_ENTITIES, planRow, seedInspectionWorld } from './helpers/inspection-world.ts';
import { callerForUsername } from '../src/auth/users.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { drawPlan } from '../src/inspections/draw.ts';
import { displayCode } from '../src/inspections/action-code.ts';
import { recordId } from '../src/records/record-id.ts';
import { sql } from '../src/store/sql.ts';

quietEnvironment();
process.env.KEDU_CODE_KEY = 'e'.repeat(64);
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
let browser: Browser;
let base: string;
const TARGETS = FY_ENTITIES.slice(0, 3);
const MKT_PLAN = recordId('inspection_plans', 'fy-plan', 'JH-1');
const FIRE_PLAN = recordId('inspection_plans', 'fy-plan', 'JH-2');
const XH_PLAN = recordId('inspection_plans', 'xh-plan', 'JH-9');

before(async () => {
  requireBrowserSetup();
  await seedInspectionWorld(store);
  // Market supervision and the fire brigade of 富阳 plan the same three restaurants in March (the dining
  // scenario joins their items); 西湖's market supervision plans its own county.
  const window = {
    method: 'targeted',
    entity_usccs: TARGETS.join(','),
    target_count: '3',
    starts_on: `${NEXT_YEAR}-03-01`,
    ends_on: `${NEXT_YEAR}-03-20`,
  };
  const as = async (username: string) => (await callerForUsername(store, username))!;
  const plan = async (username: string, row: Record<string, string>) => {
    const r = await importRows(store, recordsSource([row]), { kind: 'inspection_plans', caller: await as(username) });
    assert.equal(r.rowsOk, 1, r.errors.map((e) => e.text).join('\n'));
  };
  await plan('fy_scjg', planRow(1, window));
  await plan(
    'fy_xf',
    planRow(2, { ...window, agency_id: AGENCIES.fyFir, inspection_item_code: 'FIR-I001-09', object_type: '', weighting: 'none' }),
  );
  await plan(
    'xh_scjg',
    planRow(9, {
      source_system: 'xh-plan',
      region_code: XH,
      agency_id: AGENCIES.xhMkt,
      name: `${NEXT_YEAR}年西湖餐饮抽查`,
      method: 'targeted',
      entity_usccs: XH_ENTITIES.slice(0, 2).join(','),
      target_count: '2',
      object_type: '',
    }),
  );
  // The fire brigade draws its plan itself; market supervision draws in the browser.
  await drawPlan(store, await as('fy_xf'), FIRE_PLAN);
  ({ app, base, browser } = await startBrowserServer(store));
});
after(async () => {
  await browser?.close();
  await app?.close();
  await t.close();
});

const ready = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-state="ready"]`).waitFor();

test('plan → draw → draw-check → adjustment with a reason → task → A6 notice with the code and its QR code', async () => {
  const page = await signIn(browser, base, 'fy_scjg', PASSWORD);
  // Through the menu: the group 检查计划 and its 年度计划.
  await page.getByTestId('side-nav').getByText('检查计划', { exact: true }).click();
  await page.getByTestId('side-nav').getByText('年度计划', { exact: true }).click();
  await ready(page, 'plans-page');
  assert.deepEqual(await page.getByTestId('plan-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))), [MKT_PLAN]);
  assert.match(await page.getByTestId('plan-counts').innerText(), /^3 \/ 0$/);
  await page.getByTestId('plan-link').click();
  await ready(page, 'plan-page');

  await page.getByTestId('draw-button').click();
  await page.getByTestId('draw-seed').waitFor();
  const [draw] = await store.query<{ seed: string }>(sql`SELECT seed FROM plan_draws WHERE plan_id = ${MKT_PLAN}`);
  assert.equal(await page.getByTestId('draw-seed').innerText(), draw.seed);
  await page.locator('[data-testid="tasks-table"][data-total="3"]').waitFor();
  assert.equal(await page.getByTestId('draw-button').count(), 0, 'drawn once');

  await page.getByTestId('draw-check-button').click();
  assert.equal(await page.getByTestId('draw-check').getAttribute('data-ok'), 'true');
  assert.match(await page.getByTestId('draw-check').innerText(), /复核一致/);

  // An adjustment without a reason: the server's refusal, next to the reason field.
  await page.getByTestId('adjust-button').click();
  await choose(page, 'adjust-kind', '调整结束日期');
  await page.getByTestId('adjust-ends-on').fill(`${NEXT_YEAR}-03-25`);
  await page.getByTestId('adjust-submit').click();
  assert.match(await page.getByTestId('field-error-reason').innerText(), /调整须写明原因/);
  await page.getByTestId('adjust-reason').fill('消防联合检查需延后五天');
  await page.getByTestId('adjust-submit').click();
  await page.getByTestId('adjustment-row').waitFor();
  assert.match(await page.getByTestId('adjustment-row').innerText(), /消防联合检查需延后五天/);

  // The tasks list holds this agency's three tasks, not the fire brigade's.
  await page.goto(`${base}/inspections/tasks`);
  await page.locator('[data-testid="tasks-table"][data-state="ready"][data-total="3"]').waitFor();
  const [task] = await store.query<{ id: string; code: string }>(
    sql`SELECT id, code FROM inspection_tasks WHERE plan_id = ${MKT_PLAN} ORDER BY planned_on DESC, serial DESC LIMIT 1`,
  );
  await page.locator(`[data-testid="task-row"][data-id="${task.id}"] [data-testid="task-link"]`).click();
  await ready(page, 'inspection-task-page');
  assert.equal(await page.getByTestId('task-code').innerText(), displayCode(task.code));
  for (const o of await page.getByTestId('task-officer').allInnerTexts()) assert.match(o, /ZJ330111\d+/);

  await page.getByTestId('print-notice').click();
  await ready(page, 'notice-print-page');
  assert.equal(await page.getByTestId('notice-code').innerText(), displayCode(task.code));
  const qr = page.getByTestId('notice-qr');
  assert.match((await qr.getAttribute('data-url')) ?? '', new RegExp(`/verify/${task.code}$`));
  assert.ok(
    await qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    'the QR code is drawn',
  );
  assert.equal(await page.getByTestId('side-nav').count(), 0, 'the notice prints without the console shell');
  const sheet = await page.getByTestId('notice-sheet').innerText();
  for (const text of ['杭州市富阳区市场监督管理局', '富阳示例企业', '执法证号 ZJ330111', '至']) assert.ok(sheet.includes(text), text);
  // On paper: one A6 page (105 × 148 mm), the buttons left out.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const size = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  assert.ok(size, 'a page size in the PDF');
  assert.deepEqual([Math.round(Number(size[1]) / 2.835), Math.round(Number(size[2]) / 2.835)], [105, 148], 'A6 in millimetres');
  assert.equal(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 1, 'one sheet');
  await page.context().close();
});

test('the merge board: the supervisor runs suggestions, both agencies accept one, the burden chart shows one visit fewer', async () => {
  const supervisor = await signIn(browser, base, 'fy_jiandu', PASSWORD);
  await supervisor.goto(`${base}/inspections/merge?year=${NEXT_YEAR}`);
  await ready(supervisor, 'merge-page');
  await supervisor.getByTestId('merge-window').fill('500');
  await supervisor.getByTestId('merge-run-button').click();
  assert.match(await supervisor.getByTestId('field-error-windowDays').innerText(), /窗口|1至180|windowDays/);
  await supervisor.getByTestId('merge-window').fill('30');
  await supervisor.getByTestId('merge-from').fill(`${NEXT_YEAR}-01-01`);
  await supervisor.getByTestId('merge-run-button').click();
  assert.equal(await supervisor.getByTestId('merge-report').getAttribute('data-suggestions'), '3');
  await supervisor.locator('[data-testid="suggestions-table"][data-total="3"]').waitFor();
  await supervisor.locator('[data-testid="burden"][data-state="ready"] canvas').first().waitFor();
  const histogram = supervisor.getByTestId('burden-histogram');
  assert.equal(await histogram.getAttribute('data-merged'), '0,3,0,0,0,0', 'three entities visited twice each');
  assert.equal(await supervisor.getByTestId('accept-button').count(), 0, 'a supervisor decides nothing for an agency');

  const [suggestion] = await store.query<{ id: string }>(sql`SELECT id FROM merge_suggestions ORDER BY id LIMIT 1`);
  for (const username of ['fy_scjg', 'fy_xf']) {
    const staff = await signIn(browser, base, username, PASSWORD);
    await staff.goto(`${base}/inspections/merge`);
    await ready(staff, 'merge-page');
    assert.equal(await staff.getByTestId('burden').count(), 0, 'the burden is the supervisors');
    const row = staff.locator(`[data-testid="suggestion-row"][data-id="${suggestion.id}"]`);
    await row.getByTestId('accept-button').click();
    // Sent without a reason: refused next to the field. A click lost under load (the dialog still
    // opening) is sent again; a second empty submit is refused the same way.
    const submit = staff.getByTestId('decide-submit');
    const refusal = staff.getByTestId('field-error-reason');
    await submit.waitFor();
    for (let i = 0; i < 3 && !(await refusal.isVisible()); i++) {
      await submit.click();
      await refusal.waitFor({ timeout: 8_000 }).catch(() => undefined);
    }
    assert.match(await refusal.innerText(), /理由|原因/);
    await staff.getByTestId('decide-reason').fill('同一餐饮场所，联合检查一次完成');
    await staff.getByTestId('decide-submit').click();
    await row.getByTestId('accept-button').waitFor({ state: 'detached' });
    await staff.context().close();
  }
  await supervisor.reload();
  await supervisor.locator(`[data-testid="suggestion-row"][data-id="${suggestion.id}"][data-status="accepted"]`).waitFor();
  await supervisor.locator('[data-testid="burden"][data-state="ready"] canvas').first().waitFor();
  assert.equal(await histogram.getAttribute('data-merged'), '1,2,0,0,0,0', 'the merged entity is visited once');
  await supervisor.context().close();
});

test("an agency's staff see neither another agency's plan of their county nor another county's", async () => {
  const page = await signIn(browser, base, 'fy_scjg', PASSWORD);
  await page.goto(`${base}/inspections/plans`);
  await ready(page, 'plans-page');
  const ids = await page.getByTestId('plan-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  assert.deepEqual(ids, [MKT_PLAN]);
  for (const other of [FIRE_PLAN, XH_PLAN]) {
    await page.goto(`${base}/inspections/plans/${encodeURIComponent(other)}`);
    await page.locator('[data-testid="plan-page"][data-state="error"]').waitFor();
    assert.equal(await page.getByTestId('plan-facts').count(), 0);
    assert.ok(!(await page.locator('#root').innerText()).includes('西湖餐饮'), 'nothing of the plan shows');
  }
  // The tasks of the fire brigade's plan are not listed either.
  await page.goto(`${base}/inspections/tasks`);
  await page.locator('[data-testid="tasks-table"][data-state="ready"]').waitFor();
  const listed = await page.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  const fire = (await store.query<{ id: string }>(sql`SELECT id FROM inspection_tasks WHERE plan_id = ${FIRE_PLAN}`)).map((r) => r.id);
  assert.ok(listed.length >= 3 && fire.length === 3);
  assert.deepEqual(
    listed.filter((id) => fire.includes(id!)),
    [],
  );
  await page.context().close();
  assert.deepEqual(cspViolations, []);
});

test("新建计划: an agency's staff make a plan item in the console; the import's refusal shows next to its field; the plan lands", async () => {
  const page = await signIn(browser, base, 'fy_scjg', PASSWORD);
  await page.goto(`${base}/inspections/plans`);
  await ready(page, 'plans-page');
  await page.getByTestId('plan-new').click();
  const name = `${NEXT_YEAR}年食品经营场所卫生双随机抽查`;
  await page.getByTestId('plan-name').fill(name);
  await choose(page, 'plan-item', 'MKT-I001-03', true);
  await page.getByTestId('plan-target').fill('5');
  await page.getByTestId('plan-starts-on').fill(`${NEXT_YEAR}-05-01`);
  await page.getByTestId('plan-ends-on').fill(`${NEXT_YEAR}-04-01`);
  await page.getByTestId('plan-submit').click();
  // The import's own check, next to the field it names; nothing landed.
  assert.match(await page.getByTestId('plan-error-ends_on').innerText(), /早于开始日期/);
  const landed = () =>
    store.query<{ source_system: string; agency_id: string; target_count: number }>(
      sql`SELECT source_system, agency_id, target_count FROM inspection_plans WHERE name = ${name}`,
    );
  assert.deepEqual(await landed(), []);

  await page.getByTestId('plan-ends-on').fill(`${NEXT_YEAR}-09-30`);
  await page.getByTestId('plan-submit').click();
  await page.getByTestId('plan-form').waitFor({ state: 'detached' });
  await page.locator('[data-testid="plan-link"]', { hasText: name }).waitFor();
  const [plan] = await landed();
  assert.equal(plan.source_system, 'console');
  assert.equal(plan.agency_id, AGENCIES.fyMkt);
  assert.equal(Number(plan.target_count), 5);
  await page.context().close();
});

test("临时检查赋码: an agency's staff code a complaint's visit in the console; the server's refusal shows next to its field; the task opens with its code", async () => {
  const page = await signIn(browser, base, 'fy_scjg', PASSWORD);
  await page.goto(`${base}/inspections/tasks`);
  await ready(page, 'inspection-tasks-page');
  await page.getByTestId('task-new').click();
  // Only the items of the agency's line are offered (market supervision: MKT-), and only its own officers.
  const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';
  await page.getByTestId('task-item').click();
  await page.locator(openDropdown).first().waitFor();
  const items = await page.locator(openDropdown).allInnerTexts();
  assert.ok(items.length > 0 && items.every((i) => /（MKT-/.test(i)), items.join(' | '));
  await page.keyboard.press('Escape');
  await choose(page, 'task-item', 'MKT-I001-03', true);
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
  await page.getByTestId('task-officers').click();
  const offered = await page.locator(openDropdown).allInnerTexts();
  assert.deepEqual(
    offered.map((o) => /（(OF-\w+)）/.exec(o)?.[1]),
    ['OF-M1', 'OF-M2', 'OF-M3', 'OF-M4', 'OF-M5', 'OF-M6'],
  );
  for (const name of ['张伟', '王芳']) await page.locator(openDropdown, { hasText: name }).click();
  await page.keyboard.press('Escape');
  for (const name of ['张伟', '王芳'])
    await page.getByTestId('task-officers').locator('.ant-select-selection-item', { hasText: name }).waitFor();
  // An enterprise of another county: refused by the server, next to the field.
  await page.getByTestId('task-entity').fill(XH_ENTITIES[0]);
  await page.getByTestId('task-reason').fill('消费者投诉后厨卫生问题，现场核查');
  await page.getByTestId('task-submit').click();
  assert.match(await page.getByTestId('field-error-entityUscc').innerText(), /不在本执法主体的管辖区划内/);
  const landed = () =>
    store.query<{ id: string; origin: string; officer_ids: string; reason: string }>(
      sql`SELECT id, origin, officer_ids, reason FROM inspection_tasks WHERE entity_uscc = ${FY_ENTITIES[40]} AND origin <> 'plan'`,
    );
  assert.deepEqual(await landed(), []);

  await page.getByTestId('task-entity').fill(FY_ENTITIES[40]);
  await page.getByTestId('task-submit').click();
  await ready(page, 'inspection-task-page');
  const [task] = await landed();
  assert.equal(task.origin, 'complaint');
  assert.equal(task.officer_ids, 'OF-M1,OF-M2');
  assert.equal(page.url(), `${base}/inspections/tasks/${encodeURIComponent(task.id)}`);
  const [row] = await store.query<{ code: string }>(sql`SELECT code FROM inspection_tasks WHERE id = ${task.id}`);
  assert.equal((await page.getByTestId('task-code').innerText()).replace(/\s/g, ''), displayCode(row.code).replace(/\s/g, ''));
  const [audit] = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM audit_log WHERE action = 'task.create' AND target = ${task.id}`,
  );
  assert.equal(Number(audit.n), 1);
  await page.context().close();
  assert.deepEqual(cspViolations, []);
});
