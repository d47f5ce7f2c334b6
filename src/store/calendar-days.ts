// Keeps the table calendar_days equal to the working-day calendar of src/domain/workdays.ts, so that
// every store — a fresh test database too — can answer working-day questions in SQL. Cheap when
// nothing changed: one aggregate compared with the calendar's own.
import { calendarRows } from '../domain/workdays.ts';
import type { Store } from './store.ts';

export async function syncCalendarDays(store: Store): Promise<boolean> {
  const rows = calendarRows();
  // Days, working days, holidays and the sum of the running working-day counts: a holiday moved anywhere changes the last.
  const want = {
    n: rows.length,
    w: rows.filter((r) => r.workday).length,
    h: rows.filter((r) => r.holiday).length,
    s: rows.reduce((s, r) => s + r.done, 0),
  };
  const [have] = await store.query<{ n: number; w: number; h: number; s: number | null }>(
    'SELECT count(*) AS n, count(*) FILTER (WHERE workday) AS w, count(*) FILTER (WHERE holiday) AS h, sum(done) AS s FROM calendar_days',
  );
  if (Object.entries(want).every(([k, v]) => Number(have[k as keyof typeof have]) === v)) return false;
  await store.transaction(async (tx) => {
    await tx.exec('DELETE FROM calendar_days');
    await tx.copyIn(
      'calendar_days',
      ['day', 'workday', 'holiday', 'done', 'due'],
      rows.map((r) => [r.day, r.workday, r.holiday, r.done, r.due]),
    );
  });
  return true;
}
