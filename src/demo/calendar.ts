// Days as integers (days since 1970-01-01) while generating, ISO text only when a row is written.
// The demo data covers a Period of 18 calendar months that ends on its as-of day — today, unless the
// caller names another day (tests pin one so they stay deterministic) — the date against which open
// cases, pending licences and unpaid fines are judged. The same seed and as-of day give the same rows.
import { Rng, Weighted } from './prng.ts';

const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

const TABLE_FROM = dayOf('1950-01-01'); // officers' birth dates
const TABLE_TO = dayOf('2069-12-31'); // certificates run up to 3½ years past the as-of day
const ISO: string[] = [];
for (let d = TABLE_FROM; d <= TABLE_TO; d++) ISO.push(new Date(d * DAY_MS).toISOString().slice(0, 10));

/** 'YYYY-MM-DD' of a day number (table lookup: formatting dates is a hot path). */
export function isoOf(day: number): string {
  const s = ISO[day - TABLE_FROM];
  if (s === undefined) throw new Error(`day ${day} outside the demo calendar`);
  return s;
}

/** The days a demo data set covers: start … end, where end is the data set's "today" (asOf). */
export interface Period {
  start: number;
  end: number;
  /** The data set's "today": the end of the period. */
  asOf: number;
  asOfIso: string;
}

/** Months in a period: the as-of day's month and the 17 before it (2025-12-31 → 2024-07-01 … 2025-12-31). */
export const PERIOD_MONTHS = 18;

export function periodEnding(asOfIso: string): Period {
  const asOf = dayOf(asOfIso);
  if (!Number.isFinite(asOf) || asOf < dayOf('2000-01-01') || asOf > dayOf('2060-12-31'))
    throw new Error(`演示数据的截止日期无效：${asOfIso}（须为 2000-01-01 至 2060-12-31 之间的日期）`);
  const [y, m] = asOfIso.split('-').map(Number);
  const months = y * 12 + (m - 1) - (PERIOD_MONTHS - 1);
  const start = dayOf(`${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`);
  return { start, end: asOf, asOf, asOfIso: isoOf(asOf) };
}

export const yearOf = (day: number): number => Number(isoOf(day).slice(0, 4));
/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (day + 3) % 7;

const PAD2: string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** An instant in the business time zone, as text with its offset: '2025-03-04 09:15:00+08:00'. */
export function instantOf(day: number, secondOfDay: number): string {
  const h = (secondOfDay / 3600) | 0;
  const m = ((secondOfDay % 3600) / 60) | 0;
  return `${isoOf(day)} ${PAD2[h]}:${PAD2[m]}:${PAD2[secondOfDay % 60]}+08:00`;
}

/**
 * A draw of days within the period, weighted by a trend and by weekday (agencies work on weekdays).
 * `trend` is the volume at the end of the period against its start: the seed reports Hangzhou's 2025 H1
 * on-site inspections −62.83 % and cases −33.37 % year on year.
 */
export class DayPicker {
  private readonly weighted: Weighted<number>;
  private readonly end: number;

  constructor(period: Period, opts: { trend?: number; weekendWeight?: number } = {}) {
    const from = period.start;
    const to = period.end;
    this.end = to;
    const days: number[] = [];
    const weights: number[] = [];
    for (let d = from; d <= to; d++) {
      const wd = weekdayOf(d);
      let w = wd >= 5 ? (opts.weekendWeight ?? 0.08) : 1;
      // Linear drift from 1 (the start) to trend (the end): no cliff at New Year.
      if (opts.trend !== undefined) w *= 1 + (opts.trend - 1) * ((d - from) / Math.max(1, to - from));
      days.push(d);
      weights.push(w);
    }
    this.weighted = new Weighted(days, weights);
  }

  pick(rng: Rng): number {
    return this.weighted.pick(rng);
  }

  /** A day on or after `min` (an entity's registration): redrawn a few times, then uniform over what is left. */
  pickFrom(rng: Rng, min: number): number {
    for (let i = 0; i < 4; i++) {
      const d = this.weighted.pick(rng);
      if (d >= min) return d;
    }
    return min + rng.int(Math.max(1, this.end - min + 1));
  }
}

/** A working hour in seconds of the day (08:30–17:30), for timestamps. */
export const workSecond = (rng: Rng): number => 30_600 + rng.int(32_400);
