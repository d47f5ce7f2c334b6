// The assistant's request and response schemas. The console's types are these (web/src/api.ts).
import { Type, type Static } from '@sinclair/typebox';
import { AnswerSchema } from '../assistant/answer.ts';
import { MAX_QUESTION_LENGTH } from '../assistant/history.ts';

export const AskBody = Type.Object({
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

export const Conversation = Type.Object({
  id: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  asks: Type.Integer(),
});
export const ConversationList = Type.Object({ rows: Type.Array(Conversation) });
export const ConversationParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const Ask = Type.Object({
  id: Type.String(),
  question: Type.String(),
  answers: Type.Array(AnswerSchema),
  millis: Type.Number(),
  viaModel: Type.Boolean(),
  askedAt: Type.String(),
});
export const ConversationAsks = Type.Object({ asks: Type.Array(Ask) });
export const TableParams = Type.Object({ id: Type.String({ maxLength: 64 }), index: Type.Integer({ minimum: 0, maximum: 50 }) });

export type Conversation = Static<typeof Conversation>;
export type Ask = Static<typeof Ask>;
