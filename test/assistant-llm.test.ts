// The optional model endpoint, against a local stand-in that speaks the chat-completions protocol
// with tool calls: a question the offline pipeline cannot read is understood by the model through the
// tools; its wording is kept when every number comes from a tool result and replaced when it does not;
// the caller's jurisdiction holds through the tools; without the endpoint, or with it down, the
// offline answer stands.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoStore } from './helpers/demo-store.ts';
import { startLlmStandIn, type ChatRequest, type StandIn } from './helpers/llm-stand-in.ts';
import { addUser } from './helpers/fixtures.ts';
import { DEMO_AS_OF, DEMO_AS_OF as AS_OF_ISO } from './helpers/demo-day.ts';
import { ask } from '../src/assistant/history.ts';
import { endpointFromEnv } from '../src/assistant/model-endpoint.ts';
import type { Caller } from '../src/auth/caller.ts';

const t = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
const { store } = t;
let city: Caller;
let county: Caller;
let standIn: StandIn;
let liar = false;

const XIAOSHAN = 'How many inspections did Xiaoshan carry out in 2025?';
const ARTICLE = 'What does article 33 of the administrative penalty law say?';

function script(req: ChatRequest) {
  const last = req.messages.at(-1)!;
  const user = req.messages.find((m) => m.role === 'user')!.content;
  if (last.role === 'user') {
    if (XIAOSHAN.startsWith(user!))
      return {
        tool_calls: [
          {
            id: 'c1',
            type: 'function' as const,
            function: { name: 'data_query', arguments: JSON.stringify({ measure: 'inspections', regions: ['萧山区'], time: '2025年' }) },
          },
        ],
      };
    if (ARTICLE.startsWith(user!))
      return {
        tool_calls: [
          {
            id: 'c2',
            type: 'function' as const,
            function: { name: 'article', arguments: JSON.stringify({ regulation: '行政处罚法', number: 33 }) },
          },
        ],
      };
    return { content: 'Hello! I can only help with enforcement questions.' };
  }
  const result = JSON.parse(last.content!) as { kind: string; figures: number[]; citations: string[] }[];
  if (result[0].kind === 'refused') return { content: '您无权查询该区域。' };
  if (ARTICLE.startsWith(user!)) return { content: `行政处罚法第33条：${result[0].citations[0].split('：')[1]}` };
  return { content: liar ? '萧山区2025年共检查999,999次。' : `萧山区2025年共检查${result[0].figures[0].toLocaleString('zh-CN')}次。` };
}

before(async () => {
  city = await addUser(store, 'hz_sup', 'supervisor', '330100');
  county = await addUser(store, 'fy_sup', 'supervisor', '330111');
  standIn = await startLlmStandIn(script);
});
after(async () => {
  await standIn.close();
  await t.close();
});

const endpoint = () => endpointFromEnv({ KEDU_LLM_URL: `${standIn.url}/v1`, KEDU_LLM_MODEL: 'qwen-test', KEDU_LLM_API_KEY: 'k1' });
const direct = async () =>
  Number(
    (
      await store.query<{ n: number }>(
        `SELECT count(*) AS n FROM inspections WHERE region_code LIKE '330109%' AND inspected_on BETWEEN '2025-01-01' AND '2025-12-31'`,
      )
    )[0].n,
  );

test('a question the offline pipeline cannot read is answered through the tools, the numbers checked, the SQL kept', async () => {
  liar = false;
  const offline = await ask(store, city, XIAOSHAN, { asOf: AS_OF_ISO, endpoint: null });
  assert.equal(offline.answers[0].kind, 'unsupported');
  assert.equal(offline.viaModel, false);

  const r = await ask(store, city, XIAOSHAN, { asOf: AS_OF_ISO, endpoint: endpoint() });
  const [a] = r.answers;
  const n = await direct();
  assert.equal(r.viaModel, true);
  assert.equal(a.text, `萧山区2025年共检查${n.toLocaleString('zh-CN')}次。`);
  assert.equal(a.table!.rows[0].v, n);
  assert.match(a.queries[0].sql, /FROM inspections t/);
  const first = standIn.requests.at(-2)!;
  assert.equal(first.body.model, 'qwen-test');
  assert.equal(first.authorization, 'Bearer k1');
  assert.deepEqual(
    first.body.tools!.map((x) => x.function.name),
    ['law_lookup', 'article', 'data_query'],
  );
  const [row] = await store.query<{ via_model: boolean }>('SELECT via_model FROM assistant_asks WHERE id = $1', [r.askId]);
  assert.equal(row.via_model, true);
});

test('wording with a number no tool returned is replaced by the tools’ own answer', async () => {
  liar = true;
  const r = await ask(store, city, XIAOSHAN, { asOf: AS_OF_ISO, endpoint: endpoint() });
  const [a] = r.answers;
  assert.doesNotMatch(a.text, /999/);
  assert.match(a.text, new RegExp((await direct()).toLocaleString('zh-CN')));
  assert.match(a.notes.join(''), /999,999|999999/);
});

test('articles come verbatim from the corpus through the tool; the jurisdiction holds through the tools', async () => {
  liar = false;
  const law = await ask(store, city, ARTICLE, { asOf: AS_OF_ISO, endpoint: endpoint() });
  const [article] = await store.query<{ text: string }>(
    `SELECT text FROM articles WHERE regulation_id = 'xingzheng-chufa-fa' AND number = 33`,
  );
  assert.equal(law.answers[0].citations[0].text, article.text);
  const refused = await ask(store, county, XIAOSHAN, { asOf: AS_OF_ISO, endpoint: endpoint() });
  assert.equal(refused.answers[0].kind, 'refused');
  assert.equal(refused.answers[0].queries.length, 0);
});

test('no tool called, or the endpoint down: the offline answer stands, and says so', async () => {
  const chat = await ask(store, city, 'hello there', { asOf: AS_OF_ISO, endpoint: endpoint() });
  assert.equal(chat.answers[0].kind, 'unsupported');
  assert.ok(chat.answers[0].examples!.length > 0);
  const down = await ask(store, city, XIAOSHAN, {
    asOf: AS_OF_ISO,
    endpoint: { ...endpoint()!, url: 'http://127.0.0.1:9/v1/chat/completions', timeoutMs: 2000 },
  });
  assert.equal(down.answers[0].kind, 'unsupported');
  assert.match(down.answers[0].notes.join(''), /模型服务暂不可用/);
  // Offline questions never reach the endpoint.
  const before = standIn.requests.length;
  await ask(store, city, '萧山区今年检查多少次', { asOf: AS_OF_ISO, endpoint: endpoint() });
  assert.equal(standIn.requests.length, before);
});
