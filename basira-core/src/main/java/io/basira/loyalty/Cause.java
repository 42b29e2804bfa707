package io.basira.loyalty;

import java.util.Locale;

/**
 * Why a ledger entry exists. Each entry names its source by {@code ref}: the order, review, redemption or
 * adjustment id, or the date of a birthday or expiry.
 */
public enum Cause {
    /** Points an order earned (positive): a completed order, or a raise of its total. */
    ORDER(true),
    /** Points an order gave back (negative): cancelled, returned, refunded in part, or moved to another customer. */
    REVERSAL(true),
    REVIEW(false),
    BIRTHDAY(false),
    SIGNUP(false),
    /** A custom action reported through the API (a share, a completed profile), with its own points. */
    ACTION(false),
    /** A manual adjustment by a person (actor and reason kept), positive or negative. */
    ADJUSTMENT(false),
    /** Points reserved by a redemption (negative); given back by a {@link #RELEASE}. */
    REDEMPTION(false),
    /** A reservation released (positive): the redemption was not used. */
    RELEASE(false),
    /** Available points that expired (negative). */
    EXPIRY(false);

    private final boolean ofAnOrder;

    Cause(boolean ofAnOrder) {
        this.ofAnOrder = ofAnOrder;
    }

    /** Whether entries of this cause belong to an order (their ref is the order id). */
    public boolean ofAnOrder() {
        return ofAnOrder;
    }

    /** Whether the points count as earned (lifetime points, the points tier basis). */
    public boolean earning() {
        return this == ORDER
                || this == REVERSAL
                || this == REVIEW
                || this == BIRTHDAY
                || this == SIGNUP
                || this == ACTION
                || this == ADJUSTMENT;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Cause fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
