// The console in a real browser against the real server, for the browser tests: buildApp serves
// web/dist over a test store, and Debian's Chromium (headless, through playwright-core) drives it.
// Nothing is built here: `npm test` builds the console first (pretest).
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type AppOptions } from '../../src/api/app.ts';
import type { Store } from '../../src/store/store.ts';

const WEB_ROOT = 'web/dist';
const CHROMIUM = '/usr/bin/chromium';

/** Throws unless the built console and Chromium are there: call it before seeding, to fail fast. */
export function requireBrowserSetup(): void {
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    throw new Error(`${WEB_ROOT}/index.html is missing: build the console first (npm run build:web; npm test does it in pretest)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
}

export interface BrowserServer {
  app: FastifyInstance;
  base: string;
  browser: Browser;
}

/** Starts the server over the store on a free port and launches headless Chromium; `options` as buildApp's (asOf …). */
export async function startBrowserServer(store: Store, options: Partial<AppOptions> = {}): Promise<BrowserServer> {
  const app = await buildApp({ store, webRoot: WEB_ROOT, checkResponses: true, ...options });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return { app, base, browser };
}

/** Content-Security-Policy violations the console reported in the pages handed to watchCsp. */
export const cspViolations: string[] = [];

/** Records the page's CSP violations (Chromium reports each on the console): none may occur. */
export function watchCsp(page: Page): Page {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

/**
 * A signed-in page in a browser context of its own (its own cookie jar: one person at one desk).
 * `timeout`: how long any step of the page may wait (a long walk over a loaded machine needs more).
 */
export async function signIn(browser: Browser, base: string, username: string, password: string, timeout = 15_000): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = watchCsp(await context.newPage());
  page.setDefaultTimeout(timeout);
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="dashboard"]').waitFor();
  return page;
}

/**
 * Opens the select with the test id, picks the option showing `text` and waits until the select shows
 * it. Under load a pick can be lost to a dropdown that closes or re-renders as it is clicked (seen in
 * CI on PostgreSQL: the select never showed the option); then the dropdown is closed and the pick made
 * again, three times at most, so that a select that really cannot take the option still fails here.
 */
export async function choose(page: Page, testId: string, text: string, search = false): Promise<void> {
  const select = page.getByTestId(testId);
  const shown = select.locator('.ant-select-content, .ant-select-selection-item', { hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) {
      await select.locator('input').fill('');
      await select.locator('input').pressSequentially(text);
    }
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
    try {
      await shown.waitFor({ timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}
