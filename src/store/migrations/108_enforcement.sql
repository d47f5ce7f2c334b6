-- 行政强制执行 by the agency itself (行政强制法 第三十五条、第四十四条、第四十六条), as the models
-- COE_ENFORCEMENT_NO_DEMAND, COE_FINE_ENFORCED_EARLY, COE_DEMOLITION_NOT_ANNOUNCED and
-- COE_DEMOLITION_BEFORE_APPEAL_PERIOD read them (docs/models.md).
-- coercive_measures.demand_served_on: the day the 催告书 for this act of 强制执行 was served on the party
--   (第三十五条); NULL: none recorded on the act (the case's demand_served_on may still show one).
-- coercive_measures.demolition: the act of 'remove' is a 强制拆除 of a building, structure or facility
--   (第四十四条), not a removal of an obstacle or a restoration; NULL: not stated.
-- coercive_measures.announced_on: the day the agency announced the 强制拆除 (公告); NULL: not recorded.
-- coercive_measures.deadline_on: the last day the announcement gave the party to demolish it itself
--   (限期自行拆除); NULL: not recorded.
ALTER TABLE coercive_measures ADD COLUMN demand_served_on DATE;
ALTER TABLE coercive_measures ADD COLUMN demolition BOOLEAN;
ALTER TABLE coercive_measures ADD COLUMN announced_on DATE;
ALTER TABLE coercive_measures ADD COLUMN deadline_on DATE;
