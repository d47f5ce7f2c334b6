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
