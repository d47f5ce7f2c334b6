-- What an inspection record shows of the rules that shape it (浙江省保障“最多跑一次”改革规定 第三十六条;
-- 浙江省综合行政执法条例 第二十一条), as the models INS_NOT_REPORTED and INS_RANDOM_NOT_PUBLISHED read them
-- (docs/models.md).
-- inspections.reported_on: the day the inspection (its object and reason) was reported to the agency's head
--   beforehand (事先向本机关负责人报告); NULL: not stated. A day after inspected_on is taken as it stands: a
--   report made afterwards is what INS_NOT_REPORTED raises.
-- inspections.published_on: the day the inspection's 抽查情况及查处结果 were published (向社会公开); NULL:
--   not published, or not stated. Never before inspected_on (refused at import).
-- The credit and risk classes the credit models read are those of the agency's 检查对象名录
-- (inspection_objects.credit_class), which the draw already weights by: no second grade on entities.
ALTER TABLE inspections ADD COLUMN reported_on DATE;
ALTER TABLE inspections ADD COLUMN published_on DATE;
