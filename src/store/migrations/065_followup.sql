-- Follow-up (回访): campaigns with a questionnaire and a selection method, the tasks a selection
-- draws (which rule chose each record, who asks), survey invitations, call outcomes, and the text
-- analysis of answers. docs/followup.md.

-- A campaign's period, questionnaire (JSON) and settings (JSON: sample size, quota per agency,
-- no-repeat days, targeted rules, second-call share and deadline, invitation lifetime, askers); the
-- seed of its random draw, kept and audited so that a re-draw gives the same sample.
ALTER TABLE campaigns ADD COLUMN period_from DATE;
ALTER TABLE campaigns ADD COLUMN period_to DATE;
ALTER TABLE campaigns ADD COLUMN questionnaire VARCHAR;
ALTER TABLE campaigns ADD COLUMN settings VARCHAR;
ALTER TABLE campaigns ADD COLUMN seed VARCHAR;
ALTER TABLE campaigns ADD COLUMN drawn_at TIMESTAMPTZ;
ALTER TABLE campaigns ADD COLUMN draw_digest VARCHAR;  -- SHA-256 of the candidate ids the draw saw
ALTER TABLE campaigns ADD COLUMN created_by VARCHAR;

ALTER TABLE followup_tasks ADD COLUMN agency_id VARCHAR;        -- the followed-up record's agency
ALTER TABLE followup_tasks ADD COLUMN officer_id VARCHAR;       -- and its (lead) officer
ALTER TABLE followup_tasks ADD COLUMN asker_id VARCHAR;         -- the user who asks (双随机: drawn) and makes a second call
ALTER TABLE followup_tasks ADD COLUMN rule VARCHAR;             -- random | all | heavy_fine | repeat_inspection | complaint | low_rating | many_clues
ALTER TABLE followup_tasks ADD COLUMN rule_detail VARCHAR;      -- why the rule chose the record, in Chinese
ALTER TABLE followup_tasks ADD COLUMN selected_at TIMESTAMPTZ;
ALTER TABLE followup_tasks ADD COLUMN second_call_status VARCHAR; -- NULL: not drawn yet | skipped | pending | done
ALTER TABLE followup_tasks ADD COLUMN second_call_due DATE;

-- 云调研: one invitation per task; the signed token names it. Single use: used_at.
CREATE TABLE followup_invitations (
  id VARCHAR PRIMARY KEY,
  campaign_id VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  issued_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  answer_id VARCHAR
);

-- The key survey tokens are signed with when KEDU_SURVEY_SECRET is not set: invitations live for
-- weeks, longer than a process.
CREATE TABLE followup_keys (
  id VARCHAR PRIMARY KEY,
  secret VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

-- A call outcome or a survey answer: reached | unreachable | refused (NULL: reached), the channel
-- (phone: the call centre's AI call; human: a second call; link: the online survey) and the
-- per-question answers (JSON {questionId: answer}).
ALTER TABLE followup_answers ADD COLUMN outcome VARCHAR;
ALTER TABLE followup_answers ADD COLUMN channel VARCHAR;
ALTER TABLE followup_answers ADD COLUMN answers VARCHAR;

-- The analysis of each answer (its transcript and its per-question answers): satisfaction as heard,
-- the complaint categories found, and every finding with the sentence that shows it.
CREATE TABLE followup_analyses (
  answer_id VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  satisfaction VARCHAR NOT NULL,       -- satisfied | neutral | dissatisfied | unknown
  categories VARCHAR,                  -- comma-separated complaint codes; NULL or '' for none
  praise BOOLEAN NOT NULL,
  lexicon VARCHAR NOT NULL,            -- the lexicon version it was analysed with
  analysed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE followup_findings (
  answer_id VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,               -- complaint | claim
  code VARCHAR NOT NULL,               -- a complaint category, or a claim: visit_count | nobody_came | fined | inspection
  serious BOOLEAN NOT NULL,
  value DECIMAL(14,2),                 -- visit_count: the number said; fined: the amount said
  period_from DATE,                    -- visit_count: the days the number is about
  period_to DATE,
  sentence VARCHAR NOT NULL
);
