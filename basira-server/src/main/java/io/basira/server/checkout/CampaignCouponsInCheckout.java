package io.basira.server.checkout;

import io.basira.checkout.Coupon;
import io.basira.checkout.CouponBenefit;
import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Validity;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Campaigns' discount codes as checkout coupons (docs/campaigns.md, "Kinds"): each message that carries a discount
 * gets a single-use coupon ({@code usage_limit} 1, one use per customer) with an unguessable code {@code CMP-…},
 * a percentage off, valid from its issue until its expiry. In the caller's transaction.
 */
public final class CampaignCouponsInCheckout {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcCoupons coupons;
    private final JdbcStores stores;

    public CampaignCouponsInCheckout(JdbcCoupons coupons, JdbcStores stores) {
        this.coupons = coupons;
        this.stores = stores;
    }

    /** Issues a single-use coupon of {@code percent} % off, valid from {@code from} until {@code until}. @return its code */
    public String issue(StoreId storeId, int percent, Instant from, Instant until) {
        Store store = stores.findById(storeId).orElseThrow();
        CouponBenefit benefit = new CouponBenefit.PercentOff(BigDecimal.valueOf(percent));
        for (int attempt = 0; attempt < 5; attempt++) {
            Coupon coupon =
                    new Coupon(code(), benefit, null, null, new Validity(from, until), 1, 1, EligibleGroups.everyone());
            if (coupons.create(store, coupon)) {
                return coupon.code();
            }
        }
        throw new IllegalStateException("no free coupon code after 5 attempts");
    }

    /** Withdraws a coupon issued here. */
    public void withdraw(StoreId store, String code) {
        coupons.delete(store, code);
    }

    private static String code() {
        StringBuilder code = new StringBuilder("CMP-");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
