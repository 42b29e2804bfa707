/**
 * Each platform's webhook payloads read into Basira's canonical records (docs/connect.md, "What each
 * platform's events become"): {@link io.basira.server.sources.mapping.PlatformEvents#of} gives the reader of
 * a platform, whose {@code read} returns a {@link io.basira.server.sources.mapping.Mapped} — the records to
 * write with the platform's version time, an order to cancel, or why the event is only recorded — or throws
 * {@link io.basira.server.sources.mapping.Unmappable} with a reason a merchant can act on. Plain Java over
 * Jackson trees: no Spring, no database.
 */
package io.basira.server.sources.mapping;
