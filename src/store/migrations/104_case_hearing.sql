-- The right to a defence and a hearing, as the hearing models read them (docs/models.md,
-- PEN_DECIDED_IN_HEARING_PERIOD, PEN_HEARING_NOT_HELD, PEN_HEAVIER_AFTER_DEFENCE, PEN_SUMMARY_OVER_LIMIT):
-- procedure: 'summary' (简易程序, decided on the spot: 行政处罚法 第五十一条) or 'ordinary' (普通程序);
-- proposed_fine: the fine the notice of the intended penalty named (第四十四条), in yuan;
-- hearing_requested_on: the day the party asked for a hearing (第六十四条（一）);
-- hearing_held_on: the day the hearing was held (第六十三条、第六十四条).
ALTER TABLE cases ADD COLUMN procedure VARCHAR;
ALTER TABLE cases ADD COLUMN proposed_fine DECIMAL(14,2);
ALTER TABLE cases ADD COLUMN hearing_requested_on DATE;
ALTER TABLE cases ADD COLUMN hearing_held_on DATE;
