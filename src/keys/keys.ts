// The secret keys Kedu keeps outside its database: the audit key (HMAC-SM3 of the audit chain and of
// its anchor) and the data key (SM4 encryption of personal data at rest). A key comes from its
// environment variable (64 hex digits: a deployment with several app servers gives them all the same
// one) or else from a file in the key folder (KEDU_KEY_DIR, default data/keys), created on first use
// with 0600 permissions in a 0700 folder. Someone who can read the database alone can neither forge
// the audit chain nor read the personal data; the key folder is backed up apart from the database.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const KEYS = {
  audit: { file: 'audit.key', env: 'KEDU_AUDIT_KEY' },
  data: { file: 'data.key', env: 'KEDU_DATA_KEY' },
} as const;
export type KeyName = keyof typeof KEYS;

/** The folder of key files (and of the audit anchors). */
export const keyDir = (): string => resolve(process.env.KEDU_KEY_DIR ?? 'data/keys');

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const cache = new Map<string, Buffer>();

/** Makes the key folder (0700) if it is missing. */
export function ensureKeyDir(): string {
  const dir = keyDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** A 32-byte key: from its environment variable, else its file, created on first use. */
export function loadKey(name: KeyName): Buffer {
  const { file, env } = KEYS[name];
  const fromEnv = process.env[env];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!HEX_KEY.test(fromEnv.trim()))
      throw new Error(`${env} must be 64 hexadecimal digits (a 256-bit key); generate one with: openssl rand -hex 32`);
    return Buffer.from(fromEnv.trim(), 'hex');
  }
  const path = join(keyDir(), file);
  const known = cache.get(path);
  if (known) return known;
  ensureKeyDir();
  try {
    // 'wx': only if absent, so two processes starting together cannot each write a different key.
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!HEX_KEY.test(text)) throw new Error(`key file ${path} is damaged: it must hold 64 hexadecimal digits`);
  // A key readable by other users of the machine is no secret: tighten it, as ssh insists for its keys.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = Buffer.from(text, 'hex');
  cache.set(path, key);
  return key;
}

/** A sub-key for one purpose, so that one key never serves two (HMAC-SM3 of the purpose's name). */
export function subKey(name: KeyName, purpose: string): Buffer {
  return createHmac('sm3', loadKey(name)).update(purpose, 'utf8').digest();
}
