// 效能评价 in a real browser over the demo data. A city supervisor reads the counties' scorecard, opens
// a county's indicators and drills from the 单人执法检查率 figure to the inspections behind it (their
// number is the store's own count), drills into the county's agencies, and opens an agency's profile
// whose figures equal the store's counts. The province's 驾驶舱 at 1920×1080: the map of Zhejiang drawn
// from its eleven city outlines, the counters equal to the store's counts, everything on one screen,
// and a click on 杭州市 drills into the city's counties. Both engines (the store), Chromium headless.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openDemoStore } from './helpers/demo-store.ts';
import { requireBrowserSetup, startBrowserServer } from './helpers/browser.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { runModels } from '../src/models/runner.ts';
import { MODELS } from '../src/models/library/index.ts';

const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;

before(async () => {
  requireBrowserSetup();
  await runModels(
    t.store,
    MODELS.filter((m) => m.groundTruth),
    { asOf: '2025-12-31' },
  );
  await addUser(t.store, 'hz_sup', 'supervisor', '330100');
  await addUser(t.store, 'zj_sup', 'supervisor', '330000');
  // The demo's day: the cockpit counts the month and the year of it.
  ({ app, base, browser } = await startBrowserServer(t.store, { asOf: '2025-12-31' }));
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
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

/** A screenshot for a person to look at, when KEDU_SCREENSHOT_DIR names a folder. */
const shot = async (p: Page, name: string) => {
  if (process.env.KEDU_SCREENSHOT_DIR) await p.screenshot({ path: `${process.env.KEDU_SCREENSHOT_DIR}/${name}.png` });
};
const count = async (q: string) => Number((await t.store.query<{ n: number }>(q))[0].n);

test('scorecard → a county’s indicators → the records behind a figure; then the county’s agencies → an agency’s profile', async () => {
  await page.goto(`${base}/evaluation?level=region&period=2025Q4`);
  await page.locator('[data-testid="scorecard-page"][data-state="ready"]').waitFor();
  const rows = page.getByTestId('scorecard-row');
  assert.equal(await rows.count(), await count("SELECT count(*) AS n FROM regions WHERE parent_code = '330100'"));
  // The county of Hangzhou with the most single-officer inspections in the quarter (which one depends on the seed).
  const [{ code }] = await t.store.query<{ code: string }>(
    `SELECT r.code FROM regions r JOIN inspections i ON i.region_code LIKE r.code || '%'
     WHERE r.parent_code = '330100' AND i.inspected_on BETWEEN '2025-10-01' AND '2025-12-31'
       AND (i.assist_officer_id IS NULL OR i.assist_officer_id = i.lead_officer_id)
     GROUP BY r.code ORDER BY count(*) DESC, r.code LIMIT 1`,
  );
  const county = page.locator(`[data-testid="scorecard-row"][data-subject="${code}"]`);
  const score = Number(await county.getAttribute('data-score'));
  assert.ok(score > 0 && score <= 100, `score ${score}`);

  await county.locator('.ant-table-row-expand-icon').click();
  const cell = page.locator('[data-testid="indicator-cell"][data-code="INS_SINGLE_OFFICER_RATE"]');
  await cell.waitFor();
  const single = await count(
    `SELECT count(*) AS n FROM inspections WHERE region_code LIKE '${code}%' AND inspected_on BETWEEN '2025-10-01' AND '2025-12-31' AND (assist_officer_id IS NULL OR assist_officer_id = lead_officer_id)`,
  );
  assert.ok(single > 0);
  assert.equal(Number(await cell.getAttribute('data-num')), single);
  await cell.getByTestId('indicator-drill').click();
  const drawer = page.locator('[data-testid="records-drawer"][data-state="ready"]');
  await drawer.waitFor();
  assert.equal(Number(await drawer.getAttribute('data-numerator')), single);
  assert.equal(
    Number(await drawer.getAttribute('data-total')),
    await count(
      `SELECT count(*) AS n FROM inspections WHERE region_code LIKE '${code}%' AND inspected_on BETWEEN '2025-10-01' AND '2025-12-31'`,
    ),
  );
  const first = drawer.getByTestId('drill-record').first();
  assert.equal(await first.getAttribute('data-num'), '1', 'the records counted in the figure come first');
  const id = await first.getAttribute('data-id');
  assert.equal(await first.locator('a').getAttribute('href'), `/records/inspections?id=${id}`);
  await page.keyboard.press('Escape');

  // The county's name drills into its agencies.
  await county.locator('a').first().click();
  await page.waitForURL(new RegExp(`region=${code}`));
  await page.locator('[data-testid="scorecard-page"][data-state="ready"]').waitFor();
  const inCounty = await count(`SELECT count(*) AS n FROM agencies WHERE region_code LIKE '${code}%'`);
  await page.locator(`[data-testid="scorecard-table"][data-count="${inCounty}"]`).waitFor();
  const agencies = await page.getByTestId('scorecard-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-subject')));
  assert.ok(agencies.length > 0);
  const regions = await t.store.query<{ region_code: string }>(
    `SELECT region_code FROM agencies WHERE id IN (${agencies.map((a) => `'${a}'`).join(', ')})`,
  );
  assert.ok(regions.every((r) => r.region_code.startsWith(code)));

  const top = page.getByTestId('scorecard-row').first();
  const agencyId = await top.getAttribute('data-subject');
  await top.locator('a').first().click();
  await page.locator('[data-testid="agency-profile"][data-state="ready"]').waitFor({ timeout: 60_000 });
  const figure = page.getByTestId('profile-figure-inspections');
  assert.equal(
    Number(await figure.getAttribute('data-value')),
    await count(
      `SELECT count(*) AS n FROM inspections WHERE agency_id = '${agencyId}' AND inspected_on BETWEEN '2025-10-01' AND '2025-12-31'`,
    ),
  );
  assert.equal(await page.getByTestId('profile-trend').getAttribute('data-count'), '12');
  assert.equal(await page.getByTestId('profile-score-history').getAttribute('data-count'), '4');
  await shot(page, 'agency-profile');
});

test('驾驶舱 at 1920×1080: the province map drawn (structure, not pixels), counters from the store, a click drills into a city', async () => {
  const screen = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await screen.goto(`${base}/login`);
  await screen.getByTestId('login-username').fill('zj_sup');
  await screen.getByTestId('login-password').fill(PASSWORD);
  await screen.getByTestId('login-submit').click();
  await screen.waitForURL(`${base}/`);
  await screen.goto(`${base}/cockpit`);
  const map = screen.locator('[data-testid="cockpit-map"][data-map="330000"][data-features]');
  await map.waitFor({ timeout: 60_000 });
  assert.equal(await map.getAttribute('data-features'), '11');
  // Eleven outlines drawn as SVG paths (plus the legend's), each city labelled.
  const paths = await map.locator('svg path').count();
  assert.ok(paths >= 11, `${paths} paths`);
  const labels = await map.locator('svg text').allTextContents();
  for (const city of ['杭州市', '宁波市', '温州市', '丽水市']) assert.ok(labels.includes(city), `label ${city}`);
  assert.equal(
    Number(await screen.getByTestId('cockpit-counter-inspectionsYear').getAttribute('data-value')),
    await count("SELECT count(*) AS n FROM inspections WHERE inspected_on BETWEEN '2025-01-01' AND '2025-12-31'"),
  );
  assert.equal(
    Number(await screen.getByTestId('cockpit-counter-cluesOpen').getAttribute('data-value')),
    await count("SELECT count(*) AS n FROM clues WHERE status NOT IN ('closed', 'dismissed', 'transferred')"),
  );
  assert.equal(await screen.getByTestId('cockpit-flow-stage').count(), 5);
  assert.ok(Number(await screen.getByTestId('cockpit-refreshed').getAttribute('data-polls')) >= 1);
  // One screen: nothing scrolls at 1920×1080.
  const size = await screen.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  assert.ok(size.w <= 1920 && size.h <= 1080, JSON.stringify(size));
  await shot(screen, 'cockpit');

  // A click on 杭州市 drills into the city's counties.
  const box = await map.locator('svg text', { hasText: '杭州市' }).first().boundingBox();
  assert.ok(box);
  await screen.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await screen.locator('[data-testid="cockpit"][data-region="330100"]').waitFor();
  const city = screen.locator('[data-testid="cockpit-map"][data-map="330100"][data-features]');
  await city.waitFor({ timeout: 60_000 });
  assert.ok(Number(await city.getAttribute('data-features')) >= 10);
  await screen.close();
});

test('案卷评查 end to end: a supervisor draws a round with a seed, scores a file with a serious defect, and the clue it raised is linked', async () => {
  await page.goto(`${base}/evaluation/reviews`);
  await page.locator('[data-testid="reviews-page"][data-state="ready"]').waitFor();
  await page.getByTestId('review-name').fill('2025年第四季度案卷评查');
  const range = page.getByTestId('review-range').locator('input');
  await range.first().click();
  await range.first().fill('2025-10-01');
  await range.nth(1).click();
  await range.nth(1).fill('2025-12-31');
  await range.nth(1).press('Enter');
  await page.getByTestId('review-seed').fill('browser-seed');
  await page.getByTestId('review-draw').click();
  const round = page.locator('[data-testid="review-round"][data-state="ready"]');
  await round.waitFor();
  const roundId = String(await round.getAttribute('data-id'));
  const [{ seed }] = await t.store.query<{ seed: string }>(`SELECT seed FROM review_rounds WHERE id = '${roundId}'`);
  assert.equal(seed, 'browser-seed');

  const row = round.locator('[data-testid="review-file-row"][data-mine="true"][data-status="pending"]').first();
  const fileId = String(await row.getAttribute('data-id'));
  await row.getByTestId('review-open').click();
  const file = page.locator('[data-testid="review-file"][data-state="ready"][data-status="pending"]');
  await file.waitFor();
  // 违法事实清楚 (F1, 10 points, a serious item) scored 0 with a note.
  // antd puts the testid on the InputNumber's wrapper or its input, by version: either way.
  await page.locator('[data-testid="review-points-F1"] input, input[data-testid="review-points-F1"]').first().fill('0');
  await page.getByTestId('review-note-F1').fill('违法事实认定缺少现场检查笔录');
  await page.getByTestId('review-summary').fill('事实认定证据不足');
  await page.getByTestId('review-submit').click();
  const done = page.locator('[data-testid="review-file"][data-status="scored"]');
  await done.waitFor();
  assert.equal(await done.getAttribute('data-score'), '90');
  const link = page.getByTestId('review-clue').locator('a');
  const clueId = String(await link.textContent());
  const [clue] = await t.store.query<{ source: string; explanation: string }>(
    `SELECT source, explanation FROM clues WHERE id = '${clueId}'`,
  );
  assert.equal(clue.source, 'case_review');
  assert.match(clue.explanation, /现场检查笔录/);
  const [f] = await t.store.query<{ score: number; clue_id: string }>(`SELECT score, clue_id FROM review_files WHERE id = '${fileId}'`);
  assert.deepEqual([Number(f.score), f.clue_id], [90, clueId]);
  await link.click();
  await page.waitForURL(`${base}/clues/${clueId}`);
});
