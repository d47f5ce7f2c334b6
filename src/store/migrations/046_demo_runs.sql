-- The demo data sets generated into this store and the day each ends on (its "today"). A data set
-- generated with --as-of stays on that day: the server judges it as of that day (pinned); one
-- generated for today lives on with the calendar. docs/demo-data.md.
CREATE TABLE demo_runs (
  id VARCHAR PRIMARY KEY,
  scale VARCHAR NOT NULL,
  seed BIGINT NOT NULL,
  as_of DATE NOT NULL,
  pinned BOOLEAN NOT NULL,
  generated_at TIMESTAMPTZ NOT NULL
);
