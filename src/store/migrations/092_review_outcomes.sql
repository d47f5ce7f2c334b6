-- 复议诉讼结果: the outcome of an administrative reconsideration (行政复议) or an administrative lawsuit
-- (行政诉讼) brought against a penalty case, and what the respondent agency did after it
-- (docs/models.md, docs/import-formats.md):
-- route: reconsideration | litigation;
-- outcome: upheld | revoked | changed | confirmed_illegal | ordered_to_act | dismissed | settled, NULL while pending;
-- decided_on: the day the decision or judgment took effect (复议决定书送达、判决生效);
-- carried_out_on: the day the agency carried out the decision (行政复议法 第七十七条), NULL: not yet;
-- case_withdrawn_on: the day the agency withdrew the published penalty decision (行政处罚法 第四十八条).
CREATE TABLE review_outcomes (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,          -- the respondent agency (被申请人、被告)
  case_id VARCHAR NOT NULL,
  route VARCHAR NOT NULL,
  applied_on DATE NOT NULL,
  decided_on DATE,
  outcome VARCHAR,
  carried_out_on DATE,
  case_withdrawn_on DATE
);
