-- 行政强制措施: a sealing (查封), seizure (扣押) or freezing (冻结) an agency applied, from its start to its
-- end, as the coercion models read it (docs/models.md, 行政强制法 第十九条、第二十四条、第二十五条、
-- 第二十八条、第三十一条、第三十二条).
-- decision_no: the number of the decision document (决定书文号); NULL: the record names none.
-- urgent: applied on the spot in an emergency (情况紧急，当场实施: 第十九条).
-- extended / extension_approved: the term was extended, and the extension approved by the agency head (第二十五条).
-- testing_days: days of testing, inspection, quarantine or appraisal left out of the term (第二十五条 第三款).
-- ended_on: the day it was released or a decision on the goods was made; NULL while in force.
-- goods_returned_on: the day sealed or seized goods were returned after release (第二十八条); NULL: not returned.
-- status: in_force | released | disposed (没收、销毁 or another decision on the goods) | transferred (移送司法机关: 第二十一条).
CREATE TABLE coercive_measures (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  case_id VARCHAR,
  measure VARCHAR NOT NULL,            -- seal | seize | freeze
  decision_no VARCHAR,
  started_on DATE NOT NULL,
  urgent BOOLEAN NOT NULL,
  extended BOOLEAN NOT NULL,
  extension_approved BOOLEAN NOT NULL,
  testing_days INTEGER,
  ended_on DATE,
  goods_returned_on DATE,
  lead_officer_id VARCHAR NOT NULL,
  assist_officer_id VARCHAR,
  status VARCHAR NOT NULL
);
