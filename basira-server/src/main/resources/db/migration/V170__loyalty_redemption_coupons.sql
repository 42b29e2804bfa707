-- Loyalty: an order that uses a reward coupon commits its redemption on the write path (CommitUsedRewards),
-- which finds the redemption by the coupon's code.
CREATE INDEX loyalty_redemptions_coupon ON loyalty_redemptions (store_id, coupon_code);
