package io.basira.checkout;

import io.basira.shared.Money;
import io.basira.shared.TextRules;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A coupon code and its terms.
 *
 * @param code compared case-insensitively; stored upper-case (see {@link #normalize})
 * @param minimumTotal the cart subtotal (before any discount) it needs, inclusive; null: none
 * @param maximumDiscount a cap on the coupon's discount; null: none
 * @param validity from its start (inclusive) to its end (exclusive)
 * @param usageLimit uses counted over all customers; null: unlimited
 * @param perCustomerLimit uses counted per customer; null: unlimited
 * @param eligible the groups that may use it
 */
public record Coupon(
        String code,
        CouponBenefit benefit,
        Money minimumTotal,
        Money maximumDiscount,
        Validity validity,
        Integer usageLimit,
        Integer perCustomerLimit,
        EligibleGroups eligible) {

    /** The longest coupon code (the schema's {@code checkout_coupons.code}). */
    public static final int MAX_CODE_LENGTH = 64;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9\\p{L}][A-Z0-9\\p{L}_-]{0,63}");

    public Coupon {
        code = normalize(code);
        TextRules.requireLine(code, "code", MAX_CODE_LENGTH);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("coupon code '" + code + "' must be 1-64 letters, digits, '_' or '-'");
        }
        Objects.requireNonNull(benefit, "benefit");
        Amounts.requireNotNegative(minimumTotal, "minimum_total");
        Amounts.requireNotNegative(maximumDiscount, "maximum_discount");
        validity = validity == null ? Validity.always() : validity;
        requirePositive(usageLimit, "usage_limit");
        requirePositive(perCustomerLimit, "per_customer_limit");
        eligible = eligible == null ? EligibleGroups.everyone() : eligible;
    }

    /** The form codes are stored and compared in: stripped, upper-case (ROOT locale). Null stays null. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private static void requirePositive(Integer limit, String what) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException(what + " " + limit + " must be at least 1 (or absent for no limit)");
        }
    }
}
