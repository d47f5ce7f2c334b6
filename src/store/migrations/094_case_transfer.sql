-- 行刑衔接: what a penalty case shows of a possible crime and of its transfer to the police, as the
-- transfer model reads it (docs/models.md, CASE_NOT_TRANSFERRED):
-- amount_involved: 涉案金额 / 违法经营额 in yuan, as the agency recorded it (the amount 行政执法机关移送涉嫌
--   犯罪案件的规定 第三条 names first among the facts that decide whether a case may be a crime);
-- transferred_on: the day the case was transferred to the police (移送公安机关, 第五条、第六条);
-- transfer_no: the number of the transfer document (涉嫌犯罪案件移送书, 第六条 第一项).
ALTER TABLE cases ADD COLUMN amount_involved DECIMAL(14,2);
ALTER TABLE cases ADD COLUMN transferred_on DATE;
ALTER TABLE cases ADD COLUMN transfer_no VARCHAR;
