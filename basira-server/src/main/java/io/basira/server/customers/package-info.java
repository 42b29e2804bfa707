/**
 * The customer page and the customers API: they gather every feature's view of one customer (card, groups,
 * analytics, loyalty, next products, privacy actions), so this feature sits above them.
 */
package io.basira.server.customers;
