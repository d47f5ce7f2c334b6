-- The procedure of a penalty case, as the procedure models read it (docs/models.md):
-- occurred_on: the day the violation was committed or, for a continuing one, ended (行政处罚法 第三十六条:
--   二年内未被发现的，不再给予行政处罚);
-- notified_on: the day the party was told of the intended penalty and of the right to state a defence and
--   to ask for a hearing (第四十四条、第六十二条、第六十三条、第六十四条);
-- legal_review_on: the day the agency's legal review (法制审核) of the decision was completed (第五十八条).
ALTER TABLE cases ADD COLUMN occurred_on DATE;
ALTER TABLE cases ADD COLUMN notified_on DATE;
ALTER TABLE cases ADD COLUMN legal_review_on DATE;
