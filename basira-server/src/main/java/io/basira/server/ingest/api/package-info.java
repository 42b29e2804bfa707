/**
 * The record intake (customers, orders, carts and the rest through the JSON API; docs/api.md) part of the JSON API
 * under {@code /api/v1}: controllers, request records checked with Bean Validation, and answer records. Every call
 * acts on its API key's store ({@code CurrentStore}) and calls the feature's use cases; HTTP types stay in this
 * package.
 */
package io.basira.server.ingest.api;
