// Time expressions in a question → a period of business dates, relative to "today" (the asOf date:
// the demo data's fixed day, or the real date). 今年, 去年, 2025年上半年, 一季度, 上个月, 近30天, 3月份,
// 2024年7月到2025年6月 …; 同比 (the same period a year before) and 环比 (the period just before).
import { addDays, isIsoDate } from '../domain/dates.ts';

export interface Period {
  from: string;
  to: string;
  /** How the question named it: 2025年上半年. */
  label: string;
}

export type Comparison = 'yoy' | 'mom';

export interface TimeSlots {
  period: Period | null;
  comparison: Comparison | null;
  /** The text spans the time took, so other slot readers can skip them. */
  spans: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthPeriod = (y: number, m: number, label: string): Period => ({
  from: `${y}-${pad(m)}-01`,
  to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`,
  label,
});
const span = (y: number, m1: number, m2: number, label: string): Period => ({
  from: `${y}-${pad(m1)}-01`,
  to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
  label,
});

function yearWord(word: string | undefined, asOfYear: number): number | null {
  if (!word) return null;
  if (/^\d{4}$/.test(word)) return Number(word);
  return { 今: asOfYear, 本: asOfYear, 去: asOfYear - 1, 上: asOfYear - 1, 前: asOfYear - 2 }[word[0]] ?? null;
}

const YEAR = '(\\d{4}|今|本|去|上一?|前)年度?';

/** Reads the time of a question; asOf: 'YYYY-MM-DD'. */
export function readTime(text: string, asOf: string): TimeSlots {
  const y0 = Number(asOf.slice(0, 4));
  const m0 = Number(asOf.slice(5, 7));
  const spans: string[] = [];
  let period: Period | null = null;
  const take = (m: RegExpExecArray | null): RegExpExecArray | null => {
    if (m) spans.push(m[0]);
    return m;
  };
  const comparison: Comparison | null = /同比|去年同期|上年同期/.test(text)
    ? 'yoy'
    : /环比|比上(个)?月|较上月|比上季度/.test(text)
      ? 'mom'
      : null;
  if (comparison) spans.push(...(text.match(/同比|去年同期|上年同期|环比|比上(个)?月|较上月|比上季度/g) ?? []));

  let m: RegExpExecArray | null;
  // An explicit range: 2024年7月到2025年6月, 2025-01-01至2025-03-31, 3月到5月.
  if (
    (m = take(
      /(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?\s*(?:到|至|-|~|—)\s*(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?/.exec(
        text,
      ),
    ))
  ) {
    const y1 = m[1] ? Number(m[1]) : y0;
    const y2 = m[4] ? Number(m[4]) : y1;
    const [a, b] = [Number(m[2]), Number(m[5])];
    const from = `${y1}-${pad(a)}-${pad(m[3] ? Number(m[3]) : 1)}`;
    const to = `${y2}-${pad(b)}-${pad(m[6] ? Number(m[6]) : lastDay(y2, b))}`;
    if (isIsoDate(from) && isIsoDate(to)) period = { from, to, label: m[0] };
  } else if ((m = take(/(\d{4}-\d{2}-\d{2})\s*(?:到|至|~|—)\s*(\d{4}-\d{2}-\d{2})/.exec(text)))) {
    if (isIsoDate(m[1]) && isIsoDate(m[2])) period = { from: m[1], to: m[2], label: `${m[1]}至${m[2]}` };
  } else if ((m = take(/(近|最近|过去|前)(\d+|半)(个)?(天|日|周|星期|月|年)/.exec(text)))) {
    const n = m[2] === '半' ? 0.5 : Number(m[2]);
    const unit = m[4];
    let from: string;
    if (unit === '天' || unit === '日') from = addDays(asOf, -(n - 1));
    else if (unit === '周' || unit === '星期') from = addDays(asOf, -(7 * n - 1));
    else {
      // n months back, the day clamped to the month's end (12-31 minus 6 months is 06-30), then the day after.
      const back = y0 * 12 + (m0 - 1) - (unit === '年' ? n * 12 : n);
      const [y, mo] = [Math.floor(back / 12), (back % 12) + 1];
      from = addDays(`${y}-${pad(mo)}-${pad(Math.min(Number(asOf.slice(8)), lastDay(y, mo)))}`, 1);
    }
    period = { from, to: asOf, label: m[0] };
  } else if ((m = take(new RegExp(`(?:${YEAR})?(上|下)半年`).exec(text)))) {
    const y = yearWord(m[1], y0) ?? y0;
    period = m[2] === '上' ? span(y, 1, 6, `${y}年上半年`) : span(y, 7, 12, `${y}年下半年`);
  } else if ((m = take(new RegExp(`(?:${YEAR})?(?:第)?([1-4])季度|(?:${YEAR})?[Qq]([1-4])`).exec(text)))) {
    const y = yearWord(m[1] ?? m[3], y0) ?? y0;
    const q = Number(m[2] ?? m[4]);
    period = span(y, q * 3 - 2, q * 3, `${y}年第${q}季度`);
  } else if ((m = take(/(本|这个?|上个?|上一个?)季度/.exec(text)))) {
    let q = Math.ceil(m0 / 3);
    let y = y0;
    if (m[1].startsWith('上')) [q, y] = q === 1 ? [4, y0 - 1] : [q - 1, y0];
    period = span(y, q * 3 - 2, q * 3, `${y}年第${q}季度`);
  } else if ((m = take(new RegExp(`(?:${YEAR})?(\\d{1,2})月份?`).exec(text)))) {
    const y = yearWord(m[1], y0) ?? y0;
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12) period = monthPeriod(y, mo, `${y}年${mo}月`);
  } else if ((m = take(/(本|这个?|当)月|(上个?|上一个?)月/.exec(text)))) {
    const [y, mo] = m[2] ? (m0 === 1 ? [y0 - 1, 12] : [y0, m0 - 1]) : [y0, m0];
    period = monthPeriod(y, mo, `${y}年${mo}月`);
  } else if ((m = take(/(\d{4})年(以来|至今)/.exec(text)))) {
    period = { from: `${m[1]}-01-01`, to: asOf, label: m[0] };
  } else if ((m = take(new RegExp(`${YEAR}(?!同期)`).exec(text)))) {
    const y = yearWord(m[1], y0);
    if (y !== null) period = span(y, 1, 12, `${y}年`);
  } else if (take(/今天|今日/.exec(text))) {
    period = { from: asOf, to: asOf, label: asOf };
  } else if (take(/昨天|昨日/.exec(text))) {
    const d = addDays(asOf, -1);
    period = { from: d, to: d, label: d };
  } else if ((m = take(/(本|这)周|上周/.exec(text)))) {
    const weekday = (new Date(`${asOf}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(asOf, -weekday - (m[0] === '上周' ? 7 : 0));
    period = { from: monday, to: addDays(monday, 6), label: `${monday}所在周` };
  }
  return { period, comparison, spans };
}

/** The period a comparison sets beside `p`: a year before (同比), or the same length just before (环比). */
export function previousPeriod(p: Period, comparison: Comparison): Period {
  if (comparison === 'yoy') {
    const shift = (d: string) => {
      const y = Number(d.slice(0, 4)) - 1;
      const md = d.slice(5);
      return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
    };
    return { from: shift(p.from), to: shift(p.to), label: `上年同期（${shift(p.from)}至${shift(p.to)}）` };
  }
  // A whole month (or several) steps back by months; any other span by its length in days.
  const f = new Date(`${p.from}T00:00:00Z`);
  const t = new Date(`${p.to}T00:00:00Z`);
  const wholeMonths = f.getUTCDate() === 1 && addDays(p.to, 1).slice(8) === '01';
  if (wholeMonths) {
    const months = (t.getUTCFullYear() - f.getUTCFullYear()) * 12 + t.getUTCMonth() - f.getUTCMonth() + 1;
    const from = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
    const to = addDays(p.from, -1);
    return { from, to, label: `上一期（${from}至${to}）` };
  }
  const days = Math.round((t.getTime() - f.getTime()) / 86_400_000) + 1;
  const to = addDays(p.from, -1);
  const from = addDays(to, -(days - 1));
  return { from, to, label: `上一期（${from}至${to}）` };
}
