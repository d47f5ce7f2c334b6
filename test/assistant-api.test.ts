// The assistant end to end over the API, on the demo data set: the seed's three-part question, follow-
// ups in one conversation, jurisdiction (a county user never gets another county's figures; agency
// staff only their agency's), history and the audited ask, the Excel export, and input errors.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openDemoStore } from './helpers/demo-store.ts';
import { addUser } from './helpers/fixtures.ts';
import { login } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { DEMO_AS_OF, DEMO_AS_OF as AS_OF_ISO } from './helpers/demo-day.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import type { AskResponse } from '../src/api/assistant-schemas.ts';

const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
let app: FastifyInstance;

before(async () => {
  await addUser(store, 'hz_sup', 'supervisor', '330100');
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'fy_cle', 'agency_staff', '330111', 'AG-330111-CLE');
  await addUser(store, 'fy_mkt', 'agency_staff', '330111', 'AG-330111-MKT');
  app = await buildApp({ store, asOf: AS_OF_ISO });
});
after(async () => {
  await app.close();
  await t.close();
});

async function askAs(cookie: string, question: string, conversationId?: string): Promise<AskResponse> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/assistant/ask',
    headers: { cookie },
    payload: { question, conversationId },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as AskResponse;
}

const count = async (q: string, params: (string | number)[]) => Number((await store.query<{ n: number }>(q, params))[0].n);

test("the seed's question is answered in all three parts: the articles quoted, the penalty, and the ten items equal to direct SQL", async () => {
  const cookie = await login(app, 'hz_sup');
  const r = await askAs(cookie, '无照经营违反哪些规定?会受到哪些处罚?杭州市检查数量最多的10个事项是什么?');
  assert.deepEqual(
    r.answers.map((a) => a.intent),
    ['law.violation', 'law.penalty', 'data.query'],
  );
  const [violation, penalty, top] = r.answers;
  const titles = violation.citations.map((c) => c.regulationTitle);
  assert.ok(titles.includes('中华人民共和国市场主体登记管理条例'));
  assert.ok(titles.includes('无证无照经营查处办法'));
  const [article3] = await store.query<{ text: string }>(
    `SELECT text FROM articles WHERE regulation_id = 'shichang-zhuti-dengji-guanli-tiaoli' AND number = 3`,
  );
  assert.equal(violation.citations.find((c) => c.article === 3)!.text, article3.text);
  assert.ok(penalty.citations.some((c) => c.regulationTitle === '中华人民共和国市场主体登记管理条例' && c.article === 43));
  assert.match(penalty.text, /10,000元至500,000元/);
  const direct = await store.query<{ name: string; n: number }>(
    `SELECT ii.name, count(*) AS n FROM inspections t JOIN inspection_items ii ON ii.code = t.inspection_item_code
     WHERE t.region_code LIKE '3301%' GROUP BY ii.name ORDER BY n DESC, ii.name LIMIT 10`,
  );
  assert.deepEqual(
    top.table!.rows.map((row) => [row.label, row.v]),
    direct.map((d) => [d.name, Number(d.n)]),
  );
  assert.ok(top.queries[0].sql.includes('LIMIT'));
});

test('a county user asking about another county gets no figure and is told why; asking about the city gets only their county', async () => {
  const cookie = await login(app, 'fy_sup');
  const other = await askAs(cookie, '西湖区今年检查了多少次？');
  assert.equal(other.answers[0].kind, 'refused');
  assert.equal(other.answers[0].queries.length, 0);
  assert.match(other.answers[0].text, /辖区为富阳区，无权查询西湖区/);
  assert.deepEqual(other.answers[0].figures, []);

  const mistyped = await askAs(cookie, '西湖今年的罚款总额');
  assert.equal(mistyped.answers[0].kind, 'refused');

  const city = await askAs(cookie, '杭州市今年检查了多少次？');
  const fuyang = await count(
    `SELECT count(*) AS n FROM inspections WHERE region_code LIKE '330111%' AND inspected_on BETWEEN '2025-01-01' AND '2025-12-31'`,
    [],
  );
  assert.equal(city.answers[0].table!.rows[0].v, fuyang);
  assert.match(city.answers[0].notes.join(''), /只统计富阳区/);

  const byCounty = await askAs(cookie, '各区县检查次数排名');
  for (const row of byCounty.answers[0].table!.rows) assert.ok(String(row.key).startsWith('330111'), String(row.key));
});

test('agency staff get only their own agency: counts equal their agency, and a measure without agencies is refused', async () => {
  const cookie = await login(app, 'fy_cle');
  const r = await askAs(cookie, '今年检查了多少次');
  const own = await count(
    `SELECT count(*) AS n FROM inspections WHERE agency_id = 'AG-330111-CLE' AND inspected_on BETWEEN '2025-01-01' AND '2025-12-31'`,
    [],
  );
  const county = await count(
    `SELECT count(*) AS n FROM inspections WHERE region_code LIKE '330111%' AND inspected_on BETWEEN '2025-01-01' AND '2025-12-31'`,
    [],
  );
  assert.ok(own > 0 && own < county);
  assert.equal(r.answers[0].table!.rows[0].v, own);
  const payments = await askAs(cookie, '今年缴纳了多少罚款');
  const ownPaid = Number(
    (
      await store.query<{ v: number }>(
        `SELECT COALESCE(sum(p.amount), 0) AS v FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.agency_id = 'AG-330111-CLE' AND p.paid_on BETWEEN '2025-01-01' AND '2025-12-31'`,
      )
    )[0].v,
  );
  assert.equal(payments.answers[0].table!.rows[0].v, ownPaid);
  const satisfaction = await askAs(cookie, '回访满意度是多少');
  assert.equal(satisfaction.answers[0].kind, 'refused');
});

test('follow-ups keep the conversation: another region, by month, only one line', async () => {
  const cookie = await login(app, 'hz_sup');
  const first = await askAs(cookie, '萧山区今年处罚案件有多少件');
  const second = await askAs(cookie, '那余杭呢？', first.conversationId);
  const yuhang = await count(
    `SELECT count(*) AS n FROM cases WHERE region_code LIKE '330110%' AND filed_on BETWEEN '2025-01-01' AND '2025-12-31'`,
    [],
  );
  assert.equal(second.answers[0].table!.rows[0].v, yuhang);
  const third = await askAs(cookie, '按月看', first.conversationId);
  assert.equal(third.answers[0].table!.rows.length, 12);
  assert.equal(
    third.answers[0].table!.rows.reduce((s, r) => s + Number(r.v), 0),
    yuhang,
  );
  const fourth = await askAs(cookie, '只看市场监管', first.conversationId);
  const mkt = await count(
    `SELECT count(*) AS n FROM cases c JOIN agencies a ON a.id = c.agency_id WHERE c.region_code LIKE '330110%' AND a.line_code = 'MKT' AND c.filed_on BETWEEN '2025-01-01' AND '2025-12-31'`,
    [],
  );
  assert.equal(
    fourth.answers[0].table!.rows.reduce((s, r) => s + Number(r.v), 0),
    mkt,
  );
});

test('history is per user and every ask is in the audit log; another user cannot read or export it', async () => {
  const cookie = await login(app, 'fy_mkt');
  const r = await askAs(cookie, '市场监管条线管哪些执法事项？');
  assert.ok(r.answers[0].table!.rows.length > 10);
  const list = await app.inject({ method: 'GET', url: '/api/v1/assistant/conversations', headers: { cookie } });
  assert.ok(list.json().rows.some((c: { id: string }) => c.id === r.conversationId));
  const [entry] = await store.query<{ actor: string; detail: string }>(
    `SELECT actor, detail FROM audit_log WHERE action = 'assistant.ask' AND target = $1`,
    [r.askId],
  );
  assert.ok(entry);
  assert.equal(JSON.parse(entry.detail).conversationId, r.conversationId);
  assert.equal((await verifyAuditLog(store)).ok, true);

  const xlsx = await app.inject({ method: 'GET', url: `/api/v1/assistant/asks/${r.askId}/answers/0/table.xlsx`, headers: { cookie } });
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb.worksheets[0].getRow(2).getCell(2).value, '事项名称');
  assert.equal(wb.worksheets[0].rowCount, r.answers[0].table!.rows.length + 2);

  const stranger = await login(app, 'fy_cle');
  assert.equal(
    (await app.inject({ method: 'GET', url: `/api/v1/assistant/conversations/${r.conversationId}`, headers: { cookie: stranger } }))
      .statusCode,
    404,
  );
  assert.equal(
    (await app.inject({ method: 'GET', url: `/api/v1/assistant/asks/${r.askId}/answers/0/table.xlsx`, headers: { cookie: stranger } }))
      .statusCode,
    404,
  );
  const continued = await app.inject({
    method: 'POST',
    url: '/api/v1/assistant/ask',
    headers: { cookie: stranger },
    payload: { question: '那宁波呢', conversationId: r.conversationId },
  });
  assert.equal(continued.statusCode, 404);
  assert.equal(continued.json().error.field, 'conversationId');
});

test('bad input gets a Chinese 400 naming the field, never a 500', async () => {
  const cookie = await login(app, 'hz_sup');
  const empty = await app.inject({ method: 'POST', url: '/api/v1/assistant/ask', headers: { cookie }, payload: { question: '' } });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.json().error.message, /question/);
  const long = await app.inject({
    method: 'POST',
    url: '/api/v1/assistant/ask',
    headers: { cookie },
    payload: { question: '查'.repeat(501) },
  });
  assert.equal(long.statusCode, 400);
  const blank = await app.inject({ method: 'POST', url: '/api/v1/assistant/ask', headers: { cookie }, payload: { question: '   ' } });
  assert.equal(blank.statusCode, 400);
  assert.equal(blank.json().error.field, 'question');
  assert.match(blank.json().error.message, /问题不能为空/);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/assistant/ask', payload: { question: '你好' } })).statusCode, 401);
});

test('a model named by part of its name is the one the words cover most; 多少条线索 is a count, not a grouping by 条线', async () => {
  const { readQuestion } = await import('../src/assistant/read.ts');
  const { lexiconFor } = await import('../src/assistant/lexicon.ts');
  const lex = await lexiconFor(store);
  const r = readQuestion('重复检查模型发现了多少条线索', lex, AS_OF_ISO);
  assert.deepEqual([r.model, r.group], ['INS_REPEAT', null], '多头重复检查 is covered more by 重复检查 than 同一部门重复检查');
  assert.equal(readQuestion('同一部门重复检查模型有多少线索', lex, AS_OF_ISO).model, 'INS_SAME_AGENCY_REPEAT');
  assert.equal(readQuestion('有哪些监督模型', lex, AS_OF_ISO).model, null);
  assert.equal(readQuestion('各条线的线索数', lex, AS_OF_ISO).group, 'line');
  const cookie = await login(app, 'hz_sup');
  const [a] = (await askAs(cookie, '重复检查模型发现了多少条线索')).answers;
  const want = await count(`SELECT count(*) AS n FROM clues WHERE region_code LIKE '3301%' AND model_code = 'INS_REPEAT'`, []);
  assert.ok(a.text.includes(`${want}条`), a.text);
});
