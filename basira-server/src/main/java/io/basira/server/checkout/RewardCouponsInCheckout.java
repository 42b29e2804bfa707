package io.basira.server.checkout;

import io.basira.checkout.Coupon;
import io.basira.checkout.CouponBenefit;
import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Validity;
import io.basira.loyalty.Redemption;
import io.basira.loyalty.RewardCoupons;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Loyalty rewards as checkout coupons (docs/loyalty.md, "Redemption"): each reward gets a single-use coupon
 * ({@code usage_limit} 1) with an unguessable code {@code PTS-…}: a coupon reward is an amount off, a
 * free-shipping reward free shipping. A released reward's coupon is deleted. In the caller's transaction.
 */
public final class RewardCouponsInCheckout implements RewardCoupons {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcCoupons coupons;
    private final JdbcStores stores;

    public RewardCouponsInCheckout(JdbcCoupons coupons, JdbcStores stores) {
        this.coupons = coupons;
        this.stores = stores;
    }

    @Override
    public String issue(StoreId storeId, Redemption redemption) {
        Store store = stores.findById(storeId).orElseThrow();
        CouponBenefit benefit = switch (redemption.reward()) {
            case COUPON -> new CouponBenefit.AmountOff(Money.ofMinor(redemption.valueMinor(), store.currency()));
            case FREE_SHIPPING -> new CouponBenefit.FreeShipping();
            case FREE_PRODUCT -> throw new IllegalArgumentException("a free product has no coupon");
        };
        for (int attempt = 0; attempt < 5; attempt++) {
            Coupon coupon = new Coupon(code(), benefit, null, null, Validity.always(), 1, 1, EligibleGroups.everyone());
            if (coupons.create(store, coupon)) {
                return coupon.code();
            }
        }
        throw new IllegalStateException("no free coupon code after 5 attempts");
    }

    @Override
    public void withdraw(StoreId store, String code) {
        coupons.delete(store, code);
    }

    private static String code() {
        StringBuilder code = new StringBuilder(RewardCoupons.PREFIX);
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString().toUpperCase(Locale.ROOT);
    }
}
