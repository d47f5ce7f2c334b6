// The records of the four business modules and the jurisdiction-bound reference tables (执法数据).
import { Type, type Static } from '@sinclair/typebox';
import { LIST_KINDS } from '../records/registry.ts';
import { RECORD_LISTS } from '../records/list-query.ts';
import { Can, DATE, Literals, PageQuery, Row } from './schemas.ts';

export const RecordKindParam = Literals(LIST_KINDS, { description: '数据类别' });
/** The coded columns lists filter on (each kind takes those of its own, src/records/list-query.ts). */
export const CODE_FILTERS = [...new Set(Object.values(RECORD_LISTS).flatMap((l) => l.codes))];
/** A list's search, filters and sort without paging: what GET /records/:kind.xlsx takes. */
export const RecordExportQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50, description: '检索：编号、名称、内容' })),
  regionCode: Type.Optional(Type.String({ maxLength: 9, description: '只看该区划（含下级），与本人辖区取交集' })),
  agencyId: Type.Optional(Type.String({ maxLength: 64, description: '只看该执法主体' })),
  from: Type.Optional(DATE),
  to: Type.Optional(DATE),
  sort: Type.Optional(Type.String({ maxLength: 40, description: '排序列（表中的列名）' })),
  order: Type.Optional(Literals(['asc', 'desc'])),
  ...Object.fromEntries(CODE_FILTERS.map((c) => [c, Type.Optional(Type.String({ maxLength: 64 }))])),
});
export const RecordListQuery = Type.Composite([RecordExportQuery, Type.Object(PageQuery)]);
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
