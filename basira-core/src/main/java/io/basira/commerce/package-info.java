/**
 * The records that come in (customers, orders and their lines, products, carts, reviews, wishlist
 * items), as the canonical import format of docs/import.md defines them. Each record validates in its
 * compact constructor, with the schema's text lengths ({@link io.basira.commerce.ColumnLengths}); a
 * record that exists is valid. Platform statuses are mapped onto {@link io.basira.commerce.OrderStatus}
 * before they get here.
 */
package io.basira.commerce;
