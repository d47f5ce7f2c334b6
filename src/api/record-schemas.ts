// The records of the four business modules and the jurisdiction-bound reference tables (执法数据).
import { Type, type Static } from '@sinclair/typebox';
import { LIST_KINDS } from '../records/registry.ts';
import { Can, Literals, PageQuery, Row } from './schemas.ts';

export const RecordKindParam = Literals(LIST_KINDS, { description: '数据类别' });
export const RecordListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 50, description: '按名称检索（执法主体、执法人员、经营主体）' })),
  regionCode: Type.Optional(Type.String({ maxLength: 9, description: '只看该区划（含下级），与本人辖区取交集' })),
});
export const RecordPage = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Rows as stored, personal data masked for the caller's role; lists add agency_name and entity_name. */
  rows: Type.Array(Row),
  can: Can(['export', 'import']),
});
export const RecordAnswer = Type.Object({ record: Row });
export const RecordParams = Type.Object({ kind: RecordKindParam, id: Type.String({ minLength: 1, maxLength: 128 }) });
export const RecordKindParams = Type.Object({ kind: RecordKindParam });

export type RecordPage = Static<typeof RecordPage>;
export type RecordKind = Static<typeof RecordKindParam>;
