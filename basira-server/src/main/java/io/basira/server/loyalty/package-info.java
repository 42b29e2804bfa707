/**
 * Adapters of the core's {@code io.basira.loyalty} (docs/loyalty.md): the JDBC ports ({@code JdbcLoyaltyPrograms},
 * {@code JdbcLoyaltyLedgers} — the ledger is only ever inserted into, every change of a customer's points locks
 * their {@code loyalty_accounts} row first —, {@code JdbcPurchaseActivity}, {@code JdbcRedemptions}), the API
 * ({@code LoyaltyController}, {@code /api/v1/loyalty}), the service the API, dashboard and CLI share
 * ({@code LoyaltyService}: one transaction per call), the webhook topic ({@code LoyaltyWebhooks}) and the wiring
 * ({@code LoyaltyConfiguration}: the card fields as a {@code FieldSet} bean). Every statement is scoped to the
 * caller's store.
 */
package io.basira.server.loyalty;
