/**
 * The import use case {@code ImportFolder} (one pass into temporary tables, set-based writes, cards
 * folded in bulk; one transaction: all or nothing), the batch rebuild {@code RebuildCards} and the
 * upload endpoint.
 */
package io.basira.server.importing;
