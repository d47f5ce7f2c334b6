// Follow-up in a real browser: a county supervisor creates a 双随机 campaign on /follow-up, draws it,
// checks the draw with 复核抽取, reads the selected records, the call scripts, and — after the call
// centre's outcomes came back through the API — the analysis and the report with its charts. The
// public survey page opens from a campaign's link on a phone-sized screen (390×844), follows its
// branch, is answered once, and refuses the same link afterwards. Debian's Chromium through
// playwright-core, web/dist served by buildApp over a fresh store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sql } from '../src/store/sql.ts';
import { createCampaign } from '../src/followup/campaigns.ts';
import { drawCampaign } from '../src/followup/selection.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { openTestStore } from './helpers/store.ts';
import { requireBrowserSetup, signIn as signInAs, startBrowserServer } from './helpers/browser.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { quietEnvironment } from './helpers/clues.ts';
import { agency, inspection, serviceVisit } from './helpers/records.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
let browser: Browser;
let base: string;
const contexts: BrowserContext[] = [];

before(async () => {
  requireBrowserSetup();
  await seedTwoCounties(store);
  for (const id of ['AG-A', 'AG-B']) await agency(store, id);
  const entities: [string, string, string][] = [];
  for (let i = 0; i < 12; i++) {
    const uscc = `9133011100000${String(i).padStart(4, '0')}X`;
    entities.push([uscc, `富阳浏览器企业${i}`, '330111']);
    await inspection(store, {
      id: `IN-B-${i}`,
      entity_uscc: uscc,
      agency_id: ['AG-FY-ZHZF', 'AG-A', 'AG-B'][i % 3],
      inspected_on: '2025-06-12',
    });
    if (i < 3) await serviceVisit(store, { id: `SV-B-${i}`, entity_uscc: uscc, visited_on: '2025-06-18', topic: '惠企政策宣讲' });
  }
  await store.copyIn('entities', ['uscc', 'name', 'region_code'], entities);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  ({ app, base, browser } = await startBrowserServer(store));
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

test('a supervisor creates, draws and checks a campaign, reads the call scripts, the analysis and the report', async () => {
  const page = await signIn('fy_sup');
  await page.getByRole('menuitem', { name: '回访' }).click();
  await page.locator('[data-testid="campaigns"][data-state="ready"]').waitFor();
  await page.getByTestId('campaign-create').click();
  await page.getByTestId('campaign-name').fill('富阳区六月检查后回访');
  await page.getByTestId('campaign-period').locator('input').first().fill('2025-06-01');
  await page.getByTestId('campaign-period').locator('input').nth(1).fill('2025-06-30');
  await page.getByTestId('campaign-period').locator('input').nth(1).press('Enter');
  await page.locator('[data-testid="campaign-sample-size"] input, input[data-testid="campaign-sample-size"]').first().fill('6');
  await page.getByTestId('campaign-create-submit').click();
  await page.locator('[data-testid="campaign-page"][data-state="ready"]').waitFor();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  assert.match(id, /^CP-/);
  await page.getByTestId('draw-button').click();
  await page.locator('[data-testid="campaign-status"][data-status="drawn"]').waitFor();
  const seed = await page.getByTestId('draw-seed').getAttribute('data-seed');
  const [stored] = await store.query<{ seed: string }>(sql`SELECT seed FROM campaigns WHERE id = ${id}`);
  assert.equal(seed, stored.seed);
  await page.getByTestId('verify-button').click();
  assert.equal(await page.getByTestId('verify-result').getAttribute('data-same'), 'true');
  const [period] = await store.query<{ period_from: string; period_to: string }>(
    sql`SELECT CAST(period_from AS VARCHAR) AS period_from, CAST(period_to AS VARCHAR) AS period_to FROM campaigns WHERE id = ${id}`,
  );
  assert.deepEqual(period, { period_from: '2025-06-01', period_to: '2025-06-30' });
  await page.locator('[data-testid="tasks-table"][data-total="6"]').waitFor();
  assert.equal(await page.getByTestId('task-row').count(), 6);
  assert.equal(await page.getByTestId('tasks-table').getAttribute('data-total'), '6');

  // The call scripts name the enterprise and the agency.
  await page.getByRole('tab', { name: '外呼名单' }).click();
  await page.locator('[data-testid="call-list-first"][data-state="ready"]').waitFor();
  assert.equal(await page.getByTestId('call-row').count(), 6);
  await page.getByTestId('call-row').first().click();
  const script = await page.getByTestId('call-script').first().innerText();
  assert.match(script, /您好，这里是富阳区司法局行政执法监督回访，请问是富阳浏览器企业\d+吗/);

  // The call centre brings back the outcomes; the analysis and the report show them.
  const tasks = await store.query<{ id: string }>(sql`SELECT id FROM followup_tasks WHERE campaign_id = ${id} ORDER BY id`);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const at = new Date().toISOString();
  const res = await fetch(`${base}/api/v1/followup/outcomes`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      sourceSystem: 'cc',
      outcomes: tasks.map((x, i) => ({
        callId: `b-${i}`,
        taskId: x.id,
        calledAt: at,
        outcome: i === 5 ? 'unreachable' : 'reached',
        ...(i === 5
          ? {}
          : {
              transcript: i === 0 ? '企业：来的人态度很差，一直吼我们。' : '企业：没有乱收费，挺好的，满意。',
              satisfaction: i === 0 ? 2 : 5,
            }),
      })),
    }),
  });
  assert.equal(res.status, 200, await res.text());
  await page.getByRole('tab', { name: '回访结果与分析' }).click();
  await page.locator('[data-testid="answers-table"]').waitFor();
  await page.locator('[data-testid="answer-row"][data-categories="rude"]').waitFor();
  assert.equal(await page.locator('[data-testid="answer-row"][data-categories="rude"]').count(), 1);
  assert.match(await page.locator('[data-testid="finding"][data-code="rude"]').innerText(), /态度粗暴“来的人态度很差,一直吼我们”/);
  await page.getByRole('tab', { name: '报告' }).click();
  await page.locator('[data-testid="report"][data-state="ready"]').waitFor();
  assert.equal(await page.getByTestId('report-reached-rate').getAttribute('data-value'), String(5 / 6).slice(0, 5));
  assert.equal(await page.getByTestId('report-problems').getAttribute('data-found'), '1');
  assert.ok(Number(await page.getByTestId('chart-followup-agency').getAttribute('data-count')) >= 1);
  assert.equal(await page.getByTestId('chart-followup-categories').getAttribute('data-count'), '1');
  const docx = await page.getByTestId('report-docx').getAttribute('href');
  assert.equal(docx, `/api/v1/followup/campaigns/${id}/report.docx`);
});

test('the survey page on a phone: no account, branches, one answer per link', async () => {
  const c = await createCampaign(store, SYSTEM_CALLER, {
    name: '富阳区服务回访',
    regionCode: '330111',
    subjectKind: 'service_visit',
    method: 'cloud',
    periodFrom: '2025-06-01',
    periodTo: '2025-06-30',
    settings: { noRepeatDays: 0 },
  });
  await drawCampaign(store, SYSTEM_CALLER, c.id);
  const res = await app.inject({ method: 'GET', url: `/api/v1/followup/campaigns/${c.id}/invitations`, headers: { cookie: '' } });
  assert.equal(res.statusCode, 401, 'the links are for the console');
  const { signToken, surveyKey } = await import('../src/followup/survey.ts');
  const [inv] = await store.query<{ id: string; expires_at: string }>(
    sql`SELECT id, CAST(expires_at AS VARCHAR) AS expires_at FROM followup_invitations WHERE campaign_id = ${c.id} ORDER BY task_id LIMIT 1`,
  );
  const link = `${base}/survey/${c.id}?t=${signToken(await surveyKey(store), { id: inv.id, campaignId: c.id, expiresAt: inv.expires_at })}`;

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  contexts.push(context);
  const phone = await context.newPage();
  phone.setDefaultTimeout(15_000);
  await phone.goto(link);
  await phone.locator('[data-testid="survey-page"][data-state="ready"]').waitFor();
  // Phone-sized: nothing wider than the screen.
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page width ${width}`);
  assert.equal(await phone.getByTestId('side-nav').count(), 0, 'no console shell');
  const questions = () => phone.getByTestId('survey-question').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  assert.deepEqual(await questions(), ['q_kind', 'q_sat', 'q_comment']);
  await phone.getByTestId('survey-q-q_kind').getByText('服务', { exact: true }).click();
  assert.deepEqual(await questions(), ['q_kind', 'q_helpful', 'q_sat', 'q_comment'], 'the branch opens');
  await phone.getByTestId('survey-submit').click();
  assert.match(await phone.getByTestId('survey-error').innerText(), /请回答：您对这次执法（服务）总体是否满意？/);
  await phone.getByTestId('survey-q-q_helpful').getByText('是', { exact: true }).click();
  await phone.getByTestId('survey-q-q_sat').locator('li').nth(4).click();
  await phone.getByTestId('survey-q-q_comment').fill('讲得很细，没有查我们什么，谢谢。');
  await phone.screenshot({ path: 'scratch/survey-390x844.png' }).catch(() => undefined);
  await phone.getByTestId('survey-submit').click();
  await phone.locator('[data-testid="survey-done"]').waitFor();
  const [answer] = await store.query<{ satisfaction: number; answers: string }>(
    sql`SELECT a.satisfaction, a.answers FROM followup_answers a JOIN followup_invitations i ON i.answer_id = a.id WHERE i.id = ${inv.id}`,
  );
  assert.equal(answer.satisfaction, 5);
  assert.deepEqual(JSON.parse(answer.answers), {
    q_kind: '服务',
    q_helpful: '是',
    q_sat: '5',
    q_comment: '讲得很细，没有查我们什么，谢谢。',
  });
  await phone.goto(link);
  await phone.locator('[data-testid="survey-refused"]').waitFor();
  assert.match(await phone.getByTestId('survey-refused').innerText(), /该问卷已提交过/);
});
