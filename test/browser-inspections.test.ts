// The enterprise's side of a 行政行为码 in a real browser on a phone-sized screen (390×844), no account:
// the verify page a notice's QR code opens shows what the code stands for — agency, item, legal basis,
// officers with certificate numbers, window — and takes one rating from the visited entity; a code with
// one character changed, a malformed one and a revoked one each show their own answer and nothing of
// any task. Debian's Chromium through playwright-core, web/dist served by buildApp over a fresh store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openTestStore } from './helpers/store.ts';
import { requireBrowserSetup, startBrowserServer } from './helpers/browser.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { AGENCIES, FY_ENTITIES, seedInspectionWorld } from './helpers/inspection-world.ts';
import { callerForUsername } from '../src/auth/users.ts';
import { createAdhocTask, revokeTask, type IssuedTask } from '../src/inspections/tasks.ts';
import { displayCode } from '../src/inspections/action-code.ts';
import { addDays, businessDate } from '../src/domain/dates.ts';
import { sql } from '../src/store/sql.ts';

quietEnvironment();
process.env.KEDU_CODE_KEY = 'd'.repeat(64);
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let context: BrowserContext;
let phone: Page;
let task: IssuedTask;
let revoked: IssuedTask;

before(async () => {
  requireBrowserSetup();
  await seedInspectionWorld(store);
  const staff = (await callerForUsername(store, 'fy_scjg'))!;
  const today = businessDate(new Date());
  const adhoc = (entity: string) =>
    createAdhocTask(store, staff, {
      agencyId: AGENCIES.fyMkt,
      entityUscc: entity,
      inspectionItemCode: 'MKT-I001-03',
      officerIds: ['OF-M1', 'OF-M2'],
      validFrom: today,
      validTo: addDays(today, 5),
      origin: 'complaint',
      reason: '投诉举报核查',
    });
  task = await adhoc(FY_ENTITIES[0]);
  revoked = await adhoc(FY_ENTITIES[1]);
  await revokeTask(store, staff, revoked.id, '投诉已撤回');
  ({ app, base, browser } = await startBrowserServer(store));
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  phone = await context.newPage();
  phone.setDefaultTimeout(15_000);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
  await t.close();
});

const open = async (code: string) => {
  await phone.goto(`${base}/verify/${encodeURIComponent(code)}`);
  await phone.locator('[data-testid="verify-page"][data-state="ready"]').waitFor();
  return phone.getByTestId('verify-page').getAttribute('data-status');
};

test('a valid code on a phone: what it stands for, no console, nothing wider than the screen; the visited entity rates it once', async () => {
  assert.equal(await open(displayCode(task.code)), 'valid');
  assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth)) <= 390);
  assert.equal(await phone.getByTestId('side-nav').count(), 0, 'no console shell');
  const facts = await phone.getByTestId('verify-task').innerText();
  assert.match(facts, /杭州市富阳区市场监督管理局/);
  assert.match(facts, /富阳示例企业1号/);
  for (const o of await phone.getByTestId('verify-officer').allInnerTexts()) assert.match(o, /（执法证号 ZJ330111\d+）/);
  assert.ok(!facts.includes(task.entity_uscc), 'the credit code is not shown');

  await phone.getByTestId('rating-uscc').fill(FY_ENTITIES[5]);
  await phone.getByTestId('rating-score').locator('li').nth(1).click();
  await phone.getByTestId('rating-comment').fill('检查时间较长');
  await phone.waitForTimeout(5200); // the form's minimum fill time
  await phone.getByTestId('rating-submit').click();
  assert.match(await phone.getByTestId('rating-error').innerText(), /统一社会信用代码与该次检查的检查对象不符/);
  await phone.getByTestId('rating-uscc').fill(task.entity_uscc.toLowerCase());
  await phone.getByTestId('rating-submit').click();
  await phone.getByTestId('rating-done').waitFor();
  const [r] = await store.query<{ score: number; comment: string }>(
    sql`SELECT score, comment FROM inspection_ratings WHERE task_id = ${task.id}`,
  );
  assert.deepEqual([Number(r.score), r.comment], [2, '检查时间较长']);
  // Opened again: rated, no second form.
  await open(task.code);
  assert.match(await phone.getByTestId('rating-closed').innerText(), /已评价/);
  assert.equal(await phone.getByTestId('rating-form').count(), 0);
});

test('one character changed, a malformed code and a revoked code: each its own answer, none shows a task', async () => {
  const altered = task.code.slice(0, 10) + (task.code[10] === '7' ? '8' : '7') + task.code.slice(11);
  assert.equal(await open(altered), 'invalid');
  assert.match(await phone.getByTestId('verify-message').innerText(), /未通过签名校验/);
  assert.equal(await phone.getByTestId('verify-task').count(), 0);
  assert.equal(await open('1000-0042'), 'malformed');
  assert.equal(await phone.getByTestId('verify-task').count(), 0);
  assert.equal(await open(revoked.code), 'revoked');
  assert.match(await phone.getByTestId('verify-message').innerText(), /已撤销/);
  // Typing a code on the page opens its answer.
  await phone.getByTestId('verify-input').fill(displayCode(task.code).toLowerCase());
  await phone.getByTestId('verify-go').click();
  await phone.locator('[data-testid="verify-page"][data-status="valid"]').waitFor();
});
