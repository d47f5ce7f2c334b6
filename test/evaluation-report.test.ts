// The situation report: 同比/环比 phrased and rounded as the seed writes them; a city's report generated
// through the API opens in LibreOffice, and its text (pdftotext) holds the figures — the store's own
// counts — and the charts' titles; reports are read only inside their jurisdiction; the monthly and
// quarterly schedule makes each report once; `kedu report` writes the Word file. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDemoStore } from './helpers/demo-store.ts';
import { cliStore } from './helpers/store.ts';
import { addUser } from './helpers/fixtures.ts';
import { login, quietEnvironment } from './helpers/clues.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { buildApp } from '../src/api/app.ts';
import { runModels } from '../src/models/runner.ts';
import { MODELS } from '../src/models/library/index.ts';
import { changePercent, changeText } from '../src/evaluation/report/change-text.ts';
import { reportCharts } from '../src/evaluation/report/report-charts.ts';
import { runScheduledReports } from '../src/evaluation/report/schedule.ts';
import type { ReportContent } from '../src/evaluation/report/report-content.ts';

quietEnvironment();
const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
const work = mkdtempSync(join(tmpdir(), 'kedu-report-'));
let app: FastifyInstance;
const cookies: Record<string, string> = {};

before(async () => {
  await runModels(
    store,
    MODELS.filter((m) => ['INS_REPEAT', 'PEN_OUT_OF_TIER', 'INS_SINGLE_OFFICER', 'PEN_EXEMPT_FINED'].includes(m.code) || m.groundTruth),
    { asOf: '2025-12-31' },
  );
  // The models ran today; the report is about 2025Q4: date the clues as found in the quarter, as a run then would have.
  await store.exec(
    "UPDATE clues SET created_at = CAST('2025-11-15T02:00:00Z' AS TIMESTAMPTZ), updated_at = CAST('2025-11-15T02:00:00Z' AS TIMESTAMPTZ)",
  );
  for (const [u, role, region, agency] of [
    ['hz_sup', 'supervisor', '330100', null],
    ['fy_sup', 'supervisor', '330111', null],
    ['fy_staff', 'agency_staff', '330111', 'AG-330111-MKT'],
  ] as const)
    await addUser(store, u, role, region, agency);
  app = await buildApp({ store, asOf: '2025-12-31' });
  for (const u of ['hz_sup', 'fy_sup', 'fy_staff']) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
  if (!process.env.KEDU_KEEP_TMP) rmSync(work, { recursive: true, force: true });
});

test('同比/环比: two decimals rounded half away from zero, 上升/下降/持平, and a zero base said in words', () => {
  assert.equal(changeText(667, 1000, 'yoy'), '同比下降33.30%');
  assert.equal(changeText(1332.7, 2000, 'yoy'), '同比下降33.37%', '33.365 rounds up, not down as its binary form would');
  assert.equal(changePercent(1332.7, 2000), -33.37);
  assert.equal(changeText(1001, 1000, 'mom'), '环比上升0.10%');
  assert.equal(changeText(100_000, 100_001, 'yoy'), '同比持平', 'a change that rounds to 0.00% is no change');
  assert.equal(changeText(1500, 1000, 'yoy'), '同比上升50.00%');
  assert.equal(changeText(5, 0, 'yoy'), '上年同期为零');
  assert.equal(changeText(5, 0, 'mom'), '上期为零');
  assert.equal(changeText(0, 0, 'mom'), '环比持平');
  assert.equal(changeText(0, 10, 'yoy'), '同比下降100.00%');
});

test('a city’s report: generated on demand, numbered, kept; the .docx opens in LibreOffice and its text holds the figures and the charts’ titles', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { cookie: cookies.hz_sup },
    payload: { period: '2025Q4' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { report } = res.json();
  assert.match(report.number, /^杭司通报〔\d{4}〕1号$/);
  assert.equal(report.title, '杭州市2025年第四季度行政执法态势分析通报');
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}`, headers: { cookie: cookies.hz_sup } })).json()
    .report;
  const content = detail.content as ReportContent;

  const count = async (q: string) => Number((await store.query<{ n: number }>(q))[0].n);
  const inspections = await count(
    "SELECT count(*) AS n FROM inspections WHERE region_code LIKE '3301%' AND inspected_on BETWEEN '2025-10-01' AND '2025-12-31'",
  );
  const lastYear = await count(
    "SELECT count(*) AS n FROM inspections WHERE region_code LIKE '3301%' AND inspected_on BETWEEN '2024-10-01' AND '2024-12-31'",
  );
  const previous = await count(
    "SELECT count(*) AS n FROM inspections WHERE region_code LIKE '3301%' AND inspected_on BETWEEN '2025-07-01' AND '2025-09-30'",
  );
  const cases = await count(
    "SELECT count(*) AS n FROM cases WHERE region_code LIKE '3301%' AND filed_on BETWEEN '2025-10-01' AND '2025-12-31'",
  );
  const casesLy = await count(
    "SELECT count(*) AS n FROM cases WHERE region_code LIKE '3301%' AND filed_on BETWEEN '2024-10-01' AND '2024-12-31'",
  );
  assert.ok(inspections > 0 && lastYear > 0 && cases > 0);
  assert.ok(content.topModels.length > 0, 'the models raised clues in the quarter');

  const docx = await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}.docx`, headers: { cookie: cookies.hz_sup } });
  assert.equal(docx.statusCode, 200);
  assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const file = join(work, 'report.docx');
  writeFileSync(file, docx.rawPayload);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file],
    {
      stdio: 'ignore',
      timeout: 180_000,
    },
  );
  execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'report.pdf'), join(work, 'report.txt')]);
  // pdftotext breaks lines and spaces CJK from digits: compare without whitespace.
  const text = readFileSync(join(work, 'report.txt'), 'utf8').replace(/\s+/g, '');
  const n = (x: number) => x.toLocaleString('zh-CN');
  for (const expected of [
    '杭州市司法局',
    report.number,
    '杭州市2025年第四季度行政执法态势分析通',
    `涉企行政检查${n(inspections)}次，${changeText(inspections, lastYear, 'yoy')}，${changeText(inspections, previous, 'mom')}`,
    `行政处罚案件${n(cases)}件，${changeText(cases, casesLy, 'yoy')}`,
    ...reportCharts(content).map((c) => c.title.replace(/\s+/g, '')),
    content.topModels[0].name,
    '五、工作建议',
    content.recommendations[0].slice(0, 20),
  ])
    assert.ok(text.includes(expected), `the PDF text lacks “${expected}”`);
  // Three charts embedded as PNG pictures.
  const media = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
  assert.equal((media.match(/word\/media\/[^\s]+\.png/g) ?? []).length, 3);

  const pdf = await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}.pdf`, headers: { cookie: cookies.hz_sup } });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

  // Scoped: the county reads its own reports, not the city's; an agency reads none.
  assert.equal(
    (await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}.docx`, headers: { cookie: cookies.fy_sup } })).statusCode,
    403,
  );
  const list = (await app.inject({ method: 'GET', url: '/api/v1/reports', headers: { cookie: cookies.fy_sup } })).json();
  assert.ok(list.rows.every((r: { regionCode: string }) => r.regionCode.startsWith('330111')));
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/reports', headers: { cookie: cookies.fy_staff } })).statusCode, 403);
  const other = await app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { cookie: cookies.fy_sup },
    payload: { regionCode: '330106', period: '2025Q4' },
  });
  assert.equal(other.statusCode, 403);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { cookie: cookies.hz_sup },
    payload: { period: '2025Q9' },
  });
  assert.equal(bad.json().error.field, 'period');
  const [audit] = await store.query<{ target: string }>("SELECT target FROM audit_log WHERE action = 'report.generate'");
  assert.equal(audit.target, report.id);
});

test('the schedule makes the monthly and the quarterly report of the last complete period once', async () => {
  const made = await runScheduledReports(store, '2026-01-05', ['330106']);
  assert.equal(made.length, 2);
  const periods = await store.query<{ period: string }>("SELECT period FROM situation_reports WHERE trigger = 'schedule' ORDER BY period");
  assert.deepEqual(
    periods.map((p) => p.period),
    ['2025-12', '2025Q4'],
  );
  assert.deepEqual(await runScheduledReports(store, '2026-01-20', ['330106']), []);
});

test('kedu report --region 330100 --period 2025Q4 writes the Word document and keeps the report', async () => {
  const cli = await cliStore(work, 'report');
  try {
    const s = await cli.open();
    await loadReference(s);
    await s.close();
    const out = join(work, 'cli.docx');
    const stdout = execFileSync(
      process.execPath,
      ['bin/kedu.mjs', ...cli.args, 'report', '--region', '330100', '--period', '2025Q4', '--out', out, '--as-of', '2025-12-31', '--json'],
      { encoding: 'utf8', env: { ...process.env, KEDU_BACKGROUND_JOBS: 'off' } },
    );
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.equal(answer.title, '杭州市2025年第四季度行政执法态势分析通报');
    assert.ok(existsSync(out));
    assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
    const again = await cli.open();
    const [row] = await again.query<{ trigger: string }>('SELECT trigger FROM situation_reports');
    await again.close();
    assert.equal(row.trigger, 'cli');
    const usage = (() => {
      try {
        execFileSync(process.execPath, ['bin/kedu.mjs', ...cli.args, 'report', '--region', '330100', '--period', 'Q4'], { stdio: 'pipe' });
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    })();
    assert.equal(usage, 2);
  } finally {
    await cli.drop();
  }
});
