/**
 * The customer–product analyses of docs/products.md over HTTP, the CLI and the dashboard: reads a store's
 * counted order lines into {@link io.basira.analytics.products.Baskets} ({@link JdbcBaskets}) and answers
 * category affinity, bought together and next products ({@link ProductAnalytics}) as
 * {@link io.basira.server.analytics.Report}s.
 */
package io.basira.server.products;
