-- Evaluation (效能评价): per-region weights and targets of the indicators (src/evaluation/indicators),
-- and the indicator groups an admin adds beside the six built-in ones. docs/evaluation.md.

-- A setting applies to its region's subtree; for each field the most specific region that sets it wins
-- (NULL: inherit). Changes are audited (indicator.settings).
CREATE TABLE indicator_settings (
  indicator_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  enabled BOOLEAN,
  weight DECIMAL(8,2),
  target DECIMAL(14,4),
  group_code VARCHAR,                  -- a built-in group or an evaluation_groups code
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by VARCHAR NOT NULL,
  PRIMARY KEY (indicator_code, region_code)
);

CREATE TABLE evaluation_groups (
  code VARCHAR PRIMARY KEY,            -- lower-case letters, digits and _
  name VARCHAR NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
