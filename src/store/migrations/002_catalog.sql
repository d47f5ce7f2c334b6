-- Catalog columns that schema v1 lacks (src/catalog, docs/catalog.md).
-- items.fine_note: when the statutory range applies, as the penalty article says (拒不改正的…; 货值金额不足一万元的…).
--   Without it a range like 食品安全法 第一百二十四条's 5万–10万 would read as universal, which it is not.
-- exemptions.list_regulation_id: the published no-penalty list an entry belongs to (杭州市…不予行政处罚清单),
--   which the navigator cites beside 行政处罚法 第三十三条.
ALTER TABLE items ADD COLUMN fine_note VARCHAR;
ALTER TABLE exemptions ADD COLUMN list_regulation_id VARCHAR;
