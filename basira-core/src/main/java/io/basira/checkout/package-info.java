/**
 * Checkout: policies, coupons, the store's catalogue of payment methods and carriers, and the decision
 * {@link io.basira.checkout.EvaluateCheckout} (docs/checkout.md), which only reads. Who a policy or coupon
 * is for is an {@link io.basira.checkout.EligibleGroups}. A coupon's use is counted, within its usage
 * limits, by {@link io.basira.checkout.CouponRedemption}, a write participant that runs in the
 * transaction that stores the order; the limit itself is guarded by the database update of the port
 * {@link io.basira.checkout.CouponRedemptions}. Money is exact; rounding is half-up to the minor unit.
 */
package io.basira.checkout;
