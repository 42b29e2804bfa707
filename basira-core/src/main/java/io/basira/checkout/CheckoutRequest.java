package io.basira.checkout;

import io.basira.commerce.ColumnLengths;
import io.basira.shared.Money;
import io.basira.shared.TextRules;
import java.util.List;
import java.util.Objects;

/**
 * One checkout to decide.
 *
 * @param customerId the store's customer id; null for an anonymous visitor
 * @param items at least one line, all in the store's currency
 * @param couponCode null or blank when none was entered
 * @param shippingFee the shipping price quoted by the storefront (zero when not given); free shipping makes it zero
 * @param address where the order ships; null when unknown (accepted and echoed; no policy uses it yet)
 */
public record CheckoutRequest(
        String customerId, List<CartItem> items, String couponCode, Money shippingFee, Address address) {

    /** A delivery address, as far as it is known. */
    public record Address(String country, String region, String city) {
        public Address {
            TextRules.requireLine(country, "address.country", ColumnLengths.PLACE);
            TextRules.requireLine(region, "address.region", ColumnLengths.PLACE);
            TextRules.requireLine(city, "address.city", ColumnLengths.PLACE);
        }
    }

    public CheckoutRequest {
        customerId = customerId == null || customerId.isBlank() ? null : customerId;
        TextRules.requireLine(customerId, "customer_id", ColumnLengths.ID);
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items: the cart has no items");
        }
        couponCode = couponCode == null || couponCode.isBlank() ? null : couponCode;
        TextRules.requireLine(couponCode, "coupon_code", Coupon.MAX_CODE_LENGTH);
        Objects.requireNonNull(shippingFee, "shipping_fee");
        if (shippingFee.isNegative()) {
            throw new IllegalArgumentException("shipping_fee " + shippingFee.toPlainString() + " is negative");
        }
        requireCountable(items, shippingFee);
    }

    /**
     * Every sum a decision makes stays below {@link Long#MAX_VALUE} minor units: each discount is at
     * most what it applies to, so the subtotal plus shipping is the largest of them.
     */
    private static void requireCountable(List<CartItem> items, Money shippingFee) {
        long sum = shippingFee.minor();
        for (int i = 0; i < items.size(); i++) {
            try {
                sum = Math.addExact(sum, items.get(i).lineTotal().minor());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("items[" + i + "]: the cart's total up to this line is more than the"
                        + " largest amount Basira counts (" + Checkouts.largest(shippingFee) + ")");
            }
        }
    }

    public boolean isAnonymous() {
        return customerId == null;
    }

    /** The sum of quantity × unit price, before any discount. */
    public Money subtotal() {
        Money sum = Money.zero(shippingFee.currency());
        for (CartItem item : items) {
            sum = sum.plus(item.lineTotal());
        }
        return sum;
    }
}
