// What the assistant returns for each question of a message: the sentence, a table, a chart (an
// ECharts option), the articles and records it rests on, the plan and the SQL it ran, and every figure
// it used, so that a reader (or the grounding check) can trace each number to a query or the corpus.
import { Type, type Static } from '@sinclair/typebox';

export const ANSWER_KINDS = ['law', 'data', 'platform', 'refused', 'not_held', 'unsupported'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const CitationSchema = Type.Object({
  regulationId: Type.String(),
  regulationTitle: Type.String(),
  article: Type.Integer(),
  label: Type.String(),
  /** Verbatim from data/law. */
  text: Type.String(),
  /** What the article is to the answer: 违反条款, 罚则, 不予处罚依据 … */
  role: Type.String(),
});
export type Citation = Static<typeof CitationSchema>;

export const TableSchema = Type.Object({
  columns: Type.Array(Type.Object({ key: Type.String(), title: Type.String(), numeric: Type.Optional(Type.Boolean()) })),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))),
});
export type AnswerTable = Static<typeof TableSchema>;

export const QuerySchema = Type.Object({
  /** The readable plan, one step a line. */
  plan: Type.Array(Type.String()),
  sql: Type.String(),
  params: Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  rows: Type.Integer(),
  millis: Type.Number(),
});
export type QueryTrace = Static<typeof QuerySchema>;

export const AnswerSchema = Type.Object({
  /** The question as the assistant read it (a part of the message). */
  question: Type.String(),
  intent: Type.String(),
  kind: Type.Union(ANSWER_KINDS.map((k) => Type.Literal(k))),
  text: Type.String(),
  table: Type.Optional(TableSchema),
  /** An ECharts option (bar or line), drawn as is by the console. */
  chart: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  citations: Type.Array(CitationSchema),
  records: Type.Array(Type.Object({ kind: Type.String(), id: Type.String(), label: Type.String() })),
  queries: Type.Array(QuerySchema),
  /** Every number the answer states, as computed from a query or read from the catalog. */
  figures: Type.Array(Type.Number()),
  /** How the question was understood: 指标、范围、时间 … (shown with the plan). */
  understood: Type.Array(Type.String()),
  /** For a question it cannot answer: what it can. */
  examples: Type.Optional(Type.Array(Type.String())),
  notes: Type.Array(Type.String()),
});
export type Answer = Static<typeof AnswerSchema>;

export function emptyAnswer(question: string, intent: string, kind: AnswerKind): Answer {
  return { question, intent, kind, text: '', citations: [], records: [], queries: [], figures: [], understood: [], notes: [] };
}

/** 12,345 / 1,234.5: a figure as the answers write it (zh-CN grouping, at most `decimals` places). */
export function formatFigure(n: number, decimals = 2): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: decimals });
}

/** The numbers written in a text (12,345 → 12345; 3.5% → 3.5); years, dates and article labels included. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}
