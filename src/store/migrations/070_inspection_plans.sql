-- Inspections planned, coded and merged (docs/inspections.md): the directory of inspection objects an
-- agency draws from, yearly plan items, their draws and adjustments, the tasks every inspection needs
-- before entry with their 行政行为码, merge suggestions (综合查一次) and the enterprise's ratings.
-- Like the record tables, the big tables declare no key: DuckDB's zone maps serve the scans, and an
-- index would cost bulk-load time at a city's year of tasks; PostgreSQL gets its indexes from the
-- dialect. Uniqueness of a task's serial and code follows from the counter they are taken from.

-- 检查对象名录: the entities an agency may draw, with the risk and credit classes that weight a draw.
CREATE TABLE inspection_objects (
  id VARCHAR NOT NULL,                 -- derived from (agency_id, entity_uscc)
  source_system VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,        -- the entity's region
  agency_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  object_type VARCHAR,                 -- 检查对象类型 a plan may narrow its draw to (餐饮, 建筑工地, …)
  risk_class VARCHAR,                  -- low | medium | high | severe; NULL: not classified
  credit_class VARCHAR                 -- A | B | C | D; NULL: not classified
);

-- 年度检查计划: one row per item of an agency's yearly plan.
CREATE TABLE inspection_plans (
  id VARCHAR NOT NULL,                 -- derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,        -- the agency's region
  agency_id VARCHAR NOT NULL,
  plan_year INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  inspection_item_code VARCHAR NOT NULL,
  method VARCHAR NOT NULL,             -- random (双随机) | targeted (listed entities)
  target_count INTEGER NOT NULL,
  weighting VARCHAR,                   -- none | risk | credit; NULL: none
  object_type VARCHAR,
  entity_usccs VARCHAR,                -- targeted: the listed entities, comma-separated
  officer_ids VARCHAR,                 -- the officers to draw from, comma-separated; NULL: every certified officer of the agency
  officers_per_task INTEGER,           -- NULL: 2 (行政处罚法 第四十二条)
  task_days INTEGER,                   -- how long each task's code is valid; NULL: 15
  starts_on DATE NOT NULL,
  ends_on DATE NOT NULL
);

-- A draw of a plan item: the seed, and what it drew from (the entity pool's size and SM3 digest, the
-- officers), so that the same draw can be computed again and compared with the tasks it made.
CREATE TABLE plan_draws (
  id VARCHAR PRIMARY KEY,
  plan_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  method VARCHAR NOT NULL,             -- kedu-v1 (reproducible) | external (drawn in an agency's own system)
  seed VARCHAR,                        -- 32 hex digits; NULL for an external draw
  pool_size INTEGER NOT NULL,
  pool_digest VARCHAR,
  officer_pool VARCHAR NOT NULL,       -- the officers drawn from, comma-separated (a few hundred at most)
  params VARCHAR NOT NULL,             -- JSON: the plan's fields as drawn
  drawn INTEGER NOT NULL,              -- ranks taken so far (adjustments extend or replace)
  drawn_by VARCHAR NOT NULL,
  drawn_at TIMESTAMPTZ NOT NULL
);

-- Dynamic adjustment of a plan item, always with a reason.
CREATE TABLE plan_adjustments (
  id VARCHAR PRIMARY KEY,
  plan_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,               -- target | window | replace
  before_value VARCHAR,                -- JSON
  after_value VARCHAR,                 -- JSON
  reason VARCHAR NOT NULL,
  adjusted_by VARCHAR NOT NULL,
  adjusted_at TIMESTAMPTZ NOT NULL
);

-- 检查任务: one visit to one entity, with the code shown before entry.
CREATE TABLE inspection_tasks (
  id VARCHAR NOT NULL,                 -- 'T' + serial
  serial BIGINT NOT NULL,              -- the number the code carries
  code VARCHAR NOT NULL,               -- 行政行为码 (16 characters, docs/inspections.md)
  region_code VARCHAR NOT NULL,        -- the entity's region
  agency_id VARCHAR NOT NULL,          -- a joint task: the lead agency
  origin VARCHAR NOT NULL,             -- plan | complaint | adhoc | joint
  plan_id VARCHAR,
  draw_id VARCHAR,
  draw_rank INTEGER,                   -- the entity's place in the draw's order (0-based)
  merge_id VARCHAR,                    -- a joint task: the suggestion it came from
  joint_task_id VARCHAR,               -- a task merged into a joint task
  inspection_item_code VARCHAR,        -- NULL for a joint task (its members name theirs)
  entity_uscc VARCHAR NOT NULL,
  planned_on DATE NOT NULL,
  valid_from DATE NOT NULL,
  valid_to DATE NOT NULL,
  officer_ids VARCHAR NOT NULL,        -- comma-separated, in order
  status VARCHAR NOT NULL,             -- open | merged | revoked
  reason VARCHAR,                      -- why an ad-hoc task was made, or why a task was revoked
  revoked_at TIMESTAMPTZ,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- The next serial of a code: read and raised inside the audited transaction that issues codes.
CREATE TABLE inspection_code_counter (
  name VARCHAR PRIMARY KEY,
  next_serial BIGINT NOT NULL
);
INSERT INTO inspection_code_counter (name, next_serial) VALUES ('task', 1);

-- 综合查一次: planned tasks of one entity with the same or related items within a window.
CREATE TABLE merge_suggestions (
  id VARCHAR NOT NULL,
  run_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,        -- the entity's region
  entity_uscc VARCHAR NOT NULL,
  scenario VARCHAR NOT NULL,           -- the merge group of the items (data/catalog/joint-scenarios.json)
  lead_agency_id VARCHAR NOT NULL,
  task_count INTEGER NOT NULL,
  agency_count INTEGER NOT NULL,
  visits_saved INTEGER NOT NULL,
  first_on DATE NOT NULL,
  last_on DATE NOT NULL,
  status VARCHAR NOT NULL,             -- pending | accepted | declined
  joint_task_id VARCHAR,
  created_at TIMESTAMPTZ NOT NULL,
  decided_at TIMESTAMPTZ
);

CREATE TABLE merge_members (
  suggestion_id VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  decision VARCHAR,                    -- NULL while pending | accept | decline
  reason VARCHAR,
  decided_by VARCHAR,
  decided_at TIMESTAMPTZ
);

-- 扫码评价: one rating per code and entity.
CREATE TABLE inspection_ratings (
  id VARCHAR PRIMARY KEY,
  task_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,          -- the task's (lead) agency
  officer_ids VARCHAR NOT NULL,
  score INTEGER NOT NULL,              -- 1..5
  comment VARCHAR,
  rated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (task_id, entity_uscc)
)
