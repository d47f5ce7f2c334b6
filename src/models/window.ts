// What "N天内" means, once, for every model (docs/models.md, "期限与窗口"):
//
//   An act is within N days of an event on day D when it happens no later than day D + N: the day of
//   the event is not counted (期间开始的日不计算在期间内), so a delivery on D + N is in time and one on
//   D + N + 1 is late. A group of events lies within N days when the last is at most N days after the
//   first. Still pending on the run's day counts as happening on that day.
//
//   Where the law counts 工作日 (行政处罚法 第八十五条, 行政强制法 第六十九条, 行政许可法 第八十二条,
//   行政复议法 第八十八条, 浙江省保障"最多跑一次"改革规定 第十四条), N working days after D end on the
//   Nth working day after D (src/domain/workdays.ts); an act on any later day is late.
//
// The SQL below and the TypeScript of the real-time checks decide alike; test/models-windows.test.ts
// holds every windowed model to N (no hit) and N + 1 (hit).
import type { Dialect } from '../store/dialect.ts';
import { sql, Sql } from '../store/sql.ts';
import { workdaysLate as workdaysLateTs } from '../domain/workdays.ts';
import { num } from './model.ts';
import { dialectSql } from './library/sql-fragments.ts';

const DAY_MS = 86_400_000;

/** A count of days: a validated parameter, or a column expression (a per-record limit). */
const count = (n: number | Sql): Sql => (n instanceof Sql ? n : num(n));

/** Calendar days from `from` to `to` (DATE expressions), as an integer. */
export function daysSql(dialect: Dialect, from: Sql, to: Sql): Sql {
  return dialectSql(dialect.daysBetween, from, to);
}

/** SQL: `to` is more than n calendar days after `from`. */
export function daysLateSql(dialect: Dialect, from: Sql, to: Sql, n: number | Sql): Sql {
  return sql`${daysSql(dialect, from, to)} > ${count(n)}`;
}

/** SQL: `to` is later than the nth working day after `from` (NULL, so no hit, outside the calendar). */
export function workdaysLateSql(from: Sql, to: Sql, n: number | Sql): Sql {
  return sql`(SELECT cx.due FROM calendar_days cx WHERE cx.day = CAST(${to} AS DATE)) >
    (SELECT cf.done FROM calendar_days cf WHERE cf.day = CAST(${from} AS DATE)) + ${count(n)}`;
}

/**
 * SQL: `to` is no later than the nth working day after `from` (NULL, so no hit, outside the calendar).
 * Positive, not `NOT (workdaysLateSql …)`: DuckDB once ran that NOT inside an INSERT … SELECT as if it
 * were not there. Two look-ups of the calendar by day, not the calendar joined to itself: a join on
 * `due <= done + n` let DuckDB pair every day with every other (22.8 million rows) before it met the
 * record, eight seconds for one case at Hangzhou scale.
 */
export function workdaysWithinSql(from: Sql, to: Sql, n: number | Sql): Sql {
  return sql`(SELECT cx.due FROM calendar_days cx WHERE cx.day = CAST(${to} AS DATE)) <=
    (SELECT cf.done FROM calendar_days cf WHERE cf.day = CAST(${from} AS DATE)) + ${count(n)}`;
}

/** SQL: working days after `from` up to and including `to`. */
export function workdaysSql(from: Sql, to: Sql): Sql {
  return sql`((SELECT cx.done FROM calendar_days cx WHERE cx.day = CAST(${to} AS DATE)) -
    (SELECT cf.done FROM calendar_days cf WHERE cf.day = CAST(${from} AS DATE)))`;
}

/** SQL: the last day (as 'YYYY-MM-DD' text) of n working days after `from`. */
// The calendar joined to itself inside one subquery, not a subquery nested in another: Citus runs no
// correlated subquery whose FROM holds a reference table (calendar_days is one) inside another.
export function workdayDeadlineSql(from: Sql, n: number | Sql): Sql {
  return sql`(SELECT CAST(min(cd.day) AS VARCHAR) FROM calendar_days cf JOIN calendar_days cd ON cd.workday
    AND cd.done = cf.done + ${count(n)} WHERE cf.day = CAST(${from} AS DATE))`;
}

/** TypeScript twin of daysLateSql, for the real-time checks: dates as 'YYYY-MM-DD'. */
export function daysLate(from: string, to: string, n: number): boolean {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS) > n;
}

/** TypeScript twin of workdaysLateSql (false outside the calendar, as the SQL's NULL). */
export function workdaysLate(from: string, to: string, n: number): boolean {
  return workdaysLateTs(from, to, n) === true;
}
