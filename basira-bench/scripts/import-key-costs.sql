-- What each key and index of the import's three big tables costs (docs/performance.md, "Which key costs what").
-- Run after an import of the demo store into schema :src (e.g. the old jar's, into its own database):
--   psql -h 127.0.0.1 -U root -d DB -v src=old1 -f basira-bench/scripts/import-key-costs.sql
-- Copies the rows of :src's orders, order_lines and carts (shuffled) and their parents into schema key_costs,
-- then inserts each table's rows in key order (as the import does) into a new table with more and more of the
-- keys and indexes of the real one, each in a transaction that is rolled back; \timing prints each INSERT.
\set ON_ERROR_STOP 1
DROP SCHEMA IF EXISTS key_costs CASCADE; CREATE SCHEMA key_costs; SET search_path = key_costs;
CREATE TABLE stores AS SELECT * FROM :src.stores; ALTER TABLE stores ADD PRIMARY KEY (id);
CREATE TABLE customers AS SELECT * FROM :src.customers; ALTER TABLE customers ADD UNIQUE (store_id, external_id);
CREATE TABLE src_orders AS SELECT * FROM :src.orders ORDER BY random();
CREATE TABLE src_lines AS SELECT * FROM :src.order_lines ORDER BY random();
CREATE TABLE src_carts AS SELECT * FROM :src.carts ORDER BY random();
CREATE TABLE parent_orders AS SELECT * FROM :src.orders; ALTER TABLE parent_orders ADD PRIMARY KEY (store_id, external_id);
VACUUM ANALYZE;
CHECKPOINT;
\timing on
-- orders
\echo orders_none
BEGIN; CREATE TABLE t (LIKE :src.orders INCLUDING DEFAULTS); INSERT INTO t SELECT * FROM src_orders ORDER BY store_id, external_id; ROLLBACK;
\echo orders_pk
BEGIN; CREATE TABLE t (LIKE :src.orders INCLUDING DEFAULTS, PRIMARY KEY (store_id, external_id)); INSERT INTO t SELECT * FROM src_orders ORDER BY store_id, external_id; ROLLBACK;
\echo orders_pk_idx
BEGIN; CREATE TABLE t (LIKE :src.orders INCLUDING DEFAULTS, PRIMARY KEY (store_id, external_id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_orders ORDER BY store_id, external_id; ROLLBACK;
\echo orders_pk_idx_fkcust
BEGIN; CREATE TABLE t (LIKE :src.orders INCLUDING DEFAULTS, PRIMARY KEY (store_id, external_id), FOREIGN KEY (store_id, customer_external_id) REFERENCES customers (store_id, external_id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_orders ORDER BY store_id, external_id; ROLLBACK;
\echo orders_full
BEGIN; CREATE TABLE t (LIKE :src.orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (store_id, external_id), FOREIGN KEY (store_id, customer_external_id) REFERENCES customers (store_id, external_id), FOREIGN KEY (store_id) REFERENCES stores (id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_orders ORDER BY store_id, external_id; ROLLBACK;
\echo orders_full_but_storefk
BEGIN; CREATE TABLE t (LIKE :src.orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (store_id, external_id), FOREIGN KEY (store_id, customer_external_id) REFERENCES customers (store_id, external_id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_orders ORDER BY store_id, external_id; ROLLBACK;
-- order lines
\echo lines_none
BEGIN; CREATE TABLE t (LIKE :src.order_lines INCLUDING DEFAULTS); INSERT INTO t SELECT * FROM src_lines ORDER BY store_id, order_external_id, line_no; ROLLBACK;
\echo lines_pk
BEGIN; CREATE TABLE t (LIKE :src.order_lines INCLUDING DEFAULTS, PRIMARY KEY (store_id, order_external_id, line_no)); INSERT INTO t SELECT * FROM src_lines ORDER BY store_id, order_external_id, line_no; ROLLBACK;
\echo lines_pk_fk
BEGIN; CREATE TABLE t (LIKE :src.order_lines INCLUDING DEFAULTS, PRIMARY KEY (store_id, order_external_id, line_no), FOREIGN KEY (store_id, order_external_id) REFERENCES parent_orders (store_id, external_id)); INSERT INTO t SELECT * FROM src_lines ORDER BY store_id, order_external_id, line_no; ROLLBACK;
\echo lines_pk_unsorted
BEGIN; CREATE TABLE t (LIKE :src.order_lines INCLUDING DEFAULTS, PRIMARY KEY (store_id, order_external_id, line_no)); INSERT INTO t SELECT * FROM src_lines; ROLLBACK;
-- carts
\echo carts_none
BEGIN; CREATE TABLE t (LIKE :src.carts INCLUDING DEFAULTS); INSERT INTO t SELECT * FROM src_carts ORDER BY store_id, external_id; ROLLBACK;
\echo carts_pk_idx
BEGIN; CREATE TABLE t (LIKE :src.carts INCLUDING DEFAULTS, PRIMARY KEY (store_id, external_id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_carts ORDER BY store_id, external_id; ROLLBACK;
\echo carts_pk_idx_fkcust
BEGIN; CREATE TABLE t (LIKE :src.carts INCLUDING DEFAULTS, PRIMARY KEY (store_id, external_id), FOREIGN KEY (store_id, customer_external_id) REFERENCES customers (store_id, external_id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_carts ORDER BY store_id, external_id; ROLLBACK;
\echo carts_full
BEGIN; CREATE TABLE t (LIKE :src.carts INCLUDING DEFAULTS, PRIMARY KEY (store_id, external_id), FOREIGN KEY (store_id, customer_external_id) REFERENCES customers (store_id, external_id), FOREIGN KEY (store_id) REFERENCES stores (id)); CREATE INDEX ON t (store_id, customer_external_id); INSERT INTO t SELECT * FROM src_carts ORDER BY store_id, external_id; ROLLBACK;
DROP SCHEMA key_costs CASCADE;
