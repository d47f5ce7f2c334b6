// Per-account login lockout with back-off, beside the per-address limit of the login route (10 a
// minute): spreading guesses over many addresses no longer helps, since it is the username that
// locks. Five failures in a row lock it for a minute, each further failure after that doubles the
// time, up to an hour (OWASP ASVS 4.0 V2.2.1; GB/T 22239-2019 8.1.4.1 b) 登录失败处理). Unknown
// usernames lock the same way, so a lockout tells no one which accounts exist. Attempts while locked
// are refused without checking the password and do not extend the lock (a stranger cannot keep an
// account locked for longer than the back-off says). A day without failures forgets them.
import type { Store } from '../store/store.ts';

export const LOCKOUT = {
  threshold: 5,
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  forgetAfterHours: 24,
} as const;

interface AttemptRow {
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

/** The seconds a username stays locked after its n-th failure in a row (0 below the threshold). */
export function lockSeconds(failures: number): number {
  if (failures < LOCKOUT.threshold) return 0;
  return Math.min(LOCKOUT.firstLockSeconds * 2 ** (failures - LOCKOUT.threshold), LOCKOUT.maxLockSeconds);
}

/** Until when the username is locked, or null. */
export async function lockedUntil(store: Store, username: string, now: Date): Promise<Date | null> {
  const [row] = await store.query<AttemptRow>('SELECT failures, last_failed_at, locked_until FROM login_attempts WHERE username = $1', [
    username,
  ]);
  if (!row?.locked_until) return null;
  const until = new Date(row.locked_until);
  return until > now ? until : null;
}

/** Counts a failed attempt (in the caller's transaction); returns the lock it starts, or null. */
export async function recordFailure(tx: Store, username: string, now: Date): Promise<Date | null> {
  const [row] = await tx.query<AttemptRow>('SELECT failures, last_failed_at, locked_until FROM login_attempts WHERE username = $1', [
    username,
  ]);
  const fresh = !row || now.getTime() - new Date(row.last_failed_at).getTime() > LOCKOUT.forgetAfterHours * 3600_000;
  const failures = fresh ? 1 : row.failures + 1;
  const seconds = lockSeconds(failures);
  const until = seconds ? new Date(now.getTime() + seconds * 1000) : null;
  await tx.exec(
    `INSERT INTO login_attempts (username, failures, last_failed_at, locked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
    [username, failures, now.toISOString(), until ? until.toISOString() : null],
  );
  return until;
}

/** A successful login forgets the username's failures (and, in passing, failures forgotten anyway). */
export async function clearFailures(tx: Store, username: string, now: Date): Promise<void> {
  await tx.exec('DELETE FROM login_attempts WHERE username = $1 OR last_failed_at < $2', [
    username,
    new Date(now.getTime() - LOCKOUT.forgetAfterHours * 3600_000).toISOString(),
  ]);
}
