/**
 * Checkout over HTTP and JDBC: policies, coupons and the catalogue (every change audited), the decision
 * endpoint, and {@code JdbcCouponRedemptions}, where a coupon's usage limit is enforced by one
 * conditional update of its row ({@code used < usage_limit}) in the order's write transaction.
 */
package io.basira.server.checkout;
