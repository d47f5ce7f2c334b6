-- The licensing procedure before and after the decision (行政许可法, docs/supervision-brain.md):
-- received_on: the day the agency received the application materials (收到申请材料日期); applied_on stays
--   the day it accepted them (受理日期);
-- supplement_notified_on: the day it told the applicant, once, everything to supplement (一次性告知补正,
--   第三十二条 第一款 第（四）项: 五日内, working days by 第八十二条);
-- issued_on: the day it issued or delivered the licence certificate (颁发、送达行政许可证件, 第四十四条:
--   十日内 of a decision to grant);
-- reasons_given: on a refusal, whether the written decision gave its reasons and told the applicant of the
--   right to 行政复议 or 行政诉讼 (第三十八条 第二款); NULL on other results and when not stated.
ALTER TABLE licences ADD COLUMN received_on DATE;
ALTER TABLE licences ADD COLUMN supplement_notified_on DATE;
ALTER TABLE licences ADD COLUMN issued_on DATE;
ALTER TABLE licences ADD COLUMN reasons_given BOOLEAN;
