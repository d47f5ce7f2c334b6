// The assistant over HTTP: ask (one message, one or several questions, in a conversation), the
// caller's own history, and an answer's table as an Excel file. Design: docs/assistant.md.
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import { AssistantError, answerTable, ask, conversationAsks, listConversations } from '../assistant/history.ts';
import { tableWorkbook } from '../assistant/xlsx.ts';
import { callerOf, type Api } from './app.ts';
import { errors } from './schemas.ts';
import { AskBody, AskResponse, ConversationAsks, ConversationList, ConversationParams, TableParams } from './assistant-schemas.ts';
import { KeduError } from '../domain/errors.ts';

const mapError = (e: unknown): never => {
  if (e instanceof AssistantError) throw new KeduError(e.code, e.message, e.field);
  throw e;
};

export async function assistantRoutes(app: Api, store: Store, asOf?: string): Promise<void> {
  app.post(
    '/assistant/ask',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['assistant'],
        summary: 'AI助手：提问（法律、数据、平台），回答附依据条文与查询语句',
        body: AskBody,
        response: { 200: AskResponse, ...errors(400, 401, 404, 429) },
      },
    },
    async (req) => {
      const body = req.body;
      return ask(store, callerOf(req), body.question, { conversationId: body.conversationId, asOf }).catch(mapError);
    },
  );

  app.get(
    '/assistant/conversations',
    { schema: { tags: ['assistant'], summary: '本人的对话列表', response: { 200: ConversationList, ...errors(401) } } },
    async (req) => ({
      rows: await listConversations(store, callerOf(req)),
    }),
  );

  app.get(
    '/assistant/conversations/:id',
    {
      schema: {
        tags: ['assistant'],
        summary: '本人某一对话的全部提问与回答',
        params: ConversationParams,
        response: { 200: ConversationAsks, ...errors(401, 404) },
      },
    },
    async (req) => ({ asks: await conversationAsks(store, callerOf(req), req.params.id).catch(mapError) }),
  );

  app.get(
    '/assistant/asks/:id/answers/:index/table.xlsx',
    {
      schema: {
        tags: ['assistant'],
        summary: '导出某一回答的表格（Excel）',
        params: TableParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.Unknown({ description: 'Excel 文件（.xlsx）' }), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      const { id, index } = req.params;
      const { title, table } = await answerTable(store, callerOf(req), id, index).catch(mapError);
      const file = await tableWorkbook(title, table);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('AI助手回答.xlsx')}`)
        .send(file);
    },
  );
}
