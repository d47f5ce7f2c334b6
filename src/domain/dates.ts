// Calendar dates as 'YYYY-MM-DD' text (business time zone Asia/Shanghai; DATE columns carry no zone).

/** True for a real calendar date: 2025-02-29 and 2025-13-01 are not. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same date `years` later (earlier when negative); 29 February becomes 28 February in a common year, as DATE + INTERVAL does in SQL. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5) === '02-29' && !isIsoDate(`${y}-02-29`) ? '02-28' : date.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * The same day `months` months later ('YYYY-MM-DD'); a day the month lacks falls on its last day
 * (2025-08-31 + 6 → 2026-02-28), as DuckDB's and PostgreSQL's `date + INTERVAL 'n months'` do.
 */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The business date ('YYYY-MM-DD', Asia/Shanghai: UTC+8, no daylight saving since 1991) of an instant. */
export function businessDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
