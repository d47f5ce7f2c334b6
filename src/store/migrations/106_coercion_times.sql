-- Times of coercion, the ways of 行政强制执行, and the storage fee (行政强制法 第十二条、第十九条、第二十六条、
-- 第四十三条; 行政许可法 第五十八条), as the models COE_NIGHT_HOLIDAY, COE_URGENT_LATE_APPROVAL,
-- COE_STORAGE_FEE and LIC_SUPERVISION_FEE read them (docs/models.md).
-- coercive_measures.started_at: the time of day it began, Beijing wall clock 'HH:MM' beside started_on
--   (an import may give '23:10' or '2025-05-06 23:10'; the date part must be started_on); NULL: not stated.
-- coercive_measures.approved_at: when the agency head approved it (补办批准 for an urgent one), Beijing wall
--   clock 'YYYY-MM-DD HH:MM'; NULL: not stated.
-- coercive_measures.measure gains the ways of 强制执行 (第十二条) a record can show: transfer_funds
--   (划拨存款、汇款), auction (拍卖或者依法处理查封、扣押的财物), remove (强制拆除、排除妨碍、恢复原状),
--   substitute (代履行); seal | seize | freeze stay the 强制措施.
-- enterprise_charges.fee_kind gains storage (保管费); coercive_measure_id: the sealing or seizure the
--   charge came with (same agency); NULL: none named.
ALTER TABLE coercive_measures ADD COLUMN started_at VARCHAR;
ALTER TABLE coercive_measures ADD COLUMN approved_at VARCHAR;
ALTER TABLE enterprise_charges ADD COLUMN coercive_measure_id VARCHAR;
