// Reading the audit log (审计日志): searched by who, what, on what and when, within the caller's
// jurisdiction — the administrator reads every entry, a supervisor those of their region's subtree
// (entries without a region, such as logins, and those of webhook receivers are the administrator's). Who may read and verify is
// src/policy/system.ts's (auditPolicy). Names stand beside codes: the actor's name, the region's, the clue's number.
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { regionPrefix } from '../domain/region.ts';
import { addDays } from '../domain/dates.ts';
import type { Caller } from '../auth/caller.ts';
import { auditActionLabel } from './action-labels.ts';

export interface AuditFilters {
  /** The actor: a user id, or words of a username or name. */
  actor?: string;
  /** An action code or a prefix of one (clue. for every clue step). */
  action?: string;
  /** The record acted on: its id, or a clue's number. */
  target?: string;
  /** Business dates (Asia/Shanghai), both inclusive. */
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
const dayStart = (iso: string) => new Date(Date.parse(`${iso}T00:00:00+08:00`)).toISOString();

function whereSql(caller: Caller, f: AuditFilters): Sql {
  const parts: Sql[] = [];
  if (caller.role !== 'admin') {
    parts.push(sql`a.region_code LIKE ${regionPrefix(caller.regionCode) + '%'}`);
    // Webhook receivers are the administrator's alone (src/policy/system.ts): their entries name
    // receivers and their addresses, which no other role may read.
    parts.push(sql`a.action NOT LIKE 'webhook.%'`);
  }
  if (f.actor?.trim()) {
    const a = f.actor.trim();
    parts.push(
      sql`(a.actor = ${a} OR a.actor IN (SELECT id FROM users WHERE username LIKE ${like(a)} ESCAPE '\\' OR display_name LIKE ${like(a)} ESCAPE '\\'))`,
    );
  }
  if (f.action?.trim()) {
    const a = f.action.trim();
    parts.push(a.endsWith('.') ? sql`a.action LIKE ${a + '%'}` : sql`a.action = ${a}`);
  }
  if (f.target?.trim()) {
    const t = f.target.trim();
    parts.push(sql`(a.target = ${t} OR a.target IN (SELECT id FROM clues WHERE number = ${t}))`);
  }
  if (f.from) parts.push(sql`a.occurred_at >= ${dayStart(f.from)}`);
  if (f.to) parts.push(sql`a.occurred_at < ${dayStart(addDays(f.to, 1))}`);
  return parts.length ? joinSql(parts, ' AND ') : raw('TRUE');
}

interface Row {
  chain: string;
  seq: number;
  occurred_at: string;
  actor: string;
  action: string;
  target: string | null;
  region_code: string | null;
  detail: string | null;
  hash: string;
  actor_name: string | null;
  actor_username: string | null;
  region_name: string | null;
  clue_number: string | null;
  user_target: string | null;
  notice_number: string | null;
}

const SYSTEM_ACTORS: Record<string, string> = { system: '系统', anonymous: '匿名', public: '群众' };

function present(r: Row) {
  let detail: unknown;
  try {
    detail = r.detail ? JSON.parse(r.detail) : null;
  } catch {
    detail = r.detail;
  }
  return {
    /** The chain the entry is in ('province', or a city's code): seq counts within it. */
    chain: r.chain,
    seq: Number(r.seq),
    occurredAt: r.occurred_at,
    actor: { id: r.actor, name: r.actor_name ?? SYSTEM_ACTORS[r.actor] ?? r.actor, username: r.actor_username },
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    target: r.target,
    /** The target by its name: a clue's number, a user's name, a notice's number; else the id. */
    targetLabel: r.clue_number ?? r.user_target ?? r.notice_number ?? r.target,
    regionCode: r.region_code,
    regionName: r.region_name,
    detail,
    hash: r.hash,
  };
}
export type AuditRow = ReturnType<typeof present>;

/** One page of entries, newest first (or oldest first): by time, then chain, then seq (seq counts within a chain). */
export async function listAudit(store: Store, caller: Caller, f: AuditFilters) {
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const where = whereSql(caller, f);
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  const order = (t: string) => raw(`${t}.occurred_at ${dir}, ${t}.chain ${dir}, ${t}.seq ${dir}`);
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log a WHERE ${where}`);
  // The page first, then its names: a join over the whole log would cost what the page does not need.
  const rows = await store.query<Row>(sql`
    SELECT p.*, u.display_name AS actor_name, u.username AS actor_username, r.name AS region_name, c.number AS clue_number,
           tu.display_name AS user_target, n.number AS notice_number
    FROM (SELECT a.* FROM audit_log a WHERE ${where} ORDER BY ${order('a')} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) p
    LEFT JOIN users u ON u.id = p.actor LEFT JOIN regions r ON r.code = p.region_code LEFT JOIN clues c ON c.id = p.target
    LEFT JOIN users tu ON tu.id = p.target LEFT JOIN notices n ON n.id = p.target
    ORDER BY ${order('p')}`);
  return { total: Number(total.n), page, pageSize, rows: rows.map(present) };
}

/** Every matching entry (for the export), in the order of the pages, at most `limit`. */
export async function allAudit(store: Store, caller: Caller, f: AuditFilters, limit: number): Promise<AuditRow[]> {
  return (await listAudit(store, caller, { ...f, page: 1, pageSize: limit })).rows;
}
