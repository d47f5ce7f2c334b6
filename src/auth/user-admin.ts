// Accounts as the administrator manages them (系统管理 · 用户): the list with search and filters, and
// the changes — disable, enable, reset the password. Creation is `createUserIn` (users.ts), the one way
// accounts come into being. Each change is audited and ends the account's open sessions. An admin sees and
// changes the accounts of their jurisdiction only (a county's admin, not the province's accounts).
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import { regionPrefix } from '../domain/region.ts';
import { ROLES, ROLE_LABELS, type Caller, type Role } from './caller.ts';
import { hashPassword } from './password.ts';
import { passwordPolicyProblem } from './password-policy.ts';
import { badRequest, notFound } from '../domain/errors.ts';
import { authorize } from '../policy/index.ts';

/** What each role is for and what it sees, as the 系统管理 · 角色 page explains it (DESIGN's roles). */
export const ROLE_INFO: Record<Role, { scope: string; duties: string }> = {
  supervisor: { scope: '所在区划及下级区划', duties: '研判、交办、审核销号、退回、制发文书、运行模型、查看本辖区审计日志' },
  agency_staff: { scope: '本执法主体', duties: '签收交办线索、上传材料、提交整改、答复文书、导入本部门数据' },
  officer: { scope: '本执法主体', duties: '查阅本部门执法数据与线索' },
  invited_supervisor: { scope: '所在区划', duties: '报送线索、查看本人报送线索的办理进度' },
  discipline_liaison: { scope: '所在区划', duties: '接收移送纪检监察的线索与移送函并登记答复' },
  admin: { scope: '所在区划及下级区划的账号（省级管理员为全省）', duties: '管理用户与系统设置、调整模型设置、校验审计日志' },
};

export interface UserFilters {
  q?: string;
  role?: Role;
  regionCode?: string;
  disabled?: boolean;
  sort?: 'username' | 'created_at' | 'role' | 'region_code';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const like = (s: string) => `%${s.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;

function whereSql(f: UserFilters, within: string): Sql {
  const parts: Sql[] = [sql`u.region_code LIKE ${regionPrefix(within) + '%'}`];
  if (f.q?.trim()) {
    const q = like(f.q.trim());
    parts.push(sql`(u.username LIKE ${q} ESCAPE '\\' OR u.display_name LIKE ${q} ESCAPE '\\' OR ag.name LIKE ${q} ESCAPE '\\')`);
  }
  if (f.role) parts.push(sql`u.role = ${f.role}`);
  if (f.regionCode) parts.push(sql`u.region_code LIKE ${regionPrefix(f.regionCode) + '%'}`);
  if (f.disabled !== undefined) parts.push(sql`u.disabled = ${f.disabled}`);
  return joinSql(parts, ' AND ');
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  region_code: string;
  agency_id: string | null;
  disabled: boolean;
  created_at: string;
  region_name: string | null;
  agency_name: string | null;
}

const present = (r: Row) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  roleLabel: ROLE_LABELS[r.role] ?? r.role,
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  disabled: !!r.disabled,
  createdAt: r.created_at,
});
export type UserEntry = ReturnType<typeof present>;

const SORTS = { username: 'u.username', created_at: 'u.created_at', role: 'u.role', region_code: 'u.region_code' } as const;

/** The accounts of the caller's jurisdiction, filtered, sorted and paged. */
export async function listUsers(store: Store, caller: Caller, f: UserFilters) {
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const where = whereSql(f, caller.regionCode);
  const from = raw('users u LEFT JOIN regions r ON r.code = u.region_code LEFT JOIN agencies ag ON ag.id = u.agency_id');
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`);
  const rows = await store.query<Row>(sql`
    SELECT u.id, u.username, u.display_name, u.role, u.region_code, u.agency_id, u.disabled, u.created_at, r.name AS region_name, ag.name AS agency_name
    FROM ${from} WHERE ${where}
    ORDER BY ${raw(SORTS[f.sort ?? 'username'])} ${raw(f.order === 'desc' ? 'DESC' : 'ASC')}, u.username
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { total: Number(total.n), page, pageSize, rows: rows.map(present) };
}

/** Accounts per role in the caller's jurisdiction (the roles page). */
export async function roleCounts(store: Store, caller: Caller): Promise<Record<Role, { total: number; disabled: number }>> {
  const rows = await store.query<{ role: Role; n: number; off: number }>(
    sql`SELECT role, count(*) AS n, sum(CASE WHEN disabled THEN 1 ELSE 0 END) AS off FROM users
      WHERE region_code LIKE ${regionPrefix(caller.regionCode) + '%'} GROUP BY role`,
  );
  const out = Object.fromEntries(ROLES.map((r) => [r, { total: 0, disabled: 0 }])) as Record<Role, { total: number; disabled: number }>;
  for (const r of rows) if (out[r.role]) out[r.role] = { total: Number(r.n), disabled: Number(r.off ?? 0) };
  return out;
}

/** The account a change is for; one outside the caller's jurisdiction is refused (403) as the policy says. */
async function target(store: Store, caller: Caller, id: string): Promise<Row> {
  const [u] = await store.query<Row>(sql`SELECT u.*, NULL AS region_name, NULL AS agency_name FROM users u WHERE u.id = ${id}`);
  if (!u) throw notFound(`未找到用户 ${id}`);
  authorize(caller, 'update', { type: 'user', regionCode: u.region_code });
  return u;
}

/** Disables or enables an account; disabling ends its sessions. One cannot disable oneself. */
export async function setDisabled(store: Store, caller: Caller, id: string, disabled: boolean) {
  const u = await target(store, caller, id);
  if (disabled && id === caller.userId) throw badRequest('不能停用自己的账号', 'disabled');
  await withAudit(store, u.region_code, async (tx) => {
    await tx.exec(sql`UPDATE users SET disabled = ${disabled} WHERE id = ${id}`);
    if (disabled) await tx.exec(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    return {
      result: null,
      audit: [
        {
          actor: caller.userId,
          action: disabled ? 'user.disable' : 'user.enable',
          target: id,
          regionCode: u.region_code,
          detail: { username: u.username },
        },
      ],
    };
  });
}

/** Sets a new password chosen by the administrator (given to the user out of band); ends the account's sessions. */
export async function resetPassword(store: Store, caller: Caller, id: string, password: string) {
  const u = await target(store, caller, id);
  const problem = passwordPolicyProblem(password, { username: u.username });
  if (problem) throw badRequest(problem, 'password');
  const hash = await hashPassword(password);
  await withAudit(store, u.region_code, async (tx) => {
    await tx.exec(sql`UPDATE users SET password_hash = ${hash} WHERE id = ${id}`);
    await tx.exec(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    return {
      result: null,
      audit: [
        { actor: caller.userId, action: 'user.password_reset', target: id, regionCode: u.region_code, detail: { username: u.username } },
      ],
    };
  });
}
