package io.basira.loyalty;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Points spent on a reward: reserved first (the points leave the balance by a {@code redemption} entry), then
 * committed (the reward was used) or released (a {@code release} entry gives them back). {@code valueMinor} is
 * a coupon's amount; {@code couponCode} the single-use coupon issued for a coupon or free-shipping reward.
 */
public record Redemption(String id, String customerId, Reward reward, long points, long valueMinor,
        String couponCode, String productId, State state, Instant createdAt) {

    public Redemption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (points <= 0) {
            throw new IllegalArgumentException("a redemption spends points, not " + points);
        }
    }

    public Redemption in(State next) {
        return new Redemption(id, customerId, reward, points, valueMinor, couponCode, productId, next, createdAt);
    }

    public Redemption withCoupon(String code) {
        return new Redemption(id, customerId, reward, points, valueMinor, code, productId, state, createdAt);
    }

    /** What the points buy. */
    public enum Reward {
        COUPON, FREE_SHIPPING, FREE_PRODUCT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reward fromCode(String code) {
            for (Reward reward : values()) {
                if (reward.code().equals(code)) {
                    return reward;
                }
            }
            throw new IllegalArgumentException("unknown reward '" + code + "', expected coupon, free_shipping or free_product");
        }
    }

    public enum State {
        RESERVED, COMMITTED, RELEASED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
