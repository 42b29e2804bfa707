/**
 * The import use case {@code ImportFolder} (two passes, one transaction: all or nothing) and the
 * upload endpoint.
 */
package io.basira.server.importing;
