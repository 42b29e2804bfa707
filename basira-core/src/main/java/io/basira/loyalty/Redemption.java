package io.basira.loyalty;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Points spent on a reward: reserved first (the points leave the balance by a {@code redemption} entry), then
 * committed (the reward was used) or released (a {@code release} entry gives them back). {@code valueMinor} is
 * a coupon's amount; {@code couponCode} the single-use coupon issued for a coupon or free-shipping reward.
 *
 * <p>{@code orderId} and {@code orderCreatedAt} are the order that used the reward's coupon and when that order was
 * placed, kept when that order committed the redemption ({@link CommitUsedRewards}); both null otherwise (reserved,
 * released, or committed through the API, which names no order).
 */
public record Redemption(
        String id,
        String customerId,
        Reward reward,
        long points,
        long valueMinor,
        String couponCode,
        String productId,
        State state,
        Instant createdAt,
        String orderId,
        Instant orderCreatedAt) {

    public Redemption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (points <= 0) {
            throw new IllegalArgumentException("a redemption spends points, not " + points);
        }
        if ((orderId == null) != (orderCreatedAt == null)) {
            throw new IllegalArgumentException(
                    "an order id and its time go together, not " + orderId + " at " + orderCreatedAt);
        }
        if (orderId != null && state != State.COMMITTED) {
            throw new IllegalArgumentException(
                    "only a committed redemption was used by an order, not a " + state.code() + " one");
        }
    }

    /** A redemption without an order yet (reserved now, or as stored before its order). */
    public Redemption(
            String id,
            String customerId,
            Reward reward,
            long points,
            long valueMinor,
            String couponCode,
            String productId,
            State state,
            Instant createdAt) {
        this(id, customerId, reward, points, valueMinor, couponCode, productId, state, createdAt, null, null);
    }

    public Redemption in(State next) {
        return new Redemption(
                id,
                customerId,
                reward,
                points,
                valueMinor,
                couponCode,
                productId,
                next,
                createdAt,
                orderId,
                orderCreatedAt);
    }

    public Redemption withCoupon(String code) {
        return new Redemption(
                id, customerId, reward, points, valueMinor, code, productId, state, createdAt, orderId, orderCreatedAt);
    }

    /** Committed by the order that used its coupon, placed at {@code placedAt}. */
    public Redemption usedBy(String order, Instant placedAt) {
        return new Redemption(
                id,
                customerId,
                reward,
                points,
                valueMinor,
                couponCode,
                productId,
                State.COMMITTED,
                createdAt,
                Objects.requireNonNull(order, "order"),
                Objects.requireNonNull(placedAt, "placedAt"));
    }

    /** What the points buy. */
    public enum Reward {
        COUPON,
        FREE_SHIPPING,
        FREE_PRODUCT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reward fromCode(String code) {
            for (Reward reward : values()) {
                if (reward.code().equals(code)) {
                    return reward;
                }
            }
            throw new IllegalArgumentException(
                    "unknown reward '" + code + "', expected coupon, free_shipping or free_product");
        }
    }

    public enum State {
        RESERVED,
        COMMITTED,
        RELEASED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
