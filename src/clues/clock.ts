// An injectable clock: the loop's dates (deadlines, overdue, escalation, notice dates) come from it,
// so tests run the calendar forward without waiting. Business dates are Asia/Shanghai (UTC+8, no DST).
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stuck at one instant (tests). */
export const fixedClock = (iso: string): Clock => () => new Date(iso);

/** The business date ('YYYY-MM-DD', Asia/Shanghai) of an instant. */
export function businessDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const todayOf = (clock: Clock): string => businessDate(clock());
