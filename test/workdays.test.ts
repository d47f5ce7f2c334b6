// The working-day calendar: the State Council's arrangement as data (holidays off, make-up weekend days
// on), one TypeScript function, and the table calendar_days deciding exactly as it does in SQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHoliday, isWorkday, workdayDeadline, workdaysBetween, workdaysLate } from '../src/domain/workdays.ts';
import { daysLate, workdaysLateSql } from '../src/models/window.ts';
import { sql } from '../src/store/sql.ts';
import { openTestStore } from './helpers/store.ts';

test('holidays are days off and make-up weekend days are working days', () => {
  assert.equal(isWorkday('2025-10-03'), false); // 国庆节、中秋节, a Friday
  assert.equal(isHoliday('2025-10-03'), true);
  assert.equal(isWorkday('2025-09-28'), true); // a Sunday made a working day
  assert.equal(isWorkday('2025-10-11'), true); // a Saturday made a working day
  assert.equal(isWorkday('2025-10-12'), false); // an ordinary Sunday
  assert.equal(isHoliday('2025-10-12'), false);
  assert.equal(isWorkday('2026-02-14'), true);
  assert.equal(isWorkday('2040-01-02'), null); // outside the calendar: no answer
});

test('N working days after a day end on the Nth working day after it: in time at N, late the day after', () => {
  // Friday 26 September 2025: Sunday 28th, Monday 29th, Tuesday 30th, then the break until Thursday 9 October.
  assert.equal(workdayDeadline('2025-09-26', 3), '2025-09-30');
  assert.equal(workdayDeadline('2025-09-26', 4), '2025-10-09');
  assert.equal(workdaysLate('2025-09-26', '2025-09-30', 3), false);
  assert.equal(workdaysLate('2025-09-26', '2025-10-01', 3), true); // a holiday after the last day is late
  assert.equal(workdaysLate('2025-09-26', '2025-10-09', 4), false);
  assert.equal(workdaysLate('2025-09-26', '2025-10-10', 4), true);
  assert.equal(workdaysBetween('2025-09-26', '2025-10-09'), 4);
  // 七日 of 行政处罚法 第八十五条 over the 2025 May Day break: decided on 30 April, the 7th working day is 14 May.
  assert.equal(workdayDeadline('2025-04-30', 7), '2025-05-14');
  assert.equal(daysLate('2025-04-30', '2025-05-14', 7), true); // what counting calendar days would wrongly say
});

test('the table calendar_days answers in SQL exactly as the TypeScript does', async () => {
  const t = await openTestStore();
  try {
    const pairs: [string, string, number][] = [
      ['2025-09-26', '2025-09-30', 3],
      ['2025-09-26', '2025-10-01', 3],
      ['2025-09-26', '2025-10-09', 4],
      ['2025-09-26', '2025-10-10', 4],
      ['2025-04-30', '2025-05-14', 7],
      ['2025-04-30', '2025-05-15', 7],
      ['2026-02-13', '2026-02-24', 2],
      ['2026-02-13', '2026-02-25', 2],
    ];
    for (const [from, to, n] of pairs) {
      const q = sql`SELECT CASE WHEN ${workdaysLateSql(sql`CAST(${from} AS DATE)`, sql`CAST(${to} AS DATE)`, n)} THEN 1 ELSE 0 END AS late`;
      const [row] = await t.store.query<{ late: number }>(q);
      assert.equal(Number(row.late) === 1, workdaysLate(from, to, n), `${from} → ${to}, ${n} working days`);
    }
  } finally {
    await t.close();
  }
});
