package io.basira.checkout;

import io.basira.shared.Money;

/** Limits shared by the checkout's values. */
final class Checkouts {

    /** The longest name of a policy, payment method or carrier (as a group's name). */
    static final int MAX_NAME_LENGTH = 200;
    /** The most products a buy-X-get-Y names, and groups an EligibleGroups names on each side. */
    static final int MAX_LISTED = 100;

    private Checkouts() {}

    /** The largest amount in {@code like}'s currency, as text ({@code 92233720368547758.07} for SAR). */
    static String largest(Money like) {
        return Money.ofMinor(Long.MAX_VALUE, like.currency()).toPlainString();
    }
}
