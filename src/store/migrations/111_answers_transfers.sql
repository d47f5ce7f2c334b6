-- Answering a review or a lawsuit, and what follows a transfer to the police, as the models
-- REV_LATE_ANSWER, REV_HEAD_ABSENT, CASE_MATERIALS_HANDOVER_LATE and CASE_DECLINED_NOT_HANDLED read them
-- (docs/models.md):
-- review_outcomes.copy_received_on: the day the respondent received the copy of the application (行政复议
--   申请书副本或申请笔录复印件, 行政复议法 第四十八条) or of the complaint (起诉状副本, 行政诉讼法 第六十七条); NULL: not stated;
-- review_outcomes.answered_on: the day it made its written answer (书面答复) or filed its defence (答辩状); NULL: not yet or not stated;
-- review_outcomes.head_appeared: lawsuits only, whether the head of the agency appeared in court (负责人出庭应诉,
--   行政诉讼法 第三条 第三款); NULL: not stated.
-- cases.police_decision: what the police decided on a transferred case: filed (立案) | declined (不予立案); NULL: not yet or not stated;
-- cases.police_decided_on: the day the agency received the police's notice of that decision (立案通知书 or 不予立案通知书);
-- cases.materials_handed_over_on: the day the agency handed the goods and materials of the case over to the
--   police (移交涉案物品以及与案件有关的其他材料, 行政执法机关移送涉嫌犯罪案件的规定 第十二条); NULL: not yet.
ALTER TABLE review_outcomes ADD COLUMN copy_received_on DATE;
ALTER TABLE review_outcomes ADD COLUMN answered_on DATE;
ALTER TABLE review_outcomes ADD COLUMN head_appeared BOOLEAN;
ALTER TABLE cases ADD COLUMN police_decision VARCHAR;
ALTER TABLE cases ADD COLUMN police_decided_on DATE;
ALTER TABLE cases ADD COLUMN materials_handed_over_on DATE;
