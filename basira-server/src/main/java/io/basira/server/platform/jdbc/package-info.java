/**
 * JDBC helpers shared by every feature's adapters: {@code Sql} (conversions), {@code SqlDialect} (the only SQL
 * that differs between H2 and PostgreSQL), staged bulk writes ({@code StagedTable}, {@code StagedRows}) and the
 * bound on concurrent bulk reads.
 */
package io.basira.server.platform.jdbc;
