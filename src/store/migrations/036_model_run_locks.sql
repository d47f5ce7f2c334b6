-- The full model runs going on (src/models/run-lock.ts): one at a time per region and its subtree, also
-- across app servers; a row left by a process that died is taken over once it is older than the
-- longest run allowed.
CREATE TABLE model_run_locks (
  run_id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,
  trigger VARCHAR NOT NULL,
  started_by VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL
)
