-- How a fine was paid (行政处罚法 第六十七条至第七十一条, 罚款决定与罚款收缴分离实施办法):
-- method: bank (到指定的银行缴纳) | online (通过电子支付系统缴纳) | on_spot (执法人员当场收缴); NULL: not stated;
-- collected_by: the officer who collected it on the spot;
-- receipt_no: the number of the 专用票据 given to the party (第七十条);
-- handed_over_on: the day the officer handed the money to the agency (第七十一条: 二日内);
-- banked_on: the day the agency paid it into the designated bank (第七十一条: 二日内).
ALTER TABLE payments ADD COLUMN method VARCHAR;
ALTER TABLE payments ADD COLUMN collected_by VARCHAR;
ALTER TABLE payments ADD COLUMN receipt_no VARCHAR;
ALTER TABLE payments ADD COLUMN handed_over_on DATE;
ALTER TABLE payments ADD COLUMN banked_on DATE;
