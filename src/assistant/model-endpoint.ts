// The optional model endpoint (KEDU_LLM_URL): an OpenAI-compatible /v1/chat/completions server (vLLM,
// llama.cpp's server, Ollama) that may understand what the offline pipeline could not. It works only
// through tools — the law lookup, the article lookup and the data query, which are the same functions
// the offline answers use, scoped to the caller — and its wording is kept only when every number in it
// comes from a tool result; otherwise the tools' own answers are given. Citations and queries stay.
import type { AskContext } from './context.ts';
import { emptyAnswer, numbersIn, type Answer } from './answer.ts';
import { MEASURES } from './measures.ts';
import { DIMENSIONS, type DimensionKey } from './dimensions.ts';
import { readQuestion } from './read.ts';
import { normalizeQuestion } from './normalize.ts';
import { readTime } from './time.ts';
import { dataAnswers, emptyFrame, type DataFrame } from './data.ts';
import { articleAnswer, exemptionAnswer, itemsFor, penaltyAnswer, violationAnswer } from './law.ts';

export interface ModelEndpoint {
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

/** The endpoint configured in the environment, or null (then everything runs offline). */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): ModelEndpoint | null {
  const url = env.KEDU_LLM_URL?.trim();
  if (!url) return null;
  const base = url.replace(/\/+$/, '').replace(/\/v1$/, '');
  return {
    url: `${base}/v1/chat/completions`,
    model: env.KEDU_LLM_MODEL?.trim() || 'qwen2.5',
    apiKey: env.KEDU_LLM_API_KEY?.trim() || null,
    timeoutMs: Number(env.KEDU_LLM_TIMEOUT_MS) || 20_000,
  };
}

interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}
interface Message {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

export const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'law_lookup',
      description: '查某一违法行为违反的条款、罚则（含裁量基准）和能否不予处罚。条文来自本地法规库原文。',
      parameters: {
        type: 'object',
        properties: {
          act: { type: 'string', description: '违法行为的中文描述，如“无照经营”“占道经营”' },
          aspects: { type: 'array', items: { type: 'string', enum: ['violation', 'penalty', 'exemption'] } },
        },
        required: ['act'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'article',
      description: '取某部法规某一条的原文；语料未收录时如实说明。',
      parameters: {
        type: 'object',
        properties: { regulation: { type: 'string', description: '法规名称，如“行政处罚法”' }, number: { type: 'integer', minimum: 1 } },
        required: ['regulation', 'number'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'data_query',
      description: '在提问人辖区内统计执法数据，返回数值、表格与所执行的SQL。',
      parameters: {
        type: 'object',
        properties: {
          measure: { type: 'string', enum: MEASURES.map((m) => m.key), description: MEASURES.map((m) => `${m.key}=${m.label}`).join('；') },
          regions: { type: 'array', items: { type: 'string' }, description: '区划名称，如“萧山区”“杭州市”；省略为本辖区' },
          time: { type: 'string', description: '时间，中文，如“2025年上半年”“近30天”“去年”' },
          lines: { type: 'array', items: { type: 'string' }, description: '条线名称，如“市场监管”' },
          group_by: { type: 'string', enum: DIMENSIONS.map((d) => d.key) },
          limit: { type: 'integer', minimum: 1, maximum: 50 },
          order: { type: 'string', enum: ['desc', 'asc'] },
          compare: { type: 'string', enum: ['yoy', 'mom'] },
          share: { type: 'boolean' },
        },
        required: ['measure'],
      },
    },
  },
] as const;

const SYSTEM_PROMPT =
  '你是浙江省行政执法协调监督平台“刻度”的AI助手。只能依据工具返回的结果回答：法律问题调用 law_lookup 或 article，' +
  '统计问题调用 data_query。不得编造任何条文、条号或数字；回答中的每个数字都必须原样来自工具结果。用简洁的中文回答。';

async function post(endpoint: ModelEndpoint, messages: Message[]): Promise<Message> {
  const res = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
    body: JSON.stringify({ model: endpoint.model, messages, tools: TOOLS, tool_choice: 'auto', temperature: 0 }),
    signal: AbortSignal.timeout(endpoint.timeoutMs),
  });
  if (!res.ok) throw new Error(`模型服务返回 HTTP ${res.status}`);
  const body = (await res.json()) as { choices?: { message?: Message }[] };
  const message = body.choices?.[0]?.message;
  if (!message) throw new Error('模型服务的回复中没有 choices[0].message');
  return message;
}

/** A tool call's arguments (JSON text from the model); anything unreadable is no arguments. */
function parseArguments(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Runs one tool call with the offline functions; bad arguments give an answer saying so. */
export async function runTool(ctx: AskContext, question: string, name: string, args: Record<string, unknown>): Promise<Answer[]> {
  if (name === 'law_lookup') {
    const r = readQuestion(normalizeQuestion(str(args.act)), ctx.lex, ctx.asOf);
    const items = itemsFor(ctx, r.items, str(args.act));
    if (!items.length) {
      const a = emptyAnswer(question, 'law.lookup', 'not_held');
      a.text = `规则库中没有与“${str(args.act)}”对应的执法事项。`;
      return [a];
    }
    const aspects = strs(args.aspects).length ? strs(args.aspects) : ['violation', 'penalty'];
    const out: Answer[] = [];
    if (aspects.includes('violation')) out.push(violationAnswer(ctx, question, items, r.synonymArticles, r.itemWords));
    if (aspects.includes('penalty')) out.push(await penaltyAnswer(ctx, question, items, r.synonymArticles));
    if (aspects.includes('exemption')) out.push(await exemptionAnswer(ctx, question, items));
    return out;
  }
  if (name === 'article') {
    const text = normalizeQuestion(`${str(args.regulation)}第${Number(args.number)}条`);
    const r = readQuestion(text, ctx.lex, ctx.asOf);
    return [articleAnswer(ctx, question, r.regulation ?? { id: null, name: str(args.regulation), article: Number(args.number) || null })];
  }
  if (name === 'data_query') {
    const measure = MEASURES.find((m) => m.key === args.measure);
    if (!measure) {
      const a = emptyAnswer(question, 'data.query', 'unsupported');
      a.text = `没有名为“${str(args.measure)}”的统计指标。`;
      return [a];
    }
    const places = readQuestion(normalizeQuestion(strs(args.regions).join('、')), ctx.lex, ctx.asOf);
    const lines = readQuestion(normalizeQuestion(strs(args.lines).join('、')), ctx.lex, ctx.asOf);
    const time = readTime(normalizeQuestion(str(args.time)), ctx.asOf);
    const group = DIMENSIONS.some((d) => d.key === args.group_by) ? (args.group_by as DimensionKey) : null;
    const frame: DataFrame = {
      ...emptyFrame([measure.key]),
      regions: places.regions.map((x) => x.code),
      corrected: places.regions.filter((x) => x.fuzzy).map((x) => [x.text, x.code]),
      period: time.period,
      comparison: args.compare === 'yoy' || args.compare === 'mom' ? args.compare : time.comparison,
      lines: lines.lines,
      group,
      limit: typeof args.limit === 'number' ? Math.min(50, Math.max(1, Math.round(args.limit))) : null,
      order: args.order === 'asc' ? 'asc' : group && typeof args.limit === 'number' ? 'desc' : null,
      share: args.share === true,
    };
    return dataAnswers(ctx, question, frame);
  }
  const a = emptyAnswer(question, 'unsupported', 'unsupported');
  a.text = `没有名为 ${name} 的工具。`;
  return [a];
}

/** What a tool result tells the model: the sentence, the first rows, the articles by name, the figures. */
function toolContent(answers: Answer[]): string {
  return JSON.stringify(
    answers.map((a) => ({
      kind: a.kind,
      text: a.text,
      table: a.table ? { columns: a.table.columns.map((c) => c.title), rows: a.table.rows.slice(0, 20) } : undefined,
      citations: a.citations.map((c) => `《${c.regulationTitle}》${c.label}：${c.text}`),
      figures: a.figures,
    })),
  );
}

/** Numbers in the model's wording that no tool result, cited article or the question holds. */
export function ungrounded(text: string, question: string, answers: Answer[]): number[] {
  const allowed = new Set<number>([
    ...numbersIn(question),
    ...answers.flatMap((a) => [
      ...a.figures,
      ...a.citations.flatMap((c) => numbersIn(c.text)),
      ...a.understood.flatMap(numbersIn),
      ...numbersIn(a.text),
      ...(a.table?.rows ?? []).flatMap((r) => Object.values(r).flatMap((v) => (typeof v === 'number' ? [v] : numbersIn(String(v ?? ''))))),
    ]),
  ]);
  return numbersIn(text).filter((n) => !allowed.has(n) && !allowed.has(Math.round(n * 100) / 100));
}

/**
 * Asks the endpoint about one question the offline pipeline could not answer. Returns null when the
 * model called no tool (then the offline "cannot answer" stands), or the grounded answer.
 */
export async function answerViaModel(ctx: AskContext, endpoint: ModelEndpoint, question: string): Promise<Answer | null> {
  const messages: Message[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: question },
  ];
  const results: Answer[] = [];
  for (let round = 0; round < 4; round++) {
    const reply = await post(endpoint, messages);
    if (reply.tool_calls?.length) {
      messages.push({ role: 'assistant', content: reply.content ?? null, tool_calls: reply.tool_calls });
      for (const call of reply.tool_calls) {
        const args = parseArguments(call.function.arguments);
        const answers = await runTool(ctx, question, call.function.name, args);
        results.push(...answers);
        messages.push({ role: 'tool', tool_call_id: call.id, content: toolContent(answers) });
      }
      continue;
    }
    if (!results.length) return null;
    const wording = (reply.content ?? '').trim();
    const merged = emptyAnswer(question, 'model.tools', results.find((a) => a.kind !== 'unsupported')?.kind ?? results[0].kind);
    const withTable = results.find((a) => a.table);
    merged.table = withTable?.table;
    merged.chart = withTable?.chart;
    for (const a of results) {
      for (const c of a.citations)
        if (!merged.citations.some((x) => x.regulationId === c.regulationId && x.article === c.article)) merged.citations.push(c);
      merged.queries.push(...a.queries);
      merged.records.push(...a.records);
      merged.figures.push(...a.figures);
      merged.understood.push(...a.understood);
      merged.notes.push(...a.notes);
    }
    const bad = wording ? ungrounded(wording, question, results) : [0];
    if (wording && !bad.length) {
      merged.text = wording;
      merged.notes.push('由模型服务理解问题并措辞；其中的数字均已核对来自查询结果或条文。');
    } else {
      merged.text = results.map((a) => a.text).join('\n');
      merged.notes.push(
        wording
          ? `模型措辞中的数字（${bad.join('、')}）无法在查询结果中找到，已改用系统生成的回答。`
          : '模型服务未给出措辞，使用系统生成的回答。',
      );
    }
    return merged;
  }
  throw new Error('模型服务在4轮内没有给出回答');
}
