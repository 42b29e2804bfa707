/**
 * JMH benchmarks and side-by-side runs (DuckDB as the SQL reference), with their synthetic stores.
 * Speed is measured here, never asserted in unit tests.
 */
package io.basira.bench;
