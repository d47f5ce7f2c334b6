-- Kedu schema, version 1. Written in the SQL subset that DuckDB and PostgreSQL share; each engine's
-- extras (indexes) live in the dialect. Every record table carries region_code (GB/T 2260, county or
-- township level) so that scoping is a prefix test and the table can be distributed by region (docs/scale-out.md).

-- ── reference: regions, lines, agencies, officers ─────────────────────────────────────────────
CREATE TABLE regions (
  code VARCHAR PRIMARY KEY,            -- 6 digits (province/city/county) or 9 digits (township)
  name VARCHAR NOT NULL,
  parent_code VARCHAR,
  level VARCHAR NOT NULL,              -- province | city | county | township
  is_demo BOOLEAN NOT NULL DEFAULT FALSE -- generated, not from GB/T 2260
);

CREATE TABLE lines (
  code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL
);

CREATE TABLE agencies (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  line_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  level VARCHAR NOT NULL               -- province | city | county
);

CREATE TABLE officers (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  id_number VARCHAR,                   -- masked for roles that do not need it
  phone VARCHAR
);

CREATE TABLE certificates (
  id VARCHAR PRIMARY KEY,
  officer_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  number VARCHAR NOT NULL,
  issued_on DATE NOT NULL,
  expires_on DATE NOT NULL,
  status VARCHAR NOT NULL              -- valid | revoked
);

CREATE TABLE entities (
  uscc VARCHAR PRIMARY KEY,            -- GB 32100-2015, check character validated on input
  name VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  industry VARCHAR,
  address VARCHAR,
  legal_rep VARCHAR,
  phone VARCHAR,
  registered_on DATE
);

-- ── reference: law, items, baselines, lists ───────────────────────────────────────────────────
CREATE TABLE regulations (
  id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,               -- law | administrative_regulation | local_regulation | rule | normative
  version_date VARCHAR,
  source VARCHAR,
  status VARCHAR NOT NULL              -- verbatim | partial | unavailable
);

CREATE TABLE articles (
  regulation_id VARCHAR NOT NULL,
  number INTEGER NOT NULL,             -- 第三十三条 → 33
  label VARCHAR NOT NULL,              -- 第三十三条
  text VARCHAR,                        -- verbatim; NULL when the text is not in the corpus
  PRIMARY KEY (regulation_id, number)
);

CREATE TABLE items (
  code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,               -- licence | inspection | penalty | coercion
  line_code VARCHAR NOT NULL,
  basis_regulation_id VARCHAR,         -- the article the item enforces
  basis_article INTEGER,
  penalty_regulation_id VARCHAR,       -- the article that sets its penalty
  penalty_article INTEGER,
  fine_min DECIMAL(14,2),
  fine_max DECIMAL(14,2),
  time_limit_days INTEGER              -- statutory time limit (licensing: 行政许可法 第四十二条)
);

CREATE TABLE inspection_items (
  code VARCHAR PRIMARY KEY,
  item_code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  line_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,        -- publishing level
  max_per_year INTEGER NOT NULL        -- published frequency limit per entity
);

CREATE TABLE baselines (
  id VARCHAR PRIMARY KEY,
  item_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,        -- 330000 province-wide, or a city refinement
  title VARCHAR NOT NULL,
  effective_from DATE NOT NULL
);

CREATE TABLE baseline_tiers (
  baseline_id VARCHAR NOT NULL,
  tier VARCHAR NOT NULL,               -- exempt | mitigated | lenient | general | severe
  fine_min DECIMAL(14,2) NOT NULL,
  fine_max DECIMAL(14,2) NOT NULL,
  conditions VARCHAR NOT NULL,
  PRIMARY KEY (baseline_id, tier)
);

CREATE TABLE exemptions (
  id VARCHAR PRIMARY KEY,
  item_code VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  domain VARCHAR NOT NULL,
  conditions VARCHAR NOT NULL,
  basis_regulation_id VARCHAR NOT NULL,
  basis_article INTEGER NOT NULL
);

CREATE TABLE service_whitelist (
  code VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  line_code VARCHAR
);

-- ── records (the four business modules) ───────────────────────────────────────────────────────
-- Every record has (source_system, source_id): ingestion is idempotent on that pair, and the id is
-- derived from it. The record tables declare no key: on DuckDB an index would cost a quarter of the
-- bulk-load time at 33 million rows and serve no query (zone maps do); PostgreSQL gets unique indexes
-- on id and on (source_system, source_id) from its dialect.
CREATE TABLE delegations (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  service_code VARCHAR,                -- NULL or not in service_whitelist: 目录外委托
  service_name VARCHAR NOT NULL,
  provider_name VARCHAR NOT NULL,
  provider_uscc VARCHAR,
  approved BOOLEAN NOT NULL,           -- 委托报批
  fee DECIMAL(14,2),
  signed_on DATE NOT NULL
);

CREATE TABLE licences (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  item_code VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  applied_on DATE NOT NULL,
  decided_on DATE,
  result VARCHAR NOT NULL              -- pending | granted | refused
);

CREATE TABLE inspections (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  inspection_item_code VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  inspected_on DATE NOT NULL,
  kind VARCHAR NOT NULL,               -- random | complaint | joint | planned
  joint_id VARCHAR,                    -- shared by the records of one joint inspection
  lead_officer_id VARCHAR NOT NULL,
  assist_officer_id VARCHAR,           -- NULL: single-officer inspection (行政处罚法 第四十二条)
  via_code BOOLEAN NOT NULL,           -- registered through the enterprise code (亮码检查)
  result VARCHAR NOT NULL              -- compliant | issues | case_filed
);

CREATE TABLE cases (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  item_code VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  inspection_id VARCHAR,
  filed_on DATE NOT NULL,
  first_offence BOOLEAN NOT NULL,
  corrected BOOLEAN NOT NULL,          -- corrected in time
  harm VARCHAR NOT NULL,               -- none | minor | serious
  facts VARCHAR,
  lead_officer_id VARCHAR NOT NULL,
  assist_officer_id VARCHAR,
  decided_on DATE,
  decision VARCHAR,                    -- fine | warning | no_penalty | NULL while open
  tier VARCHAR,                        -- the baseline tier the decision states
  fine_amount DECIMAL(14,2),
  status VARCHAR NOT NULL              -- open | decided | closed
);

CREATE TABLE deliveries (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  case_id VARCHAR NOT NULL,
  method VARCHAR NOT NULL,             -- electronic | direct | post | notice
  sent_on DATE NOT NULL,
  delivered_on DATE
);

CREATE TABLE payments (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  case_id VARCHAR NOT NULL,
  amount DECIMAL(14,2) NOT NULL,
  due_on DATE NOT NULL,
  paid_on DATE
);

CREATE TABLE service_visits (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  visited_on DATE NOT NULL,
  topic VARCHAR NOT NULL,
  officer_id VARCHAR
);

CREATE TABLE hotline_tickets (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  category VARCHAR NOT NULL,
  content VARCHAR NOT NULL,
  entity_uscc VARCHAR,
  agency_id VARCHAR,
  status VARCHAR NOT NULL              -- open | answered | closed
);

-- ── supervision: clues, notices, follow-up ────────────────────────────────────────────────────
CREATE TABLE clues (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR,                   -- the agency the clue concerns / is assigned to
  source VARCHAR NOT NULL,             -- model | hotline | followup | invited | contact_point | media | public
  model_code VARCHAR,
  dedupe_key VARCHAR NOT NULL UNIQUE,  -- model + subject + window: a second run raises no second clue
  severity VARCHAR NOT NULL,           -- low | medium | high
  title VARCHAR NOT NULL,
  explanation VARCHAR NOT NULL,
  evidence VARCHAR,                    -- JSON
  params VARCHAR,                      -- JSON
  status VARCHAR NOT NULL,             -- new | triaged | assigned | rectifying | submitted | closed | returned | dismissed | transferred
  deadline DATE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE clue_events (
  id VARCHAR PRIMARY KEY,
  clue_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  actor_user_id VARCHAR,
  action VARCHAR NOT NULL,
  from_status VARCHAR,
  to_status VARCHAR,
  comment VARCHAR,
  occurred_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE notices (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,               -- advisory | supervision | transfer
  number VARCHAR NOT NULL,             -- 杭司监督〔2025〕12号
  agency_id VARCHAR,
  clue_ids VARCHAR NOT NULL,           -- JSON array
  issued_on DATE NOT NULL,
  deadline DATE,
  response VARCHAR,
  responded_on DATE,
  status VARCHAR NOT NULL              -- issued | answered
);

CREATE TABLE campaigns (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  level VARCHAR NOT NULL,              -- province | city | county
  subject_kind VARCHAR NOT NULL,       -- case | inspection | service_visit
  mode VARCHAR NOT NULL,               -- cloud | targeted | random (云调研 / 差异访 / 双随机)
  created_at TIMESTAMPTZ NOT NULL,
  status VARCHAR NOT NULL
);

CREATE TABLE followup_tasks (
  id VARCHAR NOT NULL,                 -- unique; no declared key, like the record tables (millions of rows)
  campaign_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  subject_kind VARCHAR NOT NULL,
  subject_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  channel VARCHAR NOT NULL,            -- link | phone
  status VARCHAR NOT NULL              -- pending | answered | unreachable
);

CREATE TABLE followup_answers (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  answered_at TIMESTAMPTZ NOT NULL,
  satisfaction INTEGER,                -- 1..5
  says_inspection BOOLEAN,             -- the enterprise says the visit was an inspection
  transcript VARCHAR
);

-- ── accounts, audit, bookkeeping ──────────────────────────────────────────────────────────────
CREATE TABLE users (
  id VARCHAR PRIMARY KEY,
  username VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  role VARCHAR NOT NULL,               -- supervisor | agency_staff | officer | invited_supervisor | discipline_liaison | admin
  region_code VARCHAR NOT NULL,        -- jurisdiction: this region's subtree
  agency_id VARCHAR,                   -- agency roles: this agency only
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
  token_hash VARCHAR PRIMARY KEY,
  user_id VARCHAR NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR,
  region_code VARCHAR,
  detail VARCHAR,                      -- JSON
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL                -- SM3(prev_hash | seq | occurred_at | actor | action | target | region_code | detail)
);

CREATE TABLE ground_truth (
  violation VARCHAR NOT NULL,          -- the rule a planted record breaks
  record_kind VARCHAR NOT NULL,
  record_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  detail VARCHAR
);

CREATE TABLE import_batches (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  source_system VARCHAR NOT NULL,
  file_name VARCHAR,
  region_code VARCHAR NOT NULL,
  rows_total INTEGER NOT NULL,
  rows_ok INTEGER NOT NULL,
  rows_bad INTEGER NOT NULL,
  errors VARCHAR,                      -- JSON array of {row, field, message}; the error file is built from it
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ
);
