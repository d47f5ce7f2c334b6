-- 罚没物品: the illegal goods (非法财物) a penalty decision confiscated, from the confiscation to their
-- disposal and the money paid to the treasury, as the confiscated-goods models read them (docs/models.md,
-- 行政处罚法 第七十四条: 除依法应当予以销毁的物品外，依法没收的非法财物必须按照国家规定公开拍卖或者按照国家
-- 有关规定处理 … 拍卖的款项，必须全部上缴国库).
-- case_id: the penalty case whose decision confiscated them (of the same agency).
-- description / quantity / unit: what was confiscated (物品名称), how many, in what unit; NULL: not given.
-- estimated_value: the valuation (估价) in yuan; NULL: none recorded.
-- disposal: auction (公开拍卖) | destroy (销毁) | transfer (移交有关部门) | return (退还) | sold (变卖) |
--   other (其他); NULL: not yet disposed of.
-- disposed_on: the day of the disposal; proceeds: what it brought in (处置所得, yuan);
-- proceeds_paid_on: the day the proceeds were paid to the treasury (上缴国库); NULL: not paid.
CREATE TABLE confiscated_goods (
  id VARCHAR NOT NULL,                 -- unique: derived from (source_system, source_id)
  source_system VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  region_code VARCHAR NOT NULL,
  agency_id VARCHAR NOT NULL,
  case_id VARCHAR NOT NULL,
  entity_uscc VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  quantity DECIMAL(14,2),
  unit VARCHAR,
  estimated_value DECIMAL(14,2),
  confiscated_on DATE NOT NULL,
  disposal VARCHAR,
  disposed_on DATE,
  proceeds DECIMAL(14,2),
  proceeds_paid_on DATE,
  county_code VARCHAR
);
