// Reading notifications: the ones addressed to the caller's desk — their agency (staff and officers),
// their region's supervisors (exactly their level), or the liaisons over the region — with what the
// caller has read; and marking them read. Reads change nothing of the supervision record, so they are
// not audited (a badge click per entry would bury the log).
import type { Store } from '../store/store.ts';
import { sql, joinSql, type Sql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import type { Caller } from '../auth/caller.ts';
import { NOTIFICATION_KINDS, type NotificationKindCode } from './kinds.ts';

/** The notifications addressed to the caller, as SQL over alias n. Admins have no desk: none. */
export function notificationScope(caller: Caller): Sql {
  switch (caller.role) {
    case 'agency_staff':
    case 'officer':
      return sql`(n.audience = 'agency' AND n.agency_id = ${caller.agencyId ?? '-'})`;
    case 'supervisor':
      return sql`(n.audience = 'supervisor' AND n.region_code = ${caller.regionCode})`;
    case 'discipline_liaison':
      return sql`(n.audience = 'liaison' AND n.region_code LIKE ${regionPrefix(caller.regionCode) + '%'})`;
    default:
      return sql`(1 = 0)`;
  }
}

function unreadSql(caller: Caller): Sql {
  return sql`(NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = ${caller.userId} AND r.notification_id = n.id)
    AND NOT EXISTS (SELECT 1 FROM notification_marks m WHERE m.user_id = ${caller.userId} AND m.read_before >= n.created_at))`;
}

export async function unreadCount(store: Store, caller: Caller): Promise<number> {
  const [r] = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM notifications n WHERE ${notificationScope(caller)} AND ${unreadSql(caller)}`,
  );
  return Number(r.n);
}

interface Row {
  id: string;
  kind: NotificationKindCode;
  clue_id: string | null;
  notice_id: string | null;
  title: string;
  body: string;
  link: string;
  created_at: string;
  unread: boolean;
}

export interface NotificationFilters {
  unread?: boolean;
  kind?: NotificationKindCode;
  page?: number;
  pageSize?: number;
}

export async function listNotifications(store: Store, caller: Caller, f: NotificationFilters = {}) {
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const parts: Sql[] = [notificationScope(caller)];
  if (f.unread) parts.push(unreadSql(caller));
  if (f.kind) parts.push(sql`n.kind = ${f.kind}`);
  const where = joinSql(parts, ' AND ');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM notifications n WHERE ${where}`);
  const rows = await store.query<Row>(sql`
    SELECT n.id, n.kind, n.clue_id, n.notice_id, n.title, n.body, n.link, n.created_at, CASE WHEN ${unreadSql(caller)} THEN TRUE ELSE FALSE END AS unread
    FROM notifications n WHERE ${where} ORDER BY n.created_at DESC, n.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return {
    total: Number(total.n),
    unread: await unreadCount(store, caller),
    page,
    pageSize,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: NOTIFICATION_KINDS[r.kind]?.label ?? r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      clueId: r.clue_id,
      noticeId: r.notice_id,
      createdAt: r.created_at,
      read: !r.unread,
    })),
  };
}

/**
 * Marks notifications read for the caller: the given ones (only those addressed to them count), or
 * all up to `now`. Returns the unread count after.
 */
export async function markRead(store: Store, caller: Caller, input: { ids?: string[]; all?: boolean }, now: Date): Promise<number> {
  await store.transaction(async (tx) => {
    if (input.all) {
      await tx.exec(sql`DELETE FROM notification_marks WHERE user_id = ${caller.userId}`);
      await tx.exec(sql`INSERT INTO notification_marks (user_id, read_before) VALUES (${caller.userId}, ${now.toISOString()})`);
      return;
    }
    const ids = [...new Set(input.ids ?? [])];
    if (ids.length === 0) return;
    const mine = await tx.query<{ id: string }>(
      sql`SELECT n.id FROM notifications n WHERE ${notificationScope(caller)} AND n.id IN (${joinSql(
        ids.map((i) => sql`${i}`),
        ', ',
      )}) AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.user_id = ${caller.userId} AND r.notification_id = n.id)`,
    );
    for (const m of mine) {
      await tx.exec(
        sql`INSERT INTO notification_reads (user_id, notification_id, read_at) VALUES (${caller.userId}, ${m.id}, ${now.toISOString()})`,
      );
    }
  });
  return unreadCount(store, caller);
}
