// The audit chain's anchor: a small file outside the database, signed with the audit key, saying how
// far the chain went (the newest entry's seq and hash) and from which entry on it is keyed. It is
// rewritten after every commit that appends entries. Whoever can change the database but not the key
// folder can then no longer delete the newest entries or empty the log unnoticed: the anchor still
// names an entry the log must hold, with that hash.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keyDir, subKey } from '../keys/keys.ts';

export interface Anchor {
  /** The store it belongs to (Store.location). */
  location: string;
  /** The first entry hashed with the key; those before it are SM3 alone (a chain kept before the key existed). */
  keyedFrom: number;
  /** The newest entry when the anchor was written (0: none yet), and its hash. */
  seq: number;
  hash: string;
  at: string;
}

export type AnchorReading = { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'valid'; anchor: Anchor };

/** The anchor file of a store: KEDU_AUDIT_ANCHOR, or one per store location in the key folder. */
export function anchorPath(location: string): string {
  if (process.env.KEDU_AUDIT_ANCHOR) return process.env.KEDU_AUDIT_ANCHOR;
  const id = createHash('sha256').update(location).digest('hex').slice(0, 20);
  return join(keyDir(), 'audit-anchors', `${id}.json`);
}

const signature = (a: Anchor) =>
  createHmac('sm3', subKey('audit', 'kedu audit anchor'))
    .update(JSON.stringify([a.location, a.keyedFrom, a.seq, a.hash, a.at]), 'utf8')
    .digest('hex');

export function readAnchor(location: string): AnchorReading {
  let text: string;
  try {
    text = readFileSync(anchorPath(location), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw e;
  }
  let parsed: Anchor & { mac?: unknown };
  try {
    parsed = JSON.parse(text) as Anchor & { mac?: unknown };
  } catch {
    return { state: 'invalid', reason: '锚点文件不是有效的JSON' };
  }
  const anchor: Anchor = {
    location: String(parsed.location),
    keyedFrom: Number(parsed.keyedFrom),
    seq: Number(parsed.seq),
    hash: String(parsed.hash),
    at: String(parsed.at),
  };
  const expected = Buffer.from(signature(anchor), 'hex');
  const given = Buffer.from(typeof parsed.mac === 'string' ? parsed.mac : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { state: 'invalid', reason: '锚点文件的签名不符（被改动过，或审计密钥已更换）' };
  if (anchor.location !== location) return { state: 'invalid', reason: `锚点文件属于另一个库（${anchor.location}）` };
  return { state: 'valid', anchor };
}

/**
 * Writes the anchor (atomically: a new file renamed over the old). Never moves it back: when another
 * process has anchored a later entry meanwhile, that anchor stays.
 */
export function writeAnchor(a: Omit<Anchor, 'at'>): void {
  const path = anchorPath(a.location);
  const current = readAnchor(a.location);
  if (current.state === 'valid' && current.anchor.keyedFrom === a.keyedFrom && current.anchor.seq >= a.seq) return;
  const anchor: Anchor = { ...a, at: new Date().toISOString() };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const partial = `${path}.${process.pid}.part`;
  writeFileSync(partial, JSON.stringify({ ...anchor, mac: signature(anchor) }, null, 2) + '\n', { mode: 0o600 });
  renameSync(partial, path);
}
