// In-app notifications over HTTP: the caller's own (src/notifications scopes them to their desk), the
// unread count for the header's badge, and marking read. docs/notifications.md.
import { Type } from '@sinclair/typebox';
import type { Store } from '../store/store.ts';
import type { Clock } from '../clues/clock.ts';
import { NOTIFICATION_KINDS, type NotificationKindCode } from '../notifications/kinds.ts';
import { listNotifications, markRead, unreadCount } from '../notifications/queries.ts';
import { callerOf, type Api } from './app.ts';
import { badRequest } from '../domain/errors.ts';
import { ErrorBody as ErrorOut, Literals } from './schemas.ts';

const Kind = Literals(Object.keys(NOTIFICATION_KINDS) as NotificationKindCode[]);
const NotificationOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.String({ description: '控制台中打开的页面' }),
  clueId: Type.Union([Type.String(), Type.Null()]),
  noticeId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  read: Type.Boolean(),
});

export async function notificationRoutes(app: Api, store: Store, clock: Clock): Promise<void> {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '我的消息（交办、退回、临期、逾期、升级、待审核、答复）',
        querystring: Type.Object({
          unread: Type.Optional(Type.Boolean()),
          kind: Type.Optional(Kind),
          page: Type.Integer({ minimum: 1, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            unread: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            rows: Type.Array(NotificationOut),
          }),
          400: ErrorOut,
          401: ErrorOut,
        },
      },
    },
    async (req) => {
      const q = req.query;
      return listNotifications(store, callerOf(req), q);
    },
  );

  app.get(
    '/notifications/count',
    {
      schema: {
        tags: ['notifications'],
        summary: '未读消息数（页头角标）',
        response: { 200: Type.Object({ unread: Type.Integer() }), 401: ErrorOut },
      },
    },
    async (req) => ({ unread: await unreadCount(store, callerOf(req)) }),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标为已读（指定消息，或全部）',
        body: Type.Object({
          ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 })),
          all: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ unread: Type.Integer() }), 400: ErrorOut, 401: ErrorOut },
      },
    },
    async (req) => {
      const body = req.body;
      if (!body.all && !body.ids?.length) throw badRequest('请指定要标为已读的消息，或全部标为已读', 'ids');
      return { unread: await markRead(store, callerOf(req), body, clock()) };
    },
  );
}
