// A county writes its own model in a real browser: an admin of 富阳区 fills the template on 监督模型 →
// 本地模型 (inspections prompted by complaints, three or more of one enterprise in 90 days), previews it
// on the live data, saves it, switches it on, and after the batch run finds the model's clue. Debian's
// Chromium (headless) through playwright-core drives web/dist served by buildApp over a fresh store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { loadReference } from '../src/catalog/load-reference.ts';
import { openTestStore } from './helpers/store.ts';
import { choose, requireBrowserSetup, signIn, startBrowserServer } from './helpers/browser.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { inspection } from './helpers/records.ts';
import { everyHitAClue, quietEnvironment } from './helpers/clues.ts';
import { runModels } from '../src/models/runner.ts';
import { enabledLocalModels } from '../src/models/local/local-models.ts';

quietEnvironment();
const t = await openTestStore();
let app: FastifyInstance;
let browser: Browser;
let base: string;
const FY = '91330100470102706G';

before(async () => {
  requireBrowserSetup();
  await seedTwoCounties(t.store);
  await loadReference(t.store);
  for (const d of ['2025-10-15', '2025-11-01', '2025-12-01'])
    await inspection(t.store, { entity_uscc: FY, kind: 'complaint', inspected_on: d });
  await inspection(t.store, { entity_uscc: FY, kind: 'random', inspected_on: '2025-12-02' });
  await everyHitAClue(t.store); // the walk ends at the clue list: every hit opens a clue
  await addUser(t.store, 'fy_admin', 'admin', '330111');
  ({ app, base, browser } = await startBrowserServer(t.store, { asOf: '2025-12-31' }));
});

after(async () => {
  await browser?.close();
  await app?.close();
  await t.close();
});

test('an admin writes a local model from the template, previews it, switches it on and sees its clue', async () => {
  const page = await signIn(browser, base, 'fy_admin', PASSWORD, 60_000);
  await page.goto(`${base}/models`);
  await page.getByTestId('models-local-link').click();
  await page.getByTestId('local-model-editor').waitFor();

  await page.getByTestId('local-name').fill('投诉检查过密');
  await choose(page, 'local-kind', '行政检查');
  await page.getByTestId('local-add-filter').click();
  await choose(page, 'local-filter-field', 'kind');
  await choose(page, 'local-filter-op', '等于');
  await page.getByTestId('local-filter-value').fill('complaint');
  await choose(page, 'local-group', '统一社会信用代码');
  await choose(page, 'local-date', '检查日期');
  await page.getByTestId('local-window').fill('90');
  await page.getByTestId('local-threshold').fill('3');
  await page
    .getByTestId('local-explanation')
    .fill('数据显示，该企业{first_on}至{last_on}因投诉举报被检查{record_count}次，请核实检查是否必要。');
  await choose(page, 'local-regulation', '中华人民共和国行政处罚法', true);

  await page.getByTestId('local-preview').click();
  const preview = page.getByTestId('local-preview-result');
  await preview.waitFor().catch(async (e: Error) => {
    // What the page said instead: the form's field errors and any message shown.
    const said = await page.locator('.ant-form-item-explain-error, .ant-message-notice').allInnerTexts();
    throw new Error(`${e.message}\nthe page showed: ${JSON.stringify(said)}`);
  });
  assert.equal(await preview.getAttribute('data-hits'), '1');
  assert.match(await preview.innerText(), /2025-10-15至2025-12-01因投诉举报被检查3次/);

  await page.getByTestId('local-save').click();
  const toggle = page.locator('[data-testid="local-model-switch"]');
  await toggle.waitFor();
  const code = (await toggle.getAttribute('data-code'))!;
  assert.match(code, /^LOC-330111-001$/);
  assert.equal(await toggle.getAttribute('aria-checked'), 'false', 'saved switched off');
  await toggle.click();
  await page.locator('[data-testid="local-model-switch"][aria-checked="true"]').waitFor();

  // The batch run (the schedule's, the CLI's) takes the models switched on; its clue is on the list.
  const reports = await runModels(t.store, [...(await enabledLocalModels(t.store))], { asOf: '2025-12-31' });
  assert.deepEqual(
    reports.map((r) => [r.code, r.hits, r.newClues]),
    [[code, 1, 1]],
  );
  await page.goto(`${base}/models/local`);
  await page.locator(`[data-testid="local-model-clues"][data-code="${code}"]`).click();
  const row = page.locator('.ant-table-row', { hasText: '一企一档：杭州示例酒坊' });
  await row.first().waitFor();
  const [clue] = await t.store.query<{ model_code: string; bundle_subject: string }>(
    `SELECT model_code, bundle_subject FROM clues WHERE model_code = '${code}'`,
  );
  assert.equal(clue.bundle_subject, `entity|${FY}|`);
  const audit = await t.store.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE target = '${code}' AND action LIKE 'local_model.%' ORDER BY seq`,
  );
  assert.deepEqual(
    audit.map((a) => a.action),
    ['local_model.create', 'local_model.enable'],
  );
});
