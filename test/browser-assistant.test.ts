// AI助手 in a real browser: a city supervisor asks the seed's three questions in one message and
// sees three answers — the articles quoted, the penalty, and the ten items as a table and a chart,
// with the SQL folded away; a follow-up continues the conversation; the history lists it; the table
// downloads as Excel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openDemoStore } from './helpers/demo-store.ts';
import { requireBrowserSetup, startBrowserServer } from './helpers/browser.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';

const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;

before(async () => {
  requireBrowserSetup();
  await addUser(t.store, 'hz_sup', 'supervisor', '330100');
  ({ app, base, browser } = await startBrowserServer(t.store, { asOf: DEMO_AS_OF }));
  page = await browser.newPage({ acceptDownloads: true });
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill('hz_sup');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${base}/`);
});
after(async () => {
  await browser?.close();
  await app?.close();
  await t.close();
});

test("the seed's message gets three answers: articles, penalty, and the ten items with table, chart and SQL", async () => {
  await page.goto(`${base}/assistant`);
  await page.getByTestId('assistant-input').fill('无照经营违反哪些规定?会受到哪些处罚?杭州市检查数量最多的10个事项是什么?');
  await page.getByTestId('assistant-send').click();
  const answers = page.getByTestId('answer');
  await answers.nth(2).waitFor();
  assert.equal(await answers.count(), 3);
  assert.match(await answers.nth(0).getByTestId('answer-text').innerText(), /市场主体登记管理条例》第三条/);
  await answers.nth(0).getByText('依据条文').click();
  assert.match(await answers.nth(0).getByTestId('answer-citations').innerText(), /未经登记，不得以市场主体名义从事经营活动/);
  assert.match(await answers.nth(1).getByTestId('answer-text').innerText(), /第四十三条/);
  const table = answers.nth(2).getByTestId('answer-table');
  assert.equal(await table.locator('tbody tr').count(), 10);
  assert.equal(await answers.nth(2).locator('canvas').count(), 1);
  await answers.nth(2).getByText('查询计划与 SQL').click();
  assert.match(await answers.nth(2).getByTestId('answer-sql').first().innerText(), /FROM inspections t/);
  await page.screenshot({ path: 'scratch/assistant-page.png', fullPage: true }).catch(() => undefined);

  const download = page.waitForEvent('download');
  await answers.nth(2).getByTestId('answer-export').click();
  assert.match((await download).suggestedFilename(), /\.xlsx$/);
});

test('a follow-up continues the conversation, and the history lists it', async () => {
  await page.getByTestId('assistant-input').fill('那滨江区呢');
  await page.getByTestId('assistant-send').click();
  await page.getByTestId('assistant-ask').nth(1).waitFor();
  const last = page.getByTestId('assistant-ask').nth(1).getByTestId('answer');
  assert.match(await last.getByTestId('answer-text').innerText(), /滨江区/);
  assert.equal(await page.getByTestId('assistant-history').locator('.ant-list-item').count(), 1);
});
