// The password policy, in one function used by every way an account gets a password: `kedu user add`,
// the admin API and any import of users (all through createUser). What it asks, and why:
//  - 12 to 128 characters. 12 is OWASP ASVS 4.0 V2.1.1; 128 stays under what the login form accepts
//    (256), so a password that passes can always be used to log in (V2.1.2 asks that 64 be allowed).
//  - two kinds of characters of letters, digits and symbols: GB/T 22239-2019 (等保2.0) 8.1.4.1 a)
//    asks for 口令复杂度; ASVS advises against more composition rules than that.
//  - not a common password, also with digits or symbols added at its end (ASVS V2.1.7): the list is
//    data/security/common-passwords.txt.
//  - not the username, nor containing it; not the demo password outside demo mode.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** The one password of the demo accounts (README): refused for any other account and outside demo mode. */
export const DEMO_PASSWORD = 'kedu2025';

const LIST = fileURLToPath(new URL('../../data/security/common-passwords.txt', import.meta.url));
let common: Set<string> | null = null;
const commonPasswords = (): Set<string> =>
  (common ??= new Set(
    readFileSync(LIST, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  ));

export interface PasswordContext {
  username: string;
  /** Demo mode (`kedu demo`, `kedu serve --demo`): the demo accounts get the demo password. */
  demo?: boolean;
}

/** Why a password may not be set, in Chinese; null when it may. */
export function passwordPolicyProblem(password: string, ctx: PasswordContext): string | null {
  if (ctx.demo && password === DEMO_PASSWORD) return null;
  if (password.toLowerCase().includes(DEMO_PASSWORD)) return '不能使用演示密码';
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码至多${PASSWORD_MAX_LENGTH}位`;
  const kinds = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return '密码须包含字母、数字、符号中的至少两类';
  const lower = password.toLowerCase();
  const name = ctx.username.toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return '密码不能包含用户名';
  const base = lower.replace(/[^a-z]+$/, '');
  if (commonPasswords().has(lower) || (base.length >= 4 && commonPasswords().has(base))) return '密码过于常见，容易被猜中，请换一个';
  return null;
}
