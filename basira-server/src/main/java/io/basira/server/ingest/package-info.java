/**
 * The JSON and NDJSON write API. Objects go through the CSV column parsing, so the API and the import
 * accept exactly the same values; a bulk body is streamed a line at a time within {@code BulkLimits}.
 * All or nothing: a bad record fails the whole call, with its line.
 */
package io.basira.server.ingest;
