/**
 * The messenger (docs/campaigns.md, "Channels" and "Care"): {@link DeliveringMessenger} implements the campaign
 * engine's port {@code io.basira.campaigns.Messenger} with the core's care ({@code io.basira.campaigns.delivery}),
 * this package's stores (channel settings with sealed secrets, contact preferences and consent, the message log
 * that keeps one idempotency key to one send) and channels (SMTP, the SMS gateways, outgoing webhooks); the
 * one-click unsubscribe door {@code /u/{token}} and the {@code /api/v1/messages} API.
 */
package io.basira.server.messaging;
