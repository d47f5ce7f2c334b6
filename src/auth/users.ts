// Accounts and sessions. A session cookie carries a random token; the store keeps only its SHA-256.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EVERY_CHAIN, withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { regionProblem } from '../domain/region.ts';
import type { Store } from '../store/store.ts';
import { ROLES, isAgencyRole, type Caller, type Role } from './caller.ts';
import { hashPassword, verifyNothing, verifyPassword } from './password.ts';
import { passwordPolicyProblem } from './password-policy.ts';
import { clearFailures, lockedUntil, recordFailure } from './lockout.ts';

export const SESSION_HOURS = 12;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  agencyId?: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_code: string;
  agency_id: string | null;
  disabled: boolean;
}

export const toCaller = (u: UserRow): Caller => ({
  userId: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  regionCode: u.region_code,
  agencyId: u.agency_id,
});

export interface NewUserOptions {
  /** Demo mode: the demo accounts may have the demo password. */
  demo?: boolean;
}

/** Checks a new account; returns [field, message] of the first problem, or null. */
export async function newUserProblem(store: Store, u: NewUser, opts: NewUserOptions = {}): Promise<[string, string] | null> {
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(u.username)) return ['username', '用户名为3至32位字母、数字或 _ . -'];
  if (!u.displayName.trim()) return ['displayName', '姓名不能为空'];
  if (!ROLES.includes(u.role)) return ['role', `角色无效，可选：${ROLES.join(', ')}`];
  const pw = passwordPolicyProblem(u.password, { username: u.username, demo: opts.demo });
  if (pw) return ['password', pw];
  const rp = regionProblem(u.regionCode);
  if (rp) return ['regionCode', rp];
  const [region] = await store.query('SELECT code FROM regions WHERE code = $1', [u.regionCode]);
  if (!region) return ['regionCode', `区划不存在：${u.regionCode}`];
  if (isAgencyRole(u.role)) {
    if (!u.agencyId) return ['agencyId', '执法部门及执法人员账号须指定所属执法主体'];
    const [agency] = await store.query<{ region_code: string }>('SELECT region_code FROM agencies WHERE id = $1', [u.agencyId]);
    if (!agency) return ['agencyId', `执法主体不存在：${u.agencyId}`];
  }
  const [taken] = await store.query('SELECT id FROM users WHERE username = $1', [u.username]);
  if (taken) return ['username', `用户名已存在：${u.username}`];
  return null;
}

/**
/**
 * The one way an account is made: checks it (newUserProblem, with the password policy), hashes its
 * password and inserts it on `tx`, inside the caller's transaction; returns the account and the audit
 * entry that must commit with it. createUser runs it in a transaction of its own; the import of a user
 * list runs it inside the batch's (src/ingest/writers/users.ts); createUsers runs a batch of them.
 * `passwordHash`: the hash of `u.password` already made (accounts sharing one password hash it once).
 */
export async function createUserIn(
  tx: Store,
  u: NewUser,
  actor: string,
  opts: NewUserOptions & { passwordHash?: string } = {},
): Promise<{ user: Caller; audit: AuditEntryInput }> {
  const problem = await newUserProblem(tx, u, opts);
  if (problem) throw Object.assign(new Error(problem[1]), { field: problem[0] });
  const id = randomUUID();
  const hash = opts.passwordHash ?? (await hashPassword(u.password));
  await tx.exec(
    'INSERT INTO users (id, username, display_name, password_hash, role, region_code, agency_id, disabled, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,FALSE,$8)',
    [id, u.username, u.displayName, hash, u.role, u.regionCode, u.agencyId ?? null, new Date().toISOString()],
  );
  return {
    user: {
      userId: id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      regionCode: u.regionCode,
      agencyId: u.agencyId ?? null,
    },
    audit: {
      actor,
      action: 'user.create',
      target: id,
      regionCode: u.regionCode,
      detail: { username: u.username, role: u.role, agencyId: u.agencyId ?? null },
    },
  };
}

export async function createUser(store: Store, u: NewUser, actor: string, opts: NewUserOptions = {}): Promise<Caller> {
  return withAudit(store, EVERY_CHAIN, async (tx) => {
    const { user, audit } = await createUserIn(tx, u, actor, opts);
    return { result: user, audit: [audit] };
  });
}

/**
 * Creates a batch of accounts through createUserIn in one transaction (a name twice in the batch is
 * refused too). `sharedPassword`: the accounts share one password, hashed once (the demo's public
 * one, for hundreds of desk accounts: scrypt costs tens of milliseconds a hash).
 */
export async function createUsers(
  store: Store,
  users: NewUser[],
  actor: string,
  opts: NewUserOptions & { sharedPassword?: boolean } = {},
): Promise<Caller[]> {
  const names = new Set<string>();
  for (const u of users) {
    if (names.has(u.username)) throw Object.assign(new Error(`用户名重复：${u.username}`), { field: 'username' });
    names.add(u.username);
  }
  if (opts.sharedPassword && new Set(users.map((u) => u.password)).size > 1)
    throw new Error('sharedPassword: the accounts have different passwords');
  const passwordHash = opts.sharedPassword && users.length ? await hashPassword(users[0].password) : undefined;
  return withAudit(store, EVERY_CHAIN, async (tx) => {
    const made: { user: Caller; audit: AuditEntryInput }[] = [];
    for (const u of users) made.push(await createUserIn(tx, u, actor, { demo: opts.demo, passwordHash }));
    return { result: made.map((m) => m.user), audit: made.map((m) => m.audit) };
  });
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type LoginResult = { token: string; caller: Caller } | { token: null; lockedUntil: Date | null };

// One attempt at a time per username within the process: the lockout counts every attempt, also a burst.
const attempts = new Map<string, Promise<unknown>>();
function oneAtATime<T>(username: string, fn: () => Promise<T>): Promise<T> {
  const before = attempts.get(username) ?? Promise.resolve();
  const next = before.then(fn, fn);
  const settled = next.catch(() => undefined);
  attempts.set(username, settled);
  void settled.then(() => {
    if (attempts.get(username) === settled) attempts.delete(username);
  });
  return next;
}

/**
 * Checks the password; on success opens a session and returns its token. Every outcome is audited.
 * An unknown or disabled account costs the same password check as a wrong password (verifyNothing),
 * and a locked username is refused without one (src/auth/lockout.ts).
 */
export function login(store: Store, username: string, password: string, now = new Date()): Promise<LoginResult> {
  return oneAtATime(username, async () => {
    const locked = await lockedUntil(store, username, now);
    if (locked) {
      await withAudit(store, EVERY_CHAIN, async () => ({
        result: null,
        audit: [{ actor: 'anonymous', action: 'auth.login_failed', target: username, detail: { lockedUntil: locked.toISOString() } }],
      }));
      return { token: null, lockedUntil: locked };
    }
    const [u] = await store.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    const ok = u && !u.disabled ? await verifyPassword(password, u.password_hash) : await verifyNothing(password);
    if (!ok) {
      const lock = await withAudit(store, EVERY_CHAIN, async (tx) => {
        const until = await recordFailure(tx, username, now);
        return {
          result: until,
          audit: [
            { actor: u?.id ?? 'anonymous', action: 'auth.login_failed', target: username },
            ...(until ? [{ actor: 'system', action: 'auth.lockout', target: username, detail: { lockedUntil: until.toISOString() } }] : []),
          ],
        };
      });
      return { token: null, lockedUntil: lock };
    }
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
    await withAudit(store, u.region_code, async (tx) => {
      await clearFailures(tx, username, now);
      await tx.exec('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1,$2,$3)', [tokenHash(token), u.id, expires]);
      return { result: null, audit: [{ actor: u.id, action: 'auth.login', target: u.id, regionCode: u.region_code }] };
    });
    return { token, caller: toCaller(u) };
  });
}

/** The caller an active account acts as (the CLI's --user), or null. */
export async function callerForUsername(store: Store, username: string): Promise<Caller | null> {
  const [u] = await store.query<UserRow>('SELECT * FROM users WHERE username = $1 AND NOT disabled', [username]);
  return u ? toCaller(u) : null;
}

export async function callerForToken(store: Store, token: string): Promise<Caller | null> {
  const [u] = await store.query<UserRow>(
    'SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled',
    [tokenHash(token), new Date().toISOString()],
  );
  return u ? toCaller(u) : null;
}

export async function logout(store: Store, token: string, caller: Caller): Promise<void> {
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    await tx.exec('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
    return { result: null, audit: [{ actor: caller.userId, action: 'auth.logout', target: caller.userId }] };
  });
}
