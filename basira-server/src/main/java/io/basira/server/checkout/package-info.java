/**
 * Checkout over HTTP and JDBC: policies, coupons and the catalogue (every change audited), the decision
 * endpoint, and {@code JdbcCouponRedemptions}, where a coupon's usage limit is enforced by one
 * conditional update of its row ({@code used < usage_limit}) in the order's write transaction.
 *
 * <p>Requests are records ({@code PolicyRequest}, {@code CouponRequest}, {@code CatalogueRequest},
 * {@code DecisionRequest}); the API's controllers and the dashboard's forms hand them to the one application
 * service, {@code CheckoutSetup}. {@code CheckoutAnswers} describes the answers for the OpenAPI description.
 */
package io.basira.server.checkout;
