// Supervision notices (监督提示单, 执法监督通知书, 移送函) and their answers. docs/notices.md.
import { Type, type Static } from '@sinclair/typebox';
import { NOTICE_KINDS } from '../notices/numbering.ts';
import { Can, DATE, ID, Literals, Nullable, PageQuery } from './schemas.ts';
import { BasisRef } from './clue-schemas.ts';

export const NoticeKind = Literals(NOTICE_KINDS);
export const Notice = Type.Object({
  id: Type.String(),
  kind: NoticeKind,
  kindLabel: Type.String(),
  /** 富司监督〔2026〕1号 */
  number: Type.String(),
  title: Type.String(),
  regionCode: Type.String(),
  issuer: Type.String(),
  addressee: Type.String(),
  agencyId: Nullable(Type.String()),
  clueIds: Type.Array(Type.String()),
  /** The cited clues' readable numbers, in the order of clueIds. */
  clueNumbers: Type.Array(Type.String()),
  issuedOn: Type.String(),
  deadline: Nullable(Type.String()),
  status: Literals(['issued', 'answered']),
  statusLabel: Type.String(),
  overdue: Type.Boolean(),
  response: Nullable(Type.String()),
  respondedOn: Nullable(Type.String()),
  respondedBy: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  /** /api/v1/notices/<id>.docx */
  download: Type.String(),
  can: Can(['respond']),
});
/** What the notice says, kept as issued (the .docx is rebuilt from it). */
export const NoticeContent = Type.Object({
  opening: Type.String(),
  facts: Type.Array(
    Type.Object({
      clueId: Type.String(),
      /** The clue's readable number (absent in notices issued before clues were numbered). */
      clueNumber: Type.Optional(Nullable(Type.String())),
      title: Type.String(),
      explanation: Type.String(),
      regionName: Type.String(),
      agencyName: Nullable(Type.String()),
      foundOn: Type.String(),
    }),
  ),
  /** Each cited article with its text as stored. */
  basis: Type.Array(
    Type.Object({
      regulationId: Type.String(),
      regulationTitle: Type.String(),
      article: Type.Integer(),
      label: Type.String(),
      text: Type.String(),
    }),
  ),
  requirement: Type.String(),
});
export const NoticeBody = Type.Object({
  kind: NoticeKind,
  clueIds: Type.Array(ID, { minItems: 1, maxItems: 50 }),
  agencyId: Type.Optional(ID),
  addressee: Type.Optional(Type.String({ maxLength: 100 })),
  basis: Type.Optional(Type.Array(BasisRef, { maxItems: 10 })),
  requiredAction: Type.Optional(Type.String({ maxLength: 4000 })),
  deadline: Type.Optional(DATE),
});
export const NoticeListQuery = Type.Object({
  kind: Type.Optional(NoticeKind),
  status: Type.Optional(Literals(['issued', 'answered'])),
  agencyId: Type.Optional(ID),
  clueId: Type.Optional(ID),
  overdue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100, description: '文号、标题、主送单位或制发机关中的字词' })),
  from: Type.Optional(DATE),
  to: Type.Optional(DATE),
  sort: Type.Optional(Literals(['issued_on', 'deadline', 'number', 'status'])),
  order: Type.Optional(Literals(['asc', 'desc'])),
  ...PageQuery,
});
/** The list's filters without paging: what GET /notices.xlsx takes. */
export const NoticeExportQuery = Type.Omit(NoticeListQuery, ['page', 'pageSize']);
export const NoticeParams = Type.Object({ id: ID });
export const ResponseBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 10000 }), respondedOn: Type.Optional(DATE) });
export const NoticeAnswer = Type.Object({ notice: Notice });
export const NoticeDetail = Type.Object({ notice: Type.Composite([Notice, Type.Object({ content: NoticeContent })]) });
export const NoticePage = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), rows: Type.Array(Notice) });

export type Notice = Static<typeof Notice>;
export type NoticeKind = Static<typeof NoticeKind>;
export type NoticeContent = Static<typeof NoticeContent>;
export type NoticeInput = Static<typeof NoticeBody>;
/** GET /notices's query as the console sends it. */
export type NoticeFilters = { [K in Exclude<keyof Static<typeof NoticeListQuery>, 'page' | 'pageSize'>]?: string } & {
  page?: number;
  pageSize?: number;
};
