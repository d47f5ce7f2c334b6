-- The end of a case: how an unpaid penalty is enforced and whether the decision was published, as the
-- enforcement models read them (docs/models.md, PEN_NO_COURT_APPLICATION, PEN_COURT_NO_DEMAND,
-- PEN_NOT_PUBLISHED):
-- demand_served_on: the day the 催告书 (demand to perform) was served on the party (行政强制法 第五十四条);
-- court_applied_on: the day the agency applied to the people's court for enforcement (第五十三条);
-- published_on: the day the penalty decision was made public (行政处罚法 第四十八条).
ALTER TABLE cases ADD COLUMN demand_served_on DATE;
ALTER TABLE cases ADD COLUMN court_applied_on DATE;
ALTER TABLE cases ADD COLUMN published_on DATE;
