/**
 * The tables of messaging (email, SMS and webhook channels, consent, the message log; docs/campaigns.md): JDBC
 * adapters that run unchanged on H2 and PostgreSQL. Every statement names the store ({@code store_id} first in
 * every key), so one store never sees another's rows.
 */
package io.basira.server.messaging.jdbc;
