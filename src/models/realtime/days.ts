// Calendar dates as day numbers (days since 1970-01-01) for the real-time checks: windows are integer
// comparisons, and the state stores one Int32 per date instead of a string.
const DAY_MS = 86_400_000;

const cache = new Map<string, number>();

/** The day number of 'YYYY-MM-DD' (or of the date part of longer text). */
export function dayOf(iso: string): number {
  const key = iso.length === 10 ? iso : iso.slice(0, 10);
  let d = cache.get(key);
  if (d === undefined) {
    d = Math.round(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
    if (Number.isNaN(d)) throw new Error(`not a date: ${iso}`);
    if (cache.size > 20_000) cache.clear();
    cache.set(key, d);
  }
  return d;
}

export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** The first day of a calendar year. */
export const yearStart = (year: number): number => Math.round(Date.UTC(year, 0, 1) / DAY_MS);

/** The business date (Asia/Shanghai, UTC+8) of an instant given as ISO text, as SQL's CAST(ts AS DATE) gives it. */
export function businessDayOf(instant: string): number {
  return Math.floor((Date.parse(instant) + 8 * 3_600_000) / DAY_MS);
}
