// The console in a real browser against the real server: Debian's Chromium (headless, through
// playwright-core) drives web/dist served by buildApp over a fresh store. It checks what a county
// supervisor sees — the home figures equal the store's counts for the county, the law opens at
// 第三十三条, and the inspection list holds the county's records only. It builds nothing:
// `npm test` builds the console first (pretest).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { loadReference } from '../src/catalog/load-reference.ts';
import { raw, sql } from '../src/store/sql.ts';
import { openTestStore } from './helpers/store.ts';
import { cspViolations, requireBrowserSetup, startBrowserServer, watchCsp } from './helpers/browser.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { copyRows } from './helpers/records.ts';

const COUNTY = '330111'; // 富阳区; the other county of the fixtures is 西湖区 330106

const t = await openTestStore();
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;

/** A day `n` days before today, YYYY-MM-DD: inside the dashboard's default period (the last 12 months). */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

before(async () => {
  requireBrowserSetup();

  // The fixtures' two counties, then the real reference catalog (it replaces their regions and lines).
  await seedTwoCounties(t.store);
  await loadReference(t.store);
  // The fixtures' records date from 2025; add recent ones so that the home page counts are not zero.
  const ins = [
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
  ];
  await copyRows(t.store, 'inspections', ins, [
    [
      'INS-FY-2',
      'test',
      '3',
      '330111',
      'AG-FY-ZHZF',
      'CLE-I001-01',
      '91330100470102706G',
      daysAgo(10),
      'random',
      'OF-1',
      true,
      'compliant',
    ],
    ['INS-FY-3', 'test', '4', '330111', 'AG-FY-ZHZF', 'CLE-I001-02', '91330100470102706G', daysAgo(40), 'planned', 'OF-1', false, 'issues'],
    [
      'INS-XH-2',
      'test',
      '5',
      '330106',
      'AG-XH-SCJG',
      'MKT-I001-01',
      '91330000733796106P',
      daysAgo(12),
      'random',
      'OF-2',
      true,
      'compliant',
    ],
  ]);
  const cs = [
    'id',
    'source_system',
    'source_id',
    'region_code',
    'agency_id',
    'item_code',
    'entity_uscc',
    'filed_on',
    'first_offence',
    'corrected',
    'harm',
    'lead_officer_id',
    'status',
  ];
  await copyRows(t.store, 'cases', cs, [
    ['CASE-FY-2', 'test', '3', '330111', 'AG-FY-ZHZF', 'CLE-P022', '91330100470102706G', daysAgo(9), true, true, 'none', 'OF-1', 'open'],
    [
      'CASE-XH-2',
      'test',
      '4',
      '330106',
      'AG-XH-SCJG',
      'MKT-P001',
      '91330000733796106P',
      daysAgo(20),
      false,
      false,
      'minor',
      'OF-2',
      'open',
    ],
  ]);
  await addUser(t.store, 'fy_sup', 'supervisor', COUNTY);

  ({ app, base, browser } = await startBrowserServer(t.store));
  page = watchCsp(await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }));
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await t.close();
});

async function count(table: 'inspections' | 'cases', dateColumn: string, from: string, to: string): Promise<number> {
  const [row] = await t.store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${raw(table)} WHERE region_code LIKE ${`${COUNTY}%`} AND ${raw(dateColumn)} BETWEEN ${from} AND ${to}`,
  );
  return Number(row!.n);
}

test('a county supervisor signs in and the home figures equal the store counts of the county', async () => {
  const login = await page.goto(`${base}/login`);
  // The console is served under its Content-Security-Policy (src/api/hardening.ts); the last test
  // checks that no page broke it.
  assert.match(login!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.getByTestId('login-username').fill('fy_sup');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor();
  assert.match((await page.getByTestId('header-region').textContent()) ?? '', /富阳区/);

  const range = page.getByTestId('dashboard-range');
  const from = (await range.getAttribute('data-from'))!;
  const to = (await range.getAttribute('data-to'))!;
  const inspections = Number(await page.getByTestId('stat-inspections').getAttribute('data-value'));
  const cases = Number(await page.getByTestId('stat-cases').getAttribute('data-value'));
  assert.equal(inspections, await count('inspections', 'inspected_on', from, to));
  assert.equal(cases, await count('cases', 'filed_on', from, to));
  // The recent records of the county are in the period; 西湖区's are not counted.
  assert.equal(inspections, 2);
  assert.equal(cases, 1);
});

test('the law opens article by article: 行政处罚法 第三十三条, verbatim', async () => {
  await page.goto(`${base}/catalog/regulations`);
  await page.getByTestId('regulation-link-xingzheng-chufa-fa').click();
  await page.locator('[data-testid="regulation-detail"][data-state="ready"]').waitFor();
  assert.equal(await page.getByTestId('regulation-title').textContent(), '中华人民共和国行政处罚法');
  const article = page.getByTestId('article-33');
  const text = (await article.textContent()) ?? '';
  assert.ok(text.startsWith('第三十三条'), text.slice(0, 40));
  assert.match(text, /违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。/);
});

test('the inspection list holds the records of the county and no other', async () => {
  await page.goto(`${base}/records/inspections`);
  await page.locator('[data-testid="records-page"][data-state="ready"]').waitFor();
  const ids = await page.getByTestId('record-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  const expected = await t.store.query<{ id: string }>(sql`SELECT id FROM inspections WHERE region_code LIKE ${`${COUNTY}%`} ORDER BY id`);
  assert.deepEqual(
    [...ids].sort(),
    expected.map((r) => r.id),
  );
  assert.deepEqual([...ids].sort(), ['INS-FY-1', 'INS-FY-2', 'INS-FY-3']);
  assert.equal(await page.getByTestId('records-table').getAttribute('data-total'), '3');
  // The names are the catalog's and the agency's, not codes.
  await page.getByText('杭州市富阳区综合行政执法局').first().waitFor();
});

test('no page of the console broke its Content-Security-Policy', async () => {
  // The charts page too: ECharts draws on canvas under the same policy.
  await page.goto(`${base}/`);
  await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor();
  assert.deepEqual(cspViolations, []);
});
