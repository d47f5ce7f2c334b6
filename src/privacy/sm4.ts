// Personal data sealed with SM4 (GB/T 32907), the block cipher a 密评 (GB/T 39786-2021) expects for
// confidentiality of stored sensitive data. Node's OpenSSL has SM4 in CTR mode but no SM4-GCM, so
// the construction is SIV-like: the IV is HMAC-SM3 of the plaintext under a second key, and opening
// recomputes it, so an altered ciphertext is refused (integrity as well as confidentiality). Equal
// values seal equally: the merge of an import still sees a re-sent record as unchanged, and a column
// can still be compared for equality (a keyed token, without the clear text) — at the price of
// showing which rows share a value, which for phone numbers and ID numbers is accepted here.
// Format: "sm4:" + base64url(IV ‖ ciphertext); a value without the prefix is one written before
// encryption (sealed by sealStoredPersonalData at the next start) and is read as it is.
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { subKey } from '../keys/keys.ts';

const PREFIX = 'sm4:';
let keys: { enc: Buffer; mac: Buffer } | null = null;
const sealingKeys = () =>
  (keys ??= {
    // SM4 takes a 128-bit key.
    enc: subKey('data', 'kedu personal data: SM4 key').subarray(0, 16),
    mac: subKey('data', 'kedu personal data: synthetic IV'),
  });

const ivOf = (text: string) => createHmac('sm3', sealingKeys().mac).update(text, 'utf8').digest().subarray(0, 16);

export const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith(PREFIX);

export function seal(text: string): string {
  if (isSealed(text)) return text;
  const iv = ivOf(text);
  const cipher = createCipheriv('sm4-ctr', sealingKeys().enc, iv);
  return PREFIX + Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]).toString('base64url');
}

/** The clear text of a sealed value (a value never sealed is returned as it is). */
export function unseal(value: string): string {
  if (!isSealed(value)) return value;
  const raw = Buffer.from(value.slice(PREFIX.length), 'base64url');
  const iv = raw.subarray(0, 16);
  const decipher = createDecipheriv('sm4-ctr', sealingKeys().enc, iv);
  const text = Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString('utf8');
  const expected = ivOf(text);
  if (iv.length !== 16 || !timingSafeEqual(iv, expected))
    throw new Error('个人信息密文校验失败：数据被改动，或数据密钥（KEDU_DATA_KEY / data/keys/data.key）与加密时不同');
  return text;
}

export const sealOrNull = (v: string | null | undefined): string | null =>
  v === null || v === undefined || v === '' ? (v ?? null) : seal(v);
export const unsealOrNull = (v: string | null | undefined): string | null => (v === null || v === undefined ? null : unseal(v));
