import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { login, quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { issueFormToken } from '../src/clues/portal.ts';
import { normaliseText, similarity, urlCount } from '../src/clues/similarity.ts';
import { concernsEnforcement, hotlineTicketId } from '../src/clues/intake.ts';
import { CLUE_SETTINGS } from '../src/clues/settings.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'fy_invited', 'invited_supervisor', '330111');
  await addUser(store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  app = await buildApp({ store, checkResponses: true });
  for (const u of ['fy_sup', 'fy_invited', 'fy_staff']) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
});

/** A token issued long enough ago to pass the minimum fill time. */
const readyToken = () => issueFormToken(Date.now() - (CLUE_SETTINGS.portal.minFillSeconds + 5) * 1000);
let ip = 0;
/** Each test reports from its own address, so the per-IP limit only bites where a test wants it to. */
const nextIp = () => `10.0.0.${++ip}`;
const report = (payload: Record<string, unknown>, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/v1/portal/reports', payload, remoteAddress });
const count = async (table: string) => Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

const COMPLAINT = '富阳区综合执法局执法人员在检查时态度恶劣，随意罚款500元，没有出具任何文书。';

test('normalised text similarity: rewordings of one complaint score high, different complaints low', () => {
  assert.equal(normaliseText('Ａ，ｂ　C！执法'), 'abc执法');
  assert.equal(similarity(COMPLAINT, COMPLAINT), 1);
  assert.ok(similarity(COMPLAINT, '富阳区综合执法局的执法人员态度恶劣，随意罚款五百元，未出具文书') >= CLUE_SETTINGS.duplicates.similarity);
  assert.ok(similarity(COMPLAINT, '执法人员检查时要求企业提供大量材料，检查过程不规范') < CLUE_SETTINGS.duplicates.similarity);
  assert.equal(urlCount('见 http://a.cn 和 www.b.cn 以及 https://c.cn/x'), 3);
});

test('a portal report: token, then the form, then a follow-up code that shows the stage and no personal data', async () => {
  const tokenRes = await app.inject({ method: 'GET', url: '/api/v1/portal/form-token' });
  assert.equal(tokenRes.statusCode, 200);
  assert.equal(tokenRes.json().minFillSeconds, CLUE_SETTINGS.portal.minFillSeconds);
  const from = nextIp();
  const res = await report(
    { formToken: readyToken(), regionCode: '330111', agencyId: 'AG-FY-ZHZF', content: COMPLAINT, contact: '13800001111' },
    from,
  );
  assert.equal(res.statusCode, 201, res.body);
  const { followCode } = res.json();
  assert.match(followCode, /^[2-9A-HJ-NP-Z]{10}$/);
  const status = await app.inject({ method: 'GET', url: `/api/v1/portal/reports/${followCode}` });
  assert.equal(status.statusCode, 200);
  assert.deepEqual(Object.keys(status.json()).sort(), ['code', 'receivedAt', 'stage', 'steps', 'updatedOn']);
  assert.equal(status.json().stage, '已受理');
  assert.ok(!status.body.includes('13800001111') && !status.body.includes('AG-FY-ZHZF'));
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/portal/reports/ZZZZZZZZZZ' })).statusCode, 404);
  // The supervisor sees the report with the contact masked.
  const [clue] = await store.query<{ clue_id: string }>(`SELECT clue_id FROM clue_reports WHERE follow_code = $1`, [followCode]);
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/clues/${clue.clue_id}`, headers: { cookie: cookies.fy_sup } })).json();
  assert.equal(detail.clue.source, 'public');
  assert.equal(detail.reports[0].contact, '138****1111');
});

test('abuse guard: too fast, reused token, forged token, honeypot, length and links are refused, and nothing is stored', async () => {
  const before = { clues: await count('clues'), reports: await count('clue_reports') };
  const from = nextIp();
  const fresh = (await app.inject({ method: 'GET', url: '/api/v1/portal/form-token' })).json().token;
  const tooFast = await report(
    { formToken: fresh, regionCode: '330111', content: '检查人员一周内来了三次，内容完全重复，影响经营。' },
    from,
  );
  assert.equal(tooFast.statusCode, 400);
  assert.equal(tooFast.json().error.field, 'formToken');
  assert.match(tooFast.json().error.message, /过快/);
  const forged = await report(
    { formToken: `${Date.now() - 60_000}.abc.def`, regionCode: '330111', content: '检查人员一周内来了三次，内容完全重复，影响经营。' },
    from,
  );
  assert.equal(forged.statusCode, 400);
  const honeypot = await report(
    {
      formToken: readyToken(),
      regionCode: '330111',
      content: '检查人员一周内来了三次，内容完全重复，影响经营。',
      website: 'http://spam.example',
    },
    nextIp(),
  );
  assert.equal(honeypot.statusCode, 400);
  const short = await report({ formToken: readyToken(), regionCode: '330111', content: '乱罚款' }, nextIp());
  assert.equal(short.json().error.field, 'content');
  const links = await report(
    { formToken: readyToken(), regionCode: '330111', content: '投诉执法不公 http://a.cn http://b.cn http://c.cn 详见链接内容' },
    nextIp(),
  );
  assert.equal(links.statusCode, 400);
  assert.match(links.json().error.message, /网址/);
  const city = await report(
    { formToken: readyToken(), regionCode: '330100', content: '检查人员一周内来了三次，内容完全重复，影响经营。' },
    nextIp(),
  );
  assert.equal(city.json().error.field, 'regionCode');
  assert.deepEqual({ clues: await count('clues'), reports: await count('clue_reports') }, before);
  // One token, one report.
  const token = readyToken();
  assert.equal(
    (await report({ formToken: token, regionCode: '330106', content: '西湖区市场监管局检查时要求企业停业配合，持续两天。' }, nextIp()))
      .statusCode,
    201,
  );
  const reused = await report({ formToken: token, regionCode: '330106', content: '另一件事：执法人员未出示证件就进行检查。' }, nextIp());
  assert.equal(reused.statusCode, 400);
  assert.match(reused.json().error.message, /已提交过/);
});

test(`the portal accepts ${CLUE_SETTINGS.portal.reportsPerHour} reports an hour from one address, then answers 429`, async () => {
  const from = nextIp();
  for (let i = 0; i < CLUE_SETTINGS.portal.reportsPerHour; i++) {
    const res = await report(
      { formToken: readyToken(), regionCode: '330106', content: `第${i + 1}件：检查人员要求提供与检查无关的财务资料，态度强硬。编号${i}` },
      from,
    );
    assert.notEqual(res.statusCode, 429, `report ${i + 1}`);
  }
  const limited = await report(
    { formToken: readyToken(), regionCode: '330106', content: '再一次：检查人员要求提供与检查无关的财务资料。' },
    from,
  );
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'rate_limited');
  const other = await report(
    { formToken: readyToken(), regionCode: '330106', content: '另一位群众：执法人员未出示执法证件即开展检查。' },
    nextIp(),
  );
  assert.equal(other.statusCode, 201);
});

test('a second report of the same matter is linked to the first clue, not doubled; both codes follow the clue', async () => {
  const a = await report(
    {
      formToken: readyToken(),
      regionCode: '330111',
      agencyId: 'AG-FY-ZHZF',
      content: '富阳区综合执法局在银湖街道检查时，一周内对同一家店检查三次，内容重复。',
    },
    nextIp(),
  );
  const b = await report(
    {
      formToken: readyToken(),
      regionCode: '330111',
      agencyId: 'AG-FY-ZHZF',
      content: '富阳区综合执法局一周内对我们店重复检查三次，检查内容都一样。',
    },
    nextIp(),
  );
  assert.equal(a.statusCode, 201);
  assert.equal(b.statusCode, 201);
  const rows = await store.query<{ follow_code: string; clue_id: string; linked: boolean; similarity: number | null }>(
    `SELECT follow_code, clue_id, linked, similarity FROM clue_reports WHERE follow_code IN ($1, $2) ORDER BY received_at`,
    [a.json().followCode, b.json().followCode],
  );
  assert.equal(rows[0].clue_id, rows[1].clue_id);
  assert.deepEqual(
    rows.map((r) => !!r.linked),
    [false, true],
  );
  assert.ok(Number(rows[1].similarity) >= CLUE_SETTINGS.duplicates.similarity);
  const clueId = rows[0].clue_id;
  const detail = (await app.inject({ method: 'GET', url: `/api/v1/clues/${clueId}`, headers: { cookie: cookies.fy_sup } })).json();
  assert.equal(detail.clue.reportCount, 2);
  // The list counts the reports of its page's clues alike.
  const listed = (await app.inject({ method: 'GET', url: '/api/v1/clues?pageSize=100', headers: { cookie: cookies.fy_sup } })).json();
  assert.equal(listed.rows.find((r: { id: string }) => r.id === clueId)?.reportCount, 2);
  assert.deepEqual(
    detail.timeline.map((e: { action: string }) => e.action),
    ['create', 'link'],
  );
  // A different matter about the same agency is a new clue.
  const c = await report(
    {
      formToken: readyToken(),
      regionCode: '330111',
      agencyId: 'AG-FY-ZHZF',
      content: '执法人员在处罚时没有告知陈述申辩权利，直接开具了罚单。',
    },
    nextIp(),
  );
  const [cRow] = await store.query<{ clue_id: string }>(`SELECT clue_id FROM clue_reports WHERE follow_code = $1`, [c.json().followCode]);
  assert.notEqual(cRow.clue_id, clueId);
  // When the supervisor assigns the clue, both reporters see it.
  const assign = await app.inject({
    method: 'POST',
    url: `/api/v1/clues/${clueId}/transitions`,
    headers: { cookie: cookies.fy_sup },
    payload: { action: 'assign', agencyId: 'AG-FY-ZHZF' },
  });
  assert.equal(assign.statusCode, 200, assign.body);
  for (const code of [a.json().followCode, b.json().followCode]) {
    const s = (await app.inject({ method: 'GET', url: `/api/v1/portal/reports/${code}` })).json();
    assert.equal(s.stage, '已交办');
    assert.deepEqual(
      s.steps.map((x: { stage: string }) => x.stage),
      ['已受理', '已交办'],
    );
  }
});

test('12345 tickets: an enforcement complaint becomes a clue, a re-sent ticket changes nothing, an ordinary matter makes no clue', async () => {
  assert.equal(concernsEnforcement('涉企执法监督', '…'), true);
  assert.equal(concernsEnforcement('市场监管', '反映某店销售过期食品'), false);
  assert.equal(concernsEnforcement('市场监管', '反映执法人员乱罚款'), true);
  const ticket = {
    sourceId: 'GD2025041200123',
    regionCode: '330111001',
    receivedAt: '2025-04-12T09:31:00+08:00',
    category: '涉企执法监督',
    content: '杭州示例酒坊反映：一周内先后有多个部门上门检查，检查内容有重复，影响正常经营。',
    entityUscc: '91330100470102706G',
  };
  const sup = { cookie: cookies.fy_sup };
  const first = await app.inject({ method: 'POST', url: '/api/v1/hotline-tickets', headers: sup, payload: ticket });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().intake, 'clue');
  assert.equal(first.json().ticketId, hotlineTicketId('12345', 'GD2025041200123'));
  const again = await app.inject({ method: 'POST', url: '/api/v1/hotline-tickets', headers: sup, payload: ticket });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { ...first.json(), duplicate: true });
  const [{ n }] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM hotline_tickets WHERE source_id = 'GD2025041200123'`);
  assert.equal(Number(n), 1);
  // The same enterprise complains again in other words: linked to the same clue.
  const echo = await app.inject({
    method: 'POST',
    url: '/api/v1/hotline-tickets',
    headers: sup,
    payload: {
      ...ticket,
      sourceId: 'GD2025041500077',
      content: '杭州示例酒坊再次反映：一周内多个部门重复上门检查，检查内容重复，影响经营。',
    },
  });
  assert.equal(echo.json().intake, 'linked');
  assert.equal(echo.json().clueId, first.json().clueId);
  const food = await app.inject({
    method: 'POST',
    url: '/api/v1/hotline-tickets',
    headers: sup,
    payload: {
      sourceId: 'GD2025041200124',
      regionCode: '330111',
      receivedAt: '2025-04-12T10:00:00+08:00',
      category: '市场监管',
      content: '市民反映某超市销售过期食品，要求核查。',
    },
  });
  assert.deepEqual([food.statusCode, food.json().intake, food.json().clueId], [201, 'not_enforcement', null]);
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/hotline-tickets', headers: { cookie: cookies.fy_staff }, payload: ticket }))
      .statusCode,
    403,
  );
  const bad = await app.inject({
    method: 'POST',
    url: '/api/v1/hotline-tickets',
    headers: sup,
    payload: { ...ticket, sourceId: 'X1', entityUscc: '91330100470102706X' },
  });
  assert.equal(bad.json().error.field, 'entityUscc');
});

test('imported tickets are taken in on request', async () => {
  await store.exec(`INSERT INTO hotline_tickets (id, source_system, source_id, region_code, received_at, category, content, entity_uscc, agency_id, status) VALUES
    ('hot-imp-1', '12345', 'IMP-1', '330111', '2025-05-01T01:00:00Z', '城市管理', '反映城管执法人员粗暴执法，推搡摊主。', NULL, 'AG-FY-ZHZF', 'open'),
    ('hot-imp-2', '12345', 'IMP-2', '330111', '2025-05-01T02:00:00Z', '城市管理', '反映某路段路灯不亮。', NULL, NULL, 'open')`);
  const res = await app.inject({ method: 'POST', url: '/api/v1/hotline-tickets/intake', headers: { cookie: cookies.fy_sup }, payload: {} });
  assert.deepEqual(res.json(), { looked: 2, clues: 1, linked: 0 });
  const rows = await store.query<{ id: string; intake: string }>(
    `SELECT id, intake FROM hotline_tickets WHERE id LIKE 'hot-imp-%' ORDER BY id`,
  );
  assert.deepEqual(
    rows.map((r) => r.intake),
    ['clue', 'not_enforcement'],
  );
  assert.deepEqual(
    (await app.inject({ method: 'POST', url: '/api/v1/hotline-tickets/intake', headers: { cookie: cookies.fy_sup }, payload: {} })).json(),
    { looked: 0, clues: 0, linked: 0 },
  );
});

test('console intake: an invited supervisor reports as such and sees their clue; a supervisor enters media; an agency may not', async () => {
  const inv = { cookie: cookies.fy_invited };
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/clues',
    headers: inv,
    payload: {
      source: 'invited',
      regionCode: '330111',
      agencyId: 'AG-FY-ZHZF',
      content: '走访中企业反映：执法人员检查时要求企业购买指定的消防器材。',
      severity: 'high',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const list = (await app.inject({ method: 'GET', url: '/api/v1/clues', headers: inv })).json();
  assert.deepEqual(
    list.rows.map((r: { id: string }) => r.id),
    [res.json().clueId],
  );
  assert.equal(list.rows[0].severity, 'high');
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/clues',
        headers: inv,
        payload: { source: 'media', regionCode: '330111', content: '媒体报道：某局执法过程中存在以罚代管。' },
      })
    ).statusCode,
    403,
  );
  const outside = await app.inject({
    method: 'POST',
    url: '/api/v1/clues',
    headers: inv,
    payload: { source: 'invited', regionCode: '330106', content: '西湖区某局执法过程中存在以罚代管问题。' },
  });
  assert.equal(outside.statusCode, 403);
  const media = await app.inject({
    method: 'POST',
    url: '/api/v1/clues',
    headers: { cookie: cookies.fy_sup },
    payload: {
      source: 'media',
      regionCode: '330111',
      title: '媒体报道：执法车辆违规停放',
      content: '某媒体报道富阳区执法车辆长期占用消防通道。',
      basis: [{ regulationId: 'no-such-law', article: 1 }],
    },
  });
  assert.equal(media.statusCode, 400);
  assert.equal(media.json().error.field, 'basis');
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/clues',
    headers: { cookie: cookies.fy_sup },
    payload: {
      source: 'media',
      regionCode: '330111',
      title: '媒体报道：执法车辆违规停放',
      content: '某媒体报道富阳区执法车辆长期占用消防通道。',
    },
  });
  assert.equal(ok.statusCode, 201);
  const detail = (
    await app.inject({ method: 'GET', url: `/api/v1/clues/${ok.json().clueId}`, headers: { cookie: cookies.fy_sup } })
  ).json();
  assert.equal(detail.clue.title, '媒体报道：执法车辆违规停放');
  assert.equal(detail.clue.sourceLabel, '媒体舆情');
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/clues',
        headers: { cookie: cookies.fy_staff },
        payload: { source: 'invited', regionCode: '330111', content: '自己报告自己的问题线索。' },
      })
    ).statusCode,
    403,
  );
  assert.equal((await verifyAuditLog(store)).ok, true);
});
