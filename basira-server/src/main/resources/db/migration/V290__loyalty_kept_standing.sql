-- Loyalty (docs/loyalty.md, "What a write costs"): what an account keeps beside its standing so that a write of
-- new completed orders advances it from the new entries alone, without reading the ledger and the orders again.
-- kept_basis: the tier basis unclamped (12-month spend in minor units, or points earned in the 12 months);
-- kept_last_purchase_at: the last completed order (expiry by inactivity); kept_until: until when the kept standing
-- is what a restatement would compute (NULL: not to be trusted; every account starts so, and a program save sets it
-- back to NULL).
ALTER TABLE loyalty_accounts ADD COLUMN kept_basis BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE loyalty_accounts ADD COLUMN kept_last_purchase_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE loyalty_accounts ADD COLUMN kept_until TIMESTAMP WITH TIME ZONE;
