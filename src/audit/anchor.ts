// The audit chains' anchor: a small file outside the database, signed with the audit key, naming for
// each chain how far it went (the newest entry's seq and hash) and from which entry on it is keyed. It
// is brought forward after every commit that appends entries, and by `kedu audit anchor` (daily, from
// cron). Whoever can change the database but not the anchor folder can then no longer delete a chain's
// newest entries or empty it unnoticed: the anchor still names an entry the chain must hold, with that
// hash. Several app servers on one database each keep their own anchor (each in its own key folder,
// or one shared folder): each catches what it anchored.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keyDir, subKey } from '../keys/keys.ts';

/** What the anchor says of one chain. */
export interface ChainAnchor {
  /** The first entry hashed with the key; those before it are SM3 alone (a chain kept before the key existed). */
  keyedFrom: number;
  /** The newest entry when the anchor was written, and its hash. */
  seq: number;
  hash: string;
}

export interface Anchor {
  /** The store it belongs to (Store.location). */
  location: string;
  /** Per chain ('province', or a city's code). */
  chains: Record<string, ChainAnchor>;
  at: string;
}

export type AnchorReading = { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'valid'; anchor: Anchor };

/** The chain every entry kept before the chains were split belongs to (audit-log.ts). */
const PROVINCE = 'province';

/** The anchor file of a store: KEDU_AUDIT_ANCHOR, or one per store location in the key folder. */
export function anchorPath(location: string): string {
  if (process.env.KEDU_AUDIT_ANCHOR) return process.env.KEDU_AUDIT_ANCHOR;
  const id = createHash('sha256').update(location).digest('hex').slice(0, 20);
  return join(keyDir(), 'audit-anchors', `${id}.json`);
}

const mac = (text: string) => createHmac('sm3', subKey('audit', 'kedu audit anchor')).update(text, 'utf8').digest('hex');

/** Every field of the file but the signature, in one order: a field added or changed breaks the signature. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => k !== 'mac')
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** An anchor written before the chains were split: one chain (now the province chain), its own signature. */
interface OldAnchor {
  location: unknown;
  keyedFrom: unknown;
  seq: unknown;
  hash: unknown;
  at: unknown;
}
const oldSignature = (a: OldAnchor) =>
  mac(JSON.stringify([String(a.location), Number(a.keyedFrom), Number(a.seq), String(a.hash), String(a.at)]));

function sameMac(given: unknown, expected: string): boolean {
  const e = Buffer.from(expected, 'hex');
  const g = Buffer.from(typeof given === 'string' ? given : '', 'hex');
  return g.length === e.length && timingSafeEqual(g, e);
}

export function readAnchor(location: string): AnchorReading {
  let text: string;
  try {
    text = readFileSync(anchorPath(location), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw e;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
  } catch {
    return { state: 'invalid', reason: '锚点文件不是有效的JSON' };
  }
  const forged = { state: 'invalid', reason: '锚点文件的签名不符（被改动过，或审计密钥已更换）' } as const;
  let anchor: Anchor;
  if (parsed.chains && typeof parsed.chains === 'object') {
    if (!sameMac(parsed.mac, mac(canonical(parsed)))) return forged;
    const chains: Record<string, ChainAnchor> = {};
    for (const [chain, c] of Object.entries(parsed.chains as Record<string, ChainAnchor>))
      chains[chain] = { keyedFrom: Number(c.keyedFrom), seq: Number(c.seq), hash: String(c.hash) };
    anchor = { location: String(parsed.location), chains, at: String(parsed.at) };
  } else {
    const old = parsed as unknown as OldAnchor;
    if (!sameMac(parsed.mac, oldSignature(old))) return forged;
    anchor = {
      location: String(old.location),
      chains: { [PROVINCE]: { keyedFrom: Number(old.keyedFrom), seq: Number(old.seq), hash: String(old.hash) } },
      at: String(old.at),
    };
  }
  if (anchor.location !== location) return { state: 'invalid', reason: `锚点文件属于另一个库（${anchor.location}）` };
  return { state: 'valid', anchor };
}

/**
 * Brings the anchor forward to the given chain heads (atomically: a new file renamed over the old),
 * keeping what it says of the other chains. Never moves a chain back: when another process has
 * anchored a later entry of it meanwhile, that stays. Returns whether the file changed.
 */
export function writeAnchor(location: string, heads: Record<string, ChainAnchor>): boolean {
  const path = anchorPath(location);
  const current = readAnchor(location);
  const chains: Record<string, ChainAnchor> = current.state === 'valid' ? { ...current.anchor.chains } : {};
  let changed = current.state !== 'valid';
  for (const [chain, head] of Object.entries(heads)) {
    const known = chains[chain];
    if (known && known.keyedFrom === head.keyedFrom && known.seq >= head.seq) continue;
    chains[chain] = { keyedFrom: head.keyedFrom, seq: head.seq, hash: head.hash };
    changed = true;
  }
  if (!changed) return false;
  const anchor: Anchor = { location, chains, at: new Date().toISOString() };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const partial = `${path}.${process.pid}.part`;
  writeFileSync(partial, JSON.stringify({ ...anchor, mac: mac(canonical(anchor)) }, null, 2) + '\n', { mode: 0o600 });
  renameSync(partial, path);
  return true;
}
