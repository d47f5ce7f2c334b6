-- Columns the reviewed and new supervision models read on record kinds that already exist
-- (docs/models.md, docs/import-formats.md).
-- licences: the agency's promised time limit (承诺期限, working days: 浙江省保障"最多跑一次"改革规定 第十二条),
--   an extension the agency head approved and the working days 行政许可法 第四十五条 leaves out of the
--   count (听证、检验、检测、专家评审…), and the 告知承诺制 licence with its verification (第十四条).
ALTER TABLE licences ADD COLUMN promised_days INTEGER;
ALTER TABLE licences ADD COLUMN extended_days INTEGER;
ALTER TABLE licences ADD COLUMN excluded_days INTEGER;
ALTER TABLE licences ADD COLUMN commitment BOOLEAN;
ALTER TABLE licences ADD COLUMN verified_on DATE;
-- inspections: the complaint, referral or monitoring alert a targeted inspection answers (优化营商环境条例
--   第五十四条 第二款): its number in the source system.
ALTER TABLE inspections ADD COLUMN trigger_ref VARCHAR;
-- officers: 执法人员 (officer, the default), 行政执法辅助人员 (auxiliary: 辅警、协管员; 浙江省综合行政执法条例
--   第三十条) — who may assist but not act alone.
ALTER TABLE officers ADD COLUMN staff_type VARCHAR;
