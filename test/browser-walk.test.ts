// Every menu entry as every role, in Chromium, over the live demo (pinned to its day): the entries come
// from the navigation registry (web/src/nav.ts), so a new entry is walked the moment it is added. A page
// fails the walk on a placeholder, an English word or a raw field name in its visible text (real
// acronyms allowed), an error state, an API call that fails, or a console error. A role also must not
// reach an entry its menu does not show. Beside the menu: the notifications page and a clue's page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { openDemoStore } from './helpers/demo-store.ts';
import { requireBrowserSetup, signIn, startBrowserServer } from './helpers/browser.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../src/demo/demo-accounts.ts';
import { generateSupervision } from '../src/demo/supervision.ts';
import { ROLES, type Role } from '../src/auth/caller.ts';
import { NAV, allLeaves, navFor } from '../web/src/nav.ts';
import type { User } from '../web/src/api.ts';

quietEnvironment();
const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
let app: FastifyInstance;
let browser: Browser;
let base: string;

/** One demo account per role. */
const ACCOUNTS: Record<Role, string> = {
  admin: 'admin',
  supervisor: 'fy_jiandu',
  agency_staff: 'fy_zhifa',
  officer: 'fy_officer',
  invited_supervisor: 'hz_teyao',
  discipline_liaison: 'hz_jijian',
};

/**
 * Latin words a Chinese console may show: standards, file formats and acronyms people use as they are.
 * Tokens with a digit (ids, USCCs, SM3) are codes, not words, and are not looked at.
 */
const ALLOWED = new Set(['USCC', 'API', 'SHA', 'EXCEL', 'WORD', 'PDF', 'XLSX', 'CSV', 'JSON', 'JSONL', 'TXT', 'DOCX', 'GB', 'QR', 'AI']);
const PLACEHOLDER = /该功能将在后续版本提供|敬请期待|coming soon/i;

before(async () => {
  requireBrowserSetup();
  await loadReference(t.store);
  await ensureDemoAccounts(t.store);
  await generateSupervision(t.store, { seed: 1, asOf: DEMO_AS_OF });
  ({ app, base, browser } = await startBrowserServer(t.store, { asOf: DEMO_AS_OF }));
});
after(async () => {
  await browser?.close();
  await app?.close();
  await t.close();
});

interface Visit {
  problems: string[];
}

/** Opens a path and reads what the person sees once the page has loaded. */
async function visit(page: Page, path: string, failures: string[]): Promise<Visit> {
  failures.length = 0;
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
  // Pages that load in steps mark their root; wait until none is still loading.
  await page
    .waitForFunction(() => !document.querySelector('[data-state="loading"]'), undefined, { timeout: 30_000 })
    .catch(() => undefined);
  // Identifiers shown beside a name on purpose (a model's code, a username) are marked kd-code; links are addresses.
  const read = async () =>
    (
      await page.locator('#root').evaluate((root) => {
        let text = (root as HTMLElement).innerText;
        for (const code of Array.from(root.querySelectorAll<HTMLElement>('.kd-code'))) text = text.split(code.innerText).join(' ');
        return text;
      })
    ).replace(/https?:\/\/\S+/g, '');
  // What the person reads once the page has settled: a list drawn before its names arrive (a code shown
  // for a moment, then its name) is read again, until two readings 400 ms apart agree (at most 15 s).
  let text = await read();
  for (let settled = false, tries = 0; !settled && tries < 38; tries++) {
    await page.waitForTimeout(400);
    const again = await read();
    settled = again === text;
    text = again;
  }
  const problems = [...failures];
  if (PLACEHOLDER.test(text)) problems.push('placeholder');
  if (await page.getByTestId('not-found').count()) problems.push('404');
  if (await page.getByTestId('no-access').count()) problems.push('no access');
  if (await page.locator('[data-state="error"]').count()) problems.push('error state');
  for (const token of text.match(/[A-Za-z0-9_][A-Za-z0-9_./-]*/g) ?? []) {
    if (/\d/.test(token)) continue; // a code: an id, a credit code, a number
    for (const word of token.split(/[./-]/)) {
      if (word.length < 2 || ALLOWED.has(word.toUpperCase())) continue;
      problems.push(word.includes('_') ? `raw field name "${word}"` : `English word "${word}"`);
    }
  }
  if (!(await page.title()).includes('刻度')) problems.push(`title "${await page.title()}"`);
  return { problems: [...new Set(problems)] };
}

for (const role of ROLES) {
  test(`every menu entry as ${role} (${ACCOUNTS[role]})`, { timeout: 1_800_000 }, async () => {
    // Every page of a menu, one after another, on a shared machine: a step may wait a minute, not 15 s.
    const page = await signIn(browser, base, ACCOUNTS[role], DEMO_PASSWORD, 60_000);
    const failures: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(`console: ${m.text().slice(0, 200)}`);
    });
    page.on('pageerror', (e) => failures.push(`page error: ${e.message.slice(0, 200)}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) failures.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    try {
      // The menu the server's abilities open for this account (GET /auth/me, src/policy).
      const me = (await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()))) as { user: User };
      const mine = allLeaves(navFor(me.user));
      assert.ok(mine.length > 3, `${role} has a menu`);
      const report: string[] = [];
      for (const leaf of mine) {
        const { problems } = await visit(page, leaf.path, failures);
        if (problems.length) report.push(`${leaf.path}: ${problems.join('; ')}`);
        assert.equal(
          (await page.getByTestId('side-nav').getByText(leaf.label, { exact: true }).count()) > 0 || !!leaf.group,
          true,
          `${leaf.label} not in the menu`,
        );
      }
      // Beside the menu: the notifications, and the first clue the role can open.
      for (const path of ['/notifications']) {
        const { problems } = await visit(page, path, failures);
        if (problems.length) report.push(`${path}: ${problems.join('; ')}`);
      }
      await visit(page, '/clues', failures);
      const first = page.getByTestId('clue-link').first();
      if (await first.count()) {
        const href = await first.getAttribute('href');
        const { problems } = await visit(page, href!, failures);
        if (problems.length) report.push(`${href}: ${problems.join('; ')}`);
      }
      // What the menu does not show, the role does not reach.
      for (const leaf of allLeaves(NAV).filter((l) => l.built && !mine.some((m) => m.path === l.path))) {
        failures.length = 0;
        await page.goto(`${base}${leaf.path}`);
        await page
          .getByTestId('no-access')
          .waitFor({ timeout: 10_000 })
          .catch(() => report.push(`${leaf.path}: reachable though not in the menu`));
      }
      assert.deepEqual(report, [], `${role}:\n${report.join('\n')}`);
    } finally {
      await page.context().close();
    }
  });
}
