/**
 * Privacy and audit (docs/privacy.md): the registry of every place that holds data about a customer
 * ({@link io.basira.server.privacy.CustomerDataKind} beans collected by {@link io.basira.server.privacy.PrivacyRegistry}),
 * the export of one customer's data ({@link io.basira.server.privacy.ExportCustomer}), the erasure
 * ({@link io.basira.server.privacy.EraseCustomer}: one transaction, then the memory; orders kept de-identified
 * under a pseudonym; a {@link io.basira.server.privacy.Tombstones tombstone} keeps the person from coming back),
 * the append-only {@link io.basira.server.privacy.AuditLog}, retention per kind of data enforced at each store's
 * midnight ({@link io.basira.server.privacy.RetentionRun}) and the platforms' privacy webhooks
 * ({@link io.basira.server.privacy.PrivacyWebhooks}).
 *
 * <p>A feature that stores data about a customer declares one {@code CustomerDataKind} bean; the contract test
 * {@code PrivacyRegistryContract} fails while a table with a customer reference is covered by none.
 */
package io.basira.server.privacy;
