-- The customers' search text (docs/dashboard.md, "Search"): names, email, id and phone folded by the core's
-- io.basira.shared.SearchText (Arabic letter variants, case, digits, phone numbers), written with each customer
-- so that a search is one LIKE, the same on H2 and PostgreSQL. Filled for the existing rows by the Java
-- migration V81 (db.migration.V81__Customer_search_text_backfill).
ALTER TABLE customers ADD COLUMN search_text VARCHAR(2000);
