// Asking as a user: the conversation's state is read, the message answered, and the ask stored with
// its answers in the user's history — together with an `assistant.ask` audit entry, in one
// transaction. A user reads only their own conversations.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { businessDate } from '../domain/dates.ts';
import { lexiconFor } from './lexicon.ts';
import { answerMessage, EMPTY_STATE, type ConversationState } from './assistant.ts';
import type { Answer, AnswerTable } from './answer.ts';
import { endpointFromEnv, type ModelEndpoint } from './model-endpoint.ts';

export const MAX_QUESTION_LENGTH = 500;

/** A refusal the caller can act on; the API maps `code` to its error catalogue. */
export class AssistantError extends Error {
  constructor(
    readonly code: 'bad_request' | 'not_found',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface AskResult {
  conversationId: string;
  askId: string;
  answers: Answer[];
  millis: number;
  viaModel: boolean;
}

export interface AskOptions {
  conversationId?: string;
  /** 'YYYY-MM-DD' that counts as today (the demo's fixed day); default the business date. */
  asOf?: string;
  /** The model endpoint; default: KEDU_LLM_URL from the environment (none: offline only). */
  endpoint?: ModelEndpoint | null;
}

export function questionProblem(question: unknown): string | null {
  if (typeof question !== 'string' || !question.trim()) return '问题不能为空';
  if (question.length > MAX_QUESTION_LENGTH) return `问题不能超过${MAX_QUESTION_LENGTH}个字`;
  return null;
}

export async function ask(store: Store, caller: Caller, question: string, opts: AskOptions = {}): Promise<AskResult> {
  const problem = questionProblem(question);
  if (problem) throw new AssistantError('bad_request', problem, 'question');
  const started = performance.now();
  let state: ConversationState = EMPTY_STATE;
  if (opts.conversationId) {
    const [conv] = await store.query<{ context: string }>(
      sql`SELECT context FROM assistant_conversations WHERE id = ${opts.conversationId} AND user_id = ${caller.userId}`,
    );
    if (!conv) throw new AssistantError('not_found', '未找到该对话', 'conversationId');
    state = JSON.parse(conv.context) as ConversationState;
  }
  const lex = await lexiconFor(store);
  const endpoint = opts.endpoint === undefined ? endpointFromEnv() : opts.endpoint;
  const {
    answers,
    state: next,
    viaModel,
  } = await answerMessage({ store, caller, lex, asOf: opts.asOf ?? businessDate(new Date()), endpoint }, question, state);
  const millis = Math.round(performance.now() - started);
  const conversationId = opts.conversationId ?? randomUUID();
  const askId = randomUUID();
  const now = new Date().toISOString();
  await withAudit(store, caller.regionCode, async (tx) => {
    if (opts.conversationId) {
      await tx.exec(
        sql`UPDATE assistant_conversations SET context = ${JSON.stringify(next)}, updated_at = ${now} WHERE id = ${conversationId}`,
      );
    } else {
      await tx.exec(
        sql`INSERT INTO assistant_conversations (id, user_id, region_code, title, context, created_at, updated_at)
            VALUES (${conversationId}, ${caller.userId}, ${caller.regionCode}, ${question.slice(0, 60)}, ${JSON.stringify(next)}, ${now}, ${now})`,
      );
    }
    await tx.exec(
      sql`INSERT INTO assistant_asks (id, conversation_id, user_id, region_code, question, answers, millis, via_model, asked_at)
          VALUES (${askId}, ${conversationId}, ${caller.userId}, ${caller.regionCode}, ${question}, ${JSON.stringify(answers)}, ${millis}, ${viaModel}, ${now})`,
    );
    return {
      result: undefined,
      audit: [
        {
          actor: caller.userId,
          action: 'assistant.ask',
          target: askId,
          regionCode: caller.regionCode,
          detail: {
            conversationId,
            viaModel,
            intents: answers.map((a) => a.intent),
            kinds: answers.map((a) => a.kind),
            queries: answers.reduce((n, a) => n + a.queries.length, 0),
          },
        },
      ],
    };
  });
  return { conversationId, askId, answers, millis, viaModel };
}

export async function listConversations(store: Store, caller: Caller) {
  const rows = await store.query<{ id: string; title: string; created_at: string; updated_at: string; asks: number }>(
    sql`SELECT c.id, c.title, c.created_at, c.updated_at, (SELECT count(*) FROM assistant_asks a WHERE a.conversation_id = c.id) AS asks
        FROM assistant_conversations c WHERE c.user_id = ${caller.userId} ORDER BY c.updated_at DESC LIMIT 100`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at, asks: Number(r.asks) }));
}

export async function conversationAsks(store: Store, caller: Caller, id: string) {
  const rows = await store.query<{ id: string; question: string; answers: string; millis: number; via_model: boolean; asked_at: string }>(
    sql`SELECT id, question, answers, millis, via_model, asked_at FROM assistant_asks WHERE conversation_id = ${id} AND user_id = ${caller.userId} ORDER BY asked_at, id`,
  );
  if (!rows.length) throw new AssistantError('not_found', '未找到该对话', 'id');
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    answers: JSON.parse(r.answers) as Answer[],
    millis: Number(r.millis),
    viaModel: r.via_model,
    askedAt: r.asked_at,
  }));
}

/** The table of one answer of the caller's own ask, for the Excel export. */
export async function answerTable(
  store: Store,
  caller: Caller,
  askId: string,
  index: number,
): Promise<{ title: string; table: AnswerTable }> {
  const [row] = await store.query<{ answers: string }>(
    sql`SELECT answers FROM assistant_asks WHERE id = ${askId} AND user_id = ${caller.userId}`,
  );
  if (!row) throw new AssistantError('not_found', '未找到该提问', 'askId');
  const answer = (JSON.parse(row.answers) as Answer[])[index];
  if (!answer?.table) throw new AssistantError('not_found', '该回答没有表格', 'index');
  return { title: answer.question, table: answer.table };
}
