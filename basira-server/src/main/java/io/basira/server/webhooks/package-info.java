/**
 * Webhooks out (docs/webhooks.md): a store's endpoints and the signed deliveries of its events, in the Standard
 * Webhooks format.
 *
 * <p>Contracts. A {@link io.basira.server.webhooks.WebhookTopic} bean registers event types and turns committed
 * domain events into messages; {@link io.basira.server.webhooks.WebhookFanOut}, the durable outbox listener
 * {@code webhooks-out}, writes one delivery per message and subscribed endpoint, idempotently (unique per endpoint
 * and message id: the listener is told at least once). {@link io.basira.server.webhooks.WebhookDispatcher} claims
 * due deliveries (on PostgreSQL {@code FOR UPDATE SKIP LOCKED}, so many instances share the work) and sends them
 * on the {@link io.basira.server.webhooks.RetrySchedule}, on the application's clock. Every query names its store;
 * an endpoint's address is checked by {@link io.basira.server.webhooks.EndpointAddresses} when it is registered and
 * before every attempt. Outgoing only: incoming platform webhooks live in {@code io.basira.server.sources}.
 */
package io.basira.server.webhooks;
