/**
 * The campaigns (abandoned carts, win-back, one-off messages, control groups and lift; docs/campaigns.md) part of
 * the JSON API under {@code /api/v1}: controllers, request records checked with Bean Validation, and answer
 * records. Every call acts on its API key's store ({@code CurrentStore}) and calls the feature's use cases; HTTP
 * types stay in this package.
 */
package io.basira.server.campaigns.api;
