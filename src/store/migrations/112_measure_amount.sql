-- 冻结、划拨的数额 (行政强制法 第二十九条 第二款: 冻结存款、汇款的数额应当与违法行为涉及的金额相当; 第四十七条
-- 划拨存款、汇款), as COE_FREEZE_OVER_AMOUNT reads it (docs/models.md).
-- coercive_measures.amount: yuan frozen (冻结) or transferred (划拨存款、汇款), > 0; NULL: not stated, or a
--   sealing, seizure or other act that moves no money.
ALTER TABLE coercive_measures ADD COLUMN amount DECIMAL(14,2);
