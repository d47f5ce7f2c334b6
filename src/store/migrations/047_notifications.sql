-- In-app notifications (docs/notifications.md): one row per event and audience — an agency's staff, or
-- the supervisors of one region (the level the event concerns) — not one per user, so a user who
-- joins later sees what their desk has been told; each user's reads are kept beside them.
CREATE TABLE notifications (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,               -- assigned | returned | submitted | due_soon | overdue | escalated | answered | transferred
  audience VARCHAR NOT NULL,           -- agency | supervisor | liaison
  agency_id VARCHAR,                   -- audience agency: its staff and officers
  region_code VARCHAR NOT NULL,        -- supervisor: exactly this region's supervisors; liaison: this region's subtree
  clue_id VARCHAR,
  notice_id VARCHAR,
  title VARCHAR NOT NULL,
  body VARCHAR NOT NULL,
  link VARCHAR NOT NULL,               -- the console page it opens
  dedupe_key VARCHAR NOT NULL UNIQUE,  -- an event told once (a deadline is "due soon" once)
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE notification_reads (
  user_id VARCHAR NOT NULL,
  notification_id VARCHAR NOT NULL,
  read_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, notification_id)
);

-- "Mark all as read": every notification up to this instant counts as read for the user.
CREATE TABLE notification_marks (
  user_id VARCHAR PRIMARY KEY,
  read_before TIMESTAMPTZ NOT NULL
);
