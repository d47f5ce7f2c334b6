// The assistant over HTTP: ask (one message, one or several questions, in a conversation), the
// caller's own history, and an answer's table as an Excel file. Design: docs/assistant.md.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { AnswerSchema } from '../assistant/answer.ts';
import { AssistantError, MAX_QUESTION_LENGTH, answerTable, ask, conversationAsks, listConversations } from '../assistant/history.ts';
import { tableWorkbook } from '../assistant/xlsx.ts';
import { callerOf } from './app.ts';
import { KeduError } from './errors.ts';

const AskBody = Type.Object({
  question: Type.String({ minLength: 1, maxLength: MAX_QUESTION_LENGTH, description: '一个或多个问题' }),
  conversationId: Type.Optional(Type.String({ maxLength: 64, description: '接续的对话；省略则开始新对话' })),
});

export const AskResponse = Type.Object({
  conversationId: Type.String(),
  askId: Type.String(),
  answers: Type.Array(AnswerSchema),
  millis: Type.Number(),
  viaModel: Type.Boolean(),
});
export type AskResponse = Static<typeof AskResponse>;

const mapError = (e: unknown): never => {
  if (e instanceof AssistantError) throw new KeduError(e.code, e.message, e.field);
  throw e;
};

export async function assistantRoutes(app: FastifyInstance, store: Store, asOf?: string): Promise<void> {
  app.post(
    '/assistant/ask',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['assistant'],
        summary: 'AI助手：提问（法律、数据、平台），回答附依据条文与查询语句',
        body: AskBody,
        response: { 200: AskResponse },
      },
    },
    async (req) => {
      const body = req.body as Static<typeof AskBody>;
      return ask(store, callerOf(req), body.question, { conversationId: body.conversationId, asOf }).catch(mapError);
    },
  );

  app.get('/assistant/conversations', { schema: { tags: ['assistant'], summary: '本人的对话列表' } }, async (req) => ({
    rows: await listConversations(store, callerOf(req)),
  }));

  app.get(
    '/assistant/conversations/:id',
    {
      schema: { tags: ['assistant'], summary: '本人某一对话的全部提问与回答', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
    },
    async (req) => ({ asks: await conversationAsks(store, callerOf(req), (req.params as { id: string }).id).catch(mapError) }),
  );

  app.get(
    '/assistant/asks/:id/answers/:index/table.xlsx',
    {
      schema: {
        tags: ['assistant'],
        summary: '导出某一回答的表格（Excel）',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), index: Type.Integer({ minimum: 0, maximum: 50 }) }),
      },
    },
    async (req, reply) => {
      const { id, index } = req.params as { id: string; index: number };
      const { title, table } = await answerTable(store, callerOf(req), id, index).catch(mapError);
      const file = await tableWorkbook(title, table);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('AI助手回答.xlsx')}`)
        .send(file);
    },
  );
}
