// 行政行为码: the code a task gets before anyone enters the enterprise (docs/inspections.md "The code").
//
//   1 0000042 7KQ3M9XD   → shown as 1000-0042-7KQ3-M9XD
//   │ │       └ 8 characters: the first 40 bits of HMAC-SM3 (server key) over the task as issued
//   │ └ 7 characters: the task's serial (35 bits, from a counter: unique by construction)
//   └ version 1
//
// Crockford base32 (no I, L, O, U: nothing to misread), 16 characters to type, grouped by four.
// The signature binds the serial to the task's id, entity, agency, item, window and officers: a code
// with any character changed, or a task altered in the database after the code was issued, fails
// verification. 40 bits make a blind guess succeed once in a trillion tries, behind a rate limit.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CODE_LENGTH = 16;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VERSION = '1';
const SERIAL_CHARS = 7;
const MAC_CHARS = 8;
export const MAX_SERIAL = 32 ** SERIAL_CHARS - 1;

/** What a code signs: the task as issued. */
export interface CodeFacts {
  serial: number;
  id: string;
  entity_uscc: string;
  agency_id: string;
  inspection_item_code: string | null;
  valid_from: string;
  valid_to: string;
  officer_ids: string;
}

function base32(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = ALPHABET[n % 32] + s;
    n = Math.floor(n / 32);
  }
  return s;
}

function mac(key: Buffer, f: CodeFacts): string {
  const payload = [
    'kedu-action-code',
    VERSION,
    f.serial,
    f.id,
    f.entity_uscc,
    f.agency_id,
    f.inspection_item_code ?? '',
    f.valid_from,
    f.valid_to,
    f.officer_ids,
  ].join('|');
  const digest = createHmac('sm3', key).update(payload, 'utf8').digest();
  // 40 bits → 8 characters of 5 bits.
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(digest[i]);
  let s = '';
  for (let i = 0; i < MAC_CHARS; i++) {
    s = ALPHABET[Number(bits & 31n)] + s;
    bits >>= 5n;
  }
  return s;
}

/** The code of a task (16 characters, no separators: the stored form). */
export function issueCode(key: Buffer, f: CodeFacts): string {
  if (!Number.isInteger(f.serial) || f.serial < 1 || f.serial > MAX_SERIAL) throw new Error(`serial out of range: ${f.serial}`);
  return VERSION + base32(f.serial, SERIAL_CHARS) + mac(key, f);
}

/** 1000-0042-7KQ3-M9XD: how the notice prints it and people type it. */
export const displayCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');

export type ParsedCode = { ok: true; code: string; serial: number } | { ok: false; message: string };

/**
 * Typed or scanned text → the stored form and the serial, or why it cannot be a code (malformed).
 * Case, spaces and hyphens do not matter; O reads as 0 and I or L as 1, as Crockford base32 says.
 */
export function parseCode(text: string): ParsedCode {
  const s = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH) return { ok: false, message: `行政行为码应为${CODE_LENGTH}位（不计“-”），实际${s.length}位` };
  for (const c of s) if (!ALPHABET.includes(c)) return { ok: false, message: `行政行为码含有无效字符“${c}”` };
  if (s[0] !== VERSION) return { ok: false, message: '行政行为码版本无效' };
  let serial = 0;
  for (const c of s.slice(1, 1 + SERIAL_CHARS)) serial = serial * 32 + ALPHABET.indexOf(c);
  if (serial < 1) return { ok: false, message: '行政行为码无效' };
  return { ok: true, code: s, serial };
}

/** Whether a parsed code is the signed code of this task (constant time in the signature). */
export function signatureMatches(key: Buffer, code: string, f: CodeFacts): boolean {
  const expected = Buffer.from(issueCode(key, f));
  const given = Buffer.from(code);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
