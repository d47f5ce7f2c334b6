// Step 1 of the pipeline: the question as typed → one canonical text. Full-width characters become
// half-width (？ → ?, １２ → 12), and Chinese numerals that count or date something become digits
// (前十 → 前10, 二十五天 → 25天, 二〇二五年 → 2025年, 两个月 → 2个月), so the later steps read one form.
// Words that merely contain a numeral character (一般, 统一, 一次性, 第三方) stay as they are.
import { normalizeText } from '../text/segment.ts';
import { chineseNumeral } from '../catalog/law.ts';

const NUM = '[零〇一二两三四五六七八九十百千万]';
const DIGIT: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二十五 → 25, 两 → 2, 一万 → 10000, 十 → 10; null when the text is not a numeral. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  try {
    const wan = text.split('万');
    if (wan.length === 2)
      return (wan[0] ? (parseChineseNumber(wan[0]) ?? NaN) : 1) * 10000 + (wan[1] ? (parseChineseNumber(wan[1]) ?? NaN) : 0);
    return chineseNumeral(text.replace(/两/g, '二'));
  } catch {
    return null;
  }
}

const toDigits = (numeral: string): string => {
  const n = parseChineseNumber(numeral);
  return n === null || !Number.isFinite(n) ? numeral : String(n);
};

// A numeral is a count or a date part when a unit follows it or a ranking word precedes it.
const UNIT_AFTER = new RegExp(`(${NUM}+)(?=(?:个|名|家|条|天|日|号|月|年|周|星期|季度|次(?!性)|项|位|件|笔|元|块|倍|成|%|个月|人))`, 'g');
const WORD_BEFORE = new RegExp(`(前|近|最近|过去|倒数|排名前|top|TOP|Top)(${NUM}+)`, 'g');
const YEAR = /([〇零一二三四五六七八九]{4})(?=年)/g;

export function normalizeQuestion(text: string): string {
  let s = normalizeText(text).trim();
  s = s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  s = s.replace(YEAR, (y) => [...y].map((c) => DIGIT[c]).join(''));
  s = s.replace(WORD_BEFORE, (_whole, word: string, numeral: string) => `${word}${toDigits(numeral)}`);
  s = s.replace(UNIT_AFTER, (numeral: string, _m, offset: number, all: string) => {
    // 第三十三条 → 第33条 (the law lookup reads digits), 十一月 → 11月; never the inside of a word like 统一.
    const before = all[offset - 1] ?? '';
    if (/[统唯单万之同专哪这每]/.test(before) && numeral === '一') return numeral;
    return toDigits(numeral);
  });
  return s;
}
