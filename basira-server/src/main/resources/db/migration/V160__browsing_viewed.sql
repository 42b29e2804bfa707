-- Browsing (docs/browsing.md, "Viewed within N days"): the products and categories of a customer's product
-- views within the last 7 and 30 days of the store's calendar, at most 100 of each, one per line (ids and
-- categories never hold control characters: the beacon refuses them).
ALTER TABLE browsing_customers ADD COLUMN viewed_products_7d VARCHAR(13000) DEFAULT '' NOT NULL;
ALTER TABLE browsing_customers ADD COLUMN viewed_products_30d VARCHAR(13000) DEFAULT '' NOT NULL;
ALTER TABLE browsing_customers ADD COLUMN viewed_categories_7d VARCHAR(10200) DEFAULT '' NOT NULL;
ALTER TABLE browsing_customers ADD COLUMN viewed_categories_30d VARCHAR(10200) DEFAULT '' NOT NULL;
