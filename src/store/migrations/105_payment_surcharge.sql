-- 加处罚款 (行政处罚法 第七十二条 第一款第（一）项, 行政强制法 第四十五条): the part of a payment that is
-- the additional fine for paying late, in yuan. `amount` stays the whole sum of the payment (the fine
-- paid plus any 加处罚款); `surcharge` is the part of it that is 加处罚款, 0 when the record says none was
-- charged, NULL when the record does not say (docs/models.md: PAY_SURCHARGE_OVER_FINE,
-- PAY_SURCHARGE_OVER_RATE, PAY_OVERPAID, PEN_CLOSED_UNPAID).
ALTER TABLE payments ADD COLUMN surcharge DECIMAL(14,2);
