-- The clue loop: workflow columns, intake reports, rectification evidence, notices as
-- documents, and durable webhook deliveries. docs/clues.md, docs/notices.md, docs/webhooks.md.

-- A clue's place in the loop beyond its status.
ALTER TABLE clues ADD COLUMN case_id VARCHAR;          -- merged into the supervision case led by this clue id
ALTER TABLE clues ADD COLUMN entity_uscc VARCHAR;      -- the enterprise the matter concerns, when known
ALTER TABLE clues ADD COLUMN subject_name VARCHAR;     -- 被反映对象 as reported (free text)
ALTER TABLE clues ADD COLUMN created_by VARCHAR;       -- user id of a console entry; NULL for models and the public
ALTER TABLE clues ADD COLUMN rectification VARCHAR;    -- the agency's rectification report (latest submission)
ALTER TABLE clues ADD COLUMN basis VARCHAR;            -- JSON [{regulationId, article}]: articles a notice on it cites
ALTER TABLE clues ADD COLUMN escalation_level VARCHAR; -- NULL | city | province: overdue and raised to that level
ALTER TABLE clues ADD COLUMN escalated_at TIMESTAMPTZ;
ALTER TABLE clue_events ADD COLUMN detail VARCHAR;     -- JSON: agency, deadline, attachments … of the step

-- Every report of a matter (hotline ticket, portal report, console entry): the first makes the clue,
-- later similar ones are linked to it instead of doubling it.
CREATE TABLE clue_reports (
  id VARCHAR PRIMARY KEY,
  clue_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  source VARCHAR NOT NULL,             -- hotline | public | invited | contact_point | media | followup
  source_ref VARCHAR,                  -- hotline ticket id, reporting user id
  follow_code VARCHAR UNIQUE,          -- public portal: the reporter's follow-up code
  agency_id VARCHAR,
  entity_uscc VARCHAR,
  subject_name VARCHAR,
  content VARCHAR NOT NULL,
  contact VARCHAR,                     -- personal data: masked for roles that do not need it
  linked BOOLEAN NOT NULL,             -- TRUE: joined an existing clue as a duplicate
  similarity DECIMAL(5,3),             -- of a linked report to its clue (0–1)
  received_at TIMESTAMPTZ NOT NULL
);

-- Single use of the portal's signed form tokens.
CREATE TABLE portal_form_nonces (
  nonce VARCHAR PRIMARY KEY,
  used_at TIMESTAMPTZ NOT NULL
);

-- Rectification evidence (e-evidence): the file lives under data/attachments/, its hashes here.
CREATE TABLE clue_attachments (
  id VARCHAR PRIMARY KEY,
  clue_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  content_type VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  sm3 VARCHAR NOT NULL,
  storage_path VARCHAR NOT NULL,       -- relative to the attachments folder
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE hotline_tickets ADD COLUMN clue_id VARCHAR;
ALTER TABLE hotline_tickets ADD COLUMN intake VARCHAR;  -- NULL: not yet looked at | clue | linked | not_enforcement

-- Notices keep what the document says, so the .docx is rebuilt identically at any later download.
ALTER TABLE notices ADD COLUMN title VARCHAR;
ALTER TABLE notices ADD COLUMN addressee VARCHAR;
ALTER TABLE notices ADD COLUMN issuer VARCHAR;
ALTER TABLE notices ADD COLUMN content VARCHAR;         -- JSON {facts, basis (verbatim), requirement}
ALTER TABLE notices ADD COLUMN created_by VARCHAR;
ALTER TABLE notices ADD COLUMN created_at TIMESTAMPTZ;
ALTER TABLE notices ADD COLUMN responded_by VARCHAR;

-- One row per document number: the key makes a number impossible to issue twice.
CREATE TABLE notice_numbers (
  region_code VARCHAR NOT NULL,        -- the issuing region
  kind VARCHAR NOT NULL,
  issue_year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  notice_id VARCHAR NOT NULL,
  PRIMARY KEY (region_code, kind, issue_year, seq)
);

-- Outbound webhooks: receivers configured here (beside KEDU_WEBHOOK_URL), and every delivery kept
-- until it succeeds or runs out of attempts, so a crash loses nothing.
CREATE TABLE webhook_endpoints (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,        -- events of clues in this region's subtree
  url VARCHAR NOT NULL,
  secret VARCHAR NOT NULL,
  events VARCHAR NOT NULL,             -- comma-separated: clue.assigned,clue.closed
  active BOOLEAN NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_deliveries (
  id VARCHAR PRIMARY KEY,
  region_code VARCHAR NOT NULL,
  endpoint VARCHAR NOT NULL,           -- a webhook_endpoints id, or env:<n> for KEDU_WEBHOOK_URL
  url VARCHAR NOT NULL,
  event VARCHAR NOT NULL,
  payload VARCHAR NOT NULL,            -- the JSON body, exactly as signed and sent
  status VARCHAR NOT NULL,             -- pending | delivered | failed
  attempts INTEGER NOT NULL,
  next_at TIMESTAMPTZ NOT NULL,
  last_status INTEGER,
  last_error VARCHAR,
  created_at TIMESTAMPTZ NOT NULL,
  delivered_at TIMESTAMPTZ
)
