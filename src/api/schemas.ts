// The pieces every resource's schemas share. Each resource keeps its request and response schemas
// beside its routes (src/api/<resource>-schemas.ts); handlers are typed from them (the TypeBox type
// provider), the OpenAPI document at /api/docs is generated from them, and the console imports their
// static types (`import type`, web/src/api.ts), so the three cannot drift apart.
import { Type, type Static, type TLiteral, type TObject, type TSchema, type TUnion } from '@sinclair/typebox';
import { badRequest } from '../domain/errors.ts';
import { isIsoDate } from '../domain/dates.ts';

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** One of the codes: a union of literals, whose static type is the union of the codes. */
export const Literals = <const V extends readonly string[]>(values: V, options: { description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<TLiteral<V[number]>[]>;

export const DATE = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const ID = Type.String({ minLength: 1, maxLength: 64 });
export const REGION = Type.String({ pattern: '^\\d{6}(\\d{3})?$', description: 'GB/T 2260 区划代码（6位或9位）' });
export const PageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
};
/** A list's date range: its days must exist and be in order (the schema checks the shape only). */
export function checkedRange<T extends { from?: string; to?: string }>(q: T): T {
  for (const f of ['from', 'to'] as const) if (q[f] && !isIsoDate(q[f]!)) throw badRequest(`日期无效：${q[f]}`, f);
  if (q.from && q.to && q.from > q.to) throw badRequest('开始日期不能晚于结束日期', 'from');
  return q;
}
export const Page = <T extends TSchema>(row: T) =>
  Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(row) });

/** The one error shape of every route: a code from the catalogue (src/domain/errors.ts), a Chinese message, the field at fault, the log id of a 500, details. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
      id: Type.Optional(Type.String()),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: '错误：{error: {code, message, field?, id?, details?}}' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error answers a route may give besides its success. */
export const errors = (...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 429)[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<number, typeof ErrorBody>;

/** The actions the caller may take on a resource, as the policy layer says (src/policy): `{assign: true, close: false}`. */
export const Can = <const A extends readonly string[]>(actions: A) =>
  Keyed(actions, Type.Boolean(), { description: '当前用户可执行的操作' });

/** An object with one property per code, each of the same schema (counts by status, days by severity). */
export const Keyed = <const K extends readonly string[], T extends TSchema>(keys: K, value: T, options: { description?: string } = {}) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, value])), options) as unknown as TObject<{ [P in K[number]]: T }>;

/** A stored row as the records API returns it: column → value (dates YYYY-MM-DD, instants ISO text, money as numbers). */
export const Row = Type.Record(Type.String(), Type.Unknown());
export type Row = Static<typeof Row>;
