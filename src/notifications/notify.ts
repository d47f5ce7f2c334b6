// Writing notifications: one row per event and audience, inside the transaction of the change that
// causes it (a notification of a step that rolled back never shows). The texts are written here, once,
// from the clue or notice as it stands after the change.
import { createHash } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';
import { sql, joinSql } from '../store/sql.ts';
import { NOTIFICATION_KINDS, type NotificationKindCode } from './kinds.ts';

/** What a notification needs to know of a clue (src/clues' ClueRow has these columns). */
export interface NotifiedClue {
  id: string;
  number: string | null;
  title: string;
  region_code: string;
  agency_id: string | null;
  deadline: string | null;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKindCode;
  audience: string;
  agency_id: string | null;
  region_code: string;
  clue_id: string | null;
  notice_id: string | null;
  title: string;
  body: string;
  link: string;
  dedupe_key: string;
  created_at: string;
}

export const NOTIFICATION_COLUMNS = [
  'id',
  'kind',
  'audience',
  'agency_id',
  'region_code',
  'clue_id',
  'notice_id',
  'title',
  'body',
  'link',
  'dedupe_key',
  'created_at',
] as const;

const LEVEL_WORDS: Record<string, string> = { city: '市级', province: '省级' };
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The region whose supervisors hear of a clue: its county's (a township counts as its county), or the city or province it lies at. */
export const homeUnit = (regionCode: string): string => regionCode.slice(0, 6);
/** The region of an escalation level over a clue's region. */
export const levelRegion = (regionCode: string, level: string): string => (level === 'province' ? '330000' : `${regionCode.slice(0, 4)}00`);

export interface ClueEvent {
  kind: Exclude<NotificationKindCode, 'answered'>;
  /** The instant of the event; also part of what makes it one event (with `key`). */
  at: Date;
  /** What tells this event from another of the same kind on the clue (an event id, a deadline). */
  key: string;
  comment?: string | null;
  level?: string;
}

/** The notification of an event on a clue. */
export function clueNotification(clue: NotifiedClue, e: ClueEvent): NotificationRow {
  const no = clue.number ?? clue.id;
  const k = NOTIFICATION_KINDS[e.kind];
  const texts: Record<ClueEvent['kind'], [string, string]> = {
    assigned: [`线索 ${no} 已交办你单位`, `${short(clue.title)}；整改期限 ${clue.deadline ?? '—'}`],
    self_check: [`线索 ${no} 交你单位简易自查`, `${short(clue.title)}；自查期限 ${clue.deadline ?? '—'}`],
    returned: [`线索 ${no} 的整改被退回`, `退回理由：${short(e.comment ?? '—')}；整改期限 ${clue.deadline ?? '—'}`],
    due_soon: [`线索 ${no} 将于 ${clue.deadline} 到期`, `${short(clue.title)}：请在期限前提交整改`],
    overdue: [`线索 ${no} 已超过整改期限`, `${short(clue.title)}：期限 ${clue.deadline}，请尽快整改并提交`],
    overdue_review: [`线索 ${no} 整改逾期`, `${short(clue.title)}：承办单位未在 ${clue.deadline} 前提交整改`],
    submitted: [`线索 ${no} 已提交整改，待审核`, short(clue.title)],
    escalated: [`线索 ${no} 逾期升级至${LEVEL_WORDS[e.level ?? ''] ?? ''}督办`, `${short(clue.title)}：整改期限 ${clue.deadline}`],
    transferred: [`线索 ${no} 已移送纪检监察`, short(clue.title)],
  };
  const [title, body] = texts[e.kind];
  const region =
    k.audience === 'supervisor'
      ? e.kind === 'escalated'
        ? levelRegion(clue.region_code, e.level ?? 'city')
        : homeUnit(clue.region_code)
      : homeUnit(clue.region_code);
  const dedupe = `${e.kind}|${clue.id}|${e.key}`;
  return {
    id: `NF-${createHash('md5').update(dedupe).digest('hex').slice(0, 20)}`,
    kind: e.kind,
    audience: k.audience,
    agency_id: k.audience === 'agency' ? clue.agency_id : null,
    region_code: region,
    clue_id: clue.id,
    notice_id: null,
    title,
    body,
    link: `/clues/${encodeURIComponent(clue.id)}`,
    dedupe_key: dedupe,
    created_at: e.at.toISOString(),
  };
}

/** The notification that a notice was answered, for the issuing office's supervisors. */
export function answeredNotification(
  notice: { id: string; number: string; region_code: string; addressee: string; response: string | null },
  at: Date,
): NotificationRow {
  const dedupe = `answered|${notice.id}`;
  return {
    id: `NF-${createHash('md5').update(dedupe).digest('hex').slice(0, 20)}`,
    kind: 'answered',
    audience: 'supervisor',
    agency_id: null,
    region_code: notice.region_code,
    clue_id: null,
    notice_id: notice.id,
    title: `${notice.addressee}已答复 ${notice.number}`,
    body: short(notice.response ?? ''),
    link: `/notices?id=${encodeURIComponent(notice.id)}`,
    dedupe_key: dedupe,
    created_at: at.toISOString(),
  };
}

const toValues = (r: NotificationRow): Value[] => NOTIFICATION_COLUMNS.map((c) => r[c]);

/**
 * Writes notifications not told before (by dedupe key) inside the caller's transaction; returns those
 * written. A notification whose audience is missing (an unassigned clue told to "its agency") is dropped.
 */
export async function notify(tx: Store, rows: readonly NotificationRow[]): Promise<NotificationRow[]> {
  const wanted = rows.filter((r) => r.audience !== 'agency' || r.agency_id);
  if (wanted.length === 0) return [];
  const known = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const keys = await tx.query<{ dedupe_key: string }>(
      sql`SELECT dedupe_key FROM notifications WHERE dedupe_key IN (${joinSql(
        wanted.slice(i, i + 500).map((r) => sql`${r.dedupe_key}`),
        ', ',
      )})`,
    );
    for (const k of keys) known.add(k.dedupe_key);
  }
  const fresh = [...new Map(wanted.filter((r) => !known.has(r.dedupe_key)).map((r) => [r.dedupe_key, r])).values()];
  if (fresh.length > 50) {
    await tx.copyIn('notifications', [...NOTIFICATION_COLUMNS], fresh.map(toValues));
  } else if (fresh.length) {
    await tx.exec(
      sql`INSERT INTO notifications (id, kind, audience, agency_id, region_code, clue_id, notice_id, title, body, link, dedupe_key, created_at) VALUES ${joinSql(
        fresh.map(
          (r) =>
            sql`(${joinSql(
              toValues(r).map((v) => sql`${v}`),
              ', ',
            )})`,
        ),
        ', ',
      )}`,
    );
  }
  return fresh;
}
