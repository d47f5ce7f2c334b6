-- Per-account login lockout (src/auth/lockout.ts): consecutive failed logins of a username, known or
-- not (so that the lockout itself tells no one which usernames exist), and until when it is locked.
CREATE TABLE login_attempts (
  username VARCHAR PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failed_at TIMESTAMPTZ NOT NULL,
  locked_until TIMESTAMPTZ
)
