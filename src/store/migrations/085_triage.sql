-- Triage: every model hit is kept with its evidence and a risk score; hits on one subject and period
-- are bundled into one clue (一企一档, 一人一档, one per agency and model); a bundle's score and
-- severity choose its procedure: 预警 (no clue), 简易 (a light clue the agency closes itself) or 一般
-- (the full loop). docs/supervision-brain.md, "Triage".

CREATE TABLE model_hits (
  id VARCHAR PRIMARY KEY,              -- 'HT-' + md5(dedupe_key), first 20 hex: the hit's identity
  dedupe_key VARCHAR NOT NULL,         -- model + subject + window, as a clue's was
  model_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR,
  subject_kind VARCHAR NOT NULL,
  subject_id VARCHAR NOT NULL,
  window_key VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,           -- the model's: low | medium | high
  title VARCHAR NOT NULL,
  explanation VARCHAR NOT NULL,
  evidence VARCHAR NOT NULL,           -- JSON {kind, ids, subject, facts}
  params VARCHAR NOT NULL,             -- JSON: the parameters in force for the hit
  run_id VARCHAR NOT NULL,             -- model_runs id of a batch run; 'RT-…' for a real-time check
  found_on DATE NOT NULL,              -- the business day of the run (its as-of)
  found_at TIMESTAMPTZ NOT NULL,
  bundle_subject VARCHAR NOT NULL,     -- entity|<uscc>| · officer|<id>| · agency|<agency or county>|<model>
  bundle_key VARCHAR NOT NULL,         -- bundle_subject + '|' + period (the year found)
  amount DECIMAL(18, 2),               -- the money the hit names (yuan), when it names some
  score INTEGER NOT NULL,              -- 0–100: the sum of the five parts below, capped
  score_severity INTEGER NOT NULL,
  score_evidence INTEGER NOT NULL,
  score_money INTEGER NOT NULL,
  score_repetition INTEGER NOT NULL,   -- other hits of the subject in the period, when this one was found
  score_history INTEGER NOT NULL,      -- the subject's confirmed clues in the two years before
  clue_id VARCHAR                      -- the bundle's clue; NULL while the bundle stays at 预警
);
CREATE INDEX model_hits_bundle ON model_hits (bundle_key);

-- A clue raised by the models is a bundle of hits.
ALTER TABLE clues ADD COLUMN procedure VARCHAR;       -- simple | general; NULL (other sources): general
ALTER TABLE clues ADD COLUMN bundle_subject VARCHAR;
ALTER TABLE clues ADD COLUMN bundle_key VARCHAR;
ALTER TABLE clues ADD COLUMN risk_score INTEGER;
ALTER TABLE clues ADD COLUMN hit_count INTEGER;
CREATE INDEX clues_bundle ON clues (bundle_subject);

-- The stage of a batch run carries what triage reads beside the clue text.
ALTER TABLE model_hits_stage ADD COLUMN subject_kind VARCHAR;
ALTER TABLE model_hits_stage ADD COLUMN subject_id VARCHAR;
ALTER TABLE model_hits_stage ADD COLUMN window_key VARCHAR;
ALTER TABLE model_hits_stage ADD COLUMN bundle_kind VARCHAR;
ALTER TABLE model_hits_stage ADD COLUMN bundle_id VARCHAR;
ALTER TABLE model_hits_stage ADD COLUMN amount DECIMAL(18, 2);
ALTER TABLE model_hits_stage ADD COLUMN bundle_subject VARCHAR;
ALTER TABLE model_hits_stage ADD COLUMN bundle_key VARCHAR;

-- The files a batch run's hits touch, while the run bundles them (emptied after each model).
CREATE TABLE triage_bundles_stage (
  bundle_key VARCHAR NOT NULL,
  bundle_subject VARCHAR NOT NULL,
  bundle_kind VARCHAR NOT NULL,
  open_clue VARCHAR,                   -- the file's open clue, if it has one
  open_procedure VARCHAR,
  open_status VARCHAR,
  members INTEGER NOT NULL,            -- hits in the file (not those of a closed clue)
  fresh INTEGER NOT NULL,              -- of which this run's
  score INTEGER NOT NULL,
  severity_rank INTEGER NOT NULL,
  lead_hit VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR,
  procedure VARCHAR NOT NULL,          -- warning | simple | general (after this run)
  clue_id VARCHAR,                     -- the open clue, or the one this run opens
  dedupe_key VARCHAR,                  -- of the clue this run opens
  title VARCHAR,
  deadline DATE
);

ALTER TABLE model_runs ADD COLUMN new_hits INTEGER;  -- hits not seen before (new_clues: the clues they opened)

-- Thresholds per region: the most specific region wins (the province's row is the default).
CREATE TABLE triage_settings (
  region_code VARCHAR PRIMARY KEY,
  simple_min INTEGER NOT NULL,         -- a bundle scoring this much becomes a 简易 clue
  general_min INTEGER NOT NULL,        -- … this much, with a hit of general_severity or above, a 一般 clue
  general_severity VARCHAR NOT NULL,   -- low | medium | high
  simple_days INTEGER NOT NULL,        -- days the agency has to close a 简易 clue
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by VARCHAR NOT NULL
)
