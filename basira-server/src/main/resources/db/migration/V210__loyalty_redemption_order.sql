-- Loyalty: a redemption committed by an order that used its reward coupon remembers that order (CommitUsedRewards):
-- its id and when it was placed. Both are null for a redemption reserved, released, or committed through the API
-- (POST .../commit names no order). Rows committed before this migration stay without an order: it was not recorded.
ALTER TABLE loyalty_redemptions ADD COLUMN order_external_id VARCHAR(128);
ALTER TABLE loyalty_redemptions ADD COLUMN order_created_at TIMESTAMP WITH TIME ZONE;
