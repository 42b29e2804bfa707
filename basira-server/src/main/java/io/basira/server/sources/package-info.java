/**
 * Incoming platform webhooks (docs/connect.md): a store's registered sources ({@link
 * io.basira.server.sources.jdbc.JdbcSources}, secrets sealed by {@link io.basira.server.platform.security.SecretBox}),
 * each platform's signature check ({@link io.basira.server.sources.Signatures}), the public endpoint
 * {@code /webhooks/{platform}/{source-id}} that stores a verified delivery in the inbox before it answers
 * ({@link io.basira.server.sources.ReceiveWebhook}), and the outbox listener that applies each inbox event
 * once through the write use case {@code IngestRecords} ({@link io.basira.server.sources.InboxApplication}),
 * reading the platforms' payloads into canonical records ({@code mapping}).
 */
package io.basira.server.sources;
