// The working-day calendar (工作日): Monday to Friday, less the legal holidays (法定节假日) of the State
// Council's yearly arrangement, plus the weekend days it makes working days (调休上班). The arrangement
// is data (data/calendar/holidays.json, one entry per year, naming the notice); years it does not list
// count Monday to Friday only. Laws that count in working days: 行政处罚法 第八十五条 (its 二日、三日、
// 五日、七日), 行政强制法 第六十九条 (periods of ten days or less), 行政许可法 第八十二条, 行政复议法
// 第八十八条, 浙江省保障"最多跑一次"改革规定 第十四条 (六十个工作日).
//
// A period of N working days after a day D (the day itself not counted) ends on the Nth working day
// after D; an act on that day is in time, an act on any later day (the next working day, or a weekend
// or holiday after it) is late. The store holds the same calendar as the table calendar_days
// (`calendarRows`), so that SQL decides exactly as `workdaysLate` does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isIsoDate } from './dates.ts';

const DAY_MS = 86_400_000;
const FILE = fileURLToPath(new URL('../../data/calendar/holidays.json', import.meta.url));

/** The calendar table spans these years; working-day questions about other dates have no answer (null). */
export const CALENDAR_FROM = '2015-01-01';
export const CALENDAR_TO = '2035-12-31';

export interface HolidayYear {
  year: number;
  source: string;
  /** Ranges of days off: [from, to, name]. */
  off: [string, string, string][];
  /** Weekend days that are working days. */
  workdays: string[];
}

const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Reads and checks the holiday arrangements; throws naming the entry that is wrong. */
export function readHolidayYears(file = FILE): HolidayYear[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { years: HolidayYear[] };
  for (const y of data.years) {
    const where = `data/calendar/holidays.json ${y.year}`;
    if (!y.source) throw new Error(`${where}: no source`);
    for (const [from, to] of y.off) {
      if (!isIsoDate(from) || !isIsoDate(to) || from > to || !from.startsWith(String(y.year)))
        throw new Error(`${where}: bad range ${from}–${to}`);
    }
    for (const d of y.workdays) {
      const wd = (dayNumber(d) + 3) % 7; // 0 = Monday
      if (!isIsoDate(d) || wd < 5) throw new Error(`${where}: make-up workday ${d} is not a weekend day`);
    }
  }
  return data.years;
}

export interface CalendarRow {
  day: string;
  workday: boolean;
  /** A day off of the State Council's arrangement (法定节假日 and the weekend days joined to it). */
  holiday: boolean;
  /** Working days from CALENDAR_FROM up to and including this day. */
  done: number;
  /** The number of the first working day on or after this day: done if it is a working day, done + 1 if not. */
  due: number;
}

let rows: CalendarRow[] | null = null;
let byDay: Map<string, CalendarRow> | null = null;

/** Every day of the calendar table, in order. */
export function calendarRows(): CalendarRow[] {
  if (rows) return rows;
  const off = new Set<number>();
  const on = new Set<number>();
  for (const y of readHolidayYears()) {
    for (const [from, to] of y.off) for (let d = dayNumber(from); d <= dayNumber(to); d++) off.add(d);
    for (const d of y.workdays) on.add(dayNumber(d));
  }
  const out: CalendarRow[] = [];
  let done = 0;
  for (let d = dayNumber(CALENDAR_FROM); d <= dayNumber(CALENDAR_TO); d++) {
    const workday = on.has(d) || ((d + 3) % 7 < 5 && !off.has(d));
    if (workday) done++;
    out.push({ day: isoOf(d), workday, holiday: off.has(d), done, due: workday ? done : done + 1 });
  }
  rows = out;
  byDay = new Map(out.map((r) => [r.day, r]));
  return out;
}

function row(iso: string): CalendarRow | undefined {
  if (!byDay) calendarRows();
  return byDay!.get(iso.slice(0, 10));
}

export function isWorkday(iso: string): boolean | null {
  return row(iso)?.workday ?? null;
}

export function isHoliday(iso: string): boolean | null {
  return row(iso)?.holiday ?? null;
}

/** The last day of a period of n working days after `from` (the Nth working day after it); null outside the calendar. */
export function workdayDeadline(from: string, n: number): string | null {
  const start = row(from);
  if (!start) return null;
  const all = calendarRows();
  // The Nth working day after `from` is the working day whose `done` is start.done + n.
  const target = start.done + n;
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].done < target) lo = mid + 1;
    else hi = mid;
  }
  return all[lo].done === target && all[lo].workday ? all[lo].day : null;
}

/** Whether an act on `to` is later than n working days after `from`; null when either day is outside the calendar. */
export function workdaysLate(from: string, to: string, n: number): boolean | null {
  const a = row(from);
  const b = row(to);
  return a && b ? b.due > a.done + n : null;
}

/** The fewest working days after `from` within which an act on `to` is in time (workdaysLate(from, to, n) is false for n ≥ it). */
export function workdaysNeeded(from: string, to: string): number | null {
  const a = row(from);
  const b = row(to);
  return a && b ? b.due - a.done : null;
}

/** Working days after `from` up to and including `to` (negative when `to` is before `from`); null outside the calendar. */
export function workdaysBetween(from: string, to: string): number | null {
  const a = row(from);
  const b = row(to);
  return a && b ? b.done - a.done : null;
}
