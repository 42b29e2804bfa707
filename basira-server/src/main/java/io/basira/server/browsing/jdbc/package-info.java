/**
 * The tables of browsing (the tracking snippet, sessions, returning visitors; docs/browsing.md): JDBC adapters
 * that run unchanged on H2 and PostgreSQL. Every statement names the store ({@code store_id} first in every key),
 * so one store never sees another's rows.
 */
package io.basira.server.browsing.jdbc;
