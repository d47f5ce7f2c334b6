// An injectable clock: the loop's dates (deadlines, overdue, escalation, notice dates) come from it,
// so tests run the calendar forward without waiting. Business dates are Asia/Shanghai (UTC+8, no DST).
import { businessDate } from '../domain/dates.ts';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stuck at one instant (tests). */
export const fixedClock =
  (iso: string): Clock =>
  () =>
    new Date(iso);

export { businessDate };

export const todayOf = (clock: Clock): string => businessDate(clock());

/** The instant a business day (Asia/Shanghai) begins. */
const dayStart = (iso: string): number => Date.parse(`${iso}T00:00:00+08:00`);

/**
 * The clock of a server that judges as of another day (a demo data set pinned to its day): that day,
 * at the real time of day, so that instants written during the day still follow one another. Without
 * a day: the system clock.
 */
export function clockFor(asOf?: string): Clock {
  if (!asOf) return systemClock;
  const start = dayStart(asOf);
  return () => {
    const now = new Date();
    return new Date(start + (now.getTime() - dayStart(businessDate(now))));
  };
}
