import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { insertClue, inDays, login, quietEnvironment, today } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import { noticeParagraphTexts } from '../src/notices/docx.ts';
import { chineseDate, type NoticeRow } from '../src/notices/notices.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
const YEAR = today().slice(0, 4);
const work = mkdtempSync(join(tmpdir(), 'kedu-notices-'));

before(async () => {
  await seedTwoCounties(store);
  await loadReference(store);
  for (const [u, role, region, agency] of [
    ['fy_sup', 'supervisor', '330111', null],
    ['hz_sup', 'supervisor', '330100', null],
    ['admin', 'admin', '330000', null],
    ['fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF'],
    ['xh_staff', 'agency_staff', '330106', 'AG-XH-SCJG'],
    ['fy_liaison', 'discipline_liaison', '330111', null],
  ] as const)
    await addUser(store, u, role, region, agency);
  app = await buildApp({ store, checkResponses: true });
  for (const u of ['fy_sup', 'hz_sup', 'admin', 'fy_staff', 'xh_staff', 'fy_liaison']) cookies[u] = await login(app, u);
  await insertClue(store, {
    id: 'CL-N-1',
    status: 'assigned',
    title: '过罚不当：杭州示例酒坊',
    explanation: '对首次违法且及时改正的当事人处以上限罚款2,000元，未适用首违不罚。',
  });
  await insertClue(store, {
    id: 'CL-N-2',
    status: 'rectifying',
    title: '单人执法：检查记录仅一名执法人员',
    explanation: '2025年3月10日的检查只有一名执法人员在场。',
  });
  await insertClue(store, { id: 'CL-N-XH', status: 'assigned', regionCode: '330106', agencyId: 'AG-XH-SCJG' });
  await insertClue(store, { id: 'CL-N-TR', status: 'triaged' });
});
after(async () => {
  await app.close();
  await t.close();
  if (!process.env.KEDU_KEEP_TMP) rmSync(work, { recursive: true, force: true });
});

const issue = (user: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/notices', headers: { cookie: cookies[user] }, payload });
const article = async (reg: string, n: number) =>
  (await store.query<{ text: string }>('SELECT text FROM articles WHERE regulation_id = $1 AND number = $2', [reg, n]))[0].text;

let supervisionId = '';

test('a supervision notice from two clues: numbered for the issuing county and year, addressed to their agency, citing the article verbatim', async () => {
  const res = await issue('fy_sup', {
    kind: 'supervision',
    clueIds: ['CL-N-1', 'CL-N-2'],
    basis: [{ regulationId: 'xingzheng-chufa-fa', article: 33 }],
  });
  assert.equal(res.statusCode, 201, res.body);
  const n = res.json().notice;
  supervisionId = n.id;
  assert.equal(n.number, `富司监督〔${YEAR}〕1号`);
  assert.equal(n.issuer, '杭州市富阳区司法局');
  assert.equal(n.addressee, '杭州市富阳区综合行政执法局');
  assert.equal(n.status, 'issued');
  assert.equal(n.deadline, inDays(15));
  assert.deepEqual(n.clueIds, ['CL-N-1', 'CL-N-2']);
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/notices/${n.id}`, headers: { cookie: cookies.fy_sup } })).json().notice;
  assert.equal(detail.content.basis[0].text, await article('xingzheng-chufa-fa', 33));
  assert.equal(detail.content.basis[0].label, '第三十三条');
  assert.equal(detail.content.facts.length, 2);
  // Numbers count on per region, kind and year.
  assert.equal((await issue('fy_sup', { kind: 'supervision', clueIds: ['CL-N-1'] })).json().notice.number, `富司监督〔${YEAR}〕2号`);
  assert.equal((await issue('fy_sup', { kind: 'advisory', clueIds: ['CL-N-2'] })).json().notice.number, `富司监提〔${YEAR}〕1号`);
  const city = (await issue('hz_sup', { kind: 'supervision', clueIds: ['CL-N-XH'] })).json().notice;
  assert.equal(city.number, `杭司监督〔${YEAR}〕1号`);
  assert.equal(city.issuer, '杭州市司法局');
  assert.equal((await issue('admin', { kind: 'advisory', clueIds: ['CL-N-XH'] })).json().notice.number, `浙司监提〔${YEAR}〕1号`);
  // The clue's timeline records the notice.
  const tl = (await app.inject({ method: 'GET', url: '/api/v1/clues/CL-N-1', headers: { cookie: cookies.fy_sup } })).json();
  assert.ok(
    tl.timeline.some((e: { action: string; comment: string }) => e.action === 'notice' && e.comment.includes(`富司监督〔${YEAR}〕1号`)),
  );
  assert.equal(tl.notices.length, 2);
});

test('the .docx converts with LibreOffice to a PDF whose text holds the number, the addressee and the cited article', async () => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/notices/${supervisionId}.docx`, headers: { cookie: cookies.fy_staff } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
  const docx = join(work, 'notice.docx');
  writeFileSync(docx, res.rawPayload);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
    { stdio: 'pipe', timeout: 120_000 },
  );
  execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'notice.pdf'), join(work, 'notice.txt')]);
  const squash = (s: string) => s.replace(/\s+/g, '');
  // Page furniture (the footer's "— 1 —") may fall inside a long article: drop it before comparing.
  const text = squash(readFileSync(join(work, 'notice.txt'), 'utf8').replace(/—\s*\d+\s*—/g, ''));
  for (const expected of [
    '杭州市富阳区司法局',
    '行政执法监督通知书',
    `富司监督〔${YEAR}〕1号`,
    '杭州市富阳区综合行政执法局：',
    '《中华人民共和国行政处罚法》第三十三条规定：',
    await article('xingzheng-chufa-fa', 33),
    '过罚不当：杭州示例酒坊',
    chineseDate(today()),
  ]) {
    assert.ok(text.includes(squash(expected)), `PDF text lacks: ${expected}`);
  }
});

test('the document paragraphs follow the official order: header, number, title, addressee, facts, basis, requirement, signature, imprint', async () => {
  const [row] = await store.query<NoticeRow>('SELECT * FROM notices WHERE id = $1', [supervisionId]);
  const texts = noticeParagraphTexts(row).filter(Boolean);
  assert.deepEqual(texts.slice(0, 4), [
    '杭州市富阳区司法局',
    `富司监督〔${YEAR}〕1号`,
    '行政执法监督通知书',
    '杭州市富阳区综合行政执法局：',
  ]);
  const order = ['一、基本情况', '二、法律依据', '三、监督意见和要求'].map((h) => texts.indexOf(h));
  assert.ok(
    order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1])),
    JSON.stringify(order),
  );
  assert.ok(texts.some((x) => x.startsWith('《中华人民共和国行政处罚法》第三十三条规定：“')));
  assert.equal(texts.at(-1), `杭州市富阳区司法局 ${chineseDate(today())}印发`);
});

test('refusals: an article not in the corpus, clues of several agencies, another county, a role that does not issue', async () => {
  await store.exec(`INSERT INTO regulations (id, title, kind, status) VALUES ('test-missing', '测试条例', 'rule', 'partial')`);
  await store.exec(`INSERT INTO articles (regulation_id, number, label, text) VALUES ('test-missing', 1, '第一条', NULL)`);
  const missing = await issue('fy_sup', { kind: 'advisory', clueIds: ['CL-N-1'], basis: [{ regulationId: 'test-missing', article: 1 }] });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().error.message, /原文未收录/);
  assert.equal(
    (await issue('fy_sup', { kind: 'advisory', clueIds: ['CL-N-1'], basis: [{ regulationId: 'xingzheng-chufa-fa', article: 999 }] }))
      .statusCode,
    400,
  );
  const mixed = await issue('hz_sup', { kind: 'supervision', clueIds: ['CL-N-1', 'CL-N-XH'] });
  assert.equal(mixed.statusCode, 400);
  assert.equal(mixed.json().error.field, 'agencyId');
  assert.equal((await issue('fy_sup', { kind: 'supervision', clueIds: ['CL-N-XH'] })).statusCode, 403);
  assert.equal((await issue('fy_staff', { kind: 'supervision', clueIds: ['CL-N-1'] })).statusCode, 403);
});

test('a transfer letter needs a transferred clue, goes to the discipline commission, and only the liaison and supervisors see it', async () => {
  const early = await issue('fy_sup', { kind: 'transfer', clueIds: ['CL-N-TR'] });
  assert.equal(early.statusCode, 409);
  const tr = await app.inject({
    method: 'POST',
    url: '/api/v1/clues/CL-N-TR/transitions',
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'transfer', comment: '涉嫌执法人员违纪' },
  });
  assert.equal(tr.statusCode, 200, tr.body);
  const res = await issue('fy_sup', { kind: 'transfer', clueIds: ['CL-N-TR'] });
  assert.equal(res.statusCode, 201, res.body);
  const n = res.json().notice;
  assert.equal(n.number, `富司移〔${YEAR}〕1号`);
  assert.equal(n.addressee, '杭州市富阳区纪委监委');
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/notices/${n.id}`, headers: { cookie: cookies.fy_liaison } })).json()
    .notice;
  assert.equal(detail.content.basis[0].label, '第七十六条');
  assert.equal(
    (await app.inject({ method: 'GET', url: `/api/v1/notices/${n.id}`, headers: { cookie: cookies.fy_staff } })).statusCode,
    403,
  );
  const liaisonList = (await app.inject({ method: 'GET', url: '/api/v1/notices', headers: { cookie: cookies.fy_liaison } })).json();
  assert.deepEqual(
    liaisonList.rows.map((r: { kind: string }) => r.kind),
    ['transfer'],
  );
  const answer = await app.inject({
    method: 'POST',
    url: `/api/v1/notices/${n.id}/response`,
    headers: { cookie: cookies.fy_liaison },
    payload: { text: '已受理，正在初步核实。' },
  });
  assert.equal(answer.statusCode, 200, answer.body);
});

test('the addressed agency answers; the answer is audited and cannot be given twice; other agencies cannot answer or see it', async () => {
  const staffList = (
    await app.inject({ method: 'GET', url: '/api/v1/notices?status=issued', headers: { cookie: cookies.fy_staff } })
  ).json();
  assert.ok(
    staffList.rows.length >= 3 &&
      staffList.rows.every((r: { agencyId: string; kind: string }) => r.agencyId === 'AG-FY-ZHZF' && r.kind !== 'transfer'),
  );
  assert.equal(
    (await app.inject({ method: 'GET', url: '/api/v1/notices', headers: { cookie: cookies.xh_staff } }))
      .json()
      .rows.every((r: { agencyId: string }) => r.agencyId === 'AG-XH-SCJG'),
    true,
  );
  const url = `/api/v1/notices/${supervisionId}/response`;
  assert.equal(
    (await app.inject({ method: 'POST', url, headers: { cookie: cookies.xh_staff }, payload: { text: '已整改完毕。' } })).statusCode,
    403,
  );
  const ok = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies.fy_staff },
    payload: { text: '已撤销原处罚决定并重新作出不予处罚决定，对承办人员进行了约谈。' },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().notice.status, 'answered');
  assert.equal(ok.json().notice.respondedOn, today());
  const again = await app.inject({ method: 'POST', url, headers: { cookie: cookies.fy_staff }, payload: { text: '补充说明。' } });
  assert.equal(again.statusCode, 409);
  const [a] = await store.query(`SELECT target FROM audit_log WHERE action = 'notice.respond' AND target = $1`, [supervisionId]);
  assert.ok(a);
  assert.equal((await verifyAuditLog(store)).ok, true);
});
