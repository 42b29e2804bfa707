package io.basira.loyalty;

import io.basira.shared.StoreId;

/**
 * Port: the single-use coupons of rewards, through checkout's coupons (so a reward is used like any coupon).
 * Runs in the caller's transaction.
 */
public interface RewardCoupons {

    /** Every reward coupon's code starts with this (upper case), so the write path knows one without a look-up. */
    String PREFIX = "PTS-";

    /** Issues a single-use coupon for a coupon or free-shipping reward; returns its code. */
    String issue(StoreId store, Redemption redemption);

    /** Withdraws the coupon of a released reward. */
    void withdraw(StoreId store, String code);
}
