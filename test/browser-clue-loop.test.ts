// The clue loop in a real browser, with two people in two browser contexts: a county supervisor
// assigns a model's clue to an agency, the agency's staff accept it and submit a rectification with an
// evidence file, the supervisor closes it, and the timeline shows every step. Also: the model library
// lists every model of the library by category, and a model's page shows the article it enforces
// verbatim. Debian's Chromium (headless) through playwright-core drives web/dist served by buildApp
// over a fresh store; `npm test` builds the console first (pretest).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadReference } from '../src/catalog/load-reference.ts';
import { MODELS, findModel } from '../src/models/library/index.ts';
import { runModels } from '../src/models/runner.ts';
import { sql } from '../src/store/sql.ts';
import { openTestStore } from './helpers/store.ts';
import { requireBrowserSetup, signIn as signInAs, startBrowserServer, cspViolations, watchCsp } from './helpers/browser.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { everyHitAClue, inDays, insertClue, quietEnvironment } from './helpers/clues.ts';

const MODEL = 'INS_SAME_AGENCY_REPEAT'; // 同一部门重复检查, 浙江省综合行政执法条例 第十三条

quietEnvironment();
const t = await openTestStore();
let app: FastifyInstance;
let browser: Browser;
let base: string;
let clueId: string;
const contexts: BrowserContext[] = [];

before(async () => {
  requireBrowserSetup();
  await seedTwoCounties(t.store);
  await loadReference(t.store);
  // 富阳区综合行政执法局 inspects the same enterprise again four days after an inspection that found
  // nothing, and not on a complaint: the model raises one clue with both inspections as evidence.
  await t.store.copyIn(
    'inspections',
    [
      'id',
      'source_system',
      'source_id',
      'region_code',
      'agency_id',
      'inspection_item_code',
      'entity_uscc',
      'inspected_on',
      'kind',
      'lead_officer_id',
      'via_code',
      'result',
    ],
    [['INS-FY-R', 'test', '9', '330111', 'AG-FY-ZHZF', 'II-1', '91330100470102706G', '2025-03-14', 'planned', 'OF-1', true, 'compliant']],
  );
  await everyHitAClue(t.store); // a medium hit alone would stay at 预警: this walk is about the full loop
  const [report] = await runModels(t.store, [findModel(MODEL)!], { regionCode: '330000', trigger: 'batch' });
  assert.equal(report!.newClues, 1, 'the planted repeat inspection raises one clue');
  const [row] = await t.store.query<{ id: string }>(sql`SELECT id FROM clues WHERE model_code = ${MODEL}`);
  clueId = row!.id;

  // A second clue of the agency, two days past its deadline: the workbench counts it and marks it.
  await insertClue(t.store, {
    id: 'CL-OVERDUE',
    status: 'rectifying',
    agencyId: 'AG-FY-ZHZF',
    deadline: inDays(-2),
    title: '执法文书送达超期',
  });

  await addUser(t.store, 'fy_sup', 'supervisor', '330111');
  await addUser(t.store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');

  ({ app, base, browser } = await startBrowserServer(t.store));
});

after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.close();
  await t.close();
});

async function signIn(username: string): Promise<Page> {
  const page = await signInAs(browser, base, username, PASSWORD);
  contexts.push(page.context());
  return page;
}

async function openClue(page: Page): Promise<void> {
  await page.goto(`${base}/clues/${clueId}`);
  await page.locator('[data-testid="clue-detail"][data-state="ready"]').waitFor();
}

/** Clicks an action button, fills the dialog with `fill`, confirms, and waits for the new status. */
async function act(page: Page, action: string, to: string, fill?: (dialog: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.locator('.ant-modal', { has: page.locator(`[data-testid="action-modal"][data-action="${action}"]`) });
  await dialog.waitFor();
  if (fill) await fill(page);
  const done = page.locator(`[data-testid="clue-detail"][data-state="ready"] [data-testid="clue-status"][data-status="${to}"]`);
  const refused = dialog.getByTestId('action-error');
  // Under load a click can land while the dialog still opens and be lost: while the dialog stays open
  // with nothing said, click once more (a click on a dialog that is already sending does nothing).
  for (let attempt = 1; ; attempt++) {
    await dialog.getByTestId('action-confirm').click();
    try {
      await done.or(refused).first().waitFor({ timeout: 20_000 });
      break;
    } catch (e) {
      if (!(await dialog.isVisible())) {
        await done.waitFor({ timeout: 30_000 });
        break;
      }
      if (attempt === 2) throw e;
    }
  }
  if (await refused.isVisible()) assert.fail(`the server refused ${action}: ${await refused.textContent()}`);
}

const statusInStore = async () => (await t.store.query<{ status: string }>(sql`SELECT status FROM clues WHERE id = ${clueId}`))[0]!.status;

test('one clue walks the whole loop: the supervisor assigns, the agency accepts and rectifies, the supervisor closes', async () => {
  const started = Date.now();
  const supervisor = await signIn('fy_sup');
  const agency = await signIn('fy_staff');

  // 发现: the supervisor finds the model's clue on the list and opens it.
  await supervisor.goto(`${base}/clues?modelCode=${MODEL}`);
  await supervisor.locator('[data-testid="clues-page"][data-state="ready"]').waitFor();
  assert.equal(await supervisor.getByTestId('clues-table').getAttribute('data-total'), '1');
  await supervisor.locator(`[data-testid="clue-row"][data-id="${clueId}"] [data-testid="clue-link"]`).click();
  await supervisor.locator('[data-testid="clue-detail"][data-state="ready"]').waitFor();
  assert.match((await supervisor.getByTestId('clue-explanation').textContent()) ?? '', /再次检查（相隔4天/);
  assert.equal(await supervisor.getByTestId('clue-evidence').getAttribute('data-kind'), 'inspections');
  assert.deepEqual(await supervisor.getByTestId('evidence-link').evaluateAll((links) => links.map((a) => a.getAttribute('data-id'))), [
    'INS-FY-1',
    'INS-FY-R',
  ]);
  // The buttons are what the API allows a region supervisor on a new clue (制发文书 on any clue not dismissed).
  assert.equal(await supervisor.getByTestId('clue-actions').getAttribute('data-actions'), 'assign,triage,dismiss,transfer,upload,notice');

  // 交办: to the agency the model found (preselected), with the default deadline of a medium clue.
  await act(supervisor, 'assign', 'assigned', async (p) => {
    assert.match((await p.getByTestId('action-agency').textContent()) ?? '', /杭州市富阳区综合行政执法局/);
    await p.getByTestId('action-comment').fill('请核查重复检查原因并整改');
  });
  const deadline = await supervisor.getByTestId('clue-deadline').getAttribute('data-deadline');
  assert.match(deadline ?? '', /^\d{4}-\d{2}-\d{2}$/);

  // 签收: the agency finds it on its workbench, under 待签收.
  await agency.goto(`${base}/command`);
  await agency.locator('[data-testid="command-page"][data-state="ready"]').waitFor();
  assert.equal(await agency.getByTestId('command-view').getAttribute('data-view'), 'agency');
  assert.equal(await agency.getByTestId('command-stat-to-accept').getAttribute('data-value'), '1');
  assert.equal(await agency.getByTestId('command-stat-overdue').getAttribute('data-value'), '1');
  await agency.getByTestId('command-tab-overdue').click();
  const late = agency.locator('[data-testid="command-queue-overdue"] [data-testid="clue-row"][data-id="CL-OVERDUE"]');
  assert.equal(await late.getAttribute('data-overdue'), 'true');
  assert.equal(await late.getByTestId('overdue-tag').textContent(), '逾期2天');
  await agency.getByTestId('command-tab-accept').click();
  await agency
    .locator(`[data-testid="command-queue-accept"] [data-testid="clue-row"][data-id="${clueId}"] [data-testid="clue-link"]`)
    .click();
  await agency.locator('[data-testid="clue-detail"][data-state="ready"]').waitFor();
  assert.equal(await agency.getByTestId('clue-actions').getAttribute('data-actions'), 'accept');
  await act(agency, 'accept', 'rectifying');

  // 提交整改: a report and an evidence file, uploaded from the dialog.
  await act(agency, 'submit', 'submitted', async (p) => {
    await p.getByTestId('action-rectification').fill('已将两次检查合并为一次，并对检查计划开展自查，建立同一企业检查统筹机制。');
    await p.locator('[data-testid="action-files"] input[type="file"]').setInputFiles({
      name: '整改报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 rectification report\n'),
    });
  });
  assert.equal(await agency.getByTestId('clue-attachments').getAttribute('data-count'), '1');
  assert.equal(await agency.getByTestId('clue-actions').getAttribute('data-actions'), '');

  // 销号: the supervisor reviews the submission and closes the clue.
  await openClue(supervisor);
  assert.match((await supervisor.getByTestId('clue-rectification').textContent()) ?? '', /检查统筹机制/);
  assert.equal(await supervisor.getByTestId('clue-actions').getAttribute('data-actions'), 'close,return,transfer,upload,notice');
  await act(supervisor, 'close', 'closed', async (p) => {
    await p.getByTestId('action-comment').fill('整改到位，予以销号');
  });
  assert.equal(await statusInStore(), 'closed');

  // The timeline holds every step, in order, with who did it.
  const events = supervisor.getByTestId('timeline-event');
  assert.deepEqual(await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))), [
    'create',
    'assign',
    'accept',
    'attach',
    'submit',
    'close',
  ]);
  const text = (await supervisor.getByTestId('clue-timeline').textContent()) ?? '';
  for (const words of [
    '发现',
    '交办',
    '承办单位：杭州市富阳区综合行政执法局',
    '签收',
    '上传材料',
    '提交整改',
    '证明材料：整改报告.pdf',
    '销号',
    'fy_sup',
    'fy_staff',
  ]) {
    assert.ok(text.includes(words), `timeline mentions ${words}: ${text}`);
  }

  // An evidence id opens the inspection in the 执法数据 drawer.
  await supervisor.locator('[data-testid="evidence-link"][data-id="INS-FY-R"]').click();
  await supervisor.locator('[data-testid="record-drawer"][data-id="INS-FY-R"][data-state="ready"]').waitFor();
  assert.equal(await supervisor.getByTestId('record-field-inspected_on').getAttribute('data-value'), '2025-03-14');
  console.log(`clue loop: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('the model library lists every model by category, and a model page shows the article it enforces', async () => {
  const started = Date.now();
  const page = await signIn('fy_sup');
  await page.goto(`${base}/models`);
  await page.locator('[data-testid="models-page"][data-state="ready"]').waitFor();
  const codes = await page.getByTestId('model-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
  assert.deepEqual([...codes].sort(), MODELS.map((m) => m.code).sort());
  assert.equal(await page.getByTestId('models-count').getAttribute('data-count'), String(MODELS.length));
  const inspection = MODELS.filter((m) => m.category === 'inspection').length;
  assert.equal(await page.getByTestId('models-group-inspection').getAttribute('data-count'), String(inspection));
  // The county's clue count of the model, and its basis as a link to the law at the article.
  const row = page.locator(`[data-testid="model-row"][data-code="${MODEL}"]`);
  assert.equal(await row.getByTestId('model-clues').getAttribute('data-count'), '1');
  const basis = row.getByTestId('model-basis-link');
  assert.equal(await basis.getAttribute('data-regulation'), 'zhejiang-zonghe-xingzheng-zhifa-tiaoli');
  assert.equal(await basis.getAttribute('data-article'), '13');
  assert.equal(await basis.textContent(), '《浙江省综合行政执法条例》第十三条');

  // The model's page: the article verbatim, as the corpus holds it.
  await row.getByTestId('model-link').click();
  await page.locator('[data-testid="model-detail"][data-state="ready"]').waitFor();
  assert.equal(await page.getByTestId('model-name').textContent(), '同一部门重复检查');
  const [article] = await t.store.query<{ text: string }>(
    sql`SELECT text FROM articles WHERE regulation_id = 'zhejiang-zonghe-xingzheng-zhifa-tiaoli' AND number = 13`,
  );
  const shown = (await page.getByTestId('model-basis-text').textContent()) ?? '';
  assert.ok(shown.startsWith('第十三条'), shown.slice(0, 20));
  assert.equal(shown.replace(/^第十三条/, ''), article!.text);
  assert.equal(await page.locator('[data-testid="model-param-row"][data-name="window_days"]').getAttribute('data-value'), '7');
  assert.equal(await page.getByTestId('model-clue-total').getAttribute('data-count'), '1');

  // Running it again finds the same hit and raises no second clue.
  await page.getByTestId('model-run').click();
  const result = page.getByTestId('model-run-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-hits'), '1');
  assert.equal(await result.getAttribute('data-new-clues'), '0');

  // The citation opens the law at that article.
  await page.locator('[data-testid="model-basis"] [data-testid="model-basis-link"]').click();
  await page.locator('[data-testid="regulation-detail"][data-state="ready"]').waitFor();
  assert.equal(await page.locator('[data-testid="article-13"]').getAttribute('data-focused'), 'true');
  console.log(`model library: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('the public portal takes a report without an account and shows its stage by the follow-up code', async () => {
  const started = Date.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = watchCsp(await context.newPage());
  page.setDefaultTimeout(15_000);
  const login = await page.goto(`${base}/login`);
  assert.match(login!.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  await page.getByTestId('login-portal-link').click();
  await page.getByTestId('portal-report-form').waitFor();
  // The honeypot is in the form but out of sight and out of the tab order.
  const honeypot = page.getByTestId('portal-website');
  assert.equal(await honeypot.getAttribute('tabindex'), '-1');
  assert.equal(await honeypot.isVisible(), true, 'rendered (bots see it)');
  const box = await honeypot.boundingBox();
  assert.ok(box && box.x + box.width < 0, 'but off screen');

  await page.getByTestId('portal-region').click();
  await page.keyboard.type('富阳');
  await page.locator('.ant-select-item-option[title="杭州市富阳区"], .ant-select-item-option:has-text("杭州市富阳区")').first().click();
  await page.getByTestId('portal-content').fill('本月内执法人员先后三次到我店检查同一事项，每次都说是例行检查，影响正常经营。');
  // Sent at once: the form waits out the server's minimum fill time (5 s after the token) by itself.
  await page.getByTestId('portal-submit').click();
  const result = page.getByTestId('portal-result');
  await result.waitFor();
  const code = (await result.getAttribute('data-code'))!;
  assert.match(code, /^[A-HJKMNP-Z2-9]{10}$/);

  await page.getByTestId('portal-result-status-link').click();
  const status = page.getByTestId('portal-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-stage'), '已受理');
  const [clue] = await t.store.query<{ source: string; region_code: string }>(
    sql`SELECT c.source, c.region_code FROM clues c JOIN clue_reports r ON r.clue_id = c.id WHERE r.source = 'public'`,
  );
  assert.deepEqual({ ...clue }, { source: 'public', region_code: '330111' });
  console.log(`portal: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('no page of the clue loop, the model library or the portal broke the Content-Security-Policy', () => {
  assert.deepEqual(cspViolations, []);
});
