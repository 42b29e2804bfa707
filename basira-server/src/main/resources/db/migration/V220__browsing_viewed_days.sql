-- Browsing (docs/browsing.md, "Viewed within N days"): instead of four fixed sets (7 and 30 days, V160), each
-- product id and each category of a customer's product views with the day of its last view (an epoch day of
-- the store's calendar), one "item<TAB>day" per line, the 200 most recently viewed of each within 400 days.
-- "Viewed within n days" is then any n, computed at evaluation from these days. The rows are filled at the
-- next recomputation (each batch of events for the customers it touches, every customer at the store's
-- midnight).
ALTER TABLE browsing_customers ADD COLUMN viewed_product_days VARCHAR(30000) DEFAULT '' NOT NULL;
ALTER TABLE browsing_customers ADD COLUMN viewed_category_days VARCHAR(30000) DEFAULT '' NOT NULL;
ALTER TABLE browsing_customers DROP COLUMN viewed_products_7d;
ALTER TABLE browsing_customers DROP COLUMN viewed_products_30d;
ALTER TABLE browsing_customers DROP COLUMN viewed_categories_7d;
ALTER TABLE browsing_customers DROP COLUMN viewed_categories_30d;
