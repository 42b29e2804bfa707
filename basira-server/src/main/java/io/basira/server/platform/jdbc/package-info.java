/**
 * JDBC adapters of the core's ports and the read models, one class per port or query. Every statement
 * names the store ({@code store_id} first in every key), so one store never sees another's rows.
 * {@code SqlDialect} holds the only SQL that differs between H2 and PostgreSQL.
 */
package io.basira.server.platform.jdbc;
