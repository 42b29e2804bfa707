/**
 * Customer–product analyses (docs/products.md): category affinity of customer groups
 * ({@link io.basira.analytics.products.CategoryAffinity}), products and categories bought together
 * ({@link io.basira.analytics.products.BoughtTogether}) and the products each customer is most likely to buy
 * next ({@link io.basira.analytics.products.NextProducts}), all computed from a store's order lines held as
 * primitive columns ({@link io.basira.analytics.products.Baskets}). Plain Java, deterministic: the same lines
 * give the same answer.
 */
package io.basira.analytics.products;
