package io.basira.checkout;

import io.basira.shared.Money;
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
public record CheckoutRequest(String customerId, List<CartItem> items, String couponCode, Money shippingFee,
        Address address) {

    /** A delivery address, as far as it is known. */
    public record Address(String country, String region, String city) {}

    public CheckoutRequest {
        customerId = customerId == null || customerId.isBlank() ? null : customerId;
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items: the cart has no items");
        }
        couponCode = couponCode == null || couponCode.isBlank() ? null : couponCode;
        Objects.requireNonNull(shippingFee, "shipping_fee");
        if (shippingFee.isNegative()) {
            throw new IllegalArgumentException("shipping_fee " + shippingFee.toPlainString() + " is negative");
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
