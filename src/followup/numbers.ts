// Numbers as people say them on the phone: 五, 两千, 三万, 四五趟 (the lower of a range), 2000, 1.5万.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** A run of Chinese or Arabic numerals as a number; a range like 四五 or 七八 gives its lower end. null: not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const mixed = /^(\d+(?:\.\d+)?)([十百千万]+)$/.exec(t);
  if (mixed) return Number(mixed[1]) * [...mixed[2]].reduce((p, u) => p * UNITS[u], 1);
  if (!t || ![...t].every((c) => c in DIGITS || c in UNITS)) return null;
  // A range: two digits in a row (四五, 七八, 两三千) — keep the first, drop the second.
  const chars = [...t];
  const squeezed: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && chars[i] in DIGITS && chars[i - 1] in DIGITS && chars[i] !== '零' && chars[i - 1] !== '零') continue;
    squeezed.push(chars[i]);
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of squeezed) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * UNITS[c];
      digit = 0;
    }
  }
  // 一万五, 三千五, 两百五: a digit after the last unit is of the unit below it.
  const last = squeezed[squeezed.length - 1];
  const before = squeezed[squeezed.length - 2];
  if (last in DIGITS && before in UNITS && squeezed.length >= 2) digit *= UNITS[before] === 10000 ? 1000 : UNITS[before] / 10;
  return total + section + digit;
}
