-- Supervision models: per-region switches and parameters, and a record of every run.
CREATE TABLE model_settings (
  model_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,        -- applies to this region's subtree; the most specific wins
  enabled BOOLEAN NOT NULL,
  params VARCHAR NOT NULL,             -- JSON object: only the parameters that differ from the defaults
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by VARCHAR NOT NULL,
  PRIMARY KEY (model_code, region_code)
);

CREATE TABLE model_runs (
  id VARCHAR PRIMARY KEY,
  model_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  trigger VARCHAR NOT NULL,            -- batch | schedule | realtime
  started_at TIMESTAMPTZ NOT NULL,
  millis INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  new_clues INTEGER NOT NULL
);

CREATE TABLE model_hits_stage (
  dedupe_key VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR,
  model_code VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  explanation VARCHAR NOT NULL,
  evidence VARCHAR NOT NULL,
  params VARCHAR NOT NULL
);
