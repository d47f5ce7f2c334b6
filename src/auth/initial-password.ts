// A one-time initial password for an account created without one (imported users, `kedu user add`
// without a password): shown once to whoever created the account, stored only as its hash. 16
// characters from an alphabet without look-alikes (0/O, 1/l/I), with an upper-case letter, a
// lower-case letter, a digit and a symbol in every one, so it passes any reasonable password policy.
// 16 characters over 62 symbols ≈ 93 bits.
import { randomInt } from 'node:crypto';

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+-=@'];
const ALL = CLASSES.join('');
export const INITIAL_PASSWORD_LENGTH = 16;

export function initialPassword(): string {
  const chars = CLASSES.map((c) => c[randomInt(c.length)]);
  while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(ALL[randomInt(ALL.length)]);
  // Fisher–Yates, so the classes do not sit at fixed places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
