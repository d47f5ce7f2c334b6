-- Case-file review (案卷评查): the checklist (data an admin edits), review rounds drawn from closed cases
-- with a stored seed, the files each reviewer scores, and the points given per checklist item.

CREATE TABLE review_checklist_items (
  code VARCHAR PRIMARY KEY,
  section VARCHAR NOT NULL,            -- subject | facts | law | procedure | documents | discretion
  name VARCHAR NOT NULL,
  points INTEGER NOT NULL,
  serious BOOLEAN NOT NULL,            -- a file scored 0 here has a serious defect (a clue is raised)
  sort INTEGER NOT NULL,
  active BOOLEAN NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by VARCHAR NOT NULL
);

CREATE TABLE review_rounds (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  decided_from DATE NOT NULL,          -- the cases sampled: closed, decided in this range
  decided_to DATE NOT NULL,
  per_agency INTEGER NOT NULL,
  seed VARCHAR NOT NULL,               -- the sample is a function of the seed: drawn again, it is the same
  reviewers VARCHAR NOT NULL,          -- JSON array of user ids, assigned in turn
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE review_files (
  id VARCHAR PRIMARY KEY,
  round_id VARCHAR NOT NULL,
  case_id VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  reviewer_id VARCHAR NOT NULL,
  status VARCHAR NOT NULL,             -- pending | scored
  score DECIMAL(6,2),                  -- of 100: points given / points of the checklist × 100
  serious_defect BOOLEAN,
  summary VARCHAR,
  clue_id VARCHAR,                     -- the clue raised for a serious defect
  scored_at TIMESTAMPTZ
);

CREATE TABLE review_scores (
  file_id VARCHAR NOT NULL,
  item_code VARCHAR NOT NULL,
  section VARCHAR NOT NULL,            -- the item as it read when scored: a later edit of the checklist changes no past score
  name VARCHAR NOT NULL,
  max_points INTEGER NOT NULL,
  serious BOOLEAN NOT NULL,
  points DECIMAL(6,2) NOT NULL,
  note VARCHAR,
  PRIMARY KEY (file_id, item_code)
);

-- The checklist as shipped (主体、事实与证据、适用法律、程序、文书、裁量; 100 points); admins edit it.
INSERT INTO review_checklist_items (code, section, name, points, serious, sort, active, updated_at, updated_by) VALUES
  ('S1', 'subject', '执法主体适格，在法定职权范围内实施处罚', 5, TRUE, 10, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('S2', 'subject', '执法人员具有行政执法资格且不少于两人', 5, TRUE, 20, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('F1', 'facts', '违法事实清楚', 10, TRUE, 30, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('F2', 'facts', '证据确实充分，取证程序合法', 10, TRUE, 40, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('F3', 'facts', '证据之间相互印证，形成完整证据链', 5, FALSE, 50, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('L1', 'law', '定性准确，适用法律依据正确', 10, TRUE, 60, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('L2', 'law', '引用法律条款具体、完整', 5, FALSE, 70, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('L3', 'law', '所依据的法律规范现行有效', 5, FALSE, 80, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('P1', 'procedure', '立案、调查取证程序规范', 4, FALSE, 90, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('P2', 'procedure', '依法告知陈述、申辩及听证权利', 6, TRUE, 100, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('P3', 'procedure', '按规定进行法制审核', 4, FALSE, 110, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('P4', 'procedure', '在法定期限内作出决定', 3, FALSE, 120, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('P5', 'procedure', '决定书依法及时送达', 3, FALSE, 130, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('D1', 'documents', '执法文书齐全、制作规范', 5, FALSE, 140, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('D2', 'documents', '处罚决定书载明事项完整', 5, FALSE, 150, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('R1', 'discretion', '裁量档次与违法情节相符，符合裁量基准', 10, TRUE, 160, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system'),
  ('R2', 'discretion', '说明裁量理由', 5, FALSE, 170, TRUE, CAST('2025-01-01T00:00:00Z' AS TIMESTAMPTZ), 'system');
