-- The licensing procedure as the applicant lives it (浙江省保障“最多跑一次”改革规定, 行政许可法,
-- docs/supervision-brain.md):
-- visits: how many times the applicant came to the office, from application to result (申请人到现场次数;
--   “最多跑一次” 第二条 第二款: 一次上门或者零上门 where the materials were complete);
-- supplement_count: how many times the agency told the applicant to supplement the materials (补正告知次数;
--   行政许可法 第三十二条 第一款 第（四）项: 一次告知 … 全部内容);
-- published_on: the day a decision to grant was made public (准予决定公开日期, 第四十条);
-- renews_licence_no, prior_valid_until: an application to renew (延续) names the licence it renews and the
--   last day that licence is valid (第五十条: the decision before it expires).
-- Every column is optional: an empty one is not judged.
ALTER TABLE licences ADD COLUMN visits INTEGER;
ALTER TABLE licences ADD COLUMN supplement_count INTEGER;
ALTER TABLE licences ADD COLUMN published_on DATE;
ALTER TABLE licences ADD COLUMN renews_licence_no VARCHAR;
ALTER TABLE licences ADD COLUMN prior_valid_until DATE;
