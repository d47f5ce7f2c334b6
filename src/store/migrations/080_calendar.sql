-- The working-day calendar (src/domain/workdays.ts, data/calendar/holidays.json): one row per day of
-- 2015–2035. done: working days up to and including the day; due: the number of the first working day
-- on or after it; holiday: a day off of the State Council's arrangement (法定节假日 and the days joined to
-- it). "Later than n working days after D" is due(X) > done(D) + n on both engines. Filled
-- (and refreshed when the data file changes) by syncCalendarDays after the migrations.
CREATE TABLE calendar_days (
  day DATE PRIMARY KEY,
  workday BOOLEAN NOT NULL,
  holiday BOOLEAN NOT NULL,
  done INTEGER NOT NULL,
  due INTEGER NOT NULL
);
