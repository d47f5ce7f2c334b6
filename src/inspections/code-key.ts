// The key that signs 行政行为码, held by the server and never by the database: whoever can read or
// write the database alone cannot make a code that verifies. 64 hex digits in KEDU_CODE_KEY (several
// app servers share one), or else a file in the key folder (KEDU_KEY_DIR, default data/keys,
// git-ignored) created on first use with 0600 permissions in a 0700 folder. Back it up apart from the
// database: without it no issued code verifies.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ENV = 'KEDU_CODE_KEY';
const FILE = 'action-code.key';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const cache = new Map<string, Buffer>();

export function codeKey(): Buffer {
  const fromEnv = process.env[ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!HEX_KEY.test(fromEnv.trim()))
      throw new Error(`${ENV} must be 64 hexadecimal digits (a 256-bit key); generate one with: openssl rand -hex 32`);
    return Buffer.from(fromEnv.trim(), 'hex');
  }
  const dir = resolve(process.env.KEDU_KEY_DIR ?? 'data/keys');
  const path = join(dir, FILE);
  const known = cache.get(path);
  if (known) return known;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': only if absent, so two processes starting together cannot each write a different key.
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!HEX_KEY.test(text)) throw new Error(`key file ${path} is damaged: it must hold 64 hexadecimal digits`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = Buffer.from(text, 'hex');
  cache.set(path, key);
  return key;
}
