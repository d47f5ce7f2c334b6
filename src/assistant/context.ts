// What every step of an ask shares: the store, who asks, the lexicon and the day that counts as today.
import type { Row, Store } from '../store/store.ts';
import type { Sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import type { Lexicon } from './lexicon.ts';
import type { Citation, QueryTrace } from './answer.ts';
import type { ModelEndpoint } from './model-endpoint.ts';

export interface AskContext {
  store: Store;
  caller: Caller;
  lex: Lexicon;
  /** 'YYYY-MM-DD': the business day relative time (今年, 近30天) counts from. */
  asOf: string;
  /** An OpenAI-compatible endpoint for what the offline pipeline cannot understand (KEDU_LLM_URL); none: offline only. */
  endpoint?: ModelEndpoint | null;
}

/** A citation of an article the store holds, or null when the corpus lacks its text. */
export function cite(ctx: AskContext, regulationId: string, article: number, role: string): Citation | null {
  const reg = ctx.lex.regulations.get(regulationId);
  const a = ctx.lex.articles.get(`${regulationId}#${article}`);
  if (!reg || !a?.text) return null;
  return { regulationId, regulationTitle: reg.title, article, label: a.label, text: a.text, role };
}

/** 《中华人民共和国行政处罚法》第三十三条 */
export const citeLabel = (c: Pick<Citation, 'regulationTitle' | 'label'>) => `《${c.regulationTitle}》${c.label}`;

/** Runs one query and records it (plan, SQL, parameters, rows, time) in the answer's traces. */
export async function tracedQuery<T = Row>(ctx: AskContext, q: Sql, plan: string[], traces: QueryTrace[]): Promise<T[]> {
  const started = performance.now();
  const rows = await ctx.store.query<T>(q);
  const r = q.render();
  traces.push({
    plan,
    sql: r.text,
    params: r.params.map((p) => (p instanceof Date ? p.toISOString() : p)),
    rows: rows.length,
    millis: Math.round((performance.now() - started) * 10) / 10,
  });
  return rows;
}
