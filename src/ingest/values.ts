// Cell values → the canonical text the staging table holds ('YYYY-MM-DD', ISO instants, 'true'/'false',
// enum codes, plain decimals), or a Chinese message saying why not. Pure functions, no I/O. They sit
// on the hot path of a million-row import, so the common, already-canonical forms are checked first
// without regular expressions.
import { usccProblem } from '../domain/uscc.ts';
import type { EnumValue } from '../records/registry.ts';

/** A cell as a source hands it over: text from CSV, typed values from JSON and XLSX. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A rejected value; the message names what is wrong, in Chinese. */
export class Bad {
  constructor(readonly message: string) {}
}

export type Parsed = string | null | Bad;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Cell → trimmed text, '' for empty. Numbers keep their shortest exact form. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v);
}

function dateProblem(y: number, m: number, d: number): Bad | null {
  if (y < 1900 || y > 2100) return new Bad(`日期年份超出范围（1900至2100）：${y}`);
  if (m < 1 || m > 12) return new Bad(`日期无效：${y}年${m}月不存在`);
  const max = m === 2 && isLeap(y) ? 29 : DAYS[m - 1];
  if (d < 1 || d > max) return new Bad(`日期无效：${y}年${m}月没有${d}日`);
  return null;
}

function ymd(y: number, m: number, d: number): string | Bad {
  return dateProblem(y, m, d) ?? `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The digit at i, or -1000 (which no valid date survives) for anything else. */
const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};
const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A calendar date. Accepts 2025-03-02, 2025/3/2, 2025.3.2, 2025年3月2日, 20250302 and those followed
 * by a time of day (Excel exports often carry 00:00:00); an Excel date cell arrives as a Date.
 */
export function parseDate(v: Cell): Parsed {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return new Bad('日期无效');
    // Excel stores wall-clock dates; exceljs hands them over as that wall clock in UTC.
    return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') return new Bad(`日期格式错误：${v}（应为 YYYY-MM-DD）`);
  const s = cellText(v);
  if (s === '') return null;
  // The canonical form, checked without a regular expression or a new string: the common case.
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const m = digit(s, 5) * 10 + digit(s, 6);
    const d = digit(s, 8) * 10 + digit(s, 9);
    if (y >= 0 && m >= 0 && d >= 0) return dateProblem(y, m, d) ?? s;
  }
  const loose = LOOSE_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (!loose) return new Bad(`日期格式错误：${s}（应为 YYYY-MM-DD）`);
  return ymd(Number(loose[1]), Number(loose[2]), Number(loose[3]));
}

const LOCAL_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,3})\d*)?秒?)?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai has had no daylight saving since 1991

/** An instant. ISO 8601 with a zone as is; a wall-clock time without one is Beijing time (the business time zone, docs/store.md). */
export function parseTimestamp(v: Cell): Parsed {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return new Bad('时间无效');
    // An Excel time cell is a wall clock (Beijing time) delivered as UTC by exceljs.
    return new Date(v.getTime() - SHANGHAI_OFFSET_MS).toISOString();
  }
  const s = cellText(v);
  if (s === '') return null;
  if (ISO_ZONED.test(s)) {
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) return new Bad(`时间无效：${s}`);
    const date = ymd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
    if (date instanceof Bad) return date;
    return new Date(ms).toISOString();
  }
  const m = LOCAL_TIME.exec(s);
  if (!m) return new Bad(`时间格式错误：${s}（应为 YYYY-MM-DD HH:MM:SS）`);
  const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (date instanceof Bad) return date;
  const [h, min, sec, ms] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0'))];
  if (h > 23 || min > 59 || sec > 59) return new Bad(`时间无效：${s}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, min, sec, ms) - SHANGHAI_OFFSET_MS;
  return new Date(utc).toISOString();
}

const PLAIN_DECIMAL = /^\d{1,12}(\.\d+)?$/;
const GROUPED_DECIMAL = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Yuan, DECIMAL(14,2): not negative, at most two decimals (trailing zeros beyond them are fine). */
export function parseMoney(v: Cell): Parsed {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return new Bad(`金额无效：${v}`);
    if (v < 0) return new Bad(`金额不能为负数：${v}`);
    if (v >= 1e12) return new Bad(`金额过大：${v}`);
    const cents = Math.round(v * 100);
    if (Math.abs(cents - v * 100) > 1e-6 * Math.max(1, v)) return new Bad(`金额至多保留两位小数：${v}`);
    return (cents / 100).toFixed(2);
  }
  if (typeof v === 'boolean' || v instanceof Date) return new Bad('金额应为数字');
  let s = cellText(v);
  if (s === '') return null;
  if (!PLAIN_DECIMAL.test(s)) {
    s = s.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
    if (GROUPED_DECIMAL.test(s)) s = s.replace(/,/g, '');
    if (/^-\s*\d/.test(s)) return new Bad(`金额不能为负数：${cellText(v)}`);
    if (!PLAIN_DECIMAL.test(s)) {
      return /^\d{13,}(\.\d+)?$/.test(s)
        ? new Bad(`金额过大：${cellText(v)}`)
        : new Bad(`金额格式错误：${cellText(v)}（应为数字，如 1234.50）`);
    }
  }
  const dot = s.indexOf('.');
  if (dot >= 0 && s.length - dot - 1 > 2 && !/^0+$/.test(s.slice(dot + 3))) return new Bad(`金额至多保留两位小数：${cellText(v)}`);
  return dot >= 0 && s.length - dot - 1 > 2 ? s.slice(0, dot + 3) : s;
}

export function parseInteger(v: Cell, min?: number, max?: number): Parsed {
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const s = cellText(v);
    if (s === '') return null;
    if (!/^-?\d{1,15}(\.0+)?$/.test(s)) return new Bad(`应为整数：${s}`);
    n = Number(s);
  }
  if (!Number.isInteger(n)) return new Bad(`应为整数：${n}`);
  if (min !== undefined && n < min) return new Bad(`不能小于${min}：${n}`);
  if (max !== undefined && n > max) return new Bad(`不能大于${max}：${n}`);
  return String(n);
}

const TRUE_WORDS = ['true', '1', 'y', 'yes', 't', '是', '有', '√', '✓', '已'];
const FALSE_WORDS = ['false', '0', 'n', 'no', 'f', '否', '无', '×', '✗', '未'];
const BOOLEANS = new Map<string, string>([
  ...TRUE_WORDS.map((w) => [w, 'true'] as const),
  ...FALSE_WORDS.map((w) => [w, 'false'] as const),
]);

export function parseBoolean(v: Cell): Parsed {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return v === 1 ? 'true' : v === 0 ? 'false' : new Bad(`应为“是”或“否”：${v}`);
  const s = cellText(v);
  if (s === '') return null;
  return BOOLEANS.get(s) ?? BOOLEANS.get(s.toLowerCase()) ?? new Bad(`应为“是”或“否”（或 true/false、1/0）：${s}`);
}

/** Enum: its code (any case) or its Chinese label or alias → the code. */
export function enumParser(values: EnumValue[]): (v: Cell) => Parsed {
  const map = new Map<string, string>();
  for (const e of values) {
    map.set(e.code, e.code);
    for (const w of [e.code, e.label, ...(e.aliases ?? [])]) map.set(w.normalize('NFKC').toLowerCase(), e.code);
  }
  const allowed = values.map((e) => `${e.code}（${e.label}）`).join('、');
  return (v) => {
    const s = cellText(v);
    if (s === '') return null;
    return map.get(s) ?? map.get(s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')) ?? new Bad(`取值无效：${s}，可选 ${allowed}`);
  };
}

/**
 * Several enum values in one cell (FieldSpec.multiple): each as enumParser reads it, separated by ；;、，, or /;
 * → their codes, each once, in the order of `values`, joined by ';'.
 */
export function enumSetParser(values: EnumValue[]): (v: Cell) => Parsed {
  const one = enumParser(values);
  const order = new Map(values.map((e, i) => [e.code, i]));
  return (v) => {
    const s = cellText(v);
    if (s === '') return null;
    const codes = new Set<string>();
    for (const part of s.split(/[;；、,，/]/)) {
      if (part.trim() === '') continue;
      const code = one(part);
      if (code instanceof Bad) return code;
      if (code !== null) codes.add(code);
    }
    if (codes.size === 0) return null;
    return [...codes].sort((a, b) => order.get(a)! - order.get(b)!).join(';');
  };
}

// The GB 32100-2015 check, by character code: the hot path of a large import. usccProblem (domain)
// remains the judge and gives the message whenever this quick test fails.
const USCC_VALUES = new Int8Array(128).fill(-1);
'0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').forEach((c, i) => {
  USCC_VALUES[c.charCodeAt(0)] = i;
});
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function quickUsccOk(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? USCC_VALUES[c] : -1;
    if (v < 0 || (i < 8 && v > 9)) return false;
    sum += v * USCC_WEIGHTS[i];
  }
  const last = s.charCodeAt(17);
  return last < 128 && USCC_VALUES[last] === (31 - (sum % 31)) % 31;
}

/** USCC: upper-cased and width-folded (Excel users type full-width or lower case), then the check character. */
export function parseUscc(v: Cell): Parsed {
  // 18 digits do not survive as an Excel number (15 significant digits): say so rather than "check digit".
  if (typeof v === 'number') return new Bad('统一社会信用代码被存成了数字，已失真：请在 Excel 中将该列设为文本后重新填写');
  let s = cellText(v);
  if (s === '') return null;
  if (quickUsccOk(s)) return s;
  s = s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  const problem = usccProblem(s);
  return problem ? new Bad(problem) : s;
}

// ── canonical tests ──────────────────────────────────────────────────────────────────────────────
// True when a text cell is valid and its parser would return it unchanged: the common case of a
// large import, tested without allocating. False sends the cell through its parser, which gives
// the value or the message; so a test may say false for a good cell, never true for a bad one.
export type CanonicalTest = (s: string) => boolean;

/** Neither end is whitespace (what cellText would trim) nor a control character. */
function unpadded(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  if (a <= 32 || b <= 32) return false;
  return (a < 127 && b < 127) || s.trim() === s;
}

function noControls(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

export const textTest =
  (maxLength = 500): CanonicalTest =>
  (s) =>
    s.length <= maxLength && unpadded(s) && noControls(s);

export function isCanonicalDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]);
}

export const isCanonicalBoolean: CanonicalTest = (s) => s === 'true' || s === 'false';

export function enumTest(values: EnumValue[]): CanonicalTest {
  const codes = new Set(values.map((e) => e.code));
  return (s) => codes.has(s);
}

/** Codes of the set joined by ';', each once, in the order of `values` (what enumSetParser returns). */
export function enumSetTest(values: EnumValue[]): CanonicalTest {
  const order = new Map(values.map((e, i) => [e.code, i]));
  return (s) => {
    let last = -1;
    for (const code of s.split(';')) {
      const i = order.get(code);
      if (i === undefined || i <= last) return false;
      last = i;
    }
    return true;
  };
}

export const isCanonicalUscc: CanonicalTest = (s) => quickUsccOk(s);

/** An identifier code as typed (1000-0042-7kq3-m9xd): upper-cased, spaces and hyphens dropped; letters and digits only. */
export function codeParser(maxLength = 64): (v: Cell) => Parsed {
  return (v) => {
    const raw = cellText(v);
    if (raw === '') return null;
    const s = raw
      .normalize('NFKC')
      .toUpperCase()
      .replace(/[\s-]+/g, '');
    if (!/^[0-9A-Z]+$/.test(s)) return new Bad(`编码只能由字母、数字和“-”组成：${raw}`);
    if (s.length > maxLength) return new Bad(`编码过长：${s.length}位，至多${maxLength}位`);
    return s;
  };
}

export const codeTest =
  (maxLength = 64): CanonicalTest =>
  (s) =>
    s.length <= maxLength && /^[0-9A-Z]+$/.test(s);

/** Free text: trimmed; NUL and other C0 controls (except tab and line breaks) are refused. */
export function stringParser(maxLength = 500): (v: Cell) => Parsed {
  return (v) => {
    const s = cellText(v);
    if (s === '') return null;
    if (s.length > maxLength) return new Bad(`内容过长：${s.length}字，至多${maxLength}字`);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 && c !== 9 && c !== 10 && c !== 13) return new Bad('含有不可见的控制字符');
    }
    return s;
  };
}
